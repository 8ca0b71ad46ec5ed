using System.ComponentModel.DataAnnotations;

namespace Bot.Outbox;

/// <summary>The <c>Outbox</c> configuration section: delivery pacing and retries. The defaults follow the platforms' limits.</summary>
public sealed class OutboxOptions : IValidatableObject
{
    public const string Section = "Outbox";

    /// <summary>Deliveries in flight at once (most of them wait for their rate-limit turn).</summary>
    [Range(1, 512)]
    public int Concurrency { get; set; } = 32;

    /// <summary>How long a claimed row stays ours before another worker may take it (a crashed worker's rows come back after this).</summary>
    [Range(2, 3600)]
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>Timeout of one platform request; half the lease plus two of these must fit in the lease.</summary>
    [Range(1, 600)]
    public int HttpTimeoutSeconds { get; set; } = 10;

    /// <summary>Failures (5xx, timeouts, network) of one update before it is given up and shown as failed.</summary>
    [Range(1, 100)]
    public int MaxFailures { get; set; } = 8;

    /// <summary>First retry delay after a failure; doubles each time, with jitter, up to <see cref="RetryMaxSeconds"/>.</summary>
    [Range(0.01, 3600)]
    public double RetryBaseSeconds { get; set; } = 2;

    [Range(0.01, 86_400)]
    public double RetryMaxSeconds { get; set; } = 900;

    /// <summary>How often to look for work another replica published (this replica's own publishes wake it at once).</summary>
    [Range(0.05, 3600)]
    public double PollSeconds { get; set; } = 2;

    /// <summary>How often a worker says it is alive; platform-wide limits are shared by the live workers.</summary>
    [Range(0.1, 3600)]
    public double HeartbeatSeconds { get; set; } = 5;

    /// <summary>Discord's global limit for the bot (50 requests/s), shared by every live replica.</summary>
    [Range(1, 10_000)]
    public int DiscordRequestsPerSecond { get; set; } = 50;

    /// <summary>
    /// Added to every rate-limit window (Discord's second, Slack's per-channel second) so that network jitter cannot
    /// make requests arrive closer together than the platform allows.
    /// </summary>
    [Range(0, 10_000)]
    public int RateLimitMarginMilliseconds { get; set; } = 50;

    /// <summary>Slack: at most one post per channel per this interval (about 1 per second).</summary>
    [Range(1, 600_000)]
    public int SlackChannelIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Discord: invalid requests (401/403/429) in 10 minutes after which all Discord traffic pauses (Cloudflare bans at 10,000).</summary>
    [Range(1, 10_000)]
    public int DiscordInvalidRequestLimit { get; set; } = 1000;

    public TimeSpan Lease => TimeSpan.FromSeconds(LeaseSeconds);

    public TimeSpan HttpTimeout => TimeSpan.FromSeconds(HttpTimeoutSeconds);

    public TimeSpan Margin => TimeSpan.FromMilliseconds(RateLimitMarginMilliseconds);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // One attempt under a claim: the rate-limit wait (at most half the lease), then up to two requests (a check for
        // an earlier copy and the POST). All of it must end before the lease does, or another replica could post too.
        if (Lease / 2 + 2 * HttpTimeout >= Lease)
        {
            yield return new ValidationResult(
                $"Outbox__LeaseSeconds / 2 + 2 × Outbox__HttpTimeoutSeconds must be less than Outbox__LeaseSeconds ({LeaseSeconds / 2.0} + {2 * HttpTimeoutSeconds} >= {LeaseSeconds}), or a slow request could outlive its claim.",
                [nameof(HttpTimeoutSeconds), nameof(LeaseSeconds)]);
        }

        if (RetryMaxSeconds < RetryBaseSeconds)
        {
            yield return new ValidationResult("Outbox__RetryMaxSeconds must be at least Outbox__RetryBaseSeconds.", [nameof(RetryMaxSeconds)]);
        }
    }
}
