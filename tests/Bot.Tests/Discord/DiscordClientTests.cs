using System.Net.Sockets;
using System.Text.Json.Nodes;
using Bot.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Tests.Discord;

/// <summary>The Discord registrations alone (no web server), configured against a fake Discord API.</summary>
internal sealed class DiscordServices : IAsyncDisposable
{
    private readonly IHost _host;

    private DiscordServices(IHost host, FakeDiscordApi api)
    {
        _host = host;
        Api = api;
    }

    public FakeDiscordApi Api { get; }

    public IServiceProvider Services => _host.Services;

    public DiscordClient Client => Services.GetRequiredService<DiscordClient>();

    public static async Task<DiscordServices> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var api = await FakeDiscordApi.StartAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:ApplicationId"] = DiscordInteractionJson.ApplicationId,
            ["Discord:BotToken"] = FakeDiscordApi.BotToken,
            ["Discord:ApiBaseUrl"] = api.BaseUrl.ToString(),
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddDiscord();
        return new DiscordServices(builder.Build(), api);
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        await Api.DisposeAsync();
    }
}

public sealed class DiscordClientTests
{
    private static DiscordMessage Message(string? content = null) => new()
    {
        Content = content,
        Embeds = [new DiscordEmbed { Title = "Round 4", Description = "May 30, 2025 in Washington." }],
    };

    [Fact]
    public async Task BulkOverwriteCommandsAsync_Global_PutsTheManifestWithBotTokenAndUserAgent()
    {
        await using var discord = await DiscordServices.StartAsync();

        var result = await discord.Client.BulkOverwriteCommandsAsync(DiscordInteractionJson.ApplicationId, null, DiscordCommandManifest.Commands, CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        var call = Assert.Single(discord.Api.Calls);
        Assert.Equal("PUT", call.Method);
        Assert.Equal($"/api/v10/applications/{DiscordInteractionJson.ApplicationId}/commands", call.Path);
        Assert.Equal("Bot " + FakeDiscordApi.BotToken, call.Authorization);
        Assert.Matches(@"^DiscordBot \(https://example\.com/talks-bot, \d+\.\d+\.\d+\)$", call.UserAgent);
        Assert.Empty(call.Violations);
        Assert.Equal("talks", call.Body![0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task BulkOverwriteCommandsAsync_Guild_PutsToTheGuildRoute()
    {
        await using var discord = await DiscordServices.StartAsync();

        var result = await discord.Client.BulkOverwriteCommandsAsync(DiscordInteractionJson.ApplicationId, DiscordInteractionJson.GuildId, DiscordCommandManifest.Commands, CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal($"/api/v10/applications/{DiscordInteractionJson.ApplicationId}/guilds/{DiscordInteractionJson.GuildId}/commands", Assert.Single(discord.Api.Calls).Path);
    }

    [Fact]
    public async Task BulkOverwriteCommandsAsync_WrongToken_Returns401AsAValue()
    {
        await using var discord = await DiscordServices.StartAsync(new Dictionary<string, string?> { ["Discord:BotToken"] = "wrong" });

        var result = await discord.Client.BulkOverwriteCommandsAsync(DiscordInteractionJson.ApplicationId, null, DiscordCommandManifest.Commands, CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Equal(401, result.Status);
        Assert.DoesNotContain("wrong", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BulkOverwriteCommandsAsync_NoBotToken_SendsNothing()
    {
        await using var discord = await DiscordServices.StartAsync(new Dictionary<string, string?> { ["Discord:BotToken"] = "" });

        var result = await discord.Client.BulkOverwriteCommandsAsync(DiscordInteractionJson.ApplicationId, null, DiscordCommandManifest.Commands, CancellationToken.None);

        Assert.Equal(0, result.Status);
        Assert.Contains("Discord__BotToken", result.Error!.Message, StringComparison.Ordinal);
        Assert.Empty(discord.Api.Calls);
    }

    [Fact]
    public async Task EditOriginalResponseAsync_SendsNoBotTokenAndAValidEdit()
    {
        await using var discord = await DiscordServices.StartAsync();

        var result = await discord.Client.EditOriginalResponseAsync(DiscordInteractionJson.ApplicationId, "tok.en-_1", Message(), CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        var call = Assert.Single(discord.Api.Calls);
        Assert.Equal($"/api/v10/webhooks/{DiscordInteractionJson.ApplicationId}/tok.en-_1/messages/@original", call.Path);
        Assert.Null(call.Authorization);
        Assert.Empty(call.Violations);
        Assert.Equal("""{"parse":[]}""", call.Body!["allowed_mentions"]!.ToJsonString());
    }

    [Fact]
    public async Task CreateFollowupAsync_PostsAValidFollowup()
    {
        await using var discord = await DiscordServices.StartAsync();

        var result = await discord.Client.CreateFollowupAsync(DiscordInteractionJson.ApplicationId, "token", Message("Shared"), CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        var call = Assert.Single(discord.Api.Calls);
        Assert.Equal($"/api/v10/webhooks/{DiscordInteractionJson.ApplicationId}/token", call.Path);
        Assert.Empty(call.Violations);
        Assert.Null(call.Authorization);
    }

    [Fact]
    public async Task CreateMessageAsync_PostsWithNonceAndEnforceNonce()
    {
        await using var discord = await DiscordServices.StartAsync();

        var result = await discord.Client.CreateMessageAsync(DiscordInteractionJson.ChannelId, DiscordChannelMessage.From(Message() with { Flags = 64 }, "sub42-v7"), CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        var call = Assert.Single(discord.Api.Calls);
        Assert.Empty(call.Violations);
        Assert.Equal("Bot " + FakeDiscordApi.BotToken, call.Authorization);
        Assert.Equal("sub42-v7", call.Body!["nonce"]!.GetValue<string>());
        Assert.True(call.Body["enforce_nonce"]!.GetValue<bool>());
        Assert.Null(call.Body["flags"]);
    }

    [Fact]
    public async Task CreateMessageAsync_Content2001Characters_RefusedByDiscordAsInvalidFormBody()
    {
        await using var discord = await DiscordServices.StartAsync();

        var result = await discord.Client.CreateMessageAsync(DiscordInteractionJson.ChannelId, DiscordChannelMessage.From(Message(new string('a', 2001)), null), CancellationToken.None);

        // The spec allows 4000 here; the documented limit (2000) is what the fake enforces.
        Assert.Equal(400, result.Status);
        Assert.Equal(50035, result.Error!.Code);
        Assert.Contains("content has 2001 characters", result.ErrorText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditOriginalResponseAsync_RateLimited_ReturnsRetryAfter()
    {
        await using var discord = await DiscordServices.StartAsync();
        discord.Api.Script("PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original", 429, retryAfter: 1.25);

        var result = await discord.Client.EditOriginalResponseAsync(DiscordInteractionJson.ApplicationId, "token", Message(), CancellationToken.None);

        Assert.True(result.IsRateLimited);
        Assert.Equal(TimeSpan.FromSeconds(1.25), result.RetryAfter);
    }

    [Fact]
    public async Task EditOriginalResponseAsync_UnknownWebhook_Returns404WithCode()
    {
        await using var discord = await DiscordServices.StartAsync();
        discord.Api.Script("PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original", 404);

        var result = await discord.Client.EditOriginalResponseAsync(DiscordInteractionJson.ApplicationId, "token", Message(), CancellationToken.None);

        Assert.Equal(404, result.Status);
        Assert.Equal(10015, result.Error!.Code);
    }

    [Fact]
    public async Task EditOriginalResponseAsync_DiscordUnreachable_ReturnsStatus0()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var discord = await DiscordServices.StartAsync(new Dictionary<string, string?> { ["Discord:ApiBaseUrl"] = $"http://127.0.0.1:{port}/api/v10/" });

        var result = await discord.Client.EditOriginalResponseAsync(DiscordInteractionJson.ApplicationId, "token", Message(), CancellationToken.None);

        Assert.Equal(0, result.Status);
        Assert.False(result.IsSuccess);
    }

    [Fact]
    public void UserAgent_HasDiscordsFormat()
    {
        Assert.Matches(@"^DiscordBot \(https://example\.org/bot, \d+\.\d+\.\d+\)$", DiscordClient.UserAgent(new Uri("https://example.org/bot")));
    }

    [Fact]
    public void FakeApi_EnforcesTheDocumentedLimitsTheSpecLacks()
    {
        // The fake must be able to fail: an embed total over 6000 and a pinging message are refused.
        var tooBig = new JsonObject
        {
            ["embeds"] = new JsonArray([.. Enumerable.Range(0, 2).Select(_ => (JsonNode)new JsonObject { ["description"] = new string('a', 3500) })]),
            ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray("everyone") },
        };

        var errors = DiscordDocumentedLimits.CheckMessage(tooBig);

        Assert.Contains(errors, e => e.Contains("7000 characters in all", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("allowed_mentions", StringComparison.Ordinal));
        Assert.Empty(DiscordOpenApi.Instance.ValidateRequest("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", tooBig));
    }
}
