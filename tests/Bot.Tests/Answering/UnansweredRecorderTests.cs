using Bot.Answering;
using Bot.Commands;
using Bot.Storage;
using Bot.Tests.Slack;
using Bot.Tests.TestSupport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Bot.Tests.Answering;

/// <summary>
/// The recorder between <c>ask</c> and the database: off by default, never makes an answer wait, loses nothing while
/// the database is away, writes what is queued when the service stops, and drops (with one warning) beyond its queue.
/// </summary>
public sealed class UnansweredRecorderTests : IDisposable
{
    private static readonly DateTimeOffset s_now = new(2025, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = TestFactBase.CreateTempFolder("unanswered-recorder");
    private readonly FakeTimeProvider _time = new(s_now);
    private readonly CapturingLoggerProvider _logs = new();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private UnansweredRecorder Recorder(IUnansweredStore store, bool enabled = true) =>
        new(store, Options.Create(new AnsweringOptions { RecordUnanswered = enabled, UnansweredRetentionDays = 30 }), _time,
            new AnsweringLog(new LoggerFactory([_logs]).CreateLogger<AnsweringLog>()));

    private SqliteStore Sqlite() => new($"Data Source={Path.Combine(_folder, "bot.db")}", new StorageLog(NullLogger<StorageLog>.Instance));

    private static UnansweredQuestion Question(string text) => new(text, Platform.Slack, 0.3, ["round-4"], "v1", s_now);

    private static string Text(UnansweredRecord record) => record switch
    {
        UnansweredQuestion q => q.Question,
        UnansweredChoice c => $"{c.QuestionTag} chose {c.FactId}",
        _ => throw new ArgumentException("unknown record", nameof(record)),
    };

    [Fact]
    public async Task TryRecord_Off_KeepsNothingButOldQuestionsAreStillForgotten()
    {
        var store = new Mock<IUnansweredStore>(MockBehavior.Strict);
        store.Setup(s => s.ForgetUnansweredAsync(It.IsAny<DateTimeOffset?>(), It.IsAny<CancellationToken>())).ReturnsAsync(0);
        var recorder = Recorder(store.Object, enabled: false);
        await recorder.StartAsync(default);

        Assert.False(recorder.TryRecord(Question("who signed the deal")));

        await Eventually.TrueAsync(
            () => Task.FromResult(store.Invocations.Count > 0),
            () => Task.FromResult("old questions were not forgotten at start"));
        await recorder.StopAsync(default);
        store.Verify(s => s.ForgetUnansweredAsync(s_now.AddDays(-30), It.IsAny<CancellationToken>()), Times.Once);
        store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task TryRecord_On_WritesToTheDatabase()
    {
        using var store = Sqlite();
        var recorder = Recorder(store);
        await recorder.StartAsync(default);

        Assert.True(recorder.TryRecord(Question("who signed the deal")));
        Assert.True(recorder.TryRecord(Question("Who signed the deal?")));
        Assert.True(recorder.TryRecord(Question("is the deal signed")));

        await Eventually.TrueAsync(
            async () => (await store.ListUnansweredAsync(null, 10, default)).Sum(e => e.Asked) == 3,
            async () => $"{(await store.ListUnansweredAsync(null, 10, default)).Sum(e => e.Asked)} of 3 askings written");
        await recorder.StopAsync(default);
        var entries = await store.ListUnansweredAsync(null, 10, default);
        Assert.Equal([("Who signed the deal?", 2), ("is the deal signed", 1)], entries.Select(e => (e.Question, e.Asked)));
        Assert.Equal(["round-4"], entries[0].Suggestions);
    }

    [Fact]
    public async Task TryRecord_Choice_IsWrittenWithTheQuestionItWasMadeFor()
    {
        using var store = Sqlite();
        var recorder = Recorder(store);
        await recorder.StartAsync(default);

        Assert.True(recorder.TryRecord(Question("who signed the deal")));
        Assert.True(recorder.TryRecord(new UnansweredChoice(UnansweredQuestion.Tag("Who signed the deal?"), "mou-550bn-signed", s_now)));

        await Eventually.TrueAsync(
            async () => (await store.ListUnansweredAsync(null, 10, default)) is [{ Chosen.Count: 1 }],
            async () => $"{(await store.ListUnansweredAsync(null, 10, default)).Count} questions, choice not written");
        await recorder.StopAsync(default);
        Assert.Equal([new UnansweredChosen("mou-550bn-signed", 1)], (await store.ListUnansweredAsync(null, 10, default))[0].Chosen);
    }

    [Fact]
    public async Task DatabaseDown_QuestionsWaitAndAreWrittenOnceItIsBack()
    {
        var written = new List<string>();
        var calls = 0;
        var store = new Mock<IUnansweredStore>();
        store.Setup(s => s.RecordUnansweredAsync(It.IsAny<IReadOnlyList<UnansweredRecord>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyList<UnansweredRecord> batch, DateTimeOffset _, CancellationToken _) =>
            {
                if (Interlocked.Increment(ref calls) == 1)
                {
                    throw new InvalidOperationException("connection refused");
                }

                lock (written)
                {
                    written.AddRange(batch.Select(Text));
                }

                return Task.CompletedTask;
            });
        var recorder = Recorder(store.Object);
        await recorder.StartAsync(default);

        recorder.TryRecord(Question("only one"));
        await Eventually.TrueAsync(() => Task.FromResult(Volatile.Read(ref calls) == 1), () => Task.FromResult("the first write was not tried"));

        // Nothing else is asked: only the clock moves, and the kept batch is tried again.
        await Eventually.TrueAsync(
            () =>
            {
                _time.Advance(TimeSpan.FromSeconds(1));
                lock (written)
                {
                    return Task.FromResult(written.Count == 1);
                }
            },
            () => Task.FromResult($"{Volatile.Read(ref calls)} write attempts, {written.Count} questions written"));
        await recorder.StopAsync(default);

        Assert.Equal(["only one"], written);
        Assert.Contains(_logs.Lines, l => l.Contains("[3008]", StringComparison.Ordinal) && l.Contains("connection refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RowTheDatabaseRefuses_IsDroppedAndTheOthersAreWritten()
    {
        var written = new List<string>();
        var store = new Mock<IUnansweredStore>();
        store.Setup(s => s.RecordUnansweredAsync(It.IsAny<IReadOnlyList<UnansweredRecord>>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyList<UnansweredRecord> batch, DateTimeOffset _, CancellationToken _) =>
            {
                if (batch.Any(q => Text(q) == "bad row"))
                {
                    throw new RefusedException();
                }

                lock (written)
                {
                    written.AddRange(batch.Select(Text));
                }

                return Task.CompletedTask;
            });
        var recorder = Recorder(store.Object);
        foreach (var question in new[] { "good one", "bad row", "good two" })
        {
            recorder.TryRecord(Question(question));
        }

        await recorder.StartAsync(default);
        await Eventually.TrueAsync(
            () =>
            {
                lock (written)
                {
                    return Task.FromResult(written.Count == 2);
                }
            },
            () => Task.FromResult($"{written.Count} of 2 good questions written"));
        recorder.TryRecord(Question("after it"));
        await Eventually.TrueAsync(
            () =>
            {
                lock (written)
                {
                    return Task.FromResult(written.Count == 3);
                }
            },
            () => Task.FromResult("recording stopped after the bad row"));
        await recorder.StopAsync(default);

        Assert.Equal(["good one", "good two", "after it"], written);
        Assert.Single(_logs.Lines, l => l.Contains("[3010]", StringComparison.Ordinal));
    }

    /// <summary>A database's refusal that trying again will not change (as PostgreSQL refuses a NUL in text).</summary>
    private sealed class RefusedException() : System.Data.Common.DbException("invalid byte sequence");

    [Fact]
    public async Task Stop_WritesWhatIsStillQueued()
    {
        // Stopped before its writer ever ran (a stop right after the start): the stop itself writes the queue.
        using var store = Sqlite();
        var recorder = Recorder(store);
        for (var i = 0; i < 250; i++)
        {
            Assert.True(recorder.TryRecord(Question($"question {i}")));
        }

        await recorder.StopAsync(default);

        Assert.Equal(250, (await store.ListUnansweredAsync(null, 1000, default)).Count);
    }

    [Fact]
    public void TryRecord_QueueFull_DropsWithOneWarning()
    {
        var recorder = Recorder(Mock.Of<IUnansweredStore>());
        for (var i = 0; i < UnansweredRecorder.QueueCapacity; i++)
        {
            Assert.True(recorder.TryRecord(Question($"question {i}")));
        }

        Assert.False(recorder.TryRecord(Question("one more")));
        Assert.False(recorder.TryRecord(Question("and another")));
        Assert.Single(_logs.Lines, l => l.Contains("[3007]", StringComparison.Ordinal));
    }
}
