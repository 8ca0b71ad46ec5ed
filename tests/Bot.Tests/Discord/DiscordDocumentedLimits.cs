using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Bot.Tests.Discord;

/// <summary>
/// The limits Discord documents but its OpenAPI spec does not encode (or encodes more loosely), checked on the JSON we
/// send: content 2000 (the spec says 4000 for channel posts), the 6000-character total across embeds, non-empty
/// field names and values, components (5 rows of 1–5 buttons, labels 80, unique custom_ids 1–100), autocomplete
/// choices, command definitions (name pattern, lengths, 25 options, required before optional, 8000 characters in
/// all), channel-post nonces and flags, and our own rule: <c>allowed_mentions: {"parse": []}</c> on every message.
/// Numbers are written out here on purpose instead of reusing the production constants, so a wrong constant is caught.
/// </summary>
internal static partial class DiscordDocumentedLimits
{
    /// <summary>Errors of a message body (interaction response data, webhook edit, followup, channel post).</summary>
    public static List<string> CheckMessage(JsonNode? message, bool requireContent = true)
    {
        var errors = new List<string>();
        if (message is not JsonObject m)
        {
            errors.Add("message is not an object");
            return errors;
        }

        var content = m["content"]?.GetValue<string>();
        if (content is { Length: > 2000 })
        {
            errors.Add($"content has {content.Length} characters (max 2000)");
        }

        var embeds = m["embeds"] as JsonArray ?? [];
        var components = m["components"] as JsonArray ?? [];
        if (requireContent && string.IsNullOrEmpty(content) && embeds.Count == 0 && components.Count == 0)
        {
            errors.Add("empty message: no content, embeds or components");
        }

        if (m["allowed_mentions"] is not JsonObject mentions || mentions["parse"] is not JsonArray { Count: 0 }
            || mentions.ContainsKey("users") || mentions.ContainsKey("roles"))
        {
            errors.Add("allowed_mentions must be {\"parse\": []}");
        }

        if (embeds.Count > 10)
        {
            errors.Add($"{embeds.Count} embeds (max 10)");
        }

        var total = 0;
        for (var i = 0; i < embeds.Count; i++)
        {
            total += CheckEmbed(embeds[i], $"embeds[{i}]", errors);
        }

        if (total > 6000)
        {
            errors.Add($"embeds hold {total} characters in all (max 6000)");
        }

        CheckComponents(components, errors);
        return errors;
    }

    /// <summary>Errors of an inline interaction response (our HTTP response body to Discord).</summary>
    public static List<string> CheckInteractionResponse(JsonNode? response)
    {
        var type = response?["type"]?.GetValue<int>();
        var data = response?["data"];
        return type switch
        {
            1 or 6 => data is null ? [] : [$"type {type} carries no data"],
            4 or 7 => CheckMessage(data),
            5 => data is JsonObject d && (d["flags"]?.GetValue<int>() ?? 0) is 0 or 64 ? [] : ["type 5 may only carry flags 64"],
            8 => CheckAutocomplete(response),
            _ => [$"unexpected response type {type}"],
        };
    }

    /// <summary>Errors of an autocomplete result (type 8).</summary>
    public static List<string> CheckAutocomplete(JsonNode? response)
    {
        var errors = new List<string>();
        if (response?["type"]?.GetValue<int>() != 8)
        {
            errors.Add("autocomplete result must be type 8");
        }

        if (response?["data"]?["choices"] is not JsonArray choices)
        {
            errors.Add("autocomplete result needs data.choices");
            return errors;
        }

        if (choices.Count > 25)
        {
            errors.Add($"{choices.Count} choices (max 25)");
        }

        foreach (var choice in choices)
        {
            var name = choice?["name"]?.GetValue<string>() ?? "";
            if (name.Length is < 1 or > 100)
            {
                errors.Add($"choice name of {name.Length} characters (1-100): {name}");
            }

            switch (choice?["value"]?.GetValueKind())
            {
                case JsonValueKind.String when choice["value"]!.GetValue<string>().Length is < 1 or > 100:
                    errors.Add("choice value must be 1-100 characters");
                    break;
                case JsonValueKind.String or JsonValueKind.Number:
                    break;
                default:
                    errors.Add("choice value must be a string or a number");
                    break;
            }
        }

        return errors;
    }

    /// <summary>Errors of a channel post: a message plus its nonce and flags.</summary>
    public static List<string> CheckChannelMessage(JsonNode? message)
    {
        var errors = CheckMessage(message);
        if (message?["nonce"] is JsonValue nonce && nonce.GetValueKind() == JsonValueKind.String && nonce.GetValue<string>().Length > 25)
        {
            errors.Add("nonce longer than 25 characters");
        }

        if (message?["enforce_nonce"]?.GetValue<bool>() == true && message["nonce"] is null)
        {
            errors.Add("enforce_nonce without a nonce");
        }

        var flags = message?["flags"]?.GetValue<int>() ?? 0;
        if ((flags & ~(4 | 4096)) != 0)
        {
            errors.Add($"flags {flags}: a channel post may only set SUPPRESS_EMBEDS and SUPPRESS_NOTIFICATIONS");
        }

        return errors;
    }

    /// <summary>Errors of a bulk-overwrite body: an array of command definitions.</summary>
    public static List<string> CheckCommands(JsonNode? body)
    {
        var errors = new List<string>();
        if (body is not JsonArray commands)
        {
            errors.Add("body is not an array");
            return errors;
        }

        if (commands.Count > 100)
        {
            errors.Add("more than 100 chat commands");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var command in commands)
        {
            var name = command?["name"]?.GetValue<string>() ?? "";
            if (!names.Add(name))
            {
                errors.Add($"duplicate command {name}");
            }

            CheckName(name, "command", errors);
            CheckDescription(command?["description"]?.GetValue<string>(), name, errors);
            var text = name.Length + (command?["description"]?.GetValue<string>()?.Length ?? 0);
            text += CheckOptions(command?["options"] as JsonArray, name, depth: 0, errors);
            if (text > 8000)
            {
                errors.Add($"command {name} holds {text} characters of names, descriptions and values (max 8000)");
            }
        }

        return errors;
    }

    private static int CheckEmbed(JsonNode? embed, string at, List<string> errors)
    {
        var size = 0;
        size += Text(embed?["title"], $"{at}.title", 256, errors);
        size += Text(embed?["description"], $"{at}.description", 4096, errors);
        size += Text(embed?["footer"]?["text"], $"{at}.footer.text", 2048, errors);
        size += Text(embed?["author"]?["name"], $"{at}.author.name", 256, errors);
        if (embed?["color"] is JsonNode color && color.GetValue<int>() is < 0 or > 0xFFFFFF)
        {
            errors.Add($"{at}.color out of range");
        }

        var fields = embed?["fields"] as JsonArray ?? [];
        if (fields.Count > 25)
        {
            errors.Add($"{at} has {fields.Count} fields (max 25)");
        }

        for (var i = 0; i < fields.Count; i++)
        {
            var name = fields[i]?["name"]?.GetValue<string>();
            var value = fields[i]?["value"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(name) || string.IsNullOrWhiteSpace(value))
            {
                errors.Add($"{at}.fields[{i}] needs a non-empty name and value");
            }

            size += Text(fields[i]?["name"], $"{at}.fields[{i}].name", 256, errors);
            size += Text(fields[i]?["value"], $"{at}.fields[{i}].value", 1024, errors);
        }

        if (size == 0 && fields.Count == 0)
        {
            errors.Add($"{at} is empty");
        }

        return size;
    }

    private static int Text(JsonNode? node, string at, int max, List<string> errors)
    {
        var text = node?.GetValue<string>();
        if (text is null)
        {
            return 0;
        }

        if (text.Length > max)
        {
            errors.Add($"{at} has {text.Length} characters (max {max})");
        }

        if (EndsInsideEscape(text))
        {
            errors.Add($"{at} ends with a dangling escape or half a surrogate pair");
        }

        return text.Length;
    }

    private static bool EndsInsideEscape(string text)
    {
        if (text.Length > 0 && char.IsHighSurrogate(text[^1]))
        {
            return true;
        }

        var backslashes = 0;
        for (var i = text.Length - 1; i >= 0 && text[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private static void CheckComponents(JsonArray rows, List<string> errors)
    {
        if (rows.Count > 5)
        {
            errors.Add($"{rows.Count} action rows (max 5)");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row?["type"]?.GetValue<int>() != 1 || row["components"] is not JsonArray buttons)
            {
                errors.Add("a top-level component must be an action row with components");
                continue;
            }

            if (buttons.Count is < 1 or > 5)
            {
                errors.Add($"an action row holds {buttons.Count} components (1-5)");
            }

            foreach (var button in buttons)
            {
                if (button?["type"]?.GetValue<int>() != 2)
                {
                    errors.Add("only buttons are expected in our action rows");
                    continue;
                }

                var label = button["label"]?.GetValue<string>() ?? "";
                if (label.Length is < 1 or > 80)
                {
                    errors.Add($"button label of {label.Length} characters (1-80)");
                }

                var id = button["custom_id"]?.GetValue<string>() ?? "";
                if (id.Length is < 1 or > 100)
                {
                    errors.Add($"custom_id of {id.Length} characters (1-100): {id}");
                }

                if (!ids.Add(id))
                {
                    errors.Add($"duplicate custom_id {id}");
                }
            }
        }
    }

    private static int CheckOptions(JsonArray? options, string owner, int depth, List<string> errors)
    {
        if (options is null)
        {
            return 0;
        }

        if (options.Count > 25)
        {
            errors.Add($"{owner} has {options.Count} options (max 25)");
        }

        var size = 0;
        var optional = false;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in options)
        {
            var name = option?["name"]?.GetValue<string>() ?? "";
            var type = option?["type"]?.GetValue<int>() ?? 0;
            var at = $"{owner} {name}";
            CheckName(name, "option", errors);
            CheckDescription(option?["description"]?.GetValue<string>(), at, errors);
            size += name.Length + (option?["description"]?.GetValue<string>()?.Length ?? 0);
            if (!names.Add(name))
            {
                errors.Add($"duplicate option {at}");
            }

            var required = option?["required"]?.GetValue<bool>() ?? false;
            if (type is not (1 or 2))
            {
                if (required && optional)
                {
                    errors.Add($"required option {at} after an optional one");
                }

                optional |= !required;
            }

            if (option?["autocomplete"]?.GetValue<bool>() == true && option["choices"] is not null)
            {
                errors.Add($"{at}: autocomplete together with choices");
            }

            if (option?["choices"] is JsonArray { Count: > 25 })
            {
                errors.Add($"{at}: more than 25 choices");
            }

            if (type is 1 or 2)
            {
                if (depth >= (type == 2 ? 1 : 2))
                {
                    errors.Add($"{at}: nested too deep");
                }

                size += CheckOptions(option?["options"] as JsonArray, at, depth + 1, errors);
            }
        }

        return size;
    }

    private static void CheckName(string name, string what, List<string> errors)
    {
        if (!NamePattern().IsMatch(name) || !string.Equals(name, name.ToLowerInvariant(), StringComparison.Ordinal))
        {
            errors.Add($"{what} name '{name}' must match ^[-_'\\p{{L}}\\p{{N}}]{{1,32}}$ in lower case");
        }
    }

    private static void CheckDescription(string? description, string at, List<string> errors)
    {
        if (description is null || description.Length is < 1 or > 100)
        {
            errors.Add($"{at}: description must be 1-100 characters");
        }
    }

    [GeneratedRegex(@"^[-_'\p{L}\p{N}]{1,32}$")]
    private static partial Regex NamePattern();
}
