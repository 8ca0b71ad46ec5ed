using Bot.Commands;
using Bot.Facts;
using Bot.Storage;
using Bot.Subscriptions;
using Bot.Tests.TestSupport;

namespace Bot.Tests.Subscriptions;

public sealed class ChangesCommandTests : IDisposable
{
    private readonly SubscriptionTestStore _test = new();
    private readonly TestFactBase _facts = new();
    private readonly StaticFacts _provider = new();
    private readonly Microsoft.Extensions.Time.Testing.FakeTimeProvider _time = new(new DateTimeOffset(2025, 6, 1, 0, 0, 0, TimeSpan.Zero));

    public void Dispose() => _test.Dispose();

    private ChangesCommand Command() => new(_test.Store, _provider, _test.Log);

    private async Task PublishAsync(DateTimeOffset at)
    {
        _time.SetUtcNow(at);
        _facts.WriteTo(_test.FactsFolder);
        _provider.Current = new FactBaseLoader(_time).Load(_test.FactsFolder).FactBase!;
        var publisher = new UpdatePublisher(_test.Store, _test.Options, _time, _test.Log);
        await publisher.PublishAsync(_provider.Current, default);
    }

    [Fact]
    public async Task HandleAsync_Since_ListsWhatWasAddedAndCorrectedAfterThatDate()
    {
        await PublishAsync(new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero));
        _facts.Figures[0] = (_facts.Figures[0].Id, _facts.Figures[0].Title, "15%", _facts.Figures[0].Text);
        await PublishAsync(new DateTimeOffset(2025, 7, 23, 10, 0, 0, TimeSpan.Zero));
        _facts.Rounds.Add((3, "2025-05-23", "Washington, D.C.", "Agreed to speed up talks."));
        await PublishAsync(new DateTimeOffset(2025, 8, 2, 10, 0, 0, TimeSpan.Zero));

        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Changes, CommandContext.Console, (OptionNames.Since, "since 2025-07-20")), default);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("Fact-base changes since July 20, 2025", reply.Title);
        Assert.Equal("2 versions: 1 facts added, 1 corrected, 0 removed.", reply.Body);
        Assert.Equal(2, reply.Fields.Count);
        Assert.StartsWith("2025-08-02 10:00 UTC", reply.Fields[0].Name, StringComparison.Ordinal);
        Assert.Equal("New: Round 3 (rounds)", reply.Fields[0].Value);
        Assert.Equal("Corrected: Tariff on Japanese cars: Amount 27.5% → 15%", reply.Fields[1].Value);
        Assert.Equal(["round-3", "auto-tariff"], reply.FactIds);
        Assert.NotEmpty(reply.Sources);
    }

    [Fact]
    public async Task HandleAsync_NoDate_ShowsTheLatestVersionsIncludingTheFirst()
    {
        await PublishAsync(new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero));

        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Changes, CommandContext.Console), default);

        Assert.Equal("Recent fact-base changes", reply.Title);
        Assert.Equal("First recorded version: 8 facts.", Assert.Single(reply.Fields).Value);
    }

    [Fact]
    public async Task HandleAsync_NothingSinceTheDate_SaysTheFactBaseHasNotChanged()
    {
        await PublishAsync(new DateTimeOffset(2025, 7, 1, 0, 0, 0, TimeSpan.Zero));

        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Changes, CommandContext.Console, (OptionNames.Since, "2025-09")), default);

        Assert.Equal(ReplyKind.NotFound, reply.Kind);
        Assert.Equal("The fact base has not changed since September 1, 2025.", reply.Body);
    }

    [Fact]
    public async Task HandleAsync_BadDate_ExplainsTheFormat()
    {
        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Changes, CommandContext.Console, (OptionNames.Since, "last tuesday")), default);

        Assert.Equal(ReplyKind.Rejected, reply.Kind);
        Assert.Contains("YYYY-MM-DD", reply.Body, StringComparison.Ordinal);
    }

    private sealed class StaticFacts : IFactBaseProvider
    {
        public FactBase Current { get; set; } = null!;

        public event EventHandler<FactBaseChangedEventArgs>? Changed
        {
            add { }
            remove { }
        }
    }
}
