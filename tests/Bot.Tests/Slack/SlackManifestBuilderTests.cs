using System.Text.Json.Nodes;
using Bot.Slack;
using Json.Schema;

namespace Bot.Tests.Slack;

public sealed class SlackManifestBuilderTests
{
    [Theory]
    [InlineData("manifest.schema.1.0.0.json")]
    [InlineData("manifest.schema.2.0.0.json")]
    public void Build_ValidatesAgainstSlacksManifestSchema(string schemaFile)
    {
        var schema = JsonSchema.FromFile(Path.Combine(SlackSpec.Folder, schemaFile));
        var manifest = JsonNode.Parse(SlackManifestBuilder.ToJson(SlackManifestBuilder.Build("https://talks.example.org")!));

        var result = schema.Evaluate(manifest, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("\n", (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void Build_SchemaRejectsABrokenManifest()
    {
        // The check above can fail: the same schema refuses a command without its leading slash.
        var schema = JsonSchema.FromFile(Path.Combine(SlackSpec.Folder, "manifest.schema.1.0.0.json"));
        var manifest = JsonNode.Parse(SlackManifestBuilder.ToJson(SlackManifestBuilder.Build("https://talks.example.org")!))!;
        manifest["features"]!["slash_commands"]![0]!["command"] = "talks";

        Assert.False(schema.Evaluate(manifest).IsValid);
    }

    [Fact]
    public void Build_PointsTheCommandAndInteractivityAtTheBaseUrl()
    {
        var manifest = JsonNode.Parse(SlackManifestBuilder.ToJson(SlackManifestBuilder.Build("https://talks.example.org/bot/")!))!;

        var command = manifest["features"]!["slash_commands"]![0]!;
        Assert.Equal("/talks", command["command"]!.GetValue<string>());
        Assert.Equal("https://talks.example.org/bot/slack/commands", command["url"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(command["description"]!.GetValue<string>()));
        Assert.Contains("who NAME", command["usage_hint"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("https://talks.example.org/bot/slack/interactions", manifest["settings"]!["interactivity"]!["request_url"]!.GetValue<string>());
        Assert.True(manifest["settings"]!["interactivity"]!["is_enabled"]!.GetValue<bool>());
        Assert.Equal(["commands", "chat:write", "channels:read", "groups:read", "channels:history", "groups:history"], manifest["oauth_config"]!["scopes"]!["bot"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal("talks", manifest["features"]!["bot_user"]!["display_name"]!.GetValue<string>());
        Assert.Equal("Japan–US Talks", manifest["display_information"]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("")]
    [InlineData("talks.example.org")]
    [InlineData("ftp://talks.example.org")]
    [InlineData("https://talks.example.org/?x=1")]
    [InlineData("https://user:pw@talks.example.org")]
    public void Build_NotAnHttpBaseUrl_IsRefused(string url) => Assert.Null(SlackManifestBuilder.Build(url));
}
