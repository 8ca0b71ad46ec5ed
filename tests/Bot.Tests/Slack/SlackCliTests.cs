using System.Text.Json.Nodes;
using Bot.Console;
using Json.Schema;

namespace Bot.Tests.Slack;

public sealed class SlackCliTests
{
    [Fact]
    public async Task SlackManifest_PrintsAManifestThatValidates()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await BotCli.RunAsync(["slack", "manifest", "--url", "https://talks.example.org"], output, error);

        Assert.Equal(0, exit);
        Assert.Equal("", error.ToString());
        var manifest = JsonNode.Parse(output.ToString());
        Assert.Equal("https://talks.example.org/slack/commands", manifest!["features"]!["slash_commands"]![0]!["url"]!.GetValue<string>());
        Assert.True(JsonSchema.FromFile(Path.Combine(SlackSpec.Folder, "manifest.schema.2.0.0.json")).Evaluate(manifest).IsValid);
    }

    [Fact]
    public async Task SlackManifest_BadUrl_ExitsOneWithAClearError()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await BotCli.RunAsync(["slack", "manifest", "--url", "talks.example.org"], output, error);

        Assert.Equal(1, exit);
        Assert.Equal("", output.ToString());
        Assert.Contains("--url must be an absolute http(s) URL", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlackManifest_WithoutUrl_IsAUsageError()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.NotEqual(0, await BotCli.RunAsync(["slack", "manifest"], output, error));
        Assert.Contains("--url", error.ToString(), StringComparison.Ordinal);
    }
}
