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
}
