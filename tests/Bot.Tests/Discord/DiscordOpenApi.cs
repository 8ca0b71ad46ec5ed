using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Bot.Tests.Discord;

/// <summary>
/// Validates request bodies against the request schemas of Discord's own OpenAPI 3.1 spec
/// (<c>specs/discord/openapi.json</c>, a copy of <c>../shared/specs/discord/openapi.json</c>). The spec's <c>x-*</c> keys are removed first (JSON Schema 2020-12
/// does not know them). The spec is looser than the docs in places; <see cref="DiscordDocumentedLimits"/> adds those.
/// </summary>
internal sealed class DiscordOpenApi
{
    private static readonly Lazy<DiscordOpenApi> s_instance = new(() => new DiscordOpenApi(), LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Uri s_uri = new("https://discord.test/openapi.json");

    private readonly JsonNode _root;
    private readonly EvaluationOptions _options = new() { OutputFormat = OutputFormat.List };
    private readonly ConcurrentDictionary<string, JsonSchema> _schemas = new(StringComparer.Ordinal);
    private readonly Lock _evaluate = new();

    private DiscordOpenApi()
    {
        _root = JsonNode.Parse(File.ReadAllText(SpecPath)) ?? throw new InvalidOperationException("empty spec");
        StripExtensions(_root);
        _options.SchemaRegistry.Register(s_uri, new JsonNodeBaseDocument(_root, s_uri));
    }

    public static DiscordOpenApi Instance => s_instance.Value;

    public static string SpecPath { get; } = FindSpec();

    /// <summary>Errors of <paramref name="body"/> against the JSON request body schema of an operation; empty when valid.</summary>
    public IReadOnlyList<string> ValidateRequest(string method, string pathTemplate, JsonNode? body)
    {
        var operation = _root["paths"]?[pathTemplate]?[method.ToLowerInvariant()]
            ?? throw new ArgumentException($"The spec has no {method} {pathTemplate}");
        if (operation["requestBody"]?["content"]?["application/json"]?["schema"] is null)
        {
            throw new ArgumentException($"{method} {pathTemplate} has no JSON request body schema");
        }

        var pointer = "/paths/" + Escape(pathTemplate) + "/" + method.ToLowerInvariant() + "/requestBody/content/application~1json/schema";
        return Evaluate(pointer, body);
    }

    /// <summary>Errors of <paramref name="body"/> against a named component schema.</summary>
    public IReadOnlyList<string> ValidateComponent(string schemaName, JsonNode? body) =>
        _root["components"]?["schemas"]?[schemaName] is null
            ? throw new ArgumentException($"The spec has no schema {schemaName}")
            : Evaluate("/components/schemas/" + schemaName, body);

    private List<string> Evaluate(string pointer, JsonNode? body)
    {
        var schema = _schemas.GetOrAdd(pointer, p => JsonSchema.FromText(
            $$"""{"$schema": "https://json-schema.org/draft/2020-12/schema", "$ref": "{{s_uri}}#{{p}}"}"""));
        EvaluationResults results;
        lock (_evaluate)
        {
            results = schema.Evaluate(body, _options);
        }

        if (results.IsValid)
        {
            return [];
        }

        var errors = (results.Details ?? [])
            .Where(d => d.HasErrors)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .ToList();
        return errors.Count > 0 ? errors : ["invalid"];
    }

    /// <summary>JSON Pointer escaping of a path key, percent-encoded for use in a URI fragment.</summary>
    private static string Escape(string key) => Uri.EscapeDataString(key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal))
        .Replace("%7E", "~", StringComparison.Ordinal);

    private static void StripExtensions(JsonNode node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(kv => kv.Key).Where(k => k.StartsWith("x-", StringComparison.Ordinal)).ToList())
                {
                    obj.Remove(key);
                }

                foreach (var (_, child) in obj)
                {
                    if (child is not null)
                    {
                        StripExtensions(child);
                    }
                }

                break;
            case JsonArray array:
                foreach (var child in array)
                {
                    if (child is not null)
                    {
                        StripExtensions(child);
                    }
                }

                break;
        }
    }

    /// <summary>The repository's copy: specs/discord/openapi.json.</summary>
    private static string FindSpec()
    {
        var path = Path.Combine(RepoPaths.Specs, "discord", "openapi.json");
        return File.Exists(path) ? path : throw new FileNotFoundException("Discord's OpenAPI spec was not found", path);
    }
}
