using System.Text.Json.Serialization;

namespace Bot.Slack;

/// <summary>Slack's wire format: snake_case, nulls left out.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackInteractionPayload))]
[JsonSerializable(typeof(SlackMessage))]
[JsonSerializable(typeof(SlackPostMessageRequest))]
[JsonSerializable(typeof(SlackApiResponse))]
[JsonSerializable(typeof(SlackManifest))]
internal sealed partial class SlackJsonContext : JsonSerializerContext;
