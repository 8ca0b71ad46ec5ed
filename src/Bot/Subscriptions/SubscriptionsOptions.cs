using System.ComponentModel.DataAnnotations;

namespace Bot.Subscriptions;

/// <summary>The <c>Subscriptions</c> configuration section.</summary>
public sealed class SubscriptionsOptions
{
    public const string Section = "Subscriptions";

    /// <summary>The UTC hour (0-23) at which daily digests go out (<c>Subscriptions__DigestHourUtc</c>, default 8).</summary>
    [Range(0, 23)]
    public int DigestHourUtc { get; set; } = 8;
}
