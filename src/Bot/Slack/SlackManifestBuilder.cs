using System.Text.Encodings.Web;
using System.Text.Json;

namespace Bot.Slack;

/// <summary>
/// Builds the Slack app manifest for a deployment at a base URL: the <c>/talks</c> command, interactivity, and the bot
/// scopes: <c>commands</c> and <c>chat:write</c> for the adapter; <c>channels:read</c> and <c>groups:read</c> so
/// <c>subscribe</c> can check the bot is in the channel; <c>channels:history</c> and <c>groups:history</c> so update
/// delivery can find a post whose outcome a crash left unknown instead of posting it twice.
/// Paste it into "Create New App → From an app manifest".
/// </summary>
internal static class SlackManifestBuilder
{
    public const string CommandName = "/talks";

    public static readonly IReadOnlyList<string> BotScopes = ["commands", "chat:write", "channels:read", "groups:read", "channels:history", "groups:history"];

    private static readonly JsonSerializerOptions s_indented = new(SlackJsonContext.Default.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // printed for people to paste, not embedded in HTML
    };

    /// <summary>The manifest for <paramref name="baseUrl"/>, or null when it is not an absolute http(s) URL.</summary>
    public static SlackManifest? Build(string baseUrl)
    {
        if (!Uri.TryCreate(baseUrl.Trim(), UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http")
            || url.Query.Length > 0 || url.Fragment.Length > 0 || url.UserInfo.Length > 0)
        {
            return null;
        }

        var root = url.AbsoluteUri.TrimEnd('/');
        return new SlackManifest(
            new SlackManifestMetadata(MajorVersion: 1, MinorVersion: 1),
            new SlackManifestDisplay(
                Name: "Japan–US Talks",
                Description: "Sourced answers about the 2025 Japan–US tariff negotiations: rounds, people, figures, purchases.",
                BackgroundColor: "#1d3557"),
            new SlackManifestFeatures(
                new SlackManifestBotUser(DisplayName: "talks", AlwaysOnline: true),
                [
                    new SlackManifestSlashCommand(
                        Command: CommandName,
                        Url: root + SlackEndpoints.CommandsPath,
                        Description: "Ask about the 2025 Japan–US tariff talks; answers cite their sources.",
                        UsageHint: "[question] | who NAME | round N | timeline [FROM] [TO] | purchases | figures | changes | sources | subscribe | help",
                        ShouldEscape: false),
                ]),
            new SlackManifestOAuth(new SlackManifestScopes(BotScopes)),
            new SlackManifestSettings(
                new SlackManifestInteractivity(IsEnabled: true, RequestUrl: root + SlackEndpoints.InteractionsPath),
                OrgDeployEnabled: false,
                SocketModeEnabled: false,
                TokenRotationEnabled: false));
    }

    public static string ToJson(SlackManifest manifest) =>
        JsonSerializer.Serialize(manifest, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<SlackManifest>)s_indented.GetTypeInfo(typeof(SlackManifest)));
}
