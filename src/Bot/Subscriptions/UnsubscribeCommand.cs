using Bot.Commands;
using Bot.Storage;

namespace Bot.Subscriptions;

/// <summary><c>unsubscribe</c>: removes the channel's subscription and cancels every update not yet posted to it.</summary>
internal sealed class UnsubscribeCommand(ISubscriptionStore store, SubscriptionsLog log) : ICommandHandler
{
    public string Name => CommandNames.Unsubscribe;

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

        UnsubscribeResult? result;
        try
        {
            result = await store.UnsubscribeAsync(channel, ct);
        }
        catch (Exception ex) when (SubscriptionTarget.IsStorageFailure(ex))
        {
            return SubscriptionTarget.StorageUnavailable(log, Name, ex);
        }

        var where = SubscriptionTarget.Where(channel, request.Context);
        if (result is null)
        {
            return new Reply
            {
                Kind = ReplyKind.NotFound,
                Title = "Not subscribed",
                Body = $"{char.ToUpperInvariant(where[0])}{where[1..]} has no subscription, so there was nothing to remove.",
                Suggestions = [CommandNames.Subscribe],
            };
        }

        log.SubscriptionChanged("unsubscribed", channel.ToString(), TopicNames.Describe(result.Subscription.Topics), result.Subscription.Digest, request.Context.UserId ?? "console");
        var cancelled = result.CancelledUpdates switch
        {
            0 => "",
            1 => " One update that was waiting to be posted was cancelled.",
            var n => $" {n} updates that were waiting to be posted were cancelled.",
        };
        return new Reply
        {
            Kind = ReplyKind.Confirmation,
            Title = "Unsubscribed",
            Body = $"{char.ToUpperInvariant(where[0])}{where[1..]} gets no more update posts.{cancelled}",
            Suggestions = [CommandNames.Subscribe],
        };
    }
}
