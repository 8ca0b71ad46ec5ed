using System.Net;
using System.Text.Json.Nodes;

namespace Bot.Tests.Discord;

/// <summary>Assertions shared by the Discord tests: what we answer Discord with is valid by the spec and the docs.</summary>
internal static class DiscordAssert
{
    public const string CallbackPath = "/interactions/{interaction_id}/{interaction_token}/callback";

    /// <summary>200, <c>application/json</c>, a body valid as an interaction callback by the spec and within the documented limits.</summary>
    public static JsonNode ValidResponse(DiscordHttpResult result, int expectedType)
    {
        Assert.True(result.Status == HttpStatusCode.OK, $"status {result.Status}: {result.Text}");
        Assert.Equal("application/json", result.ContentType);
        var body = Assert.IsAssignableFrom<JsonNode>(result.Body);
        Assert.Equal(expectedType, body["type"]!.GetValue<int>());
        Assert.Empty(DiscordOpenApi.Instance.ValidateRequest("POST", CallbackPath, body));
        Assert.Empty(DiscordDocumentedLimits.CheckInteractionResponse(body));
        return body;
    }

    /// <summary>A rendered message (any page) is valid as callback data, as a webhook edit and as a followup, and within every documented limit.</summary>
    public static void ValidMessage(JsonNode message)
    {
        var response = new JsonObject { ["type"] = 4, ["data"] = message.DeepClone() };
        Assert.Empty(DiscordOpenApi.Instance.ValidateRequest("POST", CallbackPath, response));
        Assert.Empty(DiscordOpenApi.Instance.ValidateRequest("PATCH", "/webhooks/{webhook_id}/{webhook_token}/messages/@original", message));
        Assert.Empty(DiscordOpenApi.Instance.ValidateRequest("POST", "/webhooks/{webhook_id}/{webhook_token}", message));
        Assert.Empty(DiscordDocumentedLimits.CheckMessage(message));
    }

    public static IEnumerable<string> CustomIds(JsonNode? message) =>
        (message?["components"] as JsonArray ?? [])
            .SelectMany(row => row?["components"] as JsonArray ?? [])
            .Select(button => button?["custom_id"]?.GetValue<string>())
            .OfType<string>();

    public static string Button(JsonNode? message, string label) =>
        (message?["components"] as JsonArray ?? [])
            .SelectMany(row => row?["components"] as JsonArray ?? [])
            .Single(b => b?["label"]?.GetValue<string>() == label)!["custom_id"]!.GetValue<string>();

    /// <summary>All visible text of a message's embeds.</summary>
    public static string Text(JsonNode? message) => string.Join('\n', (message?["embeds"] as JsonArray ?? []).SelectMany(e => new[]
    {
        e?["title"]?.GetValue<string>(), e?["description"]?.GetValue<string>(), e?["footer"]?["text"]?.GetValue<string>(),
    }.Concat((e?["fields"] as JsonArray ?? []).SelectMany(f => new[] { f?["name"]?.GetValue<string>(), f?["value"]?.GetValue<string>() }))).OfType<string>());
}
