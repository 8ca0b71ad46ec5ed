using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Commands;
using Bot.Outbox;
using Bot.Slack;
using Bot.Storage;
using Bot.Subscriptions;
using Bot.Tests.Outbox.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Slack;

public sealed class SlackChannelSenderTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private FakeSlackChatApi _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeSlackChatApi.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private static ChannelKey Channel(string id = "C0000001") => new(Platform.Slack, FakeSlackChatApi.Team, id);

    private static DeliveryTarget Target(string id = "C0000001") => new(Channel(id), null);

    private static UpdateMessage Small(string text = "Round 9 took place.") => new(
        "Negotiations fact base updated", "1 new (rounds).",
        [new UpdateItem(ChangeKind.Added, Topics.Rounds, "Round 9", text, [], [new SourceRef("Kyodo", "Talks", "https://example.org/k", "2025-09")])],
        "Fact base version 0123456789ab", false);

    private static JsonNode? Wire(SlackOutboxMessage message) =>
        JsonNode.Parse(JsonSerializer.Serialize(message with { Channel = "C1" }, SlackOutboxJsonContext.Default.SlackOutboxMessage));

    [Fact]
    public void Render_LargeUpdate_SplitsIntoMessagesThatFollowBlockKitRules()
    {
        var messages = SlackUpdateRenderer.Render(SenderTestServices.LargeUpdate(120));

        Assert.True(messages.Count > 2);
        Assert.All(messages, m => Assert.Empty(BlockKitRules.Violations(Wire(m))));
        Assert.All(messages, m => Assert.InRange(m.Blocks.Count, 3, SlackUpdateRenderer.MaxBlocks));
        Assert.Equal(120, messages.Sum(m => m.Blocks.Count(b => b.Type == "section") - 1));
        Assert.EndsWith($"(1/{messages.Count})", messages[0].Blocks[0].Text!.Text, StringComparison.Ordinal);
        Assert.All(messages, m => Assert.False(m.UnfurlLinks));
    }

    [Theory]
    [InlineData("https://example.org/a?b=1&c=<2>|", "<https://example.org/a?b=1&amp;c=%3C2%3E%7C|Kyodo, 2025-09>")]
    [InlineData("javascript:alert(1)", "Kyodo, 2025-09")]
    [InlineData("not a url", "Kyodo, 2025-09")]
    public void Render_SourceUrl_LinksOnlyHttpWithTheAdaptersOwnEncoding(string url, string expected)
    {
        var update = Small() with { Items = [Small().Items[0] with { Sources = [new SourceRef("Kyodo", "Talks", url, "2025-09")] }] };
        var section = SlackUpdateRenderer.Render(update)[0].Blocks[2].Text!;
        Assert.EndsWith("Sources: " + expected, section.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FactTextWithControlCharacters_CannotMentionOrLink()
    {
        var section = SlackUpdateRenderer.Render(Small("<!channel> & <@U123> <https://evil|click>"))[0].Blocks[2].Text!;

        Assert.Contains("&lt;!channel&gt; &amp; &lt;@U123&gt; &lt;https://evil|click&gt;", section.Text, StringComparison.Ordinal);
        Assert.Contains("<https://example.org/k|Kyodo, 2025-09>", section.Text, StringComparison.Ordinal);
        Assert.True(section.Verbatim);
    }

    [Fact]
    public async Task SendAsync_Posted_CarriesItsLedgerKeyInTheMessageMetadata()
    {
        var (sender, services) = SenderTestServices.Slack(_fake, _time);
        using var _ = services;

        var result = await sender.SendAsync(Target(), sender.Render(Small())[0], "7:abc:0", false, default);

        Assert.Equal(SendResult.Sent, result);
        var post = Assert.Single(_fake.Posts);
        Assert.Equal("7:abc:0", post.MetadataKey);
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task SendAsync_OutcomeOfAnEarlierAttemptUnknown_FindsThatPostAndDoesNotPostAgain()
    {
        var (sender, services) = SenderTestServices.Slack(_fake, _time);
        using var _ = services;
        var post = sender.Render(Small())[0];
        await sender.SendAsync(Target(), post, "7:abc:0", false, default);

        var retry = await sender.SendAsync(Target(), post, "7:abc:0", mayAlreadyBePosted: true, default);

        Assert.Equal(SendResult.AlreadyPosted, retry);
        Assert.Single(_fake.Posts);
        Assert.Equal(1, _fake.HistoryCalls);
    }

    [Theory]
    [InlineData("missing_scope")]
    [InlineData("internal_error")]
    public async Task SendAsync_OutcomeUnknownAndHistoryCannotBeRead_DoesNotPostAndRetriesLater(string error)
    {
        _fake.HistoryError = error;
        var (sender, services) = SenderTestServices.Slack(_fake, _time);
        using var _ = services;

        var result = await sender.SendAsync(Target(), sender.Render(Small())[0], "7:abc:0", mayAlreadyBePosted: true, default);

        Assert.Equal(SendStatus.Transient, result.Status);
        Assert.Contains(error, result.Detail, StringComparison.Ordinal);
        Assert.Empty(_fake.Posts);
    }

    [Fact]
    public async Task SendAsync_OutcomeUnknownAndHistoryRateLimited_DoesNotPostAndStaysUnchecked()
    {
        _fake.HistoryRateLimited = true;
        var (sender, services) = SenderTestServices.Slack(_fake, _time);
        using var _ = services;

        var result = await sender.SendAsync(Target(), sender.Render(Small())[0], "7:abc:0", mayAlreadyBePosted: true, default);

        Assert.Equal(SendStatus.RateLimited, result.Status);
        Assert.True(result.NotChecked);
        Assert.Equal(TimeSpan.FromSeconds(30), result.RetryAfter);
        Assert.Empty(_fake.Posts);
    }

    [Fact]
    public async Task SendAsync_OutcomeUnknownAndManyMessagesSince_PagesThroughHistoryAndFindsThePost()
    {
        _fake.ChannelInterval = TimeSpan.Zero;
        var (sender, services) = SenderTestServices.Slack(_fake, _time);
        using var _ = services;
        var post = sender.Render(Small())[0];
        var queuedAt = DateTimeOffset.UtcNow;
        await sender.SendAsync(Target(), post, "7:abc:0", false, default);
        for (var i = 0; i < 450; i++)
        {
            _fake.Seed("C0000001", null, DateTimeOffset.UtcNow);
        }

        var retry = await sender.SendAsync(Target() with { QueuedAt = queuedAt }, post, "7:abc:0", mayAlreadyBePosted: true, default);

        Assert.Equal(SendResult.AlreadyPosted, retry);
        Assert.Single(_fake.Posts, p => p.MetadataKey == "7:abc:0");
        Assert.True(_fake.HistoryCalls > 1);
    }

    [Fact]
    public async Task SendAsync_OutcomeUnknownAfterALongHalt_SearchesHistoryBackToWhenTheUpdateWasQueued()
    {
        var queuedAt = DateTimeOffset.UtcNow - TimeSpan.FromDays(3);
        _fake.Seed("C0000001", "7:abc:0", queuedAt + TimeSpan.FromMinutes(1));
        var (sender, services) = SenderTestServices.Slack(_fake, _time);
        using var _ = services;

        var retry = await sender.SendAsync(Target() with { QueuedAt = queuedAt }, sender.Render(Small())[0], "7:abc:0", mayAlreadyBePosted: true, default);

        Assert.Equal(SendResult.AlreadyPosted, retry);
        Assert.Single(_fake.Posts);
    }

    [Fact]
    public async Task SendAsync_ClaimAboutToRunOut_HandsTheRowBackWithoutCheckingOrPosting()
    {
        var (sender, services) = SenderTestServices.Slack(_fake, _time);
        using var _ = services;

        var result = await sender.SendAsync(Target() with { SendBy = _time.GetUtcNow() - TimeSpan.FromSeconds(1) }, sender.Render(Small())[0], "7:abc:0", mayAlreadyBePosted: true, default);

        Assert.Equal(SendResult.ClaimRunningOut, result);
        Assert.Equal(0, _fake.HistoryCalls);
        Assert.Empty(_fake.Posts);
    }

    [Fact]
    public async Task SendAsync_HistoryLimiterWaitLongerThanTheClaim_GivesUpAtSendByWithoutPosting()
    {
        var (sender, services) = SenderTestServices.Slack(_fake, _time);
        using var _ = services;
        var post = sender.Render(Small())[0];
        _fake.Seed("C0000001", "seen", DateTimeOffset.UtcNow);
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(SendResult.AlreadyPosted, await sender.SendAsync(Target(), post, "seen", mayAlreadyBePosted: true, default));
        }

        var waiting = sender.SendAsync(Target() with { SendBy = _time.GetUtcNow() + TimeSpan.FromSeconds(5) }, post, "7:abc:0", mayAlreadyBePosted: true, default);
        Assert.False(waiting.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(6));
        var result = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(SendResult.ClaimRunningOut, result);
        Assert.Equal(50, _fake.HistoryCalls);
        Assert.Single(_fake.Posts);
    }

    [Fact]
    public async Task WaitForTurnAsync_SameChannel_WaitsAboutASecondBetweenPosts()
    {
        var (sender, services) = SenderTestServices.Slack(_fake, _time);
        using var _ = services;

        await sender.WaitForTurnAsync(Target(), default);
        var second = sender.WaitForTurnAsync(Target(), default).AsTask();
        var otherChannel = sender.WaitForTurnAsync(Target("C0000002"), default).AsTask();

        Assert.True(otherChannel.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(900));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(200));
        await second;
    }

    [Theory]
    [InlineData("not_in_channel", "/invite")]
    [InlineData("channel_not_found", "channel_not_found")]
    [InlineData("is_archived", "archived")]
    public async Task SendAsync_ChannelGoneOrBotRemoved_SaysWhyForThePause(string error, string expected)
    {
        _fake.ChannelErrors["C0000001"] = error;
        var (sender, services) = SenderTestServices.Slack(_fake, _time);
        using var _ = services;

        var result = await sender.SendAsync(Target(), sender.Render(Small())[0], "k", false, default);

        Assert.Equal(SendStatus.ChannelGone, result.Status);
        Assert.Contains(expected, result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_RevokedToken_StopsEveryWorkspaceAfterOneCall()
    {
        _fake.TokenError = "token_revoked";
        var (sender, services) = SenderTestServices.Slack(_fake, _time);
        using var _ = services;
        var post = sender.Render(Small())[0];

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => sender.SendAsync(Target($"C000000{i}"), post, $"k{i}", false, default)));

        Assert.All(results, r => Assert.Equal(SendStatus.AuthFailed, r.Status));
        Assert.All(results, r => Assert.True(r.WholePlatform));
        Assert.Contains("token_revoked", results[0].Detail, StringComparison.Ordinal);
        Assert.Empty(_fake.Posts);
    }

    [Fact]
    public async Task SendAsync_WorkspaceRefusesTheToken_StopsOnlyThatWorkspace()
    {
        _fake.ChannelErrors["C0000001"] = "team_access_not_granted";
        var (sender, services) = SenderTestServices.Slack(_fake, _time);
        using var _ = services;
        var post = sender.Render(Small())[0];

        var refused = await sender.SendAsync(Target(), post, "k1", false, default);
        var sameWorkspace = await sender.SendAsync(Target("C0000002"), post, "k2", false, default);
        var otherWorkspace = await sender.SendAsync(new DeliveryTarget(new ChannelKey(Platform.Slack, "T0OTHER01", "C0000003"), null), post, "k3", false, default);

        Assert.Equal(SendStatus.AuthFailed, refused.Status);
        Assert.False(refused.WholePlatform);
        Assert.Equal(SendStatus.AuthFailed, sameWorkspace.Status);
        Assert.Equal(SendResult.Sent, otherWorkspace);
        Assert.Equal("k3", Assert.Single(_fake.Posts).MetadataKey);
    }

    [Fact]
    public async Task SendAsync_RateLimited_ReportsRetryAfterAndHoldsTheWorkspace()
    {
        _fake.StormProbability = 1;
        _fake.StormRetryAfterSeconds = 3;
        var (sender, services) = SenderTestServices.Slack(_fake, _time);
        using var _ = services;

        var result = await sender.SendAsync(Target(), sender.Render(Small())[0], "k", false, default);
        var turn = sender.WaitForTurnAsync(Target("C0000009"), default).AsTask();

        Assert.Equal(SendStatus.RateLimited, result.Status);
        Assert.Equal(TimeSpan.FromSeconds(3), result.RetryAfter);
        _time.Advance(TimeSpan.FromSeconds(2.9));
        Assert.False(turn.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.2));
        await turn;
    }

    [Fact]
    public async Task CheckAsync_BotNotAMember_SaysToInviteIt()
    {
        _fake.NotMember["C0000001"] = true;
        var (sender, services) = SenderTestServices.Slack(_fake, _time);
        using var _ = services;

        var access = await sender.CheckAsync(Channel(), default);

        Assert.Equal(ChannelAccessState.CannotPost, access.State);
        Assert.Contains("/invite", access.Advice, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("channel_not_found", "private")]
    [InlineData("is_archived", "archived")]
    public async Task CheckAsync_ChannelTheBotCannotUse_SaysWhatToDo(string error, string expected)
    {
        _fake.ChannelErrors["C0000001"] = error;
        var (sender, services) = SenderTestServices.Slack(_fake, _time);
        using var _ = services;

        var access = await sender.CheckAsync(Channel(), default);

        Assert.Equal(ChannelAccessState.CannotPost, access.State);
        Assert.Contains(expected, access.Advice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckAsync_MemberChannel_CanPost()
    {
        var (sender, services) = SenderTestServices.Slack(_fake, _time);
        using var _ = services;

        Assert.Equal(ChannelAccessState.CanPost, (await sender.CheckAsync(Channel(), default)).State);
    }

    [Fact]
    public async Task CheckAsync_SlackRefusesTheQuestion_IsUnknownSoSubscribingStillWorks()
    {
        _fake.TokenError = "missing_scope";
        var (sender, services) = SenderTestServices.Slack(_fake, _time);
        using var _ = services;

        Assert.Equal(ChannelAccessState.Unknown, (await sender.CheckAsync(Channel(), default)).State);
    }
}
