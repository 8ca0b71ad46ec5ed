using System.Text.Json.Serialization;

namespace Bot.Slack;

// ---- Inbound: a slash command (form fields) ----

/// <summary>The fields of a slash-command request we use (the form has more; <c>user_name</c> and <c>token</c> are deprecated).</summary>
internal sealed record SlackSlashCommand(
    string TeamId,
    string ChannelId,
    string UserId,
    string Command,
    string Text,
    string? ApiAppId,
    Uri ResponseUrl,
    string? EnterpriseId);

// ---- Inbound: an interaction (form field "payload", JSON) ----

/// <summary>A <c>block_actions</c> interaction payload, the members we read.</summary>
internal sealed record SlackInteractionPayload
{
    public string? Type { get; init; }
    public SlackInteractionUser? User { get; init; }
    public SlackInteractionTeam? Team { get; init; }
    public string? ApiAppId { get; init; }
    public SlackInteractionContainer? Container { get; init; }
    public SlackInteractionChannel? Channel { get; init; }
    public string? ResponseUrl { get; init; }
    public IReadOnlyList<SlackInteractionAction>? Actions { get; init; }
}

internal sealed record SlackInteractionUser(string? Id, string? TeamId);

internal sealed record SlackInteractionTeam(string? Id);

internal sealed record SlackInteractionChannel(string? Id);

internal sealed record SlackInteractionContainer(string? Type, string? ChannelId, bool? IsEphemeral);

internal sealed record SlackInteractionAction(string? ActionId, string? BlockId, string? Type, string? Value);

// ---- Outbound: messages (inline responses, response_url posts, chat.postMessage) ----

/// <summary>A message payload: a plain <c>text</c> fallback and Block Kit blocks.</summary>
internal sealed record SlackMessage
{
    public const string Ephemeral = "ephemeral";
    public const string InChannel = "in_channel";

    /// <summary><c>ephemeral</c> or <c>in_channel</c>; always set explicitly (Slack's default is ephemeral).</summary>
    public string? ResponseType { get; init; }

    /// <summary>Notification and screen-reader fallback; escaped like mrkdwn.</summary>
    public required string Text { get; init; }

    public IReadOnlyList<SlackBlock>? Blocks { get; init; }

    /// <summary>response_url only: replace the message the button was on (or the "working on it" acknowledgement).</summary>
    public bool? ReplaceOriginal { get; init; }
}

/// <summary>A Block Kit layout block; <c>type</c> is written from the derived type.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(SlackHeaderBlock), "header")]
[JsonDerivedType(typeof(SlackSectionBlock), "section")]
[JsonDerivedType(typeof(SlackContextBlock), "context")]
[JsonDerivedType(typeof(SlackActionsBlock), "actions")]
[JsonDerivedType(typeof(SlackDividerBlock), "divider")]
internal abstract record SlackBlock
{
    public string? BlockId { get; init; }
}

internal sealed record SlackHeaderBlock(SlackText Text) : SlackBlock;

internal sealed record SlackSectionBlock : SlackBlock
{
    public SlackText? Text { get; init; }
    public IReadOnlyList<SlackText>? Fields { get; init; }
}

internal sealed record SlackContextBlock(IReadOnlyList<SlackText> Elements) : SlackBlock;

internal sealed record SlackActionsBlock(IReadOnlyList<SlackButton> Elements) : SlackBlock;

internal sealed record SlackDividerBlock : SlackBlock;

/// <summary>A text object. <c>mrkdwn</c> text must already be escaped; <c>verbatim</c> stops Slack from auto-linking names.</summary>
internal sealed record SlackText(string Type, string Text)
{
    public bool? Verbatim { get; init; }
    public bool? Emoji { get; init; }

    public static SlackText Mrkdwn(string escaped) => new("mrkdwn", escaped) { Verbatim = true };

    public static SlackText Plain(string text) => new("plain_text", text) { Emoji = false };
}

internal sealed record SlackButton(SlackText Text, string ActionId, string Value)
{
    public string Type { get; init; } = "button";
    public string? Style { get; init; }
}

// ---- Outbound: Web API ----

/// <summary>The JSON body of <c>chat.postMessage</c> (every member is a parameter of Slack's spec).</summary>
internal sealed record SlackPostMessageRequest(string Channel, string Text, IReadOnlyList<SlackBlock>? Blocks)
{
    public bool UnfurlLinks { get; init; }
    public bool UnfurlMedia { get; init; }
}

/// <summary>Slack's Web API envelope: <c>ok</c>, and <c>error</c> when not.</summary>
internal sealed record SlackApiResponse(bool Ok, string? Error, string? Channel, string? Ts);

// ---- The app manifest ----

internal sealed record SlackManifest(
    [property: JsonPropertyName("_metadata")] SlackManifestMetadata Metadata,
    SlackManifestDisplay DisplayInformation,
    SlackManifestFeatures Features,
    SlackManifestOAuth OauthConfig,
    SlackManifestSettings Settings);

internal sealed record SlackManifestMetadata(int MajorVersion, int MinorVersion);

internal sealed record SlackManifestDisplay(string Name, string Description, string BackgroundColor);

internal sealed record SlackManifestFeatures(SlackManifestBotUser BotUser, IReadOnlyList<SlackManifestSlashCommand> SlashCommands);

internal sealed record SlackManifestBotUser(string DisplayName, bool AlwaysOnline);

internal sealed record SlackManifestSlashCommand(string Command, string Url, string Description, string UsageHint, bool ShouldEscape);

internal sealed record SlackManifestOAuth(SlackManifestScopes Scopes);

internal sealed record SlackManifestScopes(IReadOnlyList<string> Bot);

internal sealed record SlackManifestSettings(
    SlackManifestInteractivity Interactivity,
    bool OrgDeployEnabled,
    bool SocketModeEnabled,
    bool TokenRotationEnabled);

internal sealed record SlackManifestInteractivity(bool IsEnabled, string RequestUrl);
