using Bot.Answering;
using Bot.Answering.Evaluation;

namespace Bot.Tests.Answering;

public sealed class EvaluatorTests
{
    private static readonly AnswerHarness s_harness = AnsweringTestFacts.Harness;

    [Fact]
    public void RunHeldOutPhrasings_AsksEveryPhrasingOnceForItsOwnFact()
    {
        var outcomes = s_harness.Evaluator.RunHeldOutPhrasings(Evaluator.PhrasingFolds, CancellationToken.None);

        var asked = outcomes.Select(o => (o.Gold.Question, Id: o.Gold.Expected.Single())).Order().ToList();
        var curated = s_harness.Facts.Facts.SelectMany(f => f.Phrasings.Select(p => (Question: p, f.Id))).Order().ToList();
        Assert.Equal(curated, asked);
        Assert.All(outcomes, o => Assert.Equal(Evaluator.Phrasing, o.Gold.Split));
    }

    [Fact]
    public void RunHeldOutPhrasings_HeldOutPhrasingIsNotInTheIndexItIsAskedOf()
    {
        // A word only one phrasing uses is known to the whole index but unknown to the one without that phrasing.
        var outcomes = s_harness.Evaluator.RunHeldOutPhrasings(Evaluator.PhrasingFolds, CancellationToken.None);

        var unknownOnlyWhenHeldOut = outcomes.Where(o => o.Features.Unknown > 0 && s_harness.Answer(o.Gold.Question).Features.Unknown == 0).ToList();

        Assert.NotEmpty(unknownOnlyWhenHeldOut);
    }

    [Fact]
    public void RunHeldOutPhrasings_FewerThanTwoFolds_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => s_harness.Evaluator.RunHeldOutPhrasings(1, CancellationToken.None));

    private static EvalOutcome Outcome(int n, double coverage, bool right) =>
        new(new GoldQuestion($"q{n}", ["a"], false, GoldSet.Dev, n), [right ? "a" : "b"], false, 0,
            new ConfidenceFeatures(Fused: 1, Margin: 0.1, Semantic: 0.5, Coverage: coverage, Unknown: 0, EntityAgreement: 0, RankAgreement: 0.5, SemanticMargin: 0, LexicalMargin: 0, OtherPlace: 0));

    [Fact]
    public void Calibrate_SeparableOutcomes_AnswersTheRightOnesAndNoWrongOne()
    {
        // Right answers cover the question well, wrong ones poorly, with a little overlap at the boundary.
        var outcomes = Enumerable.Range(0, 200).Select(n => Outcome(n, n < 100 ? 0.5 + (n / 200.0) : (n - 100) / 180.0, n < 100)).ToList();

        var model = Evaluator.Calibrate(outcomes);

        Assert.All(outcomes.Where(o => !o.RankedFirst), o => Assert.True(model.Confidence(o.Features) < model.Threshold, $"coverage {o.Features.Coverage} answered"));
        var answered = outcomes.Count(o => o.RankedFirst && model.Confidence(o.Features) >= model.Threshold);
        // 11 right ones (coverage 0.5 to 0.55) lie among the wrong ones; the rest should be answered.
        Assert.True(answered >= 85, $"{answered} answered at threshold {model.Threshold}");
    }

    [Fact]
    public void Calibrate_ReportsWhatItsThresholdDoesOutOfFold()
    {
        var outcomes = Enumerable.Range(0, 200).Select(n => Outcome(n, n < 100 ? 0.5 + (n / 200.0) : (n - 100) / 180.0, n < 100)).ToList();

        Evaluator.Calibrate(outcomes, out var outOfFold);

        // Scored by models that never saw them, most right ones still pass and almost no wrong one does.
        Assert.InRange(outOfFold.Right, 70, 100);
        Assert.InRange(outOfFold.Wrong, 0, 3);
    }

    [Fact]
    public void Calibrate_SameOutcomes_SameModel()
    {
        var outcomes = Enumerable.Range(0, 100).Select(n => Outcome(n, (n % 10) / 10.0, n % 3 != 0)).ToList();
        Assert.Equal(Evaluator.Calibrate(outcomes), Evaluator.Calibrate(outcomes), (a, b) => a.Threshold == b.Threshold && a.Bias == b.Bias && a.Weights.SequenceEqual(b.Weights));
    }
}
