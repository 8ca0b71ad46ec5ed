using System.Globalization;
using Bot.Commands;
using Bot.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Subscriptions;

/// <summary>
/// <c>subscriptions</c>: this channel's subscription, its topics and mode, and whether it is paused and why (a channel
/// the bot lost access to is paused, never silently dropped). On the console without a channel: every subscription.
/// </summary>
internal sealed class SubscriptionsCommand(
    ISubscriptionStore store,
    IEnumerable<IDeliveryStatus> deliveryStatus,
    IOptions<SubscriptionsOptions> options,
    SubscriptionsLog log) : ICommandHandler
{
    private const int MaxListed = 25;

    public string Name => CommandNames.Subscriptions;

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken ct)
    {
        try
        {
            if (request.Context.Platform == Platform.Console
                && request.Option(SubscriptionTarget.PlatformOption) is null
                && request.Option(SubscriptionTarget.ChannelOption) is null)
            {
                return await ListAllAsync(ct);
            }

            if (!SubscriptionTarget.TryResolve(request, out var channel, out var rejection))
            {
                return rejection;
            }

            var where = SubscriptionTarget.Where(channel, request.Context);
            if (await store.FindSubscriptionAsync(channel, ct) is not { } subscription)
            {
                return new Reply
                {
                    Kind = ReplyKind.NotFound,
                    Title = "No subscription",
                    Body = $"{char.ToUpperInvariant(where[0])}{where[1..]} has no subscription. Run subscribe to get a post each time the fact base changes.",
                    Suggestions = [CommandNames.Subscribe],
                };
            }

            var stats = await store.GetDeliveryStatsAsync(subscription.Id, ct);
            return Describe(subscription, stats, where);
        }
        catch (Exception ex) when (SubscriptionTarget.IsStorageFailure(ex))
        {
            return SubscriptionTarget.StorageUnavailable(log, Name, ex);
        }
    }

    private Reply Describe(Subscription subscription, DeliveryStats stats, string where)
    {
        var mode = SubscriptionTarget.DeliveryMode(subscription.Digest, options.Value.DigestHourUtc);
        var halt = deliveryStatus.Select(s => s.HaltReason(subscription.Channel)).FirstOrDefault(r => r is not null);
        var state = subscription.State == SubscriptionState.Paused
            ? $"Paused since {Date(subscription.PausedAt)}: {subscription.PausedReason}"
            : halt is not null ? $"Active, but posting is stopped: {halt}" : "Active";
        var body = subscription.State == SubscriptionState.Paused
            ? $"{Capital(where)} is subscribed but paused: {subscription.PausedReason} Fix that, then run subscribe again to resume."
            : $"{Capital(where)} gets {mode} about {TopicNames.Describe(subscription.Topics)}.";

        var fields = new List<ReplyField>
        {
            new("State", state),
            new("Topics", TopicNames.Describe(subscription.Topics), Inline: true),
            new("Delivery", mode, Inline: true),
            new("Subscribed", $"{Date(subscription.CreatedAt)} by {subscription.CreatedBy}", Inline: true),
            new("Last post", subscription.LastPostAt is { } last ? Time(last) : "none yet", Inline: true),
        };
        if (stats.Pending > 0)
        {
            fields.Add(new ReplyField("Waiting to be posted", stats.Pending.ToString(CultureInfo.InvariantCulture), Inline: true));
        }

        if (stats.Failed > 0)
        {
            fields.Add(new ReplyField("Could not be posted", $"{stats.Failed} (last error: {stats.LastError})"));
        }

        if (stats.Cancelled > 0)
        {
            fields.Add(new ReplyField("Cancelled while paused", stats.Cancelled.ToString(CultureInfo.InvariantCulture), Inline: true));
        }

        return new Reply
        {
            Kind = ReplyKind.Answer,
            Title = "Subscription of " + where,
            Body = body,
            Fields = fields,
            Suggestions = subscription.State == SubscriptionState.Paused ? [CommandNames.Subscribe] : [CommandNames.Unsubscribe],
        };
    }

    private async Task<Reply> ListAllAsync(CancellationToken ct)
    {
        var all = await store.ListSubscriptionsAsync(ct);
        if (all.Count == 0)
        {
            return new Reply { Kind = ReplyKind.NotFound, Title = "No subscriptions", Body = "No channel is subscribed yet." };
        }

        var paused = all.Count(s => s.State == SubscriptionState.Paused);
        var fields = all.Take(MaxListed).Select(s => new ReplyField(
            s.Channel.ToString(),
            s.State == SubscriptionState.Paused
                ? $"paused since {Date(s.PausedAt)}: {s.PausedReason}"
                : $"{TopicNames.Describe(s.Topics)}; {SubscriptionTarget.DeliveryMode(s.Digest, options.Value.DigestHourUtc)}")).ToList();
        if (all.Count > MaxListed)
        {
            fields.Add(new ReplyField("…", $"and {all.Count - MaxListed} more"));
        }

        return new Reply
        {
            Kind = ReplyKind.Answer,
            Title = "Subscriptions",
            Body = $"{all.Count} subscribed channels, {paused} paused.",
            Fields = fields,
        };
    }

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];

    private static string Date(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?";

    private static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
