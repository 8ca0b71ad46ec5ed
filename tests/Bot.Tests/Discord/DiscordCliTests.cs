using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Console;
using Bot.Discord;
using Microsoft.Extensions.Configuration;

namespace Bot.Tests.Discord;

public sealed class DiscordCliTests
{
    [Fact]
    public async Task Manifest_ThroughTheBotCli_PrintsTheCommandDefinitionsAsJson()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await BotCli.RunAsync(["discord", "manifest"], output, error);

        Assert.Equal(0, exit);
        var printed = JsonNode.Parse(output.ToString())!;
        var expected = JsonNode.Parse(JsonSerializer.Serialize(DiscordCommandManifest.Commands, DiscordJsonContext.Default.IReadOnlyListDiscordCommandDefinition));
        Assert.True(JsonNode.DeepEquals(expected, printed));
        Assert.Empty(DiscordOpenApi.Instance.ValidateRequest("PUT", "/applications/{application_id}/commands", printed));
        Assert.Contains("Japan–US", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_Global_PutsTheManifestAndReports()
    {
        await using var api = await FakeDiscordApi.StartAsync();

        var (exit, output, error) = await RunAsync(api, ["discord", "register"]);

        Assert.True(exit == 0, error);
        var call = Assert.Single(api.Calls);
        Assert.Equal($"/api/v10/applications/{DiscordInteractionJson.ApplicationId}/commands", call.Path);
        Assert.Empty(call.Violations);
        Assert.Contains("Registered 1 command(s) globally", output, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeDiscordApi.BotToken, output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_Guild_PutsToTheGuild()
    {
        await using var api = await FakeDiscordApi.StartAsync();

        var (exit, output, _) = await RunAsync(api, ["discord", "register", "--guild", DiscordInteractionJson.GuildId]);

        Assert.Equal(0, exit);
        Assert.Equal($"/api/v10/applications/{DiscordInteractionJson.ApplicationId}/guilds/{DiscordInteractionJson.GuildId}/commands", Assert.Single(api.Calls).Path);
        Assert.Contains($"in guild {DiscordInteractionJson.GuildId}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_GuildNotANumber_Exits1WithoutCallingDiscord()
    {
        await using var api = await FakeDiscordApi.StartAsync();

        var (exit, _, error) = await RunAsync(api, ["discord", "register", "--guild", "my-server"]);

        Assert.Equal(1, exit);
        Assert.Contains("--guild must be a numeric guild id", error, StringComparison.Ordinal);
        Assert.Empty(api.Calls);
    }

    [Theory]
    [InlineData("Discord:BotToken")]
    [InlineData("Discord:ApplicationId")]
    public async Task Register_WithoutCredentials_Exits1AndSaysWhatToSet(string missing)
    {
        await using var api = await FakeDiscordApi.StartAsync();

        var (exit, _, error) = await RunAsync(api, ["discord", "register"], new Dictionary<string, string?> { [missing] = "" });

        Assert.Equal(1, exit);
        Assert.Contains("Set Discord__ApplicationId and Discord__BotToken", error, StringComparison.Ordinal);
        Assert.Empty(api.Calls);
    }

    [Fact]
    public async Task Register_RefusedByDiscord_Exits1WithTheStatus()
    {
        await using var api = await FakeDiscordApi.StartAsync();

        var (exit, _, error) = await RunAsync(api, ["discord", "register"], new Dictionary<string, string?> { ["Discord:BotToken"] = "revoked-token" });

        Assert.Equal(1, exit);
        Assert.Contains("failed: HTTP 401", error, StringComparison.Ordinal);
        Assert.DoesNotContain("revoked-token", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_InvalidConfiguration_Exits1WithTheProblem()
    {
        await using var api = await FakeDiscordApi.StartAsync();

        var (exit, _, error) = await RunAsync(api, ["discord", "register"], new Dictionary<string, string?> { ["Discord:ApiBaseUrl"] = "https://discord.com/api/v10" });

        Assert.Equal(1, exit);
        Assert.Contains("ApiBaseUrl", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Output, string Error)> RunAsync(FakeDiscordApi api, string[] args, IDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Discord:ApplicationId"] = DiscordInteractionJson.ApplicationId,
            ["Discord:BotToken"] = FakeDiscordApi.BotToken,
            ["Discord:ApiBaseUrl"] = api.BaseUrl.ToString(),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var root = new RootCommand { DiscordCli.Create(c => c.AddInMemoryCollection(settings)) };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await root.Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
