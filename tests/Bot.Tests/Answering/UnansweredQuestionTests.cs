using Bot.Answering;

namespace Bot.Tests.Answering;

/// <summary>What is kept of a question: no ids of users, roles or channels, nothing a database refuses, one key per wording.</summary>
public sealed class UnansweredQuestionTests
{
    [Theory]
    [InlineData("did <@U0DDD4444> see this", "did @someone see this")]
    [InlineData("ask <!subteam^S123|@trade> and <!here>", "ask @someone and @someone")]
    [InlineData("posted in <#C0CCC3333|general>?", "posted in #channel?")]
    [InlineData("<@123456789012345678> and <@!123456789012345678> and <@&987654321098765432> in <#111222333444555666>", "@someone and @someone and @someone in #channel")]
    [InlineData("is 15% < 27.5% > 10%", "is 15% < 27.5% > 10%")]
    // Controls and broken text: what a database accepts.
    [InlineData("car\ttariff\nnow", "car tariff now")]
    [InlineData("nul\0here", "nulhere")]
    [InlineData("a\u2028b\u0085c", "a b c")]
    [InlineData("bom\uFEFF and \uFFFF", "bom and")]
    [InlineData("flag 🎌 日本", "flag 🎌 日本")]
    public void Clean_MentionsAndControls_KeepNoIdsAndNothingADatabaseRefuses(string typed, string kept) =>
        Assert.Equal(kept, UnansweredQuestion.Clean(typed));

    [Fact]
    public void Clean_LoneSurrogate_IsTheReplacementCharacter() =>
        // Built at run time: an attribute's string cannot hold a lone surrogate.
        Assert.Equal("lone \uFFFD surrogate", UnansweredQuestion.Clean("lone " + (char)0xD800 + " surrogate"));

    [Fact]
    public void Clean_Overlong_IsCutWithoutSplittingACharacter()
    {
        var typed = new string('a', UnansweredQuestion.MaxLength - 1) + "🎌🎌";

        var kept = UnansweredQuestion.Clean(typed);

        Assert.Equal(UnansweredQuestion.MaxLength - 1, kept.Length);
        Assert.All(kept, c => Assert.False(char.IsSurrogate(c)));
    }

    [Theory]
    [InlineData("Who's Akazawa?", "who is akazawa")]
    [InlineData("who is  AKAZAWA", "who is akazawa")]
    [InlineData("???", "???")]
    public void Key_DifferentWritingsOfOneQuestion_AreOneKey(string question, string key) =>
        Assert.Equal(key, UnansweredQuestion.Key(question));
}
