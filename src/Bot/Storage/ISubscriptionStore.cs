using Bot.Commands;
using Bot.Subscriptions;

namespace Bot.Storage;

/// <summary>
/// Durable state of subscriptions and update delivery: subscriptions, the recorded fact-base versions with their
/// diffs, and the outbox (one row per subscription and version: the delivery ledger). One interface, two engines
/// (<see cref="SqliteStore"/>, <see cref="PostgresStore"/>), the same behaviour and the same tests.
/// </summary>
internal interface ISubscriptionStore
{
    /// <summary>Creates or migrates the schema; every other call does it first if needed.</summary>
    Task MigrateAsync(CancellationToken ct);

    /// <summary>True when the database answers and the schema is in place.</summary>
    Task<bool> PingAsync(CancellationToken ct);

    // ---- subscriptions ----

    /// <summary>Creates the channel's subscription, or updates it (topics, mode) and reactivates it when paused.</summary>
    Task<SubscribeResult> SubscribeAsync(SubscriptionRequest request, DateTimeOffset now, CancellationToken ct);

    /// <summary>Removes the channel's subscription and every update not yet posted to it. Null when there was none.</summary>
    Task<UnsubscribeResult?> UnsubscribeAsync(ChannelKey channel, CancellationToken ct);

    Task<Subscription?> FindSubscriptionAsync(ChannelKey channel, CancellationToken ct);

    Task<IReadOnlyList<Subscription>> ListSubscriptionsAsync(CancellationToken ct);

    /// <summary>Pauses a subscription with a reason and cancels its pending updates (no more attempts).</summary>
    Task<bool> PauseSubscriptionAsync(long subscriptionId, string reason, DateTimeOffset now, CancellationToken ct);

    Task<DeliveryStats> GetDeliveryStatsAsync(long subscriptionId, CancellationToken ct);

    // ---- fact-base versions ----

    Task<LatestVersion?> GetLatestVersionAsync(CancellationToken ct);

    /// <summary>
    /// In one transaction: records <paramref name="version"/> (unique key on the version) and enqueues one outbox row
    /// per active subscription whose topics intersect <paramref name="topics"/>: due at <paramref name="now"/>, or at
    /// <paramref name="digestSlot"/> for digest subscriptions. Publishes nothing when the version is already recorded
    /// or when the latest recorded version is no longer <see cref="VersionRecord.PreviousVersion"/>.
    /// </summary>
    Task<PublishResult> PublishAsync(VersionRecord version, Topics topics, DateTimeOffset now, DateTimeOffset digestSlot, CancellationToken ct);

    /// <summary>Recorded versions published at or after <paramref name="since"/>, newest first.</summary>
    Task<IReadOnlyList<RecordedVersion>> ListVersionsAsync(DateTimeOffset? since, int max, CancellationToken ct);

    Task<IReadOnlyList<RecordedVersion>> GetVersionsAsync(IReadOnlyCollection<string> versions, CancellationToken ct);

    // ---- outbox ----

    /// <summary>
    /// Claims up to <paramref name="max"/> due deliveries under a new <paramref name="claimToken"/>: the oldest pending
    /// row of each active subscription (so a channel gets its updates in order), plus, for a digest, every row of the
    /// same digest slot. Subscriptions on <paramref name="excluded"/> platforms/workspaces are left alone.
    /// </summary>
    Task<IReadOnlyList<Delivery>> ClaimDueAsync(string claimToken, DateTimeOffset now, TimeSpan lease, int max, IReadOnlyCollection<ExcludedTarget> excluded, CancellationToken ct);

    /// <summary>When the next pending row becomes claimable (due and not leased), or null when nothing is pending.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken ct);

    /// <summary>
    /// Durably notes an attempt just before the HTTP call (attempts + 1, outcome uncertain until marked) and extends the
    /// lease. False when the claim was lost (another worker re-claimed the row after the lease ran out): do not send.
    /// </summary>
    Task<bool> BeginAttemptAsync(Delivery delivery, DateTimeOffset now, TimeSpan lease, CancellationToken ct);

    /// <summary>Records that the first <paramref name="partsSent"/> posts of a split update are in the channel.</summary>
    Task<bool> MarkPartsSentAsync(Delivery delivery, int partsSent, CancellationToken ct);

    /// <summary>Marks every row of the delivery sent and notes the time on the subscription.</summary>
    Task<bool> CompleteAsync(Delivery delivery, DateTimeOffset now, CancellationToken ct);

    /// <summary>Releases the delivery to be tried again at <paramref name="dueAt"/>.</summary>
    Task<bool> RetryLaterAsync(Delivery delivery, DateTimeOffset dueAt, RetryReason reason, string? error, CancellationToken ct);

    /// <summary>Gives up on the delivery (attempts exhausted or a payload the platform refuses).</summary>
    Task<bool> FailAsync(Delivery delivery, string error, DateTimeOffset now, CancellationToken ct);

    Task<OutboxCounts> CountOutboxAsync(CancellationToken ct);

    /// <summary>Notes that a delivery worker is alive and returns how many are (to share platform-wide rate limits).</summary>
    Task<int> HeartbeatAsync(string workerId, DateTimeOffset now, TimeSpan liveness, CancellationToken ct);

    Task RemoveWorkerAsync(string workerId, CancellationToken ct);
}

/// <summary>A channel on a platform: the identity of a subscription.</summary>
internal sealed record ChannelKey(Platform Platform, string WorkspaceId, string ChannelId)
{
    public override string ToString() => $"{Platform.ToString().ToLowerInvariant()}:{WorkspaceId}/{ChannelId}";
}

internal enum SubscriptionState
{
    Active,
    Paused,
}

internal sealed record Subscription(
    long Id,
    ChannelKey Channel,
    Topics Topics,
    bool Digest,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    SubscriptionState State,
    string? PausedReason,
    DateTimeOffset? PausedAt,
    DateTimeOffset? LastPostAt);

internal sealed record SubscriptionRequest(ChannelKey Channel, Topics Topics, bool Digest, string CreatedBy);

/// <summary>What <see cref="ISubscriptionStore.SubscribeAsync"/> did; <see cref="Previous"/> is null for a new subscription.</summary>
internal sealed record SubscribeResult(Subscription Subscription, Subscription? Previous);

internal sealed record UnsubscribeResult(Subscription Subscription, int CancelledUpdates);

internal sealed record DeliveryStats(int Pending, int Sent, int Failed, int Cancelled, string? LastError, DateTimeOffset? LastSentAt);

/// <summary>A fact-base version to record: its fact-level diff against the previous one and a snapshot for the next diff.</summary>
internal sealed record VersionRecord(string Version, string? PreviousVersion, DateTimeOffset PublishedAt, int FactCount, int ChangeCount, string DiffJson, string SnapshotJson);

internal sealed record LatestVersion(string Version, DateTimeOffset PublishedAt, string SnapshotJson);

internal sealed record RecordedVersion(string Version, string? PreviousVersion, DateTimeOffset PublishedAt, int FactCount, int ChangeCount, string DiffJson);

internal enum PublishOutcome
{
    /// <summary>This call recorded the version and enqueued its updates.</summary>
    Published,

    /// <summary>The version was already recorded (by this or another replica).</summary>
    AlreadyRecorded,

    /// <summary>Another version was recorded since the diff was computed; compute it again.</summary>
    StalePrevious,
}

internal sealed record PublishResult(PublishOutcome Outcome, int Enqueued);

/// <summary>One outbox row: the update of one version for one subscription.</summary>
internal sealed record OutboxItem(long Id, string Version, DateTimeOffset CreatedAt);

/// <summary>
/// Claimed work for one subscription: one row (an immediate update) or the rows of one digest slot, sent as one
/// message. <see cref="Key"/> is the ledger key the platform idempotency keys derive from.
/// </summary>
internal sealed record Delivery(
    Subscription Subscription,
    IReadOnlyList<OutboxItem> Items,
    DateTimeOffset? DigestSlot,
    int Attempts,
    int Failures,
    int PartsSent,
    bool Uncertain,
    string ClaimToken)
{
    public long HeadId => Items[0].Id;

    public string Key => DigestSlot is { } slot
        ? $"{Subscription.Id}:digest:{slot.ToUnixTimeSeconds()}"
        : $"{Subscription.Id}:{Items[0].Version}";
}

internal enum RetryReason
{
    /// <summary>5xx, timeout, network: counts toward the bounded number of failures.</summary>
    Failure,

    /// <summary>429: not a failure; the platform said when to come back.</summary>
    RateLimited,

    /// <summary>Not attempted (platform halted or shutting down).</summary>
    Released,

    /// <summary>The attempt began but nothing was sent (its rate-limit turn did not come within half the lease, the
    /// platform was halted meanwhile, or the service is shutting down): the row is as uncertain as the delivery says (<see cref="Delivery.Uncertain"/>),
    /// i.e. as before the attempt, not uncertain because of it. An uncertain row must first look for an earlier copy,
    /// which costs a call of a small budget (Slack's conversations.history: 50 a minute).</summary>
    NotSent,
}

/// <summary>A platform, or one workspace of it, whose deliveries must not be claimed.</summary>
internal sealed record ExcludedTarget(Platform Platform, string? WorkspaceId);

internal sealed record OutboxCounts(int Pending, int Sent, int Failed, int Cancelled);
