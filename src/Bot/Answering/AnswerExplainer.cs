using System.Globalization;
using Bot.Facts;

namespace Bot.Answering;

/// <summary>
/// Why the engine answered a question as it did, in terms a user can check: what it read (spelling corrections, the
/// English reading of Japanese and what that reading left out), the people, round, date and government it recognised,
/// words no fact uses, which fact came first and how sure the engine was against its threshold, what counted against
/// it, the text of that fact closest in meaning to the question, the question's words the fact uses and does not,
/// and the facts that ranked next.
/// </summary>
public sealed record AnswerExplanation
{
    public required AnswerResult Result { get; init; }

    /// <summary>The confidence from which the engine answers.</summary>
    public required double Threshold { get; init; }

    /// <summary>The confidence model's own figure. It is the answer's confidence, except for a curated question, whose
    /// confidence is raised to the threshold (the curator's word is the evidence).</summary>
    public double ModelConfidence { get; init; }

    /// <summary>Was the question, word for word, but for filler words or in words of the same meaning, a curated question
    /// of the top fact?</summary>
    public bool Curated { get; init; }

    /// <summary>Words read as others: "akazwa → akazawa".</summary>
    public IReadOnlyList<string> Corrections { get; init; } = [];

    /// <summary>Japanese words the glossary does not read, which the reading left out.</summary>
    public IReadOnlyList<string> Unread { get; init; } = [];

    /// <summary>What the question names: "person: Ryosei Akazawa", "round 4", "date: May 30, 2025", a government.</summary>
    public IReadOnlyList<string> Recognised { get; init; } = [];

    /// <summary>Content words that appear nowhere in the fact base: the engine cannot match them.</summary>
    public IReadOnlyList<string> UnknownWords { get; init; } = [];

    /// <summary>What lowered the confidence in the top fact, in words: another country named, the future asked about,
    /// a figure or day the fact does not state, a thing counted that it never mentions, a person, round or date it
    /// does not match.</summary>
    public IReadOnlyList<string> Against { get; init; } = [];

    /// <summary>The top fact's curated question, or its own text or a statement of it, closest in meaning to the
    /// question, with the cosine and which of those it is; null without semantic ranking.</summary>
    public (string Text, double Similarity, ClosestKind Kind)? Closest { get; init; }

    /// <summary>The question's words (as the engine read them) that the top fact's names, questions or text use.</summary>
    public IReadOnlyList<string> SharedWords { get; init; } = [];

    /// <summary>The question's known words the top fact does not use.</summary>
    public IReadOnlyList<string> MissingWords { get; init; } = [];

    /// <summary>The facts ranked next, with the top fact's ranking score minus theirs (negative when a curated question
    /// put its fact first over a higher score).</summary>
    public IReadOnlyList<(Fact Fact, double Gap)> RunnersUp { get; init; } = [];
}

/// <summary>Which of a fact's texts is closest in meaning to a question.</summary>
public enum ClosestKind
{
    /// <summary>The fact's title and text, or the list of who took part in it.</summary>
    OwnText,

    /// <summary>One of its curated questions.</summary>
    CuratedQuestion,

    /// <summary>A person's statement.</summary>
    Statement,
}

internal static class AnswerExplainer
{
    public const int RunnersUp = 3;

    public static AnswerExplanation Explain(FactIndex index, AnswerResult result, ConfidenceModel model)
    {
        var japanese = index.Analyzer.Japanese;
        var unread = new List<string>();
        var typed = Preface.Strip(QuestionNormalizer.Words(japanese.Gloss(result.Question, result.ReadAs is null ? null : unread)));
        // A capital read as its country ("did tokyo agree") is shown by the reading itself, not as a spelling.
        var corrections = typed.Count == result.Words.Count
            ? typed.Zip(result.Words).Where(p => p.First != p.Second && !Capitals.IsCountryOf(p.First, p.Second))
                .Select(p => $"{p.First} → {p.Second}").Distinct(StringComparer.Ordinal).ToList()
            : [];
        var unknown = result.Words.Where(w => !Analyzer.StopWords.Contains(w) && Answerer.IsUnknown(index, w)).Distinct(StringComparer.Ordinal).ToList();
        var explanation = new AnswerExplanation
        {
            Result = result,
            Threshold = model.Threshold,
            Corrections = corrections,
            Unread = unread,
            Recognised = result.Entities is { } entities ? Recognised(index.Facts, entities) : [],
            UnknownWords = unknown,
        };
        if (result.Ranked.Count == 0)
        {
            return explanation;
        }

        var top = result.Ranked[0];
        var document = Answerer.IndexOf(index.Facts.Facts, top.Fact);
        var (shared, missing) = Words(index, result, document, unknown);
        return explanation with
        {
            ModelConfidence = model.Confidence(result.Features),
            // As the engine matches it: the words less their preface ("quick question: who is akazawa").
            Curated = result.Question.Length > 0 && result.ReadAs is null
                && ((index.TryCurated(typed, out var owner) && owner == document)
                    || (result.Record == RecordAnswer.None && index.TryTermCurated(typed, out var termed) && termed == document)),
            Against = Against(model, result.Features, result.Ranked),
            Closest = Closest(index, document, result.Vector),
            SharedWords = shared,
            MissingWords = missing,
            RunnersUp = [.. result.Ranked.Skip(1).Take(RunnersUp).Select(r => (r.Fact, top.Score - r.Score))],
        };
    }

    private static List<string> Recognised(FactBase facts, Entities entities)
    {
        var named = new List<string>();
        named.AddRange(entities.People.Select(id => $"person: {facts.Find(id)?.Title ?? id}").Order(StringComparer.Ordinal));
        named.AddRange(entities.Governments.Select(id => $"government of {facts.Find(id)?.Title ?? id} (its time in office, not the person)").Order(StringComparer.Ordinal));
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

    private static string Display(DateOnly date) => new PartialDate(date.Year, date.Month, date.Day).ToDisplay();

    /// <summary>
    /// Each search term of the question, shown as the words it was read from ("purchases (as buy)" for a synonym,
    /// the word alone when it is only a plural; the term itself when a phrase gave it, as "import tax" gives
    /// "tariff"), split by whether the top fact uses it. Words no fact uses are listed apart, not here.
    /// </summary>
    private static (List<string> Shared, List<string> Missing) Words(FactIndex index, AnswerResult result, int document, List<string> unknown)
    {
        var content = result.Words.Where(w => !Analyzer.StopWords.Contains(w) && !unknown.Contains(w)).Distinct(StringComparer.Ordinal)
            .Select(w => (Word: w, Terms: index.Analyzer.Terms([w]))).ToList();
        var (shared, missing) = (new List<string>(), new List<string>());
        foreach (var term in result.Terms.Distinct(StringComparer.Ordinal))
        {
            var from = content.Where(w => w.Terms.Contains(term)).Select(w => w.Word).ToList();
            if (from.Count == 0 && unknown.Any(w => index.Analyzer.Terms([w]).Contains(term)))
            {
                continue;
            }

            // A phrase's term joins its words with '_' ("foreign_minister"): shown with spaces.
            var said = term.Replace('_', ' ');
            var shown = from.Count == 0
                ? $"{said} (read from a phrase)"
                : string.Join(", ", from.Select(w => w == term || Analyzer.Stem(w) == term ? w : $"{w} (as {said})"));
            (index.Bm25.DocumentHas(document, term) ? shared : missing).Add(shown);
        }

        return (shared, missing);
    }

    /// <summary>The confidence features that count against an answer in the fitted model (weight × value below zero),
    /// said in words; and a runner-up close behind.</summary>
    private static List<string> Against(ConfidenceModel model, ConfidenceFeatures features, IReadOnlyList<RankedFact> ranked)
    {
        var against = s_against.Where(a => model.CountsAgainst(features, a.Feature)).Select(a => a.Said).ToList();
        if (ranked.Count > 1 && ranked[0].Score - ranked[1].Score is >= 0 and < CloseBehind)
        {
            against.Add($"another fact scored close behind ({ranked[1].Fact.Title})");
        }

        return against;
    }

    private static readonly (string Feature, string Said)[] s_against =
    [
        ("entity", "this fact does not match every person, round or date the question names"),
        ("other_place", "the question names a country other than Japan and the US that this fact does not"),
        ("unstated", "the question gives a figure, a day or a month this fact does not state"),
        ("counted_absent", "the question asks how many or how much of something this fact never mentions"),
        ("speculative", "the question asks about the future; the fact base records what has happened"),
    ];

    /// <summary>A runner-up this close in ranking score makes the top fact a near tie.</summary>
    private const double CloseBehind = 0.1;

    /// <summary>The top fact's text (title and text, curated question or statement) whose vector is nearest the
    /// question's.</summary>
    private static (string, double, ClosestKind)? Closest(FactIndex index, int document, float[]? query)
    {
        if (query is null || index.Vectors is not { } vectors || document < 0)
        {
            return null;
        }

        // The fact's vectors are its semantic texts in order (FactDocuments.SemanticTexts): its own text, its curated
        // questions, its statements, then the list of who took part (its own text too).
        var fact = index.Facts.Facts[document];
        var texts = FactDocuments.SemanticTexts(fact, index.Facts).ToList();
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

        if (best < 0 || best >= texts.Count)
        {
            return null;
        }

        var kind = best == 0 ? ClosestKind.OwnText
            : best <= fact.Phrasings.Count ? ClosestKind.CuratedQuestion
            : best <= fact.Phrasings.Count + fact.Statements.Count ? ClosestKind.Statement
            : ClosestKind.OwnText;
        return (texts[best], bestCosine, kind);
    }
}
