using System.Globalization;
using System.Text;
using System.Text.Json;
using Bot.Answering;
using Bot.Commands;
using Bot.Facts;

namespace Bot.Discord;

/// <summary>
/// Suggestions while the user types: <c>who name</c> offers people by name and alias, <c>round number</c> offers the
/// numbered rounds. Matching is forgiving (accents, case and punctuation ignored; prefix of any word, then substring,
/// then one typo), at most 25 choices, names and values within 100 characters. Works on the in-memory snapshot, so
/// it answers in microseconds, far inside Discord's 3 seconds. A name typed in Japanese script is read through the glossary
/// ("赤沢" offers Ryosei Akazawa).
/// </summary>
internal sealed class DiscordAutocomplete(IFactBaseProvider facts, JapaneseGlossary? glossary = null)
{
    private Index? _index;

    public IReadOnlyList<DiscordChoice> Complete(string command, string option, string typed)
    {
        var index = CurrentIndex();
        return (command.ToLowerInvariant(), option.ToLowerInvariant()) switch
        {
            (CommandNames.Who, OptionNames.Name) => People(index, (glossary ?? JapaneseGlossary.Empty).Read(typed)!),
            (CommandNames.Round, OptionNames.Number) => Rounds(index, typed),
            _ => [],
        };
    }

    private static List<DiscordChoice> People(Index index, string typed)
    {
        var query = Normalize(typed);
        if (query.Length == 0)
        {
            return [.. index.People.Take(DiscordLimits.AutocompleteChoices).Select(p => Choice(p.Name, p.Name))];
        }

        var best = new Dictionary<string, (int Score, string Label)>(StringComparer.Ordinal);
        foreach (var person in index.People)
        {
            var nameMatches = Score(person.Normalized, query) is not null;
            foreach (var (term, normalized, isAlias) in person.Terms)
            {
                var score = Score(normalized, query);
                if (score is null)
                {
                    continue;
                }

                // Show the alias only when it is what matched and the name alone would not explain the choice.
                var total = score.Value * 2 + (isAlias ? 1 : 0);
                var label = isAlias && !nameMatches && !person.Normalized.Contains(normalized, StringComparison.Ordinal)
                    ? $"{person.Name} ({term})"
                    : person.Name;
                if (!best.TryGetValue(person.Name, out var current) || total < current.Score)
                {
                    best[person.Name] = (total, label);
                }
            }
        }

        return [.. best
            .OrderBy(kv => kv.Value.Score)
            .ThenBy(kv => kv.Key, StringComparer.OrdinalIgnoreCase)
            .Take(DiscordLimits.AutocompleteChoices)
            .Select(kv => Choice(kv.Value.Label, kv.Key))];
    }

    private static List<DiscordChoice> Rounds(Index index, string typed)
    {
        var query = Normalize(typed);
        return [.. index.Rounds
            .Select(r => (Round: r, Score: query.Length == 0 ? 0
                : r.Number.ToString(CultureInfo.InvariantCulture).StartsWith(query, StringComparison.Ordinal) ? 0
                : Score(r.Normalized, query) is { } s ? s + 1 : (int?)null))
            .Where(r => r.Score is not null)
            .OrderBy(r => r.Score)
            .ThenBy(r => r.Round.Number)
            .Take(DiscordLimits.AutocompleteChoices)
            .Select(r => new DiscordChoice(
                DiscordMarkdown.TruncatePlain(r.Round.Label, DiscordLimits.ChoiceName),
                JsonSerializer.SerializeToElement(r.Round.Number, DiscordJsonContext.Default.Int32)))];
    }

    /// <summary>0 whole-term prefix, 1 word prefix, 2 substring, 3 one typo in a word prefix; null when it does not match.</summary>
    private static int? Score(string term, string query)
    {
        if (term.StartsWith(query, StringComparison.Ordinal))
        {
            return 0;
        }

        var words = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Any(w => w.StartsWith(query, StringComparison.Ordinal)))
        {
            return 1;
        }

        if (term.Contains(query, StringComparison.Ordinal))
        {
            return 2;
        }

        // One typo: compare the query with the word's prefixes one shorter, as long, and one longer.
        return query.Length >= 4 && words.Any(w => Enumerable.Range(query.Length - 1, 3)
            .Any(length => length <= w.Length && TextNormalizer.EditDistance(w[..length], query) <= 1)) ? 3 : null;
    }

    /// <summary>The same folding as every other name lookup (case, accents, possessives, punctuation).</summary>
    internal static string Normalize(string? text) => string.IsNullOrWhiteSpace(text) ? "" : TextNormalizer.Fold(text);

    private static DiscordChoice Choice(string name, string value) => new(
        DiscordMarkdown.TruncatePlain(name, DiscordLimits.ChoiceName),
        JsonSerializer.SerializeToElement(DiscordMarkdown.TruncatePlain(value, DiscordLimits.ChoiceStringValue), DiscordJsonContext.Default.String));

    /// <summary>The index of the current snapshot, rebuilt when the snapshot changes.</summary>
    private Index CurrentIndex()
    {
        var current = facts.Current;
        var index = Volatile.Read(ref _index);
        if (index is null || !ReferenceEquals(index.Snapshot, current))
        {
            index = new Index(current);
            Volatile.Write(ref _index, index);
        }

        return index;
    }

    private sealed record Person(string Name, IReadOnlyList<(string Term, string Normalized, bool IsAlias)> Terms)
    {
        public string Normalized => Terms[0].Normalized;
    }

    private sealed record Round(int Number, string Label, string Normalized);

    private sealed class Index(FactBase snapshot)
    {
        public FactBase Snapshot { get; } = snapshot;

        public IReadOnlyList<Person> People { get; } = [.. snapshot.People
            .Where(p => p.Title.Trim().Length > 0)
            .OrderBy(p => p.Title, StringComparer.OrdinalIgnoreCase)
            .Select(p => new Person(
                p.Title.Trim(),
                [(p.Title.Trim(), Normalize(p.Title), false), .. p.Aliases.Where(a => Normalize(a).Length > 0).Select(a => (a.Trim(), Normalize(a), true))]))];

        public IReadOnlyList<Round> Rounds { get; } = [.. snapshot.Rounds
            .Where(r => r.Number is not null)
            .OrderBy(r => r.Number)
            .Select(r =>
            {
                var label = string.Join(" · ", new[] { r.Title, r.Date?.ToDisplay(), r.Place }.Where(s => !string.IsNullOrWhiteSpace(s)));
                return new Round(r.Number!.Value, label, Normalize(label));
            })];
    }
}
