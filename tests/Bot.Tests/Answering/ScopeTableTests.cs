using Bot.Answering;

namespace Bot.Tests.Answering;

public sealed class ScopeTableTests
{
    private static ScopeTable Load(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"scope-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        try
        {
            return ScopeTable.Load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static readonly ScopeTable s_table = Load("""
        other_places: [south korea, canada]
        speculation: [predict, do you think, better]
        """);

    [Theory]
    [InlineData("what rate did south korea get", new[] { "south korea" })]
    [InlineData("did canada and south korea retaliate", new[] { "south korea", "canada" })]
    [InlineData("what did korea say", new string[0])]
    public void OtherPlaces_NamedPlaces_AreFoundAsWholePhrases(string question, string[] places) =>
        Assert.Equal(places.Order(), s_table.OtherPlaces(QuestionNormalizer.Words(question)).Order());

    [Theory]
    [InlineData("predict the next election", true)]
    [InlineData("Do you think the deal will hold?", true)]
    [InlineData("who negotiated better, akazawa or lutnick", true)]
    [InlineData("what do they think about rice", false)]
    [InlineData("when was the deal announced", false)]
    public void Speculates_PredictionOrOpinionCue_IsFound(string question, bool speculates) =>
        Assert.Equal(speculates, s_table.Speculates(QuestionNormalizer.Words(question)));

    [Theory]
    [InlineData("met at the white house in tokyo", new[] { "white house", "tokyo" })]
    [InlineData("canada hosted the g7", new[] { "canada", "g7" })]
    [InlineData("the white paper", new string[0])]
    public void Places_VenuesAndOtherCountries_AreFoundAsWholePhrases(string text, string[] places) =>
        Assert.Equal(places.Order(), Load("""
            other_places: [canada]
            places: [white house, tokyo, g7]
            """).Places(QuestionNormalizer.Words(text), _ => true).Order());

    [Fact]
    public void Places_AtPositions_KeepsOnlyThoseAccepted()
    {
        var words = QuestionNormalizer.Words("tokyo gas met in washington");

        Assert.Equal(["washington"], Load("other_places: []\nplaces: [tokyo, washington]\n").Places(words, i => i > 0 && words[i - 1] == "in"));
    }

    [Fact]
    public void Load_PlacesNotAList_NamesTheFileAndLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => Load("other_places: [canada]\nplaces: tokyo\n"));
        Assert.Matches(@"scope-[0-9a-f]+\.yaml:2: 'places' is a list", error.Message);
    }

    [Fact]
    public void Load_WithoutSpeculation_FindsNone() =>
        Assert.False(Load("other_places: [canada]").Speculates(QuestionNormalizer.Words("predict the odds")));

    [Fact]
    public void Load_SpeculationNotAList_NamesTheFileAndLine()
    {
        var error = Assert.Throws<InvalidDataException>(() => Load("other_places: [canada]\nspeculation: predict\n"));
        Assert.Matches(@"scope-[0-9a-f]+\.yaml:2: 'speculation' is a list", error.Message);
    }
}
