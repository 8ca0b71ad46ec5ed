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

    /// <summary>Names and domain words first; then any word the facts use, at one edit.</summary>
    private static readonly SpellingCorrector s_tiered = new(
        new Dictionary<string, int> { ["tariff"] = 5, ["akazawa"] = 3, ["stake"] = 2 },
        new HashSet<string> { "tariff", "akazawa", "stake", "happened", "attendees", "drugs", "flows", "hassle", "strike", "committed" },
        words: new Dictionary<string, int>
        {
            ["happened"] = 9, ["attendees"] = 2, ["drugs"] = 11, ["flows"] = 4, ["hassle"] = 1, ["tariff"] = 5, ["strike"] = 1,
            ["committed"] = 3,
        },
        english: EnglishWords.Vocabulary);

    [Theory]
    [InlineData("hpapened", "happened")]
    [InlineData("attednees", "attendees")]
    // A name or domain word still comes first, unless it is two edits away and a word of the facts one.
    [InlineData("tarrif", "tariff")]
    [InlineData("srtike", "strike")]
    // It passes for an inflection of "commit", but is the facts' word with one letter not doubled.
    [InlineData("commited", "committed")]
    public void Correct_MisspeltWordOfTheFacts_GivesTheWord(string typed, string expected) => Assert.Equal(expected, s_tiered.Correct(typed));

    [Theory]
    // Real words the facts do not use, one edit from words they do.
    [InlineData("drags")]
    [InlineData("flown")]
    // Not the first letter: "tassle" is no misspelt "hassle" here.
    [InlineData("tassle")]
    // Short words are one edit from too many.
    [InlineData("drus")]
    public void Correct_RealWordOrUnlikeAnyWordOfTheFacts_StaysAsTyped(string word) => Assert.Equal(word, s_tiered.Correct(word));

    [Fact]
    public void Correct_NamesTiedTwoEditsAway_GivesTheFactsWordOneEditAway()
    {
        // "bastion" is two edits from both names, and one from a word of the facts.
        var speller = new SpellingCorrector(
            new Dictionary<string, int> { ["bustiom"] = 1, ["bostian"] = 1 },
            new HashSet<string> { "bustiom", "bostian", "bastions" },
            words: new Dictionary<string, int> { ["bastions"] = 1 });
        var namesOnly = new SpellingCorrector(
            new Dictionary<string, int> { ["bustiom"] = 1, ["bostian"] = 1 }, new HashSet<string> { "bustiom", "bostian" });

        Assert.Equal("bastions", speller.Correct("bastion"));
        Assert.Equal("bastion", namesOnly.Correct("bastion"));
    }

    [Fact]
    public void Distance_Transposition_CountsOnce() => Assert.Equal(1, SpellingCorrector.Distance("tarfif", "tariff", 2));
}
