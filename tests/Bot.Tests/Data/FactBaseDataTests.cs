using System.Text.Json;
using Bot.Facts;
using Json.Schema;
using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bot.Tests.Data;

/// <summary>Checks over the real, bundled fact base in data/facts.</summary>
public sealed class FactBaseDataTests
{
    private static readonly Lazy<FactLoadResult> s_loaded = new(() => new FactBaseLoader(TimeProvider.System).Load(RepoPaths.Facts));

    private static FactBase Facts => s_loaded.Value.FactBase ?? throw new InvalidOperationException(string.Join('\n', s_loaded.Value.Errors));

    [Fact]
    public void RealFactBase_LoadsWithoutErrors()
    {
        Assert.Empty(s_loaded.Value.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void EveryFact_HasASourceThatExistsAndAnAsOfDate()
    {
        Assert.All(Facts.Facts, f =>
        {
            Assert.NotEmpty(f.SourceIds);
            Assert.All(f.AllSourceIds, id => Assert.NotNull(Facts.FindSource(id)));
            Assert.True(f.AsOf.Year >= 2018, $"{f.Id}: as_of {f.AsOf}");
        });
    }

    [Fact]
    public void EverySource_IsCitedByAFact()
    {
        var cited = Facts.Facts.SelectMany(f => f.AllSourceIds).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(Facts.Sources.Where(s => !cited.Contains(s.Id)).Select(s => s.Id));
    }

    [Fact]
    public void Ids_AreUniqueAcrossFactsAndSources()
    {
        Assert.Empty(Facts.Facts.GroupBy(f => f.Id).Where(g => g.Count() > 1).Select(g => g.Key));
        Assert.Empty(Facts.Sources.GroupBy(s => s.Id).Where(g => g.Count() > 1).Select(g => g.Key));
    }

    [Fact]
    public void EveryFact_HasSeveralPhrasings_AndNoPhrasingIsSharedByTwoFacts()
    {
        Assert.All(Facts.Facts, f => Assert.True(f.Phrasings.Count >= 2, $"{f.Id} has {f.Phrasings.Count} phrasing(s)"));
        var shared = Facts.Facts
            .SelectMany(f => f.Phrasings.Select(p => (Phrasing: TextNormalizer.Fold(p), f.Id)))
            .GroupBy(x => x.Phrasing)
            .Where(g => g.Select(x => x.Id).Distinct().Count() > 1)
            .Select(g => $"\"{g.Key}\": {string.Join(", ", g.Select(x => x.Id))}");
        Assert.Empty(shared);
    }

    [Fact]
    public void Coverage_MeetsTheFoundationIssue()
    {
        Assert.True(Facts.People.Count >= 20, $"{Facts.People.Count} people");
        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8], Facts.Rounds.Where(r => r.Number is not null).Select(r => r.Number!.Value).Order());
        Assert.Contains(Facts.Rounds, r => r.Number is null && r.Date!.Value.Year == 2025 && r.Date.Value.Month == 9);
        Assert.All(Facts.Rounds, r =>
        {
            Assert.NotNull(r.Place);
            Assert.NotEmpty(r.JapanAttendees);
            Assert.NotEmpty(r.UsAttendees);
        });
        Assert.True(Facts.Facts.Count(f => f.IsDisputed) >= 4, "at least the four disputes the issue names");
        Assert.All(Facts.Facts.Where(f => f.IsDisputed), f => Assert.True(f.Claims.Count >= 2, $"{f.Id} is disputed with only {f.Claims.Count} claim"));
    }

    [Fact]
    public void People_RolesAreInOrderAndSourced()
    {
        Assert.All(Facts.People, p =>
        {
            Assert.NotNull(p.Side);
            Assert.NotEmpty(p.Roles);
            for (var i = 1; i < p.Roles.Count; i++)
            {
                if (p.Roles[i - 1].From is { } previous && p.Roles[i].From is { } next)
                {
                    Assert.True(previous <= next, $"{p.Id}: roles out of order");
                }
            }
        });
    }

    [Fact]
    public void EveryFile_ValidatesAgainstTheJsonSchema()
    {
        var schema = JsonSchema.FromFile(Path.Combine(RepoPaths.Root, "data", "facts.schema.json"));
        foreach (var file in Directory.GetFiles(RepoPaths.Facts, "*.yaml"))
        {
            var stream = new YamlStream();
            using (var reader = new StreamReader(file))
            {
                stream.Load(reader);
            }

            var document = ToJson(stream.Documents[0].RootNode);
            var result = schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{Path.GetFileName(file)}: " + string.Join("; ", result.Details.Where(d => d.HasErrors).Take(5)
                .Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}")));
        }
    }

    /// <summary>YAML to JSON with the YAML 1.2 core schema: plain integers, floats and booleans become JSON values.</summary>
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value!, ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray([.. seq.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain } s when long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
        YamlScalarNode { Style: ScalarStyle.Plain } s when double.TryParse(s.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "true" or "false" } s => JsonValue.Create(s.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "~" or "null" } => null,
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };
}
