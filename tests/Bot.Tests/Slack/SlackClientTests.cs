using Bot.Commands;
using Bot.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Slack;

/// <summary>chat.postMessage through the real host's typed client, against the fake Slack that checks the spec and limits.</summary>
public sealed class SlackClientTests
{
    [Fact]
    public async Task PostMessageAsync_SendsSpecParametersWithBearerTokenAndBlocks()
    {
        await using var host = await SlackTestHost.StartAsync();
        var client = host.Services.GetRequiredService<SlackClient>();
        var message = SlackRenderer.Render(new Reply { Kind = ReplyKind.Answer, Title = "Update & <!channel>", Body = "Round 9 added." }, CommandNames.Changes, new SlackView("changes", 0, SlackAudience.Channel));

        var result = await client.PostMessageAsync(SlackSigner.ChannelId, message, default);

        Assert.True(result.Ok, result.Error);
        Assert.Equal("1503435956.000247", result.Ts);
        var post = Assert.Single(host.Slack.Accepted);
        Assert.Equal("/api/chat.postMessage", post.Path);
        Assert.Equal(SlackSigner.ChannelId, post.Body["channel"]!.GetValue<string>());
        Assert.False(post.Body["unfurl_links"]!.GetValue<bool>());
        Assert.StartsWith("Update &amp; &lt;!channel&gt;", post.Body["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(post.Body["response_type"]);
    }

    [Fact]
    public async Task PostMessageAsync_SecondPostWithinASecond_Returns429WithRetryAfter()
    {
        await using var host = await SlackTestHost.StartAsync();
        var client = host.Services.GetRequiredService<SlackClient>();
        var message = new SlackMessage { Text = "hello" };

        Assert.True((await client.PostMessageAsync("C1", message, default)).Ok);
        var limited = await client.PostMessageAsync("C1", message, default);
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var later = await client.PostMessageAsync("C1", message, default);

        Assert.Equal(new SlackApiResult(false, "ratelimited", TimeSpan.FromSeconds(1)), limited);
        Assert.True(later.Ok);
    }

    [Fact]
    public async Task PostMessageAsync_SlackError_IsAValue()
    {
        await using var host = await SlackTestHost.StartAsync(new Dictionary<string, string?> { ["Slack:BotToken"] = "xoxb-revoked" });
        var client = host.Services.GetRequiredService<SlackClient>();

        var result = await client.PostMessageAsync("C1", new SlackMessage { Text = "hello" }, default);

        Assert.Equal(new SlackApiResult(false, "invalid_auth"), result);
    }

    [Fact]
    public async Task PostMessageAsync_WithoutBotToken_SendsNothing()
    {
        await using var host = await SlackTestHost.StartAsync(new Dictionary<string, string?> { ["Slack:BotToken"] = "" });
        var client = host.Services.GetRequiredService<SlackClient>();

        var result = await client.PostMessageAsync("C1", new SlackMessage { Text = "hello" }, default);

        Assert.Equal(SlackApiResult.NotConfigured, result.Error);
        Assert.Empty(host.Slack.Accepted);
        Assert.Empty(host.Slack.Refusals);
    }
}
