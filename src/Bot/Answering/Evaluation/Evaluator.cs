using System.Globalization;
using Bot.Facts;

namespace Bot.Answering.Evaluation;

/// <summary>Metrics of one system on one split.</summary>
internal sealed record EvalMetrics(
    string System,
    string Split,
    int InScope,
    int OutOfScope,
    double Top1,
    double Mrr5,
    double OutOfScopeAbstention,
    int ConfidentWrong,
    int InScopeAbstained,
    double RankedFirst,
    int AbstainedWithAnswerSuggested,
    int WrongWithAnswerRelated)
{
    public static EvalMetrics From(string system, string split, IReadOnlyList<EvalOutcome> outcomes)
    {
        var inScope = outcomes.Where(o => !o.Gold.Abstain).ToList();
        var outOfScope = outcomes.Where(o => o.Gold.Abstain).ToList();
        return new EvalMetrics(
            system,
            split,
            inScope.Count,
            outOfScope.Count,
            inScope.Count == 0 ? 0 : inScope.Count(o => o.Correct) / (double)inScope.Count,
            inScope.Count == 0 ? 0 : inScope.Average(o => o.ReciprocalRank),
            outOfScope.Count == 0 ? 0 : outOfScope.Count(o => o.Abstained) / (double)outOfScope.Count,
            outcomes.Count(o => o.ConfidentWrong),
            inScope.Count(o => o.Abstained),
            inScope.Count == 0 ? 0 : inScope.Count(o => o.RankedFirst) / (double)inScope.Count,
            inScope.Count(o => o.Abstained && o.Suggested.Any(o.Gold.Expected.Contains)),
            inScope.Count(o => o.ConfidentWrong && o.Related.Any(o.Gold.Expected.Contains)));
    }
}

/// <summary>What one system did with one gold question.</summary>
internal sealed record EvalOutcome(GoldQuestion Gold, IReadOnlyList<string> Ranked, bool Abstained, double Confidence, ConfidenceFeatures Features)
{
    /// <summary>The "did you mean" facts offered with an abstention.</summary>
    public IReadOnlyList<string> Suggested { get; init; } = [];

    /// <summary>The related facts offered with an answer.</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>Answered, and the answer is one of the expected facts.</summary>
    public bool Correct => !Gold.Abstain && !Abstained && Ranked.Count > 0 && Gold.Expected.Contains(Ranked[0]);

    /// <summary>The top-ranked fact is an expected one, whether or not the system answered.</summary>
    public bool RankedFirst => !Gold.Abstain && Ranked.Count > 0 && Gold.Expected.Contains(Ranked[0]);

    /// <summary>Not handled as it should be: an in-scope question not answered right, or an out-of-scope one answered.</summary>
    public bool Missed => !Correct && !(Gold.Abstain && Abstained);

    /// <summary>Answered when it should have abstained, or answered with a wrong fact.</summary>
    public bool ConfidentWrong => !Abstained && (Gold.Abstain || !Gold.Expected.Contains(Ranked[0]));

    public double ReciprocalRank
    {
        get
        {
            for (var i = 0; i < Math.Min(5, Ranked.Count); i++)
            {
                if (Gold.Expected.Contains(Ranked[i]))
                {
                    return 1.0 / (i + 1);
                }
            }

            return 0;
        }
    }
}

/// <summary>
/// Runs the gold questions through the engine and the BM25 baseline, and reports top-1 accuracy (answered and right),
/// MRR@5, out-of-scope abstention and confident-but-wrong answers per split.
/// </summary>
internal sealed class Evaluator(FactIndex index, Answerer answerer, EmbeddingCache? embeddings)
{
    public const string Engine = "engine";
    public const string Baseline = "bm25-baseline";

    /// <summary>How many right answers one confident wrong answer costs when the threshold is chosen.</summary>
    public const double WrongAnswerCost = 10;

    private readonly Dictionary<string, float[]> _questionVectors = new(StringComparer.Ordinal);

    public IReadOnlyList<EvalOutcome> RunEngine(IEnumerable<GoldQuestion> questions, CancellationToken ct) => RunEngine(answerer, questions, ct);

    /// <summary>
    /// Coordinate search over the ranking weights on the given (dev) questions: each weight scaled up and down, kept when
    /// more questions rank an expected fact first (MRR breaks ties). Only ranking is tuned here; calibrate afterwards.
    /// </summary>
    public RankingWeights Tune(IReadOnlyList<GoldQuestion> dev, TextWriter log, CancellationToken ct)
    {
        double Objective(RankingWeights w)
        {
            var outcomes = RunEngine(new Answerer(answerer.Model, w), dev, ct);
            return outcomes.Count(o => o.RankedFirst) + (0.01 * outcomes.Sum(o => o.ReciprocalRank));
        }

        var best = answerer.Weights;
        var bestScore = Objective(best);
        log.WriteLine(FormattableString.Invariant($"start {bestScore:F2}: {best}"));
        for (var pass = 0; pass < 2; pass++)
        {
            foreach (var name in RankingWeights.Names)
            {
                var current = best.Get(name);
                var candidates = name == nameof(RankingWeights.Lexical)
                    ? new[] { 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6 }
                    : new[] { 0, current * 0.5, current * 0.75, current * 1.25, current * 1.5, current * 2, 0.05, 0.1, 0.2 };
                foreach (var value in candidates.Distinct())
                {
                    var trial = best.With(name, Math.Round(value, 3));
                    var score = Objective(trial);
                    if (score > bestScore + 1e-9)
                    {
                        (best, bestScore) = (trial, score);
                        log.WriteLine(FormattableString.Invariant($"{name} = {value:0.###} → {score:F2}"));
                    }
                }
            }
        }

        log.WriteLine($"best: {best}");
        return best;
    }

    private List<EvalOutcome> RunEngine(Answerer with, IEnumerable<GoldQuestion> questions, CancellationToken ct) =>
        [.. questions.Select(q => Outcome(with, index, q, ct))];

    /// <summary>Each conversation's follow-up, asked after its first question (<paramref name="inContext"/>) as the
    /// service asks it, or alone, as if it were the asker's first.</summary>
    public IReadOnlyList<EvalOutcome> RunFollowUps(IEnumerable<GoldConversation> conversations, bool inContext, CancellationToken ct) =>
        [.. conversations.Select(c =>
        {
            if (!inContext)
            {
                return Outcome(answerer, index, c.FollowUp, ct);
            }

            var first = answerer.Answer(index, c.First, Embed(ct));
            var previous = new PreviousQuestion(c.First, first.Subject?.Id);
            return Outcome(c.FollowUp, FollowUps.Answer(index, c.FollowUp.Question, previous, (q, inJapanese) => answerer.Answer(index, q, Embed(ct), inJapanese)).Result);
        })];

    private Func<string, float[]>? Embed(CancellationToken ct) => embeddings is null ? null : text =>
    {
        lock (_questionVectors)
        {
            if (!_questionVectors.TryGetValue(text, out var vector))
            {
                _questionVectors[text] = vector = embeddings.Embed(text, ct);
            }

            return vector;
        }
    };

    private EvalOutcome Outcome(Answerer with, FactIndex over, GoldQuestion q, CancellationToken ct) =>
        Outcome(q, with.Answer(over, q.Question, Embed(ct)));

    private static EvalOutcome Outcome(GoldQuestion q, AnswerResult result) =>
        new EvalOutcome(q, [.. result.Ranked.Select(r => r.Fact.Id)], result.Abstained, result.Confidence, result.Features)
        {
            Suggested = [.. result.Suggestions.Select(f => f.Id)],
            Related = [.. result.Related.Select(f => f.Id)],
        };

    /// <summary>
    /// The curated phrasings as a second, larger check on ranking that owes nothing to the gold set: each phrasing is
    /// asked of an index that does not hold it. They are split into <paramref name="folds"/> folds (phrasing j of fact i
    /// in fold (i + j) mod folds), and each fold is asked of the snapshot with that fold's phrasings removed; an outcome's
    /// line is its fact's. A miss says
    /// the fact's other names, questions and text do not cover what that phrasing asks, or that another fact answers it.
    /// </summary>
    public IReadOnlyList<EvalOutcome> RunHeldOutPhrasings(int folds, CancellationToken ct)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var all = index.Facts;
        var outcomes = new List<EvalOutcome>();
        for (var fold = 0; fold < folds; fold++)
        {
            var held = new List<GoldQuestion>();
            var kept = new List<Fact>(all.Facts.Count);
            for (var i = 0; i < all.Facts.Count; i++)
            {
                var fact = all.Facts[i];
                var remaining = new List<string>(fact.Phrasings.Count);
                for (var j = 0; j < fact.Phrasings.Count; j++)
                {
                    if ((i + j) % folds == fold)
                    {
                        held.Add(new GoldQuestion(fact.Phrasings[j], [fact.Id], false, Phrasing, fact.Location.Line));
                    }
                    else
                    {
                        remaining.Add(fact.Phrasings[j]);
                    }
                }

                kept.Add(fact with { Phrasings = remaining });
            }

            var version = FormattableString.Invariant($"{all.Version}-without-phrasing-fold-{fold}-of-{folds}");
            var reduced = FactIndex.Build(new FactBase(kept, all.Sources, version, all.LoadedAt), index.Analyzer, embeddings, index.Translations, ct);
            outcomes.AddRange(held.Select(q => Outcome(answerer, reduced, q, ct)));
        }

        return outcomes;
    }

    /// <summary>The split name of held-out phrasings.</summary>
    public const string Phrasing = "phrasing";

    /// <summary>How many folds the phrasings are held out in.</summary>
    public const int PhrasingFolds = 5;

    public IReadOnlyList<EvalOutcome> RunBaseline(IEnumerable<GoldQuestion> questions)
    {
        var baseline = new BaselineRanker(index.Facts);
        return
        [
            .. questions.Select(q =>
            {
                var (ranked, abstained) = baseline.Rank(q.Question);
                return new EvalOutcome(q, [.. ranked.Select(f => f.Id)], abstained, abstained ? 0 : 1, default);
            }),
        ];
    }

    /// <summary>Ids the gold set expects that the fact base does not have.</summary>
    public static IEnumerable<string> UnknownIds(FactBase facts, IEnumerable<GoldQuestion> questions) =>
        questions.SelectMany(q => q.Expected.Select(id => (q, id))).Where(x => facts.Find(x.id) is null)
            .Select(x => $"{x.q.Set} line {x.q.Line}: unknown fact id '{x.id}'");

    /// <summary>How <see cref="Calibrate"/> cross-validates the threshold: folds, and repetitions with other splits.</summary>
    public const int CalibrationFolds = 5;
    public const int CalibrationRepeats = 5;

    /// <summary>
    /// Fits the confidence weights on the given (dev) outcomes and picks the threshold that maximises right answers
    /// minus <see cref="WrongAnswerCost"/> times wrong ones: a wrong answer people quote is far worse than an abstention.
    /// The threshold is chosen on out-of-fold confidences (each question scored by a model fitted without it), because a
    /// model scores the questions it was fitted on too confidently, and a threshold picked on them lets through wrong
    /// answers on new questions. The utility is added up over <see cref="CalibrationRepeats"/> different splits into
    /// <see cref="CalibrationFolds"/> folds, so the choice does not hang on how one split fell, and the threshold taken is
    /// the one whose three-step average (it and its neighbours) is best, since the curve is flat and jagged at its top.
    /// The weights are then fitted on all the outcomes.
    /// </summary>
    public static ConfidenceModel Calibrate(IReadOnlyList<EvalOutcome> dev) => Calibrate(dev, out _);

    /// <inheritdoc cref="Calibrate(IReadOnlyList{EvalOutcome})"/>
    /// <param name="outOfFold">At the chosen threshold, per repetition on average: the out-of-fold utility, and how many
    /// questions were answered right and wrong. It compares confidence features on dev without fitting to the rows scored.</param>
    public static ConfidenceModel Calibrate(IReadOnlyList<EvalOutcome> dev, out (double Utility, double Right, double Wrong) outOfFold)
    {
        var rows = dev.Select(o => (o.Features, o.RankedFirst)).ToList();
        var thresholds = Enumerable.Range(5, 91).Select(t => t / 100.0).ToArray();
        var utility = new double[thresholds.Length];
        var right = new int[thresholds.Length];
        var wrong = new int[thresholds.Length];
        for (var repeat = 0; repeat < CalibrationRepeats; repeat++)
        {
            var order = Enumerable.Range(0, rows.Count).ToArray();
            new Random(repeat).Shuffle(order);
            var scored = new double[rows.Count];
            for (var fold = 0; fold < CalibrationFolds; fold++)
            {
                var held = order.Where((_, k) => k % CalibrationFolds == fold).ToHashSet();
                var model = ConfidenceModel.Fit([.. rows.Where((_, i) => !held.Contains(i))], 0.5);
                foreach (var i in held)
                {
                    scored[i] = model.Confidence(rows[i].Features);
                }
            }

            for (var t = 0; t < thresholds.Length; t++)
            {
                for (var i = 0; i < rows.Count; i++)
                {
                    if (scored[i] >= thresholds[t])
                    {
                        utility[t] += rows[i].RankedFirst ? 1 : -WrongAnswerCost;
                        right[t] += rows[i].RankedFirst ? 1 : 0;
                        wrong[t] += rows[i].RankedFirst ? 0 : 1;
                    }
                }
            }
        }

        // The utility curve is flat and jagged near its top: take the best three-step average, so the choice does not
        // hang on one step's luck.
        double Smoothed(int t) => Enumerable.Range(t - 1, 3).Where(k => k >= 0 && k < thresholds.Length).Average(k => utility[k]);
        var best = Enumerable.Range(0, thresholds.Length).MaxBy(Smoothed);
        outOfFold = (utility[best] / CalibrationRepeats, right[best] / (double)CalibrationRepeats, wrong[best] / (double)CalibrationRepeats);
        return ConfidenceModel.Fit(rows, thresholds[best]);
    }

    public static void WriteTable(TextWriter output, IReadOnlyList<EvalMetrics> rows)
    {
        output.WriteLine("split        system          in-scope  oos   top-1    MRR@5   oos-abstain  confident-wrong (answer related)  in-scope-abstained (answer suggested)  ranked-first");
        foreach (var m in rows)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{m.Split,-12} {m.System,-15} {m.InScope,8} {m.OutOfScope,5}  {m.Top1,6:P1}  {m.Mrr5,6:F3}  {m.OutOfScopeAbstention,11:P1}  {m.ConfidentWrong,15} ({m.WrongWithAnswerRelated,2})              {m.InScopeAbstained,18} ({m.AbstainedWithAnswerSuggested,2})                {m.RankedFirst,12:P1}"));
        }
    }
}
