using Bot.Answering;
using Bot.Commands;
using Bot.Storage;
using Bot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Bot.Tests.Commands;

/// <summary>The follow-up memory over a real SQLite file, on a fake clock.</summary>
public sealed class ConversationMemoryTests : IDisposable
{
    private static readonly CommandContext s_alice = new(Platform.Discord, "guild", "channel", "123456789012345678", CanManageChannel: false);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly string _folder = TestFactBase.CreateTempFolder("conversations");
    private readonly SqliteStore _store;

    public ConversationMemoryTests() =>
        _store = new SqliteStore($"Data Source={Path.Combine(_folder, "bot.db")}", new StorageLog(NullLogger<StorageLog>.Instance));

    public void Dispose()
    {
        _store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private ConversationMemory Memory(IConversationStore? store = null) =>
        new(store ?? _store, _time, new CommandsLog(NullLogger<CommandsLog>.Instance));

    [Fact]
    public async Task Recall_WithinTheLifetime_IsTheLastQuestion()
    {
        var memory = Memory();
        await memory.RememberAsync(s_alice, new PreviousQuestion("who is akazawa", "ryosei-akazawa"), default);
        await memory.RememberAsync(s_alice, new PreviousQuestion("when was round 4", "round-4"), default);

        _time.Advance(ConversationMemory.Lifetime - TimeSpan.FromSeconds(1));

        Assert.Equal(new PreviousQuestion("when was round 4", "round-4"), await memory.RecallAsync(s_alice, default));
    }

    [Fact]
    public async Task Recall_ALifetimeLater_IsNothing()
    {
        var memory = Memory();
        await memory.RememberAsync(s_alice, new PreviousQuestion("who is akazawa", "ryosei-akazawa"), default);

        _time.Advance(ConversationMemory.Lifetime);

        Assert.Null(await memory.RecallAsync(s_alice, default));
    }

    [Fact]
    public async Task Sweeper_DeletesExpiredQuestions_WithNobodyAsking()
    {
        await Memory().RememberAsync(s_alice, new PreviousQuestion("who is akazawa", "ryosei-akazawa"), default);
        _time.Advance(ConversationMemory.Lifetime + TimeSpan.FromSeconds(1));
        using var sweeper = new ConversationSweeper(_store, _time, new CommandsLog(NullLogger<CommandsLog>.Instance));

        await sweeper.StartAsync(default);

        // Deleted, not only too old to recall: asked for since any time, it is gone.
        await Eventually.TrueAsync(
            async () => await _store.RecallTurnAsync(ConversationMemory.Key(s_alice)!, DateTimeOffset.UnixEpoch, default) is null,
            () => Task.FromResult("the expired question was not deleted"));
        await sweeper.StopAsync(default);
    }

    [Fact]
    public async Task Recall_DatabaseSlowerThanTheBudget_StandsAloneInTime()
    {
        var store = new Mock<IConversationStore>();
        store.Setup(s => s.RecallTurnAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .Returns(async (string _, DateTimeOffset _, CancellationToken ct) =>
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, ct);
                return new PreviousQuestion("never", null);
            });
        var recall = Memory(store.Object).RecallAsync(s_alice, default);
        Assert.False(recall.IsCompleted);

        _time.Advance(ConversationMemory.Budget);

        Assert.Null(await recall.WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task Recall_RequestCancelled_IsCancelled()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Memory().RecallAsync(s_alice, cancelled.Token));
    }

    [Fact]
    public async Task Recall_AnotherAskerChannelOrPlatform_IsNothing()
    {
        var memory = Memory();
        await memory.RememberAsync(s_alice, new PreviousQuestion("who is akazawa", "ryosei-akazawa"), default);

        Assert.Null(await memory.RecallAsync(s_alice with { UserId = "bob" }, default));
        Assert.Null(await memory.RecallAsync(s_alice with { ChannelId = "other" }, default));
        Assert.Null(await memory.RecallAsync(s_alice with { WorkspaceId = "other" }, default));
        Assert.Null(await memory.RecallAsync(s_alice with { Platform = Platform.Slack }, default));
    }

    [Fact]
    public async Task Remember_KeepsAHashOfWhoAndWhere_NeverTheIds()
    {
        await Memory().RememberAsync(s_alice, new PreviousQuestion("who is akazawa", "ryosei-akazawa"), default);

        var bytes = await File.ReadAllBytesAsync(Path.Combine(_folder, "bot.db"));
        var wal = Path.Combine(_folder, "bot.db-wal");
        var all = System.Text.Encoding.UTF8.GetString([.. bytes, .. File.Exists(wal) ? await File.ReadAllBytesAsync(wal) : []]);
        Assert.Contains("who is akazawa", all, StringComparison.Ordinal);
        Assert.DoesNotContain(s_alice.UserId!, all, StringComparison.Ordinal);
        Assert.Contains(ConversationMemory.Key(s_alice)!, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remember_OnTheConsoleOrWithNoUser_KeepsNothing()
    {
        var store = new Mock<IConversationStore>(MockBehavior.Strict);
        var memory = Memory(store.Object);

        await memory.RememberAsync(CommandContext.Console, new PreviousQuestion("who is akazawa", null), default);
        await memory.RememberAsync(s_alice with { UserId = null }, new PreviousQuestion("who is akazawa", null), default);

        Assert.Null(await memory.RecallAsync(CommandContext.Console, default));
        store.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task RecallAndRemember_DatabaseFails_TheQuestionStandsAlone()
    {
        var store = new Mock<IConversationStore>();
        store.Setup(s => s.RecallTurnAsync(It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("database down"));
        store.Setup(s => s.RememberTurnAsync(It.IsAny<string>(), It.IsAny<PreviousQuestion>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("database down"));
        var memory = Memory(store.Object);

        await memory.RememberAsync(s_alice, new PreviousQuestion("who is akazawa", null), default);

        Assert.Null(await memory.RecallAsync(s_alice, default));
    }
}
