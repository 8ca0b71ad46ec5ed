using Bot.Answering;

namespace Bot.Tests.Answering;

public sealed class Bm25IndexTests
{
    private static readonly Bm25Index s_index = new(
    [
        ["car", "tariff", "15", "percent"],
        ["rice", "import", "quota"],
        ["car", "export", "job", "car"],
    ]);

    [Fact]
    public void Score_RareTermMatch_RanksItsDocumentFirst()
    {
        var scores = s_index.Score(["rice"]);
        Assert.True(scores[1] > 0);
        Assert.Equal(0, scores[0]);
        Assert.Equal(0, scores[2]);
    }

    [Fact]
    public void Score_MoreMatchingTerms_ScoreHigher()
    {
        var scores = s_index.Score(["car", "tariff"]);
        Assert.True(scores[0] > scores[2]);
    }

    [Fact]
    public void Idf_UnknownTerm_IsTheMaximum() => Assert.True(s_index.Idf("weather") > s_index.Idf("rice"));

    [Fact]
    public void Score_RepeatedQueryTerm_CountsOnce() => Assert.Equal(s_index.Score(["rice"]), s_index.Score(["rice", "rice"]));
}
