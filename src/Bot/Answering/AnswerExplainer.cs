using System.Globalization;
using Bot.Facts;

namespace Bot.Answering;

/// <summary>
/// Why the engine answered a question as it did, in terms a user can check: what it read (spelling corrections,
/// the people, round, date and government it recognised, words no fact uses), which fact came first and how sure it
/// was against the threshold, the curated question of that fact closest to the question, the words they share, and
/// the facts that ranked next.
/// </summary>
public sealed record AnswerExplanation
{
    public required AnswerResult Result { get; init; }

    /// <summary>The confidence from which the engine answers.</summary>
    public required double Threshold { get; init; }

    /// <summary>Words read as others: "akazwa → akazawa".</summary>
    public IReadOnlyList<string> Corrections { get; init; } = [];

    /// <summary>What the question names: "person: Ryosei Akazawa", "round 4", "date: May 30, 2025", "government: …".</summary>
    public IReadOnlyList<string> Recognised { get; init; } = [];

    /// <summary>Content words that appear nowhere in the fact base: the engine cannot match them.</summary>
    public IReadOnlyList<string> UnknownWords { get; init; } = [];

    /// <summary>Was the question, word for word, a curated question of the top fact?</summary>
    public bool Curated { get; init; }

    /// <summary>The top fact's curated question, or its own text or a statement of it, closest in meaning to the
    /// question, with the cosine and whether it is a curated question; null without semantic ranking.</summary>
    public (string Text, double Similarity, bool IsQuestion)? Closest { get; init; }

    /// <summary>The question's words whose search terms the top fact's names, questions or text contain, each with
    /// the term it was read as where that differs ("purchases (as buy)": synonyms and stems).</summary>
    public IReadOnlyList<string> SharedWords { get; init; } = [];

    /// <summary>The question's words the top fact does not contain, likewise.</summary>
    public IReadOnlyList<string> MissingWords { get; init; } = [];

    /// <summary>The facts ranked next, with how far behind the top they scored.</summary>
    public IReadOnlyList<(Fact Fact, double Behind)> RunnersUp { get; init; } = [];
}

internal static class AnswerExplainer
{
    public const int RunnersUp = 3;

    public static AnswerExplanation Explain(FactIndex index, AnswerResult result, double threshold)
    {
        var typed = QuestionNormalizer.Words(index.Analyzer.Japanese.Gloss(result.Question));
        var corrections = typed.Count == result.Words.Count
            ? typed.Zip(result.Words).Where(p => p.First != p.Second).Select(p => $"{p.First} → {p.Second}").Distinct(StringComparer.Ordinal).ToList()
            : [];
        var unknown = result.Words.Where(w => !Analyzer.StopWords.Contains(w) && !index.Speller.IsKnown(w) && !index.Speller.IsKnown(Analyzer.Stem(w)))
            .Distinct(StringComparer.Ordinal).ToList();
        var explanation = new AnswerExplanation
        {
            Result = result,
            Threshold = threshold,
            Corrections = corrections,
            Recognised = result.Entities is { } entities ? Recognised(index.Facts, entities) : [],
            UnknownWords = unknown,
        };
        if (result.Ranked.Count == 0)
        {
            return explanation;
        }

        var top = result.Ranked[0];
        var document = IndexOf(index, top.Fact);
        var words = result.Words.Where(w => !Analyzer.StopWords.Contains(w)).Distinct(StringComparer.Ordinal)
            .Select(w => (Word: w, Terms: index.Analyzer.Terms([w]))).Where(w => w.Terms.Count > 0).ToList();
        static string Shown((string Word, List<string> Terms) w) =>
            w.Terms.Count == 1 && w.Terms[0] == w.Word ? w.Word : $"{w.Word} (as {string.Join(" ", w.Terms)})";
        return explanation with
        {
            Curated = result.Question.Length > 0 && index.Phrased.TryGetValue(QuestionNormalizer.Text(result.Question), out var owner) && owner == document,
            Closest = Closest(index, document, result.Vector),
            SharedWords = [.. words.Where(w => w.Terms.Any(t => index.Bm25.DocumentHas(document, t))).Select(Shown)],
            MissingWords = [.. words.Where(w => !w.Terms.Any(t => index.Bm25.DocumentHas(document, t))).Select(Shown)],
            RunnersUp = [.. result.Ranked.Skip(1).Take(RunnersUp).Select(r => (r.Fact, Math.Round(top.Score - r.Score, 2)))],
        };
    }

    private static List<string> Recognised(FactBase facts, Entities entities)
    {
        var named = new List<string>();
        named.AddRange(entities.People.Select(id => $"person: {facts.Find(id)?.Title ?? id}").Order(StringComparer.Ordinal));
        named.AddRange(entities.Governments.Select(id => $"government of {facts.Find(id)?.Title ?? id} (a time)").Order(StringComparer.Ordinal));
        if (entities.Round is { } round)
        {
            named.Add(string.Create(CultureInfo.InvariantCulture, $"round {round}"));
        }

        if (entities.From is { } from && entities.To is { } to)
        {
            named.Add(from == to ? $"date: {Display(from)}" : $"dates: {Display(from)} – {Display(to)}");
        }

        return named;
    }

    private static string Display(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>The top fact's text (curated question or statement) whose vector is nearest the question's.</summary>
    private static (string, double, bool)? Closest(FactIndex index, int document, float[]? query)
    {
        if (query is null || index.Vectors is not { } vectors || document < 0)
        {
            return null;
        }

        // The fact's vectors are its semantic texts in order (FactDocuments.SemanticTexts).
        var texts = FactDocuments.SemanticTexts(index.Facts.Facts[document]).ToList();
        var (best, bestCosine, nth) = (-1, double.MinValue, 0);
        for (var v = 0; v < vectors.Length; v++)
        {
            if (index.VectorOwner[v] != document)
            {
                continue;
            }

            var cosine = FactIndex.Dot(query, vectors[v]);
            if (cosine > bestCosine)
            {
                (best, bestCosine) = (nth, cosine);
            }

            nth++;
        }

        var fact = index.Facts.Facts[document];
        return best >= 0 && best < texts.Count ? (texts[best], Math.Round(bestCosine, 2), best >= 1 && best <= fact.Phrasings.Count) : null;
    }

    private static int IndexOf(FactIndex index, Fact fact)
    {
        var facts = index.Facts.Facts;
        for (var i = 0; i < facts.Count; i++)
        {
            if (ReferenceEquals(facts[i], fact))
            {
                return i;
            }
        }

        return -1;
    }
}
