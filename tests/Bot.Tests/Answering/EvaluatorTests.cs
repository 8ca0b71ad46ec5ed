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
}
