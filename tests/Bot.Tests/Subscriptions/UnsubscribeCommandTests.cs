using Bot.Commands;
using Bot.Storage;
using Bot.Subscriptions;

namespace Bot.Tests.Subscriptions;

public sealed class UnsubscribeCommandTests : IDisposable
{
    private static readonly ChannelKey s_channel = new(Platform.Slack, "T1", "C1");
    private static readonly CommandContext s_admin = new(Platform.Slack, "T1", "C1", "U1", CanManageChannel: true);
    private readonly SubscriptionTestStore _test = new();

    public void Dispose() => _test.Dispose();

    private UnsubscribeCommand Command() => new(_test.Store, _test.Log);

    [Fact]
    public async Task HandleAsync_SubscribedChannelWithAWaitingUpdate_RemovesItAndSaysTheUpdateWasCancelled()
    {
        await _test.Store.PublishAsync(new VersionRecord("v1", null, _test.Time.GetUtcNow(), 1, 0, "{}", "{}"), Topics.None, _test.Time.GetUtcNow(), _test.Time.GetUtcNow(), default);
        await _test.Store.SubscribeAsync(new SubscriptionRequest(s_channel, Topics.All, false, "U1"), _test.Time.GetUtcNow(), default);
        await _test.Store.PublishAsync(new VersionRecord("v2", "v1", _test.Time.GetUtcNow(), 1, 1, "{}", "{}"), Topics.All, _test.Time.GetUtcNow(), _test.Time.GetUtcNow(), default);

        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Unsubscribe, s_admin), default);

        Assert.Equal(ReplyKind.Confirmation, reply.Kind);
        Assert.Contains("gets no more update posts. One update that was waiting to be posted was cancelled.", reply.Body, StringComparison.Ordinal);
        Assert.Null(await _test.Store.FindSubscriptionAsync(s_channel, default));
        Assert.Equal(0, (await _test.Store.CountOutboxAsync(default)).Pending);
    }

    [Fact]
    public async Task HandleAsync_ChannelNotSubscribed_SaysSo()
    {
        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Unsubscribe, s_admin), default);

        Assert.Equal(ReplyKind.NotFound, reply.Kind);
        Assert.Equal([CommandNames.Subscribe], reply.Suggestions);
    }

    [Fact]
    public async Task HandleAsync_NotAllowed_KeepsTheSubscription()
    {
        await _test.Store.SubscribeAsync(new SubscriptionRequest(s_channel, Topics.All, false, "U1"), _test.Time.GetUtcNow(), default);

        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Unsubscribe, s_admin with { CanManageChannel = false }), default);

        Assert.Equal(ReplyKind.Rejected, reply.Kind);
        Assert.NotNull(await _test.Store.FindSubscriptionAsync(s_channel, default));
    }
}
