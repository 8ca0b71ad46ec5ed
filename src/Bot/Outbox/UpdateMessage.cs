using System.Globalization;
using Bot.Storage;
using Bot.Subscriptions;

namespace Bot.Outbox;

/// <summary>
/// A platform-neutral update post: what changed, old → new for corrections, and sources. Plain text; each sender
/// escapes it, fits it within its limits and splits it into several posts when needed.
/// </summary>
internal sealed record UpdateMessage(string Title, string Summary, IReadOnlyList<UpdateItem> Items, string Footer, bool IsDigest);

/// <summary>One fact in an update. <see cref="Text"/> is the fact for a new one, null for a correction or a removal.</summary>
internal sealed record UpdateItem(ChangeKind Change, Topics Topic, string Title, string? Text, IReadOnlyList<FieldChange> Corrections, IReadOnlyList<SourceRef> Sources)
{
    public string Label => Change switch
    {
        ChangeKind.Added => "New",
        ChangeKind.Changed => "Corrected",
        _ => "Removed",
    };

    public string TopicName => TopicNames.NameOf(Topic);
}

/// <summary>Builds the update of one delivery: the diffs of its versions, merged per fact and filtered by topics.</summary>
internal static class UpdateMessageBuilder
{
    public const string RemovedText = "No longer in the fact base.";

    /// <summary>Null when none of the changes is about the subscription's topics.</summary>
    public static UpdateMessage? Build(IReadOnlyList<(RecordedVersion Version, FactDiff Diff)> versions, Topics topics, bool digest)
    {
        if (versions.Count == 0)
        {
            return null;
        }

        var merged = new Dictionary<string, FactChange?>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var (_, diff) in versions)
        {
            foreach (var change in diff.Changes)
            {
                if (merged.TryGetValue(change.FactId, out var earlier))
                {
                    merged[change.FactId] = earlier is null ? change : Merge(earlier, change);
                }
                else
                {
                    merged[change.FactId] = change;
                    order.Add(change.FactId);
                }
            }
        }

        var items = order
            .Select(id => merged[id])
            .OfType<FactChange>()
            .Where(c => (topics & c.Topic) != 0 && !(c.Kind == ChangeKind.Changed && c.Fields.Count == 0))
            .OrderBy(c => c.Kind).ThenBy(c => c.FactKind).ThenBy(c => c.Title, StringComparer.Ordinal)
            .Select(c => new UpdateItem(c.Kind, c.Topic, c.Title, c.Kind switch
            {
                ChangeKind.Added => c.Text,
                ChangeKind.Removed => RemovedText,
                _ => null,
            }, c.Fields, c.Kind == ChangeKind.Removed ? [] : c.Sources))
            .ToList();
        if (items.Count == 0)
        {
            return null;
        }

        var counts = new[]
        {
            (ChangeKind.Added, "new"),
            (ChangeKind.Changed, "corrected"),
            (ChangeKind.Removed, "removed"),
        }.Select(k => (Count: items.Count(i => i.Change == k.Item1), k.Item2)).Where(k => k.Count > 0).Select(k => $"{k.Count} {k.Item2}");
        var latest = versions[^1].Version;
        var title = digest ? "Daily digest: negotiations fact base" : "Negotiations fact base updated";
        var summary = $"{string.Join(", ", counts)} ({TopicNames.Describe(items.Aggregate(Topics.None, (t, i) => t | i.Topic))}).";
        var footer = versions.Count == 1
            ? $"Fact base version {latest.Version[..12]} · {latest.PublishedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}"
            : $"{versions.Count} versions, latest {latest.Version[..12]} · {latest.PublishedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)}";
        return new UpdateMessage(title, summary, items, footer, digest);
    }

    /// <summary>
    /// Two changes of one fact across versions, as one: added then corrected is added (as it is now); added then removed
    /// is nothing (the channel never heard of it); corrected twice is oldest → newest; anything then removed is removed.
    /// </summary>
    private static FactChange? Merge(FactChange earlier, FactChange later) => (earlier.Kind, later.Kind) switch
    {
        (ChangeKind.Added, ChangeKind.Removed) => null,
        (ChangeKind.Added, _) => later with { Kind = ChangeKind.Added, Fields = [] },
        (ChangeKind.Changed, ChangeKind.Changed) => later with { Fields = MergeFields(earlier.Fields, later.Fields) },
        _ => later,
    };

    private static List<FieldChange> MergeFields(IReadOnlyList<FieldChange> earlier, IReadOnlyList<FieldChange> later)
    {
        var result = earlier.ToDictionary(f => f.Field, StringComparer.Ordinal);
        var order = earlier.Select(f => f.Field).ToList();
        foreach (var change in later)
        {
            if (result.TryGetValue(change.Field, out var first))
            {
                result[change.Field] = first with { New = change.New };
            }
            else
            {
                result[change.Field] = change;
                order.Add(change.Field);
            }
        }

        return [.. order.Select(f => result[f]).Where(f => !string.Equals(f.Old, f.New, StringComparison.Ordinal))];
    }
}
