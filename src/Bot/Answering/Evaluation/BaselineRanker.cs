using System.Text.RegularExpressions;
using Bot.Facts;

namespace Bot.Answering.Evaluation;

/// <summary>
/// The comparison point: plain BM25 over each fact's title and text, words split on non-letters and lower-cased,
/// nothing else (no phrasings, aliases, synonyms, spelling, entities or embeddings). It abstains only when no word matches.
/// </summary>
internal sealed partial class BaselineRanker
{
    private readonly FactBase _facts;
    private readonly Bm25Index _index;

    public BaselineRanker(FactBase facts)
    {
        _facts = facts;
        _index = new Bm25Index([.. facts.Facts.Select(f => (IReadOnlyList<string>)Tokens(f.Title + " " + f.Text))]);
    }

    public (IReadOnlyList<Fact> Ranked, bool Abstained) Rank(string question)
    {
        var scores = _index.Score(Tokens(question));
        var ranked = scores.Select((s, i) => (s, i)).Where(x => x.s > 0).OrderByDescending(x => x.s).Take(10).Select(x => _facts.Facts[x.i]).ToList();
        return (ranked, ranked.Count == 0);
    }

    private static List<string> Tokens(string text) =>
        [.. WordPattern().Matches(text.ToLowerInvariant()).Select(m => m.Value)];

    [GeneratedRegex(@"[\p{L}\p{N}]+", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
