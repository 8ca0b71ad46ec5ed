using System.Globalization;
using Bot.Facts;

namespace Bot.Answering;

/// <summary>
/// Ranks the facts of one snapshot for one question and decides whether to answer: normalise and spell-correct,
/// resolve entities, type the question, fuse BM25 with sentence-embedding similarity plus entity and type evidence,
/// then compute a calibrated confidence and abstain below the threshold.
/// </summary>
internal sealed partial class Answerer(ConfidenceModel confidence, RankingWeights? weights = null)
{
    public const int MaxSuggestions = 3;

    /// <summary>At most this many related facts go with an answer.</summary>
    public const int MaxRelated = 2;

    /// <summary>The fused margin from which a runner-up no longer counts as a near-tie (<see cref="CloseRelated"/>).</summary>
    private const double NearTieMargin = 0.3;

    /// <summary>How far below the answer's fused score a related fact may rank: half the near-tie margin. On dev, 13% of
    /// answers then carry one; at the full margin 39% did, many of them only loosely tied to the question.</summary>
    private const double RelatedMargin = NearTieMargin / 2;

    private const int Keep = 10;

    /// <summary>The chance from which the closest fact is more likely than not the one meant: below it, a detail that fact
    /// leaves out (<see cref="RuledOutExtensions.LeavesOutTheDetail"/>) is not said to be missing from the fact base.</summary>
    private const double EvenOdds = 0.5;

    /// <summary>Content terms past which a question counts as fully specified: a short question ("rice how much",
    /// "latest?") says less about what it wants, so the same scores are less sure of its answer. Terms are counted as
    /// read, repeats and words the facts never use included (those are weighed apart, as unknown words); counting only
    /// distinct known terms fitted worse on dev.</summary>
    private const int LengthCap = 10;
    private readonly RankingWeights _w = weights ?? RankingWeights.Default;

    public ConfidenceModel Model => confidence;

    public RankingWeights Weights => _w;

    /// <summary>A question's normalised, spelling-corrected words less its preface ("quick question:", see
    /// <see cref="Preface"/>) and with a capital that acts read as its country ("did tokyo agree", see
    /// <see cref="Capitals"/>), the text to embed for it (those words), and its normalised words as typed (less the
    /// preface), before the speller and the capitals, one for one.</summary>
    public static (List<string> Words, string Text, List<string> Typed) Interpret(FactIndex index, string question)
    {
        var typed = Preface.Strip(QuestionNormalizer.Words(question));
        var words = Capitals.AsCountries([.. typed.Select(index.Speller.Correct)]);
        return (words, string.Join(' ', words), typed);
    }

    /// <summary>Answers the question; with <paramref name="inJapanese"/>, as one asked in Japanese script (an English
    /// reading of a Japanese follow-up, see <see cref="FollowUps"/>): the answer is composed in Japanese where the fact has
    /// a translation, and shows the words it was read as.</summary>
    public AnswerResult Answer(FactIndex index, string question, Func<string, float[]>? embed, bool inJapanese = false) =>
        Answer(index, question, embed, null, inJapanese);

    /// <param name="outcome">When given, what each fact would lead to (null: not a candidate), and only the best ranked
    /// fact of each outcome is a candidate: the words after "after" in "which round came after the g7" name an occasion,
    /// and what matters is the round it places, so the call before the G7 and the meeting at it, which place the same
    /// round, do not compete.</param>
    private AnswerResult Answer(FactIndex index, string question, Func<string, float[]>? embed, Func<Fact, int?>? outcome, bool inJapanese = false)
    {
        var read = index.Analyzer.Japanese.Gloss(question);
        var (words, text, typed) = Interpret(index, read);
        var readAs = ReferenceEquals(read, question) && !inJapanese ? null : text;
        var ordinals = QuestionNormalizer.Ordinals(read);
        var facts = index.Facts.Facts;
        var reading = Read(index, words, ordinals);
        reading = readAs is null ? reading : reading with { Entities = reading.Entities with { NameFirst = true } };
        var shifted = Shifted(reading.Entities);
        var (terms, type, entities) = (reading.Terms, reading.Type, reading.Entities);
        if (terms.Count == 0 && !entities.Any)
        {
            return new AnswerResult
            {
                Question = question, Facts = index.Facts, Ranked = [], Confidence = 0, Abstained = true, Type = type, Interpreted = text,
                ReadAs = readAs, Words = words, Terms = terms, Entities = entities,
            };
        }

        int[] nearest = [];
        // A round named without the word ("the 4th talks", "session 5", "dai yonkai kosho", 「第4回交渉」) is embedded as
        // the facts name it, "round 4": the sentence model does not read an ordinal before "talks" as a round. Words
        // that say what kind of round it was ("the 2nd ministerial talks", 「第2回閣僚交渉」) are left out of it: the
        // facts call every round a round, and the sentence model read such a question as about rounds in general.
        var embedText = shifted.Asked is not null
            ? string.Join(' ', words.Where(w => !EntityResolver.IsRelative(w)).Select(w => w == shifted.Typed ? shifted.Asked : w).Where(w => w.Length > 0))
            : entities.Round is { } named && !words.Any(w => w is "round" or "rounds")
            ? string.Create(CultureInfo.InvariantCulture, $"{string.Join(' ', EntityResolver.WithoutRoundKind(words))} round {named}")
            : text;
        var vector = index.HasSemantic && embed is not null ? embed(embedText) : null;
        var semantic = vector is not null ? index.Semantic(vector, out nearest) : new double[facts.Count];
        var scores = new double[facts.Count];
        var lexical = new double[facts.Count];
        Fuse(index, reading, ordinals, semantic, scores, lexical);
        var scored = new RankedFact[facts.Count];
        for (var i = 0; i < facts.Count; i++)
        {
            scored[i] = new RankedFact(facts[i], scores[i], lexical[i], Math.Max(0, semantic[i]));
        }

        // Among all facts, the first few: an occasion outside them is not what the words name, however it ranks among
        // occasions alone.
        var unrestricted = outcome is null ? null
            : scores.Select((score, i) => (score, i)).OrderByDescending(x => x.score).Take(OccasionAmong).Select(x => x.i).ToHashSet();
        if (outcome is not null)
        {
            var best = new Dictionary<int, int>();
            for (var i = 0; i < facts.Count; i++)
            {
                if (outcome(facts[i]) is { } led && (!best.TryGetValue(led, out var leader) || scores[i] > scores[leader]))
                {
                    best[led] = i;
                }
            }

            var candidates = best.Values.ToHashSet();
            for (var i = 0; i < facts.Count; i++)
            {
                if (!candidates.Contains(i))
                {
                    scored[i] = new RankedFact(facts[i], double.NegativeInfinity, 0, 0);
                }
            }
        }

        var ranked = scored.Where(r => !double.IsNegativeInfinity(r.Score)).OrderByDescending(r => r.Score).ThenBy(r => r.Fact.Id, StringComparer.Ordinal).Take(Keep).ToList();
        if (ranked.Count == 0)
        {
            return new AnswerResult
            {
                Question = question, Facts = index.Facts, Ranked = [], Confidence = 0, Abstained = true, Type = type, Interpreted = text,
                ReadAs = readAs, Words = words, Terms = terms, Entities = entities,
            };
        }

        // Asked word for word (or but for filler words) as a curator wrote it for one fact (a clicked "did you mean" is):
        // that fact answers it. Only the words as typed count: not a spelling correction, nor a Japanese reading, which
        // drops the words it does not know ("タイの自動車関税いま" reads as "car tariff now").
        var phrased = -1;
        var curated = readAs is null && index.TryCurated(typed, out phrased) && !double.IsNegativeInfinity(scored[phrased].Score);
        // Asked in other words of the same meaning as one fact's curated question, title or alias ("who signed the 2019
        // deal"): when that fact is ranked first and no record answers the question, the curator's word is evidence too.
        var termed = -1;
        var termCurated = !curated && readAs is null && index.TryTermCurated(typed, out termed);
        if (curated && !ReferenceEquals(ranked[0].Fact, facts[phrased]))
        {
            Promote(scored[phrased]);
        }

        // Asked only what happened on a day, in a month or in part of one ("late july") the fact base dates events or rounds
        // in: the best ranked of them answers (the answer lists them all when there are several), as a curated question's
        // fact would.
        // Not when a Japanese reading left words out ("7月22日の円安は？" reads as "july 22"): what they asked is unknown.
        var wholeReading = readAs is null || index.Analyzer.Japanese.Unread(question).Count == 0;
        var asksWhatHappened = outcome is null && wholeReading && AsksOnlyWhatHappened(words, entities);
        var occasions = asksWhatHappened ? OccasionsIn(index, entities) : [];
        // No fact begins or ends that day, and one event's or round's record tells of it: that one ("what happened on june 14":
        // round 6 was followed by a call that day). Not a day to come ("what happens on jan 19 2029"), which a record
        // names as a deadline, not as something that happened.
        var mentioning = asksWhatHappened && occasions.Count == 0 && entities is { DayPrecision: true, To: { } day } && day <= index.Roles.Now
            && !facts.Any(f => f.Date is { Day: not null } d && ((d.Start >= entities.From!.Value && d.Start <= day) || (f.EndDate is { } end && end.End >= entities.From!.Value && end.End <= day)))
            && OccasionsMentioning(index, entities) is [var one] ? one : -1;
        if (mentioning >= 0)
        {
            occasions = [mentioning];
        }

        if (!curated && occasions.Count > 0 && !occasions.Contains(IndexOf(facts, ranked[0].Fact)))
        {
            Promote(occasions.Select(i => scored[i]).MaxBy(r => r.Score)!);
        }

        // "What's disputed", "where do the sources disagree": the best ranked of the facts whose accounts differ answers, and
        // the answer lists them all. A word that may say two sides differ ("disagree", "conflict") needs a word for sources.
        var disputed = outcome is null && wholeReading && !curated && AsksOnly(words, OutsideTheWhole(typed), entities, s_disputeWords, s_disputedListWords)
            && (typed.Any(s_disputedWords.Contains) || words.Any(s_disputedWords.Contains) || typed.Any(s_sourceWords.Contains))
            ? Enumerable.Range(0, facts.Count).Where(i => facts[i].IsDisputed).ToList()
            : [];
        if (disputed.Count > 0 && !disputed.Contains(IndexOf(facts, ranked[0].Fact)))
        {
            Promote(disputed.Select(i => scored[i]).MaxBy(r => r.Score)!);
        }

        // "What's new", "any updates", "latest on the talks": the latest events and rounds the fact base dates up to its
        // last day, newest first; the newest answers.
        var newest = outcome is null && wholeReading && !curated && disputed.Count == 0 && AsksOnly(words, typed, entities, s_newWords, s_newListWords)
            ? Enumerable.Range(0, facts.Count).Where(i => facts[i] is { Kind: FactKind.Event or FactKind.Round, Date: { } day } && day.Start <= index.Roles.Now)
                .OrderByDescending(i => facts[i].Date).ThenBy(i => facts[i].Id, StringComparer.Ordinal).Take(LatestListed).ToList()
            : [];
        if (newest.Count > 0 && !ReferenceEquals(ranked[0].Fact, facts[newest[0]]))
        {
            Promote(scored[newest[0]]);
        }

        // "Who negotiated for the us", "who are the negotiators", "who led the talks for tokyo": the people of each side (or
        // the side named) at the rounds and later meetings, by their records, most numbered rounds first; the first answers,
        // and the answer lists them all.
        // Asked for one person of a side that several people were at ("who led the us side", "who is the us negotiator"),
        // the records do not say: "lead" is the sources' word, not the rounds' (Bessent was called the lead US negotiator;
        // Lutnick was at more rounds).
        var negotiators = outcome is null && wholeReading && !curated && disputed.Count == 0 && newest.Count == 0
            && NegotiatorsAsked(words, typed, entities) is { } sides
            ? Negotiators(index.Facts, sides)
            : [];
        negotiators = AsksForOnePerson(typed, japanese: readAs is not null) && negotiators.GroupBy(n => n.Side).Any(g => g.Count() > 1) ? [] : negotiators;
        if (negotiators.Count > 0 && !ReferenceEquals(ranked[0].Fact, negotiators[0].Person))
        {
            Promote(scored[IndexOf(facts, negotiators[0].Person)]);
        }

        // "What did japan agree to buy", "what purchases are in the deal", "what weapons is japan buying": the fact whose
        // overview has those purchases among its parts (with no whole named, the deal's) answers, and the answer lists them.
        // Not whether ("did japan promise to buy more us weapons"), which a statement may answer.
        var bought = outcome is null && wholeReading && !curated && disputed.Count == 0 && newest.Count == 0 && negotiators.Count == 0 && !entities.Any
            && type is QuestionType.What or QuestionType.Other
            ? index.Overviews.PurchasesAsked(words, typed, index.Facts)
            : -1;
        bought = bought >= 0 && !double.IsNegativeInfinity(scored[bought].Score) ? bought : -1;
        if (bought >= 0 && !ReferenceEquals(ranked[0].Fact, facts[bought]))
        {
            Promote(scored[bought]);
        }

        // A list reading above applies: no other reading does.
        var aList = disputed.Count > 0 || newest.Count > 0 || negotiators.Count > 0 || bought >= 0;

        // "What's the deal", "main points of the agreement": the fact whose overview has that name answers, and the answer
        // lists the overview's parts.
        // Not a yes-or-no question ("does tokyo agree with that") but a request ("can you summarize the deal"), nor one that
        // asks who, when or how much; a curated question of the same fact is one too. An occasion read among events and
        // rounds ("which came first, the deal or the mou") may be named so as well.
        var overview = readAs is null && occasions.Count == 0 && !aList && (type is QuestionType.What or QuestionType.Other || IsRequest(words))
            ? index.Overviews.Asked(words, typed)
            : -1;
        overview = overview >= 0 && (!curated || overview == phrased) && !double.IsNegativeInfinity(scored[overview].Score) ? overview : -1;
        if (overview >= 0 && !ReferenceEquals(ranked[0].Fact, facts[overview]))
        {
            Promote(scored[overview]);
        }

        // "How much is the investment", "how big is the rice deal": the fact whose overview has that name answers, when it
        // gives an amount (the answer opens with it).
        var amountOf = wholeReading && occasions.Count == 0 && overview < 0 && !aList
            && outcome is null && AsksHowMuch(words, type) is { } sized
            ? index.Overviews.Asked([.. sized.Select(i => words[i])], [.. sized.Select(i => typed[i])])
            : -1;
        amountOf = amountOf >= 0 && facts[amountOf].Amount is not null && (!curated || amountOf == phrased)
            && !double.IsNegativeInfinity(scored[amountOf].Score) ? amountOf : -1;
        if (amountOf >= 0 && !ReferenceEquals(ranked[0].Fact, facts[amountOf]))
        {
            Promote(scored[amountOf]);
        }

        // "When was the deal made", "what day did they strike the deal": the event or round an overview names answers, when
        // the question asks only its day (「合意はいつ」 too). Not the deal's signing or entry into force, which were other days.
        var dayOf = wholeReading && occasions.Count == 0 && !aList && overview < 0 && amountOf < 0 && outcome is null && type == QuestionType.When
            ? index.Overviews.WhenAsked(words, typed)
            : -1;
        dayOf = dayOf >= 0 && facts[dayOf].Kind is FactKind.Event or FactKind.Round && (!curated || dayOf == phrased)
            && !double.IsNegativeInfinity(scored[dayOf].Score) ? dayOf : -1;
        if (dayOf >= 0 && !ReferenceEquals(ranked[0].Fact, facts[dayOf]))
        {
            Promote(scored[dayOf]);
        }

        // "What does 27.5% mean", "where's the 69 billion from": the one figure whose amount gives the number answers.
        var figure = wholeReading && !curated && occasions.Count == 0 && !aList && overview < 0 && amountOf < 0 && dayOf < 0 && outcome is null ? FigureNamed(index, words, type, entities) : -1;
        if (figure >= 0 && !ReferenceEquals(ranked[0].Fact, facts[figure]))
        {
            Promote(scored[figure]);
        }

        // "Which round came after the g7", "the last round before the july 9 deadline": the round dated first after (or
        // last before) the occasion or day named answers, at least as surely as the occasion was read.
        // "Which came first, the tariff letter or round 7", "was liberation day before or after the car tariff
        // announcement": the earlier of the two occasions answers (for "did the eo come before…", the first named), at
        // least as surely as the less sure of their readings.
        var order = readAs is null && !curated && occasions.Count == 0 && !aList && overview < 0 && amountOf < 0 && dayOf < 0 && figure < 0 && outcome is null ? Ordered(index, words, embed) : null;
        if (order is not null && !ReferenceEquals(ranked[0].Fact, order.Answer))
        {
            Promote(scored[IndexOf(facts, order.Answer)]);
        }

        var placed = readAs is null && !curated && occasions.Count == 0 && !aList && overview < 0 && amountOf < 0 && dayOf < 0 && figure < 0 && order is null && outcome is null ? Placed(index, words, entities, embed) : null;
        if (placed is { } place && !ReferenceEquals(ranked[0].Fact, facts[place.Round]))
        {
            Promote(scored[place.Round]);
        }

        // "Who is the finance minister now", "pm when the deal got done": the one person whose dated posts put them in the
        // post named at the time named answers.
        var noOtherReading = wholeReading && !curated && occasions.Count == 0 && !aList && overview < 0 && amountOf < 0 && dayOf < 0 && figure < 0 && order is null && placed is null && outcome is null;
        var post = noOtherReading ? PostAsked(index, reading) : null;
        // "Who heads the ldp", "who ran the foreign ministry": the verb asks who holds the post, it names none of it (the
        // synonym table reads "heads", "runs the", "in charge of" as "chair", which only the investment committee's is).
        var postTerms = post is null ? terms : PostTerms(index.Analyzer, words, terms);
        var holder = post is { } asked && index.Roles.OnlyHolder(postTerms, asked.Frame, asked.Side) is { } id ? IndexOf(facts, index.Facts.Find(id)!) : -1;
        if (holder >= 0 && !ReferenceEquals(ranked[0].Fact, facts[holder]))
        {
            Promote(scored[holder]);
        }

        // "Car tariff now?", "what rate do japanese imports face now", "steel tariff in may": the one rate in force on the
        // goods named all through the time named, when the question asks only that.
        var rateAsked = noOtherReading && holder < 0 ? index.Rates.Asked(words, terms, type, entities, index.Roles) : null;
        var rate = rateAsked is not null && index.Rates.InForceFor(rateAsked) is { } rateId ? IndexOf(facts, index.Facts.Find(rateId)!) : -1;
        if (rate >= 0 && !ReferenceEquals(ranked[0].Fact, facts[rate]))
        {
            Promote(scored[rate]);
        }

        // "When did the car tariff come down", "when did steel go to 50%", "when did the 27.5% end": the fact about the day
        // the rate on the goods named began (or ended), by the dates the fact base gives its rates.
        var change = noOtherReading && holder < 0 && rateAsked is null ? index.Rates.ChangeAsked(words, terms, type, entities, index.Roles) : null;

        // "Car tariff in 2025", "how has the car tariff changed": the rates in force over that time; the one in force at its
        // end answers, and the answer lists them all in order. So for "when did the steel tariff go up", which it did
        // twice: every rate on steel, each with its days.
        var listed = rateAsked ?? (change is { Several: { } several } ? new RateAsked([several], TimeFrame.Always, false, true) : null);
        var over = listed is not null && rate < 0 ? index.Rates.Over(listed) : [];
        List<int> rates = [.. over.Select(id => IndexOf(facts, index.Facts.Find(id)!))];
        var latest = over.Count > 0 ? IndexOf(facts, index.Facts.Find(index.Rates.Latest(listed!, over))!) : -1;
        if (latest >= 0 && !ReferenceEquals(ranked[0].Fact, facts[latest]))
        {
            Promote(scored[latest]);
        }

        var changed = change is { Answer: { } changedId } ? IndexOf(facts, index.Facts.Find(changedId)!) : -1;
        if (changed >= 0 && !ReferenceEquals(ranked[0].Fact, facts[changed]))
        {
            Promote(scored[changed]);
        }

        // "Who was pm before takaichi", "who replaced kato as finance minister": the one person whose dated posts put them
        // right after (or before) the one named, when the question asks only that.
        var answerIsPerson = AnswerIsPerson(words, type, entities);
        var successor = noOtherReading && post is null && rate < 0 && latest < 0 && changed < 0 && AsksOnlySuccession(index, words, entities)
            && index.Roles.Adjacent(words, terms, entities, answerIsPerson) is { Count: 1 } next
            ? IndexOf(facts, index.Facts.Find(next.First())!)
            : -1;
        if (successor >= 0 && !ReferenceEquals(ranked[0].Fact, facts[successor]))
        {
            Promote(scored[successor]);
        }

        // "Which rounds did greer attend", "how many rounds was lutnick at", "was trump at any round": the person named, and
        // the rounds' records say which.
        var attendance = noOtherReading && post is null && rate < 0 && latest < 0 && changed < 0 && successor < 0
            && AsksRoundsAttended(words, entities) is { } attendee && index.Facts.Find(attendee) is { Kind: FactKind.Person, Side: Side.Japan or Side.UnitedStates } person
            && !double.IsNegativeInfinity(scored[IndexOf(facts, person)].Score)
            ? Negotiators(index.Facts, [person.Side!.Value]).FirstOrDefault(n => n.Person.Id == person.Id) ?? new Negotiator(person, person.Side!.Value, [], 0)
            : null;
        if (attendance is not null && !ReferenceEquals(ranked[0].Fact, attendance.Person))
        {
            Promote(scored[IndexOf(facts, attendance.Person)]);
        }

        // "First akazawa lutnick meeting", "when did akazawa and bessent meet for the first time", "the second akazawa
        // lutnick meeting", "when did they last meet", "how many times did they meet": of the meetings whose records list
        // every person named, in date order, the one numbered (the latest for "last" and "how many").
        var (numberedMeeting, meetingNumber, meetingsOf, meetingsCounted, meetingEvents) = noOtherReading && post is null && rate < 0 && latest < 0 && changed < 0 && successor < 0 && attendance is null
            ? NumberedMeeting(index, read, words, entities)
            : (-1, 0, 0, [], false);
        if (numberedMeeting >= 0 && !ReferenceEquals(ranked[0].Fact, facts[numberedMeeting]))
        {
            Promote(scored[numberedMeeting]);
        }

        // Puts a fact first, ahead of the ranking's own first.
        void Promote(RankedFact first)
        {
            ranked.RemoveAll(r => ReferenceEquals(r.Fact, first.Fact));
            ranked.Insert(0, first);
            if (ranked.Count > Keep)
            {
                ranked.RemoveAt(Keep);
            }
        }

        var top = ranked[0];
        var topIndex = IndexOf(facts, top.Fact);
        var features = new ConfidenceFeatures(
            Fused: top.Score,
            Margin: ranked.Count > 1 ? top.Score - ranked[1].Score : top.Score,
            Semantic: top.Semantic,
            Coverage: Coverage(index, terms, topIndex),
            Unknown: Unknown(index, words),
            EntityAgreement: !entities.Any ? 0 : Agrees(top.Fact, index.Mentions[topIndex], entities) ? 1 : -1,
            RankAgreement: ((top.Lexical >= 1 ? 1 : 0) + (top.Semantic >= semantic.Max() - 1e-9 ? 1 : 0)) / 2.0,
            // A fact base of one fact has no runner-up: the margins are then the top's own scores.
            SemanticMargin: top.Semantic - scored.Where(r => !ReferenceEquals(r.Fact, top.Fact)).Select(r => r.Semantic).DefaultIfEmpty(0).Max(),
            LexicalMargin: top.Lexical - scored.Where(r => !ReferenceEquals(r.Fact, top.Fact)).Select(r => r.Lexical).DefaultIfEmpty(0).Max(),
            OtherPlace: OtherPlace(index, words, topIndex),
            SecondFits: ranked.Count > 1 ? Fit(ranked[1].Fact, type) : 0,
            CloseRelated: ranked.Count > 1 ? CloseRelated(index, topIndex, top, ranked[1]) : 0,
            ProfileOfSeveral: top.Fact.Kind == FactKind.Person && entities.People.Count >= 2 && entities.People.Contains(top.Fact.Id) ? 1 : 0,
            SemanticVote: SemanticVote(index, nearest, topIndex),
            TopFits: Fit(top.Fact, type),
            Stability: Stability(index, words, ordinals, semantic, top.Fact),
            Spread: ranked.Count > 1 ? top.Score - ranked.Skip(1).Take(4).Average(r => r.Score) : top.Score,
            Unstated: Unstated(index, topIndex, words, entities) ? 1 : 0,
            Speculative: index.Analyzer.Scope.Speculates(words) ? 1 : 0,
            Length: Math.Min(terms.Count, LengthCap) / (double)LengthCap,
            CountedAbsent: CountedAbsent(index, words, topIndex) ? 1 : 0);
        // The model's confidence, raised to the threshold for a curated question (the curator's word is the evidence), for
        // a question that asks only what happened on a day or in a month the fact base dates events or rounds in (the
        // answer lists them all), for one that asks for the whole of a fact with an overview (the answer lists its parts),
        // and for one that asks only who took part in a round, or what happened at it, when the top
        // fact is that round: its record says who did and what happened.
        var p = confidence.Confidence(features);
        var record = !wholeReading ? RecordAnswer.None
            : occasions is [var only] && only == topIndex ? (mentioning >= 0 ? RecordAnswer.OnlyOccasionTellingOfTheDay : RecordAnswer.OnlyOccasionOfTheTime)
            : occasions.Count > 1 && occasions.Contains(topIndex) ? RecordAnswer.OccasionsOfTheTime
            : disputed.Contains(topIndex) ? RecordAnswer.Disputes
            : newest.Count > 0 && newest[0] == topIndex ? RecordAnswer.Latest
            : negotiators.Count > 0 && ReferenceEquals(negotiators[0].Person, top.Fact) ? RecordAnswer.Negotiators
            : bought >= 0 && bought == topIndex ? RecordAnswer.Purchases
            : overview >= 0 && overview == topIndex ? RecordAnswer.Overview
            : dayOf >= 0 && dayOf == topIndex ? RecordAnswer.DayOfTheWhole
            : amountOf >= 0 && amountOf == topIndex ? RecordAnswer.AmountOfTheWhole
            : placed is { } at && at.Round == topIndex ? RecordAnswer.RoundPlaced
            : figure >= 0 && figure == topIndex ? RecordAnswer.FigureNamed
            : order is not null && ReferenceEquals(order.Answer, top.Fact) ? RecordAnswer.OccasionsInOrder
            : holder == topIndex ? RecordAnswer.PostHolder
            : rate == topIndex ? RecordAnswer.RateInForce
            : latest >= 0 && latest == topIndex ? RecordAnswer.RatesOverTime
            : changed >= 0 && changed == topIndex ? RecordAnswer.RateChanged
            : successor == topIndex ? RecordAnswer.Succession
            : attendance is not null && ReferenceEquals(attendance.Person, top.Fact) ? RecordAnswer.RoundsAttended
            : numberedMeeting == topIndex ? RecordAnswer.NumberedMeeting
            : AsksOnlyWhoTookPart(words, entities) && IsTheRoundNamed(index, words, entities, top.Fact, topIndex)
                ? RecordAnswer.WhoTookPartInTheRound
            : AsksOnlyAboutTheRound(words, entities) && IsTheRoundNamed(index, words, entities, top.Fact, topIndex)
                ? RecordAnswer.WhatHappenedAtTheRound
            : RecordAnswer.None;
        p = record == RecordAnswer.RoundPlaced ? Math.Max(p, placed!.Value.Placement.Sure ?? confidence.Threshold)
            : record == RecordAnswer.OccasionsInOrder ? Math.Max(p, order!.Sure)
            : curated || record != RecordAnswer.None || (termCurated && termed == topIndex) ? Math.Max(p, confidence.Threshold)
            : p;
        // A name its overview gives is the whole's own name, not words that rank it among others.
        p = unrestricted is not null && !unrestricted.Contains(topIndex) && record != RecordAnswer.Overview ? 0 : p;
        // Not a curated question's fact: the curator's word is the evidence ("takaichi replaced who" is hers: her profile
        // says whom she succeeded).
        var ruledOut = curated ? RuledOut.None
            // Asked who held a post at a time, and by the dates the fact base has, the top person did not hold a post of
            // that name then ("who was the finance minister during the talks": not the one who took the post in October).
            : post is { } held && top.Fact.Kind == FactKind.Person && index.Roles.Fit(top.Fact, postTerms, held.Frame) < 0 ? RuledOut.PostNotHeldThen
            // Asked for one side's holder ("japan's ambassador to the us"), and the top person is of the other side.
            : post is { Side: { } owner } && top.Fact.Kind == FactKind.Person && top.Fact.Side is { } side && side != owner ? RuledOut.OtherSide
            // Asked for the rate on some goods at a time, and by the dates the fact base has, the top rate on them was not in
            // force all through it ("car tariff in 2025": not the 2.5% that ended on April 2).
            : rateAsked is not null && rates.Count == 0 && index.Rates.NotInForceThen(rateAsked, top.Fact.Id) ? RuledOut.RateNotInForceThen
            // Asked who came before or after someone ("who was pm before ishiba"), or who else besides them ("who other
            // than takaichi has been prime minister"): not that person.
            : index.Roles.AdjacentTo(words, terms, entities, answerIsPerson) == top.Fact.Id
                || (top.Fact.Kind == FactKind.Person && entities.People.Contains(top.Fact.Id) && AsksWhoElse(words, type))
                ? RuledOut.IsThePersonNamed
            // Asked about a day or month after the fact base's last ("what came of the march 19, 2026 visit" when it runs
            // to February), and the top fact is neither dated then nor mentions it: what happened then is not in it. A
            // fact that mentions it can say only what was planned for it, not what came of it ("what happened on march
            // 19 2026").
            : entities.From is { } later && entities.To is { } laterTo && later > index.Roles.Now
                && !DatedWithin(top.Fact, later, laterTo)
                && (AsksWhatCameOf(words, type) || (!index.Mentions[topIndex].Days.Any(d => d >= later && d <= laterTo)
                    && !index.Mentions[topIndex].Months.Any(m => m <= laterTo && m.AddMonths(1) > later))) ? RuledOut.AfterTheFactBase
            // Asked about one occurrence of an occasion by its ordinal ("the committee's 3rd meeting"), and the top fact's
            // title or an alias numbers another of it ("First meeting of …"): that occurrence is not in it. Not an ordinal
            // counted from something else ("the first trip after the deal" is the ninth), nor a question of which came
            // first.
            : order is null && !words.Any(s_countedFrom.Contains) && index.NumberedTitles[topIndex].NumbersAnother(read)
                ? RuledOut.OtherOccurrence
            // Asked for one meeting of the people named by a number past the meetings their records list ("the 12th akazawa
            // lutnick meeting" of their 11), and the top fact is one of those: the one asked for is not in the fact base.
            : numberedMeeting < 0 && meetingNumber > meetingsOf && meetingsCounted.Contains(topIndex) ? RuledOut.OtherOccurrence
            // Asked what an occasion took up ("what did akazawa and lutnick discuss on their july 3 call"), and the top event
            // or round says nothing of what was taken up.
            : top.Fact.Kind is FactKind.Event or FactKind.Round && AsksTopics(words) && !index.StatesTopics[topIndex]
                ? RuledOut.TopicsNotStated
            // Asked who else took part besides the people named ("who else was on japan's team at round 5 besides
            // akazawa"), and the top fact names no one else (of the side asked, when the question names one). Not when
            // it is a person's profile, which is no record of who took part in anything ("who else was on the us side of
            // the 2+2 besides hegseth" ranks Hegseth's first).
            : entities.People.Count > 0 && top.Fact.Kind != FactKind.Person && AsksWhoElse(words, type)
                && !NamesSomeoneElse(index, topIndex, entities, SideAsked(words, terms))
                ? RuledOut.NoOneElseNamed
            // Asked a time of day ("what time did round 2 start"), and the top fact states none for what is asked.
            : AsksClockTime(words) && !GivesTimeOfDayAsked(index, topIndex, words, entities) ? RuledOut.TimeOfDayNotStated
            // Asked who said something that the top fact gives only as said by someone unnamed ("which official told
            // yomiuri…"), or asked someone's full name: not when the question names someone the fact base profiles (their
            // profile gives it), nor when the top fact's own name is the longer form of what the question names ("the full
            // name of eo 14345").
            : top.Fact.Kind != FactKind.Person && ((AsksFullName(words) && entities.People.Count == 0 && !GivesLongerName(index, top.Fact, words))
                || (AsksWhoSaid(words) && SaidByNoOneNamed(index, topIndex, words))) ? RuledOut.NameNotGiven
            // Asked a figure in one year ("car exports to the us in 2025", "in august 2025"), and the top figure (not a rate
            // in force over a span) is neither dated in that year (or over years that hold it) nor gives it.
            : top.Fact.Kind == FactKind.Figure && top.Fact.InForce is null && YearAsked(words) is { } year
                && !(top.Fact.Date?.Year <= year && year <= (top.Fact.EndDate ?? top.Fact.Date)?.Year)
                && !index.YearsStated[topIndex].Contains(year)
                && !index.Mentions[topIndex].Months.Any(m => m.Year == year) ? RuledOut.YearNotCovered
            // Asked the very day ("what day in december 2022…"), and the top fact is dated only to the month or year (or
            // not at all), and neither its text nor its roles give a day; asked the day someone took or left a post the
            // question names, that post's dates alone say. Asked the day in a month or year ("what day in september did
            // jera sign"), the top fact must give a day in it (the Alaska fact is dated to Tokyo Gas's October day).
            : AsksDay(words) && ((top.Fact.Date is null or { Day: null }
                && (PostGivesDay(index.Analyzer, top.Fact, terms, words, dayOnly: true) is { } postDay ? !postDay
                    : !GivesDayWithin(index, topIndex, top.Fact, DateOnly.MinValue, DateOnly.MaxValue)))
                || (entities.From is { } within && entities.To is { } withinTo && withinTo > within && InAPeriod(words)
                    && !GivesDayWithin(index, topIndex, top.Fact, within, withinTo)))
                ? RuledOut.DayNotStated
            // Asked when someone it names took or left a post ("when did bessent become treasury secretary"), and their
            // post of that name is not dated at that end: their profile says who holds it, not since or until when.
            // A Japanese reading puts "when" (いつ) where the Japanese has it, never as a clause's conjunction.
            : type == QuestionType.When && (OpensWithWhen(words) || (readAs is not null && words.Contains("when")))
                && top.Fact.Kind == FactKind.Person && entities.People.Contains(top.Fact.Id)
                && PostGivesDay(index.Analyzer, top.Fact, terms, words, dayOnly: false) == false ? RuledOut.PostTimeNotStated
            // Asked of someone by a post that no one in the fact base holds ("what did japan's agriculture minister say
            // about the rice deal"), which the top fact does not name either.
            : UnknownPost(index, topIndex, words, entities) is not null ? RuledOut.PostNotKnown
            // Asked where something happened ("where did lutnick tour in tokyo"), and the top fact says it happened at no
            // place but those the question gives as where ("in tokyo").
            : AsksWhereItHappened(words, entities.People.Count > 0) && PlacesGiven(index, words) is var given
                && index.PlacesStated[topIndex].All(given.Contains) ? RuledOut.PlaceNotStated
            : RuledOut.None;
        // A detail the closest fact leaves out says what the fact base lacks only when that fact is more likely than not
        // the one meant ("what time of year did the talks start" is no question about an executive order's signing).
        ruledOut = ruledOut.LeavesOutTheDetail() && p < EvenOdds ? RuledOut.None : ruledOut;
        p = ruledOut == RuledOut.None ? p : 0;
        var abstained = p < confidence.Threshold;
        // The facts a list answer gives, when it is one: the disputed ones in date order (an undated one by its as-of date);
        // an overview's parts, or the purchases among them, in its order.
        List<Fact> occasionsListed = record == RecordAnswer.OccasionsOfTheTime ? [.. occasions.Select(i => facts[i])] : [];
        List<Fact> latestListed = record == RecordAnswer.Latest ? [.. newest.Select(i => facts[i])] : [];
        List<Fact> disputedInOrder = record == RecordAnswer.Disputes ? [.. disputed.Select(i => facts[i]).OrderBy(f => f.Date ?? f.AsOf)] : [];
        List<Fact> ratesListed = record == RecordAnswer.RatesOverTime ? [.. rates.Select(i => facts[i])] : [];
        List<Fact> parts = record == RecordAnswer.Overview ? [.. OverviewQuestions.PartsOf(top.Fact, index.Facts)]
            : record == RecordAnswer.Purchases ? [.. OverviewQuestions.PurchasesOf(top.Fact, index.Facts)]
            : [];

        // Each listed fact in Japanese, where it has a current translation, for a question asked in Japanese script and
        // answered; nothing otherwise.
        List<JapaneseAnswer?> InJapanese(List<Fact> listed) =>
            readAs is not null && !abstained ? [.. listed.Select(f => JapaneseFacts.For(index.Translations, f, index.Facts))] : [];
        return new AnswerResult
        {
            Question = question,
            Facts = index.Facts,
            Ranked = ranked,
            Confidence = p,
            Abstained = abstained,
            Type = type,
            Interpreted = text,
            Record = record,
            RuledOut = ruledOut,
            Occasions = occasionsListed,
            JapaneseOccasions = InJapanese(occasionsListed),
            Negotiators = record == RecordAnswer.Negotiators ? negotiators : [],
            Attendance = record == RecordAnswer.RoundsAttended ? attendance : null,
            Meeting = record == RecordAnswer.NumberedMeeting
                ? new MeetingNumbered(meetingNumber, meetingsOf, [.. entities.People.Select(index.Facts.Find).OfType<Fact>().OrderBy(p => entities.Positions.GetValueOrDefault(p.Id))], meetingEvents)
                {
                    Meetings = [.. meetingsCounted.Select(i => facts[i]).OrderBy(f => f.Date!.Value.Start)],
                }
                : null,
            JapaneseNegotiators = record == RecordAnswer.Negotiators && readAs is not null && !abstained
                ? [.. negotiators.Select(n => new JapaneseNegotiator(index.Analyzer.Japanese.NameOf(n.Person.Title), JapaneseFacts.For(index.Translations, n.Person, index.Facts)))]
                : [],
            Latest = latestListed,
            JapaneseLatest = InJapanese(latestListed),
            Disputed = disputedInOrder,
            JapaneseDisputed = InJapanese(disputedInOrder),
            Placement = record == RecordAnswer.RoundPlaced ? placed!.Value.Placement : null,
            Order = record == RecordAnswer.OccasionsInOrder ? order : null,
            Rates = ratesListed,
            RatesOn = record == RecordAnswer.RatesOverTime ? listed!.Goods[0] : null,
            RateCheck = record == RecordAnswer.RateInForce && rateAsked!.Checked is { } number && index.Rates.PercentOf(top.Fact.Id) is { } percent
                ? (percent == number, percent)
                : null,
            JapaneseRates = InJapanese(ratesListed),
            JapaneseRatesOn = record == RecordAnswer.RatesOverTime && readAs is not null && !abstained && listed!.Goods[0] != InForce.MostGoods
                ? index.Analyzer.Japanese.GoodsOf(listed.Goods[0], index.Analyzer)
                : null,
            Parts = parts,
            JapaneseParts = record == RecordAnswer.Purchases ? InJapanese(parts) : [],
            ReadAs = readAs,
            JapaneseName = readAs is not null && !abstained && top.Fact.Kind == FactKind.Person ? index.Analyzer.Japanese.NameOf(top.Fact.Title) : null,
            Japanese = readAs is not null && !abstained ? JapaneseFacts.For(index.Translations, top.Fact, index.Facts) : null,
            Features = features,
            Words = words,
            Terms = terms,
            Entities = entities,
            Vector = vector,
            // Not a fact the question rules out: it cannot be what was meant. But one that only leaves out the detail asked
            // (the time of day, the day, a name) is about what was meant: it comes first.
            Suggestions = abstained
                ? [.. ranked.Where(r => (ruledOut.LeavesOutTheDetail() && ReferenceEquals(r.Fact, top.Fact))
                        || ((r.Semantic >= 0.45 || Evidence(r) >= 0.15) && (ruledOut == RuledOut.None || !ReferenceEquals(r.Fact, top.Fact))))
                    .Take(MaxSuggestions).Select(r => r.Fact)]
                : [],
            // Not the facts a curated question's answer was moved above: the user asked for that one.
            Related = abstained ? [] : [.. ranked.Skip(1).Where(r => r.Score <= top.Score && top.Score - r.Score < RelatedMargin && Overlap(index, topIndex, r.Fact)).Take(MaxRelated).Select(r => r.Fact)],
        };
    }

    /// <summary>The only words besides the day in a question that asks what happened on it ("what happened on july 18",
    /// "any events on may 3", "what went on on 2025-07-18"): not the whole stop-word list, which holds words that ask
    /// for something else ("what was said on may 30", "any other events on july 22", "up to july 18").</summary>
    private static readonly HashSet<string> s_happenedWords =
    [
        "what", "which", "anything", "something", "any", "happen", "happened", "happens", "happening", "event", "events",
        "occur", "occurred", "go", "going", "went", "take", "took", "place", "news", "day", "date", "there", "on", "in",
        "of", "the", "a", "an", "did", "does", "do", "was", "were", "is", "are",
    ];

    /// <summary>Words that say accounts differ ("what's disputed", "where do the sources disagree"); one must be in a
    /// question that asks what is disputed.</summary>
    private static readonly HashSet<string> s_disputeWords =
    [
        "disputed", "dispute", "disputes", "contested", "contentious", "disagree", "disagrees", "disagreed", "disagreement",
        "disagreements", "conflict", "conflicts", "conflicting", "contradict", "contradicts", "contradicting", "contradictory",
        "contradiction", "contradictions", "discrepancy", "discrepancies", "differ", "differs", "inconsistent",
        "inconsistency", "inconsistencies",
    ];

    /// <summary>Words for facts and their sources: a word that says accounts differ but may say two sides differ
    /// ("disagree", "conflict", "differ") asks what is disputed only with one of them ("where do the sources disagree",
    /// "conflicting reports"; not "what are the disagreements in the negotiations").</summary>
    private static readonly HashSet<string> s_sourceWords =
    [
        "fact", "facts", "figure", "figures", "number", "numbers", "date", "dates", "report", "reports", "reporting",
        "source", "sources", "claim", "claims", "account", "accounts", "data", "record", "records", "outlet", "outlets",
        "media", "news", "newspaper", "newspapers", "paper", "papers", "story", "stories", "version", "versions",
    ];

    /// <summary>The only other words in a question that asks what is disputed: asking words, and nouns for facts and their
    /// sources in general ("which figures are disputed", "where do reports conflict", "any contested facts in the talks").
    /// Not a word that names a subject ("is the deal date disputed"), which the ranking answers.</summary>
    private static readonly HashSet<string> s_disputedListWords =
    [
        "what", "whats", "which", "where", "how", "many", "is", "are", "was", "were", "be", "being", "do", "does", "did",
        "have", "has", "had", "the", "a", "an", "any", "anything", "something", "some", "there", "of", "in", "on", "about",
        "over", "between", "among", "each", "other", "all", "list", "show", "tell", "give", "me", "i", "we", "you", "your",
        "our", "s", "and", "or", "so", "far", "now", "currently", "please", "pls", "thing", "things", "stuff", "detail",
        "details", "item", "items", "point", "points", "info", "information", "base", .. s_sourceWords,
    ];

    /// <summary>Words for the talks and the deal as a whole, and their two sides: in a question that asks what is disputed
    /// they leave it a question about all of it when a preposition brings them in and nothing of its own follows ("what is
    /// disputed about the deal", "contested facts in the us-japan talks", "disagreements between japan and us accounts"),
    /// not as its subject ("is the deal disputed") nor before one ("what is disputed about the deal date").</summary>
    private static readonly HashSet<string> s_wholeNouns = ["deal", "agreement", "talks", "negotiations", "negotiation"];

    private static readonly HashSet<string> s_wholeSides = ["japan", "us", "usa", "america"];

    /// <summary>Words that may come before <see cref="s_wholeNouns"/> or between the sides ("the us-japan trade talks").</summary>
    private static readonly HashSet<string> s_wholeModifiers = ["the", "and", "trade", "japanese", "american", .. s_wholeSides];

    /// <summary>The prepositions, all among <see cref="s_disputedListWords"/>, that bring in the whole.</summary>
    private static readonly HashSet<string> s_scopeWords = ["about", "in", "on", "over", "of", "between", "among"];

    /// <summary>The question's words with those that name the whole after a preposition read as "the", so a list question
    /// may name the talks it is about.</summary>
    private static List<string> OutsideTheWhole(List<string> typed)
    {
        var read = new List<string>(typed);
        for (var i = 0; i < read.Count; i++)
        {
            if (!s_scopeWords.Contains(read[i]))
            {
                continue;
            }

            var end = i + 1;
            while (end < read.Count && (s_wholeNouns.Contains(read[end]) || s_wholeModifiers.Contains(read[end])))
            {
                end++;
            }

            // Ends on the talks, the deal or a side, then the question ends, another preposition follows, or sources do
            // ("japan and us accounts"); not "the deal date".
            var whole = end > i + 1 && (s_wholeNouns.Contains(read[end - 1]) || s_wholeSides.Contains(read[end - 1]))
                && (end == read.Count || s_scopeWords.Contains(read[end]) || (s_sourceWords.Contains(read[end]) && read[end].EndsWith('s')));
            for (var j = i + 1; whole && j < end; j++)
            {
                read[j] = "the";
            }

            i = end - 1;
        }

        return read;
    }

    /// <summary>Words that say the facts themselves are disputed: these ask what is disputed with no word for sources.</summary>
    private static readonly HashSet<string> s_disputedWords = ["disputed", "contested", "contentious", "discrepancy", "discrepancies"];

    /// <summary>Words that say a question is about the negotiating ("who negotiated", "the us negotiators", "who took part
    /// in the talks"); one must be in a question that asks who the negotiators were.</summary>
    private static readonly HashSet<string> s_negotiatingWords =
    [
        "negotiator", "negotiators", "negotiated", "negotiating", "negotiate", "negotiation", "negotiations", "talk", "talks",
        "round", "rounds", "delegation", "delegations", "side", "sides",
    ];

    /// <summary>Words that ask for people ("who", "the negotiators", "the team"); one must be in such a question.</summary>
    private static readonly HashSet<string> s_peopleWords =
    [
        "who", "whom", "whos", "negotiator", "negotiators", "team", "teams", "delegation", "delegations", "players", "player", "people",
        "members", "officials",
    ];

    /// <summary>The only other words in a question that asks who the negotiators were: asking words, words for leading and
    /// taking part, and the sides' names. Not a post, a deed or another subject ("who signed the deal", "the japanese govt
    /// spokesman on the negotiations", "how many officials were on the us team"), which the ranking answers.</summary>
    private static readonly HashSet<string> s_negotiatorsListWords =
    [
        "is", "are", "was", "were", "be", "been", "the", "a", "an", "for", "on", "of", "in", "at", "to", "by",
        "and", "or", "s", "did", "do", "does", "main", "key", "chief", "top", "lead", "led", "leads", "leading", "head",
        "headed", "heads", "run", "ran", "runs", "running", "charge", "each", "both", "side", "sides",
        "took", "take", "taking", "part", "attended", "attend", "attending", "participated", "sat", "doing", "handled",
        "handling", "guy", "guys", "person", "man", "one", "ones", "list", "all", "which", "what", "member", "official",
        "deal", "trade", "tariff", "agreement", "me", "tell", "give", "show", "please", "pls", "actually", "really",
        "japan", "japanese", "tokyo", "nippon", "us", "usa", "america", "american", "americans", "washington",
    ];

    /// <summary>The only words besides a person's name in a question that asks which rounds they were at ("which rounds
    /// did greer attend", "how many rounds was lutnick at", "was trump at any round", "which rounds did bessent miss").</summary>
    private static readonly HashSet<string> s_attendedWords =
    [
        "which", "what", "how", "many", "round", "rounds", "session", "sessions", "did", "does", "do", "was", "were", "is",
        "at", "attend", "attended", "attending", "in", "any", "of", "the", "a", "an", "numbered", "talk", "talks", "go",
        "went", "to", "show", "showed", "up", "for", "join", "joined", "took", "take", "part", "sit", "sat", "miss",
        "missed", "skip", "skipped", "all", "every", "there", "present", "and", "s", "number", "count", "he", "she",
        "on", "until", "till", "through", "one", "actually", "personally", "really", "also", "too", "or",
    ];

    /// <summary>Words a question for one meeting of the people it names, by its number, may use besides their names and
    /// the number: "when did akazawa and lutnick meet for the first time", "akazawa's second meeting with bessent", "first
    /// us japan talks between akazawa and greer", "how long was the first akazawa lutnick meeting", "what did they discuss at
    /// it", "when did akazawa and lutnick last meet". Anything more (a place, a topic) asks for another meeting.</summary>
    private static readonly HashSet<string> s_meetingNumberedWords =
        ["when", "what", "where", "which", "was", "were", "did", "do", "does", "is", "the", "a", "and", "with", "between",
         "meet", "met", "meeting", "meetings", "talk", "talks", "round", "session", "time", "for", "date", "day",
         "hold", "held", "have", "had", "their", "his", "her", "of", "us", "japan", "japanese", "american", "face", "to",
         "face-to-face", "in", "person", "together", "mtg", "who", "whom", "else", "attended", "attend", "at", "how", "long",
         "happened", "happen", "discuss", "discussed", "about", "take", "took", "place", "last", "latest", "most", "recent",
         "many", "times", "often", "very", "they", "them"];

    /// <summary>Words an event's title or text uses for a meeting in person ("Bessent meets Ishiba in Tokyo", "Akazawa
    /// hosted Bessent", "held a roughly 30-minute meeting"), not a call or a report.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(meet|meets|met|meeting|summit|hosted|hosts)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex InPersonPattern();

    /// <summary>Of the meetings (rounds and the talks after them, and, when the people named are of both sides, the events
    /// that put them all at a meeting: "Ishiba–Trump meeting at the G7", "Bessent meets Ishiba in Tokyo") whose records
    /// list every person the question names, in date order, the one the question numbers ("last" is the latest; for "how
    /// many times", Number 0 and the latest), when it asks only for that ("first akazawa lutnick meeting", "when did
    /// akazawa and bessent meet for the first time", "the second akazawa lutnick meeting"); else -1. At least one person named must sit on Japan's side of a round: the
    /// rounds are not the meetings of US officials among themselves ("when did bessent and lutnick first meet") nor all of
    /// a US official's meetings with Japan (Muto saw Lutnick and Greer in March 2025). Also the meetings counted, so a
    /// number past them ("the 12th" of 11) rules those out.</summary>
    private static (int Fact, int Number, int Of, HashSet<int> Counted, bool Events) NumberedMeeting(FactIndex index, string read, List<string> words, Entities entities)
    {
        var none = (-1, 0, 0, new HashSet<int>(), false);
        var occurrences = QuestionNormalizer.Occurrences(read, EntityResolver.IsMonth);
        var met = words.Any(w => w is "meet" or "met" or "meeting" or "meetings" or "mtg" or "session" or "talks");
        // "How long did the meeting last": a closing "last" after "how long" is the verb, not the latest meeting.
        var lastWord = words.Where((w, i) => w == "last" && !(i == words.Count - 1 && words.Contains("long"))).Any();
        // "Second to last", "first and last": an ordinal besides "last" is not one meeting this counts.
        if (occurrences.Count > 0 && lastWord)
        {
            return none;
        }

        var last = occurrences.Count == 0 && (lastWord || words.Contains("latest") || (words.Contains("most") && words.Contains("recent"))) && met;
        // "How many times did akazawa meet lutnick", "how often did they meet": all of them, the latest answering.
        var howMany = occurrences.Count == 0 && !last && met && words.Contains("how")
            && ((words.Contains("many") && words.Any(w => w is "times" or "meetings")) || words.Contains("often"));
        if (entities is not { People.Count: > 0, Round: null, RoundTyped: null, From: null })
        {
            return none;
        }

        var number = 0;
        string? asked = null;
        if (!last && !howMany)
        {
            if (occurrences is not [{ Noun: "meeting" or "round" } one]
                || !int.TryParse(one.Number, System.Globalization.CultureInfo.InvariantCulture, out number) || number < 1)
            {
                return none;
            }

            asked = one.Number;
        }

        if (!words.Select((w, i) => (w, i)).All(x => entities.NamePositions.Contains(x.i) || s_meetingNumberedWords.Contains(x.w)
                || (asked is not null && (x.w == asked || QuestionNormalizer.Ordinals(x.w).Contains(asked)))))
        {
            return none;
        }

        var facts = index.Facts.Facts;
        var rounds = Enumerable.Range(0, facts.Count).Where(i => facts[i] is { Kind: FactKind.Round, Date: not null }).ToList();
        bool OnSide(string person, Func<Fact, IReadOnlyList<string>> side) => rounds.Any(i => side(facts[i]).Contains(person));
        if (!entities.People.Any(p => OnSide(p, f => f.JapanAttendees)))
        {
            return none;
        }

        var meetings = rounds.Where(i => entities.People.All(p => facts[i].JapanAttendees.Contains(p) || facts[i].UsAttendees.Contains(p))).ToList();
        var events = false;
        if (entities.People.Any(p => OnSide(p, f => f.UsAttendees)))
        {
            var days = meetings.Select(i => facts[i].Date!.Value.Start).ToHashSet();
            var atEvents = Enumerable.Range(0, facts.Count)
                .Where(i => facts[i] is { Kind: not FactKind.Round, Date: not null } f && f.People.Count > 0
                    && entities.People.All(f.People.Contains) && !days.Contains(f.Date!.Value.Start)
                    && (InPersonPattern().IsMatch(f.Title) || InPersonPattern().IsMatch(f.Text)))
                .ToList();
            events = atEvents.Count > 0;
            meetings.AddRange(atEvents);
        }

        meetings = [.. meetings.OrderBy(i => facts[i].Date!.Value.Start)];
        if (howMany)
        {
            return meetings.Count > 0 ? (meetings[^1], 0, meetings.Count, [.. meetings], events) : none;
        }

        if (last)
        {
            number = meetings.Count;
        }

        return number >= 1 && number <= meetings.Count ? (meetings[number - 1], number, meetings.Count, [.. meetings], events)
            : (-1, number, meetings.Count, [.. meetings], false);
    }

    /// <summary>The person a question asks which rounds they were at: one person named, "round" or "rounds" with no
    /// number, or "rounds" with several ("did bessent show up for rounds 3 and 7"), and besides the name (and those
    /// numbers) only <see cref="s_attendedWords"/>; null otherwise. One round by its number ("was lutnick at round 4")
    /// is that round's question.</summary>
    private static string? AsksRoundsAttended(List<string> words, Entities entities)
    {
        var numbered = words.Contains("rounds") && words.Count(IsAsciiNumber) >= 2;
        return entities is { People.Count: 1, From: null } && (numbered || entities is { Round: null, RoundTyped: null })
            && words.Any(w => w is "round" or "rounds" or "session" or "sessions")
            && words.Select((w, i) => (w, i)).All(x => entities.NamePositions.Contains(x.i) || s_attendedWords.Contains(x.w) || (numbered && IsAsciiNumber(x.w)))
                ? entities.People.First()
                : null;
    }

    /// <summary>A word of ASCII digits only ("3", not "٣" nor "").</summary>
    private static bool IsAsciiNumber(string word) => word.Length > 0 && word.All(char.IsAsciiDigit);

    /// <summary>Words that ask who led ("who led the us side", "the chief negotiator", "who's running the talks"): asked of
    /// one person, on a side several people were at, the rounds' records do not answer it.</summary>
    private static readonly HashSet<string> s_leadWords =
        ["lead", "led", "leads", "leading", "head", "headed", "heads", "run", "ran", "runs", "running", "charge", "chief", "main", "top", "key"];

    /// <summary>Words that ask for several people, which a list answers even when they led ("the main negotiators").</summary>
    private static readonly HashSet<string> s_manyPeopleWords = ["negotiators", "teams", "delegations", "players", "people", "members", "officials"];

    /// <summary>Words that ask for one person ("the us negotiator", "the japanese guy doing the negotiating").</summary>
    private static readonly HashSet<string> s_onePersonWords = ["negotiator", "person", "one", "guy", "man", "official", "member"];

    /// <summary>Does the question ask for one person: who led ("who led the us side") or one negotiator ("who is the us
    /// negotiator"), and no word asks for several ("the main negotiators")? A Japanese reading has no plurals
    /// (「交渉担当者」 reads "negotiator"): only leading counts.</summary>
    private static bool AsksForOnePerson(List<string> typed, bool japanese) =>
        !typed.Any(s_manyPeopleWords.Contains) && (typed.Any(s_leadWords.Contains) || (!japanese && typed.Any(s_onePersonWords.Contains)));

    /// <summary>Words that name the Japanese side.</summary>
    private static readonly HashSet<string> s_japanSideWords = ["japan", "japanese", "tokyo", "nippon"];

    /// <summary>Words that name the US side ("us" only where it is not "tell us").</summary>
    private static readonly HashSet<string> s_usSideWords = ["us", "usa", "america", "american", "americans", "washington"];

    /// <summary>
    /// The sides a question asks the negotiators of, when it asks only who they were ("who negotiated for the us", "who
    /// are the negotiators", "who led the talks for tokyo", "japan's negotiating team"): a word for the negotiating, a
    /// word asking for people, and besides them only <see cref="s_negotiatorsListWords"/>, no person, round or time. One
    /// side when only one is named, else both; null when the question asks something else.
    /// </summary>
    /// <param name="typed">The question's words before the speller, one for one with <paramref name="words"/>.</param>
    private static Side[]? NegotiatorsAsked(List<string> words, List<string> typed, Entities entities)
    {
        if (entities.Any || entities.RoundTyped is not null)
        {
            return null;
        }

        // A word for the negotiating or for people counts as the speller corrected it too ("negotators"); any other word
        // only as typed ("players", which the speller may make another word of).
        bool Cue(HashSet<string> set, int i) => set.Contains(typed[i]) || set.Contains(words[i]);
        var all = Enumerable.Range(0, words.Count);
        if (!all.Any(i => Cue(s_negotiatingWords, i)) || !all.Any(i => Cue(s_peopleWords, i))
            || !all.All(i => Cue(s_negotiatingWords, i) || Cue(s_peopleWords, i) || s_negotiatorsListWords.Contains(typed[i]) || typed[i] == "with"))
        {
            return null;
        }

        // "Who negotiated with japan", "who did japan negotiate with": the other side. "With" anywhere else, or "with us"
        // (which may be the asker), reads no side.
        var with = words.IndexOf("with");
        var other = with >= 0 && (with + 1 == words.Count || s_japanSideWords.Contains(words[with + 1]) || (s_usSideWords.Contains(words[with + 1]) && words[with + 1] != "us"));
        if (with >= 0 && (!other || words.Count(w => w == "with") > 1))
        {
            return null;
        }

        // Sides' names before the talks' name name the talks ("the japan talks", "us-japan negotiations"), not a side;
        // before anything else, each is a side ("us japan negotiators" are both).
        bool IsSide(string w) => s_japanSideWords.Contains(w) || s_usSideWords.Contains(w);
        bool NamesASide(int i)
        {
            var next = i + 1;
            while (next < words.Count && IsSide(words[next]))
            {
                next++;
            }

            return next == words.Count || words[next] is not ("talk" or "talks" or "negotiation" or "negotiations" or "deal" or "trade" or "tariff" or "agreement");
        }

        var japan = words.Where((w, i) => s_japanSideWords.Contains(w) && NamesASide(i)).Any();
        var us = words.Where((w, i) => s_usSideWords.Contains(w) && NamesASide(i) && !(w == "us" && i > 0 && words[i - 1] is "tell" or "give" or "show")).Any();
        if (japan == us)
        {
            return other ? null : [Side.Japan, Side.UnitedStates];
        }

        return japan != other ? [Side.Japan] : [Side.UnitedStates];
    }

    /// <summary>The people of the sides named at the rounds and later meetings (<see cref="FactBase.Rounds"/>), by the
    /// rounds' records: side by side in the order given, most numbered rounds first, then most later meetings.</summary>
    internal static List<Negotiator> Negotiators(FactBase facts, IReadOnlyList<Side> sides) =>
    [
        .. sides.SelectMany(side => facts.Rounds
            .SelectMany(r => (side == Side.Japan ? r.JapanAttendees : r.UsAttendees).Select(id => (Id: id, Round: r)))
            .GroupBy(x => x.Id, StringComparer.Ordinal)
            .Select(g => (Person: facts.Find(g.Key), Meetings: g.Select(x => x.Round).ToList()))
            .Where(x => x.Person is { Kind: FactKind.Person })
            .Select(x => new Negotiator(x.Person!, side, [.. x.Meetings.Where(r => r.Number is not null).Select(r => r.Number!.Value)], x.Meetings.Count(r => r.Number is null)))
            .OrderByDescending(n => n.Rounds.Count).ThenByDescending(n => n.Later).ThenBy(n => n.Rounds.DefaultIfEmpty(int.MaxValue).Min())),
    ];

    /// <summary>How many of the latest events and rounds a question that asks what is new lists.</summary>
    private const int LatestListed = 5;

    /// <summary>Words that ask what is new ("what's new", "any updates", "latest on the talks", "where do things stand");
    /// one must be in a question that asks only that.</summary>
    private static readonly HashSet<string> s_newWords =
    [
        "new", "news", "latest", "recent", "recently", "lately", "update", "updates", "updated", "development",
        "developments", "status", "stand", "standing", "happening",
    ];

    /// <summary>The only other words in a question that asks what is new: asking words, and words for the talks as a
    /// whole ("what's the latest on the trade talks", "any news on the us-japan talks"). Not a subject of its own ("most
    /// recent meeting", "new finance minister", "latest tariff", "is there a new deal", "what's new in the agreement"), which
    /// the ranking answers.</summary>
    private static readonly HashSet<string> s_newListWords =
    [
        "what", "whats", "where", "how", "is", "are", "was", "were", "be", "do", "does", "did", "has", "have", "had", "the",
        "a", "an", "any", "anything", "something", "there", "on", "in", "about", "of", "with", "for", "to", "me", "us", "i",
        "give", "tell", "show", "so", "far", "now", "currently", "today", "these", "days", "most", "very", "please", "pls",
        "s", "and", "things", "thing", "stuff", "go", "going", "happen", "happened", "happening", "lately", "been",
        "change", "changed", "changes", "changing",
        "talk", "talks", "negotiation", "negotiations", "trade", "japan", "japanese", "american", "america", "usa", "front",
    ];

    /// <summary>Does the question ask only what a list answers: one of <paramref name="cues"/>, and besides them only
    /// <paramref name="allowed"/> words, no person, round or time? A cue counts as the speller corrected it too ("disptued");
    /// any other word only as typed, so that a word no fact has is not made an allowed one.</summary>
    /// <param name="typed">The question's words before the speller, one for one with <paramref name="words"/>.</param>
    private static bool AsksOnly(List<string> words, List<string> typed, Entities entities, HashSet<string> cues, HashSet<string> allowed) =>
        !entities.Any && (words.Any(cues.Contains) || typed.Any(cues.Contains))
        && typed.Select((w, i) => cues.Contains(w) || allowed.Contains(w) || cues.Contains(words[i])).All(ok => ok);

    /// <summary>The only words besides the round and the people it names in a question that asks who took part in it
    /// ("who attended round 8", "was bessent at round 2", "did greer not attend round 6", "who was on the us side in
    /// round 3", "did rubio sit in on the final round", "who took part in round 4", "who else was at round 8 besides
    /// akazawa"): not "say", "give", "why"…, which ask for something else.</summary>
    internal static readonly HashSet<string> TookPartWords =
    [
        "who", "whom", "which", "was", "were", "is", "are", "did", "does", "do", "not", "the", "a", "an", "at", "in", "on",
        "for", "of", "from", "with", "there", "attend", "attended", "attending", "attendee", "attendees", "present", "join",
        "joined", "meet", "met", "see", "saw", "side", "team", "delegation", "delegations", "participant", "participants",
        "room", "round", "final", "last", "us", "japan", "american", "japanese", "usa", "talks", "meeting", "negotiations",
        "sit", "sat", "sitting", "take", "took", "taking", "part", "participate", "participated", "show", "showed", "up",
        "else", "anyone", "anybody", "someone", "somebody", "besides", "apart", "aside", "other", "than", "except", "and",
    ];

    /// <summary>The only words besides the round in a question that asks what happened at it ("what happened in the third
    /// round", "how did round 1 go", "tell me about round 5", "round 6 recap"): not "who", "why", "after", "say"…, which ask
    /// for something else or place another round.</summary>
    private static readonly HashSet<string> s_aboutRoundWords =
    [
        "what", "anything", "happen", "happened", "happens", "happening", "occur", "occurred", "go", "goes", "going",
        "went", "take", "took", "place", "there", "on", "in", "at", "of", "during", "the", "a", "an", "did", "does", "do", "was",
        "were", "is", "are", "how", "tell", "me", "about", "give", "detail", "details", "summary", "summarize", "summarise",
        "overview", "recap", "rundown", "outcome", "result", "results", "come", "came", "out", "s", "round", "final", "last",
        "talks", "talk", "meeting", "negotiations", "negotiation", "session", "ministerial", "trade", "tariff", "japan", "us",
        "japanese", "american", "please", "explain", "describe", "info", "information", "more", "for",
    ];

    /// <summary>Words (of <see cref="s_heldPostWords"/>) that ask who holds a post by what they do ("runs", "heads").</summary>
    private static readonly HashSet<string> s_holdingVerbs = ["runs", "running", "ran", "heads", "heading", "headed", "leads", "leading", "led", "charge"];

    /// <summary>The only words besides a post's name and a date in a question that asks who held the post then ("who is
    /// the finance minister now", "who was japan's pm when the deal got done", "current ustr?"): not "met", "said",
    /// "replaced", "why"…, which ask for something else or for another person.</summary>
    private static readonly HashSet<string> s_heldPostWords =
    [
        "who", "whom", "which", "what", "is", "was", "were", "are", "s", "the", "a", "an", "of", "for", "in", "at", "on", "to",
        "as", "during", "when", "while", "now", "new", "current", "currently", "today", "incumbent", "nowadays", "sitting", "still",
        "then", "time", "year", "japan", "us", "japanese", "american", "usa", "america", "tokyo", "washington", "name",
        "person", "official", "deal", "talks", "negotiations", "agreement", "made", "done", "struck", "reached", "got",
        "agreed", "announced", .. s_holdingVerbs,
    ];

    /// <summary>The question's terms less those only <see cref="s_holdingVerbs"/> give ("heads" read as "chair"), not a
    /// phrase they make with the post's own words ("heads the government" is the prime minister).</summary>
    private static List<string> PostTerms(Analyzer analyzer, List<string> words, List<string> terms)
    {
        if (!words.Any(s_holdingVerbs.Contains))
        {
            return terms;
        }

        var without = analyzer.Terms([.. words.Where(w => !s_holdingVerbs.Contains(w))]).ToHashSet(StringComparer.Ordinal);
        var asking = analyzer.Terms([.. words.Where(s_heldPostWords.Contains)]).ToHashSet(StringComparer.Ordinal);
        var verbs = analyzer.Terms(words).Where(t => !without.Contains(t) && asking.Contains(t)).ToHashSet(StringComparer.Ordinal);
        return [.. terms.Where(t => !verbs.Contains(t))];
    }

    /// <summary>Words besides <see cref="EntityResolver.GovernmentWords"/> that may name a government with its head's name
    /// ("under ishiba", "under president trump", "pm takaichi's").</summary>
    private static readonly string[] s_headWords = ["under", "president", "prime", "pm"];

    /// <summary>Words that ask again for a person ("the pm who got the deal done"): a question with two asks more than
    /// who held a post.</summary>
    private static readonly HashSet<string> s_relativeWords = ["who", "whom", "which", "that", "whose"];

    /// <summary>Words that name a side ("japan's", "the us", "tokyo", "american").</summary>
    private static readonly Dictionary<string, Side> s_sideWords = new(StringComparer.Ordinal)
    {
        ["japan"] = Side.Japan, ["japanese"] = Side.Japan, ["tokyo"] = Side.Japan,
        ["us"] = Side.UnitedStates, ["usa"] = Side.UnitedStates, ["america"] = Side.UnitedStates, ["american"] = Side.UnitedStates,
        ["washington"] = Side.UnitedStates,
    };

    /// <summary>Words before a side's name that may make it where a post is ("ambassador in japan", "envoy to the us")
    /// rather than whose it is.</summary>
    private static readonly HashSet<string> s_placeWords = ["in", "to", "at", "from", "over"];

    /// <summary>Words that ask who came before or after someone in a post ("who was pm before takaichi", "who replaced kato
    /// as finance minister", "iwaya's successor").</summary>
    private static readonly HashSet<string> s_successionWords =
    [
        "who", "whom", "is", "was", "were", "are", "s", "the", "a", "an", "of", "as", "at", "in", "to", "japan", "us",
        "japanese", "american", "before", "after", "replace", "replaced", "replaces", "succeed", "succeeded", "succeeds",
        "successor", "predecessor", "replacement", "take", "took", "taken", "over", "from", "come", "came", "by", "did",
        "does", "job", "post", "role", "position", "office",
    ];

    /// <summary>Does the question ask only who came before or after the one person it names in a post: besides the name,
    /// only the post's name and <see cref="s_successionWords"/> (no time: "who replaced muto during the talks" asks
    /// whether the handover fell then too)?</summary>
    private static bool AsksOnlySuccession(FactIndex index, List<string> words, Entities entities) =>
        entities.People.Count == 1
        && words.Select((w, i) => entities.NamePositions.Contains(i) || s_successionWords.Contains(w) || index.Roles.NamesAPost(w, index.Analyzer))
            .All(ok => ok);

    /// <summary>
    /// The time and side of the post a question asks the holder of, when it asks only that ("who is the finance minister
    /// now", "finance minister during the talks", "who was japan's pm when the deal got done"): it asks for a person,
    /// names nobody by name, places the post in time (not "former"), and has besides the post's name and the time only
    /// <see cref="s_heldPostWords"/>. Null otherwise.
    /// </summary>
    private static (TimeFrame Frame, Side? Side)? PostAsked(FactIndex index, Reading reading)
    {
        var (words, terms, type, entities) = (reading.Words, reading.Terms, reading.Type, reading.Entities);
        // As the ranking reads it (Fuse): a question that asks "who", or names a kind of person ("current ustr?").
        var asksForPerson = type == QuestionType.Who || QuestionClassifier.NamesAPersonNoun(words);
        if (entities.ByName.Count > 0 || entities.Round is not null || entities.RoundTyped is not null || !asksForPerson
            || words.Count(s_relativeWords.Contains) > 1
            || index.Roles.Frame(words, terms, entities) is not { IsFormer: false } frame)
        {
            return null;
        }

        // A government named for its time ("ishiba's defense minister", "finance minister under ishiba", "in the ishiba
        // cabinet") is a time too.
        var government = entities.Governments.Select(index.Facts.Find).OfType<Fact>().SelectMany(head => QuestionNormalizer.Words(head.Title))
            .Concat(entities.Governments.Count > 0 ? [.. EntityResolver.GovernmentWords, .. s_headWords] : []).ToHashSet(StringComparer.Ordinal);
        bool NamesThePostOrTime(string word) =>
            s_heldPostWords.Contains(word) || word.All(char.IsDigit) || EntityResolver.IsMonth(word)
            || index.Roles.NamesAPost(word, index.Analyzer) || government.Contains(word);
        var phrased = index.Roles.PostPhrases(words, index.Analyzer);
        if (!words.Select((w, i) => phrased.Contains(i) || NamesThePostOrTime(w)).All(named => named))
        {
            return null;
        }

        // Whose post: "japan's", "the us", "american" name the holder's side; "in japan", "to the us" may name where the
        // post is (an ambassador's), so they name no side.
        var owners = words.Where((w, i) => s_sideWords.ContainsKey(w) && !(i > 0 && s_placeWords.Contains((words[i - 1] is "the" && i > 1) ? words[i - 2] : words[i - 1])))
            .Select(w => s_sideWords[w]).Distinct().ToList();
        return (frame, owners is [var owner] ? owner : null);
    }

    /// <summary>Does the question ask only what happened at the one round it names, by number ("round 4", "the final
    /// round") or by its day ("how did the may 30 talks go"): besides the round's number or day, only
    /// <see cref="s_aboutRoundWords"/>, and no person?</summary>
    private static bool AsksOnlyAboutTheRound(List<string> words, Entities entities) =>
        entities.People.Count == 0
        && NamesOneRound(words, entities)
        && words.All(w => s_aboutRoundWords.Contains(w) || w.All(char.IsDigit) || (entities.Round is null && EntityResolver.IsMonth(w)));

    /// <summary>Words that ask only how much of a whole there is ("how much is", "how big was").</summary>
    private static readonly HashSet<string> s_howMuchWords = ["how", "much", "big", "large", "huge"];

    /// <summary>The positions of the words besides those asking how much ("how much is the investment", "how big was the
    /// rice deal", "the investment, how large?"), when the question asks that; null otherwise.</summary>
    private static List<int>? AsksHowMuch(List<string> words, QuestionType type)
    {
        var how = words.IndexOf("how");
        // Not "how many": a count, which an amount of money or a share does not give ("how many weapons").
        if (type is not (QuestionType.HowMuch or QuestionType.What or QuestionType.Other) || how < 0 || how + 1 >= words.Count
            || words[how + 1] is not ("much" or "big" or "large" or "huge"))
        {
            return null;
        }

        return [.. Enumerable.Range(0, words.Count).Where(i => !s_howMuchWords.Contains(words[i]))];
    }

    /// <summary>Is the question a request put as a yes-or-no question: "can you summarize the deal", "could you give me
    /// the main points"?</summary>
    private static bool IsRequest(List<string> words) => words is [("can" or "could" or "would" or "will"), "you", ..];

    /// <summary>Does the question ask only what happened on one day, in one month or in part of a month, season or year
    /// ("late july", "the week of july 21", "summer 2025"): besides the time (and its numbers), only
    /// <see cref="s_happenedWords"/>?</summary>
    private static bool AsksOnlyWhatHappened(List<string> words, Entities entities) =>
        entities is { People.Count: 0, Round: null, RoundTyped: null, From: { } from, To: { } to }
        // A whole month with no number but its year: "june 31" is no day, and not June either.
        && (entities.DayPrecision ? from == to : !IsWholeMonth(from, to) || words.All(w => !w.All(char.IsDigit) || w.Length == 4))
        && words.Count(EntityResolver.IsMonth) <= 1
        && words.All(w => s_happenedWords.Contains(w) || EntityResolver.IsMonth(w) || w.All(char.IsDigit) || (!entities.DayPrecision && s_partOfTimeWords.Contains(w)));

    /// <summary>Words that name part of a month, a season or part of a year ("at the end of may", "the last week of
    /// july", "over the summer"), which <see cref="EntityResolver"/> reads into the time asked about.</summary>
    private static readonly HashSet<string> s_partOfTimeWords =
        ["early", "mid", "middle", "late", "beginning", "start", "end", "week", "last", "spring", "summer", "autumn", "fall", "at", "during", "over", "this"];

    /// <summary>Does the question ask only who took part in the one round it names, by number ("round 4", "the final
    /// round") or by its day ("the april 16 talks, who was there"): besides the round's number or day and the people it
    /// names, only <see cref="TookPartWords"/>?</summary>
    private static bool AsksOnlyWhoTookPart(List<string> words, Entities entities) =>
        NamesOneRound(words, entities)
        && words.Select((w, i) => (w, i)).All(x => TookPartWords.Contains(x.w) || entities.NamePositions.Contains(x.i) || x.w.All(char.IsDigit)
            || (entities.Round is null && EntityResolver.IsMonth(x.w)));

    /// <summary>Does the question name one round, by its number ("round 4", "the final round", one number only) or by
    /// one day ("the may 30 talks")?</summary>
    private static bool NamesOneRound(List<string> words, Entities entities) =>
        entities is { Round: not null, From: null }
            ? words.Count(w => w.All(char.IsDigit)) <= 1
            : entities is { Round: null, DayPrecision: true } && entities.From == entities.To && words.Count(EntityResolver.IsMonth) == 1;

    /// <summary>Is the top fact the round the question names, by number or by its day (<see cref="RoundOfTheDay"/>)?</summary>
    private static bool IsTheRoundNamed(FactIndex index, List<string> words, Entities entities, Fact top, int topIndex) =>
        top is { Kind: FactKind.Round } round
        && (round.Number == entities.Round || (entities.Round is null && RoundOfTheDay(index, words, entities) == topIndex));

    /// <summary>The round a question names by its day: the one occasion of that day, or, when the question speaks of a
    /// round or talks ("the may 30 talks"), the one round among that day's occasions; -1 when there is none.</summary>
    private static int RoundOfTheDay(FactIndex index, List<string> words, Entities entities)
    {
        var occasions = OccasionsIn(index, entities);
        var rounds = occasions.Where(i => index.Facts.Facts[i].Kind == FactKind.Round).ToList();
        return occasions is [var only] ? only
            : rounds is [var round] && words.Any(w => w is "round" or "talks" or "negotiations") ? round
            : -1;
    }

    /// <summary>Words that ask only what a figure the question gives is: "what does 27.5% mean", "where's the 69 billion
    /// from", "what is the 8.64 trillion figure".</summary>
    private static readonly HashSet<string> s_figureWords =
    [
        "what", "whats", "is", "the", "a", "an", "does", "do", "mean", "means", "meaning", "figure", "number", "stat", "stand",
        "for", "where", "from", "come", "comes", "came", "this", "that", "about", "refer", "refers", "to", "s", "of",
        "behind", "explain", "it", "with", "why", "on", "in",
    ];

    /// <summary>The units a normalised amount is written in ("$550bn" is "dollar 550 billion").</summary>
    private static readonly HashSet<string> s_unitWords = ["percent", "billion", "trillion", "million", "dollar", "yen"];

    /// <summary>
    /// For a question that asks only what a figure it gives is ("what does 27.5% mean", "where's the 69 billion from",
    /// "what's the 28.3% about cars"): the one figure or purchase whose amount, as shown or converted, gives that number
    /// in the units the question names, when no other fact's amount or title states the number. Besides the number and
    /// its units, only <see cref="s_figureWords"/> and words of that fact's own wording (no other stop word: not "how
    /// much", "not", "did"). Not a question that asks who, when, how many, or yes or no, nor one that names a person,
    /// round or date; -1 otherwise.
    /// </summary>
    private static int FigureNamed(FactIndex index, List<string> words, QuestionType type, Entities entities)
    {
        // A percentage alone reads as "how much": "what does 27.5% mean".
        if (type is not (QuestionType.What or QuestionType.Why or QuestionType.Where or QuestionType.HowMuch or QuestionType.Other) || entities.Any
            || Numbers(words, entities) is not [var number])
        {
            return -1;
        }

        var units = words.Where(s_unitWords.Contains).ToList();
        var facts = index.Facts.Facts;
        var found = -1;
        for (var i = 0; i < facts.Count; i++)
        {
            var amount = facts[i] is { Kind: FactKind.Figure or FactKind.Purchase, Amount: { } a } ? QuestionNormalizer.Words($"{a.Display} {a.Converted}") : null;
            if (amount is not null && amount.Contains(number) && units.All(amount.Contains))
            {
                if (found >= 0)
                {
                    return -1;
                }

                found = i;
            }
            // Another fact stating the number names it too, unless the units say otherwise: "the 8 billion" is not round 8.
            else if (index.StatedNumbers[i].Contains(number)
                && (units.Count == 0 || units.All(QuestionNormalizer.Words($"{facts[i].Title} {facts[i].Amount?.Display} {facts[i].Amount?.Converted}").Contains)))
            {
                return -1;
            }
        }

        return found >= 0 && words.All(w => w == number || s_figureWords.Contains(w) || s_unitWords.Contains(w)
            || index.Analyzer.Terms([w]) is { Count: > 0 } terms && terms.All(t => index.Bm25.DocumentHas(found, t)))
            ? found
            : -1;
    }

    /// <summary>
    /// For a question that asks which round came first after, or last before, an occasion or a day
    /// (<see cref="EntityResolver.RoundPlaced"/>) and names no round by number: that round (or trip, when it asks for a
    /// trip), and what placed it. The day is the one the question types; else the occasion is the event or round the
    /// engine answers its words with ("the g7", "japan called off the 2+2"), and only when it answers them: an
    /// abstention, or an answer that is not an event or round dated to the day, places nothing. Null too when no round
    /// comes after (or before) it.
    /// </summary>
    private (int Round, RoundPlacement Placement)? Placed(FactIndex index, List<string> words, Entities entities, Func<string, float[]>? embed)
    {
        if (entities.RoundTyped is not null || EntityResolver.RoundPlaced(words) is not { } asked)
        {
            return null;
        }

        var facts = index.Facts.Facts;
        var rounds = Enumerable.Range(0, facts.Count)
            .Where(i => facts[i] is { Kind: FactKind.Round, Date.Day: not null } round && (asked.Trips || round.Number is not null))
            .OrderBy(i => facts[i].Date)
            .ToList();

        // The round dated first after (or last before) a day or span; -1 when there is none.
        int Next(PartialDate from, PartialDate to) => asked.After
            ? rounds.Where(i => facts[i].Date!.Value.Start > to.End).DefaultIfEmpty(-1).First()
            : rounds.Where(i => (facts[i].EndDate ?? facts[i].Date!.Value).End < from.Start).DefaultIfEmpty(-1).Last();

        RoundPlacement placement;
        // A day or month typed on its own ("the july 9 deadline"); with more words it is part of what names the occasion
        // ("the g7 in june").
        if (entities is { From: { } from, To: { } to } && words.Skip(asked.Occasion).All(w => s_dayWords.Contains(w) || EntityResolver.IsMonth(w) || w.All(char.IsDigit)))
        {
            var whole = !entities.DayPrecision && IsWholeMonth(from, to);
            if (!entities.DayPrecision && !whole)
            {
                return null;
            }

            var day = whole ? new PartialDate(from.Year, from.Month, null) : PartialDate.FromDate(from);
            placement = new RoundPlacement(null, day, whole ? day : PartialDate.FromDate(to), asked.After, asked.Trips, null);
        }
        else
        {
            // Only occasions compete to be the one named, and of those that place the same round, only the best ranked.
            var occasion = Answer(index, string.Join(' ', words.Skip(asked.Occasion)), embed,
                f => IsOccasion(f) ? Next(f.Date!.Value, f.EndDate ?? f.Date!.Value) : null);
            if (occasion.Best is not { Date: { } date } best)
            {
                return null;
            }

            placement = new RoundPlacement(best, date, best.EndDate ?? date, asked.After, asked.Trips, occasion.Confidence);
        }

        var found = Next(placement.From, placement.To);
        return found < 0 ? null : (found, placement);
    }

    /// <summary>
    /// For a question that asks only in which order two occasions came (<see cref="EntityResolver.OrderOf"/>): the two,
    /// each the event or round the engine answers its words with when only occasions may answer them (those of one day
    /// counting as one), and only when it answers both, with two different facts; null otherwise.
    /// </summary>
    private OccasionOrder? Ordered(FactIndex index, List<string> words, Func<string, float[]>? embed)
    {
        if (EntityResolver.OrderOf(words) is not { } asked)
        {
            return null;
        }

        AnswerResult Occasion(IReadOnlyList<string> part) =>
            Answer(index, string.Join(' ', part), embed, f => IsOccasion(f) ? f.Date!.Value.Start.DayNumber : null);
        var (first, second) = (Occasion(asked.First), Occasion(asked.Second));
        return first.Best is { } a && second.Best is { } b && !ReferenceEquals(a, b)
            ? new OccasionOrder(a, b, asked.Before, Math.Min(first.Confidence, second.Confidence))
            : null;
    }

    /// <summary>An occasion read among events and rounds alone must also rank among this many first of all facts.</summary>
    private const int OccasionAmong = 3;

    /// <summary>The words besides a day or month that may name it as an occasion: "the july 9 deadline".</summary>
    private static readonly HashSet<string> s_dayWords = ["the", "of", "on", "deadline", "day", "date", "st", "nd", "rd", "th"];

    /// <summary>Is the span the whole of one month (June 1 to June 30)?</summary>
    private static bool IsWholeMonth(DateOnly from, DateOnly to) => from.Day == 1 && to == from.AddMonths(1).AddDays(-1);

    /// <summary>Is the fact an event or round dated to the day: an occasion that can place another? (Only occasions may
    /// answer an occasion's words, so what they are answered with is one.)</summary>
    private static bool IsOccasion(Fact fact) => fact is { Kind: FactKind.Event or FactKind.Round, Date.Day: not null };

    /// <summary>The events and rounds the fact base dates in the question's day (given to the day: its date, or a span
    /// that includes it) or month (to the day or the month), in date order.</summary>
    private static List<int> OccasionsIn(FactIndex index, Entities entities)
    {
        var found = new List<int>();
        var facts = index.Facts.Facts;
        for (var i = 0; i < facts.Count; i++)
        {
            if (facts[i] is { Kind: FactKind.Event or FactKind.Round, Date: { } date } fact && (date.Day is not null || !entities.DayPrecision)
                && DatedWithin(fact, entities.From!.Value, entities.To!.Value))
            {
                found.Add(i);
            }
        }

        return [.. found.OrderBy(i => facts[i].Date).ThenBy(i => facts[i].Id, StringComparer.Ordinal)];
    }

    /// <summary>The events and rounds whose records tell of a day in the time asked (<see cref="FactIndex.Mentions"/>:
    /// "followed by a phone call on June 14"), in date order.</summary>
    private static List<int> OccasionsMentioning(FactIndex index, Entities entities)
    {
        var (from, to) = (entities.From!.Value, entities.To!.Value);
        var facts = index.Facts.Facts;
        return [.. Enumerable.Range(0, facts.Count)
            .Where(i => facts[i].Kind is FactKind.Event or FactKind.Round && index.Mentions[i].Days.Any(d => d >= from && d <= to))
            .OrderBy(i => facts[i].Date).ThenBy(i => facts[i].Id, StringComparer.Ordinal)];
    }

    /// <summary>The part of a fused score that is evidence from the question (a round, person, date or post it names)
    /// rather than similarity of wording.</summary>
    private double Evidence(RankedFact ranked) => ranked.Score - Similarity(ranked.Lexical, ranked.Semantic);

    /// <summary>The wording part of a fused score: the lexical share (of the best) and the semantic cosine, weighed.</summary>
    private double Similarity(double lexical, double semantic) => (_w.Lexical * lexical) + ((1 - _w.Lexical) * semantic);

    /// <summary>What the engine reads from a question's words: its terms, type and entities.</summary>
    private sealed record Reading(List<string> Words, List<string> Terms, QuestionType Type, Entities Entities);

    private static Reading Read(FactIndex index, List<string> words, IReadOnlySet<string> ordinals)
    {
        var entities = index.Entities.Resolve(words, ordinals);
        var terms = index.Analyzer.Terms(words);
        // "the round after round 4" asks for round 5: its words are ranked as if it had named round 5.
        var shifted = Shifted(entities);
        return new(words, shifted.Asked is null ? terms : [.. terms.Select(t => t == shifted.Typed ? shifted.Asked : t).Where(t => t.Length > 0)], QuestionClassifier.Classify(words), entities);
    }

    /// <summary>For a question that names a round to ask for the one after or before it, the number typed and the
    /// number asked for, as words (empty when there is no such round); nulls otherwise.</summary>
    private static (string? Typed, string? Asked) Shifted(Entities entities) =>
        entities is { RoundTyped: { } typed } && typed != entities.Round
            ? (typed.ToString(CultureInfo.InvariantCulture), entities.Round?.ToString(CultureInfo.InvariantCulture) ?? "")
            : default;

    /// <summary>Every fact's fused score (into <paramref name="scores"/>): lexical similarity (normalised to the best,
    /// into <paramref name="lexicalShare"/>) and semantic similarity, plus the evidence the question gives.</summary>
    private void Fuse(FactIndex index, Reading reading, HashSet<string> ordinals, double[] semantic, double[] scores, double[] lexicalShare)
    {
        var (words, terms, type, entities) = (reading.Words, reading.Terms, reading.Type, reading.Entities);
        var facts = index.Facts.Facts;
        var numbers = Numbers(words, entities);
        var personNoun = QuestionClassifier.NamesAPersonNoun(words);
        // Concerns a person or a post ("finance minister now", "who…"): read which post, when and for which side.
        var asksForPerson = type == QuestionType.Who || personNoun;
        var frame = asksForPerson ? index.Roles.Frame(words, terms, entities) : null;
        var asksNow = RoleTimes.AsksNow(words);
        var asksProfile = AsksProfile(words, entities);
        // "who is akazawa's counterpart": the one person named is across from the answer, never the answer, as the one
        // named in "who replaced nakatani" is beside it.
        var asksCounterpart = words.Any(s_counterpartWords.Contains);
        var counterpartOf = asksCounterpart && entities.People.Count == 1 ? index.Facts.Find(entities.People.First()) : null;
        var side = asksForPerson && !asksProfile ? SideAsked(words, terms) ?? AcrossFrom(counterpartOf) : null;
        var whoPersonNoun = type == QuestionType.Who && personNoun;

        // "the latest meeting", "most recent round": the latest of the rounds and the trips after them.
        var latest = AsksLatest(words, terms) && index.Facts.Rounds.Count > 0 ? index.Facts.Rounds[^1] : null;
        var answerIsPerson = AnswerIsPerson(words, type, entities);

        // "who replaced nakatani", "iwaya's successor": the person before or after the one named.
        var adjacent = index.Roles.Adjacent(words, terms, entities, answerIsPerson);

        // "kato finance minister until when": a question that names someone and asks for no person is not about another.
        var otherPeopleUnlikely = entities.People.Count > 0 && !answerIsPerson && adjacent.Count == 0;
        // "akazawa counterpart", like "nakatani successor", asks for someone else.
        var aboutPerson = adjacent.Count == 0 && !asksCounterpart
            && (asksProfile || (entities.People.Count > 0 && words.Count(w => !Analyzer.StopWords.Contains(w)) - entities.NameWords <= 1));

        var lexical = index.Bm25.Score(terms);
        var maxLexical = lexical.Max();
        var key = FactIndex.Key(terms);
        for (var i = 0; i < facts.Count; i++)
        {
            var lex = maxLexical > 0 ? lexical[i] / maxLexical : 0;
            var sem = Math.Max(0, semantic[i]);
            var bonus = Bonus(facts[i], index.Mentions[i], type, entities, aboutPerson) + NumberBonus(index, i, numbers, ordinals) + (index.CuratedKeys[i].Contains(key) ? _w.CuratedMatch : 0)
                + (frame is not null && facts[i].Kind == FactKind.Person && (side is null || facts[i].Side == side) ? _w.RoleTime * index.Roles.Fit(facts[i], terms, frame) : 0)
                + (asksNow && Ended(facts[i], index.Roles.Now) ? -_w.EndedNow : 0)
                + (latest is not null && ReferenceEquals(facts[i], latest) ? _w.Latest : 0)
                + (adjacent.Contains(facts[i].Id) ? _w.Adjacent : 0)
                + (type == QuestionType.Who && ReferenceEquals(counterpartOf, facts[i]) ? -_w.Adjacent : 0)
                + (otherPeopleUnlikely && facts[i].Kind == FactKind.Person && !entities.People.Contains(facts[i].Id) ? -_w.OtherPerson : 0)
                + (whoPersonNoun && facts[i].Kind == FactKind.Person ? _w.WhoPersonNoun : 0)
                + (side is not null && type == QuestionType.Who && facts[i].Kind == FactKind.Person && facts[i].Side is { } factSide ? (factSide == side ? _w.SideAsked : -_w.SideAsked) : 0);
            scores[i] = Similarity(lex, sem) + bonus;
            lexicalShare[i] = lex;
        }
    }

    /// <summary>
    /// Does the question want a person as its answer ("who…", "which minister…")? Not "when did X become finance
    /// minister" (it wants a date), nor "treasury secretary trip to the osaka expo", where the person noun is part of a
    /// name: such questions still concern a person, for reading posts and times, but another person is not the answer.
    /// </summary>
    internal static bool AnswerIsPerson(IReadOnlyList<string> words, QuestionType type, Entities entities) =>
        type == QuestionType.Who
        || (type is QuestionType.What or QuestionType.Other && QuestionClassifier.NamesAPersonNoun([.. words.Where((_, i) => !entities.NamePositions.Contains(i))]));

    /// <summary>
    /// How firmly the question's words hold the top fact: the share of the question's content words that can each be
    /// left out, the rest read again (same sentence vector), with the same fact still on top. An answer that one word
    /// alone puts first is fragile. Leaving out a word that leaves nothing to read (no terms, no entities) loses the
    /// answer: the engine would not answer that question at all.
    /// </summary>
    private double Stability(FactIndex index, List<string> words, HashSet<string> ordinals, double[] semantic, Fact top)
    {
        var facts = index.Facts.Facts;
        var scores = new double[facts.Count];
        var lexical = new double[facts.Count];
        var kept = 0;
        var tried = 0;
        for (var i = 0; i < words.Count; i++)
        {
            if (Analyzer.StopWords.Contains(words[i]))
            {
                continue;
            }

            tried++;
            var reduced = Read(index, [.. words.Take(i), .. words.Skip(i + 1)], ordinals);
            if (reduced.Terms.Count == 0 && !reduced.Entities.Any)
            {
                continue;
            }

            Fuse(index, reduced, ordinals, semantic, scores, lexical);
            kept += ReferenceEquals(facts[TopIndex(scores, facts)], top) ? 1 : 0;
        }

        return tried == 0 ? 1 : kept / (double)tried;
    }

    /// <summary>The best score's fact, ties to the smaller id: the order <see cref="Answer"/> ranks in.</summary>
    private static int TopIndex(double[] scores, IReadOnlyList<Fact> facts)
    {
        var best = 0;
        for (var f = 1; f < facts.Count; f++)
        {
            if (scores[f] > scores[best] || (scores[f] == scores[best] && string.CompareOrdinal(facts[f].Id, facts[best].Id) < 0))
            {
                best = f;
            }
        }

        return best;
    }

    /// <summary>The fact's position in the snapshot's list (by reference), or -1.</summary>
    internal static int IndexOf(IReadOnlyList<Fact> facts, Fact fact)
    {
        for (var i = 0; i < facts.Count; i++)
        {
            if (ReferenceEquals(facts[i], fact))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Entity and question-type evidence added to the fused score.</summary>
    /// <param name="aboutPerson">The question names a person and little else ("who's hayashi", "bessent role"):
    /// it asks for the person's own fact. Otherwise it asks about something involving them.</param>
    internal double Bonus(Fact fact, FactMentions mentions, QuestionType type, Entities entities, bool aboutPerson)
    {
        var bonus = 0.0;
        if (entities.Round is { } round && fact.Kind == FactKind.Round && fact.Number is { } number)
        {
            bonus += number == round ? _w.RoundMatch : -_w.RoundMismatch;
        }

        if (entities.People.Count > 0)
        {
            if (entities.People.Contains(fact.Id))
            {
                // "who replaced nakatani": a who-question naming someone asks for someone else.
                // "kato bessent currency talks": naming two people asks about what they did together, not a profile.
                bonus += aboutPerson ? _w.PersonAsked : type == QuestionType.Who ? -_w.PersonNamedInWho : 0;
                bonus -= entities.People.Count >= 2 ? _w.PeopleNamedTogether : 0;
            }
            else if (!aboutPerson && mentions.People.Overlaps(entities.People))
            {
                bonus += _w.PersonInvolved;
            }
        }

        if (entities.From is { } from && entities.To is { } to && fact.Date is not null)
        {
            if (DatedWithin(fact, from, to))
            {
                bonus += entities.DayPrecision ? _w.DayMatch : _w.MonthMatch;
            }
            else if (entities.DayPrecision && !mentions.Days.Contains(from))
            {
                bonus -= _w.DayMismatch;
            }
        }

        bonus += type switch
        {
            QuestionType.Who when fact.Kind == FactKind.Person => _w.WhoPerson,
            QuestionType.When when fact.Date is not null && fact.Kind is FactKind.Event or FactKind.Round => _w.WhenDated,
            QuestionType.Where when fact.Place is not null => _w.WherePlace,
            QuestionType.HowMuch or QuestionType.HowMany when fact.Amount is not null => _w.AmountFigure,
            QuestionType.HowMuch when fact.Kind == FactKind.Event && s_titleFigure.IsMatch(fact.Title) => _w.AmountFigure / 2,
            _ => 0,
        };
        return bonus;
    }

    /// <summary>A rate or a sum in a title ("Pharma tariff capped at 15% for Japan", "MOU on the $550 billion signed"):
    /// an event so titled answers "how much", if less surely than a fact whose amount it is.</summary>
    private static readonly System.Text.RegularExpressions.Regex s_titleFigure = new(@"\d%|[$¥]\d", System.Text.RegularExpressions.RegexOptions.Compiled);

    /// <summary>Prepositions that, right after "who is NAME", set the person in a context ("who is trump in the japan
    /// talks") rather than ask for someone else ("who is trump meeting"). Not "for" or "on": "who is lutnick for japan"
    /// and "who's bessent on the japanese side" ask for the other side's counterpart.</summary>
    private static readonly HashSet<string> s_profileContext = ["in", "at", "during", "within", "of", "inside", "throughout", "regarding", "about"];

    /// <summary>
    /// "who is NAME", "who was NAME in the talks", "who exactly is NAME", "who is NAME daijin really": the named person
    /// is the subject, so the question asks for their profile, whatever else it says about the context; the side a
    /// context names ("in the japan talks") is not the side of the answer. "who is trump meeting" and "who is
    /// akazawa's counterpart" (the name followed by anything but a preposition, an intensifier or a title said after
    /// a name) ask for someone else, and so does "who is akazawa in talks with". A question that asks for a profile or
    /// a bio in so many words asks for one, however it is put.
    /// </summary>
    internal static bool AsksProfile(IReadOnlyList<string> words, Entities entities)
    {
        if (entities.People.Count != 1)
        {
            return false;
        }

        // "akazawa bio", "i need a short profile of akazawa": asked for in so many words.
        if (words.Any(s_profileWords.Contains) && !words.Any(s_across.Contains))
        {
            return true;
        }

        if (words.Count < 3 || words[0] != "who")
        {
            return false;
        }

        var verb = 1;
        while (verb < words.Count && s_intensifiers.Contains(words[verb]))
        {
            verb++;
        }

        var name = verb + 1;
        while (name < words.Count && s_intensifiers.Contains(words[name]))
        {
            name++;
        }

        if (verb >= words.Count || words[verb] is not ("is" or "was") || !entities.NamePositions.Contains(name))
        {
            return false;
        }

        var after = name + 1;
        while (after < words.Count && (entities.NamePositions.Contains(after) || s_intensifiers.Contains(words[after]) || s_titlesAfterName.Contains(words[after])))
        {
            after++;
        }

        // "who is akazawa in talks with": a word across the table asks for the other person after all.
        return (after == words.Count || s_profileContext.Contains(words[after])) && !words.Skip(after).Any(s_across.Contains);
    }

    /// <summary>Words that ask for a person's profile by name.</summary>
    private static readonly HashSet<string> s_profileWords = ["profile", "bio", "biography", "biodata"];

    /// <summary>Words that stress a question without changing what it asks: "who exactly is akazawa", "who is he
    /// really".</summary>
    private static readonly HashSet<string> s_intensifiers = ["exactly", "really", "actually", "anyway", "again", "even"];

    /// <summary>Honorifics and titles said after a name, the Japanese way ("akazawa daijin", "bessent chokan",
    /// "akazawa san"): part of how the person is named, not another subject.</summary>
    private static readonly HashSet<string> s_titlesAfterName = ["daijin", "chokan", "taishi", "san", "sama", "shi", "kun", "sensei", "giin", "shusho", "sori"];

    /// <summary>"the latest round", "most recent meeting", "newest talks", and "what's the latest" or "latest news" with
    /// no other subject: an occasion, and the latest of them ("the latest car tariff" asks for a rate, not an occasion).</summary>
    internal static bool AsksLatest(IReadOnlyList<string> words, List<string> terms) =>
        words.Any(w => w is "latest" or "newest" or "recent")
        && (terms.Any(t => t is "round" or "meet" or "talk" or "visit") || terms.All(t => s_latestOnly.Contains(t)));

    /// <summary>Terms a question asking only for the latest occasion may have besides "latest" itself.</summary>
    private static readonly HashSet<string> s_latestOnly = ["latest", "newest", "recent", "most", "news", "update", "development", "happen", "happened", "happening", "new"];

    /// <summary>Words that make a who-question about the other side's person ("who did japan negotiate with").</summary>
    private static readonly HashSet<string> s_across = ["with", "against", "counterpart", "opposite", "meet", "met", "host", "hosted", "receive", "received", "call", "called"];

    /// <summary>Words before "for tokyo" that make it a destination or a posting, not a side.</summary>
    private static readonly HashSet<string> s_notForSide = ["left", "leave", "leaves", "leaving", "headed", "head", "heading", "bound", "departed", "flew", "fly", "went", "ambassador", "envoy"];

    /// <summary>
    /// The side a who-question asks about: "who led the talks for japan", "the japanese spokesman", "for tokyo" name only Japan;
    /// null when it names both, neither, or asks across ("who did japan negotiate with").
    /// </summary>
    internal static Side? SideAsked(IReadOnlyList<string> words, List<string> terms)
    {
        if (words.Any(s_across.Contains))
        {
            return null;
        }

        // "the talks for tokyo": the capital stands for its government, as one more mention of its country; not after a
        // move ("left for washington") or a post abroad ("ambassador for tokyo").
        var capitals = words.Select((w, i) => (Word: w, At: i))
            .Where(x => x.At >= 1 && words[x.At - 1] == "for" && Capitals.CountryOf(x.Word) is not null && (x.At < 2 || !s_notForSide.Contains(words[x.At - 2])))
            .Select(x => s_sideWords[Capitals.CountryOf(x.Word)!]).ToList();
        var japan = terms.Contains("japan") || capitals.Contains(Side.Japan);
        var us = terms.Contains("us") || capitals.Contains(Side.UnitedStates);
        if (japan == us)
        {
            return null;
        }

        return japan ? Side.Japan : Side.UnitedStates;
    }

    /// <summary>Words for the person across the table from the one named ("akazawa's counterpart"). They are among
    /// <see cref="s_across"/> too, for which <see cref="SideAsked"/> names no side; <see cref="AcrossFrom"/> does.</summary>
    private static readonly HashSet<string> s_counterpartWords = ["counterpart", "counterparts"];

    /// <summary>
    /// "Who is akazawa's counterpart", "akazawa counterpart": the side across from the person named, when the fact base
    /// gives them a side (Japan or the US); null otherwise, or with no one named.
    /// </summary>
    private static Side? AcrossFrom(Fact? person) => person?.Side switch
    {
        Side.Japan => Side.UnitedStates,
        Side.UnitedStates => Side.Japan,
        _ => null,
    };

    /// <summary>
    /// The share of the question's nearest vectors that belong to the top fact, out of as many as it could hold: a fact
    /// with 9 vectors can fill at most 9 of 10 places, one with 19 all 10.
    /// </summary>
    private static double SemanticVote(FactIndex index, int[] nearest, int top)
    {
        if (nearest.Length == 0 || top < 0)
        {
            return 0;
        }

        var votes = 0;
        foreach (var owner in nearest)
        {
            votes += owner == top ? 1 : 0;
        }

        return votes / (double)Math.Max(1, Math.Min(nearest.Length, index.VectorCounts[top]));
    }

    /// <summary>A figure or purchase that no longer applies: its end date is before the fact base's "now".</summary>
    private static bool Ended(Fact fact, DateOnly now) =>
        fact.Amount is not null && fact.EndDate is { } end && end.End < now;

    /// <summary>
    /// Does the fact hold the kind of thing the question asks for: a person, or people it names, for who; a place or an
    /// occasion for where; a dated event or round for when; an amount for how much / how many? +1 yes, -1 no, 0 when
    /// the type does not ask for a kind of thing. A confidence feature, for the top fact and for the runner-up.
    /// </summary>
    internal static int Fit(Fact fact, QuestionType type) => type switch
    {
        QuestionType.Who => fact.Kind == FactKind.Person || fact.People.Count + fact.JapanAttendees.Count + fact.UsAttendees.Count > 0 ? 1 : -1,
        QuestionType.Where => fact.Place is not null || fact.Kind is FactKind.Round or FactKind.Event ? 1 : -1,
        QuestionType.When => fact.Date is not null && fact.Kind is FactKind.Event or FactKind.Round ? 1 : -1,
        QuestionType.HowMuch or QuestionType.HowMany => fact.Amount is not null ? 1 : -1,
        _ => 0,
    };

    /// <summary>
    /// Near-tie between overlapping facts (an event and the figure it set, a trip and the signing on it, a person and
    /// what they did): the runner-up shares a person or a date with the top fact, or one is the other's person. Grows
    /// from 0 (fused margin 0.3 or more) to 1 (a dead heat).
    /// </summary>
    private static double CloseRelated(FactIndex index, int topIndex, RankedFact top, RankedFact second) =>
        Overlap(index, topIndex, second.Fact) ? Math.Max(0, 1 - ((top.Score - second.Score) / NearTieMargin)) : 0;

    /// <summary>Do two facts overlap: share a person or a day, or is one the other's person?</summary>
    private static bool Overlap(FactIndex index, int topIndex, Fact other)
    {
        var otherIndex = IndexOf(index.Facts.Facts, other);
        if (topIndex < 0 || otherIndex < 0)
        {
            return false;
        }

        var top = index.Facts.Facts[topIndex];
        var a = index.Mentions[topIndex];
        var b = index.Mentions[otherIndex];
        return a.People.Overlaps(b.People) || a.Days.Overlaps(b.Days)
            || a.People.Contains(other.Id) || b.People.Contains(top.Id)
            || (top.Date is { } d1 && other.Date is { } d2 && d1.Start == d2.Start);
    }

    /// <summary>
    /// Does the question give or ask a specific the top fact does not: a number or ordinal ("3rd meeting", "10%") its own
    /// words never give, a day it is not dated and does not mention, or a time of day ("what time did round 2 start") its
    /// text does not state? Such a fact answers a neighbouring question at best.
    /// </summary>
    private static bool Unstated(FactIndex index, int fact, List<string> words, Entities entities) =>
        Alternatives(words, Numbers(words, entities)).Any(a => !a.Any(index.TextNumbers[fact].Contains)) || !CoversDay(index.Facts.Facts[fact], index.Mentions[fact], entities)
        || !CoversMonth(index.Facts.Facts[fact], index.Mentions[fact], entities)
        || (AsksClockTime(words) && !index.StatesClockTime[fact]);

    /// <summary>Words that count an ordinal from something else: "the first trip after the deal", "the second round
    /// before the g7".</summary>
    private static readonly HashSet<string> s_countedFrom = ["after", "before", "since", "following", "prior", "next", "previous", "last"];

    /// <summary>Words after "what time" that ask a span rather than a time of day: "what time frame".</summary>
    private static readonly HashSet<string> s_spanWords = ["frame", "period", "span", "limit", "line", "lines", "zone"];

    /// <summary>Words after "what time of" that ask a part of a longer span: "what time of year", "of the month".</summary>
    private static readonly HashSet<string> s_longerSpans = ["year", "month", "week", "season", "term", "talks"];

    /// <summary>Do the words from <paramref name="at"/> ask a part of a longer span rather than of the day: "(what time) of
    /// year", "of the month"?</summary>
    private static bool AsksTimeOfYear(IReadOnlyList<string> words, int at) =>
        at + 1 < words.Count && words[at] == "of"
        && s_longerSpans.Contains(words[at + 1] == "the" && at + 2 < words.Count ? words[at + 2] : words[at + 1]);

    /// <summary>Does the question ask a time of day: "what time", "which hour", "at what hour", "o'clock"?</summary>
    internal static bool AsksClockTime(IReadOnlyList<string> words)
    {
        for (var i = 1; i < words.Count; i++)
        {
            if (words[i] is "time" or "hour" && words[i - 1] is "what" or "which"
                && (i + 1 == words.Count || !s_spanWords.Contains(words[i + 1])) && !AsksTimeOfYear(words, i + 1))
            {
                return true;
            }

            // "o'clock" reads as "oclock", which the speller may turn into "clock".
            if (words[i] == "oclock" || (words[i] == "clock" && words[i - 1] is "o" or "what" or "which"))
            {
                return true;
            }
        }

        return words is ["oclock", ..];
    }

    /// <summary>Words that ask for a time of day, besides what it is the time of.</summary>
    private static readonly HashSet<string> s_clockAskers = ["what", "which", "at", "time", "hour", "clock", "oclock", "exact", "exactly"];

    /// <summary>
    /// Does the fact give the time of day of what the question asks about: a clause of it that gives a time and shares
    /// a word (in any form) with the rest of the question, not a name, a month or a number? "What time did trump post
    /// the deal": "posted 7:12 pm EST"; but "what time did the oval office meeting start" or "what time did akazawa meet
    /// trump on july 22" is not when the deal was posted. A question with no other word takes any time the fact gives.
    /// </summary>
    private static bool GivesTimeOfDayAsked(FactIndex index, int fact, List<string> words, Entities entities)
    {
        var clauses = index.ClockClauses[fact];
        var asked = index.Analyzer.Terms([.. words.Where((w, i) => !s_clockAskers.Contains(w) && !entities.NamePositions.Contains(i)
            && !EntityResolver.IsMonth(w) && !w.All(char.IsDigit))]).Select(t => (Term: t, Roots: WordForms.Roots(t))).ToList();
        return clauses.Count > 0 && (asked.Count == 0 || clauses.Any(c => asked.Any(t => WordForms.IsFormIn(t.Term, t.Roots, c))));
    }

    /// <summary>Verbs and nouns that ask who said something: "who said", "which official told", "who leaked", "who were
    /// the sources".</summary>
    private static readonly HashSet<string> s_saying =
        ["said", "say", "says", "told", "tell", "tells", "leaked", "leak", "leaks", "claimed", "claims", "stated", "quoted", "source", "sources"];

    /// <summary>Verbs that follow "what" or "which" in a question of its own ("what did the official say").</summary>
    private static readonly HashSet<string> s_auxiliaries = ["did", "does", "do", "was", "were", "is", "are", "has", "have", "had", "will", "would", "can", "could"];

    /// <summary>Nouns after "which" or "what" that ask for a person: "which official", "what source".</summary>
    private static readonly HashSet<string> s_personAsked = ["official", "officials", "source", "sources", "person", "people", "aide", "aides", "staffer"];

    /// <summary>Words that open a clause of its own, whose saying is not the one asked about: "who reported that anonymous
    /// officials said…".</summary>
    private static readonly HashSet<string> s_clauseOpeners = ["that", "whether", "if", "when", "after", "because"];

    /// <summary>Does the question ask who said something: "who said trump needs to see the numbers", "which white house
    /// official told yomiuri", "who were kyodo's sources"? Not who was told ("who did a white house official tell"), nor
    /// who said something else of a saying ("who reported that anonymous officials said…").</summary>
    internal static bool AsksWhoSaid(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            // "Which japanese official said", not "what did the official say"; "who said", not "who did the official tell",
            // where the one asked is the one told.
            var asksPerson = (words[i] == "who" && (i + 1 == words.Count || words[i + 1] is not ("did" or "does" or "do")))
                || (words[i] is "which" or "what" && i + 1 < words.Count && !s_auxiliaries.Contains(words[i + 1])
                    && words.Skip(i + 1).Take(3).Any(s_personAsked.Contains));
            if (asksPerson && SaysBeforeAnotherClause(words, i + 1))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Is there a saying word from <paramref name="from"/> on before a clause of its own opens: "(who) said", "(who
    /// was the official) that told", not "(who) reported that officials said"? A "that" right after the person asked
    /// about ("the official that told") is theirs.</summary>
    private static bool SaysBeforeAnotherClause(IReadOnlyList<string> words, int from)
    {
        for (var j = from; j < words.Count; j++)
        {
            if (s_saying.Contains(words[j]))
            {
                return true;
            }

            if (s_clauseOpeners.Contains(words[j]) && !(words[j] == "that" && s_personAsked.Contains(words[j - 1])))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// Is what the question asks who said given by the fact only as said by someone unnamed: do the fact's clauses
    /// that share the most of the question's terms, by weight (besides the asking and saying words), all give it as
    /// said by "an official" or "sources", naming no one? "Who said profits would be split 90–10" is the White House's
    /// and Trump's claim, though an unnamed Japanese official is quoted on the split too.
    /// </summary>
    private static bool SaidByNoOneNamed(FactIndex index, int fact, List<string> words)
    {
        var sayings = index.UnnamedSayings[fact];
        if (sayings.Count == 0)
        {
            return false;
        }

        var asked = index.Analyzer.Terms([.. words.Where(w => !s_saying.Contains(w) && !s_personAsked.Contains(w))])
            .Select(t => (Term: t, Roots: WordForms.Roots(t))).ToList();
        // Shared terms count by how rare they are, and in any of their forms ("cap" is in "capped").
        var shared = sayings.Select(s => asked.Where(t => WordForms.IsFormIn(t.Term, t.Roots, s.Forms)).Sum(t => index.Bm25.Idf(t.Term))).ToList();
        var most = shared.Max();
        return most > 0 && sayings.Where((_, i) => shared[i] >= most - 1e-9).All(s => s.Unnamed);
    }

    /// <summary>Words before "else" that ask for more people: "who else", "anyone else".</summary>
    private static readonly HashSet<string> s_elseAskers = ["who", "whom", "anyone", "anybody", "someone", "somebody"];

    /// <summary>Words that set the people named aside: "besides akazawa", "other than", "apart from", "aside from".</summary>
    private static readonly HashSet<string> s_besides = ["besides", "except"];

    /// <summary>Does the question ask who took part besides the people it names: "who else was there", "anyone else from
    /// japan", "who was at round 5 besides akazawa", "who other than lutnick met him"?</summary>
    internal static bool AsksWhoElse(IReadOnlyList<string> words, QuestionType type)
    {
        for (var i = 1; i < words.Count; i++)
        {
            if (words[i] == "else" && s_elseAskers.Contains(words[i - 1]))
            {
                return true;
            }

            var setAside = s_besides.Contains(words[i])
                || (words[i] == "from" && words[i - 1] is "apart" or "aside")
                || (words[i] == "than" && words[i - 1] == "other");
            if (setAside && type == QuestionType.Who)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Does the fact name someone besides the people the question names: in its lists, its text, or as the
    /// person it profiles; of <paramref name="side"/> only, when one is asked (people of no side count for either)?</summary>
    private static bool NamesSomeoneElse(FactIndex index, int fact, Entities entities, Side? side)
    {
        var named = index.Facts.Facts[fact];
        var people = index.Mentions[fact].People.Append(named.Kind == FactKind.Person ? named.Id : null).OfType<string>();
        return people.Where(id => !entities.People.Contains(id))
            .Select(index.Facts.Find)
            .Any(person => person is not null && (side is null || person.Side is null || person.Side == side));
    }

    /// <summary>Does the question ask for someone's full name: "ogushi's first name", "what is his full name"?</summary>
    internal static bool AsksFullName(IReadOnlyList<string> words)
    {
        for (var i = 1; i < words.Count; i++)
        {
            // "First" may be read as the ordinal 1.
            if (words[i] == "name" && words[i - 1] is "first" or "1" or "full" or "given" or "last" or "family")
            {
                return true;
            }
        }

        return words.Contains("surname");
    }

    /// <summary>
    /// Does the fact's title or an alias give in full a name the question gives shorter: a longer name that contains
    /// one of the question's words ("Executive Order 14345 implements the deal" for "eo 14345"), or whose initials spell
    /// it ("Medium Term Defense Program" for "mtdp")?
    /// </summary>
    private static bool GivesLongerName(FactIndex index, Fact fact, List<string> words)
    {
        var asked = index.Analyzer.Terms(words).ToHashSet(StringComparer.Ordinal);
        foreach (var name in FactDocuments.Names(fact))
        {
            var nameWords = QuestionNormalizer.Words(name);
            if (nameWords.Count < 2)
            {
                continue;
            }

            var initials = string.Concat(nameWords.Select(w => w[0]));
            if (words.Any(w => w.Length > 1 && w == initials) || index.Analyzer.Terms(nameWords).Any(asked.Contains))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words before "day" or "date" that ask for the very day: "what day", "on which date", "the exact date".</summary>
    private static readonly HashSet<string> s_dayAskers = ["what", "which", "exact", "exactly", "precise", "specific"];

    /// <summary>Does the question ask for a day: "what day did…", "on what date", "the exact date of…"?</summary>
    internal static bool AsksDay(IReadOnlyList<string> words)
    {
        for (var i = 1; i < words.Count; i++)
        {
            if (words[i] is "day" or "date" && s_dayAskers.Contains(words[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Nouns that end the name of a post ("agriculture minister", "health secretary").</summary>
    private static readonly HashSet<string> s_postNouns =
        ["minister", "secretary", "ambassador", "envoy", "governor", "senator", "spokesman", "spokesperson", "ceo", "chairman"];

    /// <summary>Verbs that may come before a post's noun as their object ("told minister…", "asked the secretary").</summary>
    private static readonly HashSet<string> s_verbsBeforeAPost =
    [
        "told", "tell", "tells", "asked", "ask", "asks", "met", "meet", "meets", "called", "call", "calls", "named", "name", "became",
        "become", "appointed", "appoint", "replaced", "replace",
    ];

    /// <summary>Words before a post's noun that say which holder of it, or what part in the talks they have, not which post
    /// ("the former minister", "the tariff envoy").</summary>
    private static readonly HashSet<string> s_holderWords =
    [
        "former", "current", "new", "then", "previous", "prior", "top", "senior", "junior", "acting", "incoming", "outgoing", "ex",
        "other", "another", "same", "any", "each", "every", "whose", "which", "what",
        // The fact base's own subject, which says what part in the talks the holder has, not another post ("the tariff
        // envoy" is the chief negotiator, "the tariff talks spokesman" the government's).
        "tariff", "tariffs", "talks", "negotiation", "negotiations", "deal",
    ];

    /// <summary>
    /// The word that names a post no one in the fact base holds, which the top fact does not name either: the word
    /// before a post's noun ("japan's agriculture minister", "the us health secretary") that names no post of anyone
    /// the fact base profiles, and is no side, name or word saying which holder ("former"). Null when there is none.
    /// </summary>
    private static string? UnknownPost(FactIndex index, int topIndex, List<string> words, Entities entities)
    {
        // Someone named is the one asked about ("akazawa appointed tariff minister"), whatever the post is called.
        if (entities.People.Count > 0)
        {
            return null;
        }

        HashSet<int>? phrased = null;
        for (var i = 1; i < words.Count; i++)
        {
            var modifier = words[i - 1];
            // One holder ("minister"), not a group ("told senators"); not a phrase of a known post ("govt spokesman").
            if (s_postNouns.Contains(words[i]) && !(phrased ??= index.Roles.PostPhrases(words, index.Analyzer)).Contains(i)
                && modifier.All(char.IsAsciiLetter) && !s_verbsBeforeAPost.Contains(modifier)
                && !Analyzer.StopWords.Contains(modifier) && !s_holderWords.Contains(modifier) && !s_sideWords.ContainsKey(modifier)
                && !index.Roles.NamesAPost(modifier, index.Analyzer)
                && !NamesThePost(index.Analyzer, index.Facts.Facts[topIndex], modifier, words[i]))
            {
                return modifier;
            }
        }

        return null;
    }

    /// <summary>Does the fact's own text name the post ("the agriculture minister", "minister of agriculture"), by the
    /// terms of its words?</summary>
    private static bool NamesThePost(Analyzer analyzer, Fact fact, string modifier, string noun)
    {
        var modifierTerms = analyzer.Terms([modifier]);
        var nounTerms = analyzer.Terms([noun]);
        var text = QuestionNormalizer.Words(FactDocuments.OwnText(fact));
        // Each word's one term, read once (none for a stop word).
        var termOf = text.Select(w => analyzer.Terms([w]) is [var term] ? term : null).ToArray();
        bool Is(int at, List<string> terms) => at < text.Count && termOf[at] is { } term && terms.Contains(term);
        for (var j = 0; j < text.Count; j++)
        {
            // "agriculture minister"; "minister of agriculture", "minister for the environment".
            if ((Is(j, modifierTerms) && Is(j + 1, nounTerms))
                || (Is(j, nounTerms) && j + 1 < text.Count && text[j + 1] is "of" or "for"
                    && (Is(j + 2, modifierTerms) || (j + 2 < text.Count && text[j + 2] == "the" && Is(j + 3, modifierTerms)))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words that ask what happened or came of something: its outcome, or whether it took place.</summary>
    private static readonly HashSet<string> s_outcomeWords =
    [
        "happened", "happen", "came", "come", "result", "results", "outcome", "agreed", "agree", "signed", "sign", "decided", "decide",
        "announced", "announce", "said", "say", "did", "went",
    ];

    /// <summary>Words that ask what was planned or expected ("what is planned for march 19", "when is the visit due").</summary>
    private static readonly HashSet<string> s_planWords =
    [
        "planned", "plan", "plans", "planning", "scheduled", "schedule", "expected", "expect", "due", "will", "going", "upcoming",
        "supposed", "slated", "set", "next",
    ];

    /// <summary>Does the question ask what happened or came of something ("what came out of…", "did takaichi visit…",
    /// "what did they agree…"), not when it is or what was planned for it?</summary>
    private static bool AsksWhatCameOf(List<string> words, QuestionType type) =>
        type != QuestionType.When && words.Any(s_outcomeWords.Contains) && !words.Any(s_planWords.Contains);

    /// <summary>Does the question open (or end) by asking when ("when did…", "since when is…", "…since when"), not ask
    /// something else of a time it gives with "when" ("was rubio in the oval office when the deal was made")?</summary>
    private static bool OpensWithWhen(List<string> words) =>
        words.Count > 0
        && (((words[0] == "when" || (words.Count > 1 && words[1] == "when" && words[0] is "since" or "until" or "till" or "and" or "so"))
                // Not a clause that gives a time for another question ("when greer was named ustr, who was japan's
                // negotiator").
                && !words.Skip(2).Any(s_otherQuestionWords.Contains))
            // Asked at the end ("bessent became treasury secretary when", "greer ustr since when").
            || words[^1] == "when");

    /// <summary>Question words that, after a clause opened by "when", ask the question proper.</summary>
    private static readonly HashSet<string> s_otherQuestionWords = ["who", "whom", "what", "which", "where", "why", "how"];

    /// <summary>Does a word of <paramref name="first"/> come right before one of <paramref name="second"/> ("since when",
    /// "take office")?</summary>
    private static bool WordBefore(List<string> words, Func<string, bool> first, Func<string, bool> second)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (first(words[i]) && second(words[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words that ask when someone took a post ("what date did akazawa become…"); so do "take office", "take
    /// over" and "since when" (<see cref="PostGivesDay"/>).</summary>
    private static readonly HashSet<string> s_postTaken =
    [
        "become", "becomes", "became", "begin", "began", "start", "started", "took", "assume", "assumed", "appointed", "named",
        "sworn", "made", "confirmed", "nominated", "elected", "chosen", "picked", "tapped", "installed", "inaugurated",
    ];

    /// <summary>Words that ask when someone left a post ("what date did ishiba step down…").</summary>
    private static readonly HashSet<string> s_postLeft = ["leave", "left", "resign", "resigned", "quit", "stepped", "replaced", "end", "ended", "lose", "lost"];

    /// <summary>Terms of a post's title that name no post by themselves ("minister of …", "secretary").</summary>
    private static readonly HashSet<string> s_postHeads = ["minister", "secretary", "president", "chief", "deputy", "state", "vice", "office"];

    /// <summary>
    /// For a question that names one of the fact's posts: does that post give a day (with <paramref name="dayOnly"/>;
    /// otherwise any date, a month will do for "when"), by its start when the question asks when it was taken, its end
    /// when it was left, either otherwise? The posts named are the roles whose titles share the most of the question's
    /// terms (besides <see cref="s_postHeads"/>). Null when no role's title shares any, or (without
    /// <paramref name="dayOnly"/>) when the question asks neither when a post was taken nor when it was left.
    /// "What date did akazawa become economic revitalization minister": that post is dated from October 2024, to the
    /// day only at its end. "When did bessent become treasury secretary": that post is not dated at all.
    /// </summary>
    private static bool? PostGivesDay(Analyzer analyzer, Fact fact, List<string> terms, List<string> words, bool dayOnly)
    {
        var shared = fact.Roles.Select(r => analyzer.Terms(QuestionNormalizer.Words(r.Title)).Distinct().Count(t => !s_postHeads.Contains(t) && terms.Contains(t))).ToList();
        var most = shared.DefaultIfEmpty(0).Max();
        // "Since when is greer ustr", "when did greer take office" ask when the post was taken; "until when was kato finance
        // minister" when it was left.
        var taken = words.Any(s_postTaken.Contains) || WordBefore(words, w => w == "since", w => w == "when")
            || WordBefore(words, w => w == "take", w => w is "office" or "over");
        var left = words.Any(s_postLeft.Contains) || WordBefore(words, w => w is "until" or "till", w => w == "when");
        if (most == 0 || (!dayOnly && !taken && !left))
        {
            return null;
        }

        bool Dated(PartialDate? date) => date is { } given && (!dayOnly || given.Day is not null);
        return fact.Roles.Where((_, i) => shared[i] == most)
            .Any(r => (Dated(r.From) && (!left || taken)) || (Dated(r.To) && (!taken || left)));
    }

    /// <summary>Words before a date in a question that make it the time of something else, not the period a figure is
    /// asked for: "before the april 2025 tariffs", "ahead of the july 2025 deal", "as reported in march 2025".</summary>
    private static readonly HashSet<string> s_dateOfSomethingElse = ["before", "ahead", "prior", "reported", "published", "released", "announced"];

    /// <summary>The one year a question names as the period it asks a figure for ("exports in 2025", "in august 2025",
    /// "car exports aug 2025"); null otherwise, or when the date is the time of something else ("exports before the
    /// april 2025 tariffs", "trade as of july 2025").</summary>
    private static int? YearAsked(List<string> words)
    {
        var years = words.Where(w => w.Length == 4 && w.All(char.IsAsciiDigit)).Select(w => int.Parse(w, CultureInfo.InvariantCulture))
            .Where(y => y is >= 1990 and <= 2040).Distinct().ToList();
        if (years is not [var year])
        {
            return null;
        }

        // The date's first word: the year's, or its month's or day's before it ("august 2025", "july 22 2025").
        var start = words.IndexOf(year.ToString(CultureInfo.InvariantCulture));
        while (start > 0 && (EntityResolver.IsMonth(words[start - 1])
            || (words[start - 1].Length <= 2 && words[start - 1].All(char.IsAsciiDigit))
            || (words[start - 1] == "of" && start > 1 && EntityResolver.IsMonth(words[start - 2]))))
        {
            start--;
        }

        return words.Take(start).Any(s_dateOfSomethingElse.Contains) || (start > 1 && words[start - 2] == "as" && words[start - 1] == "of")
            ? null
            : year;
    }

    /// <summary>Does the question ask what an occasion took up: "what did they discuss", "what was discussed", "what did
    /// akazawa and lutnick talk about", "what was on the agenda"?</summary>
    internal static bool AsksTopics(IReadOnlyList<string> words)
    {
        // Only a question for what was taken up ("what did they discuss", "what was on the agenda"), not "when did they
        // discuss currency", "how long did they talk about it" or "did they discuss investment", which the record may answer.
        if (!words.Any(w => w is "what" or "agenda" or "topics"))
        {
            return false;
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] is "discuss" or "discussed" or "agenda" or "topics"
                || (words[i] is "talk" or "talked" && i + 1 < words.Count && words[i + 1] == "about"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words that offer a choice between figures: "24 or 25 percent", "1000 km vs 1600 km".</summary>
    private static readonly HashSet<string> s_orWords = ["or", "vs", "versus"];

    /// <summary>The most words between two figures offered as a choice: "24 percent or 25", "1000 km or 1600 km".</summary>
    private const int MaxAlternativeGap = 3;

    /// <summary>
    /// The question's figures grouped by the choices it offers: "was it 24 or 25 percent" asks one thing with two
    /// candidates, and a fact that states either states what is asked. Figures not offered as a choice stand alone.
    /// </summary>
    private static List<List<string>> Alternatives(List<string> words, List<string> numbers)
    {
        var groups = new List<List<string>>();
        var last = -1;
        foreach (var number in numbers)
        {
            var at = words.IndexOf(number, last + 1);
            var between = last >= 0 && at > last ? words.GetRange(last + 1, at - last - 1) : [];
            if (groups.Count > 0 && between.Count <= MaxAlternativeGap && between.Any(s_orWords.Contains))
            {
                groups[^1].Add(number);
            }
            else
            {
                groups.Add([number]);
            }

            last = Math.Max(at, last);
        }

        return groups;
    }

    /// <summary>Figures in the question ("27.5 percent", "$550bn", "105 f35s"), not round numbers, days or years.</summary>
    private static List<string> Numbers(List<string> words, Entities entities)
    {
        var numbers = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word.Length == 0 || !char.IsDigit(word[0]) || word.Contains('-', StringComparison.Ordinal)
                || (entities.Round is { } round && word == round.ToString(System.Globalization.CultureInfo.InvariantCulture))
                || (entities.RoundTyped is { } typed && word == typed.ToString(System.Globalization.CultureInfo.InvariantCulture))
                || (entities.From is { } from && (word == from.Day.ToString(System.Globalization.CultureInfo.InvariantCulture) || word == from.Year.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            {
                continue;
            }

            numbers.Add(word);
        }

        return numbers;
    }

    /// <summary>A figure the question gives that the fact's amount or title states is strong evidence for that fact.</summary>
    /// <param name="ordinals">Numbers the question writes as ordinals ("10th trip"): they match a title that names the
    /// same position ("Tenth trip"), not an amount of that many ("10 trips").</param>
    private double NumberBonus(FactIndex index, int fact, List<string> numbers, HashSet<string> ordinals) =>
        numbers.Any(n => ordinals.Contains(n) ? index.StatedOrdinals[fact].Contains(n) : index.StatedNumbers[fact].Contains(n)) ? _w.NumberStated : 0;

    /// <summary>Does the fact match everything the question names (its people, round and date)?</summary>
    internal static bool Agrees(Fact fact, FactMentions mentions, Entities entities)
    {
        if (entities.Round is { } round && !(fact.Kind == FactKind.Round && fact.Number == round))
        {
            return false;
        }

        if (entities.People.Count > 0 && !entities.People.Contains(fact.Id) && !mentions.People.Overlaps(entities.People))
        {
            return false;
        }

        return CoversDay(fact, mentions, entities) && CoversMonth(fact, mentions, entities);
    }

    /// <summary>Does the fact cover the day the question names: is it dated then (or over a span that includes it), or
    /// does its text or a statement mention that day? True when the question names no day.</summary>
    private static bool CoversDay(Fact fact, FactMentions mentions, Entities entities) =>
        entities.From is not { } from || entities.To is not { } to || !entities.DayPrecision
        || DatedWithin(fact, from, to) || mentions.Days.Contains(from);

    /// <summary>Does a dated event or round fall in the month the question names, or does its text or a statement
    /// mention it? True when the question names no month, a day (<see cref="CoversDay"/>) or two months ("in august or
    /// september", of which only the first is read), and for any other fact: a person, whose dated roles and statements
    /// a month may be asked about, or a figure, dated from when it applies.</summary>
    private static bool CoversMonth(Fact fact, FactMentions mentions, Entities entities) =>
        entities.From is not { } from || entities.To is not { } to || entities.DayPrecision || entities.MonthsNamed > 1
        || fact.Kind is not (FactKind.Event or FactKind.Round) || fact.Date is null
        || DatedWithin(fact, from, to) || mentions.Months.Any(m => m <= to && m.AddMonths(1) > from);

    /// <summary>"In september", "during early 2024": a month or year the question puts what it asks in, not one that names
    /// something else ("the day kyodo reported the mid-june understanding").</summary>
    private static bool InAPeriod(List<string> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i] is "in" or "during")
            {
                var next = words[i + 1] is "early" or "mid" or "late" && i + 2 < words.Count ? words[i + 2] : words[i + 1];
                if (EntityResolver.IsMonth(next) || EntityResolver.Year(next) is not null)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>A day from <paramref name="from"/> to <paramref name="to"/> that the fact gives: its own date or end to the
    /// day, a day its text mentions, or a day one of its roles began or ended.</summary>
    private static bool GivesDayWithin(FactIndex index, int document, Fact fact, DateOnly from, DateOnly to)
    {
        static bool In(PartialDate? date, DateOnly from, DateOnly to) => date is { Day: not null } d && d.Start >= from && d.Start <= to;
        return In(fact.Date, from, to) || In(fact.EndDate, from, to)
            || index.Mentions[document].Days.Any(d => d >= from && d <= to)
            || fact.Roles.Any(r => In(r.From, from, to) || In(r.To, from, to));
    }

    /// <summary>Is the fact dated (on a day, or over a span) at some time from <paramref name="from"/> to
    /// <paramref name="to"/>? False for an undated fact.</summary>
    private static bool DatedWithin(Fact fact, DateOnly from, DateOnly to) =>
        fact.Date is { } date && date.Start <= to && (fact.EndDate ?? date).End >= from;

    /// <summary>The idf-weighted share of the question's terms the fact contains; terms no fact has weigh the most.</summary>
    private static double Coverage(FactIndex index, List<string> terms, int document)
    {
        var distinct = terms.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Count == 0 || document < 0)
        {
            return 0;
        }

        double total = 0, matched = 0;
        foreach (var term in distinct)
        {
            var idf = index.Bm25.Idf(term);
            total += idf;
            if (index.Bm25.DocumentHas(document, term))
            {
                matched += idf;
            }
        }

        return total > 0 ? matched / total : 0;
    }

    /// <summary>Nouns that count people, any of which a fact may use for the others ("a 37-member task force" answers
    /// "how many people").</summary>
    private static readonly HashSet<string> s_peopleCounted =
        ["people", "persons", "person", "members", "member", "officials", "official", "staff", "staffers", "workers", "employees", "jobs"];

    /// <summary>"Where did akazawa meet lutnick", "where was the mou signed", "in what city were the talks held": asked
    /// where something happened, not where things stand or go ("where does the money go", "where are the talks now"), nor
    /// where in a figurative sense (<see cref="AsksWhereFiguratively"/>; <paramref name="namesPerson"/>: whether the
    /// question names someone, who can go places as money cannot).</summary>
    internal static bool AsksWhereItHappened(List<string> words, bool namesPerson)
    {
        if (AsksWhereFiguratively(words, namesPerson))
        {
            return false;
        }

        for (var i = 0; i + 1 < words.Count; i++)
        {
            if ((words[i] == "where" && words[i + 1] is "did" or "was" or "were" or "had")
                || (words[i] is "in" or "at" && i + 2 < words.Count && words[i + 1] is "what" or "which" && words[i + 2] is "city" or "place" or "venue" or "location"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"Where did the 700% claim come from", "where did japan buy tomahawks from", "where did ishiba stand on
    /// security", "where did the talks end up", and, naming no one who could travel, "where did the $550 billion go":
    /// where as a source, a stance or an outcome, not the place of something that happened.</summary>
    private static bool AsksWhereFiguratively(List<string> words, bool namesPerson)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if ((words[i] is "come" or "came" or "comes" or "coming" && words.Skip(i + 1).Contains("from"))
                || (words[i] == "from" && i == words.Count - 1)
                || words[i] is "stand" or "stood" or "standing"
                || (words[i] is "end" or "ended" && i + 1 < words.Count && words[i + 1] == "up")
                || (!namesPerson && words[i] is "go" or "went" or "gone" && i == words.Count - 1))
            {
                return true;
            }
        }

        return false;
    }

    private static readonly HashSet<string> s_within = ["in", "at", "inside", "within", "around", "near"];

    /// <summary>The places a question gives as where ("where did lutnick tour in tokyo"), not those that name what it asks
    /// about ("where was the osaka expo us day").</summary>
    private static IReadOnlyList<string> PlacesGiven(FactIndex index, List<string> words) =>
        index.Analyzer.Scope.Places(words, i => FactIndex.AfterLocative(words, i, s_within));

    /// <summary>"how many years", "how much gas": the thing counted, when the fact never speaks of it.</summary>
    private static bool CountedAbsent(FactIndex index, List<string> words, int fact)
    {
        for (var i = 0; i + 2 < words.Count; i++)
        {
            if (words[i] == "how" && words[i + 1] is "many" or "much" && !Analyzer.StopWords.Contains(words[i + 2]) && !char.IsDigit(words[i + 2][0]))
            {
                // "how many people": a fact that counts members, officials or workers speaks of people.
                var counted = s_peopleCounted.Contains(words[i + 2]) ? s_peopleCounted : [words[i + 2]];
                var terms = index.Analyzer.Terms([.. counted]);
                return terms.Count > 0 && !terms.Any(t => index.Bm25.DocumentHas(fact, t));
            }
        }

        return false;
    }

    /// <summary>1 when the question names a country other than Japan and the US that the fact does not name.</summary>
    private static double OtherPlace(FactIndex index, List<string> words, int fact)
    {
        var places = index.Analyzer.Scope.OtherPlaces(words);
        return places.Count == 0 || places.All(index.OtherPlaces[fact].Contains) ? 0 : 1;
    }

    /// <summary>The share of content words (not stop words) that appear nowhere in the fact base.</summary>
    private static double Unknown(FactIndex index, List<string> words)
    {
        var content = words.Where(w => !Analyzer.StopWords.Contains(w)).ToList();
        return content.Count == 0 ? 1 : content.Count(w => IsUnknown(index, w)) / (double)content.Count;
    }

    /// <summary>A word, stemmed or not, that appears nowhere in the fact base.</summary>
    internal static bool IsUnknown(FactIndex index, string word) => !index.Speller.IsKnown(word) && !index.Speller.IsKnown(Analyzer.Stem(word));
}
