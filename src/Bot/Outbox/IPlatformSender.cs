using Bot.Commands;
using Bot.Storage;

namespace Bot.Outbox;

/// <summary>
/// A platform's way to post an update in a channel: it renders the neutral <see cref="UpdateMessage"/> into posts
/// within its limits, paces them within its rate limits, sends one, and classifies the answer. It never retries a
/// POST itself: the outbox owns retries (durably).
/// </summary>
internal interface IPlatformSender
{
    Platform Platform { get; }

    /// <summary>Why this platform cannot send at all (e.g. no token configured), or null.</summary>
    string? DisabledReason { get; }

    /// <summary>The posts of one update, in order; more than one when it does not fit one message.</summary>
    IReadOnlyList<PlatformPost> Render(UpdateMessage message);

    /// <summary>Waits until a post to <paramref name="target"/> stays within every rate limit known so far.</summary>
    ValueTask WaitForTurnAsync(DeliveryTarget target, CancellationToken ct);

    /// <summary>
    /// Sends one post. <paramref name="idempotencyKey"/> is stable across retries (ledger key + part): Discord derives the
    /// nonce from it, Slack stores it in the message metadata. <paramref name="mayAlreadyBePosted"/> says an earlier
    /// attempt's outcome is unknown (crash, timeout): the sender must not create a second copy.
    /// </summary>
    Task<SendResult> SendAsync(DeliveryTarget target, PlatformPost post, string idempotencyKey, bool mayAlreadyBePosted, CancellationToken ct);
}

/// <summary>
/// Where a delivery goes, and when the channel last got a post from us (for per-channel pacing). <see cref="QueuedAt"/>
/// is when the update was queued: no attempt to post it, so no copy of it in the channel, can be older.
/// <see cref="SendBy"/>: a POST must start by then, or the claim could run out while it is in flight and another replica
/// post the same update; later, the sender hands the row back unsent (<see cref="SendResult.ClaimRunningOut"/>).
/// </summary>
internal sealed record DeliveryTarget(ChannelKey Channel, DateTimeOffset? LastPostAt, DateTimeOffset? QueuedAt = null, DateTimeOffset? SendBy = null)
{
    /// <summary>True when it is too late to start a POST under the current claim.</summary>
    public bool TooLateToSend(DateTimeOffset now) => SendBy is { } by && now > by;
}

/// <summary>One platform message as its sender rendered it; only that sender reads it.</summary>
internal abstract record PlatformPost;

internal enum SendStatus
{
    Sent,
    AlreadyPosted,
    RateLimited,
    Transient,
    ChannelGone,
    AuthFailed,
    Rejected,
}

/// <summary>
/// What one send did. <see cref="Detail"/> is a sentence for logs and for the <c>subscriptions</c> reply.
/// <see cref="NotChecked"/>: rate limited before an uncertain earlier attempt could be checked, so it stays uncertain.
/// </summary>
internal sealed record SendResult(SendStatus Status, string? Detail = null, TimeSpan RetryAfter = default, bool WholePlatform = false, bool NotChecked = false)
{
    public static SendResult Sent { get; } = new(SendStatus.Sent);

    public static SendResult AlreadyPosted { get; } = new(SendStatus.AlreadyPosted);

    /// <summary>429: not a failure; come back after <paramref name="retryAfter"/>.</summary>
    public static SendResult RateLimited(TimeSpan retryAfter, string detail) => new(SendStatus.RateLimited, detail, retryAfter);

    /// <summary>Nothing was posted because the claim would run out first: hand the row back at once, still uncertain.</summary>
    public static SendResult ClaimRunningOut { get; } =
        new(SendStatus.RateLimited, "the claim would run out before the request could end; handed back unsent", NotChecked: true);

    /// <summary>5xx, timeout, network: retry with backoff; the post may or may not exist.</summary>
    public static SendResult Transient(string detail) => new(SendStatus.Transient, detail);

    /// <summary>The channel is gone or the bot lost access: pause the subscription with this reason.</summary>
    public static SendResult ChannelGone(string reason) => new(SendStatus.ChannelGone, reason);

    /// <summary>The token is invalid or revoked: stop sending for the workspace (or the whole platform).</summary>
    public static SendResult AuthFailed(string reason, bool wholePlatform) => new(SendStatus.AuthFailed, reason, WholePlatform: wholePlatform);

    /// <summary>The platform refused this payload (a bug on our side): do not retry it.</summary>
    public static SendResult Rejected(string detail) => new(SendStatus.Rejected, detail);
}
