using Bot.Answering;
using Bot.Answering.Evaluation;

namespace Bot.Tests.Answering;

public sealed class FactIndexTests
{
    private static readonly AnswerHarness s_harness = AnsweringTestFacts.Harness;

    [Theory]
    [InlineData("who is akazawa", 0)]
    [InlineData("who is akazawa", 3)]
    [InlineData("car tariff now", 10)]
    [InlineData("car tariff now", 10_000)]
    public void Semantic_Nearest_AreTheOwnersOfTheClosestVectorsInOrder(string question, int k)
    {
        var index = s_harness.Index;
        var query = s_harness.Embeddings!.Embed(question, CancellationToken.None);

        var scores = index.Semantic(query, out var nearest, k);

        var cosines = index.Vectors!.Select(v => v.Zip(query, (a, b) => (double)a * b).Sum()).ToArray();
        var order = Enumerable.Range(0, cosines.Length).OrderByDescending(v => cosines[v]).ToArray();
        Assert.Equal(Math.Min(k, cosines.Length), nearest.Length);

        // Vectors whose cosines tie (within float rounding, which depends on the machine's SIMD width) may come in
        // either order: compare owners tie group by tie group; a group cut by k only has to contain what was returned.
        for (var start = 0; start < nearest.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && Math.Abs(cosines[order[end + 1]] - cosines[order[start]]) < 1e-5)
            {
                end++;
            }

            var group = order[start..(end + 1)].Select(v => index.VectorOwner[v]).Order().ToList();
            var returned = nearest[start..Math.Min(end + 1, nearest.Length)].Order().ToList();
            if (end + 1 <= nearest.Length)
            {
                Assert.Equal(group, returned);
            }
            else
            {
                Assert.All(returned.GroupBy(o => o), g => Assert.True(group.Count(o => o == g.Key) >= g.Count()));
            }

            start = end + 1;
        }

        for (var fact = 0; fact < scores.Length; fact++)
        {
            var own = Enumerable.Range(0, cosines.Length).Where(v => index.VectorOwner[v] == fact).Select(v => cosines[v]).DefaultIfEmpty(-1).Max();
            Assert.Equal(own, scores[fact], 5);
        }
    }

    [Fact]
    public void Semantic_NegativeNeighbours_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => s_harness.Index.Semantic(new float[s_harness.Index.Vectors![0].Length], out _, -1));

    [Theory]
    // A curated question asked but for articles, "what is" and greetings is that question.
    [InlineData("hey, what is the round 4 agenda?", true)]
    [InlineData("so what happened in the round 4", true)]
    // A word that asks something else is not filler: not the curated question.
    [InlineData("what happened in round 4 with trump", false)]
    [InlineData("what did not happen in round 4", false)]
    public void TryCurated_CuratedQuestionButForFillerWords_IsThatQuestion(string question, bool curated)
    {
        var index = RoundFourWithTwoQuestions();

        Assert.Equal(curated, index.TryCurated(question, out var fact));
        Assert.Equal(curated ? "round-4" : null, curated ? index.Facts.Facts[fact].Id : null);
    }

    /// <summary>An index of round 4 alone, with the curated questions "round 4 agenda" and "what happened in round 4".</summary>
    private static FactIndex RoundFourWithTwoQuestions()
    {
        const string Rounds = """
            rounds:
              - id: round-4
                number: 4
                title: Round 4
                date: 2025-05-30
                text: Akazawa met Bessent.
                as_of: 2025-05-31
                sources: [s1, s2, s3]
                phrasings: ["round 4 agenda", "what happened in round 4"]
            """;
        using var folder = new FactFolder().Write("sources.yaml", AnsweringTestFacts.Sources).Write("people.yaml", AnsweringTestFacts.People).Write("rounds.yaml", Rounds);
        return AnswerHarness.Create(AnswerHarness.LoadFacts(folder.Path), AnsweringTestFacts.Options(semantic: false), null).Index;
    }

    [Theory]
    // In other words of the same meaning ("rd" and "session" are "round"), asking the same: a curated question in other
    // words. Not one that asks something else, nor with other prepositions.
    [InlineData("rd 4 agenda", true)]
    [InlineData("what happened in session 4", true)]
    [InlineData("round 4 agenda", true)]
    [InlineData("when did session 4 happen", false)]
    [InlineData("what happened after session 4", false)]
    public void TryTermCurated_CuratedQuestionInWordsOfTheSameMeaning_IsThatQuestion(string question, bool curated)
    {
        var index = RoundFourWithTwoQuestions();

        Assert.Equal(curated, index.TryTermCurated(question, out var fact));
        Assert.Equal(curated ? "round-4" : null, curated ? index.Facts.Facts[fact].Id : null);
    }

    [Fact]
    public void TryCurated_TwoFactsCuratedQuestionsButForFillerWords_IsNeither()
    {
        const string Events = """
            events:
              - id: deal-announced
                title: Deal announced
                date: 2025-07-22
                text: Trump announced the deal.
                as_of: 2025-07-23
                sources: [s1]
                phrasings: ["the deal"]
              - id: deal-confirmed
                title: Deal confirmed
                date: 2025-07-23
                text: Ishiba confirmed the deal.
                as_of: 2025-07-23
                sources: [s2, s3]
                phrasings: ["what is the deal"]
            """;
        using var folder = new FactFolder().Write("sources.yaml", AnsweringTestFacts.Sources).Write("people.yaml", AnsweringTestFacts.People).Write("events.yaml", Events);
        var index = AnswerHarness.Create(AnswerHarness.LoadFacts(folder.Path), AnsweringTestFacts.Options(semantic: false), null).Index;

        // Each word for word is its own fact's; but for filler words, both facts'.
        Assert.True(index.TryCurated("the deal", out var announced));
        Assert.Equal("deal-announced", index.Facts.Facts[announced].Id);
        Assert.True(index.TryCurated("what is the deal", out var confirmed));
        Assert.Equal("deal-confirmed", index.Facts.Facts[confirmed].Id);
        Assert.False(index.TryCurated("deal", out _));
    }
}
