using Bot.Commands;
using Bot.Storage;
using Bot.Subscriptions;
using Moq;

namespace Bot.Tests.Subscriptions;

public sealed class SubscriptionsCommandTests : IDisposable
{
    private static readonly ChannelKey s_channel = new(Platform.Discord, "G1", "C1");
    private static readonly CommandContext s_member = new(Platform.Discord, "G1", "C1", "U2", CanManageChannel: false);
    private readonly SubscriptionTestStore _test = new();

    public void Dispose() => _test.Dispose();

    private SubscriptionsCommand Command(params IDeliveryStatus[] status) => new(_test.Store, status, _test.Options, _test.Log);

    [Fact]
    public async Task HandleAsync_ActiveSubscription_AnyMemberSeesTopicsAndMode()
    {
        await _test.Store.SubscribeAsync(new SubscriptionRequest(s_channel, Topics.Rounds, true, "U1"), _test.Time.GetUtcNow(), default);

        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Subscriptions, s_member), default);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Contains("a daily digest at 08:00 UTC about rounds", reply.Body, StringComparison.Ordinal);
        Assert.Contains(reply.Fields, f => f.Name == "State" && f.Value == "Active");
        Assert.Contains(reply.Fields, f => f.Name == "Subscribed" && f.Value == "2025-07-23 by U1");
    }

    [Fact]
    public async Task HandleAsync_PausedSubscription_ShowsWhyAndHowToResume()
    {
        var created = await _test.Store.SubscribeAsync(new SubscriptionRequest(s_channel, Topics.All, false, "U1"), _test.Time.GetUtcNow(), default);
        await _test.Store.PauseSubscriptionAsync(created.Subscription.Id, "The channel no longer exists (Discord 10003 Unknown Channel).", _test.Time.GetUtcNow(), default);

        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Subscriptions, s_member), default);

        Assert.Contains("paused: The channel no longer exists (Discord 10003 Unknown Channel). Fix that, then run subscribe again", reply.Body, StringComparison.Ordinal);
        Assert.Contains(reply.Fields, f => f.Name == "State" && f.Value.StartsWith("Paused since 2025-07-23", StringComparison.Ordinal));
        Assert.Equal([CommandNames.Subscribe], reply.Suggestions);
    }

    [Fact]
    public async Task HandleAsync_PlatformHalted_ShowsThatPostingIsStopped()
    {
        await _test.Store.SubscribeAsync(new SubscriptionRequest(s_channel, Topics.All, false, "U1"), _test.Time.GetUtcNow(), default);
        var status = new Mock<IDeliveryStatus>();
        status.Setup(s => s.HaltReason(s_channel)).Returns("Discord rejected the bot token (401 Unauthorized).");

        var reply = await Command(status.Object).HandleAsync(CommandRequest.Create(CommandNames.Subscriptions, s_member), default);

        Assert.Contains(reply.Fields, f => f.Name == "State" && f.Value == "Active, but posting is stopped: Discord rejected the bot token (401 Unauthorized).");
    }

    [Fact]
    public async Task HandleAsync_NoSubscription_SuggestsSubscribe()
    {
        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Subscriptions, s_member), default);

        Assert.Equal(ReplyKind.NotFound, reply.Kind);
        Assert.Equal([CommandNames.Subscribe], reply.Suggestions);
    }

    [Fact]
    public async Task HandleAsync_ConsoleWithoutAChannel_ListsEverySubscription()
    {
        await _test.Store.SubscribeAsync(new SubscriptionRequest(s_channel, Topics.All, false, "U1"), _test.Time.GetUtcNow(), default);
        var other = await _test.Store.SubscribeAsync(new SubscriptionRequest(new ChannelKey(Platform.Slack, "T1", "C7"), Topics.Figures, false, "U1"), _test.Time.GetUtcNow(), default);
        await _test.Store.PauseSubscriptionAsync(other.Subscription.Id, "The channel is archived (is_archived).", _test.Time.GetUtcNow(), default);

        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Subscriptions, CommandContext.Console), default);

        Assert.Equal("2 subscribed channels, 1 paused.", reply.Body);
        Assert.Equal(["discord:G1/C1", "slack:T1/C7"], reply.Fields.Select(f => f.Name));
        Assert.Contains("is_archived", reply.Fields[1].Value, StringComparison.Ordinal);
    }
}
