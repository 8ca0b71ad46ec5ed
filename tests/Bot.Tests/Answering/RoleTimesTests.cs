using Bot.Answering;
using Bot.Answering.Evaluation;
using Bot.Facts;

namespace Bot.Tests.Answering;

public sealed class RoleTimesTests
{
    private const string People = """
        people:
          - id: old-pm
            name: Taro Former
            side: japan
            text: Prime minister before the talks.
            roles:
              - title: Prime Minister of Japan
                from: 2024-10
                to: 2025-10-21
                sources: [s1]
            as_of: 2025-10-21
            sources: [s1]
            phrasings: ["who is former"]
          - id: new-pm
            name: Hanako Current
            side: japan
            text: Prime minister after the talks.
            roles:
              - title: Prime Minister of Japan
                from: 2025-10-21
                sources: [s1]
              - title: President of the Liberal Democratic Party
                from: 2025-10-04
                sources: [s1]
            as_of: 2025-11-01
            sources: [s1]
            phrasings: ["who is current"]
          - id: finance
            name: Jiro Money
            side: japan
            text: Finance minister.
            roles:
              - title: Minister of Finance
                from: 2024-10
                to: 2025-10-21
                sources: [s1]
            as_of: 2025-10-21
            sources: [s1]
            phrasings: ["who is money"]
          - id: defense-former
            name: Saburo Shield
            side: japan
            text: Defense minister in the Former cabinet.
            roles:
              - title: Minister of Defense (Former cabinet)
                to: 2025-10-21
                sources: [s1]
            as_of: 2025-10-21
            sources: [s1]
            phrasings: ["who is shield"]
          - id: foreign-former
            name: Rokuro Abroad
            side: japan
            text: Foreign minister in the Former cabinet.
            roles:
              - title: Minister for Foreign Affairs (Former cabinet)
                to: 2025-10-21
                sources: [s1]
            as_of: 2025-10-21
            sources: [s1]
            phrasings: ["who is abroad"]
          - id: meti-new
            name: Shichiro Industry
            side: japan
            text: METI minister.
            roles:
              - title: Minister of Economy, Trade and Industry (METI)
                from: 2025-10-21
                sources: [s1]
            as_of: 2025-10-21
            sources: [s1]
            phrasings: ["who is industry"]
          - id: trade-undated-start
            name: Shiro Port
            side: japan
            text: Trade minister until 2025.
            roles:
              - title: Minister of Trade
                to: 2025-10-21
                sources: [s1]
            as_of: 2025-10-21
            sources: [s1]
            phrasings: ["who is port"]
          - id: defense-seen
            name: Hachiro Seen
            side: japan
            text: Defense minister, in office in January 2024.
            roles:
              - title: Minister of Defense (in office in January 2024)
                sources: [s1]
            as_of: 2024-01-31
            sources: [s1]
            phrasings: ["who is seen"]
          - id: defense-next
            name: Kuro Shinobi
            side: japan
            text: Defense minister from February 2024.
            roles:
              - title: Minister of Defense
                from: 2024-02-01
                sources: [s1]
            as_of: 2024-02-01
            sources: [s1]
            phrasings: ["who is shinobi"]
          - id: justice-seen
            name: Juichi Law
            side: japan
            text: Justice minister, in office in January 2024.
            roles:
              - title: Minister of Justice (in office in January 2024)
                sources: [s1]
            as_of: 2024-01-31
            sources: [s1]
            phrasings: ["who is law"]
          - id: justice-next
            name: Juni Court
            side: japan
            text: Justice minister from March 2024.
            roles:
              - title: Minister of Justice
                from: 2024-03-01
                sources: [s1]
            as_of: 2024-03-01
            sources: [s1]
            phrasings: ["who is court"]
          - id: envoy-2019
            name: Juro Envoy
            side: japan
            text: Ambassador to the United States, last recorded in 2019.
            roles:
              - title: Ambassador of Japan to the United States
                sources: [s1]
            as_of: 2019-10-07
            sources: [s1]
            phrasings: ["who is envoy"]
          - id: envoy-2025
            name: Kenta Resident
            side: us
            text: Ambassador to Japan, recorded during the talks.
            roles:
              - title: Ambassador of the United States to Japan
                sources: [s1]
            as_of: 2025-07-20
            sources: [s1]
            phrasings: ["who is resident"]
          - id: envoy-dated
            name: Goro Envoy
            side: us
            text: US ambassador to Japan from April 2025.
            roles:
              - title: Ambassador of the United States to Japan
                from: 2025-04-01
                sources: [s1]
            as_of: 2025-07-20
            sources: [s1]
            phrasings: ["who is goro"]
          - id: vp-early
            name: Isamu Deputy
            side: us
            text: Vice President, recorded early in the year the talks began.
            roles:
              - title: Vice President of the United States
                sources: [s1]
            as_of: 2025-03-01
            sources: [s1]
            phrasings: ["who is deputy"]
          - id: chair
            name: Goro Board
            side: us
            text: Chairs a committee.
            roles:
              - title: Chair of the investment committee for the $550 billion (under the MOU)
                from: 2025-09-04
                sources: [s1]
            as_of: 2025-10-21
            sources: [s1]
            phrasings: ["who is board"]
        """;

    private const string Rounds = """
        rounds:
          - id: round-1
            number: 1
            title: Round 1
            date: 2025-04-16
            place: Washington, D.C.
            text: The first round.
            as_of: 2025-04-16
            sources: [s1]
            phrasings: ["round 1"]
          - id: round-2
            number: 2
            title: Round 2
            date: 2025-05-01
            place: Washington, D.C.
            text: The second round.
            as_of: 2025-05-01
            sources: [s1]
            phrasings: ["round 2"]
        """;

    private static readonly FactBase s_facts = Load();
    private static readonly Analyzer s_analyzer = new(new SynonymTable([["pm", "prime minister"]]));
    private static readonly RoleTimes s_roles = new(s_facts, s_analyzer);
    private static readonly EntityResolver s_entities = new(s_facts);

    private static FactBase Load()
    {
        using var folder = new FactFolder().Write("sources.yaml", FactFolder.MinimalSources).Write("people.yaml", People).Write("rounds.yaml", Rounds);
        return AnswerHarness.LoadFacts(folder.Path);
    }

    private static int? Fit(string question, string person) => Fit(s_roles, s_analyzer, s_entities, s_facts, question, person);

    /// <summary>How a person's posts fit the time a question names, as the engine reads it; null when it names none.</summary>
    internal static int? Fit(RoleTimes roles, Analyzer analyzer, EntityResolver entities, FactBase facts, string question, string person)
    {
        var words = QuestionNormalizer.Words(question);
        var terms = analyzer.Terms(words);
        return roles.Frame(words, terms, entities.Resolve(words)) is { } frame ? roles.Fit(facts.Find(person)!, terms, frame) : null;
    }

    private static (int Old, int New, int Finance)? Fits(string question) =>
        Fit(question, "old-pm") is { } old ? (old, Fit(question, "new-pm")!.Value, Fit(question, "finance")!.Value) : null;

    [Theory]
    [InlineData("who is the current prime minister", -1, 1)]
    [InlineData("who is pm now", -1, 1)]
    [InlineData("who was pm during the tariff talks", 1, -1)]
    [InlineData("who was the pm in may 2025", 1, -1)]
    [InlineData("who was prime minister in 2024", 1, -1)]
    [InlineData("the former prime minister", 1, -1)]
    [InlineData("who was pm in 2024, not now", 1, -1)]
    // A post asked for in the present tense is asked for now; "when the deal was made" is the last round's day.
    [InlineData("who is the prime minister", -1, 1)]
    [InlineData("who's pm", -1, 1)]
    [InlineData("who was pm when the deal was made", 1, -1)]
    [InlineData("who was prime minister at the time of the deal", 1, -1)]
    // "new" is the holder now: the newest one the fact base has.
    [InlineData("the new prime minister", -1, 1)]
    public void Fit_PostAndTime_PrefersWhoHeldThePostThen(string question, int old, int @new)
    {
        var fits = Fits(question);
        Assert.NotNull(fits);
        Assert.Equal(old, fits.Value.Old);
        Assert.Equal(@new, fits.Value.New);
        Assert.Equal(0, fits.Value.Finance);
    }

    [Theory]
    // A post with only an end, in a named cabinet, was held from that cabinet's start (the Former PM's term), and
    // perhaps before it.
    [InlineData("who was defense minister during the talks", "defense-former", 1)]
    [InlineData("defense minister in 2018", "defense-former", 0)]
    [InlineData("who is the defense minister now", "defense-former", -1)]
    [InlineData("who was foreign minister during the talks", "foreign-former", 1)]
    [InlineData("who is the current foreign minister", "foreign-former", -1)]
    // A post with only an end and no cabinet: unknown before that end.
    [InlineData("who was trade minister in 2018", "trade-undated-start", 0)]
    [InlineData("who was trade minister in 2025", "trade-undated-start", 1)]
    [InlineData("trade minister now", "trade-undated-start", -1)]
    // Qualifiers of a post ("for the $550 billion", "(under the MOU)") are not part of its name.
    [InlineData("who chairs the investment committee now", "chair", 1)]
    [InlineData("who signed the mou, as of now", "chair", 0)]
    [InlineData("who is the chair for the $550 billion now", "chair", 0)]
    // An acronym in parentheses names the post.
    [InlineData("who is the meti minister now", "meti-new", 1)]
    // "(in office in January 2024)" says when the post was held, not when the term began or ended.
    [InlineData("who was defense minister in january 2024", "defense-seen", 1)]
    [InlineData("who was defense minister in 2024", "defense-seen", 1)]
    [InlineData("who was defense minister in 2018", "defense-seen", 0)]
    [InlineData("who was defense minister in february 2024", "defense-seen", 0)]
    [InlineData("who was defense minister in december 2023", "defense-seen", 0)]
    [InlineData("who is the defense minister now", "defense-seen", 0)]
    [InlineData("the former defense minister", "defense-seen", 0)]
    // An undated post of someone last recorded before the talks began is not known to be held since; one recorded
    // during them stays unknown.
    [InlineData("who is the ambassador now", "envoy-2019", -1)]
    [InlineData("who was ambassador during the talks", "envoy-2019", -1)]
    [InlineData("ambassador in 2026", "envoy-2019", -1)]
    [InlineData("the former ambassador", "envoy-2019", 1)]
    [InlineData("who was ambassador in 2019", "envoy-2019", 0)]
    [InlineData("who is the ambassador now", "envoy-2025", 0)]
    [InlineData("the former ambassador", "envoy-2025", 0)]
    // Recorded before the first round but in the same year: not stale.
    [InlineData("who is the vice president now", "vp-early", 0)]
    public void Fit_PostsWithPartialDatesOrQualifiers_AreReadAsTheirTitlesSay(string question, string person, int expected) =>
        Assert.Equal(expected, Fit(question, person));

    [Theory]
    // Present tense, but about succession or with a verb in the past: no time is implied.
    [InlineData("who is the finance minister before money")]
    [InlineData("who is the pm who resigned")]
    [InlineData("who is the prime minister that met trump")]
    [InlineData("who was the prime minister")]
    [InlineData("who negotiated for japan")]
    // Another deal than the one the talks ended in.
    [InlineData("who was prime minister when the tomahawk deal was signed")]
    public void Frame_NoTimeInQuestion_IsNone(string question) => Assert.Null(Fits(question));

    [Fact]
    public void Fit_TimeButNoPostOfTheirs_IsNeutral() => Assert.Equal((0, 0, 0), Fits("what happened in 2024"));

    [Theory]
    [InlineData("who replaced taro as prime minister", "new-pm")]
    [InlineData("who succeeded taro", "new-pm")]
    [InlineData("who took over from taro", "new-pm")]
    [InlineData("who was prime minister after taro", "new-pm")]
    [InlineData("taro was replaced by whom", "new-pm")]
    [InlineData("who did hanako replace", "old-pm")]
    [InlineData("who was pm before hanako", "old-pm")]
    [InlineData("hanako's predecessor", "old-pm")]
    [InlineData("who was replaced by hanako", "old-pm")]
    public void Adjacent_SuccessionQuestion_FindsTheNextOrPreviousHolderOfThePost(string question, string expected) =>
        Assert.Equal([expected], Adjacent(question));

    [Theory]
    // Nobody took the finance post in the fixture.
    [InlineData("who was finance minister after jiro")]
    // "Minister of Trade" shares one word with "Minister of Economy, Trade and Industry": not the same post.
    [InlineData("who was meti minister after shiro")]
    [InlineData("who replaced shiro")]
    // Asks for a date, not a person.
    [InlineData("when did hanako take over as minister")]
    // "before" alone, with no post of hers named, does not ask for her predecessor.
    [InlineData("who handled the talks before hanako")]
    // "took part" is not "took over".
    [InlineData("who took part in the meeting with taro")]
    // A month a post was known to be held in is not when its term ended or began: no handover from it.
    [InlineData("who replaced hachiro")]
    [InlineData("who was defense minister before kuro")]
    // Naming two people, or nobody.
    [InlineData("who replaced taro or jiro")]
    [InlineData("who replaced the prime minister")]
    public void Adjacent_NoSuccessionAsked_IsEmpty(string question) => Assert.Empty(Adjacent(question));

    private static IReadOnlySet<string> Adjacent(string question)
    {
        var words = QuestionNormalizer.Words(question);
        var entities = s_entities.Resolve(words);
        return s_roles.Adjacent(words, s_analyzer.Terms(words), entities, Answerer.AnswerIsPerson(words, QuestionClassifier.Classify(words), entities));
    }

    [Theory]
    [InlineData("who is pm now", null, "new-pm")]
    [InlineData("who was pm when the deal was made", null, "old-pm")]
    [InlineData("who was pm during the tariff talks", null, "old-pm")]
    [InlineData("who was finance minister during the talks", null, "finance")]
    // Over more than a day, all through it: two prime ministers in 2025, and the finance minister only from October 2024.
    [InlineData("who was pm in 2025", null, null)]
    [InlineData("who was finance minister in 2024", null, null)]
    [InlineData("who was finance minister in 2025", null, null)]
    [InlineData("who was finance minister in may 2025", null, "finance")]
    // Nobody: the finance post ended and nobody took it.
    [InlineData("who is the finance minister now", null, null)]
    // Over a month, the Former cabinet's defense minister may have held the post too, as far as the dates say (the post
    // has only an end and a cabinet, whose start is no more than a lower bound).
    [InlineData("who was defense minister in january 2024", null, null)]
    // On one day a post has one holder: the one the dates put in it, though another's dates cannot tell.
    [InlineData("who is the defense minister now", null, "defense-next")]
    // Someone known in the post only in a month before the holder's term began had left it by then; between that month
    // and the term, the dates cannot tell.
    [InlineData("who was justice minister in may 2024", null, "justice-next")]
    [InlineData("who was justice minister in february 2024", null, null)]
    // Words for a post not in its name: another post.
    [InlineData("who is the vice defense minister now", null, null)]
    // Ambassadors of both sides: only with the side asked for.
    [InlineData("who is the ambassador now", null, null)]
    [InlineData("who is the ambassador now", Side.UnitedStates, "envoy-dated")]
    [InlineData("who is the ambassador now", Side.Japan, null)]
    public void OnlyHolder_PostAndTime_IsTheOnePersonTheDatesPutInIt(string question, Side? side, string? expected)
    {
        var words = QuestionNormalizer.Words(question);
        var terms = s_analyzer.Terms(words);
        var frame = s_roles.Frame(words, terms, s_entities.Resolve(words));
        Assert.NotNull(frame);
        Assert.Equal(expected, s_roles.OnlyHolder(terms, frame, side));
    }

    [Theory]
    [InlineData("who was pm before hanako", "hanako")]
    [InlineData("who replaced taro", "taro")]
    [InlineData("hanako's predecessor", "hanako")]
    [InlineData("who was replaced by hanako", "hanako")]
    public void AdjacentTo_SuccessionAsked_IsThePersonNamed(string question, string name)
    {
        var words = QuestionNormalizer.Words(question);
        var entities = s_entities.Resolve(words);
        var person = s_roles.AdjacentTo(words, s_analyzer.Terms(words), entities, Answerer.AnswerIsPerson(words, QuestionClassifier.Classify(words), entities));
        Assert.Equal(s_facts.People.Single(p => p.Title.Contains(name, StringComparison.OrdinalIgnoreCase)).Id, person);
    }

    [Theory]
    [InlineData("what did hanako do before the talks")]
    [InlineData("who met taro")]
    [InlineData("when did hanako take over")]
    // A bare "after" with no post of hers named: who went after her may well be her.
    [InlineData("who went to washington after hanako")]
    public void AdjacentTo_NoSuccessionAsked_IsNull(string question)
    {
        var words = QuestionNormalizer.Words(question);
        var entities = s_entities.Resolve(words);
        Assert.Null(s_roles.AdjacentTo(words, s_analyzer.Terms(words), entities, Answerer.AnswerIsPerson(words, QuestionClassifier.Classify(words), entities)));
    }

    [Theory]
    [InlineData("who is finance minister now", true)]
    [InlineData("who's the us trade rep these days", true)]
    [InlineData("is kato still finance minister", true)]
    [InlineData("not the negotiator anymore?", true)]
    [InlineData("was ishiba still pm when the deal was signed", false)]
    [InlineData("did japan still accept the rate", false)]
    [InlineData("who was finance minister in april", false)]
    public void AsksNow_PresentCuesUnlessThePastTense(string question, bool now) =>
        Assert.Equal(now, RoleTimes.AsksNow(QuestionNormalizer.Words(question)));
}
