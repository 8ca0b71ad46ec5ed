using Bot.Answering;
using Bot.Facts;
using Bot.Tests.Slack;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Answering;

/// <summary>The facts in Japanese as served: read when the file changes, a new generation only when its content does,
/// the last good kept when a file is broken (logged once), and a file still settling read again.</summary>
public sealed class JapaneseFactsTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"japanese-answers-{Guid.NewGuid():N}.yaml");
    private readonly Fact _akazawa = AnsweringTestFacts.Load().Find("ryosei-akazawa")!;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly CapturingLoggerProvider _logs = new();
    private readonly JapaneseFacts _japanese;

    public JapaneseFactsTests() =>
        _japanese = new JapaneseFacts(_path, new AnsweringLog(new LoggerFactory([_logs]).CreateLogger<AnsweringLog>()), _time);

    public void Dispose() => File.Delete(_path);

    private void Write(string title, DateTime at) => WriteRaw(
        $"facts:\n  - id: ryosei-akazawa\n    of: {JapaneseAnswers.Fingerprint(_akazawa)}\n    title: {title}\n    text: 日本の首席交渉官。\n", at);

    private void WriteRaw(string content, DateTime at)
    {
        File.WriteAllText(_path, content);
        File.SetLastWriteTimeUtc(_path, at);
    }

    private string? Title() => _japanese.Read().Answers.For(_akazawa)?.Title;

    /// <summary>Reads, then lets the file's stamp settle.</summary>
    private (JapaneseAnswers Answers, long Generation) ReadAndSettle()
    {
        var read = _japanese.Read();
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal(read.Generation, _japanese.Read().Generation);
        return read;
    }

    private int Unreadable() => _logs.Lines.Count(l => l.Contains("[3014]", StringComparison.Ordinal));

    [Fact]
    public void Read_ChangesAndBrokenFiles_NewGenerationOnlyWhenTheContentChanges()
    {
        var at = DateTime.UtcNow.AddMinutes(-10);
        var (none, first) = ReadAndSettle();
        Assert.Null(none.For(_akazawa));

        Write("赤沢亮正", at);
        var (_, second) = ReadAndSettle();
        Assert.True(second > first);
        Assert.Equal("赤沢亮正", Title());

        // Saved again as it was: same content, same generation (no new index).
        Write("赤沢亮正", at.AddSeconds(1));
        Assert.Equal(second, ReadAndSettle().Generation);

        // Broken: the last good is kept, and the generation with it; said once, however often it is read.
        WriteRaw("facts:\n  - id: [broken\n", at.AddSeconds(2));
        Assert.Equal(second, ReadAndSettle().Generation);
        Assert.Equal(second, ReadAndSettle().Generation);
        Assert.Equal("赤沢亮正", Title());
        Assert.Equal(1, Unreadable());

        Write("赤沢亮正氏", at.AddSeconds(3));
        Assert.True(ReadAndSettle().Generation > second);
        Assert.Equal("赤沢亮正氏", Title());
    }

    [Fact]
    public void Read_FileStillSettling_IsReadAgainEvenWithTheSameTimeAndLength()
    {
        var at = DateTime.UtcNow.AddMinutes(-10);
        Write("赤沢亮正A", at);
        Assert.Equal("赤沢亮正A", Title());

        // The rest of a save landing within the same clock tick: same write time, same length, new content.
        Write("赤沢亮正B", at);
        Assert.Equal("赤沢亮正B", Title());

        // Once the stamp has held for the settling time, the file is no longer read: an edit that keeps the stamp is
        // not seen (and no real edit does).
        _time.Advance(TimeSpan.FromSeconds(3));
        Assert.Equal("赤沢亮正B", Title());
        Write("赤沢亮正C", at);
        Assert.Equal("赤沢亮正B", Title());
    }

    [Fact]
    public void Read_FileTimeInTheFuture_SettlesByTheServicesClock()
    {
        // A write time ahead of the clock (a copied file, a skewed mount) still settles: it is not read on every call.
        var future = DateTime.UtcNow.AddHours(1);
        Write("赤沢亮正A", future);
        var (_, generation) = ReadAndSettle();

        Write("赤沢亮正B", future);
        Assert.Equal(generation, _japanese.Read().Generation);
        Assert.Equal("赤沢亮正A", Title());
    }

    [Fact]
    public void Read_NoPath_IsEmpty() => Assert.Equal(0, JapaneseFacts.None.Read().Generation);
}
