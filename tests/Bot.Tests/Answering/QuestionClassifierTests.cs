using Bot.Answering;

namespace Bot.Tests.Answering;

public sealed class QuestionClassifierTests
{
    [Theory]
    [InlineData("who's hayashi", QuestionType.Who)]
    [InlineData("when was round six", QuestionType.When)]
    [InlineData("what date did the car tariff start", QuestionType.When)]
    [InlineData("where was the g7 meeting", QuestionType.Where)]
    [InlineData("how much us rice does japan take", QuestionType.HowMuch)]
    [InlineData("what's the tariff rate on cars", QuestionType.HowMuch)]
    [InlineData("how many boeing planes", QuestionType.HowMany)]
    [InlineData("why did akazawa cancel his trip", QuestionType.Why)]
    [InlineData("did japan agree to buy rice", QuestionType.YesNo)]
    [InlineData("what happened in round 4", QuestionType.What)]
    [InlineData("car tariff now?", QuestionType.Other)]
    [InlineData("which minister went to washington", QuestionType.Who)]
    [InlineData("what us trade official met akazawa", QuestionType.Who)]
    [InlineData("what did the us president say", QuestionType.What)]
    public void Classify_Question_GivesItsType(string question, QuestionType expected) =>
        Assert.Equal(expected, QuestionClassifier.Classify(QuestionNormalizer.Words(question)));

    [Theory]
    [InlineData("which pentagon official asked for 3.5%", true)]
    [InlineData("who was the treasury secretary at round 1", true)]
    [InlineData("which ambassadors met akazawa", true)]
    [InlineData("who attended round 1", false)]
    [InlineData("which people attended round 2", false)]
    public void NamesAPersonNoun_KindOfPersonInQuestion_IsFound(string question, bool expected) =>
        Assert.Equal(expected, QuestionClassifier.NamesAPersonNoun(QuestionNormalizer.Words(question)));
}
