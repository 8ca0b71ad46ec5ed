using Bot.Answering;

namespace Bot.Tests.Answering;

public sealed class CapitalsTests
{
    private static string Read(string question) => string.Join(' ', Capitals.AsCountries(QuestionNormalizer.Words(question)));

    [Theory]
    [InlineData("what did tokyo agree to", "what did japan agree to")]
    [InlineData("did washington accept the offer", "did us accept the offer")]
    [InlineData("who is tokyo's negotiator", "who is japan negotiator")]
    [InlineData("tokyo finance minister 2025", "japan finance minister 2025")]
    [InlineData("how many rounds did tokyo and the us hold", "how many rounds did japan and the us hold")]
    [InlineData("did washington and tokyo sign it", "did us and japan sign it")]
    [InlineData("did tokyo show trump a list", "did japan show trump a list")]
    [InlineData("by when does tokyo have to commit", "by when does japan have to commit")]
    [InlineData("why did tokyo scrap the 2+2", "why did japan scrap the 2 2")]
    [InlineData("if washington sent the letter", "if us sent the letter")]
    [InlineData("tokyo has signed the mou", "japan has signed the mou")]
    [InlineData("did tokyo have a trade surplus with the us", "did japan have a trade surplus with the us")]
    [InlineData("washington had set japan's rate at what", "us had set japan rate at what")]
    public void AsCountries_CapitalThatActs_IsItsCountry(string question, string expected) => Assert.Equal(expected, Read(question));

    [Theory]
    [InlineData("when did trump visit tokyo")]
    [InlineData("talks in washington in april")]
    [InlineData("the tokyo summit")]
    [InlineData("akazawa flew to washington and met lutnick")]
    [InlineData("was tokyo the venue")]
    [InlineData("when did akazawa fly to washington for tariff talks")]
    [InlineData("talks in tokyo on tariffs")]
    [InlineData("the tokyo summit leaders")]
    [InlineData("how many times did akazawa fly between tokyo and washington")]
    [InlineData("what did akazawa say in tokyo have a look")]
    [InlineData("the meeting held in washington had no deal")]
    [InlineData("washington had all 8 rounds")]
    [InlineData("how many summits has tokyo had")]
    [InlineData("tokyo has hosted which trump summit")]
    // A reaction mostly follows what it reacts to: not read as a standalone question about Japan's reactions.
    [InlineData("what was tokyo's reaction")]
    public void AsCountries_CapitalThatIsAPlace_StaysAsTyped(string question) =>
        Assert.Equal(string.Join(' ', QuestionNormalizer.Words(question)), Read(question));
}
