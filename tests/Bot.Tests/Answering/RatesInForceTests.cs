using Bot.Answering;
using Bot.Answering.Evaluation;
using Bot.Facts;

namespace Bot.Tests.Answering;

public sealed class RatesInForceTests
{
    private const string Figures = """
        figures:
          - id: cars-old
            title: Car tariff before
            amount: {value: 2.5, unit: "%", display: "2.5%"}
            in_force: {on: [cars], to: 2025-04-02}
            text: 2.5% on cars before April 3, 2025.
            as_of: 2025-04-02
            sources: [s1]
            phrasings: ["old car tariff"]
          - id: cars-mid
            title: Car tariff with the extra
            amount: {value: 27.5, unit: "%", display: "27.5%"}
            in_force: {on: [cars], from: 2025-04-03, to: 2025-09-15}
            text: 27.5% on cars from April 3 to September 15, 2025.
            as_of: 2025-09-16
            sources: [s1]
            phrasings: ["car tariff before the deal"]
          - id: cars-new
            title: Agreed car tariff
            amount: {value: 15, unit: "%", display: "15%"}
            in_force: {on: [cars, auto parts], from: 2025-09-16}
            text: 15% on cars and parts from September 16, 2025.
            as_of: 2025-11-01
            sources: [s1]
            phrasings: ["agreed car tariff"]
          - id: goods-base
            title: Baseline tariff
            amount: {value: 10, unit: "%", display: "10%"}
            in_force: {on: [goods], from: 2025-04-05, to: 2025-08-06}
            text: 10% on most goods from April 5 to August 6, 2025.
            as_of: 2025-08-07
            sources: [s1]
            phrasings: ["baseline tariff"]
          - id: goods-15
            title: Agreed reciprocal tariff
            amount: {value: 15, unit: "%", display: "15%"}
            in_force: {on: [goods], from: 2025-08-07}
            text: 15% on most goods from August 7, 2025.
            as_of: 2025-09-05
            sources: [s1]
            phrasings: ["agreed reciprocal tariff"]
          - id: steel-25
            title: First steel tariff
            amount: {value: 25, unit: "%", display: "25%"}
            in_force: {on: [steel], from: 2025-03-12, to: 2025-06-03}
            text: 25% on steel from March 12, 2025.
            as_of: 2025-06-04
            sources: [s1]
            phrasings: ["first steel tariff"]
          - id: steel-50
            title: Steel tariff
            amount: {value: 50, unit: "%", display: "50%"}
            in_force: {on: [steel], from: 2025-06-04}
            text: 50% on steel from June 4, 2025.
            as_of: 2025-07-23
            sources: [s1]
            phrasings: ["steel tariff"]
          - id: parts-june
            title: Parts tariff from some day in June
            amount: {value: 20, unit: "%", display: "20%"}
            in_force: {on: [engines], from: 2025-06}
            text: 20% on engines from June 2025.
            as_of: 2025-07-01
            sources: [s1]
            phrasings: ["engine tariff"]
        """;

    private const string Events = """
        events:
          - id: car-extra-in-force
            title: Extra car tariff takes effect
            date: 2025-04-03
            text: The extra 25% on cars took effect on April 3, 2025.
            as_of: 2025-04-03
            sources: [s1]
            phrasings: ["extra car tariff start"]
          - id: goods-15-in-force
            title: Reciprocal tariff takes effect
            date: 2025-08-07
            text: The 15% on most goods took effect on August 7, 2025.
            as_of: 2025-08-07
            sources: [s1]
            phrasings: ["reciprocal tariff start"]
        """;

    /// <summary>The last round, on the day the deal was made.</summary>
    private const string Rounds = """
        rounds:
          - id: round-8
            number: 8
            title: Round 8
            date: 2025-07-22
            text: The round at which the deal was made.
            as_of: 2025-07-22
            sources: [s1]
            phrasings: ["round 8"]
        """;

    private static readonly FactBase s_facts = Load();
    private static readonly Analyzer s_analyzer = new(new SynonymTable([["car", "auto", "autos", "vehicle"], ["tariff", "duty"], ["auto part", "car part"]]));
    private static readonly RoleTimes s_roles = new(s_facts, s_analyzer);
    private static readonly EntityResolver s_entities = new(s_facts);
    private static readonly RatesInForce s_rates = new(s_facts, s_analyzer, s_roles.Now, s_entities);

    private static FactBase Load()
    {
        using var folder = new FactFolder().Write("sources.yaml", FactFolder.MinimalSources).Write("figures.yaml", Figures).Write("events.yaml", Events).Write("rounds.yaml", Rounds);
        return AnswerHarness.LoadFacts(folder.Path);
    }

    /// <summary>The rate the question asks for, as the engine reads it; null when it asks for none.</summary>
    private static RateAsked? Asked(string question)
    {
        var words = QuestionNormalizer.Words(question);
        var terms = s_analyzer.Terms(words);
        return s_rates.Asked(words, terms, QuestionClassifier.Classify(words), s_entities.Resolve(words), s_roles);
    }

    /// <summary>The rate the question asks for; it must ask for one.</summary>
    private static RateAsked AskedSurely(string question)
    {
        var asked = Asked(question);
        Assert.NotNull(asked);
        return asked;
    }

    [Theory]
    [InlineData("car tariff now?", "cars-new")]
    [InlineData("what's the tariff on japanese autos today", "cars-new")]
    [InlineData("what was the car tariff in may 2025", "cars-mid")]
    [InlineData("car duty in 2024", "cars-old")]
    [InlineData("auto parts tariff now", "cars-new")]
    [InlineData("what do japanese cars pay now", "cars-new")]
    // No time named, and paid in the present tense or asked with no verb: now.
    [InlineData("car tariff", "cars-new")]
    [InlineData("what do japanese cars pay", "cars-new")]
    [InlineData("what tariff does japan pay", "goods-15")]
    // Both goods named have the one rate now.
    [InlineData("tariff on cars and auto parts now", "cars-new")]
    // No goods named, or goods in general: the rate most goods pay.
    [InlineData("whats the tariff on japan now", "goods-15")]
    [InlineData("what rate do japanese imports face now", "goods-15")]
    [InlineData("what was the tariff on japanese goods in june 2025", "goods-base")]
    [InlineData("us tariff on japanese goods now", "goods-15")]
    // "Us" before the goods and the tariff: the US's tariff on them, not American goods.
    [InlineData("us car tariff now", "cars-new")]
    // Before the deal: the day before it; under the deal: now, when the rates it set apply.
    [InlineData("total car tariff before the deal", "cars-mid")]
    [InlineData("what was the tariff on japanese goods before the trade deal", "goods-base")]
    [InlineData("how much is the car tariff under the deal", "cars-new")]
    [InlineData("what was the car tariff when the deal was made", "cars-mid")]
    // Asked from a time: the rate in force from then to now, else the one that began in it, alone on its first day; a day
    // on which something happened to the tariff is asked from all the same.
    [InlineData("what rate do cars pay from september 16 2025", "cars-new")]
    [InlineData("what rate do cars pay from october 2025", "cars-new")]
    [InlineData("tariff on japanese goods since august 2025", "goods-15")]
    [InlineData("what rate do cars pay from april 3 2025", "cars-mid")]
    [InlineData("steel tariff in may 2025", "steel-25")]
    // Before a time named: the day before it.
    [InlineData("car tariff before april", "cars-old")]
    [InlineData("what did japanese cars pay before 2025", "cars-old")]
    [InlineData("steel tariff before june 2025", "steel-25")]
    // Between two times: the days after the first and before the second.
    [InlineData("what rate did japan pay between april and august", "goods-base")]
    [InlineData("car tariff between april 3 and september 16", "cars-mid")]
    // A year named with the second time only is the first's too: after September 15, 2025, all 15%.
    [InlineData("car tariff between october and december 2025", "cars-new")]
    // Across a year's end: December of the year before.
    [InlineData("car tariff between december and february 2026", "cars-new")]
    // Asked whether a rate is so: the rate then says whether.
    [InlineData("is the steel tariff still 50%", "steel-50")]
    [InlineData("is the car tariff still 27.5%", "cars-new")]
    [InlineData("was the car tariff 27.5% in may 2025", "cars-mid")]
    // A month for a first day: surely in force from June 30, so all through July but not all through June.
    [InlineData("engine tariff in july 2025", "parts-june")]
    public void InForceFor_OneRateAllThroughTheTime_IsTheAnswer(string question, string expected)
    {
        var asked = AskedSurely(question);
        Assert.Equal(expected, s_rates.InForceFor(asked));
    }

    [Theory]
    // The rate changed within the time asked.
    [InlineData("car tariff in 2025")]
    [InlineData("what was the tariff on japanese goods in august 2025")]
    // The goods named have different rates then (parts have none in this fact base before September).
    [InlineData("tariff on cars and auto parts in may 2025")]
    // No rate the fact base has is in force then.
    [InlineData("what was the tariff on japanese goods in 2024")]
    [InlineData("engine tariff in june 2025")]
    public void InForceFor_NoOneRateThen_IsNone(string question)
    {
        var asked = AskedSurely(question);
        Assert.Null(s_rates.InForceFor(asked));
    }

    [Theory]
    // American goods, and Japan as the one charging.
    [InlineData("what is the tariff on us cars now")]
    [InlineData("what is the tariff on american goods now")]
    [InlineData("what does japan charge on cars now")]
    // Goods the fact base has no rate for, or only a word of them ("machine parts" is not "auto parts").
    [InlineData("what is the tariff on korean cars now")]
    [InlineData("machine parts tariff now")]
    [InlineData("rice tariff now")]
    // Asks for something else, or for a person.
    [InlineData("when did the car tariff start")]
    [InlineData("who set the car tariff now")]
    [InlineData("how much money does the car tariff raise now")]
    // No rate asked for: what Japan pays may be anything.
    [InlineData("what does japan pay now")]
    // No time: neither "now" nor a present tense, and a verb in the past.
    [InlineData("what was the car tariff")]
    [InlineData("what did japanese cars pay")]
    // A time spoken of before: "then", "at the time".
    [InlineData("car tariff then")]
    [InlineData("car tariff at the time")]
    [InlineData("former car tariff")]
    // "Before" something that is not a date ("before the increase").
    [InlineData("car tariff before the increase")]
    // Two times that disagree.
    [InlineData("what was the car tariff in june 2025 before the deal")]
    // A day on which something happened to the tariff on those goods asks about what happened; for most goods, a
    // tariff's.
    [InlineData("april 3 2025 car tariff")]
    [InlineData("tariff on japanese goods on august 7 2025")]
    // Goods from the US; a number that is no date; a share or a choice of goods; Japan's own tariffs.
    [InlineData("tariff on goods from america now")]
    [InlineData("what was the 24 percent tariff on japanese goods in june 2025")]
    [InlineData("what percentage of japanese exports face the car tariff now")]
    [InlineData("how much of japan's exports face the tariff now")]
    [InlineData("which goods face a tariff now")]
    [InlineData("what is the tariff on imports to japan now")]
    // An amount of money paid, not a rate.
    [InlineData("how much did japan pay in us tariffs in 2025")]
    // Asked whether a rate covers goods in general: what it covers, not the rate.
    [InlineData("is japan paying 15% on everything")]
    // Asked whether with no number: not about a rate.
    [InlineData("is the car tariff fair now")]
    // Compared with now but not from a time before it, or with something else besides.
    [InlineData("steel tariff vs car tariff now")]
    [InlineData("car tariff now vs now")]
    [InlineData("is the car tariff higher now vs before")]
    public void Asked_NotOnlyTheRateAtATime_IsNone(string question) =>
        Assert.Null(Asked(question));

    [Theory]
    // Ended before the time asked, or began after it.
    [InlineData("car tariff now", "cars-old", true)]
    [InlineData("what was the car tariff in may 2025", "cars-new", true)]
    // In force for part of a span in which another rate on the same goods was for another part.
    [InlineData("car tariff in 2025", "cars-old", true)]
    [InlineData("car tariff in 2025", "cars-mid", true)]
    // In force all through it.
    [InlineData("what was the car tariff in may 2025", "cars-mid", false)]
    // The only rate on those goods at any time of the span: it may still answer.
    [InlineData("auto parts tariff in 2025", "cars-new", false)]
    // Asked from a day: a rate that ended before it, but not one still in force then that began before.
    [InlineData("what rate do cars pay from june 2025", "cars-old", true)]
    [InlineData("what rate do cars pay from june 2025", "cars-mid", false)]
    public void NotInForceThen_RateOnTheGoodsAskedThatWasNotTheRateThen(string question, string fact, bool expected)
    {
        var asked = AskedSurely(question);
        Assert.Equal(expected, s_rates.NotInForceThen(asked, fact));
    }

    [Theory]
    // Several rates in force over the time asked: all of them, in the order they began.
    [InlineData("car tariff in 2025", "cars-old,cars-mid,cars-new")]
    // Asked how the rate went: over all the time the fact base has, even one rate.
    [InlineData("how has the car tariff changed", "cars-old,cars-mid,cars-new")]
    [InlineData("car duty history", "cars-old,cars-mid,cars-new")]
    [InlineData("steel tariff over time", "steel-25,steel-50")]
    // One rate over the time asked is no list.
    [InlineData("auto parts tariff history", "")]
    [InlineData("how did the tariff on japanese goods change in 2025", "goods-base,goods-15")]
    // A time compared with now: every rate from then to now.
    [InlineData("car tariff before the deal vs now", "cars-mid,cars-new")]
    [InlineData("steel tariff before june vs now", "steel-25,steel-50")]
    [InlineData("car tariff in may and now", "cars-mid,cars-new")]
    [InlineData("what was the car tariff in may 2025 and now", "cars-mid,cars-new")]
    [InlineData("car duty in april compared to now", "cars-old,cars-mid,cars-new")]
    [InlineData("car tariff now versus 2024", "cars-old,cars-mid,cars-new")]
    // One rate then and no history asked; two goods; asked from when.
    [InlineData("what was the car tariff in may 2025", "")]
    [InlineData("tariff on cars and auto parts in 2025", "")]
    [InlineData("what rate do cars pay from june 2025", "")]
    public void Over_RatesInForceOverTheTime_InTheOrderTheyBegan(string question, string expected)
    {
        var asked = AskedSurely(question);
        Assert.Equal(expected, string.Join(',', s_rates.Over(asked)));
    }

    [Theory]
    // The one in force at the end of the time asked, or now when that is later.
    [InlineData("car tariff in 2025", "cars-new")]
    [InlineData("what was the tariff on japanese goods in 2025", "goods-15")]
    [InlineData("car tariff in april 2025", "cars-mid")]
    public void Latest_IsTheRateInForceAtTheEnd(string question, string expected)
    {
        var asked = AskedSurely(question);
        Assert.Equal(expected, s_rates.Latest(asked, s_rates.Over(asked)));
    }

    /// <summary>The question read as one asking when a rate changed; null when it asks no such thing.</summary>
    private static RateChange? Change(string question)
    {
        var words = QuestionNormalizer.Words(question);
        var terms = s_analyzer.Terms(words);
        return s_rates.ChangeAsked(words, terms, QuestionClassifier.Classify(words), s_entities.Resolve(words), s_roles);
    }

    /// <summary>The fact that answers the question as one asking when a rate changed; null when none does.</summary>
    private static string? ChangeAsked(string question) => Change(question)?.Answer;

    [Theory]
    // Began: the first rate with a start; the event dated that day about those goods is the change itself.
    [InlineData("when did the car tariff start", "car-extra-in-force")]
    [InlineData("when did japanese cars start paying 27.5%", "car-extra-in-force")]
    // Without an event that day, the rate itself (its dates say when).
    [InlineData("when did the auto parts tariff start", "cars-new")]
    // Down or up: the one change of that kind on the goods; a doubling is twice the rate before it.
    [InlineData("when did the car tariff come down", "cars-new")]
    [InlineData("when did the car tariff go up", "car-extra-in-force")]
    [InlineData("when did the steel tariff double", "steel-50")]
    // By its number, after "to" when two are named; with no goods named, the goods of the one rate with that number, or
    // the rate most goods pay.
    [InlineData("when did steel go to 50%", "steel-50")]
    [InlineData("when did japanese car tariffs go from 27.5 to 15", "cars-new")]
    // A number after "from" alone: the change from that rate.
    [InlineData("when did the steel tariff rise from 25%", "steel-50")]
    [InlineData("when did the 15% tariff take effect", "goods-15-in-force")]
    [InlineData("15 percent car tariff effective date", "cars-new")]
    // Ended, or from when to when: the rate itself, which gives its last day.
    [InlineData("when did the 27.5% end", "cars-mid")]
    [InlineData("27.5% applied from when to when", "cars-mid")]
    public void ChangeAsked_WhenTheRateChanged_IsTheFactAboutThatDay(string question, string expected) =>
        Assert.Equal(expected, ChangeAsked(question));

    [Theory]
    // Two changes of the kind asked (steel's first rate went up from none, then doubled), or a "drop" to a higher rate.
    [InlineData("when did the steel tariff go up")]
    [InlineData("when did the tariff drop to 15%")]
    // A number after "from" that was not the rate before; a doubling to a rate that followed none.
    [InlineData("when did steel go from 50 to 25")]
    [InlineData("when did the car tariff go from 2.5 to 15")]
    [InlineData("when did the steel tariff double to 25%")]
    // A start known only to the month; an end asked with no number (which rate's end is asked is unknown).
    [InlineData("when did the engine tariff start")]
    [InlineData("when did the car tariff end")]
    // No such rate, goods the fact base has no rate for, American goods.
    [InlineData("when did the 30% car tariff start")]
    [InlineData("when did the rice tariff start")]
    [InlineData("when did the tariff on us cars go up")]
    // Two kinds of change, a time the day is not in, another question word, or more asked than the day.
    [InlineData("when did the car tariff go up and down")]
    [InlineData("when did the car tariff start in 2024")]
    [InlineData("who cut the car tariff")]
    [InlineData("when did the car tariff start hurting toyota")]
    // No change asked: the rate at a time is RatesInForce.Asked's.
    [InlineData("car tariff now")]
    public void ChangeAsked_NoOneChangeAskedOnly_IsNone(string question) =>
        Assert.Null(ChangeAsked(question));

    [Theory]
    // Several changes of the kind asked on the one goods named: every rate on them answers, each with its days.
    [InlineData("when did the steel tariff go up", "steel")]
    [InlineData("when did the car tariff end", "cars")]
    public void ChangeAsked_SeveralChangesOfTheKind_NamesTheGoods(string question, string goods) =>
        Assert.Equal(new RateChange(null, goods), Change(question));

    [Theory]
    // No goods named (the rate most goods pay went up three times), no such change at all, or a time named: not several.
    [InlineData("when did tariffs go up")]
    [InlineData("when did the tariff drop to 15%")]
    [InlineData("when did the steel tariff go up in 2024")]
    [InlineData("who cut the car tariff")]
    public void ChangeAsked_NoSeveralChanges_IsNotThem(string question) =>
        Assert.Null(Change(question)?.Several);

    [Theory]
    [InlineData("steel", true)]
    [InlineData("autos", true)]
    [InlineData("parts", true)]
    [InlineData("imports", true)]
    [InlineData("rice", false)]
    [InlineData("machine", false)]
    public void NamesGoods_TheGoodsOfTheRatesAndGoodsInGeneral(string word, bool expected) =>
        Assert.Equal(expected, s_rates.NamesGoods(word));
}
