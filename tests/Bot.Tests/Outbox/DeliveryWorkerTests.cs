using Bot.Commands;
using Bot.Storage;
using Bot.Subscriptions;
using Bot.Tests.Outbox.Fakes;
using Bot.Tests.TestSupport;
using Microsoft.Data.Sqlite;

namespace Bot.Tests.Outbox;

/// <summary>
/// Delivery end to end: the real host publishes a new fact-base version, the worker fans it out through the real
/// senders to fake Discord and Slack APIs on loopback that enforce the platforms' limits and record every post.
/// </summary>
public sealed class DeliveryWorkerTests : IAsyncLifetime
{
    private readonly string _folder = TestFactBase.CreateTempFolder("delivery");
    private readonly TestFactBase _facts = new();
    private FakeDiscordChannelApi _discord = null!;
    private FakeSlackChatApi _slack = null!;

    private string FactsFolder => Path.Combine(_folder, "facts");

    private string Database => $"Data Source={Path.Combine(_folder, "bot.db")}";

    public async Task InitializeAsync()
    {
        _facts.WriteTo(FactsFolder);
        _discord = await FakeDiscordChannelApi.StartAsync();
        _slack = await FakeSlackChatApi.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        await _slack.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    /// <summary>A response delay no HTTP timeout waits out: the request ends by the client's timeout, however slow the machine.</summary>
    private static readonly TimeSpan s_longerThanAnyTimeout = TimeSpan.FromMinutes(5);

    /// <summary>An HTTP timeout many times what a loopback request takes on a loaded machine, and a lease it fits in
    /// (15 + 2 × 5 &lt; 30), for the tests where one request times out on purpose.</summary>
    private static void WithRoomyHttpTimeout(Dictionary<string, string?> settings)
    {
        settings["Outbox:HttpTimeoutSeconds"] = "5";
        settings["Outbox:LeaseSeconds"] = "30";
    }

    private Task<DeliveryTestHost> StartAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var settings = DeliveryTestHost.Settings(FactsFolder, "sqlite", Database, _discord, _slack);
        configure?.Invoke(settings);
        return DeliveryTestHost.StartAsync(settings);
    }

    private static ChannelKey DiscordChannel(int i) => new(Platform.Discord, "G100", $"9{i:D8}");

    private static ChannelKey SlackChannel(int i) => new(Platform.Slack, FakeSlackChatApi.Team, $"C{i:D8}");

    /// <summary>A correction, a new round and a removal.</summary>
    private void ChangeFacts()
    {
        _facts.Figures[0] = (_facts.Figures[0].Id, _facts.Figures[0].Title, "15%", "The US tariff on Japanese cars fell to 15% under the July deal.");
        _facts.Rounds.Add((3, "2025-05-23", "Washington, D.C.", "Agreed to speed up talks."));
        _facts.Events.Clear();
    }

    private static void AssertOnePostEach(IEnumerable<string> postedChannels, IEnumerable<ChannelKey> expected)
    {
        var counts = postedChannels.GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var duplicated = counts.Where(c => c.Value > 1).Select(c => c.Key).ToList();
        var missing = expected.Select(c => c.ChannelId).Where(c => !counts.ContainsKey(c)).ToList();
        Assert.True(duplicated.Count == 0, $"{duplicated.Count} channels got more than one post, e.g. {string.Join(", ", duplicated.Take(5))}");
        Assert.True(missing.Count == 0, $"{missing.Count} channels got no post, e.g. {string.Join(", ", missing.Take(5))}");
        Assert.Equal(expected.Count(), counts.Count);
    }

    [Fact]
    public async Task FanOut_2000SubscriptionsOnBothPlatforms_EachGetsExactlyOnePost()
    {
        await using var host = await StartAsync();
        var discord = Enumerable.Range(0, 1000).Select(DiscordChannel).ToList();
        var slack = Enumerable.Range(0, 1000).Select(SlackChannel).ToList();
        await DeliveryTestHost.SubscribeAsync(host.Store, discord.Zip(slack, (d, s) => new[] { d, s }).SelectMany(p => p));

        ChangeFacts();
        await host.ReloadAsync(_facts);
        await DeliveryTestHost.DrainedAsync(host.Store);

        AssertOnePostEach(_discord.Posts.Select(p => p.ChannelId), discord);
        AssertOnePostEach(_slack.Posts.Select(p => p.Channel), slack);
        Assert.Equal(new OutboxCounts(0, 2000, 0, 0), await host.Store.CountOutboxAsync(default));
        Assert.Empty(_discord.Violations);
        Assert.Empty(_slack.Violations);
        var post = _discord.Posts[0].Text;
        Assert.Contains("Corrected · Tariff on Japanese cars (figures)", post, StringComparison.Ordinal);
        Assert.Contains("27.5% → 15%", post, StringComparison.Ordinal);
        Assert.Contains("New · Round 3 (rounds)", post, StringComparison.Ordinal);
        Assert.Contains("Removed · \"Liberation Day\" tariffs announced (events)", post, StringComparison.Ordinal);
        Assert.Contains("[Reuters, 2025-07-23](https://example.org/reuters/tariffs)", post, StringComparison.Ordinal);
        var slackPost = _slack.Posts[0].Text;
        Assert.Contains("*Corrected* · *Tariff on Japanese cars* (figures)", slackPost, StringComparison.Ordinal);
        Assert.Contains("27.5% → 15%", slackPost, StringComparison.Ordinal);
        Assert.Contains("<https://example.org/reuters/tariffs|Reuters, 2025-07-23>", slackPost, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoneChannels_PauseTheirSubscriptionsWithTheReason_AndTheRestAreDelivered()
    {
        await using var host = await StartAsync();
        var healthy = Enumerable.Range(0, 10).Select(DiscordChannel).Concat(Enumerable.Range(0, 10).Select(SlackChannel)).ToList();
        var gone = new Dictionary<ChannelKey, string>
        {
            [DiscordChannel(100)] = "10003",
            [DiscordChannel(101)] = "50001",
            [DiscordChannel(102)] = "50013",
            [SlackChannel(100)] = "channel_not_found",
            [SlackChannel(101)] = "not_in_channel",
            [SlackChannel(102)] = "is_archived",
        };
        foreach (var (channel, error) in gone)
        {
            if (channel.Platform == Platform.Discord)
            {
                _discord.ChannelErrors[channel.ChannelId] = int.Parse(error, System.Globalization.CultureInfo.InvariantCulture);
            }
            else
            {
                _slack.ChannelErrors[channel.ChannelId] = error;
            }
        }

        await DeliveryTestHost.SubscribeAsync(host.Store, healthy.Concat(gone.Keys));

        ChangeFacts();
        await host.ReloadAsync(_facts);
        await DeliveryTestHost.DrainedAsync(host.Store);
        _facts.Rounds.Add((4, "2025-05-30", "Washington, D.C.", "Over two hours of talks."));
        await host.ReloadAsync(_facts);
        await DeliveryTestHost.DrainedAsync(host.Store);

        foreach (var (channel, error) in gone)
        {
            var subscription = (await host.Store.FindSubscriptionAsync(channel, default))!;
            Assert.Equal(SubscriptionState.Paused, subscription.State);
            Assert.Contains(error, subscription.PausedReason, StringComparison.Ordinal);
            var requests = channel.Platform == Platform.Discord ? _discord.RequestsTo(channel.ChannelId) : _slack.RequestsTo(channel.ChannelId);
            Assert.Equal(1, requests);
        }

        var reply = await host.DispatchAsync(CommandRequest.Create(CommandNames.Subscriptions, new CommandContext(Platform.Slack, FakeSlackChatApi.Team, SlackChannel(101).ChannelId, "U1", false)));
        Assert.Contains("paused", reply.Body, StringComparison.Ordinal);
        Assert.Contains("not_in_channel", reply.Body, StringComparison.Ordinal);

        Assert.Equal(40, _discord.Posts.Count + _slack.Posts.Count);
        Assert.All(healthy, channel => Assert.Equal(2, channel.Platform == Platform.Discord
            ? _discord.Posts.Count(p => p.ChannelId == channel.ChannelId)
            : _slack.Posts.Count(p => p.Channel == channel.ChannelId)));
    }

    [Fact]
    public async Task RateLimitStorm_SlowsDeliveryButLosesAndDuplicatesNothing()
    {
        _discord.StormProbability = 0.3;
        _slack.StormProbability = 0.3;
        await using var host = await StartAsync();
        var discord = Enumerable.Range(0, 100).Select(DiscordChannel).ToList();
        var slack = Enumerable.Range(0, 100).Select(SlackChannel).ToList();
        await DeliveryTestHost.SubscribeAsync(host.Store, discord.Concat(slack));

        ChangeFacts();
        await host.ReloadAsync(_facts);
        await DeliveryTestHost.DrainedAsync(host.Store);

        Assert.True(_discord.RateLimited > 0 && _slack.RateLimited > 0, "the storm should have produced 429s");
        AssertOnePostEach(_discord.Posts.Select(p => p.ChannelId), discord);
        AssertOnePostEach(_slack.Posts.Select(p => p.Channel), slack);
        Assert.Equal(new OutboxCounts(0, 200, 0, 0), await host.Store.CountOutboxAsync(default));
    }

    [Fact]
    public async Task LongSlackPause_RowsThatCannotWaitItOut_AreHandedBackUnsent_AndLookForNoCopy()
    {
        // Longer than half the 14 s lease: the rows claimed while the workspace is paused cannot wait it out, and are
        // handed back without having sent anything. They were never posted, so no attempt needs to look for a copy. The
        // HTTP timeout is as long as the lease allows (7 + 2 × 3 < 14): a request the loaded test machine answers late
        // would end uncertain, and its retry would rightly look for a copy.
        _slack.StormProbability = 1;
        _slack.StormRetryAfterSeconds = 8;
        await using var host = await StartAsync(s =>
        {
            s["Outbox:LeaseSeconds"] = "14";
            s["Outbox:HttpTimeoutSeconds"] = "3";
        });
        var slack = Enumerable.Range(0, 60).Select(SlackChannel).ToList();
        await DeliveryTestHost.SubscribeAsync(host.Store, slack);

        ChangeFacts();
        await host.ReloadAsync(_facts);
        await Eventually.TrueAsync(() => Task.FromResult(_slack.RateLimited > 0), () => Task.FromResult("no 429 yet"));
        _slack.StormProbability = 0;
        await DeliveryTestHost.DrainedAsync(host.Store);

        AssertOnePostEach(_slack.Posts.Select(p => p.Channel), slack);
        Assert.Equal(0, _slack.HistoryCalls);
    }

    [Fact]
    public async Task RevokedDiscordToken_StopsDiscordAfterTheFirstRefusal_KeepsItsUpdates_AndSlackGoesOn()
    {
        _discord.TokenRevoked = true;
        await using var host = await StartAsync();
        var discord = Enumerable.Range(0, 20).Select(DiscordChannel).ToList();
        var slack = Enumerable.Range(0, 20).Select(SlackChannel).ToList();
        await DeliveryTestHost.SubscribeAsync(host.Store, discord.Concat(slack));

        ChangeFacts();
        await host.ReloadAsync(_facts);
        await Eventually.TrueAsync(
            async () => (await host.Store.CountOutboxAsync(default)) == new OutboxCounts(20, 20, 0, 0),
            async () => $"outbox {await host.Store.CountOutboxAsync(default)}");

        Assert.True(_discord.Unauthorized is >= 1 and <= 2, $"{_discord.Unauthorized} requests with a revoked token");
        Assert.Empty(_discord.Posts);
        AssertOnePostEach(_slack.Posts.Select(p => p.Channel), slack);
        var reply = await host.DispatchAsync(CommandRequest.Create(CommandNames.Subscriptions, new CommandContext(Platform.Discord, "G100", discord[0].ChannelId, "U1", false)));
        Assert.Contains(reply.Fields, f => f.Name == "State" && f.Value.Contains("401", StringComparison.Ordinal));
        Assert.Equal(SubscriptionState.Active, (await host.Store.FindSubscriptionAsync(discord[0], default))!.State);
    }

    [Fact]
    public async Task RevokedSlackToken_StopsThatWorkspace_KeepsItsUpdates()
    {
        _slack.TokenError = "token_revoked";
        await using var host = await StartAsync();
        var slack = Enumerable.Range(0, 10).Select(SlackChannel).ToList();
        var discord = Enumerable.Range(0, 10).Select(DiscordChannel).ToList();
        await DeliveryTestHost.SubscribeAsync(host.Store, slack.Concat(discord));

        ChangeFacts();
        await host.ReloadAsync(_facts);
        await Eventually.TrueAsync(
            async () => (await host.Store.CountOutboxAsync(default)) == new OutboxCounts(10, 10, 0, 0),
            async () => $"outbox {await host.Store.CountOutboxAsync(default)}");

        Assert.Empty(_slack.Posts);
        Assert.Equal(10, _discord.Posts.Count);
        Assert.InRange(slack.Sum(c => _slack.RequestsTo(c.ChannelId)), 0, 0);
    }

    [Fact]
    public async Task DiscordTimeoutAfterTheMessageWasCreated_RetryWithTheSameNonceCreatesNoSecondMessage()
    {
        // The first answer comes only after the client gave up; every other request has the HTTP timeout, which must be long
        // enough for a loaded test machine (a 1 s timeout once let the retry time out too, and count as a second attempt).
        _discord.ResponseDelay = s_longerThanAnyTimeout;
        _discord.DelayedResponses = 1;
        await using var host = await StartAsync(WithRoomyHttpTimeout);
        var channel = DiscordChannel(1);
        await DeliveryTestHost.SubscribeAsync(host.Store, [channel]);

        ChangeFacts();
        await host.ReloadAsync(_facts);
        await DeliveryTestHost.DrainedAsync(host.Store);

        Assert.Single(_discord.Posts);
        Assert.Equal(1, _discord.NonceDedupes);
        Assert.Equal(2, _discord.RequestsTo(channel.ChannelId));
        Assert.Equal(new OutboxCounts(0, 1, 0, 0), await host.Store.CountOutboxAsync(default));
    }

    [Fact]
    public async Task SlackTimeoutAfterThePostWasStored_FindsItInHistoryInsteadOfPostingAgain()
    {
        // The first answer comes only after the client gave up; every other request has the HTTP timeout, which must be long
        // enough for a loaded test machine (a 1 s timeout once let the retry time out too, and count as a second attempt).
        _slack.ResponseDelay = s_longerThanAnyTimeout;
        _slack.DelayedResponses = 1;
        await using var host = await StartAsync(WithRoomyHttpTimeout);
        var channel = SlackChannel(1);
        await DeliveryTestHost.SubscribeAsync(host.Store, [channel]);

        ChangeFacts();
        await host.ReloadAsync(_facts);
        await DeliveryTestHost.DrainedAsync(host.Store);

        Assert.True(_slack.Posts.Count == 1, $"posts {_slack.Posts.Count}, history calls {_slack.HistoryCalls}, 429s {_slack.RateLimited}, times {string.Join(",", _slack.Posts.Select(p => p.At.ToString("ss.fff")))} keys {string.Join(",", _slack.Posts.Select(p => p.MetadataKey))}");
        Assert.Equal(1, _slack.HistoryCalls);
        Assert.Equal(new OutboxCounts(0, 1, 0, 0), await host.Store.CountOutboxAsync(default));
    }

    [Fact]
    public async Task ManyChanges_AreSplitIntoSeveralPostsWithinEachPlatformsLimits()
    {
        await using var host = await StartAsync();
        var discord = DiscordChannel(1);
        var slack = SlackChannel(1);
        await DeliveryTestHost.SubscribeAsync(host.Store, [discord, slack]);

        for (var i = 0; i < 80; i++)
        {
            _facts.Figures.Add(($"figure-{i}", $"Figure number {i} with a long name", $"{i}%", string.Concat(Enumerable.Repeat($"Figure {i} <@U123> & *stars* said at length. ", 25))));
        }

        await host.ReloadAsync(_facts);
        await DeliveryTestHost.DrainedAsync(host.Store);

        Assert.InRange(_discord.Posts.Count, 4, 80);
        Assert.InRange(_slack.Posts.Count, 2, 80);
        Assert.Empty(_discord.Violations);
        Assert.Empty(_slack.Violations);
        Assert.Equal(80, _discord.Posts.Sum(p => System.Text.RegularExpressions.Regex.Count(p.Text, "New · Figure number")));
        Assert.Equal(new OutboxCounts(0, 2, 0, 0), await host.Store.CountOutboxAsync(default));
    }

    [Fact]
    public async Task DigestSlot_WithSeveralVersions_IsOnePostAboutAllOfThem()
    {
        await using var host = await StartAsync();
        var channel = SlackChannel(7);
        await DeliveryTestHost.SubscribeAsync(host.Store, [channel], digest: true);
        var publisher = (UpdatePublisher)host.Services.GetService(typeof(UpdatePublisher))!;
        Assert.Equal(0, (await host.Store.CountOutboxAsync(default)).Pending);

        ChangeFacts();
        await host.ReloadAsync(_facts);
        _facts.Rounds.Add((4, "2025-05-30", "Washington, D.C.", "Over two hours of talks."));
        await host.ReloadAsync(_facts);
        Assert.Equal(2, (await host.Store.CountOutboxAsync(default)).Pending);
        Assert.True(await host.Store.NextDueAsync(default) >= publisher.NextDigestSlot(DateTimeOffset.UtcNow.AddMinutes(-1)));

        // The digest hour arrives: switching the subscription to immediate posts sends what waited, as one message.
        await host.Store.SubscribeAsync(new SubscriptionRequest(channel, Topics.All, Digest: false, "U1"), DateTimeOffset.UtcNow, default);
        await DeliveryTestHost.DrainedAsync(host.Store);

        var post = Assert.Single(_slack.Posts).Text;
        Assert.Contains("Daily digest", post, StringComparison.Ordinal);
        Assert.Contains("*New* · *Round 3*", post, StringComparison.Ordinal);
        Assert.Contains("*New* · *Round 4*", post, StringComparison.Ordinal);
        Assert.Contains("2 versions", post, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlowPlatform_DoesNotHoldBackTheOther()
    {
        var discordStalls = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _discord.ResponseGate = discordStalls.Task;
        await using var host = await StartAsync(s =>
        {
            s["Outbox:Concurrency"] = "4";
            s["Outbox:LeaseSeconds"] = "60";
            s["Outbox:HttpTimeoutSeconds"] = "10"; // no stalled request times out and frees its slot while Slack runs
        });
        var discord = Enumerable.Range(0, 20).Select(DiscordChannel).ToList();
        var slack = Enumerable.Range(0, 10).Select(SlackChannel).ToList();
        await DeliveryTestHost.SubscribeAsync(host.Store, discord.Concat(slack));

        ChangeFacts();
        await host.ReloadAsync(_facts);
        await Eventually.TrueAsync(() => Task.FromResult(_slack.Posts.Count == 10), () => Task.FromResult($"{_slack.Posts.Count} Slack posts"));

        // Discord answered nothing yet, so it can have no more than its in-flight requests created: Slack finished anyway.
        Assert.True(_discord.Posts.Count <= 4, $"{_discord.Posts.Count} Discord posts while Discord was stalled");
        discordStalls.SetResult();
        await DeliveryTestHost.DrainedAsync(host.Store);
        AssertOnePostEach(_discord.Posts.Select(p => p.ChannelId), discord);
    }
}
