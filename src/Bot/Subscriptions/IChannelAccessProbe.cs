using Bot.Commands;
using Bot.Storage;

namespace Bot.Subscriptions;

internal enum ChannelAccessState
{
    /// <summary>The bot can post there.</summary>
    CanPost,

    /// <summary>The bot cannot post there; <see cref="ChannelAccess.Advice"/> says what to do.</summary>
    CannotPost,

    /// <summary>The platform did not say (no permission to ask, network): subscribe anyway and report at the first post.</summary>
    Unknown,
}

/// <summary>Whether the bot can post in a channel, and if not, what the user should do (e.g. invite the bot).</summary>
internal sealed record ChannelAccess(ChannelAccessState State, string? Advice = null)
{
    public static ChannelAccess Unknown { get; } = new(ChannelAccessState.Unknown);
}

/// <summary>A platform's check, at subscribe time, that the bot can post in a channel (Slack: membership).</summary>
internal interface IChannelAccessProbe
{
    Platform Platform { get; }

    Task<ChannelAccess> CheckAsync(ChannelKey channel, CancellationToken ct);
}

/// <summary>What the delivery side knows about a channel that storage does not: a platform or workspace halted.</summary>
internal interface IDeliveryStatus
{
    /// <summary>Why posts to this channel are stopped (e.g. a revoked token), or null.</summary>
    string? HaltReason(ChannelKey channel);
}
