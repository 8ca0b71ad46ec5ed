using System.Data.Common;
using Bot.Commands;
using Bot.Storage;

namespace Bot.Subscriptions;

/// <summary>
/// Which channel a subscription command is about: the channel it was typed in (Discord, Slack), or on the console, the
/// channel named by <c>--platform</c>, <c>--workspace</c> and <c>--channel</c> (the operator's way to manage any channel).
/// </summary>
internal static class SubscriptionTarget
{
    public const string PlatformOption = "platform";
    public const string WorkspaceOption = "workspace";
    public const string ChannelOption = "channel";

    public static bool TryResolve(CommandRequest request, out ChannelKey channel, out Reply rejection)
    {
        channel = null!;
        rejection = null!;
        var context = request.Context;
        if (context.Platform == Platform.Console)
        {
            var platformText = request.Option(PlatformOption);
            var workspace = request.Option(WorkspaceOption);
            var channelId = request.Option(ChannelOption);
            if (platformText is null && workspace is null && channelId is null)
            {
                rejection = Reply.Rejected(
                    "Which channel?",
                    $"The console has no channel of its own. Name one: bot {request.Name} --platform discord|slack --workspace GUILD_OR_TEAM_ID --channel CHANNEL_ID. "
                    + "In Discord or Slack, run /talks " + request.Name + " in the channel itself.");
                return false;
            }

            if (!Enum.TryParse<Platform>(platformText, ignoreCase: true, out var platform) || platform == Platform.Console || workspace is null || channelId is null)
            {
                rejection = Reply.Rejected(
                    "Which channel?",
                    "Give all three: --platform (discord or slack), --workspace (the Discord server id or Slack team id) and --channel (the channel id).");
                return false;
            }

            channel = new ChannelKey(platform, workspace, channelId);
            return true;
        }

        if (string.IsNullOrWhiteSpace(context.WorkspaceId) || string.IsNullOrWhiteSpace(context.ChannelId))
        {
            rejection = Reply.Rejected(
                "Not in a channel",
                "Subscriptions belong to a channel of a server or workspace; they cannot be set up in a direct message. Run the command in the channel that should get the updates.");
            return false;
        }

        channel = new ChannelKey(context.Platform, context.WorkspaceId, context.ChannelId);
        return true;
    }

    /// <summary>Null when the caller may change the channel's subscription; otherwise the reply that says who can.</summary>
    public static Reply? CheckPermission(CommandContext context) => context.CanManageChannel
        ? null
        : Reply.Rejected(
            "Not allowed",
            context.Platform switch
            {
                Platform.Discord => "Changing this channel's subscription needs the Manage Channels permission. Ask a moderator.",
                Platform.Slack => "Only the bot's admins in this workspace can change this channel's subscription. Ask one of them.",
                _ => "You may not change this channel's subscription.",
            });

    public static Reply StorageUnavailable(SubscriptionsLog log, string command, Exception ex)
    {
        log.StorageUnavailable(command, ex.Message);
        return Reply.Rejected(
            "Subscriptions unavailable",
            "The bot cannot reach its database right now, so nothing was read or changed. Try again in a minute.");
    }

    public static bool IsStorageFailure(Exception ex) => ex is DbException or TimeoutException or IOException or UnauthorizedAccessException;

    public static string Where(ChannelKey channel, CommandContext context) =>
        context.Platform == Platform.Console ? $"{channel.Platform} channel {channel.ChannelId}" : "this channel";

    public static string DeliveryMode(bool digest, int digestHour) =>
        digest ? $"a daily digest at {digestHour:D2}:00 UTC" : "one post per fact-base update";
}
