using System.Text.Json.Serialization;
using Bot.Facts;

namespace Bot.Subscriptions;

internal enum ChangeKind
{
    Added,
    Changed,
    Removed,
}

/// <summary>A field whose value changed: a correction, shown as old → new.</summary>
internal sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>One fact that was added, changed or removed between two versions.</summary>
internal sealed record FactChange(
    ChangeKind Kind,
    string FactId,
    FactKind FactKind,
    string Title,
    string Text,
    IReadOnlyList<FieldChange> Fields,
    IReadOnlyList<SourceRef> Sources)
{
    [JsonIgnore]
    public Topics Topic => TopicNames.Of(FactKind);
}

/// <summary>The fact-level diff between two versions of the fact base. <see cref="FromVersion"/> is null for the first one.</summary>
internal sealed record FactDiff(string? FromVersion, string ToVersion, IReadOnlyList<FactChange> Changes)
{
    [JsonIgnore]
    public bool IsEmpty => Changes.Count == 0;

    /// <summary>The topics this diff touches: the subscriptions that hear about it.</summary>
    [JsonIgnore]
    public Topics Topics => Changes.Aggregate(Topics.None, (t, c) => t | c.Topic);

    public int Count(ChangeKind kind) => Changes.Count(c => c.Kind == kind);

    /// <summary>
    /// The first version of the fact base: recorded as the starting point, announced to nobody (a channel subscribed
    /// to updates does not want the whole fact base as "new").
    /// </summary>
    public static FactDiff Baseline(string version) => new(null, version, []);

    /// <summary>Compares two snapshots fact by fact (by id): added, changed (field by field), removed.</summary>
    public static FactDiff Compute(FactSnapshot previous, FactSnapshot current)
    {
        var before = previous.Facts.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var after = current.Facts.ToDictionary(f => f.Id, StringComparer.Ordinal);
        var changes = new List<FactChange>();

        foreach (var fact in current.Facts)
        {
            if (!before.TryGetValue(fact.Id, out var old))
            {
                changes.Add(new FactChange(ChangeKind.Added, fact.Id, fact.Kind, fact.Title, fact.Text, [], fact.Sources));
                continue;
            }

            var fields = CompareFields(old, fact);
            if (fields.Count > 0)
            {
                changes.Add(new FactChange(ChangeKind.Changed, fact.Id, fact.Kind, fact.Title, fact.Text, fields, fact.Sources));
            }
        }

        foreach (var old in previous.Facts.Where(f => !after.ContainsKey(f.Id)))
        {
            changes.Add(new FactChange(ChangeKind.Removed, old.Id, old.Kind, old.Title, old.Text, [], old.Sources));
        }

        return new FactDiff(previous.Version, current.Version, [.. changes.OrderBy(c => c.Kind).ThenBy(c => c.FactKind).ThenBy(c => c.Title, StringComparer.Ordinal)]);
    }

    private static List<FieldChange> CompareFields(FactRecord old, FactRecord current)
    {
        var changes = new List<FieldChange>();
        if (old.Kind != current.Kind)
        {
            changes.Add(new FieldChange("Kind", old.Kind.ToString(), current.Kind.ToString()));
        }

        var oldFields = old.Fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
        var newFields = current.Fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal);
        var names = current.Fields.Select(f => f.Name).Concat(old.Fields.Select(f => f.Name)).Distinct(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var before = oldFields.GetValueOrDefault(name);
            var after = newFields.GetValueOrDefault(name);
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(name, before, after));
            }
        }

        return changes;
    }
}
