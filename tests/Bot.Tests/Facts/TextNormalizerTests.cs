using Bot.Facts;

namespace Bot.Tests.Facts;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("Akazawa's", "akazawa")]
    [InlineData("AKAZAWA’s remarks", "akazawa remarks")]
    [InlineData("ＡＫＡＺＡＷＡ", "akazawa")]
    [InlineData("José Müller", "jose muller")]
    [InlineData("  Bessent,  Lutnick & Greer ", "bessent lutnick greer")]
    [InlineData("27.5% on $550bn", "27.5% on $550bn")]
    [InlineData("end.", "end")]
    public void Fold_MatchesNamesHoweverTheyAreTyped(string text, string expected)
    {
        Assert.Equal(expected, TextNormalizer.Fold(text));
    }

    [Theory]
    [InlineData("akazawa", "akazwa", 1)]
    [InlineData("bessent", "besesnt", 1)]
    [InlineData("lutnick", "lutnik", 1)]
    [InlineData("", "abc", 3)]
    public void EditDistance_CountsTranspositionsAsOneEdit(string a, string b, int expected)
    {
        Assert.Equal(expected, TextNormalizer.EditDistance(a, b));
    }
}
