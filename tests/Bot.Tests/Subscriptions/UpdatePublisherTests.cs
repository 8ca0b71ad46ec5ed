using Bot.Commands;
using Bot.Facts;
using Bot.Storage;
using Bot.Subscriptions;
using Bot.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Subscriptions;

public sealed class UpdatePublisherTests : IDisposable
{
    private readonly string _folder = TestFactBase.CreateTempFolder("publisher");
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 7, 23, 6, 30, 0, TimeSpan.Zero));
    private readonly SqliteStore _store;
    private readonly UpdatePublisher _publisher;

    public UpdatePublisherTests()
    {
        _store = new SqliteStore($"Data Source={Path.Combine(_folder, "bot.db")}", new StorageLog(NullLogger<StorageLog>.Instance));
        _publisher = new UpdatePublisher(_store, Options.Create(new SubscriptionsOptions { DigestHourUtc = 8 }), _time, new SubscriptionsLog(NullLogger<SubscriptionsLog>.Instance));
    }

    public void Dispose()
    {
        _store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private FactBase Load(TestFactBase facts)
    {
        var path = Path.Combine(_folder, "facts");
        facts.WriteTo(path);
        return new FactBaseLoader(_time).Load(path).FactBase!;
    }

    [Fact]
    public async Task PublishAsync_FirstVersion_IsRecordedAsTheBaselineAndEnqueuesNothing()
    {
        await _store.SubscribeAsync(new SubscriptionRequest(new ChannelKey(Platform.Slack, "T1", "C1"), Topics.All, false, "U1"), _time.GetUtcNow(), default);

        var result = await _publisher.PublishAsync(Load(new TestFactBase()), default);

        Assert.Equal(new PublishResult(PublishOutcome.Published, 0), result);
        var version = Assert.Single(await _store.ListVersionsAsync(null, 10, default));
        Assert.Null(UpdatePublisher.DeserializeDiff(version.DiffJson).FromVersion);
    }

    [Fact]
    public async Task PublishAsync_NewVersion_RecordsItsDiffAgainstTheStoredPreviousAndEnqueuesMatchingChannels()
    {
        var facts = new TestFactBase();
        var v1 = Load(facts);
        await _publisher.PublishAsync(v1, default);
        await _store.SubscribeAsync(new SubscriptionRequest(new ChannelKey(Platform.Slack, "T1", "figures"), Topics.Figures, false, "U1"), _time.GetUtcNow(), default);
        await _store.SubscribeAsync(new SubscriptionRequest(new ChannelKey(Platform.Slack, "T1", "people"), Topics.People, false, "U1"), _time.GetUtcNow(), default);
        facts.Figures[1] = (facts.Figures[1].Id, facts.Figures[1].Title, "25%", facts.Figures[1].Text);

        var result = await _publisher.PublishAsync(Load(facts), default);

        Assert.Equal(new PublishResult(PublishOutcome.Published, 1), result);
        var recorded = (await _store.ListVersionsAsync(null, 1, default))[0];
        var diff = UpdatePublisher.DeserializeDiff(recorded.DiffJson);
        Assert.Equal(v1.Version, diff.FromVersion);
        Assert.Equal(v1.Version, recorded.PreviousVersion);
        Assert.Equal(new FieldChange("Amount", "24%", "25%"), Assert.Single(Assert.Single(diff.Changes).Fields));
    }

    [Fact]
    public async Task PublishAsync_AfterARestartWithTheSameFacts_DoesNothing()
    {
        var facts = Load(new TestFactBase());
        await _publisher.PublishAsync(facts, default);

        var again = await _publisher.PublishAsync(facts, default);

        Assert.Equal(PublishOutcome.AlreadyRecorded, again.Outcome);
        Assert.Single(await _store.ListVersionsAsync(null, 10, default));
    }

    [Theory]
    [InlineData("2025-07-23T06:30:00Z", "2025-07-23T08:00:00Z")]
    [InlineData("2025-07-23T08:00:00Z", "2025-07-24T08:00:00Z")]
    [InlineData("2025-07-23T23:59:00Z", "2025-07-24T08:00:00Z")]
    public void NextDigestSlot_IsTheNextConfiguredUtcHour(string now, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), _publisher.NextDigestSlot(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));
}
