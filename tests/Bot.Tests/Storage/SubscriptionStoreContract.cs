using Bot.Answering;
using Bot.Commands;
using Bot.Storage;
using Bot.Subscriptions;

namespace Bot.Tests.Storage;

/// <summary>
/// The behaviour every <see cref="ISubscriptionStore"/> must have, run against SQLite (<see cref="SqliteStoreTests"/>) and
/// PostgreSQL (<see cref="PostgresStoreTests"/>): subscriptions, publish-once, the ledger, claims and leases; and, as the
/// same database keeps them, the <see cref="IUnansweredStore"/>: one row per question however it is typed, counts, the
/// latest asking's details, order, filters, retention and forgetting.
/// </summary>
public abstract class SubscriptionStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset s_t0 = new(2025, 7, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan s_lease = TimeSpan.FromSeconds(30);
    private static readonly DateTimeOffset s_asked = new(2025, 11, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly List<IDisposable> _stores = [];

    /// <summary>A new store instance on this test's database (each call: another connection pool, as another replica has).</summary>
    private protected abstract Task<ISubscriptionStore> CreateStoreAsync();

    protected virtual Task CleanupAsync() => Task.CompletedTask;

    private protected async Task<ISubscriptionStore> OpenAsync()
    {
        var store = await CreateStoreAsync();
        _stores.Add((IDisposable)store);
        return store;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var store in _stores)
        {
            store.Dispose();
        }

        await CleanupAsync();
    }

    private static ChannelKey Discord(string channel) => new(Platform.Discord, "G1", channel);

    private static ChannelKey Slack(string channel) => new(Platform.Slack, "T1", channel);

    private static SubscriptionRequest Request(ChannelKey channel, Topics topics = Topics.All, bool digest = false) => new(channel, topics, digest, "U1");

    private static VersionRecord Version(string version, string? previous, DateTimeOffset? at = null) =>
        new(version, previous, at ?? s_t0, 3, 1, "{\"to_version\":\"" + version + "\"}", "{\"version\":\"" + version + "\"}");

    private static async Task<ISubscriptionStore> WithBaselineAsync(ISubscriptionStore store)
    {
        await store.PublishAsync(Version("v1", null), Topics.None, s_t0, s_t0.AddDays(1), default);
        return store;
    }

    [SkippableFact]
    public async Task MigrateAsync_ManyStoresAtOnce_CreateTheSchemaOnce()
    {
        var stores = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => OpenAsync()));

        await Task.WhenAll(stores.Select(s => s.MigrateAsync(default)));

        Assert.All(await Task.WhenAll(stores.Select(s => s.PingAsync(default))), Assert.True);
    }

    [SkippableFact]
    public async Task SubscribeAsync_NewChannel_CreatesAnActiveSubscription()
    {
        var store = await OpenAsync();

        var result = await store.SubscribeAsync(Request(Discord("C1"), Topics.Rounds | Topics.Figures), s_t0, default);

        Assert.Null(result.Previous);
        Assert.Equal(SubscriptionState.Active, result.Subscription.State);
        Assert.Equal(Topics.Rounds | Topics.Figures, result.Subscription.Topics);
        Assert.Equal(s_t0, result.Subscription.CreatedAt);
        Assert.Equal("U1", result.Subscription.CreatedBy);
        Assert.Equal(result.Subscription, await store.FindSubscriptionAsync(Discord("C1"), default));
    }

    [SkippableFact]
    public async Task SubscribeAsync_SameChannelAgain_UpdatesItInsteadOfAddingAnother()
    {
        var store = await OpenAsync();
        var first = await store.SubscribeAsync(Request(Slack("C1"), Topics.Rounds), s_t0, default);

        var second = await store.SubscribeAsync(Request(Slack("C1"), Topics.People, digest: true), s_t0.AddHours(1), default);

        Assert.Equal(first.Subscription.Id, second.Subscription.Id);
        Assert.Equal(Topics.Rounds, second.Previous!.Topics);
        Assert.Equal(Topics.People, second.Subscription.Topics);
        Assert.True(second.Subscription.Digest);
        Assert.Single(await store.ListSubscriptionsAsync(default));
    }

    [SkippableFact]
    public async Task SubscribeAsync_PausedChannel_ResumesIt()
    {
        var store = await OpenAsync();
        var created = await store.SubscribeAsync(Request(Discord("C1")), s_t0, default);
        await store.PauseSubscriptionAsync(created.Subscription.Id, "Gone.", s_t0.AddMinutes(1), default);

        var resumed = await store.SubscribeAsync(Request(Discord("C1")), s_t0.AddMinutes(2), default);

        Assert.Equal(SubscriptionState.Paused, resumed.Previous!.State);
        Assert.Equal("Gone.", resumed.Previous.PausedReason);
        Assert.Equal(SubscriptionState.Active, resumed.Subscription.State);
        Assert.Null(resumed.Subscription.PausedReason);
    }

    [SkippableFact]
    public async Task UnsubscribeAsync_WithPendingUpdates_RemovesTheSubscriptionAndCancelsThem()
    {
        var store = await WithBaselineAsync(await OpenAsync());
        await store.SubscribeAsync(Request(Discord("C1")), s_t0, default);
        await store.PublishAsync(Version("v2", "v1"), Topics.Rounds, s_t0, s_t0.AddDays(1), default);

        var removed = await store.UnsubscribeAsync(Discord("C1"), default);

        Assert.Equal(1, removed!.CancelledUpdates);
        Assert.Null(await store.FindSubscriptionAsync(Discord("C1"), default));
        Assert.Empty(await store.ClaimDueAsync("t", s_t0.AddMinutes(1), s_lease, 10, [], default));
        Assert.Null(await store.UnsubscribeAsync(Discord("C1"), default));
    }

    [SkippableFact]
    public async Task PublishAsync_NewVersion_EnqueuesOneRowPerActiveSubscriptionWithAMatchingTopic()
    {
        var store = await WithBaselineAsync(await OpenAsync());
        await store.SubscribeAsync(Request(Discord("rounds"), Topics.Rounds), s_t0, default);
        await store.SubscribeAsync(Request(Slack("figures"), Topics.Figures), s_t0, default);
        await store.SubscribeAsync(Request(Slack("all")), s_t0, default);
        var paused = await store.SubscribeAsync(Request(Discord("paused")), s_t0, default);
        await store.PauseSubscriptionAsync(paused.Subscription.Id, "Gone.", s_t0, default);

        var result = await store.PublishAsync(Version("v2", "v1"), Topics.Rounds | Topics.Events, s_t0, s_t0.AddDays(1), default);

        Assert.Equal(new PublishResult(PublishOutcome.Published, 2), result);
        var claimed = await store.ClaimDueAsync("t", s_t0, s_lease, 10, [], default);
        Assert.Equal(["all", "rounds"], claimed.Select(d => d.Subscription.Channel.ChannelId).Order());
        Assert.All(claimed, d => Assert.Equal("v2", Assert.Single(d.Items).Version));
    }

    [SkippableFact]
    public async Task PublishAsync_SameVersionTwice_RecordsAndEnqueuesOnce()
    {
        var store = await WithBaselineAsync(await OpenAsync());
        await store.SubscribeAsync(Request(Discord("C1")), s_t0, default);

        var first = await store.PublishAsync(Version("v2", "v1"), Topics.All, s_t0, s_t0.AddDays(1), default);
        var again = await store.PublishAsync(Version("v2", "v1"), Topics.All, s_t0, s_t0.AddDays(1), default);

        Assert.Equal(PublishOutcome.Published, first.Outcome);
        Assert.Equal(new PublishResult(PublishOutcome.AlreadyRecorded, 0), again);
        Assert.Equal(new OutboxCounts(1, 0, 0, 0), await store.CountOutboxAsync(default));
        Assert.Equal(2, (await store.ListVersionsAsync(null, 10, default)).Count);
    }

    [SkippableFact]
    public async Task PublishAsync_ManyReplicasAtOnce_OnlyOnePublishes()
    {
        var seed = await WithBaselineAsync(await OpenAsync());
        for (var i = 0; i < 20; i++)
        {
            await seed.SubscribeAsync(Request(Discord($"C{i}")), s_t0, default);
        }

        var replicas = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => OpenAsync()));
        await Task.WhenAll(replicas.Select(r => r.MigrateAsync(default)));

        using var start = new Barrier(replicas.Length);
        var results = await Task.WhenAll(replicas.Select(r => Task.Run(async () =>
        {
            start.SignalAndWait();
            return await r.PublishAsync(Version("v2", "v1"), Topics.All, s_t0, s_t0.AddDays(1), default);
        })));

        Assert.Single(results, r => r.Outcome == PublishOutcome.Published);
        Assert.All(results.Where(r => r.Outcome != PublishOutcome.Published), r => Assert.Equal(PublishOutcome.AlreadyRecorded, r.Outcome));
        Assert.Equal(new OutboxCounts(20, 0, 0, 0), await seed.CountOutboxAsync(default));
    }

    [SkippableFact]
    public async Task PublishAsync_DiffAgainstAVersionThatIsNoLongerLatest_PublishesNothing()
    {
        var store = await WithBaselineAsync(await OpenAsync());
        await store.PublishAsync(Version("v2", "v1"), Topics.All, s_t0, s_t0.AddDays(1), default);

        var stale = await store.PublishAsync(Version("v3", "v1"), Topics.All, s_t0, s_t0.AddDays(1), default);

        Assert.Equal(PublishOutcome.StalePrevious, stale.Outcome);
        Assert.Equal("v2", (await store.GetLatestVersionAsync(default))!.Version);
    }

    [SkippableFact]
    public async Task PublishAsync_DigestSubscription_IsDueAtTheDigestSlotNotNow()
    {
        var store = await WithBaselineAsync(await OpenAsync());
        await store.SubscribeAsync(Request(Slack("digest"), digest: true), s_t0, default);
        var slot = s_t0.AddHours(3);

        await store.PublishAsync(Version("v2", "v1"), Topics.All, s_t0, slot, default);

        Assert.Empty(await store.ClaimDueAsync("early", s_t0.AddHours(1), s_lease, 10, [], default));
        Assert.Equal(slot, await store.NextDueAsync(default));
        var delivery = Assert.Single(await store.ClaimDueAsync("on-time", slot, s_lease, 10, [], default));
        Assert.Equal(slot, delivery.DigestSlot);
        Assert.Equal($"{delivery.Subscription.Id}:digest:{slot.ToUnixTimeSeconds()}", delivery.Key);
    }

    [SkippableFact]
    public async Task ClaimDueAsync_DigestSlotWithSeveralVersions_IsOneDeliveryOfAllOfThem()
    {
        var store = await WithBaselineAsync(await OpenAsync());
        await store.SubscribeAsync(Request(Slack("digest"), digest: true), s_t0, default);
        var slot = s_t0.AddHours(3);
        await store.PublishAsync(Version("v2", "v1"), Topics.All, s_t0, slot, default);
        await store.PublishAsync(Version("v3", "v2", s_t0.AddMinutes(5)), Topics.All, s_t0.AddMinutes(5), slot, default);

        var delivery = Assert.Single(await store.ClaimDueAsync("t", slot, s_lease, 10, [], default));
        Assert.Equal(["v2", "v3"], delivery.Items.Select(i => i.Version));

        Assert.True(await store.CompleteAsync(delivery, slot, default));
        Assert.Equal(new OutboxCounts(0, 2, 0, 0), await store.CountOutboxAsync(default));
    }

    [SkippableFact]
    public async Task ClaimDueAsync_WhileTheLeaseRuns_NobodyElseGetsTheRow()
    {
        var store = await WithBaselineAsync(await OpenAsync());
        await store.SubscribeAsync(Request(Discord("C1")), s_t0, default);
        await store.PublishAsync(Version("v2", "v1"), Topics.All, s_t0, s_t0.AddDays(1), default);

        var first = await store.ClaimDueAsync("a", s_t0, s_lease, 10, [], default);
        var second = await store.ClaimDueAsync("b", s_t0.AddSeconds(10), s_lease, 10, [], default);

        Assert.Single(first);
        Assert.Empty(second);
        Assert.Equal(s_t0 + s_lease, await store.NextDueAsync(default));
    }

    [SkippableFact]
    public async Task ClaimDueAsync_AfterTheLeaseRanOut_AnotherWorkerTakesOverAndTheFirstIsFencedOff()
    {
        var store = await WithBaselineAsync(await OpenAsync());
        await store.SubscribeAsync(Request(Discord("C1")), s_t0, default);
        await store.PublishAsync(Version("v2", "v1"), Topics.All, s_t0, s_t0.AddDays(1), default);
        var crashed = Assert.Single(await store.ClaimDueAsync("a", s_t0, s_lease, 10, [], default));
        Assert.True(await store.BeginAttemptAsync(crashed, s_t0, s_lease, default));

        var takeover = Assert.Single(await store.ClaimDueAsync("b", s_t0 + s_lease + TimeSpan.FromSeconds(1), s_lease, 10, [], default));

        Assert.True(takeover.Uncertain);
        Assert.Equal(1, takeover.Attempts);
        Assert.False(await store.BeginAttemptAsync(crashed, s_t0 + s_lease, s_lease, default));
        Assert.False(await store.CompleteAsync(crashed, s_t0 + s_lease, default));
        Assert.True(await store.CompleteAsync(takeover, s_t0 + s_lease, default));
    }

    [SkippableFact]
    public async Task ClaimDueAsync_SeveralVersionsForOneChannel_HandsThemOutOneAtATimeInOrder()
    {
        var store = await WithBaselineAsync(await OpenAsync());
        await store.SubscribeAsync(Request(Discord("C1")), s_t0, default);
        await store.PublishAsync(Version("v2", "v1"), Topics.All, s_t0, s_t0.AddDays(1), default);
        await store.PublishAsync(Version("v3", "v2"), Topics.All, s_t0, s_t0.AddDays(1), default);

        var first = Assert.Single(await store.ClaimDueAsync("a", s_t0, s_lease, 10, [], default));
        Assert.Empty(await store.ClaimDueAsync("b", s_t0, s_lease, 10, [], default));
        await store.CompleteAsync(first, s_t0, default);
        var second = Assert.Single(await store.ClaimDueAsync("c", s_t0, s_lease, 10, [], default));

        Assert.Equal("v2", first.Items[0].Version);
        Assert.Equal("v3", second.Items[0].Version);
        Assert.Equal(s_t0, (await store.FindSubscriptionAsync(Discord("C1"), default))!.LastPostAt);
    }

    [SkippableFact]
    public async Task ClaimDueAsync_ExcludedPlatformOrWorkspace_LeavesTheirRowsPending()
    {
        var store = await WithBaselineAsync(await OpenAsync());
        await store.SubscribeAsync(Request(Discord("C1")), s_t0, default);
        await store.SubscribeAsync(Request(Slack("C2")), s_t0, default);
        await store.SubscribeAsync(Request(new ChannelKey(Platform.Slack, "T2", "C3")), s_t0, default);
        await store.PublishAsync(Version("v2", "v1"), Topics.All, s_t0, s_t0.AddDays(1), default);

        var claimed = await store.ClaimDueAsync("t", s_t0, s_lease, 10, [new ExcludedTarget(Platform.Discord, null), new ExcludedTarget(Platform.Slack, "T1")], default);

        Assert.Equal("C3", Assert.Single(claimed).Subscription.Channel.ChannelId);
        Assert.Equal(new OutboxCounts(3, 0, 0, 0), await store.CountOutboxAsync(default));
    }

    [SkippableFact]
    public async Task ClaimDueAsync_ConcurrentWorkers_NeverClaimTheSameRow()
    {
        var seed = await WithBaselineAsync(await OpenAsync());
        for (var i = 0; i < 120; i++)
        {
            await seed.SubscribeAsync(Request(i % 2 == 0 ? Discord($"C{i}") : Slack($"C{i}")), s_t0, default);
        }

        await seed.PublishAsync(Version("v2", "v1"), Topics.All, s_t0, s_t0.AddDays(1), default);
        var workers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => OpenAsync()));

        var claims = await Task.WhenAll(workers.Select((w, n) => Task.Run(async () =>
        {
            var mine = new List<long>();
            while (await w.ClaimDueAsync($"w{n}-{Guid.NewGuid():N}", s_t0, s_lease, 7, [], default) is { Count: > 0 } batch)
            {
                mine.AddRange(batch.Select(d => d.HeadId));
            }

            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(120, all.Count);
        Assert.Equal(120, all.Distinct().Count());
    }

    [SkippableFact]
    public async Task RetryLaterAsync_RateLimited_ClearsUncertaintyAndCountsNoFailure()
    {
        var store = await WithBaselineAsync(await OpenAsync());
        await store.SubscribeAsync(Request(Discord("C1")), s_t0, default);
        await store.PublishAsync(Version("v2", "v1"), Topics.All, s_t0, s_t0.AddDays(1), default);
        var delivery = Assert.Single(await store.ClaimDueAsync("a", s_t0, s_lease, 10, [], default));
        await store.BeginAttemptAsync(delivery, s_t0, s_lease, default);

        await store.RetryLaterAsync(delivery, s_t0.AddSeconds(2), RetryReason.RateLimited, null, default);

        Assert.Empty(await store.ClaimDueAsync("b", s_t0.AddSeconds(1), s_lease, 10, [], default));
        var again = Assert.Single(await store.ClaimDueAsync("c", s_t0.AddSeconds(2), s_lease, 10, [], default));
        Assert.False(again.Uncertain);
        Assert.Equal(0, again.Failures);
        Assert.Equal(1, again.Attempts);
    }

    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RetryLaterAsync_NotSent_PutsUncertaintyBackAsItWasBeforeTheAttempt(bool before)
    {
        var store = await WithBaselineAsync(await OpenAsync());
        await store.SubscribeAsync(Request(Slack("C1")), s_t0, default);
        await store.PublishAsync(Version("v2", "v1"), Topics.All, s_t0, s_t0.AddDays(1), default);
        var delivery = Assert.Single(await store.ClaimDueAsync("a", s_t0, s_lease, 10, [], default));
        await store.BeginAttemptAsync(delivery, s_t0, s_lease, default);

        await store.RetryLaterAsync(delivery with { Uncertain = before }, s_t0, RetryReason.NotSent, null, default);

        var again = Assert.Single(await store.ClaimDueAsync("b", s_t0, s_lease, 10, [], default));
        Assert.Equal(before, again.Uncertain);
        Assert.Equal(0, again.Failures);
    }

    [SkippableFact]
    public async Task RetryLaterAsync_Failure_KeepsUncertaintyCountsTheFailureAndShowsTheError()
    {
        var store = await WithBaselineAsync(await OpenAsync());
        var subscription = (await store.SubscribeAsync(Request(Discord("C1")), s_t0, default)).Subscription;
        await store.PublishAsync(Version("v2", "v1"), Topics.All, s_t0, s_t0.AddDays(1), default);
        var delivery = Assert.Single(await store.ClaimDueAsync("a", s_t0, s_lease, 10, [], default));
        await store.BeginAttemptAsync(delivery, s_t0, s_lease, default);

        await store.RetryLaterAsync(delivery, s_t0, RetryReason.Failure, "Discord answered 502.", default);

        var again = Assert.Single(await store.ClaimDueAsync("b", s_t0, s_lease, 10, [], default));
        Assert.True(again.Uncertain);
        Assert.Equal(1, again.Failures);
        Assert.Equal("Discord answered 502.", (await store.GetDeliveryStatsAsync(subscription.Id, default)).LastError);
    }

    [SkippableFact]
    public async Task MarkPartsSentAsync_SplitUpdate_ResumesAfterTheLastPartSent()
    {
        var store = await WithBaselineAsync(await OpenAsync());
        await store.SubscribeAsync(Request(Slack("C1")), s_t0, default);
        await store.PublishAsync(Version("v2", "v1"), Topics.All, s_t0, s_t0.AddDays(1), default);
        var delivery = Assert.Single(await store.ClaimDueAsync("a", s_t0, s_lease, 10, [], default));
        await store.BeginAttemptAsync(delivery, s_t0, s_lease, default);

        await store.MarkPartsSentAsync(delivery, 2, default);

        var resumed = Assert.Single(await store.ClaimDueAsync("b", s_t0 + s_lease, s_lease, 10, [], default));
        Assert.Equal(2, resumed.PartsSent);
        Assert.False(resumed.Uncertain);
    }

    [SkippableFact]
    public async Task PauseSubscriptionAsync_CancelsPendingUpdatesAndLaterVersionsSkipIt()
    {
        var store = await WithBaselineAsync(await OpenAsync());
        var subscription = (await store.SubscribeAsync(Request(Discord("C1")), s_t0, default)).Subscription;
        await store.PublishAsync(Version("v2", "v1"), Topics.All, s_t0, s_t0.AddDays(1), default);

        Assert.True(await store.PauseSubscriptionAsync(subscription.Id, "The channel no longer exists.", s_t0, default));
        await store.PublishAsync(Version("v3", "v2"), Topics.All, s_t0, s_t0.AddDays(1), default);

        Assert.Empty(await store.ClaimDueAsync("a", s_t0, s_lease, 10, [], default));
        var stats = await store.GetDeliveryStatsAsync(subscription.Id, default);
        Assert.Equal(new DeliveryStats(0, 0, 0, 1, null, null), stats with { LastError = null });
        var paused = (await store.FindSubscriptionAsync(Discord("C1"), default))!;
        Assert.Equal(SubscriptionState.Paused, paused.State);
        Assert.Equal("The channel no longer exists.", paused.PausedReason);
        Assert.Equal(s_t0, paused.PausedAt);
    }

    [SkippableFact]
    public async Task FailAsync_GivesUpAndShowsTheErrorInTheStats()
    {
        var store = await WithBaselineAsync(await OpenAsync());
        var subscription = (await store.SubscribeAsync(Request(Discord("C1")), s_t0, default)).Subscription;
        await store.PublishAsync(Version("v2", "v1"), Topics.All, s_t0, s_t0.AddDays(1), default);
        var delivery = Assert.Single(await store.ClaimDueAsync("a", s_t0, s_lease, 10, [], default));

        await store.FailAsync(delivery, "Discord refused the message (400).", s_t0, default);

        var stats = await store.GetDeliveryStatsAsync(subscription.Id, default);
        Assert.Equal(1, stats.Failed);
        Assert.Equal("Discord refused the message (400).", stats.LastError);
        Assert.Null(await store.NextDueAsync(default));
    }

    [SkippableFact]
    public async Task ListVersionsAsync_Since_ReturnsLaterVersionsNewestFirst()
    {
        var store = await WithBaselineAsync(await OpenAsync());
        await store.PublishAsync(Version("v2", "v1", s_t0.AddDays(2)), Topics.None, s_t0, s_t0, default);
        await store.PublishAsync(Version("v3", "v2", s_t0.AddDays(4)), Topics.None, s_t0, s_t0, default);

        var since = await store.ListVersionsAsync(s_t0.AddDays(1), 10, default);
        var loaded = await store.GetVersionsAsync(["v3", "v1"], default);

        Assert.Equal(["v3", "v2"], since.Select(v => v.Version));
        Assert.Equal("v2", since[0].PreviousVersion);
        Assert.Equal("{\"to_version\":\"v3\"}", since[0].DiffJson);
        Assert.Equal(["v1", "v3"], loaded.Select(v => v.Version));
        Assert.Equal("{\"version\":\"v3\"}", (await store.GetLatestVersionAsync(default))!.SnapshotJson);
    }

    [SkippableFact]
    public async Task HeartbeatAsync_CountsOnlyLiveWorkers()
    {
        var store = await OpenAsync();
        var liveness = TimeSpan.FromSeconds(15);

        await store.HeartbeatAsync("a", s_t0, liveness, default);
        await store.HeartbeatAsync("b", s_t0.AddSeconds(5), liveness, default);
        var both = await store.HeartbeatAsync("a", s_t0.AddSeconds(10), liveness, default);
        var afterBStopped = await store.HeartbeatAsync("a", s_t0.AddSeconds(30), liveness, default);
        await store.RemoveWorkerAsync("a", default);

        Assert.Equal(2, both);
        Assert.Equal(1, afterBStopped);
    }

    // ---- unanswered questions (the same database keeps them) ----

    private async Task<IUnansweredStore> OpenUnansweredAsync() => (IUnansweredStore)await OpenAsync();

    private static UnansweredQuestion Asked(string question, DateTimeOffset at, Platform platform = Platform.Discord, double confidence = 0.4, params string[] suggestions) =>
        new(question, platform, confidence, suggestions, "v1", at);

    private static Task RecordAsync(IUnansweredStore store, params UnansweredRecord[] records) =>
        store.RecordUnansweredAsync(records, s_asked.AddDays(-90), default);

    private static UnansweredChoice Chose(string question, string fact, DateTimeOffset at) => new(UnansweredQuestion.Tag(question), fact, at);

    [SkippableFact]
    public async Task Record_Choices_AreCountedPerFactOnTheirQuestionMostChosenFirst()
    {
        var store = await OpenUnansweredAsync();
        await RecordAsync(store, Asked("who signed the deal", s_asked), Asked("weather in osaka", s_asked), Asked("How many F-35s will Japan buy?", s_asked));

        // The tag is of the question however it was typed; a choice for a question never kept is kept but listed nowhere.
        await RecordAsync(store,
            Chose("Who signed the deal?", "eo-14345-signed", s_asked.AddMinutes(1)),
            Chose("who signed the deal", "mou-550bn-signed", s_asked.AddMinutes(2)),
            Chose("who  signed the deal", "mou-550bn-signed", s_asked.AddMinutes(3)),
            Chose("a question never kept", "round-4", s_asked.AddMinutes(4)),
            // Normalising is not idempotent ("f-35s" gains "f35" each time): the tag is of the key made once.
            Chose("How many F-35s will Japan buy?", "f35-105-additional", s_asked.AddMinutes(5)));

        var entries = await store.ListUnansweredAsync(null, 10, default);
        var signed = entries.Single(e => e.Question == "who signed the deal");
        Assert.Equal([new UnansweredChosen("mou-550bn-signed", 2), new UnansweredChosen("eo-14345-signed", 1)], signed.Chosen);
        Assert.Empty(entries.Single(e => e.Question == "weather in osaka").Chosen);
        Assert.Equal([new UnansweredChosen("f35-105-additional", 1)], entries.Single(e => e.Question.StartsWith("How many", StringComparison.Ordinal)).Chosen);
    }

    [SkippableFact]
    public async Task ForgetQuestion_DeletesThatQuestionHoweverTypedAndItsPicksOnly()
    {
        var store = await OpenUnansweredAsync();
        await RecordAsync(store,
            Asked("Who signed the deal?", s_asked), Asked("rice how much", s_asked),
            Chose("who signed the deal", "mou-550bn-signed", s_asked), Chose("rice how much", "us-rice-plus-75", s_asked));

        Assert.True(await store.ForgetUnansweredQuestionAsync("who  signed the deal", default));
        Assert.False(await store.ForgetUnansweredQuestionAsync("who signed the deal", default));

        var left = Assert.Single(await store.ListUnansweredAsync(null, 10, default));
        Assert.Equal("rice how much", left.Question);
        Assert.Equal([new UnansweredChosen("us-rice-plus-75", 1)], left.Chosen);
        await RecordAsync(store, Asked("who signed the deal", s_asked));
        Assert.Empty((await store.ListUnansweredAsync(null, 10, default)).Single(e => e.Question == "who signed the deal").Chosen);
    }

    [SkippableFact]
    public async Task Forget_TakesChoicesWithTheRetentionAndTheCutoff()
    {
        var store = await OpenUnansweredAsync();
        await RecordAsync(store, Asked("rice how much", s_asked), Chose("rice how much", "us-rice-plus-75", s_asked.AddDays(-91)));
        Assert.Empty(Assert.Single(await store.ListUnansweredAsync(null, 10, default)).Chosen);

        await RecordAsync(store, Chose("rice how much", "us-rice-plus-75", s_asked.AddDays(-2)), Chose("rice how much", "rice-minimum-access-quota", s_asked));
        Assert.Equal(0, await store.ForgetUnansweredAsync(s_asked.AddDays(-1), default));
        Assert.Equal([new UnansweredChosen("rice-minimum-access-quota", 1)], Assert.Single(await store.ListUnansweredAsync(null, 10, default)).Chosen);

        Assert.Equal(1, await store.ForgetUnansweredAsync(null, default));
        await RecordAsync(store, Asked("rice how much", s_asked));
        Assert.Empty(Assert.Single(await store.ListUnansweredAsync(null, 10, default)).Chosen);
    }

    [SkippableFact]
    public async Task Record_SameQuestionTypedDifferently_IsOneRowWithItsCountAndLatestDetails()
    {
        var store = await OpenUnansweredAsync();

        await RecordAsync(store, Asked("Who signed the deal?", s_asked, Platform.Discord, 0.5, "robert-lighthizer"));
        await RecordAsync(store,
            Asked("who signed  the deal", s_asked.AddHours(2), Platform.Slack, 0.6, "mou-550bn-signed", "eo-14345-signed"),
            Asked("is the deal signed", s_asked.AddHours(1)));

        var entries = await store.ListUnansweredAsync(null, 10, default);
        Assert.Equal(2, entries.Count);
        var signed = entries[0];
        Assert.Equal("who signed  the deal", signed.Question);
        Assert.Equal(2, signed.Asked);
        Assert.Equal(s_asked, signed.FirstAskedAt);
        Assert.Equal(s_asked.AddHours(2), signed.LastAskedAt);
        Assert.Equal(Platform.Slack, signed.Platform);
        Assert.Equal(0.6, signed.Confidence, 6);
        Assert.Equal(["mou-550bn-signed", "eo-14345-signed"], signed.Suggestions);
        Assert.Equal("is the deal signed", entries[1].Question);
        Assert.Empty(entries[1].Suggestions);
    }

    [SkippableFact]
    public async Task Record_OlderAskingArrivingLate_CountsButDoesNotReplaceTheLatest()
    {
        // Another replica may write an earlier asking after a later one.
        var store = await OpenUnansweredAsync();
        await RecordAsync(store, Asked("car tariff now?", s_asked.AddHours(5), Platform.Slack, 0.7));

        await RecordAsync(store, Asked("Car tariff now", s_asked, Platform.Discord, 0.2));

        var entry = Assert.Single(await store.ListUnansweredAsync(null, 10, default));
        Assert.Equal(2, entry.Asked);
        Assert.Equal("car tariff now?", entry.Question);
        Assert.Equal(Platform.Slack, entry.Platform);
        Assert.Equal(s_asked, entry.FirstAskedAt);
        Assert.Equal(s_asked.AddHours(5), entry.LastAskedAt);
    }

    [SkippableFact]
    public async Task List_MostAskedFirstThenLatest_WithSinceAndLimit()
    {
        var store = await OpenUnansweredAsync();
        await RecordAsync(store,
            Asked("old question", s_asked.AddDays(-10)),
            Asked("asked twice", s_asked.AddDays(-1)),
            Asked("asked twice", s_asked.AddDays(-1).AddMinutes(1)),
            Asked("recent once", s_asked),
            Asked("earlier once", s_asked.AddHours(-1)));

        var all = await store.ListUnansweredAsync(null, 10, default);
        Assert.Equal(["asked twice", "recent once", "earlier once", "old question"], all.Select(e => e.Question));
        var recent = await store.ListUnansweredAsync(s_asked.AddDays(-2), 10, default);
        Assert.Equal(["asked twice", "recent once", "earlier once"], recent.Select(e => e.Question));
        var top = await store.ListUnansweredAsync(null, 2, default);
        Assert.Equal(["asked twice", "recent once"], top.Select(e => e.Question));
    }

    [SkippableFact]
    public async Task Record_ForgetsQuestionsLastAskedBeforeTheRetention()
    {
        var store = await OpenUnansweredAsync();
        await RecordAsync(store, Asked("long ago", s_asked.AddDays(-91)), Asked("kept", s_asked.AddDays(-89)));

        Assert.Equal(["kept"], (await store.ListUnansweredAsync(null, 10, default)).Select(e => e.Question));
    }

    [SkippableFact]
    public async Task Forget_BeforeADay_DeletesOnlyOlderQuestions_WithoutADay_DeletesAll()
    {
        var store = await OpenUnansweredAsync();
        await RecordAsync(store, Asked("older", s_asked.AddDays(-3)), Asked("newer", s_asked), Asked("newest", s_asked.AddHours(1)));

        Assert.Equal(1, await store.ForgetUnansweredAsync(s_asked.AddDays(-1), default));
        Assert.Equal(["newest", "newer"], (await store.ListUnansweredAsync(null, 10, default)).Select(e => e.Question));
        Assert.Equal(2, await store.ForgetUnansweredAsync(null, default));
        Assert.Empty(await store.ListUnansweredAsync(null, 10, default));
    }

    [SkippableFact]
    public async Task Record_QuestionWithQuotesAndSqlText_IsKeptVerbatim()
    {
        var store = await OpenUnansweredAsync();
        const string question = "it's \"550bn\"'; DROP TABLE unanswered_questions; --";

        await RecordAsync(store, Asked(question, s_asked));

        Assert.Equal(question, Assert.Single(await store.ListUnansweredAsync(null, 10, default)).Question);
    }

    [SkippableFact]
    public async Task Record_TwoStoresOnOneDatabaseAtOnce_CountEveryAsking()
    {
        // Two replicas recording the same question concurrently.
        var first = await OpenUnansweredAsync();
        var second = await OpenUnansweredAsync();

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            RecordAsync(i % 2 == 0 ? first : second, Asked("what's the latest", s_asked.AddMinutes(i)))));

        var entry = Assert.Single(await first.ListUnansweredAsync(null, 10, default));
        Assert.Equal(20, entry.Asked);
        Assert.Equal(s_asked.AddMinutes(19), entry.LastAskedAt);
    }
    // ------------------------------------------------------------------ conversation turns (follow-ups)

    [SkippableFact]
    public async Task Turns_RememberedByOneReplica_AreRecalledByAnother_UntilTheyExpire()
    {
        var one = (Bot.Commands.IConversationStore)await OpenAsync();
        var other = (Bot.Commands.IConversationStore)await OpenAsync();
        await one.RememberTurnAsync("asker", new Bot.Answering.PreviousQuestion("when was round 4", "round-4"), s_asked, default);

        Assert.Equal(new Bot.Answering.PreviousQuestion("when was round 4", "round-4"), await other.RecallTurnAsync("asker", s_asked.AddMinutes(-10), default));
        Assert.Null(await other.RecallTurnAsync("asker", s_asked.AddTicks(TimeSpan.TicksPerMillisecond), default));
        Assert.Null(await other.RecallTurnAsync("someone else", s_asked.AddMinutes(-10), default));
    }

    [SkippableFact]
    public async Task Turns_ALaterQuestion_ReplacesTheLastAndIsNeverReplacedByAnEarlierOne()
    {
        var store = (Bot.Commands.IConversationStore)await OpenAsync();
        await store.RememberTurnAsync("asker", new Bot.Answering.PreviousQuestion("who is akazawa", "ryosei-akazawa"), s_asked, default);
        await store.RememberTurnAsync("asker", new Bot.Answering.PreviousQuestion("what about bessent", null), s_asked.AddMinutes(1), default);

        // A replica that answered an earlier question writes late.
        await store.RememberTurnAsync("asker", new Bot.Answering.PreviousQuestion("something earlier", null), s_asked.AddSeconds(30), default);

        Assert.Equal(new Bot.Answering.PreviousQuestion("what about bessent", null), await store.RecallTurnAsync("asker", s_asked, default));
    }

    [SkippableFact]
    public async Task Turns_Forget_DeletesEveryQuestionRememberedBefore()
    {
        var store = (Bot.Commands.IConversationStore)await OpenAsync();
        await store.RememberTurnAsync("alice", new Bot.Answering.PreviousQuestion("who is akazawa", null), s_asked, default);
        await store.RememberTurnAsync("bob", new Bot.Answering.PreviousQuestion("who is bessent", null), s_asked.AddMinutes(11), default);

        Assert.Equal(1, await store.ForgetTurnsAsync(s_asked.AddMinutes(1), default));

        // Gone from the database, not only too old to recall.
        Assert.Null(await store.RecallTurnAsync("alice", s_asked.AddYears(-1), default));
        Assert.NotNull(await store.RecallTurnAsync("bob", s_asked, default));
    }
}
