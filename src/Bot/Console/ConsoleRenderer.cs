using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Commands;

namespace Bot.Console;

/// <summary>Renders a <see cref="Reply"/> as readable text, or as one JSON object.</summary>
internal static class ConsoleRenderer
{
    /// <summary>Terminal columns a line takes: two for the wide characters of Japanese script ("赤沢亮正"), one for others.</summary>
    internal static int Columns(string text) =>
        text.Sum(c => c is >= '\u1100' and <= '\u115F' or >= '\u2E80' and <= '\uA4CF' or >= '\uAC00' and <= '\uD7A3' or >= '\uF900' and <= '\uFAFF' or >= '\uFE30' and <= '\uFE4F' or >= '\uFF00' and <= '\uFF60' or >= '\uFFE0' and <= '\uFFE6' ? 2 : 1);

    public static void Write(TextWriter output, Reply reply, bool json)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(ConsoleReply.From(reply), ConsoleJsonContext.Default.ConsoleReply));
            return;
        }

        output.WriteLine(reply.Title);
        output.WriteLine(new string('=', Math.Min(Columns(reply.Title), 80)));
        if (reply.Body.Length > 0)
        {
            output.WriteLine(reply.Body);
        }

        foreach (var field in reply.Fields)
        {
            output.WriteLine();
            output.WriteLine($"{field.Name}:");
            foreach (var line in field.Value.Split('\n'))
            {
                output.WriteLine($"  {line}");
            }
        }

        if (reply.Suggestions.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Did you mean: {string.Join(" · ", reply.Suggestions)}");
        }

        if (reply.Related.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Related: {string.Join(" · ", reply.Related)}");
        }

        if (reply.Sources.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Sources:");
            foreach (var source in reply.Sources)
            {
                output.WriteLine($"  - {source.Publisher}, \"{source.Title}\", {source.Date} <{source.Url}>");
            }
        }

        if (reply.AsOf is { } asOf)
        {
            output.WriteLine($"As of {asOf.ToDisplay()}.");
        }
    }
}

internal sealed record ConsoleSource(string Publisher, string Title, string Url, string Date);

internal sealed record ConsoleField(string Name, string Value);

/// <summary>The JSON shape of a lookup reply on the console.</summary>
internal sealed record ConsoleReply(
    string Kind,
    string Title,
    string Body,
    IReadOnlyList<ConsoleField> Fields,
    IReadOnlyList<string> Facts,
    IReadOnlyList<ConsoleSource> Sources,
    string? AsOf,
    IReadOnlyList<string> Suggestions)
{
    public static ConsoleReply From(Reply reply) => new(
        reply.Kind.ToString().ToLowerInvariant(),
        reply.Title,
        reply.Body,
        [.. reply.Fields.Select(f => new ConsoleField(f.Name, f.Value))],
        reply.FactIds,
        [.. reply.Sources.Select(s => new ConsoleSource(s.Publisher, s.Title, s.Url.ToString(), s.Date.ToString()))],
        reply.AsOf?.ToString(),
        reply.Suggestions);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = false)]
[JsonSerializable(typeof(ConsoleReply))]
internal sealed partial class ConsoleJsonContext : JsonSerializerContext;
