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
    public void Distance_Transposition_CountsOnce() => Assert.Equal(1, SpellingCorrector.Distance("tarfif", "tariff", 2));
}
