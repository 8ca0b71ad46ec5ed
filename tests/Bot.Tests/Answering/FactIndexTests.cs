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
        var expected = Enumerable.Range(0, cosines.Length).OrderByDescending(v => cosines[v]).Take(k).Select(v => index.VectorOwner[v]).ToArray();
        Assert.Equal(expected, nearest);
        for (var fact = 0; fact < scores.Length; fact++)
        {
            var own = Enumerable.Range(0, cosines.Length).Where(v => index.VectorOwner[v] == fact).Select(v => cosines[v]).DefaultIfEmpty(-1).Max();
            Assert.Equal(own, scores[fact], 5);
        }
    }

    [Fact]
    public void Semantic_NegativeNeighbours_IsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => s_harness.Index.Semantic(new float[s_harness.Index.Vectors![0].Length], out _, -1));
}
