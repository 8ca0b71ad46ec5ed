using Bot.Commands;
using Bot.Facts;
using Bot.Storage;
using Bot.Subscriptions;
using Bot.Tests.Outbox.Fakes;
using Bot.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Bot.Tests.Outbox;

/// <summary>
/// The bot as a real child process (the built <c>bot.dll</c> run by <c>dotnet</c>), killed with SIGKILL in the middle
/// of a fan-out and started again: every subscription still ends with exactly one post.
/// </summary>
public sealed class DeliveryWorkerCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Channels = 400;
    private readonly string _folder = TestFactBase.CreateTempFolder("crash");
    private FakeDiscordChannelApi _discord = null!;
    private FakeSlackChatApi _slack = null!;

    private string FactsFolder => Path.Combine(_folder, "facts");

    private string DatabasePath => Path.Combine(_folder, "state", "bot.db");

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscordChannelApi.StartAsync();
        _slack = await FakeSlackChatApi.StartAsync();
        _discord.ResponseDelay = TimeSpan.FromMilliseconds(30);
        _slack.ResponseDelay = TimeSpan.FromMilliseconds(30);
    }

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        await _slack.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private Dictionary<string, string> Environment() => new()
    {
        ["Facts__Path"] = FactsFolder,
        ["Facts__Watch"] = "false",
        ["Storage__Provider"] = "sqlite",
        ["Storage__ConnectionString"] = $"Data Source={DatabasePath}",
        ["Discord__ApiBaseUrl"] = _discord.ApiBaseUrl,
        ["Discord__BotToken"] = FakeDiscordChannelApi.Token,
        ["Slack__ApiBaseUrl"] = _slack.ApiBaseUrl,
        ["Slack__BotToken"] = FakeSlackChatApi.Token,
        ["Outbox__Concurrency"] = "16",
        ["Outbox__LeaseSeconds"] = "5",
        ["Outbox__HttpTimeoutSeconds"] = "1",
        ["Outbox__PollSeconds"] = "0.2",
        ["Outbox__RetryBaseSeconds"] = "0.2",
        ["Outbox__RetryMaxSeconds"] = "2",
        ["Logging__LogLevel__Default"] = "Warning",
        ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
    };

    [Fact]
    public async Task KilledMidFanOut_AndRestarted_EverySubscriptionGetsExactlyOnePost()
    {
        // Version 1 is recorded and 400 channels subscribe, as if the service had been running.
        var facts = new TestFactBase();
        facts.WriteTo(FactsFolder);
        using var store = new SqliteStore($"Data Source={DatabasePath}", new StorageLog(NullLogger<StorageLog>.Instance));
        var publisher = new UpdatePublisher(store, Options.Create(new SubscriptionsOptions()), TimeProvider.System, new SubscriptionsLog(NullLogger<SubscriptionsLog>.Instance));
        await publisher.PublishAsync(new FactBaseLoader(TimeProvider.System).Load(FactsFolder).FactBase!, default);
        var channels = Enumerable.Range(0, Channels)
            .Select(i => i % 2 == 0 ? new ChannelKey(Platform.Discord, "G1", $"9{i:D8}") : new ChannelKey(Platform.Slack, FakeSlackChatApi.Team, $"C{i:D8}"))
            .ToList();
        await DeliveryTestHost.SubscribeAsync(store, channels);

        // A curator merges version 2; the service starts, publishes it and fans out; it is killed a third of the way.
        facts.Rounds.Add((3, "2025-05-23", "Washington, D.C.", "Agreed to speed up talks."));
        facts.WriteTo(FactsFolder);
        using (var first = BotProcess.Start(Environment(), _folder, "serve"))
        {
            await Eventually.TrueAsync(
                () => Task.FromResult(_discord.Posts.Count + _slack.Posts.Count >= Channels / 3 || first.HasExited),
                () => Task.FromResult($"the first run posted {_discord.Posts.Count + _slack.Posts.Count}; its output:\n{first.Output}"));
            Assert.False(first.HasExited, first.Output);
            first.Kill();
        }

        var atKill = (Discord: _discord.Posts.Count, Slack: _slack.Posts.Count, Outbox: await store.CountOutboxAsync(default));
        Assert.True(atKill.Outbox.Pending > 0, $"the kill should land mid fan-out, outbox: {atKill.Outbox}");

        using (var second = BotProcess.Start(Environment(), _folder, "serve"))
        {
            await Eventually.TrueAsync(
                async () => (await store.CountOutboxAsync(default)).Pending == 0 || second.HasExited,
                async () => $"outbox after restart: {await store.CountOutboxAsync(default)}; output:\n{second.Output}");
            Assert.False(second.HasExited, second.Output);
        }

        output.WriteLine($"at kill: {atKill.Discord} Discord + {atKill.Slack} Slack posts, outbox {atKill.Outbox}");
        output.WriteLine($"after restart: {_discord.Posts.Count} Discord, {_slack.Posts.Count} Slack; Discord nonce dedupes {_discord.NonceDedupes}, Slack history checks {_slack.HistoryCalls}");
        Assert.Equal(new OutboxCounts(0, Channels, 0, 0), await store.CountOutboxAsync(default));
        var posted = _discord.Posts.Select(p => p.ChannelId).Concat(_slack.Posts.Select(p => p.Channel)).ToList();
        Assert.Equal(Channels, posted.Count);
        Assert.Equal(channels.Select(c => c.ChannelId).Order(), posted.Order());
        Assert.Empty(_discord.Violations);
        Assert.Empty(_slack.Violations);
    }
}
