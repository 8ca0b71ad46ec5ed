using Bot.Answering;
using Bot.Facts;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Answering;

/// <summary>The facts in Japanese as served: read when the file changes, a new generation only when its content does,
/// the last good kept when a file is broken, and a file still being written looked at again.</summary>
public sealed class JapaneseFactsTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"japanese-answers-{Guid.NewGuid():N}.yaml");
    private readonly Fact _akazawa = AnsweringTestFacts.Load().Find("ryosei-akazawa")!;
    private readonly JapaneseFacts _japanese;

    public JapaneseFactsTests() => _japanese = new JapaneseFacts(_path, new AnsweringLog(NullLogger<AnsweringLog>.Instance));

    public void Dispose() => File.Delete(_path);

    private void Write(string title, DateTime at) => WriteRaw(
        $"facts:\n  - id: ryosei-akazawa\n    of: {JapaneseAnswers.Fingerprint(_akazawa)}\n    title: {title}\n    text: 日本の首席交渉官。\n", at);

    private void WriteRaw(string content, DateTime at)
    {
        File.WriteAllText(_path, content);
        File.SetLastWriteTimeUtc(_path, at);
    }

    private string? Title() => _japanese.Read().Answers.For(_akazawa)?.Title;

    [Fact]
    public void Read_ChangesAndBrokenFiles_NewGenerationOnlyWhenTheContentChanges()
    {
        var at = DateTime.UtcNow.AddMinutes(-10);
        var (none, first) = _japanese.Read();
        Assert.Null(none.For(_akazawa));

        Write("赤沢亮正", at);
        var (_, second) = _japanese.Read();
        Assert.True(second > first);
        Assert.Equal("赤沢亮正", Title());

        // Saved again as it was: looked at, same content, same generation (no new index).
        Write("赤沢亮正", at.AddSeconds(1));
        Assert.Equal(second, _japanese.Read().Generation);

        // Broken: the last good is kept, and the generation with it.
        WriteRaw("facts:\n  - id: [broken\n", at.AddSeconds(2));
        Assert.Equal(second, _japanese.Read().Generation);
        Assert.Equal("赤沢亮正", Title());

        Write("赤沢亮正氏", at.AddSeconds(3));
        Assert.True(_japanese.Read().Generation > second);
        Assert.Equal("赤沢亮正氏", Title());
    }

    [Fact]
    public void Read_FileWrittenJustNow_IsLookedAtAgainEvenWithTheSameTimeAndLength()
    {
        var now = DateTime.UtcNow;
        Write("赤沢亮正A", now);
        Assert.Equal("赤沢亮正A", Title());

        // The rest of a save landing within the same clock tick: same write time, same length, new content.
        Write("赤沢亮正B", now);
        Assert.Equal("赤沢亮正B", Title());
    }

    [Fact]
    public void Read_NoPath_IsEmpty() => Assert.Equal(0, JapaneseFacts.None.Read().Generation);
}
