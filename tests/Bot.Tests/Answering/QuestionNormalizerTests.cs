using Bot.Answering;

namespace Bot.Tests.Answering;

public sealed class QuestionNormalizerTests
{
    /// <summary>The normalised words of a text, joined by spaces.</summary>
    private static string Joined(string text) => string.Join(' ', QuestionNormalizer.Words(text));

    [Theory]
    [InlineData("What happened in the 4th round?", "4 round")]
    [InlineData("what happened in the fourth round", "4 round")]
    [InlineData("round four", "round 4")]
    [InlineData("twenty five percent", "25 percent")]
    [InlineData("five hundred fifty billion", "550 billion")]
    [InlineData("a hundred billion", "a 100 billion")]
    [InlineData("hundred and five f35s", "105 f35s")]
    [InlineData("several hundred billion", "several hundred billion")]
    [InlineData("a few hundred jobs", "a few hundred jobs")]
    [InlineData("fifteen hundred kilometers", "1500 kilometers")]
    [InlineData("only two and a half percent", "only 2.5 percent")]
    [InlineData("2 and a half percent", "2.5 percent")]
    [InlineData("twenty seven point five percent", "27.5 percent")]
    [InlineData("two and a bit", "2 and a bit")]
    [InlineData("twenty seven point one five", "27.15")]
    [InlineData("the second and a half", "2 and a half")]
    [InlineData("at one point two sides met", "at 1 point 2 sides")]
    public void Words_NumberWordsAndOrdinals_BecomeDigits(string text, string expected) =>
        Assert.Contains(expected, Joined(text), StringComparison.Ordinal);

    [Theory]
    [InlineData("when did akazawa first go to washington", "akazawa first go to")]
    [InlineData("when did trump first threaten japan with tariffs", "trump first threaten")]
    [InlineData("was muto in charge at first", "in charge at first")]
    // Before a noun it numbers it.
    [InlineData("akazawa's first trip", "akazawa 1 trip")]
    [InlineData("the first round", "the 1 round")]
    [InlineData("they first met for the first time", "first met for the 1 time")]
    public void Words_FirstAsAnAdverb_StaysAWord(string text, string expected) =>
        Assert.Contains(expected, Joined(text), StringComparison.Ordinal);

    [Theory]
    [InlineData("550b explained", "550 billion explained")]
    [InlineData("the 1t pledge", "the 1 trillion pledge")]
    [InlineData("$550bn", "dollar 550 billion")]
    [InlineData("$550 billion", "dollar 550 billion")]
    [InlineData("550 billion dollars", "550 billion dollars")]
    [InlineData("¥80 trillion", "yen 80 trillion")]
    [InlineData("¥10tn", "yen 10 trillion")]
    [InlineData("a 15% tariff", "15 percent tariff")]
    [InlineData("a 2.5% duty", "2.5 percent duty")]
    public void Words_MoneyAndPercent_AreWrittenOneWay(string text, string expected) =>
        Assert.Contains(expected, Joined(text), StringComparison.Ordinal);

    [Theory]
    [InlineData("F35")]
    [InlineData("F-35B")]
    [InlineData("f-35")]
    [InlineData("F-35A")]
    [InlineData("the F-35s")]
    public void Words_ModelNames_AllGiveTheBaseModel(string text) =>
        Assert.Contains("f35", QuestionNormalizer.Words(text));

    [Theory]
    [InlineData("2025/7/22 deal", "july 22 2025 deal")]
    [InlineData("2025.7.22", "july 22 2025")]
    [InlineData("on 2025-7-1", "on july 1 2025")]
    [InlineData("on 7/22", "on july 22")]
    [InlineData("7/22/2025", "july 22 2025")]
    [InlineData("22/7/25", "july 22 2025")]
    [InlineData("2/7 white house", "february 7 white house")]
    public void Words_NumericDates_AreWrittenAsDates(string text, string expected) =>
        Assert.Equal(expected, Joined(text));

    [Theory]
    [InlineData("the 90/10 profit split")]
    [InlineData("a 50/50 chance")]
    [InlineData("2025/13/40")]
    [InlineData("0000/1/1")]
    [InlineData("1.5 percent")]
    [InlineData("open 24/7")]
    [InlineData("3/4 of the money")]
    [InlineData("a 1/2% cut")]
    [InlineData("$1/2 a share")]
    [InlineData("1/2/3")]
    [InlineData("٢٠٢٥/٧/٢٢")]
    public void Words_SlashedNumbersThatAreNoDate_StayNumbers(string text) =>
        Assert.DoesNotContain(QuestionNormalizer.Words(text), w => w.Contains('-', StringComparison.Ordinal) || w.EndsWith("uary", StringComparison.Ordinal) || w is "march" or "april" or "may" or "june" or "july" or "august" or "september" or "october" or "november" or "december");

    [Theory]
    [InlineData("rd7 date", "round 7 date")]
    [InlineData("rnd-3 venue", "round 3 venue")]
    [InlineData("the 3rd round", "the 3 round")]
    public void Words_RoundNumberGluedOrAbbreviated_IsRoundAndNumber(string text, string expected) =>
        Assert.Equal(expected, Joined(text));

    [Theory]
    [InlineData("dai yonkai kosho", "4 kosho", "4")]
    [InlineData("dai ikkai", "1", "1")]
    [InlineData("dai 8 kai no kosho", "8 no kosho", "8")]
    [InlineData("dai 40 kai", "40", "40")]
    [InlineData("5500 oku doru", "550 billion doru", null)]
    [InlineData("43 cho en", "43 trillion en", null)]
    [InlineData("80 oku", "8 billion", null)]
    [InlineData("5,500 oku doru", "550 billion doru", null)]
    [InlineData("1.5 cho en", "1.5 trillion en", null)]
    [InlineData("dai san kai kosho", "3 kosho", "3")]
    [InlineData("dai yon kaime", "4", "4")]
    [InlineData("f35 105 ki", "f35 105 aircraft", null)]
    [InlineData("boeing 100-ki", "boeing 100 aircraft", null)]
    [InlineData("trump 2 ki me", "trump 2 ki me", null)]
    public void Words_RomanizedJapaneseCounters_AreOrdinalsAndScales(string text, string expected, string? ordinal)
    {
        Assert.Equal(expected, Joined(text));
        Assert.Equal(ordinal is null ? [] : [ordinal], QuestionNormalizer.Ordinals(text));
    }

    [Theory]
    [InlineData("nikai kosho", "nikai kosho")]
    [InlineData("dai 2 kaigi", "dai 2 kaigi")]
    [InlineData("dai-ichi life", "dai ichi life")]
    [InlineData("dai 123 kai", "dai 123 kai")]
    [InlineData("1234567890123 oku", "1234567890123 oku")]
    [InlineData("\u0665\u0665\u0660\u0660 oku", "\u0665\u0665\u0660\u0660 oku")]
    public void Words_NoJapaneseCounter_StayAsTheyWere(string text, string expected)
    {
        Assert.Equal(expected, Joined(text));
        Assert.Empty(QuestionNormalizer.Ordinals(text));
    }

    [Theory]
    [InlineData("F-35B order", "billion")]
    [InlineData("MQ-9B drones", "billion")]
    [InlineData("770,000t of rice", "trillion")]
    [InlineData("a 5m fee", "million")]
    public void Words_LetterAfterAModelOrALongerNumber_IsNotAScale(string text, string scale) =>
        Assert.DoesNotContain(scale, QuestionNormalizer.Words(text));

    [Fact]
    public void Words_ModelVariant_KeepsTheVariantToo() =>
        Assert.Equal(["f35a", "f35"], QuestionNormalizer.Words("F-35A"));

    [Theory]
    [InlineData("who's hayashi", "who is hayashi")]
    [InlineData("tariff on japan rn?", "tariff on japan now")]
    [InlineData("didnt trump sign it", "did not trump sign it")]
    [InlineData("im confused", "i am confused")]
    [InlineData("where'd akazawa meet trump", "where did akazawa meet trump")]
    [InlineData("why’d he cancel", "why did he cancel")]
    [InlineData("Japan’s negotiator", "japan negotiator")]
    [InlineData("the U.S. side", "the us side")]
    [InlineData("Akazawa's trips", "akazawa trips")]
    [InlineData("CAR TARIFF NOW?", "car tariff now")]
    public void Words_CaseContractionsPossessivesAndPunctuation_AreUndone(string text, string expected) =>
        Assert.Equal(expected, Joined(text));

    [Theory]
    [InlineData("who's the trade rep these days", "who is the trade rep now")]
    [InlineData("car tariff at the moment?", "car tariff now")]
    [InlineData("Japan's ambassador right now", "japan ambassador now")]
    [InlineData("who is pm nowadays", "who is pm now")]
    [InlineData("the 45 days in the mou", "the 45 days in the mou")]
    [InlineData("is that right", "is that right")]
    [InlineData("pm at the moment the deal was struck", "pm at the moment the deal was struck")]
    public void Words_WaysOfSayingNow_AreNow(string text, string expected) =>
        Assert.Equal(expected, Joined(text));

    [Fact]
    public void Words_FullWidthAndAccents_AreFolded() =>
        Assert.Equal(["tokyo", "cafe", "15", "percent"], QuestionNormalizer.Words("Ｔｏｋｙｏ café 15%"));

    [Fact]
    public void Words_IsoDate_IsWrittenAsTheFactsWriteDates() =>
        Assert.Equal(["may", "30", "2025"], QuestionNormalizer.Words("2025-05-30"));

    [Theory]
    [InlineData("akazawa's 10th trip to the us", "10")]
    [InlineData("Tenth trip (September 2025)", "10")]
    [InlineData("the 2nd round", "2")]
    public void Ordinals_OrdinalInText_IsFound(string text, string expected) =>
        Assert.Equal([expected], QuestionNormalizer.Ordinals(text));

    [Theory]
    [InlineData("10 trips by September 4, 2025")]
    [InlineData("how many trips did akazawa make")]
    public void Ordinals_CountsAndAmounts_AreNotOrdinals(string text) =>
        Assert.Empty(QuestionNormalizer.Ordinals(text));

    [Theory]
    [InlineData("the committee's 3rd meeting", "3", "meeting", "")]
    [InlineData("when was the second ishiba trump summit", "2", "summit", "ishiba trump")]
    [InlineData("second session on feb 7th", "2", "meeting", "")]
    [InlineData("akazawa's tenth visit", "10", "trip", "")]
    [InlineData("the second us japan investment committee meeting", "2", "meeting", "us japan investment committee")]
    // The occasion is the clause's verb: "meet for the second time", "visited washington a tenth time".
    [InlineData("when did the committee meet for the second time", "2", "meeting", "")]
    [InlineData("akazawa visited washington a tenth time", "10", "trip", "")]
    // Or the verb right after it: "when did they first meet".
    [InlineData("when did akazawa and lutnick first meet", "1", "meeting", "")]
    [InlineData("akazawa first went to washington when", "1", "trip", "")]
    // Or the verb of the clause "the first time" opens.
    [InlineData("when was the first time akazawa met lutnick", "1", "meeting", "")]
    public void Occurrences_AnOrdinalBeforeAnOccasion_NumbersIt(string text, string number, string noun, string between)
    {
        var occurrence = Assert.Single(QuestionNormalizer.Occurrences(text, EntityResolver.IsMonth));
        Assert.Equal(number, occurrence.Number);
        Assert.Equal(noun, occurrence.Noun);
        Assert.Equal(between, string.Join(' ', occurrence.Between));
    }

    [Theory]
    [InlineData("which happened first, the cancelled trip or the resignation")]
    [InlineData("what did akazawa sign first on his september trip")]
    [InlineData("why did akazawa cancel his trip on thursday the 28th")]
    [InlineData("what did the committee discuss at the meeting of the 17th")]
    [InlineData("the 7th of february meeting")]
    [InlineData("feb 7th summit")]
    [InlineData("was this the first time akazawa cancelled a trip")]
    [InlineData("for the first time the tariff was cut")]
    // "For the first time" counts the later verb, not the trip of the clause before.
    [InlineData("in august akazawa went to washington and for the first time the us agreed to refund stacked duties")]
    public void Occurrences_OrdinalsThatNumberNoOccasion_AreNone(string text) =>
        Assert.Empty(QuestionNormalizer.Occurrences(text, EntityResolver.IsMonth));
}
