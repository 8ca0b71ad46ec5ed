using System.Text.Json;
using System.Text.Json.Nodes;

namespace Bot.Tests.Discord;

/// <summary>
/// Interaction payloads shaped like Discord's (receiving-and-responding docs): snowflakes and permission bit sets as
/// strings, <c>member</c> in guilds, the options tree of a subcommand, the <c>message</c> a button is on.
/// </summary>
internal static class DiscordInteractionJson
{
    public const string ApplicationId = "1200000000000000000";
    public const string GuildId = "1100000000000000000";
    public const string ChannelId = "1100000000000000050";
    public const string UserId = "900000000000000001";

    /// <summary>A member's permission bit set without Manage Channels: view, send, embed, history.</summary>
    public const string PlainPermissions = "104189504";

    /// <summary>A member with Manage Channels (1 &lt;&lt; 4) on top of the plain set.</summary>
    public const string ManagerPermissions = "104189520";

    /// <summary>Administrator (1 &lt;&lt; 3) alone.</summary>
    public const string AdministratorPermissions = "8";

    private static int s_next;

    public static string Ping() => """{"app_permissions":"562949953601536","application_id":"1200000000000000000","entitlements":[],"id":"1300000000000000000","token":"aW50ZXJhY3Rpb246MTMwMDAwMDAwMDAwMDAwMDAwMDpwaW5n","type":1,"user":{"avatar":null,"discriminator":"0000","id":"643945264868098049","public_flags":1,"username":"discord"},"version":1}""";

    /// <summary>A fresh interaction token (about 170 characters, like Discord's).</summary>
    public static string NewToken() => "aW50ZXJhY3Rpb246" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_')
        + new string('x', 120) + "." + Interlocked.Increment(ref s_next);

    /// <summary><c>/talks {sub} option:value …</c> in a guild.</summary>
    public static JsonObject Command(string sub, string token, string permissions = PlainPermissions, params (string Name, object Value)[] options) =>
        Interaction(2, token, permissions, new JsonObject
        {
            ["id"] = "1250000000000000000",
            ["name"] = "talks",
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject
            {
                ["type"] = 1,
                ["name"] = sub,
                ["options"] = new JsonArray([.. options.Select(o => (JsonNode)new JsonObject
                {
                    ["type"] = o.Value switch { int or long => 4, bool => 5, _ => 3 },
                    ["name"] = o.Name,
                    ["value"] = JsonSerializer.SerializeToNode(o.Value),
                })]),
            }),
        });

    /// <summary><c>/talks {sub}</c> with options given as a JSON object (numbers become INTEGER options, booleans BOOLEAN).</summary>
    public static JsonObject Command(string sub, string token, JsonObject options, string permissions = PlainPermissions) =>
        Command(sub, token, permissions, [.. options.Select(o => (o.Key, (object)(o.Value!.GetValueKind() switch
        {
            JsonValueKind.Number => o.Value.GetValue<int>(),
            JsonValueKind.True or JsonValueKind.False => o.Value.GetValue<bool>(),
            _ => o.Value.GetValue<string>(),
        })))]);

    /// <summary>Autocomplete of <paramref name="option"/> of <c>/talks {sub}</c> with the text typed so far.</summary>
    public static JsonObject Autocomplete(string sub, string option, string typed, int optionType = 3) =>
        Interaction(4, NewToken(), PlainPermissions, new JsonObject
        {
            ["id"] = "1250000000000000000",
            ["name"] = "talks",
            ["type"] = 1,
            ["options"] = new JsonArray(new JsonObject
            {
                ["type"] = 1,
                ["name"] = sub,
                ["options"] = new JsonArray(new JsonObject { ["type"] = optionType, ["name"] = option, ["value"] = typed, ["focused"] = true }),
            }),
        });

    /// <summary>A click on a button with <paramref name="customId"/> on <paramref name="message"/> (the message as Discord echoes it).</summary>
    public static JsonObject Button(string customId, JsonObject? message, string token, string permissions = PlainPermissions)
    {
        var interaction = Interaction(3, token, permissions, new JsonObject { ["custom_id"] = customId, ["component_type"] = 2 });
        if (message is not null)
        {
            interaction["message"] = message;
        }

        return interaction;
    }

    /// <summary>The message Discord includes with a component interaction: ours, with its embeds, components and flags.</summary>
    public static JsonObject EchoMessage(JsonNode data)
    {
        var message = (JsonObject)data.DeepClone();
        message["id"] = "1500000000000000009";
        message["channel_id"] = ChannelId;
        message["type"] = 20;
        message["author"] = new JsonObject { ["id"] = ApplicationId, ["username"] = "talks", ["bot"] = true };
        message.Remove("allowed_mentions");
        message["flags"] ??= 0;
        foreach (var embed in message["embeds"] as JsonArray ?? [])
        {
            embed!["type"] = "rich";
            embed["content_scan_version"] = 2;
        }

        return message;
    }

    private static JsonObject Interaction(int type, string token, string permissions, JsonObject data) => new()
    {
        ["app_permissions"] = "2248473465835073",
        ["application_id"] = ApplicationId,
        ["authorizing_integration_owners"] = new JsonObject { ["0"] = GuildId },
        ["channel"] = new JsonObject { ["id"] = ChannelId, ["name"] = "news", ["type"] = 0, ["guild_id"] = GuildId },
        ["channel_id"] = ChannelId,
        ["context"] = 0,
        ["data"] = data,
        ["entitlements"] = new JsonArray(),
        ["guild"] = new JsonObject { ["id"] = GuildId, ["locale"] = "en-US", ["features"] = new JsonArray() },
        ["guild_id"] = GuildId,
        ["guild_locale"] = "en-US",
        ["id"] = "13000000000000" + Interlocked.Increment(ref s_next).ToString("D5", System.Globalization.CultureInfo.InvariantCulture),
        ["locale"] = "en-GB",
        ["member"] = new JsonObject
        {
            ["avatar"] = null,
            ["deaf"] = false,
            ["flags"] = 0,
            ["joined_at"] = "2024-01-01T00:00:00.000000+00:00",
            ["mute"] = false,
            ["nick"] = null,
            ["pending"] = false,
            ["permissions"] = permissions,
            ["roles"] = new JsonArray("1100000000000000111"),
            ["user"] = new JsonObject { ["id"] = UserId, ["username"] = "alice", ["global_name"] = "Alice", ["discriminator"] = "0", ["avatar"] = null },
        },
        ["token"] = token,
        ["type"] = type,
        ["version"] = 1,
    };
}
