using System.Text.Json;
using Bot.Commands;
using Bot.Discord;
using Bot.Outbox;
using Bot.Storage;
using Bot.Subscriptions;
using Bot.Tests.Outbox.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Discord;

public sealed class DiscordChannelSenderTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private FakeDiscordChannelApi _fake = null!;

    public async Task InitializeAsync() => _fake = await FakeDiscordChannelApi.StartAsync();

    public async Task DisposeAsync() => await _fake.DisposeAsync();

    private static DeliveryTarget Target(string channel = "900000001") => new(new ChannelKey(Platform.Discord, "G1", channel), null);

    private static UpdateMessage Small(string text = "Round 9 took place.") => new(
        "Negotiations fact base updated", "1 new (rounds).",
        [new UpdateItem(ChangeKind.Added, Topics.Rounds, "Round 9", text, [], [new SourceRef("Kyodo", "Talks", "https://example.org/k", "2025-09")])],
        "Fact base version 0123456789ab", false);

    [Fact]
    public void Nonce_SameLedgerKey_IsTheSameAndAtMost25Characters()
    {
        var nonce = DiscordChannelSender.Nonce("12345678901234567890:" + new string('f', 64) + ":0");

        Assert.InRange(nonce.Length, 1, DiscordChannelSender.MaxNonceLength);
        Assert.Equal(nonce, DiscordChannelSender.Nonce("12345678901234567890:" + new string('f', 64) + ":0"));
        Assert.NotEqual(nonce, DiscordChannelSender.Nonce("12345678901234567890:" + new string('f', 64) + ":1"));
    }

    [Fact]
    public void Render_LargeUpdate_SplitsIntoMessagesWithinEveryEmbedLimit()
    {
        var messages = DiscordUpdateRenderer.Render(SenderTestServices.LargeUpdate(100));

        Assert.True(messages.Count > 1);
        foreach (var (message, i) in messages.Select((m, i) => (m, i)))
        {
            var embed = Assert.Single(message.Embeds);
            Assert.Empty(message.AllowedMentions.Parse);
            Assert.EndsWith($"({i + 1}/{messages.Count})", embed.Title, StringComparison.Ordinal);
            Assert.InRange(embed.Title.Length, 1, DiscordUpdateRenderer.MaxTitle);
            Assert.InRange(embed.Fields.Count, 1, DiscordUpdateRenderer.MaxFields);
            Assert.All(embed.Fields, f => Assert.InRange(f.Name.Length, 1, DiscordUpdateRenderer.MaxFieldName));
            Assert.All(embed.Fields, f => Assert.InRange(f.Value.Length, 1, DiscordUpdateRenderer.MaxFieldValue));
            var total = embed.Title.Length + (embed.Description?.Length ?? 0) + embed.Footer.Text.Length + embed.Fields.Sum(f => f.Name.Length + f.Value.Length);
            Assert.InRange(total, 1, DiscordUpdateRenderer.MaxEmbedTotal);
        }

        Assert.Equal(100, messages.Sum(m => m.Embeds[0].Fields.Count));
    }

    [Theory]
    [InlineData("https://example.org/a_(b) c", "[Kyodo, 2025-09](https://example.org/a_%28b%29%20c)")]
    [InlineData("javascript:alert(1)", "Kyodo, 2025-09")]
    [InlineData("not a url", "Kyodo, 2025-09")]
    public void Render_SourceUrl_LinksOnlyHttpWithTheAdaptersOwnEncoding(string url, string expected)
    {
        var update = Small() with { Items = [Small().Items[0] with { Sources = [new SourceRef("Kyodo", "Talks", url, "2025-09")] }] };
        var field = DiscordUpdateRenderer.Render(update)[0].Embeds[0].Fields[0];
        Assert.EndsWith("Sources: " + expected, field.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FactTextWithMarkdownAndMentions_IsEscapedSoItShowsAsWritten()
    {
        var field = DiscordUpdateRenderer.Render(Small("@everyone **bold** <@123> [x](y)"))[0].Embeds[0].Fields[0];

        // The adapter's escaping (DiscordMarkdown): markdown shows as written, and @everyone is broken by a zero-width
        // space so it could not ping even if allowed_mentions were dropped.
        Assert.StartsWith("@\u200Beveryone \\*\\*bold\\*\\* \\<@123\\> \\[x\\](y)", field.Value, StringComparison.Ordinal);
        Assert.Contains("[Kyodo, 2025-09](https://example.org/k)", field.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_NewMessage_PostsWithTheTokenTheNonceAndNoPings()
    {
        var (sender, services) = SenderTestServices.Discord(_fake, _time);
        using var _ = services;
        var post = sender.Render(Small())[0];

        var result = await sender.SendAsync(Target(), post, "7:abc:0", mayAlreadyBePosted: false, default);

        Assert.Equal(SendResult.Sent, result);
        var created = Assert.Single(_fake.Posts);
        using var body = JsonDocument.Parse(created.Body);
        Assert.Equal(DiscordChannelSender.Nonce("7:abc:0"), body.RootElement.GetProperty("nonce").GetString());
        Assert.True(body.RootElement.GetProperty("enforce_nonce").GetBoolean());
        Assert.Equal(0, body.RootElement.GetProperty("allowed_mentions").GetProperty("parse").GetArrayLength());
        Assert.Empty(_fake.Violations);
    }

    [Fact]
    public async Task SendAsync_SameKeyTwice_DiscordReturnsTheFirstMessageAndCreatesNoSecond()
    {
        var (sender, services) = SenderTestServices.Discord(_fake, _time);
        using var _ = services;
        var post = sender.Render(Small())[0];

        await sender.SendAsync(Target(), post, "7:abc:0", false, default);
        var retry = await sender.SendAsync(Target(), post, "7:abc:0", true, default);

        Assert.Equal(SendResult.Sent, retry);
        Assert.Single(_fake.Posts);
        Assert.Equal(1, _fake.NonceDedupes);
    }

    [Theory]
    [InlineData(10003, "10003 Unknown Channel")]
    [InlineData(10004, "10004 Unknown Guild")]
    [InlineData(50001, "50001 Missing Access")]
    [InlineData(50013, "Send Messages")]
    public async Task SendAsync_ChannelGoneOrAccessLost_SaysWhyForThePause(int code, string expected)
    {
        _fake.ChannelErrors["900000001"] = code;
        var (sender, services) = SenderTestServices.Discord(_fake, _time);
        using var _ = services;

        var result = await sender.SendAsync(Target(), sender.Render(Small())[0], "k", false, default);

        Assert.Equal(SendStatus.ChannelGone, result.Status);
        Assert.Contains(expected, result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_WrongApiBaseUrl_HaltsDiscordInsteadOfPausingTheChannel()
    {
        var (sender, services) = SenderTestServices.Discord(_fake, _time, apiBaseUrl: new Uri(_fake.BaseAddress, "api/v9/").ToString());
        using var _ = services;

        var result = await sender.SendAsync(Target(), sender.Render(Small())[0], "k", false, default);

        Assert.Equal(SendStatus.AuthFailed, result.Status);
        Assert.True(result.WholePlatform);
        Assert.Contains("Discord__ApiBaseUrl", result.Detail, StringComparison.Ordinal);
        Assert.Empty(_fake.Posts);
    }

    [Theory]
    [InlineData(20001)]
    [InlineData(40001)]
    public async Task SendAsync_ForbiddenWithAnUnknownCode_HaltsDiscordInsteadOfPausingTheChannel(int code)
    {
        _fake.ChannelErrors["900000001"] = code;
        var (sender, services) = SenderTestServices.Discord(_fake, _time);
        using var _ = services;

        var result = await sender.SendAsync(Target(), sender.Render(Small())[0], "k", false, default);

        Assert.NotEqual(SendStatus.ChannelGone, result.Status);
        Assert.Equal(SendStatus.AuthFailed, result.Status);
        Assert.True(result.WholePlatform);
        Assert.Contains($"code {code}", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ClaimAboutToRunOut_HandsTheRowBackWithoutPosting()
    {
        var (sender, services) = SenderTestServices.Discord(_fake, _time);
        using var _ = services;

        var result = await sender.SendAsync(Target() with { SendBy = _time.GetUtcNow() - TimeSpan.FromSeconds(1) }, sender.Render(Small())[0], "k", true, default);

        Assert.Equal(SendResult.ClaimRunningOut, result);
        Assert.Empty(_fake.Posts);
        Assert.Equal(0, _fake.RequestsTo("900000001"));
    }

    [Fact]
    public async Task SendAsync_UncertainAttemptOlderThanTheNonceWindow_FindsThePostAndDoesNotPostAgain()
    {
        var (sender, services) = SenderTestServices.Discord(_fake, _time);
        using var _ = services;
        var posts = sender.Render(SenderTestServices.LargeUpdate(60));
        var queuedAt = _time.GetUtcNow();
        await sender.SendAsync(Target(), posts[0], "7:abc:0", false, default);
        _fake.NonceWindow = TimeSpan.Zero;
        _time.Advance(TimeSpan.FromMinutes(20));

        var retry = await sender.SendAsync(Target() with { QueuedAt = queuedAt }, posts[0], "7:abc:0", mayAlreadyBePosted: true, default);
        var nextPart = await sender.SendAsync(Target() with { QueuedAt = queuedAt }, posts[1], "7:abc:1", mayAlreadyBePosted: true, default);

        Assert.Equal(SendResult.AlreadyPosted, retry);
        Assert.Equal(SendResult.Sent, nextPart);
        Assert.Equal(2, _fake.Posts.Count);
        Assert.Equal(2, _fake.ListMessagesCalls);
    }

    [Fact]
    public async Task SendAsync_UncertainAttemptOlderThanTheNonceWindowAndMessagesUnreadable_DoesNotPost()
    {
        _fake.ListMessagesError = 50013;
        var (sender, services) = SenderTestServices.Discord(_fake, _time);
        using var _ = services;
        var queuedAt = _time.GetUtcNow();
        _time.Advance(TimeSpan.FromMinutes(20));

        var result = await sender.SendAsync(Target() with { QueuedAt = queuedAt }, sender.Render(Small())[0], "7:abc:0", mayAlreadyBePosted: true, default);

        Assert.Equal(SendStatus.Transient, result.Status);
        Assert.Contains("Read Message History", result.Detail, StringComparison.Ordinal);
        Assert.Empty(_fake.Posts);
    }

    [Fact]
    public async Task SendAsync_RejectedToken_StopsAfterOneInvalidRequest()
    {
        var (sender, services) = SenderTestServices.Discord(_fake, _time, token: "wrong");
        using var _ = services;
        var post = sender.Render(Small())[0];

        var results = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => sender.SendAsync(Target($"90000000{i}"), post, $"k{i}", false, default)));

        Assert.All(results, r => Assert.Equal(SendStatus.AuthFailed, r.Status));
        Assert.All(results, r => Assert.True(r.WholePlatform));
        Assert.Equal(1, _fake.Unauthorized);
    }

    [Fact]
    public async Task WaitForTurnAsync_RouteBucketEmpty_WaitsUntilItsReset()
    {
        _fake.RouteLimit = 1;
        var (sender, services) = SenderTestServices.Discord(_fake, _time);
        using var _ = services;
        await sender.SendAsync(Target(), sender.Render(Small())[0], "k", false, default);

        var turn = sender.WaitForTurnAsync(Target(), default).AsTask();
        var otherChannel = sender.WaitForTurnAsync(Target("900000002"), default).AsTask();

        Assert.True(otherChannel.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(4.5));
        Assert.False(turn.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(1));
        await turn;
    }

    [Fact]
    public async Task SendAsync_GlobalRateLimit_PausesEveryChannelForRetryAfter()
    {
        _fake.GlobalLimitPerSecond = 1;
        var (sender, services) = SenderTestServices.Discord(_fake, _time);
        using var _ = services;
        var post = sender.Render(Small())[0];
        await sender.SendAsync(Target("900000001"), post, "a", false, default);

        var limited = await sender.SendAsync(Target("900000002"), post, "b", false, default);
        var turn = sender.WaitForTurnAsync(Target("900000003"), default).AsTask();

        Assert.Equal(SendStatus.RateLimited, limited.Status);
        Assert.InRange(limited.RetryAfter.TotalSeconds, 0.001, 1);
        Assert.Equal(1, _fake.GlobalRateLimited);
        Assert.False(turn.IsCompleted);
        _time.Advance(limited.RetryAfter + TimeSpan.FromMilliseconds(100));
        await turn;
    }

    [Fact]
    public async Task SendAsync_ApiUnreachable_IsTransient()
    {
        await _fake.DisposeAsync();
        var (sender, services) = SenderTestServices.Discord(_fake, _time);
        using var _ = services;

        var result = await sender.SendAsync(Target(), sender.Render(Small())[0], "k", false, default);

        Assert.Equal(SendStatus.Transient, result.Status);
    }

    [Fact]
    public async Task SendAsync_LargeSplitUpdate_EveryBodyMatchesDiscordsSpecAndDocumentedLimits()
    {
        var (sender, services) = SenderTestServices.Discord(_fake, _time);
        using var _ = services;
        var posts = sender.Render(SenderTestServices.LargeUpdate(60));

        for (var part = 0; part < posts.Count; part++)
        {
            Assert.Equal(SendResult.Sent, await sender.SendAsync(Target($"90000010{part}"), posts[part], $"7:abc:{part}", false, default));
        }

        Assert.Equal(posts.Count, _fake.Posts.Count);
        foreach (var post in _fake.Posts)
        {
            var body = System.Text.Json.Nodes.JsonNode.Parse(post.Body);
            Assert.Empty(DiscordOpenApi.Instance.ValidateRequest("POST", "/channels/{channel_id}/messages", body));
            Assert.Empty(DiscordDocumentedLimits.CheckChannelMessage(body));
        }
    }
}
