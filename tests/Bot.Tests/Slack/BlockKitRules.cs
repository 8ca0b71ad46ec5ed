using System.Text.Json.Nodes;

namespace Bot.Tests.Slack;

/// <summary>
/// Slack's documented Block Kit and message limits, checked on the JSON we send (independent of the production renderer):
/// 50 blocks; section text 1–3000, ≤10 fields of ≤2000; header plain_text ≤150; context ≤10 elements; actions ≤25
/// elements; button text ≤75, action_id ≤255 and unique in its block, value ≤2000; block_id ≤255 and unique; a top-level
/// <c>text</c> of 1–3000 (Slack refuses about 4,000 as <c>msg_too_long</c>); total block text ≤12,000
/// (<c>msg_blocks_too_long</c>); no unescaped <c>&lt;</c> outside our own links in mrkdwn and <c>text</c>.
/// </summary>
internal static class BlockKitRules
{
    public static List<string> Violations(JsonNode? message)
    {
        var errors = new List<string>();
        if (message is not JsonObject root)
        {
            errors.Add("message is not a JSON object");
            return errors;
        }

        if (root["response_type"]?.GetValue<string>() is { } responseType && responseType is not ("ephemeral" or "in_channel"))
        {
            errors.Add($"response_type '{responseType}'");
        }

        var text = root["text"]?.GetValue<string>();
        if (string.IsNullOrEmpty(text))
        {
            errors.Add("no top-level text fallback");
        }
        else if (text.Length > 3000)
        {
            errors.Add($"text has {text.Length} characters");
        }
        else
        {
            CheckEscaped(text, "text", errors);
        }

        if (root["blocks"] is not JsonArray blocks)
        {
            return errors;
        }

        if (blocks.Count > 50)
        {
            errors.Add($"{blocks.Count} blocks");
        }

        var blockIds = new HashSet<string>(StringComparer.Ordinal);
        var total = 0;
        foreach (var block in blocks.OfType<JsonObject>())
        {
            var type = block["type"]?.GetValue<string>();
            if (block["block_id"]?.GetValue<string>() is { } blockId && (blockId.Length > 255 || !blockIds.Add(blockId)))
            {
                errors.Add($"block_id '{blockId}' too long or repeated");
            }

            switch (type)
            {
                case "header":
                    var header = TextOf(block["text"], "header", errors, plainOnly: true);
                    if (header.Length is 0 or > 150)
                    {
                        errors.Add($"header text has {header.Length} characters");
                    }

                    total += header.Length;
                    break;
                case "section":
                    if (block["text"] is null && block["fields"] is null)
                    {
                        errors.Add("section without text or fields");
                    }

                    if (block["text"] is { } sectionText)
                    {
                        var t = TextOf(sectionText, "section", errors);
                        if (t.Length is 0 or > 3000)
                        {
                            errors.Add($"section text has {t.Length} characters");
                        }

                        total += t.Length;
                    }

                    if (block["fields"] is JsonArray fields)
                    {
                        if (fields.Count is 0 or > 10)
                        {
                            errors.Add($"section has {fields.Count} fields");
                        }

                        foreach (var field in fields)
                        {
                            var t = TextOf(field, "section field", errors);
                            if (t.Length is 0 or > 2000)
                            {
                                errors.Add($"section field has {t.Length} characters");
                            }

                            total += t.Length;
                        }
                    }

                    break;
                case "context":
                    var elements = block["elements"] as JsonArray;
                    if (elements is null || elements.Count is 0 or > 10)
                    {
                        errors.Add($"context has {elements?.Count ?? 0} elements");
                    }

                    foreach (var element in elements ?? [])
                    {
                        var t = TextOf(element, "context", errors);
                        if (t.Length is 0 or > 3000)
                        {
                            errors.Add($"context element has {t.Length} characters");
                        }

                        total += t.Length;
                    }

                    break;
                case "actions":
                    var buttons = block["elements"] as JsonArray;
                    if (buttons is null || buttons.Count is 0 or > 25)
                    {
                        errors.Add($"actions has {buttons?.Count ?? 0} elements");
                    }

                    var actionIds = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var button in (buttons ?? []).OfType<JsonObject>())
                    {
                        if (button["type"]?.GetValue<string>() != "button")
                        {
                            errors.Add("actions element is not a button");
                        }

                        var label = TextOf(button["text"], "button", errors, plainOnly: true);
                        if (label.Length is 0 or > 75)
                        {
                            errors.Add($"button text has {label.Length} characters");
                        }

                        var actionId = button["action_id"]?.GetValue<string>() ?? "";
                        if (actionId.Length is 0 or > 255 || !actionIds.Add(actionId))
                        {
                            errors.Add($"action_id '{actionId}' empty, too long or repeated");
                        }

                        if (button["value"]?.GetValue<string>() is { Length: > 2000 } value)
                        {
                            errors.Add($"button value has {value.Length} characters");
                        }

                        if (button["style"]?.GetValue<string>() is { } style && style is not ("primary" or "danger"))
                        {
                            errors.Add($"button style '{style}'");
                        }
                    }

                    break;
                case "divider":
                    break;
                default:
                    errors.Add($"unexpected block type '{type}'");
                    break;
            }
        }

        if (total > 12000)
        {
            errors.Add($"blocks carry {total} characters of text");
        }

        return errors;
    }

    private static string TextOf(JsonNode? node, string where, List<string> errors, bool plainOnly = false)
    {
        var type = node?["type"]?.GetValue<string>();
        var text = node?["text"]?.GetValue<string>() ?? "";
        if (type is not ("plain_text" or "mrkdwn") || (plainOnly && type != "plain_text"))
        {
            errors.Add($"{where} text object of type '{type}'");
        }

        if (type == "mrkdwn")
        {
            CheckEscaped(text, where, errors);
        }

        return text;
    }

    /// <summary>In mrkdwn, '&lt;' may only open one of our links (<c>&lt;http…|label&gt;</c>); any other is an injection.</summary>
    private static void CheckEscaped(string text, string where, List<string> errors)
    {
        for (var i = text.IndexOf('<', StringComparison.Ordinal); i >= 0; i = text.IndexOf('<', i + 1))
        {
            if (!text.AsSpan(i + 1).StartsWith("http", StringComparison.Ordinal))
            {
                errors.Add($"{where} has raw markup at {i}: {text[i..Math.Min(text.Length, i + 20)]}");
            }
        }

        for (var i = text.IndexOf('&', StringComparison.Ordinal); i >= 0; i = text.IndexOf('&', i + 1))
        {
            var rest = text.AsSpan(i);
            if (!rest.StartsWith("&amp;", StringComparison.Ordinal) && !rest.StartsWith("&lt;", StringComparison.Ordinal) && !rest.StartsWith("&gt;", StringComparison.Ordinal))
            {
                errors.Add($"{where} has a raw '&' at {i}");
            }
        }
    }
}
