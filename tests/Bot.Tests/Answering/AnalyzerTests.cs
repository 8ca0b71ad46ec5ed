using Bot.Answering;

namespace Bot.Tests.Answering;

public sealed class AnalyzerTests
{
    private static readonly Analyzer s_analyzer = new(new SynonymTable(
    [
        ["car", "auto", "automobile", "vehicle"],
        ["us", "united states", "america"],
        ["pm", "prime minister"],
    ]));

    [Fact]
    public void Terms_SynonymsAndPlurals_MapToOneTerm() =>
        Assert.Equal(s_analyzer.Terms("car tariff"), s_analyzer.Terms("automobiles tariffs"));

    [Fact]
    public void Terms_SynonymPhrase_MapsToCanonical() =>
        Assert.Equal(["pm", "japan"], s_analyzer.Terms("the prime minister of Japan"));

    [Fact]
    public void Terms_StopWords_AreDropped() =>
        Assert.Equal(["round", "4"], s_analyzer.Terms("what is it in round 4?"));

    [Theory]
    [InlineData("was the deal basically done in june")]
    [InlineData("the 10% everyone pays since when, ive been confused")]
    [InlineData("japan deal stuff, someone explain")]
    public void Terms_ConversationalFiller_IsDropped(string question) =>
        Assert.DoesNotContain(s_analyzer.Terms(question), t => t is "basically" or "everyone" or "ive" or "confused" or "stuff" or "someone");

    [Fact]
    public void Terms_UnitedStates_IsUs() =>
        Assert.Equal(s_analyzer.Terms("US rice"), s_analyzer.Terms("United States rice"));

    [Theory]
    [InlineData("tariffs", "tariff")]
    [InlineData("policies", "policy")]
    [InlineData("talks", "talk")]
    [InlineData("bus", "bus")]
    [InlineData("class", "class")]
    [InlineData("analysis", "analysis")]
    public void Stem_Plurals_LoseTheirEnding(string word, string expected) => Assert.Equal(expected, Analyzer.Stem(word));

    [Fact]
    public void Load_RepositorySynonyms_ParseAndMapCars()
    {
        var table = SynonymTable.Load(Path.Combine(RepoPaths.Root, "data", "answering", "synonyms.yaml"));
        var analyzer = new Analyzer(table);
        Assert.Equal(analyzer.Terms("auto tariff"), analyzer.Terms("car duty"));
    }

    [Fact]
    public void Load_GroupThatIsNotAList_FailsWithLine() =>
        Assert.Contains(":3:", LoadFails("groups:\n  - [car, auto]\n  - car\n").Message, StringComparison.Ordinal);

    [Fact]
    public void Load_WordInTwoGroups_FailsWithItsLine()
    {
        var error = LoadFails("groups:\n  - [car, auto]\n  - [vehicle, cars]\n");
        Assert.Contains(":3:", error.Message, StringComparison.Ordinal);
        Assert.Contains("'cars'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The error loading a synonym file with this content gives.</summary>
    private static InvalidDataException LoadFails(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), "syn-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(path, yaml);
        try
        {
            return Assert.Throws<InvalidDataException>(() => SynonymTable.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
