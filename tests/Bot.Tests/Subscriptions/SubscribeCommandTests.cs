using Bot.Commands;
using Bot.Storage;
using Bot.Subscriptions;
using Microsoft.Data.Sqlite;
using Moq;

namespace Bot.Tests.Subscriptions;

public sealed class SubscribeCommandTests : IDisposable
{
    private static readonly CommandContext s_moderator = new(Platform.Discord, "G1", "C1", "U1", CanManageChannel: true);
    private readonly SubscriptionTestStore _test = new();
    private readonly Mock<IChannelAccessProbe> _slackProbe = new();

    public SubscribeCommandTests()
    {
        _slackProbe.SetupGet(p => p.Platform).Returns(Platform.Slack);
        _slackProbe.Setup(p => p.CheckAsync(It.IsAny<ChannelKey>(), It.IsAny<CancellationToken>())).ReturnsAsync(new ChannelAccess(ChannelAccessState.CanPost));
    }

    public void Dispose() => _test.Dispose();

    private SubscribeCommand Command(ISubscriptionStore? store = null) =>
        new(store ?? _test.Store, [_slackProbe.Object], _test.Options, _test.Time, _test.Log);

    [Fact]
    public async Task HandleAsync_ModeratorWithTopics_SubscribesTheChannel()
    {
        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Subscribe, s_moderator, (OptionNames.Topics, "rounds,figures")), default);

        Assert.Equal(ReplyKind.Confirmation, reply.Kind);
        Assert.Equal("Subscribed", reply.Title);
        Assert.Contains("one post per fact-base update about rounds, figures", reply.Body, StringComparison.Ordinal);
        var stored = await _test.Store.FindSubscriptionAsync(new ChannelKey(Platform.Discord, "G1", "C1"), default);
        Assert.Equal(Topics.Rounds | Topics.Figures, stored!.Topics);
        Assert.Equal("U1", stored.CreatedBy);
        Assert.False(stored.Digest);
    }

    [Fact]
    public async Task HandleAsync_DigestOption_SubscribesToTheDailyDigest()
    {
        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Subscribe, s_moderator, (OptionNames.Digest, "true")), default);

        Assert.Contains("a daily digest at 08:00 UTC about all topics", reply.Body, StringComparison.Ordinal);
        Assert.True((await _test.Store.FindSubscriptionAsync(new ChannelKey(Platform.Discord, "G1", "C1"), default))!.Digest);
    }

    [Fact]
    public async Task HandleAsync_WithoutManageChannels_IsRefusedAndStoresNothing()
    {
        var member = s_moderator with { CanManageChannel = false };

        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Subscribe, member), default);

        Assert.Equal(ReplyKind.Rejected, reply.Kind);
        Assert.Contains("Manage Channels", reply.Body, StringComparison.Ordinal);
        Assert.Empty(await _test.Store.ListSubscriptionsAsync(default));
    }

    [Fact]
    public async Task HandleAsync_DiscordChannelWhereTheBotLacksPermissions_SaysWhichAndStoresNothing()
    {
        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Subscribe, s_moderator with { BotCanPost = false }), default);

        Assert.Equal(ReplyKind.Rejected, reply.Kind);
        Assert.Contains("Send Messages", reply.Body, StringComparison.Ordinal);
        Assert.Empty(await _test.Store.ListSubscriptionsAsync(default));
    }

    [Fact]
    public async Task HandleAsync_SlackNonAdmin_IsToldToAskAnAdmin()
    {
        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Subscribe, new CommandContext(Platform.Slack, "T1", "C1", "U2", false)), default);

        Assert.Equal(ReplyKind.Rejected, reply.Kind);
        Assert.Contains("admins", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_SlackChannelWithoutTheBot_SaysToInviteItAndStoresNothing()
    {
        _slackProbe.Setup(p => p.CheckAsync(It.IsAny<ChannelKey>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ChannelAccess(ChannelAccessState.CannotPost, "Invite me: type /invite @ and pick this app."));

        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Subscribe, new CommandContext(Platform.Slack, "T1", "C1", "U1", true)), default);

        Assert.Equal(ReplyKind.Rejected, reply.Kind);
        Assert.Contains("/invite", reply.Body, StringComparison.Ordinal);
        Assert.Empty(await _test.Store.ListSubscriptionsAsync(default));
    }

    [Fact]
    public async Task HandleAsync_ProbeCannotTell_SubscribesAnyway()
    {
        _slackProbe.Setup(p => p.CheckAsync(It.IsAny<ChannelKey>(), It.IsAny<CancellationToken>())).ReturnsAsync(ChannelAccess.Unknown);

        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Subscribe, new CommandContext(Platform.Slack, "T1", "C1", "U1", true)), default);

        Assert.Equal(ReplyKind.Confirmation, reply.Kind);
        Assert.Single(await _test.Store.ListSubscriptionsAsync(default));
    }

    [Fact]
    public async Task HandleAsync_UnknownTopic_IsRefusedWithTheValidTopics()
    {
        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Subscribe, s_moderator, (OptionNames.Topics, "sports")), default);

        Assert.Equal(ReplyKind.Rejected, reply.Kind);
        Assert.Contains("rounds, people, figures, purchases, events", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_DirectMessage_IsRefused()
    {
        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Subscribe, new CommandContext(Platform.Discord, null, "D1", "U1", true)), default);

        Assert.Equal(ReplyKind.Rejected, reply.Kind);
        Assert.Contains("direct message", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ConsoleWithoutAChannel_ExplainsHowToNameOne()
    {
        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Subscribe, CommandContext.Console), default);

        Assert.Equal(ReplyKind.Rejected, reply.Kind);
        Assert.Contains("--platform discord|slack --workspace", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_ConsoleNamingAChannel_SubscribesItWithoutAskingThePlatform()
    {
        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Subscribe, CommandContext.Console,
            (SubscriptionTarget.PlatformOption, "slack"), (SubscriptionTarget.WorkspaceOption, "T9"), (SubscriptionTarget.ChannelOption, "C9"), (OptionNames.Topics, "people")), default);

        Assert.Equal(ReplyKind.Confirmation, reply.Kind);
        Assert.Contains("Slack channel C9", reply.Body, StringComparison.Ordinal);
        Assert.Equal(Topics.People, (await _test.Store.FindSubscriptionAsync(new ChannelKey(Platform.Slack, "T9", "C9"), default))!.Topics);
        _slackProbe.Verify(p => p.CheckAsync(It.IsAny<ChannelKey>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task HandleAsync_PausedSubscription_ResumesAndSaysWhyItWasPaused()
    {
        var created = await _test.Store.SubscribeAsync(new SubscriptionRequest(new ChannelKey(Platform.Discord, "G1", "C1"), Topics.All, false, "U1"), _test.Time.GetUtcNow(), default);
        await _test.Store.PauseSubscriptionAsync(created.Subscription.Id, "The bot lacks permission to post here (Discord 50013 Missing Permissions).", _test.Time.GetUtcNow(), default);

        var reply = await Command().HandleAsync(CommandRequest.Create(CommandNames.Subscribe, s_moderator), default);

        Assert.Equal("Subscription resumed", reply.Title);
        Assert.Contains("50013", reply.Body, StringComparison.Ordinal);
        Assert.Equal(SubscriptionState.Active, (await _test.Store.FindSubscriptionAsync(new ChannelKey(Platform.Discord, "G1", "C1"), default))!.State);
    }

    [Fact]
    public async Task HandleAsync_StorageDown_AnswersThatNothingChangedInsteadOfThrowing()
    {
        var store = new Mock<ISubscriptionStore>();
        store.Setup(s => s.SubscribeAsync(It.IsAny<SubscriptionRequest>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new SqliteException("database is locked", 5));

        var reply = await Command(store.Object).HandleAsync(CommandRequest.Create(CommandNames.Subscribe, s_moderator), default);

        Assert.Equal(ReplyKind.Rejected, reply.Kind);
        Assert.Contains("nothing was read or changed", reply.Body, StringComparison.Ordinal);
    }
}
