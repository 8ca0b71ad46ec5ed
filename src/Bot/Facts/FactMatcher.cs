using System.Runtime.CompilerServices;

namespace Bot.Facts;

/// <summary>A fact matched by name, and how well (1 = exact name or alias).</summary>
public sealed record FactMatch(Fact Fact, double Score);

/// <summary>
/// Finds facts of one kind by what a user typed as a name: exact title or alias, all words of an alias (a surname
/// alone, either name order), a prefix, or a close spelling. Below the match threshold it still ranks the closest
/// names, for "did you mean".
/// </summary>
public static class FactMatcher
{
    /// <summary>The score from which a match is taken as the answer rather than a suggestion.</summary>
    public const double AcceptScore = 0.8;

    public static IReadOnlyList<FactMatch> Rank(IEnumerable<Fact> facts, string query, int take = 5)
    {
        var folded = TextNormalizer.Fold(query);
        if (folded.Length == 0)
        {
            return [];
        }

        var queryTokens = folded.Split(' ');
        return [.. facts
            .Select(f => new FactMatch(f, Names(f).Max(name => Score(folded, queryTokens, name))))
            .Where(m => m.Score > 0)
            .OrderByDescending(m => m.Score)
            .ThenBy(m => m.Fact.Id, StringComparer.Ordinal)
            .Take(take)];
    }

    /// <summary>The best match if it is good enough and clearly ahead of the runner-up.</summary>
    public static FactMatch? Best(IReadOnlyList<FactMatch> ranked) =>
        ranked.Count > 0 && ranked[0].Score >= AcceptScore && (ranked.Count == 1 || ranked[0].Score - ranked[1].Score >= 0.05 || ranked[0].Score >= 1)
            ? ranked[0]
            : null;

    /// <summary>The fact's title and aliases, folded once per fact (facts are immutable, so the cache never goes stale).</summary>
    public static IReadOnlyList<string> Names(Fact fact) => s_names.GetValue(fact, static f =>
        [.. new[] { f.Title }.Concat(f.Aliases).Select(TextNormalizer.Fold).Where(n => n.Length > 0)]);

    private static readonly ConditionalWeakTable<Fact, IReadOnlyList<string>> s_names = new();

    private static double Score(string query, string[] queryTokens, string name)
    {
        if (query == name)
        {
            return 1;
        }

        var nameTokens = name.Split(' ');

        // Every word typed is a word of the name, in any order: "akazawa", "akazawa ryosei".
        if (queryTokens.All(q => nameTokens.Contains(q, StringComparer.Ordinal)))
        {
            return 0.9 + (0.05 * queryTokens.Length / nameTokens.Length);
        }

        // A prefix of the name or of one of its words, at least three letters: "akaz", "bess".
        if (query.Length >= 3 && (name.StartsWith(query, StringComparison.Ordinal) || nameTokens.Any(t => t.StartsWith(query, StringComparison.Ordinal))))
        {
            return 0.82;
        }

        // Close spelling, word by word: "akazwa", "besent", "lutnik".
        var fuzzy = queryTokens.Average(q => nameTokens.Max(t => TextNormalizer.Similarity(q, t)));
        var whole = TextNormalizer.Similarity(query, name);
        var best = Math.Max(fuzzy, whole) * 0.95;

        // One word close to one word of the name ("lutnik zzz"): not an answer, but worth suggesting.
        var anyWord = queryTokens.Max(q => nameTokens.Max(t => TextNormalizer.Similarity(q, t))) * 0.6;
        best = Math.Max(best, anyWord);
        return best >= 0.45 ? best : 0;
    }
}
