using Bot.Answering;

namespace Bot.Tests.Answering;

/// <summary>Behaviour of the real engine over the repository's fact base that the gold set alone would not pin down.</summary>
[Collection(RealEngineGroup.Name)]
public sealed class RealEngineTests(RealEngineFixture engine)
{
    [Theory]
    [InlineData("who is the president of france", "france")]
    [InlineData("tariffs on india", "india")]
    public void Interpret_OtherCountry_IsNotSpellCorrectedIntoAFactWord(string question, string place) =>
        Assert.Contains(place, Answerer.Interpret(engine.Harness.Index, question).Words);

    [Fact]
    public void Answer_QuestionAboutAnotherCountrysLeader_Abstains() =>
        Assert.True(engine.Harness.Answer("who is the president of france").Abstained);

    [Theory]
    [InlineData("who is the current prime minister", "sanae-takaichi")]
    [InlineData("who was prime minister during the tariff talks", "shigeru-ishiba")]
    [InlineData("finance minister now", "satsuki-katayama")]
    [InlineData("who was finance minister during the negotiations", "katsunobu-kato")]
    [InlineData("car tariff now?", "tariff-japan-autos-15")]
    [InlineData("all-in car tariff in may 2025", "tariff-japan-cars-27-5")]
    [InlineData("what is japan's reciprocal rate now", "tariff-japan-reciprocal-15")]
    [InlineData("japan's reciprocal rate in april", "tariff-japan-reciprocal-24")]
    public void Answer_PostOrRateAndTime_RanksWhatAppliedThenFirst(string question, string expected) =>
        Assert.Equal(expected, engine.Harness.Answer(question).Ranked[0].Fact.Id);
}
