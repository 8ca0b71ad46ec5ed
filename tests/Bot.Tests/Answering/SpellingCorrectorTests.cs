using Bot.Answering;

namespace Bot.Tests.Answering;

public sealed class SpellingCorrectorTests
{
    private static readonly SpellingCorrector s_speller = new(
        new Dictionary<string, int> { ["akazawa"] = 3, ["bessent"] = 2, ["tariff"] = 5, ["lutnick"] = 2, ["tomahawk"] = 1 },
        new HashSet<string> { "akazawa", "bessent", "tariff", "lutnick", "tomahawk", "round", "who" });

    [Theory]
    [InlineData("akazwa", "akazawa")]
    [InlineData("besent", "bessent")]
    [InlineData("tarrif", "tariff")]
    [InlineData("lutnik", "lutnick")]
    [InlineData("tomohawk", "tomahawk")]
    public void Correct_CloseMisspelling_GivesTheName(string typed, string expected) => Assert.Equal(expected, s_speller.Correct(typed));

    [Theory]
    [InlineData("weather")]
    [InlineData("football")]
    [InlineData("who")]
    [InlineData("2025")]
    public void Correct_UnrelatedOrKnownWord_StaysAsTyped(string word) => Assert.Equal(word, s_speller.Correct(word));

    [Fact]
    public void Correct_DictionaryWordTheFactsDoNotUse_StaysAsTypedAndUnknown()
    {
        // "lenders" is a misspelt "leaders" to this corrector, unless the dictionary has it as a real word.
        var speller = new SpellingCorrector(
            new Dictionary<string, int> { ["tariff"] = 5, ["leaders"] = 1 },
            new HashSet<string> { "tariff", "leaders" },
            new HashSet<string> { "lenders" });

        Assert.Equal("leaders", new SpellingCorrector(new Dictionary<string, int> { ["leaders"] = 1 }, new HashSet<string> { "leaders" }).Correct("lenders"));
        Assert.Equal("lenders", speller.Correct("lenders"));
        Assert.False(speller.IsKnown("lenders"));
        Assert.Equal("leaders", speller.Correct("leadres"));
    }

    [Fact]
    public void Distance_Transposition_CountsOnce() => Assert.Equal(1, SpellingCorrector.Distance("tarfif", "tariff", 2));
}
