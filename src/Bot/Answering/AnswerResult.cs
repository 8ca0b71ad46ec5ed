using Bot.Facts;

namespace Bot.Answering;

/// <summary>One candidate fact with its fused score and the lexical and semantic parts of it.</summary>
public sealed record RankedFact(Fact Fact, double Score, double Lexical, double Semantic);

/// <summary>
/// The engine's verdict on one question: candidates best first, a calibrated confidence, whether it abstains,
/// and "did you mean" facts when it does.
/// </summary>
public sealed record AnswerResult
{
    public required string Question { get; init; }
    public required FactBase Facts { get; init; }
    public required IReadOnlyList<RankedFact> Ranked { get; init; }
    public required double Confidence { get; init; }
    public required bool Abstained { get; init; }
    public required QuestionType Type { get; init; }
    public IReadOnlyList<Fact> Suggestions { get; init; } = [];

    /// <summary>With an answer, the facts that ranked close behind it and overlap it (a person or a day in common, or
    /// one is the other's person): the signing on the trip it answered with, the round the person attended. They are
    /// offered as follow-ups, and the answer itself may have been a near miss for one of them.</summary>
    public IReadOnlyList<Fact> Related { get; init; } = [];

    /// <summary>Whether the question asks only for what its top fact's record holds (the one occasion of a day, who took
    /// part in a round), in which case it is answered whatever the model's confidence, as a curated question is.</summary>
    public RecordAnswer Record { get; init; }

    /// <summary>Why the top fact cannot be what was asked, whatever its score: the engine then abstains, and offers it
    /// as no suggestion.</summary>
    public RuledOut RuledOut { get; init; }

    /// <summary>For a question that asks only what happened on a day or in a month that has several events and rounds
    /// (<see cref="RecordAnswer.OccasionsOfTheTime"/>), all of them in date order: the answer lists them.</summary>
    public IReadOnlyList<Fact> Occasions { get; init; } = [];

    /// <summary>For a question that asks only who negotiated (<see cref="RecordAnswer.Negotiators"/>), the people of the
    /// side or sides asked at the rounds and later meetings, most numbered rounds first: the answer lists them.</summary>
    internal IReadOnlyList<Negotiator> Negotiators { get; init; } = [];

    /// <summary>For a question that asks which rounds a person was at (<see cref="RecordAnswer.RoundsAttended"/>), the
    /// numbered rounds and later meetings the rounds' records put them at.</summary>
    internal Negotiator? Attendance { get; init; }

    /// <summary>For a question that asks for one meeting of some people by its number
    /// (<see cref="RecordAnswer.NumberedMeeting"/>), which one it is of how many, and the people.</summary>
    internal MeetingNumbered? Meeting { get; init; }

    /// <summary>For such a question typed in Japanese script, each of <see cref="Negotiators"/>' name in Japanese (null
    /// where the glossary has none) and profile in Japanese (null where not translated).</summary>
    internal IReadOnlyList<JapaneseNegotiator> JapaneseNegotiators { get; init; } = [];

    /// <summary>For a question that asks only what is new (<see cref="RecordAnswer.Latest"/>), the latest events and
    /// rounds, newest first: the answer lists them.</summary>
    public IReadOnlyList<Fact> Latest { get; init; } = [];

    /// <summary>For a question that asks only what is disputed (<see cref="RecordAnswer.Disputes"/>), every fact whose
    /// accounts differ, in date order (an undated one by its as-of date): the answer lists them.</summary>
    public IReadOnlyList<Fact> Disputed { get; init; } = [];

    /// <summary>For a question that asks for the tariff rate on some goods over a time in which it changed, or how it went
    /// (<see cref="RecordAnswer.RatesOverTime"/>), the rates in force then, in the order they began: the answer lists
    /// them. The top fact is the one in force at the end of that time.</summary>
    public IReadOnlyList<Fact> Rates { get; init; } = [];

    /// <summary>The goods <see cref="Rates"/> were charged on, as the fact base names them ("cars"; "goods": most goods).</summary>
    public string? RatesOn { get; init; }

    /// <summary>For a question that asks for the whole of a fact with an overview (<see cref="RecordAnswer.Overview"/>),
    /// its parts in the overview's order: the answer lists them after the fact; for one that asks what is bought under it
    /// (<see cref="RecordAnswer.Purchases"/>), the purchases among them.</summary>
    public IReadOnlyList<Fact> Parts { get; init; } = [];

    /// <summary>For a yes-or-no question whether the rate on some goods is a number (<see cref="RecordAnswer.RateInForce"/>:
    /// "is the steel tariff still 50%?"), whether the rate in force then is that number, and its number; null for any
    /// other question, or a rate with no number.</summary>
    internal (bool Is, decimal Percent)? RateCheck { get; init; }

    /// <summary>For such a question typed in Japanese script, each of <see cref="Occasions"/> in Japanese, where it has a
    /// current translation (null where not).</summary>
    internal IReadOnlyList<JapaneseAnswer?> JapaneseOccasions { get; init; } = [];

    /// <summary>For a question that asks what is new typed in Japanese script (「最新情報は？」), each of <see cref="Latest"/>
    /// in Japanese, where it has a current translation (null where not).</summary>
    internal IReadOnlyList<JapaneseAnswer?> JapaneseLatest { get; init; } = [];

    /// <summary>For a question that asks what is bought typed in Japanese script (「日本は何を買うことに合意した？」), each of
    /// <see cref="Parts"/> in Japanese, where it has a current translation (null where not).</summary>
    internal IReadOnlyList<JapaneseAnswer?> JapaneseParts { get; init; } = [];

    /// <summary>For a question that asks what is disputed typed in Japanese script (「情報源で食い違いがあるのは？」), each of
    /// <see cref="Disputed"/> in Japanese, where it has a current translation (null where not).</summary>
    internal IReadOnlyList<JapaneseAnswer?> JapaneseDisputed { get; init; } = [];

    /// <summary>For a question about rates over a time typed in Japanese script, each of <see cref="Rates"/> in Japanese,
    /// where it has a current translation (null where not).</summary>
    internal IReadOnlyList<JapaneseAnswer?> JapaneseRates { get; init; } = [];

    /// <summary>For such a question, <see cref="RatesOn"/> in Japanese, when the glossary has it ("自動車").</summary>
    internal string? JapaneseRatesOn { get; init; }

    /// <summary>For a question that asks which round came first after, or last before, an occasion or a day
    /// (<see cref="RecordAnswer.RoundPlaced"/>), what placed the round answered.</summary>
    public RoundPlacement? Placement { get; init; }

    /// <summary>For a question that asks in which order two occasions came (<see cref="RecordAnswer.OccasionsInOrder"/>),
    /// the two as the question names them.</summary>
    public OccasionOrder? Order { get; init; }

    /// <summary>The question as the engine read it (normalised, spelling corrected).</summary>
    public string Interpreted { get; init; } = "";

    /// <summary>For a question typed in Japanese script, the English words it was read as (for a follow-up in Japanese
    /// script, the English reading it was answered as); null otherwise. Not null is what makes the answer Japanese; an
    /// empty one answers in Japanese without a "Read as" line (a follow-up's reply says its reading its own way).</summary>
    public string? ReadAs { get; init; }

    /// <summary>For a question typed in Japanese script answered by a person, their name as the glossary writes it in
    /// Japanese ("赤沢亮正"), so the asker can see who is meant; null otherwise.</summary>
    public string? JapaneseName { get; init; }

    /// <summary>For a question typed in Japanese script, the answer's fact in Japanese, where it has a current
    /// translation; null otherwise.</summary>
    internal JapaneseAnswer? Japanese { get; init; }

    /// <summary>What the confidence was computed from (for calibration and diagnostics).</summary>
    internal ConfidenceFeatures Features { get; init; }

    /// <summary>The question's words as read (normalised, spelling corrected), its search terms and what it names, and
    /// its sentence vector (null without semantic ranking): what <see cref="AnswerExplainer"/> shows.</summary>
    internal IReadOnlyList<string> Words { get; init; } = [];

    internal IReadOnlyList<string> Terms { get; init; } = [];

    internal Entities? Entities { get; init; }

    internal float[]? Vector { get; init; }

    public Fact? Best => Abstained || Ranked.Count == 0 ? null : Ranked[0].Fact;

    /// <summary>What a follow-up's pronouns may point back to: the answer, or after an abstention on a question that asked
    /// who, the person suggested first ("who was pm when japan approved 105 more f-35s" abstains offering Abe; "who was his
    /// chief cabinet secretary" is about him), or after a near miss (a confidence of 0.7 or more) the fact suggested first
    /// ("how many f-35s did abe approve in 2018" abstains at 0.86 offering the 105 F-35s; "how many of those are f35b"
    /// is about them). A follow-up read that way still has to answer, and as surely as the question read alone.</summary>
    public Fact? Subject => Best ?? (Type == QuestionType.Who && Suggestions is [{ Kind: FactKind.Person } first, ..] ? first : null)
        ?? (Confidence >= 0.7 && Suggestions is [var likeliest, ..] ? likeliest : null);
}

/// <summary>What placed a round: the occasion the question named (null when it typed a day or month) and its date or
/// span, whether the round is the first after it or the last before it, whether the question asked for a trip (of any
/// kind) rather than a numbered round, and how sure the engine was of the occasion (its answer's confidence; null for a
/// day typed).</summary>
public sealed record RoundPlacement(Fact? Occasion, PartialDate From, PartialDate To, bool After, bool Trip, double? Sure)
{
    /// <summary>The occasion's day or span as shown: "June 16, 2025", "June 5, 2025 to June 6, 2025", "July 2025".</summary>
    public string When => From == To ? From.ToDisplay() : $"{From.ToDisplay()} to {To.ToDisplay()}";
}

/// <summary>Two occasions a question asks the order of, as it names them: whether it asks if the first came before the
/// second (true), after it (false) or which came first (null), and how surely both were read (the lesser
/// confidence).</summary>
public sealed record OccasionOrder(Fact First, Fact Second, bool? AskedBefore, double Sure)
{
    /// <summary>The earlier of the two (the first named, when they share a day).</summary>
    public Fact Earlier => Second.Date!.Value.Start < First.Date!.Value.Start ? Second : First;

    public Fact Later => ReferenceEquals(Earlier, First) ? Second : First;

    /// <summary>Whether their days overlap: the same day, or a span that includes the other's day or span, so neither
    /// came first.</summary>
    public bool Overlap => First.Date!.Value.Start <= (Second.EndDate ?? Second.Date!.Value).End
        && Second.Date!.Value.Start <= (First.EndDate ?? First.Date!.Value).End;

    /// <summary>What the answer is about: for "did the eo come before the mou signing", the first named; for "which came
    /// first", the earlier.</summary>
    public Fact Answer => AskedBefore is null ? Earlier : First;
}

/// <summary>Why the fact ranked first cannot be what a question asks for.</summary>
public enum RuledOut
{
    /// <summary>Nothing rules it out.</summary>
    None,

    /// <summary>"Who was the finance minister during the talks": asked who held a post at a time, and by the dates the
    /// fact base has, this person did not hold a post of that name then.</summary>
    PostNotHeldThen,

    /// <summary>"Who was pm before ishiba", "who other than takaichi has been pm": asked who came before or after this very
    /// person, or who else besides them.</summary>
    IsThePersonNamed,

    /// <summary>"Who is japan's ambassador to the us now": asked for one side's holder of a post, and this person is of
    /// the other side.</summary>
    OtherSide,

    /// <summary>"What rate do cars pay from october 2025": asked for the tariff rate on some goods at a time, and by the
    /// dates the fact base gives its rates, this rate on those goods was not the rate then
    /// (<see cref="RatesInForce.NotInForceThen"/>).</summary>
    RateNotInForceThen,

    /// <summary>"What came out of takaichi's white house visit on march 19, 2026" when the fact base runs to February
    /// 2026: asked about a day or month after the fact base's last, and this fact is neither dated then nor mentions
    /// it.</summary>
    AfterTheFactBase,

    /// <summary>"When did the consultation committee hold its 3rd meeting" when this fact is its "First meeting": asked
    /// about one occurrence by its ordinal, and this fact's title (or an alias) numbers another.</summary>
    OtherOccurrence,

    /// <summary>"What was discussed at the first consultation committee meeting", "what did akazawa and lutnick discuss on
    /// their july 3 call": asked what an occasion took up, and this event or round says nothing of it (no topics, no
    /// "discussed", "about", "agreed", "came up"…).</summary>
    TopicsNotStated,

    /// <summary>"What time did round 2 start": asked for a time of day, and this fact's text states none for what is
    /// asked (Round 8's "posted 7:12 pm" is when the deal was posted, not when the Oval Office meeting began).</summary>
    TimeOfDayNotStated,

    /// <summary>"What day in december 2022 did the cabinet approve the tomahawk budget": asked for a day, and this fact
    /// is dated only to the month or year (or not at all) and neither its text nor its roles give a day.</summary>
    DayNotStated,

    /// <summary>"Which white house official told yomiuri the pharma rate is capped", "ogushi's first name": asked who
    /// said something, and this fact gives it as said by someone it does not name; or asked for a full name, and this
    /// fact is no one's profile.</summary>
    NameNotGiven,

    /// <summary>"Japan's vehicle exports to the us in 2025" when this figure is for 2024: asked for a figure in a year,
    /// and this figure is neither dated then nor mentions that year.</summary>
    YearNotCovered,

    /// <summary>"Who else was on japan's team at round 5 besides akazawa": asked who took part besides the people named,
    /// and this fact names no one else (of the side asked).</summary>
    NoOneElseNamed,

    /// <summary>"Where did lutnick tour in tokyo", "where was the 2019 trade agreement signed": asked where something
    /// happened, and this fact says it happened at no place but those the question gives as where ("in tokyo").</summary>
    PlaceNotStated,

    /// <summary>"When did bessent become treasury secretary": asked when the person named took (or left) a post, and
    /// this profile gives that post with no date at that end.</summary>
    PostTimeNotStated,

    /// <summary>"What did japan's agriculture minister say about the rice deal": asked of someone by a post no one in the
    /// fact base holds, and this fact does not name that post.</summary>
    PostNotKnown,
}

internal static class RuledOutExtensions
{
    /// <summary>Ruled out for not giving the detail asked (the time of day, the day, a name, a year's figure, what was
    /// discussed, the place): the fact is about what was meant, so it is the first suggestion; any other reason makes it
    /// another occasion or person.</summary>
    public static bool LeavesOutTheDetail(this RuledOut ruledOut) =>
        ruledOut is RuledOut.TopicsNotStated or RuledOut.TimeOfDayNotStated or RuledOut.DayNotStated or RuledOut.NameNotGiven
            or RuledOut.YearNotCovered or RuledOut.NoOneElseNamed or RuledOut.PlaceNotStated or RuledOut.PostTimeNotStated
            or RuledOut.PostNotKnown;
}

/// <summary>The <paramref name="Number"/>th of the <paramref name="Of"/> rounds and meetings whose records list all of
/// <paramref name="People"/>, in date order (0 when the question asks how many there were: the latest answers);
/// <paramref name="WithEvents"/> when events' records (a meeting at the G7, a visit to Tokyo) are counted besides the
/// rounds'.</summary>
internal sealed record MeetingNumbered(int Number, int Of, IReadOnlyList<Fact> People, bool WithEvents = false)
{
    /// <summary>All <see cref="Of"/> of them, in date order.</summary>
    public IReadOnlyList<Fact> Meetings { get; init; } = [];
}

/// <summary>A question that asks only for what one fact's record holds.</summary>
public enum RecordAnswer
{
    /// <summary>Not such a question, or its top fact is not that record: the model decides.</summary>
    None,

    /// <summary>"What happened on july 18", "what happened in march 2026": the top fact is the one event or round the
    /// fact base dates that day or month.</summary>
    OnlyOccasionOfTheTime,

    /// <summary>"What happened on june 14": the fact base dates no event or round that day, and the top fact is the one
    /// whose record tells of it (round 6, "followed by a phone call … on June 14"); the answer says so first.</summary>
    OnlyOccasionTellingOfTheDay,

    /// <summary>"What happened on july 22", "what happened in april 2025": the day or month has several events and
    /// rounds, the top fact among them; the answer lists them all (<see cref="AnswerResult.Occasions"/>).</summary>
    OccasionsOfTheTime,

    /// <summary>"Who negotiated for the us", "who are the negotiators", "who led the talks for tokyo": the top fact is the
    /// first person the list gives, by the rounds' records: of the side asked, the one at the most numbered rounds; of both
    /// sides, Japan's; the answer lists the people of that side, or of both (<see cref="AnswerResult.Negotiators"/>).</summary>
    Negotiators,

    /// <summary>"Which rounds did greer attend", "how many rounds was lutnick at", "was trump at any round": the top fact
    /// is the person named; the answer opens with the rounds the rounds' records put them at
    /// (<see cref="AnswerResult.Attendance"/>).</summary>
    RoundsAttended,

    /// <summary>"First akazawa lutnick meeting", "when did akazawa and bessent meet for the first time", "the second
    /// akazawa lutnick meeting", "when did they last meet", "how many times did akazawa meet lutnick": the top fact is, of
    /// the meetings (rounds and the talks after them) whose records list every person named, in date order, the one
    /// numbered (the latest for "last" and "how many"); the answer opens with which of how many it is, or lists them all
    /// (<see cref="AnswerResult.Meeting"/>).</summary>
    NumberedMeeting,

    /// <summary>"What did japan agree to buy", "what weapons is japan buying": the top fact is the whole (the deal) whose
    /// overview has those purchases among its parts; the answer lists them (<see cref="AnswerResult.Parts"/>).</summary>
    Purchases,

    /// <summary>"What's new", "any updates", "latest on the talks": the top fact is the newest event or round; the answer
    /// lists the latest few (<see cref="AnswerResult.Latest"/>).</summary>
    Latest,

    /// <summary>"What's disputed", "where do the sources disagree": the top fact is one of the facts whose accounts differ;
    /// the answer lists them all (<see cref="AnswerResult.Disputed"/>).</summary>
    Disputes,

    /// <summary>"Was bessent at round 2", "who attended round 8": the top fact is the round named, whose record lists who
    /// took part.</summary>
    WhoTookPartInTheRound,

    /// <summary>"Who is the finance minister now", "finance minister during the talks", "who was japan's pm when the deal got done": the
    /// top fact is the one person whose dated roles put them in the post named at the time named.</summary>
    PostHolder,

    /// <summary>"Car tariff in 2025", "car tariff history", "how has the steel tariff changed": the top fact is the one in
    /// force at the end of the time asked of the rates on the goods named then; the answer lists them all
    /// (<see cref="AnswerResult.Rates"/>).</summary>
    RatesOverTime,

    /// <summary>"When was the deal made", "what day did they strike the deal": the top fact is the event or round whose
    /// overview names what the question asks only the day of.</summary>
    DayOfTheWhole,

    /// <summary>"How much is the investment", "how big is the rice deal": the top fact is the one whose overview the
    /// question names, and it gives an amount.</summary>
    AmountOfTheWhole,

    /// <summary>"Car tariff now?", "what rate do japanese imports face now", "steel tariff in may": the top fact is the one
    /// tariff rate whose <see cref="Facts.InForce"/> record puts it on the goods named all through the time named.</summary>
    RateInForce,

    /// <summary>"When did the car tariff come down", "when did steel go to 50%", "when did the 27.5% end": the top fact is
    /// the event dated the day the rate on the goods named began (or the rate itself, asked when it ended, or when no
    /// event is), by the dates its <see cref="Facts.InForce"/> record gives.</summary>
    RateChanged,

    /// <summary>"Who was pm before takaichi", "who replaced kato as finance minister": the top fact is the one person whose
    /// dated posts put them right before (or after) the person named.</summary>
    Succession,

    /// <summary>"What happened in the third round", "how did round 1 go", "tell me about the may 30 talks": the top fact is
    /// the round named, whose record says what happened at it.</summary>
    WhatHappenedAtTheRound,

    /// <summary>"Which round came after the g7", "the last round before the july 9 deadline": the top fact is the round
    /// dated first after (or last before) the occasion or day named, which the engine read with confidence
    /// (<see cref="AnswerResult.Placement"/>).</summary>
    RoundPlaced,

    /// <summary>"What does 27.5% mean", "where's the 69 billion from": the top fact is the one figure or purchase whose
    /// amount gives the number the question asks about, and no other fact's amount or title states it.</summary>
    FigureNamed,

    /// <summary>"What's the deal", "main points of the agreement", "summarize the $550 billion investment": the top fact
    /// is the one whose overview the question names; the answer lists the overview's parts
    /// (<see cref="AnswerResult.Parts"/>).</summary>
    Overview,

    /// <summary>"Which came first, the tariff letter or round 7", "did the eo come before the mou signing": the top fact
    /// is the earlier of the two occasions named (for a yes-or-no question, the first named), each of which the engine read with confidence
    /// (<see cref="AnswerResult.Order"/>).</summary>
    OccasionsInOrder,
}

/// <summary>One person at the talks for a side, by the rounds' records: the numbered rounds they were at, in order, and
/// how many later meetings (trips with no number).</summary>
internal sealed record Negotiator(Fact Person, Side Side, IReadOnlyList<int> Rounds, int Later);

/// <summary>A <see cref="Negotiator"/> for a question asked in Japanese script: the name in Japanese (null where the
/// glossary has none) and the profile in Japanese (null where not translated).</summary>
internal sealed record JapaneseNegotiator(string? Name, JapaneseAnswer? Profile);
