using System.Globalization;
using System.Text;
using Bot.Commands;
using Bot.Facts;
using Bot.Storage;

namespace Bot.Subscriptions;

/// <summary>
/// <c>changes [since]</c>: what the fact base added, corrected or removed since a date (or in its latest versions),
/// from the versions recorded in storage: the same diffs the subscribed channels were sent.
/// </summary>
internal sealed class ChangesCommand(ISubscriptionStore store, IFactBaseProvider facts, SubscriptionsLog log) : ICommandHandler
{
    private const int RecentVersions = 5;
    private const int MaxVersions = 10;
    private const int MaxFieldLength = 1000;

    public string Name => CommandNames.Changes;

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken ct)
    {
        DateTimeOffset? since = null;
        if (request.Option(OptionNames.Since) is { } sinceOption)
        {
            // "since 2025-07-01" and "since:2025-07-01" as well as "2025-07-01".
            var sinceText = sinceOption.StartsWith("since", StringComparison.OrdinalIgnoreCase) ? sinceOption[5..].TrimStart(':', ' ') : sinceOption;
            if (!PartialDate.TryParse(sinceText, out var date))
            {
                return Reply.Rejected("Bad date", $"\"{sinceText}\" is not a date. Use YYYY-MM-DD, YYYY-MM or YYYY, e.g. changes since 2025-07-01.");
            }

            since = new DateTimeOffset(date.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        }

        IReadOnlyList<RecordedVersion> versions;
        try
        {
            versions = await store.ListVersionsAsync(since, since is null ? RecentVersions : MaxVersions + 1, ct);
        }
        catch (Exception ex) when (SubscriptionTarget.IsStorageFailure(ex))
        {
            return SubscriptionTarget.StorageUnavailable(log, Name, ex);
        }

        var sinceText2 = since is { } s ? PartialDate.FromDate(DateOnly.FromDateTime(s.UtcDateTime)).ToDisplay() : null;
        if (versions.Count == 0)
        {
            return new Reply
            {
                Kind = ReplyKind.NotFound,
                Title = "No changes",
                Body = since is null
                    ? "No fact-base versions are recorded yet. The service records one each time it starts with, or reloads, a new fact base."
                    : $"The fact base has not changed since {sinceText2}.",
            };
        }

        var diffs = versions.Take(MaxVersions).Select(v => (Version: v, Diff: UpdatePublisher.DeserializeDiff(v.DiffJson))).ToList();
        var changes = diffs.SelectMany(d => d.Diff.Changes).ToList();
        var added = changes.Count(c => c.Kind == ChangeKind.Added);
        var corrected = changes.Count(c => c.Kind == ChangeKind.Changed);
        var removed = changes.Count(c => c.Kind == ChangeKind.Removed);
        var title = since is null ? "Recent fact-base changes" : $"Fact-base changes since {sinceText2}";
        var body = $"{Plural(diffs.Count, "version")}: {added} facts added, {corrected} corrected, {removed} removed.";
        if (versions.Count > MaxVersions)
        {
            body += $" Showing the latest {MaxVersions}; pick a later date to see the rest.";
        }

        var current = facts.Current;
        var changedFacts = changes.Where(c => c.Kind != ChangeKind.Removed).Select(c => current.Find(c.FactId)).OfType<Fact>().DistinctBy(f => f.Id).ToList();
        return new Reply
        {
            Kind = ReplyKind.Answer,
            Title = title,
            Body = body,
            Fields = [.. diffs.Select(d => new ReplyField(
                $"{d.Version.PublishedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture)} · version {d.Version.Version[..12]}",
                Summarize(d.Version, d.Diff)))],
            FactIds = [.. changedFacts.Select(f => f.Id)],
            Sources = [.. changedFacts.SelectMany(current.SourcesOf).DistinctBy(s => s.Id).Take(5)],
            AsOf = current.AsOf,
        };
    }

    private static string Summarize(RecordedVersion version, FactDiff diff)
    {
        if (diff.FromVersion is null)
        {
            return $"First recorded version: {version.FactCount} facts.";
        }

        if (diff.IsEmpty)
        {
            return "No fact changed (only wording used for search, or formatting).";
        }

        var text = new StringBuilder();
        var shown = 0;
        foreach (var change in diff.Changes)
        {
            var line = change.Kind switch
            {
                ChangeKind.Added => $"New: {change.Title} ({TopicNames.NameOf(change.Topic)})",
                ChangeKind.Removed => $"Removed: {change.Title} ({TopicNames.NameOf(change.Topic)})",
                _ => $"Corrected: {change.Title}: " + string.Join("; ", change.Fields.Select(f => $"{f.Field} {Short(f.Old)} → {Short(f.New)}")),
            };
            if (text.Length + line.Length + 1 > MaxFieldLength - 40)
            {
                text.Append(CultureInfo.InvariantCulture, $"…and {diff.Changes.Count - shown} more.");
                break;
            }

            text.AppendLine(line);
            shown++;
        }

        return text.ToString().TrimEnd();
    }

    private static string Short(string? value) => value is null ? "(none)" : value.Length <= 80 ? value : value[..79] + "…";

    private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";
}
