using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Tests.Slack;

/// <summary>
/// Builds requests exactly as Slack sends them: an <c>application/x-www-form-urlencoded</c> body (spaces as <c>+</c>,
/// everything else percent-encoded) signed with <c>v0=hex(HMAC-SHA256(secret, "v0:ts:body"))</c>. Written independently of
/// the production verifier.
/// </summary>
internal static class SlackSigner
{
    public const string Secret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string TeamId = "T0AAA1111";
    public const string ChannelId = "C0CCC3333";
    public const string UserId = "U0DDD4444";
    public const string AppId = "A0EEE5555";

    public static string Signature(string secret, string timestamp, byte[] body)
    {
        var data = Encoding.UTF8.GetBytes($"v0:{timestamp}:").Concat(body).ToArray();
        return "v0=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data));
    }

    public static string Form(params (string Key, string Value)[] fields) =>
        string.Join('&', fields.Select(f => $"{Encode(f.Key)}={Encode(f.Value)}"));

    /// <summary>Form encoding as Slack's servers write it: unreserved characters kept, space as <c>+</c>, the rest %XX (UTF-8).</summary>
    public static string Encode(string value) => Uri.EscapeDataString(value).Replace("%20", "+", StringComparison.Ordinal);

    /// <summary>The fields of a slash command, in Slack's order.</summary>
    public static (string, string)[] CommandFields(string text, Uri responseUrl, string userId = UserId, string appId = AppId) =>
    [
        ("token", "gIkuvaNzQIHg97ATvDxqgjtO"),
        ("team_id", TeamId),
        ("team_domain", "acme"),
        ("channel_id", ChannelId),
        ("channel_name", "ops"),
        ("user_id", userId),
        ("user_name", "alice"),
        ("command", "/talks"),
        ("text", text),
        ("api_app_id", appId),
        ("is_enterprise_install", "false"),
        ("response_url", responseUrl.AbsoluteUri),
        ("trigger_id", "13345224609.738474920.8088930838d88f008e0"),
    ];

    /// <summary>A <c>block_actions</c> interaction for a button, as the <c>payload</c> field of a form.</summary>
    public static string InteractionBody(string actionId, string value, Uri responseUrl, string userId = UserId, string appId = AppId)
    {
        var payload = new System.Text.Json.Nodes.JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new System.Text.Json.Nodes.JsonObject { ["id"] = userId, ["username"] = "alice", ["name"] = "alice", ["team_id"] = TeamId },
            ["api_app_id"] = appId,
            ["token"] = "gIkuvaNzQIHg97ATvDxqgjtO",
            ["container"] = new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = "message", ["message_ts"] = "1700000000.000100", ["channel_id"] = ChannelId, ["is_ephemeral"] = true,
            },
            ["trigger_id"] = "1111.2222.ffff",
            ["team"] = new System.Text.Json.Nodes.JsonObject { ["id"] = TeamId, ["domain"] = "acme" },
            ["enterprise"] = null,
            ["is_enterprise_install"] = false,
            ["channel"] = new System.Text.Json.Nodes.JsonObject { ["id"] = ChannelId, ["name"] = "ops" },
            ["state"] = new System.Text.Json.Nodes.JsonObject { ["values"] = new System.Text.Json.Nodes.JsonObject() },
            ["response_url"] = responseUrl.AbsoluteUri,
            ["actions"] = new System.Text.Json.Nodes.JsonArray
            {
                new System.Text.Json.Nodes.JsonObject
                {
                    ["action_id"] = actionId, ["block_id"] = "b1",
                    ["text"] = new System.Text.Json.Nodes.JsonObject { ["type"] = "plain_text", ["text"] = "x", ["emoji"] = true },
                    ["value"] = value, ["type"] = "button", ["action_ts"] = "1700000005.123456",
                },
            },
        };
        return Form(("payload", payload.ToJsonString()));
    }

    public static HttpRequestMessage Request(string path, string body, DateTimeOffset now, string secret = Secret, long? timestamp = null)
    {
        var ts = (timestamp ?? now.ToUnixTimeSeconds()).ToString(CultureInfo.InvariantCulture);
        var bytes = Encoding.UTF8.GetBytes(body);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-www-form-urlencoded");
        request.Headers.Add("X-Slack-Request-Timestamp", ts);
        request.Headers.Add("X-Slack-Signature", Signature(secret, ts, bytes));
        request.Headers.UserAgent.ParseAdd("Slackbot 1.0 (+https://api.slack.com/robots)");
        return request;
    }
}
