using Microsoft.Extensions.Logging;

namespace Bot.Subscriptions;

/// <summary>Log messages of subscriptions and publishing (event ids 6100-6199).</summary>
internal sealed partial class SubscriptionsLog(ILogger<SubscriptionsLog> logger)
{
    [LoggerMessage(6100, LogLevel.Information, "Fact base {Version} published: {Added} added, {Changed} changed, {Removed} removed; {Enqueued} updates enqueued")]
    public partial void Published(string version, int added, int changed, int removed, int enqueued);

    [LoggerMessage(6101, LogLevel.Information, "Fact base {Version} recorded as the first version; nothing to announce")]
    public partial void Baseline(string version);

    [LoggerMessage(6102, LogLevel.Debug, "Fact base {Version} is already recorded")]
    public partial void AlreadyRecorded(string version);

    [LoggerMessage(6103, LogLevel.Information, "Another version was recorded while diffing {Version}; diffing again")]
    public partial void StalePrevious(string version);

    [LoggerMessage(6104, LogLevel.Information, "{Action} {Channel} (topics {Topics}, digest {Digest}) by {User}")]
    public partial void SubscriptionChanged(string action, string channel, string topics, bool digest, string user);

    [LoggerMessage(6105, LogLevel.Warning, "Subscription command {Command} could not reach storage: {Error}")]
    public partial void StorageUnavailable(string command, string error);

    [LoggerMessage(6106, LogLevel.Information, "Subscribe refused in {Channel}: {Reason}")]
    public partial void CannotPost(string channel, string reason);
}
