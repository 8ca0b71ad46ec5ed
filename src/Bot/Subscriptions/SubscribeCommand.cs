using System.Globalization;
using Bot.Commands;
using Bot.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Subscriptions;

/// <summary>
/// <c>subscribe [topics] [digest]</c>: the channel gets one post each time the fact base changes in those topics (or a
/// daily digest). Needs <see cref="CommandContext.CanManageChannel"/>. Where the platform can tell that the bot cannot
/// post (Slack: not a member), it refuses and says what to do instead of failing silently later.
/// </summary>
internal sealed class SubscribeCommand(
    ISubscriptionStore store,
    IEnumerable<IChannelAccessProbe> probes,
    IOptions<SubscriptionsOptions> options,
    TimeProvider time,
    SubscriptionsLog log) : ICommandHandler
{
    private static readonly string[] s_yes = ["true", "yes", "on", "1", "daily", "digest"];

    public string Name => CommandNames.Subscribe;

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken ct)
    {
        if (!SubscriptionTarget.TryResolve(request, out var channel, out var rejection))
        {
            return rejection;
        }

        if (SubscriptionTarget.CheckPermission(request.Context) is { } denied)
        {
            return denied;
        }

        if (!TopicNames.TryParse(request.Option(OptionNames.Topics), out var topics, out var digestWord, out var error))
        {
            return Reply.Rejected("Unknown topic", error);
        }

        var digest = digestWord || (request.Option(OptionNames.Digest) is { } d && s_yes.Contains(d.ToLowerInvariant()));

        if (request.Context.BotCanPost == false)
        {
            log.CannotPost(channel.ToString(), "missing channel permissions");
            return Reply.Rejected(
                "I can't post here yet",
                "The bot lacks View Channel, Send Messages or Embed Links in this channel. Give it those in the channel's Permissions settings, then run subscribe again.");
        }

        if (request.Context.Platform != Platform.Console && probes.FirstOrDefault(p => p.Platform == channel.Platform) is { } probe)
        {
            var access = await probe.CheckAsync(channel, ct);
            if (access.State == ChannelAccessState.CannotPost)
            {
                log.CannotPost(channel.ToString(), access.Advice ?? "");
                return Reply.Rejected("I can't post here yet", access.Advice ?? "The bot cannot post in this channel.");
            }
        }

        SubscribeResult result;
        try
        {
            var createdBy = request.Context.UserId ?? request.Context.Platform.ToString().ToLowerInvariant();
            result = await store.SubscribeAsync(new SubscriptionRequest(channel, topics, digest, createdBy), time.GetUtcNow(), ct);
        }
        catch (Exception ex) when (SubscriptionTarget.IsStorageFailure(ex))
        {
            return SubscriptionTarget.StorageUnavailable(log, Name, ex);
        }

        var previous = result.Previous;
        var (title, action) = previous switch
        {
            null => ("Subscribed", "subscribed"),
            { State: SubscriptionState.Paused } => ("Subscription resumed", "resumed"),
            _ when previous.Topics == topics && previous.Digest == digest => ("Already subscribed", "unchanged"),
            _ => ("Subscription updated", "updated"),
        };
        log.SubscriptionChanged(action, channel.ToString(), TopicNames.Describe(topics), digest, request.Context.UserId ?? "console");

        var where = SubscriptionTarget.Where(channel, request.Context);
        var mode = SubscriptionTarget.DeliveryMode(digest, options.Value.DigestHourUtc);
        var body = $"{char.ToUpperInvariant(where[0])}{where[1..]} gets {mode} about {TopicNames.Describe(topics)}. Posts ping nobody.";
        if (previous is { State: SubscriptionState.Paused })
        {
            body += $" It was paused since {previous.PausedAt?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {previous.PausedReason}";
        }

        return new Reply
        {
            Kind = ReplyKind.Confirmation,
            Title = title,
            Body = body,
            Fields =
            [
                new ReplyField("Topics", TopicNames.Describe(topics), Inline: true),
                new ReplyField("Delivery", mode, Inline: true),
            ],
            Suggestions = [CommandNames.Subscriptions, CommandNames.Unsubscribe],
        };
    }
}
