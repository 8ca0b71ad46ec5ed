using System.Globalization;
using Bot.Answering;
using Bot.Answering.Evaluation;

namespace Bot.Tests.Answering;

public sealed class EntityResolverTests
{
    private static readonly EntityResolver s_resolver = new(AnsweringTestFacts.Load());

    private static Entities Resolve(string question) => s_resolver.Resolve(QuestionNormalizer.Words(question), QuestionNormalizer.Ordinals(question));

    [Theory]
    [InlineData("who is ryosei akazawa", "ryosei-akazawa")]
    [InlineData("akazawa ryosei", "ryosei-akazawa")]
    [InlineData("what did akazawa say", "ryosei-akazawa")]
    [InlineData("who's the treasury secretary", "scott-bessent")]
    [InlineData("what did Japan's negotiator say", "ryosei-akazawa")]
    [InlineData("scott bessent", "scott-bessent")]
    public void Resolve_PersonByNameEitherOrderSurnameOrTitle_FindsThem(string question, string id) =>
        Assert.Contains(id, Resolve(question).People);

    [Theory]
    // Where the name stands, not the title that also names them: "after bessent" is what the question says about him.
    [InlineData("who was treasury secretary after bessent", "scott-bessent", 5)]
    [InlineData("who did akazawa meet", "ryosei-akazawa", 2)]
    [InlineData("what did japan's negotiator say", "ryosei-akazawa", 2)]
    public void Resolve_PersonNamed_RecordsWhereTheirNameStands(string question, string id, int position) =>
        Assert.Equal(position, Resolve(question).Positions[id]);

    [Theory]
    [InlineData("treasury secretary trip to osaka", new[] { 0, 1 })]
    [InlineData("who did scott bessent meet", new[] { 2, 3 })]
    [InlineData("which official met the minister", new int[0])]
    public void Resolve_WordsThatNameSomeone_AreMarked(string question, int[] positions) =>
        Assert.Equal(positions, Resolve(question).NamePositions.Order());

    [Theory]
    // Only a head of government has a government named after them: "hayashi cabinet secretary" is Hayashi.
    [InlineData("hayashi cabinet secretary", "yoshimasa-hayashi")]
    [InlineData("akazawa government role", "ryosei-akazawa")]
    public void Resolve_NameBeforeGovernmentWordOfSomeoneWhoHeadsNone_IsThePerson(string question, string id) =>
        Assert.Contains(id, Resolve(question).People);

    [Fact]
    public void Resolve_NameNotFollowedByGovernment_IsStillThePerson() =>
        Assert.Contains("ryosei-akazawa", Resolve("akazawa and the cabinet").People);

    [Theory]
    [InlineData("when was round six", 6)]
    [InlineData("the 4th round", 4)]
    [InlineData("fourth round", 4)]
    [InlineData("round #2", 2)]
    [InlineData("rd7 date", 7)]
    [InlineData("rnd 3 venue", 3)]
    [InlineData("what happened in round6", 6)]
    [InlineData("the 5th session", 5)]
    [InlineData("the fourth talks", 4)]
    [InlineData("dai yonkai kosho", 4)]
    // Words that say what kind of round it was, between the ordinal and the word for a round.
    [InlineData("the 2nd ministerial talks", 2)]
    [InlineData("the fourth cabinet level round", 4)]
    [InlineData("the third us japan tariff negotiations", 3)]
    [InlineData("the round after the first ministerial round", 2)]
    public void Resolve_RoundNumberInAnyForm_IsFound(string question, int round) => Assert.Equal(round, Resolve(question).Round);

    [Theory]
    [InlineData("2 ministerial talks when", "2 talks when")]
    [InlineData("the 3 us japan tariff negotiations", "the 3 negotiations")]
    [InlineData("all ministerial talks", "all ministerial talks")]
    [InlineData("japan us trade talks in 2025", "japan us trade talks in 2025")]
    public void WithoutRoundKind_KindWordsAfterAnOrdinal_AreLeftOut(string words, string kept) =>
        Assert.Equal(kept, string.Join(' ', EntityResolver.WithoutRoundKind([.. words.Split(' ')])));

    [Theory]
    [InlineData("who was at the final round")]
    [InlineData("last round of talks")]
    public void Resolve_FinalRound_IsTheHighestNumbered(string question) =>
        Assert.Equal(AnsweringTestFacts.Load().Rounds.Max(r => r.Number), Resolve(question).Round);

    [Theory]
    // "first" places a round after an occasion, with or without words for its kind: no round 1.
    [InlineData("the first round after liberation day")]
    [InlineData("the first ministerial round after liberation day")]
    public void Resolve_FirstRoundAfterSomething_IsNoRoundNumber(string question) => Assert.Null(Resolve(question).Round);

    [Theory]
    [InlineData("the last round before the deadline")]
    [InlineData("final round ahead of the summit")]
    public void Resolve_LastRoundBeforeSomething_IsNoRoundNumber(string question) => Assert.Null(Resolve(question).Round);

    [Theory]
    [InlineData("why were the 2+2 talks cancelled")]
    [InlineData("the july 9 talks")]
    [InlineData("they held 8 talks")]
    [InlineData("how long was their june 27 session")]
    [InlineData("akazawa's 2 sessions")]
    [InlineData("the session lasted 3 hours")]
    [InlineData("last talks in june")]
    [InlineData("all 8 ministerial rounds")]
    [InlineData("they held 8 ministerial talks")]
    public void Resolve_NumberNearTalksOrSessionThatIsNoOrdinal_IsNoRound(string question) => Assert.Null(Resolve(question).Round);

    [Theory]
    [InlineData("what happened on May 1", 2025, 5, 1)]
    [InlineData("what happened on 1 May 2025", 2025, 5, 1)]
    [InlineData("july 22nd", 2025, 7, 22)]
    [InlineData("what happened on the 24th of april", 2025, 4, 24)]
    [InlineData("the 1st of may 2025", 2025, 5, 1)]
    [InlineData("2025-05-30", 2025, 5, 30)]
    [InlineData("2025/7/22 deal time", 2025, 7, 22)]
    [InlineData("4/16 oval office meeting", 2025, 4, 16)]
    public void Resolve_DayDates_AreFound(string question, int year, int month, int day)
    {
        var entities = Resolve(question);
        Assert.True(entities.DayPrecision);
        Assert.Equal(new DateOnly(year, month, day), entities.From);
    }

    [Theory]
    [InlineData("was the deal announced on the 22nd or the 23rd of july", 22, 23)]
    [InlineData("signed on the 4th or 5th of september", 4, 5)]
    public void Resolve_TwoDaysOfAMonth_AreBoth(string question, int first, int last)
    {
        var entities = Resolve(question);
        Assert.True(entities.DayPrecision);
        Assert.Equal(first, entities.From!.Value.Day);
        Assert.Equal(last, entities.To!.Value.Day);
    }

    [Theory]
    [InlineData("what happened in early july", "2025-07-01", "2025-07-10")]
    [InlineData("what happened in mid-june", "2025-06-11", "2025-06-20")]
    [InlineData("the middle of june", "2025-06-11", "2025-06-20")]
    [InlineData("late may call", "2025-05-21", "2025-05-31")]
    [InlineData("at the end of august 2025", "2025-08-21", "2025-08-31")]
    [InlineData("the beginning of september", "2025-09-01", "2025-09-10")]
    [InlineData("the week of july 21", "2025-07-21", "2025-07-27")]
    [InlineData("the first week of june", "2025-06-01", "2025-06-07")]
    [InlineData("in the last week of july", "2025-07-25", "2025-07-31")]
    [InlineData("summer 2025", "2025-06-01", "2025-08-31")]
    [InlineData("in the fall of 2025", "2025-09-01", "2025-11-30")]
    [InlineData("last fall", "2025-09-01", "2025-11-30")]
    [InlineData("early summer", "2025-06-01", "2025-06-30")]
    [InlineData("late 2025", "2025-09-01", "2025-12-31")]
    [InlineData("the start of 2026", "2026-01-01", "2026-04-30")]
    public void Resolve_PartOfAMonthSeasonOrYear_IsThatSpan(string question, string from, string to)
    {
        var entities = Resolve(question);
        Assert.False(entities.DayPrecision);
        Assert.Equal(DateOnly.Parse(from, CultureInfo.InvariantCulture), entities.From);
        Assert.Equal(DateOnly.Parse(to, CultureInfo.InvariantCulture), entities.To);
    }

    [Theory]
    // A year alone, the end of something that is no time, and "fall" as a verb name no time.
    [InlineData("what happened in 2025")]
    [InlineData("what happened at the end of the talks")]
    [InlineData("did the talks fall through")]
    [InlineData("did the yen fall after the deal")]
    [InlineData("when did the late pm abe meet trump")]
    public void Resolve_PartWordWithNoTimeAfterIt_IsNoDate(string question) => Assert.Null(Resolve(question).From);

    [Fact]
    public void Resolve_StartAsAVerbBeforeAMonth_IsTheWholeMonth()
    {
        var entities = Resolve("did the 15% start in september");
        Assert.Equal(new DateOnly(2025, 9, 1), entities.From);
        Assert.Equal(new DateOnly(2025, 9, 30), entities.To);
    }

    [Fact]
    public void Mentions_DayARoundsOutcomeNames_IsMentioned()
    {
        var round = AnsweringTestFacts.Load().Find("round-1")! with { Outcome = "Akazawa and Bessent spoke again by phone on April 20, 2025." };

        Assert.Contains(new DateOnly(2025, 4, 20), s_resolver.Mentions(round).Days);
        Assert.DoesNotContain(new DateOnly(2025, 4, 20), s_resolver.Mentions(round with { Outcome = null }).Days);
    }

    [Fact]
    public void Resolve_MayAsAVerb_IsNotADate() => Assert.Null(Resolve("may japan buy more rice").From);

    [Theory]
    [InlineData("what happened between round 4 and the 10th of july")]
    [InlineData("what happened between session 4 and the 10th of july")]
    public void Resolve_RoundNumberBeforeADayOfAMonth_IsNotItsFirstDay(string question)
    {
        var entities = Resolve(question);
        Assert.Equal(new DateOnly(2025, 7, 10), entities.From);
        Assert.Equal(new DateOnly(2025, 7, 10), entities.To);
    }

    [Theory]
    [InlineData("who attended the june 13 round", 13)]
    [InlineData("the may 2 round", 2)]
    public void Resolve_DayOfAMonthBeforeRound_IsTheDayNotARoundNumber(string question, int day)
    {
        var entities = Resolve(question);
        Assert.Null(entities.Round);
        Assert.Equal(day, entities.From!.Value.Day);
    }

    [Theory]
    // A round asked for relative to the one named (the test facts' last round is round 4): a word for a round, then
    // "after" or "before" right before the round named; "next" or "following" on its own or before "one".
    [InlineData("when was the round after round 3", 4, 3)]
    [InlineData("which round came after round 1", 2, 1)]
    [InlineData("after round 2 which was next", 3, 2)]
    [InlineData("the talks before round 4", 3, 4)]
    [InlineData("who attended the round following round 1", 2, 1)]
    [InlineData("round 3, was there a next one?", 4, 3)]
    // The round placed by an ordinal after "after" or "before" ("the 2nd one"), and "the first round after" one named.
    [InlineData("whats the round after the 2nd one", 3, 2)]
    [InlineData("the session before the fourth", 3, 4)]
    [InlineData("the first round after round 1", 2, 1)]
    // The round number is where it was read, not the day that repeats it.
    [InlineData("which round came after round 2 on may 2", 3, 2)]
    // No such round: after the last, before the first.
    [InlineData("when was the round after round 4", null, 4)]
    [InlineData("where was the previous session before round 1", null, 1)]
    // Only the round named: about it and after it, both ways, a count, another "next" or "following".
    [InlineData("what happened after round 2", 2, 2)]
    [InlineData("what did akazawa say before round 3", 3, 3)]
    [InlineData("what did akazawa say after the round 3 talks", 3, 3)]
    [InlineData("the rounds before and after round 3", 3, 3)]
    [InlineData("how many rounds were held before round 4", 4, 4)]
    [InlineData("following round 3, did the us cut tariffs", 3, 3)]
    [InlineData("after the sixth round did akazawa call lutnick the next day", 6, 6)]
    public void Resolve_RoundAfterOrBeforeTheOneNamed_IsTheRoundAskedFor(string question, int? asked, int typed)
    {
        var entities = Resolve(question);
        Assert.Equal(asked, entities.Round);
        Assert.Equal(typed, entities.RoundTyped);
    }

    [Theory]
    // "The first round after…" asks for a round placed by what follows, not for round 1; "the first round" alone is.
    [InlineData("the first round after liberation day", null)]
    [InlineData("when was the first round after the election", null)]
    [InlineData("what was the first round", 1)]
    [InlineData("first round bessent attended", 1)]
    // An ordinal after "after" or "before" that is a day or names something else is no round.
    [InlineData("the last round before the 9th of july", null)]
    [InlineData("the round after the first tariff letter", null)]
    public void Resolve_FirstRoundAfterAnOccasion_IsNotRoundOne(string question, int? round) =>
        Assert.Equal(round, Resolve(question).Round);

    [Theory]
    [InlineData("which round came after the g7", true, false, "the g7")]
    [InlineData("what was the last round before the july 9 deadline", false, false, "the july 9 deadline")]
    [InlineData("round right before the deal round", false, false, "the deal round")]
    [InlineData("the first trip after the upper house election", true, true, "the upper house election")]
    [InlineData("which round of talks was held just prior to the election", false, false, "the election")]
    [InlineData("when was the next session following liberation day", true, false, "liberation day")]
    public void RoundPlaced_RoundAskedForByAnOccasionOrDay_ReadsWhichWayAndTheOccasion(string question, bool after, bool trips, string occasion)
    {
        var words = QuestionNormalizer.Words(question);

        var placed = EntityResolver.RoundPlaced(words);

        Assert.NotNull(placed);
        Assert.Equal(after, placed.After);
        Assert.Equal(trips, placed.Trips);
        Assert.Equal(occasion, string.Join(' ', words.Skip(placed.Occasion)));
    }

    [Theory]
    // Something else asked about the occasion, several rounds, a count, both ways, no occasion, a round not asked for.
    [InlineData("what did akazawa say after the g7")]
    [InlineData("what was discussed at the round after the g7")]
    [InlineData("which rounds came after the g7")]
    [InlineData("how many rounds before the election")]
    [InlineData("the round before and after the g7")]
    [InlineData("which round came after")]
    [InlineData("round 4 agenda")]
    [InlineData("did akazawa meet bessent after round 4")]
    // Which one is unclear: the first before, the last after.
    [InlineData("the first round before the deadline")]
    [InlineData("the last trip after the g7")]
    public void RoundPlaced_OtherQuestion_IsNull(string question) =>
        Assert.Null(EntityResolver.RoundPlaced(QuestionNormalizer.Words(question)));

    [Theory]
    // Which came first (asked first or last; "first" is read as 1), before or after, and yes or no either way; a verb
    // closing the first occasion is not part of its name.
    [InlineData("which came first, the tariff letter or round 7", "the tariff letter", "round 7", null)]
    [InlineData("what happened earlier: liberation day or the g7?", "liberation day", "the g7", null)]
    [InlineData("round 3 or round 5, which came first", "round 3", "round 5", null)]
    [InlineData("was liberation day before or after the car tariff announcement", "liberation day", "the car tariff announcement", null)]
    [InlineData("did the eo come before the mou signing", "the eo", "the mou signing", true)]
    [InlineData("was round 3 held before liberation day", "round 3", "liberation day", true)]
    [InlineData("did ishiba's resignation happen after the eo", "ishiba resignation", "the eo", false)]
    public void OrderOf_TwoOccasionsInOrder_ReadsBothAndWhichWay(string question, string first, string second, bool? before)
    {
        var order = EntityResolver.OrderOf(QuestionNormalizer.Words(question));

        Assert.NotNull(order);
        Assert.Equal(first, string.Join(' ', order.First));
        Assert.Equal(second, string.Join(' ', order.Second));
        Assert.Equal(before, order.Before);
    }

    [Theory]
    // Not an order question: no second occasion, a choice that is not about order, more than two, both ways at once.
    [InlineData("which came first")]
    [InlineData("what was the first round")]
    [InlineData("who came first, akazawa or bessent at the talks, and why")]
    [InlineData("lutnick commerce or treasury?")]
    [InlineData("which came first, round 1, round 2 or round 3 or round 4")]
    [InlineData("did akazawa meet bessent before and after round 4")]
    [InlineData("what happened before the g7")]
    // Yes or no without a verb of occurring: whether something happened, how it went, a state.
    [InlineData("did akazawa meet bessent after round 4")]
    [InlineData("was the us side happy after the april 16 talks")]
    [InlineData("is the car tariff still 25% after the deal")]
    [InlineData("did ishiba resign after the eo was signed")]
    public void OrderOf_OtherQuestion_IsNull(string question) =>
        Assert.Null(EntityResolver.OrderOf(QuestionNormalizer.Words(question)));

    [Fact]
    public void Resolve_MayAfterThe_IsTheMonth() => Assert.Equal(new DateOnly(2025, 5, 1), Resolve("how long was the may call").From);

    [Fact]
    public void Resolve_MonthAlone_IsTheWholeMonth()
    {
        var entities = Resolve("what happened in june");
        Assert.False(entities.DayPrecision);
        Assert.Equal(new DateOnly(2025, 6, 1), entities.From);
        Assert.Equal(new DateOnly(2025, 6, 30), entities.To);
    }

    [Fact]
    public void Resolve_NoEntity_IsEmpty() => Assert.False(Resolve("what is the weather like").Any);

    /// <summary>Three posts: one held by one person, a lesser post of the same department, and one two people held.</summary>
    private const string Posts = """
        people:
          - id: defense-secretary
            name: Dana Field
            side: us
            text: Dana Field is the US Secretary of Defense.
            roles:
              - title: US Secretary of Defense
                sources: [s1]
            as_of: 2025-06-01
            sources: [s1]
            phrasings: ["who is dana field"]
          - id: policy-chief
            name: Lee Moss
            side: us
            text: Lee Moss is the Under Secretary of Defense for Policy.
            roles:
              - title: US Under Secretary of Defense for Policy
                sources: [s1]
            as_of: 2025-06-01
            sources: [s1]
            phrasings: ["who is lee moss"]
          - id: finance-one
            name: Aki Mori
            side: japan
            text: Aki Mori was Minister of Finance in the first cabinet.
            roles:
              - title: Minister of Finance (first cabinet)
                sources: [s1]
            as_of: 2025-06-01
            sources: [s1]
            phrasings: ["who is aki mori"]
          - id: finance-two
            name: Kei Sato
            side: japan
            text: Kei Sato is Minister of Finance in the second cabinet.
            roles:
              - title: Minister of Finance (second cabinet)
                sources: [s1]
            as_of: 2025-06-01
            sources: [s1, s2, s3]
            phrasings: ["who is kei sato"]
        """;

    private static readonly Lazy<EntityResolver> s_posts = new(() =>
    {
        using var folder = new FactFolder().Write("sources.yaml", AnsweringTestFacts.Sources).Write("people.yaml", Posts);
        return new EntityResolver(AnswerHarness.LoadFacts(folder.Path));
    });

    private static IReadOnlySet<string> People(string question) => s_posts.Value.Resolve(QuestionNormalizer.Words(question)).People;

    [Theory]
    // A post one person held names them, with or without the side ("the us secretary of defense" and "secretary of
    // defense"), and in full, qualifiers included.
    [InlineData("who is the us secretary of defense", "defense-secretary")]
    [InlineData("who's the secretary of defense", "defense-secretary")]
    [InlineData("under secretary of defense for policy", "policy-chief")]
    public void Resolve_PostOnePersonHeld_NamesThem(string question, string id) => Assert.Equal([id], People(question));

    [Theory]
    // "under secretary of defense" is a lesser post than the one its last words name; it is not the secretary's.
    [InlineData("who is the under secretary of defense")]
    [InlineData("who is the deputy secretary of defense")]
    [InlineData("who is the deputy us secretary of defense")]
    [InlineData("assistant secretary of defense for policy")]
    // A post two people held names neither: the question's time decides between them.
    [InlineData("who is the minister of finance")]
    public void Resolve_LesserPostOrOneSeveralHeld_NamesNobody(string question) => Assert.Empty(People(question));
}
