using Bot.Answering;
using Bot.Answering.Evaluation;

namespace Bot.Tests.Answering;

/// <summary>A question that asks only for what one fact's record holds is answered with it whatever the model's
/// confidence: "what happened on july 22" with the one event or round the fact base dates that day (not when there are
/// two), "was bessent at round 4" with that round.</summary>
public sealed class RecordAnswerTests
{
    /// <summary>A model that answers nothing on its own (a sigmoid never reaches 1): only the rule can answer.</summary>
    private static readonly AnswerHarness s_strict = AnsweringTestFacts.Harness.WithModel(ConfidenceModel.Default with { Threshold = 1.0 });

    [Theory]
    [InlineData("what happened on april 16", "round-1")]
    [InlineData("what happened on the 16th of april 2025", "round-1")]
    [InlineData("events on 2025-07-22", "deal-announced")]
    [InlineData("what happened on 30 may?", "round-4")]
    public void Answer_OnlyWhatHappenedOnADayWithOneOccasion_AnswersIt(string question, string expected)
    {
        var result = s_strict.Answer(question);

        Assert.Equal(expected, result.Ranked[0].Fact.Id);
        Assert.False(result.Abstained);
        Assert.Equal(RecordAnswer.OnlyOccasionOfTheDay, result.Record);
        Assert.Equal(expected, result.Best!.Id);
        Assert.Equal(1.0, result.Confidence);
    }

    [Theory]
    // More than the day: what the question adds must count.
    [InlineData("what happened on april 16 in the oval office")]
    [InlineData("what did bessent say on april 16")]
    [InlineData("what was said on april 16")]
    [InlineData("any other events on april 16")]
    // Two days: the first day's one occasion is not the answer.
    [InlineData("what happened on april 16 and may 30")]
    [InlineData("what happened on april 16 or 17")]
    [InlineData("why april 16")]
    // A day with no occasion, a month, and a day only a figure is dated.
    [InlineData("what happened on april 17")]
    [InlineData("what happened in april")]
    public void Answer_QuestionThatIsNotOnlyADayWithOneOccasion_IsLeftToTheModel(string question)
    {
        var result = s_strict.Answer(question);

        Assert.True(result.Abstained);
        Assert.Equal(RecordAnswer.None, result.Record);
    }

    [Fact]
    public void Answer_DayWithTwoOccasions_IsLeftToTheModel()
    {
        using var folder = AnsweringTestFacts.Folder().Write("events.yaml", AnsweringTestFacts.Events + """

              - id: tariff-letter-reaction
                title: Japan reacts to the deal
                date: 2025-07-22
                text: Tokyo welcomed the deal the same day.
                as_of: 2025-07-23
                sources: [s2]
                phrasings: ["how did tokyo react to the deal"]
            """);
        var harness = AnswerHarness.Create(AnswerHarness.LoadFacts(folder.Path), AnsweringTestFacts.Options(semantic: true), new HashingEmbedder())
            .WithModel(ConfidenceModel.Default with { Threshold = 1.0 });

        var result = harness.Answer("what happened on july 22");

        Assert.True(result.Abstained);
        Assert.Equal(RecordAnswer.None, result.Record);
    }

    [Theory]
    [InlineData("who attended round 4", "round-4")]
    [InlineData("was bessent at round 4?", "round-4")]
    [InlineData("who did akazawa meet in round 1", "round-1")]
    [InlineData("who was on the us side in the first round", "round-1")]
    // The last round of this fact base is round 4.
    [InlineData("who attended the final round", "round-4")]
    [InlineData("which delegations attended round 1", "round-1")]
    public void Answer_OnlyWhoTookPartInARound_AnswersTheRound(string question, string expected)
    {
        var result = s_strict.Answer(question);

        Assert.False(result.Abstained);
        Assert.Equal(RecordAnswer.WhoTookPartInTheRound, result.Record);
        Assert.Equal(expected, result.Best!.Id);
    }

    [Theory]
    // More than who took part; a round the fact base does not have.
    [InlineData("who did akazawa meet in round 4 besides bessent")]
    [InlineData("was bessent angry at round 4")]
    [InlineData("why did bessent not attend round 4")]
    [InlineData("what did bessent say at round 4")]
    [InlineData("was bessent at rounds 1 and 4")]
    [InlineData("who attended the last round before the deadline")]
    [InlineData("who attended round 12")]
    public void Answer_QuestionThatIsNotOnlyWhoTookPartInARound_IsLeftToTheModel(string question)
    {
        var result = s_strict.Answer(question);

        Assert.True(result.Abstained);
        Assert.Equal(RecordAnswer.None, result.Record);
    }
}
