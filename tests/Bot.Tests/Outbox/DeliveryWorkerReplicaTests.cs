using Bot.Commands;
using Bot.Outbox;
using Bot.Storage;
using Bot.Tests.Outbox.Fakes;
using Bot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Outbox;

/// <summary>
/// Two replicas of the service on one PostgreSQL (the documented way to run more than one instance) reload the same
/// new fact-base version at the same moment: it is published once and every channel gets one post. Skipped without
/// TEST_POSTGRES_CONNECTION (set by .ci/run).
/// </summary>
public sealed class DeliveryWorkerReplicaTests : IAsyncLifetime
{
    private readonly string _folder = TestFactBase.CreateTempFolder("replicas");
    private FakeDiscordChannelApi _discord = null!;
    private FakeSlackChatApi _slack = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscordChannelApi.StartAsync();
        _slack = await FakeSlackChatApi.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        await _slack.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [SkippableFact]
    public async Task TwoReplicasLoadTheSameNewVersionTogether_OnePublishAndNoDuplicatePost()
    {
        await using var database = await PostgresTestDatabase.CreateAsync();
        var facts = new TestFactBase();
        facts.WriteTo(_folder);
        var settings = DeliveryTestHost.Settings(_folder, "postgres", database.ConnectionString, _discord, _slack);
        await using var a = await DeliveryTestHost.StartAsync(settings);
        await using var b = await DeliveryTestHost.StartAsync(settings);
        var channels = Enumerable.Range(0, 300)
            .Select(i => i % 2 == 0 ? new ChannelKey(Platform.Discord, "G1", $"9{i:D8}") : new ChannelKey(Platform.Slack, FakeSlackChatApi.Team, $"C{i:D8}"))
            .ToList();
        await DeliveryTestHost.SubscribeAsync(a.Store, channels);

        facts.Figures[0] = (facts.Figures[0].Id, facts.Figures[0].Title, "15%", "The US tariff on Japanese cars fell to 15%.");
        facts.WriteTo(_folder);
        using (var together = new Barrier(2))
        {
            await Task.WhenAll(
                Task.Run(() => { together.SignalAndWait(); return a.Facts.Reload(); }),
                Task.Run(() => { together.SignalAndWait(); return b.Facts.Reload(); }));
        }

        await a.WaitUntilRecordedAsync();
        await DeliveryTestHost.DrainedAsync(a.Store);

        Assert.Equal(2, (await a.Store.ListVersionsAsync(null, 10, default)).Count);
        Assert.Equal(new OutboxCounts(0, 300, 0, 0), await a.Store.CountOutboxAsync(default));
        var posted = _discord.Posts.Select(p => p.ChannelId).Concat(_slack.Posts.Select(p => p.Channel)).ToList();
        Assert.Equal(channels.Select(c => c.ChannelId).Order(), posted.Order());
        Assert.Equal(2, a.Services.GetRequiredService<DeliveryShare>().Workers);
        Assert.Equal(2, b.Services.GetRequiredService<DeliveryShare>().Workers);
    }
}
