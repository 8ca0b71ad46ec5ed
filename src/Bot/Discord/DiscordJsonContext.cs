using System.Text.Json.Serialization;

namespace Bot.Discord;

/// <summary>Source-generated System.Text.Json metadata for Discord's wire format (snake_case, nulls left out).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    MaxDepth = 32)]
[JsonSerializable(typeof(DiscordInteraction))]
[JsonSerializable(typeof(DiscordInteractionResponse))]
[JsonSerializable(typeof(DiscordAutocompleteResponse))]
[JsonSerializable(typeof(DiscordMessage))]
[JsonSerializable(typeof(DiscordChannelMessage))]
[JsonSerializable(typeof(IReadOnlyList<DiscordCommandDefinition>))]
[JsonSerializable(typeof(IReadOnlyList<DiscordRegisteredCommand>))]
[JsonSerializable(typeof(DiscordErrorBody))]
[JsonSerializable(typeof(DiscordRefusal))]
[JsonSerializable(typeof(int))]
[JsonSerializable(typeof(string))]
internal sealed partial class DiscordJsonContext : JsonSerializerContext;

/// <summary>The same metadata, indented, for <c>bot discord manifest</c>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(IReadOnlyList<DiscordCommandDefinition>))]
internal sealed partial class DiscordManifestJsonContext : JsonSerializerContext;
