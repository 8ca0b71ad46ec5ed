using System.Globalization;
using Bot.Facts;

namespace Bot.Answering;

/// <summary>The asker's previous question, as it was read, and the fact its pronouns may point back to: the one that
/// answered it, or after an abstention on a "who" question the person suggested first, or after a near miss (0.7 or more)
/// the fact suggested first (<see cref="AnswerResult.Subject"/>); null after any other abstention.</summary>
public sealed record PreviousQuestion(string Question, string? FactId);

/// <summary>An answer to a question that may follow on from the previous one, and the whole question it was read as
/// (null when it stands alone).</summary>
public sealed record FollowUpAnswer(AnswerResult Result, string? WholeQuestion);

/// <summary>
/// Reads a follow-up as the whole question it stands for, given the asker's previous question: "and round 5?" after
/// "when was round 4" is "when was round 5"; "what about bessent" after "who did akazawa meet in round 3" asks the
/// same of Bessent; "how about steel" after "how much is the car tariff" is "how much is steel"; "when did he become
/// minister" after "who is akazawa" (or after any question Akazawa's profile answered) is about Akazawa; "who attended
/// that round" and "what else happened that day" point back to the round or the day. A question with none of these
/// marks stands alone, whatever was asked before: context never changes a question that reads whole. A question in
/// Japanese script is read into English words first, as the engine reads it ("ラトニックは？" is "what about lutnick",
/// "アルミも？" "aluminum too", 彼 "he"), and its readings are answered as asked in Japanese.
/// </summary>
internal static partial class FollowUps
{
    /// <summary>The most readings tried for one follow-up, each an answer's time (about 3 ms).</summary>
    public const int MaxReadings = 4;

    /// <summary>Words and phrases that open an elliptical follow-up ("and round 5?", "what about bessent").</summary>
    private static readonly string[][] s_leads =
    [
        ["and", "what", "about"], ["and", "how", "about"], ["and", "what", "of"], ["what", "about"], ["how", "about"], ["what", "of"],
        ["same", "question", "for"], ["same", "for"], ["same", "with"], ["and", "for"], ["and", "in"], ["and", "on"], ["and"], ["n"], ["also"],
    ];

    /// <summary>Words that close one ("bessent too?", "round 5 as well").</summary>
    private static readonly string[][] s_tails = [["as", "well"], ["too"], ["also"]];

    /// <summary>The question words proper ("who", "when", "how").</summary>
    private static readonly string[] s_whWords = ["who", "whom", "whose", "what", "when", "where", "why", "how", "which"];

    /// <summary>Verbs that open or carry a question ("is", "did", "can").</summary>
    private static readonly HashSet<string> s_auxiliaries = ["is", "was", "are", "were", "did", "does", "do", "has", "have", "had", "will", "would", "can", "could"];

    /// <summary>The words that say what a question asks for, at its start ("how much", "when", "from what date").</summary>
    private static readonly HashSet<string> s_askingWords = [.. s_whWords, "much", "many", "long", "old"];

    /// <summary>Words a follow-up that only asks for another thing about the same subject may have besides the asking
    /// words: "why?", "from what date", "since when exactly", "how much then".</summary>
    private static readonly HashSet<string> s_askOnlyWords =
    [
        .. s_askingWords, "come", "date", "day", "time", "year", "from", "since", "until", "exactly", "then", "so", "ok", "okay", "and", "but",
    ];

    /// <summary>Words that open a question of its own: after "and", "and when was round 5" is whole, not an ellipsis.</summary>
    private static readonly HashSet<string> s_questionWords = [.. s_whWords, .. s_auxiliaries, "should"];

    /// <summary>The words that open the previous question and say what it asks ("how much is", "when was", "who did"):
    /// kept when a follow-up swaps its subject ("how about steel").</summary>
    private static readonly HashSet<string> s_frameWords = [.. s_askingWords, "big", "far", .. s_auxiliaries];

    /// <summary>Pronouns that stand for one person ("when did he take office", "his job now").</summary>
    private static readonly HashSet<string> s_personPronouns = ["he", "him", "his", "himself", "she", "her", "hers", "herself"];

    /// <summary>Pronouns that stand for a thing or an occasion ("and when did it run out", "and what's the range on
    /// those"), read as the title of the fact that answered the previous question (see also <see cref="PointsBack"/>, and
    /// <see cref="BareThose"/> for "those" with no noun after it, which needs no lead). Otherwise only after a lead or a
    /// tail ("and", "what about", "…too"): questions that read whole use them too ("will it rain
    /// in washington", "when did they strike the deal"), and on the dev questions, asked one after another, reading them
    /// back turned right answers wrong. But "it" as the last word, the object of the question's verb ("what time did he
    /// post it", "who signed it"), is read back without a lead (<see cref="LastObjectIt"/>): a question that reads whole
    /// ("the 2019 agreement, who signed it") keeps its own answer unless the reading answers at least as surely, or the
    /// question alone found only a person's profile (<see cref="Answer"/>).</summary>
    private static readonly HashSet<string> s_thingPronouns = ["it", "those", "these", "they", "them", "their"];

    /// <summary>Words before a noun that point back to the previous question's round, day or occasion ("that round",
    /// "the same day", "that meeting").</summary>
    private static readonly HashSet<string> s_pointers = ["that", "this", "same", "those", "these"];

    /// <summary>The nouns a pointer makes point back: occasions and things a fact is about ("that meeting", "the same
    /// letter"); not times ("this week", "this year"), which are the question's own.</summary>
    private static readonly HashSet<string> s_pointedNouns =
    [
        "meeting", "meetings", "summit", "call", "trip", "visit", "talks", "delegation", "deal", "agreement", "letter", "order",
        "event", "announcement", "dinner", "pledge", "plan", "package", "purchase", "contract", "program", "programme",
        "statement", "remark", "remarks", "post", "speech", "decision", "election", "committee", "fund", "investment",
        "tariff", "rate", "figure", "number", "amount", "missiles", "jets", "fighters", "planes",
    ];

    private static readonly HashSet<string> s_months =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];

    /// <summary>
    /// The whole questions a follow-up may stand for, most specific first, at most <see cref="MaxReadings"/>; none when
    /// it stands alone. <see cref="Answer"/> tries them in turn, so a reading that makes no sense costs only its time.
    /// </summary>
    public static IReadOnlyList<string> Readings(FactIndex index, string question, PreviousQuestion previous) =>
        Read(index, question, previous).Readings;

    /// <summary>What the previous question leaves for a follow-up to point back to, read once per follow-up.</summary>
    /// <param name="Occasion">Whether <paramref name="Thing"/> is an event, which people can be at (not a figure).</param>
    private sealed record Earlier(int? Round, DateOnly? Day, List<string> Thing, List<Fact> Focuses, bool Occasion = false);

    /// <summary>The readings (<see cref="Readings"/>), and whether the question is an ellipsis ("lutnick too?").</summary>
    private static (IReadOnlyList<string> Readings, bool Elliptical) Read(FactIndex index, string question, PreviousQuestion previous)
    {
        // Japanese script is read as the engine reads it, into English words ("ラトニックは？" is "what about lutnick").
        var glossary = index.Analyzer.Japanese;
        var japanese = JapaneseGlossary.HasJapanese(question);
        question = japanese ? RoundOrdinal(JapaneseEllipsis(glossary, question) ?? glossary.Gloss(question)) : question;
        var words = Preface.Strip(QuestionNormalizer.Words(question));
        var before = Preface.Strip(QuestionNormalizer.Words(JapaneseGlossary.HasJapanese(previous.Question) ? RoundOrdinal(glossary.Gloss(previous.Question)) : previous.Question));
        if (words.Count == 0 || before.Count == 0)
        {
            return ([], false);
        }

        var typed = string.Join(' ', words);
        var readings = new List<List<string>>();
        var ellipsis = Ellipsis(words);
        var led = ellipsis is not null;
        if (ellipsis is not null)
        {
            var numbered = question.Any(char.IsDigit) || QuestionNormalizer.Ordinals(question).Count > 0;
            readings.AddRange(Elliptical(index, ellipsis, before, numbered));
        }
        else if (words.Count > 1 && s_leads.Any(l => l.Length == 1 && l[0] == words[0]))
        {
            // "and when did it run out": a question of its own after the lead, whose pronouns may point back.
            words = words[1..];
            led = true;
        }

        var earlier = Remember(index, before, previous.FactId);
        if (readings.Count == 0 && Else(index, words, earlier) is { } besides)
        {
            // "who else was in the oval office" after "when was the final round": who was there, at that round.
            readings.Add(besides);
        }

        if (readings.Count == 0 && There(index, words, earlier) is { } there)
        {
            // "was akazawa there too" after "when did bessent meet ishiba in tokyo": at that meeting. Not read as an
            // ellipsis: "there" may be an occasion the question gives in words ("who was there when the deal was
            // signed"), so the question as typed keeps its answer when that is surer.
            readings.Add(there);
        }

        if (readings.Count == 0 && WhoTookPart(index, words, earlier) is { } took)
        {
            // "who attended", "who joined" after "when was round 3": who took part in that round.
            readings.Add(took);
        }

        if (readings.Count == 0 && AsksOnly(words))
        {
            // "why?", "and since when?" after "when did ishiba say he'd step down": the same question, asked another way.
            readings.Add([.. words, .. before.SkipWhile(s_askingWords.Contains)]);
        }

        // Pronouns and pointers, in the question as it is or in each elliptical reading ("and what did he say"); a
        // pronoun for one person after a question that named two is read as each in turn.
        var candidates = readings.Count > 0 ? readings : [words];
        var alone = string.Join(' ', words);
        IReadOnlyList<string> result = [.. candidates
            .SelectMany(c =>
            {
                var entities = Resolve(index, c);
                return earlier.Focuses.Count == 0 || !c.Any(s_personPronouns.Contains)
                    ? [PointBack(c, entities, earlier, earlier.Focuses.FirstOrDefault(), led)]
                    : earlier.Focuses.Select(f => PointBack(c, entities, earlier, f, led));
            })
            .Select(c => string.Join(' ', c))
            .Where(r => r != typed && r != alone)
            .Distinct(StringComparer.Ordinal)
            .Take(MaxReadings)];
        // A Japanese "Xは？" or "Xも？" read as "what about X" or "X too" is not taken as an ellipsis that means nothing as
        // typed, whatever the previous question's script: Japanese asks 「Xは？」 of a new subject as often as it follows
        // on, and a previous question in Japanese script is read in Japanese word order, in which its subject may not be
        // swapped. So 「ラトニックは？」 alone (Lutnick's profile) keeps its answer when no reading answers.
        return (result, ellipsis is not null && !japanese);
    }

    /// <summary>
    /// "who else was in the room": asks who took part in the occasion just asked about, so the answer is its record,
    /// "else" and all. Read without "else", at the previous question's round, else the event its answer was about (not
    /// a figure or a person's profile), else its day; only without "else" when the question names or points to its own ("who
    /// else was there that day"). Null without "who else" ("what else happened" asks for another fact, which the same
    /// question without "else" would not find), or with nothing to point back to.
    /// </summary>
    private static List<string>? Else(FactIndex index, List<string> words, Earlier earlier)
    {
        var at = words.FindIndex(w => w == "else");
        if (at < 1 || words[at - 1] is not ("who" or "whom"))
        {
            return null;
        }

        List<string> without = [.. words[..at], .. words[(at + 1)..]];
        var entities = Resolve(index, words);
        if (entities.Round is not null || entities.From is not null || words.SkipLast(1).Any(s_pointers.Contains))
        {
            return without;
        }

        var occasion = Occasion(earlier);
        return occasion.Count == 0 ? null : [.. without, .. occasion];
    }

    /// <summary>Words after "there" that make it "there is…" ("there would be a deal", "there's"), and before it that
    /// open a clause ("if there…", "said there…").</summary>
    private static readonly HashSet<string> s_thereIs = ["be", "s", "will", "would", "should", "could", "might", "may", "must", "seems"];
    private static readonly HashSet<string> s_thereClause = ["if", "whether", "that", "said", "says", "say", "heard", "think", "thought"];

    /// <summary>
    /// "was lutnick there", "who was there", "were they actually there": "there" is the occasion just asked about, read
    /// as for <see cref="Else"/>: the previous question's round, else the event its answer was about (not a figure's
    /// day). Not "is there a quota", "what tariffs are there", "if there is a quota" or "who said there would be a
    /// deal", nor when the question names or points to its own occasion ("was he there on may 30", "was he there that
    /// day"); null with nothing to point back to.
    /// </summary>
    private static List<string>? There(FactIndex index, List<string> words, Earlier earlier)
    {
        // "there" right after "is", "are"… asks whether something exists ("is there a quota", "what tariffs are there"),
        // but for "who was there".
        var at = words.IndexOf("there");
        if (at < 1 || (s_auxiliaries.Contains(words[at - 1]) && words[0] is not ("who" or "whom")) || words.Any(s_pointers.Contains)
            || (at + 1 < words.Count && (s_auxiliaries.Contains(words[at + 1]) || s_thereIs.Contains(words[at + 1])))
            || s_thereClause.Contains(words[at - 1]))
        {
            return null;
        }

        // Only a round or an event is somewhere to be: after a figure, "there" is not its day.
        var occasion = OccasionPointedTo(index, words, earlier);
        return occasion.Count == 0 ? null : [.. words[..at], .. occasion, .. words[(at + 1)..]];
    }

    /// <summary>Verbs of taking part in an occasion ("who attended", "who joined", "who took part", "who was present"); the
    /// other words of such a question are <see cref="Answerer.TookPartWords"/>.</summary>
    private static readonly HashSet<string> s_tookPartVerbs = ["attended", "attend", "joined", "join", "participated", "present", "came", "part"];

    /// <summary>
    /// "who attended", "who joined for the us side", "who took part in it": asks who took part in the occasion just
    /// asked about, read as for <see cref="There"/>: the previous question's round, else the event its answer was about,
    /// in place of "it" or after the question. Only a question that opens with "who" and has no other words than those of
    /// taking part, the talks and the sides (<see cref="Answerer.TookPartWords"/>); null when it names a round or a day of
    /// its own ("who attended the last round"), or with no occasion to point back to.
    /// </summary>
    private static List<string>? WhoTookPart(FactIndex index, List<string> words, Earlier earlier)
    {
        if (words.Count < 2 || words[0] is not ("who" or "whom") || !words.Any(s_tookPartVerbs.Contains)
            || !words.All(w => s_tookPartVerbs.Contains(w) || Answerer.TookPartWords.Contains(w) || w is "took" or "it"))
        {
            return null;
        }

        var occasion = OccasionPointedTo(index, words, earlier);
        if (occasion.Count == 0)
        {
            return null;
        }

        // "who took part in it": the occasion in place of "in it".
        var it = words.IndexOf("it");
        return it < 0 ? [.. words, .. occasion]
            : [.. words[..(it > 0 && words[it - 1] is "in" or "at" or "on" ? it - 1 : it)], .. occasion, .. words[(it + 1)..]];
    }

    /// <summary>The occasion a question without one of its own points back to (<see cref="Occasion"/>), only when the
    /// previous question was about a round or an event: a figure's day is nowhere to be. Empty otherwise.</summary>
    private static List<string> OccasionPointedTo(FactIndex index, List<string> words, Earlier earlier)
    {
        var entities = Resolve(index, words);
        return entities.Round is null && entities.From is null && (earlier.Round is not null || earlier.Occasion) ? Occasion(earlier) : [];
    }

    /// <summary>The occasion the previous question was about, as words to put in a follow-up: "in round 8", "at bessent
    /// meets ishiba in tokyo", "on july 18 2025"; empty when it was about none.</summary>
    private static List<string> Occasion(Earlier earlier) =>
        earlier.Round is { } round ? ["in", "round", round.ToString(CultureInfo.InvariantCulture)]
        : earlier.Occasion ? ["at", .. earlier.Thing]
        : earlier.Day is { } day ? ["on", .. QuestionNormalizer.Words(day.ToString("MMMM d yyyy", CultureInfo.InvariantCulture))]
        : [];

    /// <summary>The previous question's round and day, its answer's title, and the people a pronoun can stand for.</summary>
    private static Earlier Remember(FactIndex index, List<string> before, string? answeredBy)
    {
        var entities = Resolve(index, before);
        var answered = answeredBy is null ? null : index.Facts.Find(answeredBy);
        var round = entities.Round ?? (answered is { Kind: FactKind.Round, Number: { } n } ? n : null);
        var day = entities.From is { } from && entities.DayPrecision ? from
            : answered?.Date is { } date && date.Start == date.End ? date.Start : (DateOnly?)null;

        // The occasion or thing the previous answer was about, by its title: never a person's profile.
        var thing = answered is { Kind: not FactKind.Person } ? QuestionNormalizer.Words(answered.Title) : [];
        return new Earlier(round, day, thing, Focuses(index, answered, entities), answered is { Kind: FactKind.Event });
    }

    /// <summary>
    /// Answers the readings in turn, most specific first, and takes the first that answers where the question as typed
    /// abstains, or answers at least as surely, or finds something other than the profile the question as typed found
    /// (<see cref="ProfileNotAskedFor"/>). Not the surest of all the readings: each is a guess at what was meant,
    /// and the more guesses are compared the likelier one of them scores high by chance. When no reading does, the
    /// question as typed is answered, or abstained on with the first reading's suggestions if that was surer. An
    /// ellipsis ("lutnick too?") means nothing as typed (it would be Lutnick's profile): it takes its first reading
    /// that answers, however sure, else its own answer when that is not a person's profile ("and boeing?"), else
    /// abstains with its first reading.
    /// </summary>
    /// <param name="answer">Answers a question; with true, an English reading of a question asked in Japanese script, as
    /// one asked in Japanese (<see cref="Answerer.Answer(FactIndex, string, Func{string, float[]}?, bool)"/>).</param>
    public static FollowUpAnswer Answer(FactIndex index, string question, PreviousQuestion? previous, Func<string, bool, AnswerResult> answer)
    {
        var alone = answer(question, false);
        if (previous is null)
        {
            return new FollowUpAnswer(alone, null);
        }

        var (readings, elliptical) = Read(index, question, previous);
        var inJapanese = JapaneseGlossary.HasJapanese(question);
        FollowUpAnswer? firstAnswer = null;
        FollowUpAnswer? firstAbstention = null;
        foreach (var reading in readings)
        {
            var result = answer(reading, inJapanese);
            if (!result.Abstained && (alone.Abstained || result.Confidence >= alone.Confidence || ProfileNotAskedFor(alone, result)))
            {
                return new FollowUpAnswer(result, reading);
            }

            if (result.Abstained)
            {
                firstAbstention ??= new FollowUpAnswer(result, reading);
            }
            else
            {
                firstAnswer ??= new FollowUpAnswer(result, reading);
            }
        }

        // An ellipsis answered alone by something other than a person's profile ("and boeing?" after "how much rice will
        // japan buy") says what it is about when no reading answers; "lutnick too?" or "the ustr too?" alone would be a
        // profile nobody asked for.
        if (elliptical && firstAnswer is null && !alone.Abstained && alone.Best is not { Kind: FactKind.Person })
        {
            return new FollowUpAnswer(alone, null);
        }

        if (elliptical && (firstAnswer ?? firstAbstention) is { } meant)
        {
            return meant;
        }

        return alone.Abstained && firstAbstention is { } first && first.Result.Confidence >= alone.Confidence ? first : new FollowUpAnswer(alone, null);
    }

    /// <summary>
    /// The question as typed found a person's profile ("was lutnick actually there" alone is Lutnick's profile), where a
    /// reading of what it points back to found something else: the occasion, the day, the thing. A profile answers who
    /// someone is, which a question with a mark of pointing back does not ask.
    /// </summary>
    private static bool ProfileNotAskedFor(AnswerResult alone, AnswerResult reading) =>
        alone.Best is { Kind: FactKind.Person } && reading.Best is { Kind: not FactKind.Person };

    /// <summary>Endings of a Japanese follow-up that asks the same of something else: "ラトニックは？" ("and Lutnick?"),
    /// "アルミの方は？", "第3回はどう？"; and one that asks it too: "ラトニックも？".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"^(?<rest>.+?)(?:の方)?(?:(?<about>は)(?:どう(?:だった|です|でした)?(?:か)?)?|(?<too>も))[\s？?！!。]*$", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex JapaneseEllipsisPattern();

    /// <summary>A Japanese ordinal of a round, as the glossary reads it ("第3回交渉" is "3th talks", "第3回は？" "what about
    /// 3th", "第4回会合" "4th meeting"), with "round" in place of its suffix ("round 3 talks", "what about round 3"): the
    /// readings are answered as English words, in which a bare number names no round.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?<n>[0-9]{1,2})th(?=\s+(?:talks|ministerial|negotiations|meeting|session|round)\b|[\s?？。!！]*$)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex RoundOrdinalPattern();

    private static string RoundOrdinal(string glossed) => RoundOrdinalPattern().Replace(glossed.TrimEnd(), "round ${n}");

    /// <summary>
    /// A follow-up in Japanese script that only names what it asks about, ending with "は？" ("what about …") or "も？"
    /// ("… too?"), read as its English ellipsis for <see cref="Ellipsis"/>; null for any other question, and for one whose
    /// words before the ending ask something of their own (「理由は？」 is "why", 「いつは？」 "when").
    /// </summary>
    private static string? JapaneseEllipsis(JapaneseGlossary glossary, string question)
    {
        if (JapaneseEllipsisPattern().Match(question.Trim()) is not { Success: true } match)
        {
            return null;
        }

        var rest = glossary.Gloss(match.Groups["rest"].Value);
        var words = QuestionNormalizer.Words(rest);
        if (words.Count == 0 || words.Any(s_questionWords.Contains))
        {
            return null;
        }

        return match.Groups["too"].Success ? $"{rest} too" : $"what about {rest}";
    }

    /// <summary>"why?", "from what date", "since when": a follow-up of asking words only, at most four.</summary>
    private static bool AsksOnly(List<string> words) =>
        words.Count <= 4 && words.Any(s_askingWords.Contains) && words.All(s_askOnlyWords.Contains);

    /// <summary>The words after a lead ("and", "what about") or before a tail ("too"), if the question is an
    /// ellipsis; null when it is a question of its own ("and when was round 5" is one: it has its own question word).</summary>
    private static List<string>? Ellipsis(List<string> words)
    {
        foreach (var lead in s_leads)
        {
            if (words.Count > lead.Length && words.Take(lead.Length).SequenceEqual(lead))
            {
                var rest = words[lead.Length..];
                return s_questionWords.Contains(rest[0]) ? null : Trim(rest);
            }
        }

        foreach (var tail in s_tails)
        {
            if (words.Count > tail.Length && words.Skip(words.Count - tail.Length).SequenceEqual(tail) && !s_questionWords.Contains(words[0]))
            {
                return Trim(words[..^tail.Length]);
            }
        }

        return null;
    }

    /// <summary>The most words (stop words aside) an ellipsis has: past it, the words after "and" or before "too" are a
    /// question of their own ("and the rice piece, by how much is japan upping american rice…").</summary>
    private const int EllipsisWords = 4;

    private static List<string>? Trim(List<string> rest)
    {
        while (rest.Count > 0 && rest[^1] is "too" or "then" or "also")
        {
            rest = rest[..^1];
        }

        // "and so?", "me too": no word that says what about; "and now?" asks about now.
        var content = rest.Count(w => !Analyzer.StopWords.Contains(w) || s_nowWords.Contains(w));
        return content is > 0 and <= EllipsisWords ? rest : null;
    }

    /// <summary>
    /// The previous question with the follow-up's person, round or date in place of its own when the follow-up names
    /// only that ("and bessent", "what about round 5", "and on july 22"), or added to it when it had none ("and in feb
    /// 2026?" after "when did akazawa meet lutnick in tokyo"). For a follow-up with a subject of its own ("how about
    /// steel", "and on cnbc in july"): the previous question's opening words with the follow-up's, with and without the
    /// previous question's people, round and date (those the follow-up does not replace), and the previous question with
    /// the follow-up's words added ("aluminum too?" after "what's the tariff on steel now").
    /// </summary>
    private static IEnumerable<List<string>> Elliptical(FactIndex index, List<string> rest, List<string> before, bool numbered)
    {
        // "and before the deal?" after "what's the car tariff now": the follow-up's time replaces the previous "now".
        if (rest.Any(w => s_timeWords.Contains(w) || IsYear(w) || s_months.Contains(w)))
        {
            before = [.. before.Where(w => !s_nowWords.Contains(w))];
        }

        // "and steel?" after "car tariff now?", "what about cars" after "what rate do japanese imports face now": the goods
        // the rate is asked for swapped.
        // Only after a question about a tariff: "and cars?" after "how much did japan export in 2024" is no rate question.
        var goods = rest.Where(w => !Analyzer.StopWords.Contains(w)).ToList();
        if (goods.Count > 0 && goods.All(index.Rates.NamesGoods) && before.FindIndex(index.Rates.NamesGoods) is var first and >= 0
            && index.Analyzer.Terms(before) is var beforeTerms && (beforeTerms.Contains("tariff") || before.Contains("rate")))
        {
            yield return [.. before[..first], .. goods, .. before[first..].Where(w => !index.Rates.NamesGoods(w))];

            // A rate question (or one asking when a rate changed) asks the same of the goods, and nothing else.
            if (AsksARate(index, before, beforeTerms))
            {
                yield break;
            }
        }

        // "and now?" after "what was the car tariff in june 2025": the day, month or year (and the word before it) swapped
        // for now; one date, not "between april and june".
        if (rest.Any(s_nowWords.Contains) && rest.All(w => s_nowWords.Contains(w) || w is "right" or "as" or "of") && DatePositions(before).ToList() is [var at, ..] dates
            && before.Skip(at).Take(dates[^1] - at + 1).Where((w, j) => !dates.Contains(at + j)).All(w => w is "of" or "the"))
        {
            var start = at > 0 && before[at - 1] is "in" or "on" or "during" or "of" ? at - 1 : at;
            yield return [.. before[..start], .. rest, .. before.Where((_, i) => i > dates[^1])];
            yield break;
        }

        // "and the tenth?" after "when was akazawa's ninth trip": the one number swapped for the other; only a number
        // typed as one ("10", "10th", "tenth"), not "and this one?".
        var restContent = rest.Where(w => !Analyzer.StopWords.Contains(w)).ToList();
        var numbers = before.Select((w, i) => (w, i)).Where(p => IsNumber(p.w) && !IsYear(p.w)).ToList();
        if (numbered && restContent is [var number] && IsNumber(number) && !IsYear(number) && numbers.Count == 1)
        {
            yield return [.. before[..numbers[0].i], number, .. before[(numbers[0].i + 1)..]];
        }

        var entities = Resolve(index, rest);
        var previousEntities = Resolve(index, before);
        var restSlots = Slots(rest, entities);
        var onlyEntities = restSlots.Count > 0 && rest.Select((w, i) => (w, i)).All(p => restSlots.Contains(p.i) || Analyzer.StopWords.Contains(p.w));

        // The previous question's words for the kinds of thing the follow-up names anew.
        var replaced = new SortedSet<int>();
        if (entities.People.Count > 0)
        {
            replaced.UnionWith(previousEntities.NamePositions);
        }

        if (entities.Round is not null && previousEntities.Round is not null)
        {
            replaced.UnionWith(RoundPositions(before));
        }

        if (entities.From is not null && previousEntities.From is not null)
        {
            replaced.UnionWith(DatePositions(before));
        }

        var frame = Frame(before, previousEntities);
        if (onlyEntities)
        {
            if (replaced.Count > 0)
            {
                var swapped = new List<string>();
                for (var i = 0; i < before.Count; i++)
                {
                    if (i == replaced.Min)
                    {
                        swapped.AddRange(rest.Where((_, j) => restSlots.Contains(j)));
                    }

                    if (!replaced.Contains(i))
                    {
                        swapped.Add(before[i]);
                    }
                }

                yield return swapped;
                yield break;
            }

            yield return [.. before, .. rest];
            if (frame.Count > 0)
            {
                yield return [.. frame, .. rest];
            }

            yield break;
        }

        if (frame.Count > 0)
        {
            // "what did akazawa say about rice" then "and cars?": the same person's words on cars, or cars alone.
            var kept = Slots(before, previousEntities).Where(i => i >= frame.Count && !replaced.Contains(i)).Select(i => before[i]).ToList();
            if (kept.Count > 0)
            {
                yield return [.. frame, .. kept, .. rest];
            }

            yield return [.. frame, .. rest];
        }

        yield return [.. before.Where((_, i) => !replaced.Contains(i)), .. rest];
    }

    /// <summary>Does the previous question ask only for a tariff rate on some goods (<see cref="RatesInForce.Asked"/>), or
    /// only when it changed (<see cref="RatesInForce.ChangeAsked"/>)?</summary>
    private static bool AsksARate(FactIndex index, List<string> words, List<string> terms)
    {
        var (type, entities) = (QuestionClassifier.Classify(words), index.Entities.Resolve(words));
        return index.Rates.Asked(words, terms, type, entities, index.Roles) is not null
            || index.Rates.ChangeAsked(words, terms, type, entities, index.Roles) is not null;
    }

    /// <summary>The words that open a question and say what it asks ("how much is", "when was", "who did"), with the
    /// verb after a bare question word ("who signed", "what happened").</summary>
    private static List<string> Frame(List<string> words, Entities entities)
    {
        var frame = words.TakeWhile(s_frameWords.Contains).ToList();
        var next = frame.Count;
        if (frame.Count > 0 && !frame.Any(s_auxiliaries.Contains) && next < words.Count && !Analyzer.StopWords.Contains(words[next])
            && !entities.NamePositions.Contains(next) && !IsNumber(words[next]) && !s_months.Contains(words[next]))
        {
            frame.Add(words[next]);
        }

        return frame;
    }

    /// <summary>Words that place a follow-up in time ("and before the deal?", "what about back then").</summary>
    private static readonly HashSet<string> s_timeWords = ["before", "after", "earlier", "previously", "originally", "initially", "then", "back", "later", "prior"];

    /// <summary>Words for the present, which a follow-up placed at another time drops from the previous question.</summary>
    private static readonly HashSet<string> s_nowWords = ["now", "currently", "today", "still", "anymore", "current"];

    /// <summary>Replaces a pronoun for one person with the person the previous question was about, "that round" and "the
    /// same day" with the previous question's round or day, the pointer of "that meeting" with the title of the previous
    /// answer (the noun stays: "how long was [g7 summit] meeting"), and with that title a thing pronoun after a lead, a
    /// last "it" that is the object of a verb, "those" with no noun after it and "that" or "this" (<see cref="PointsBack"/>);
    /// the question as it was when nothing points back.</summary>
    private static List<string> PointBack(List<string> words, Entities entities, Earlier earlier, Fact? focus, bool led)
    {
        var result = new List<string>(words.Count + 4);
        var (round, day, thing) = (earlier.Round, earlier.Day, earlier.Thing);
        // "what happened the day after", "and the next day?", "the day before that": the day next to the previous
        // question's (or its answer's) day.
        if (day is { } next && entities.From is null && NextDay(words) is var (at, shift) && at >= 0)
        {
            words = [.. words.Take(at), "on", .. QuestionNormalizer.Words(next.AddDays(shift).ToString("MMMM d yyyy", CultureInfo.InvariantCulture))];
        }

        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            // "what did he pledge trump": he is not the person the question names.
            if (focus is not null && !entities.People.Contains(focus.Id) && s_personPronouns.Contains(word))
            {
                result.AddRange(QuestionNormalizer.Words(focus.Title));
                continue;
            }

            if (i + 1 < words.Count && s_pointers.Contains(word) && !Analyzer.StopWords.Contains(words[i + 1]))
            {
                var noun = words[i + 1];
                if (noun is "round" or "session" && round is { } r && entities.Round is null)
                {
                    result.AddRange(["round", r.ToString(CultureInfo.InvariantCulture)]);
                    i++;
                    continue;
                }

                if (noun is "day" or "date" && day is { } d && entities.From is null)
                {
                    result.AddRange(["on", .. QuestionNormalizer.Words(d.ToString("MMMM d yyyy", CultureInfo.InvariantCulture))]);
                    i++;
                    continue;
                }

                if (thing.Count > 0 && s_pointedNouns.Contains(noun))
                {
                    // "how long was that meeting": the meeting the previous answer was about.
                    result.AddRange(thing);
                    continue;
                }
            }

            if (thing.Count > 0 && entities.Round is null && entities.From is null && (BareThose(words, i) || LastObjectIt(words, i) || PointsBack(words, i) || (led && s_thingPronouns.Contains(word))))
            {
                result.AddRange(thing);
                continue;
            }

            result.Add(word);
        }

        return result;
    }

    /// <summary>Where a question ends in a day next to one it does not name ("the day after", "the next day", "the day
    /// before that", "the previous day"), and +1 or -1; (-1, 0) otherwise.</summary>
    private static (int At, int Shift) NextDay(List<string> words)
    {
        var end = words.Count > 0 && words[^1] is "that" or "it" or "then" ? words.Count - 1 : words.Count;
        if (end >= 3 && words[end - 3] == "the" && words[end - 2] == "day" && words[end - 1] is "after" or "before")
        {
            return (end - 3, words[end - 1] == "after" ? 1 : -1);
        }

        return end >= 3 && end == words.Count && words[end - 3] == "the" && words[end - 1] == "day" && words[end - 2] is "next" or "following" or "previous"
            ? (end - 3, words[end - 2] == "previous" ? -1 : 1)
            : (-1, 0);
    }

    /// <summary>"those" or "these" standing for a thing, with no noun after them ("what's the range on those", "how many
    /// of those are f35b"): as a pronoun they point back even without a lead; before a noun ("those tariffs") they are
    /// the question's own.</summary>
    private static bool BareThose(List<string> words, int i) =>
        words[i] is "those" or "these"
        && (i == words.Count - 1 || Analyzer.StopWords.Contains(words[i + 1]) || words[i + 1] is "r" or "are" or "were");

    /// <summary>"it" as the last word after a verb, the thing the question is about ("what time did he post it", "who
    /// signed it"); not after "is" or a pointer ("what time is it", "is that it"), where it stands for nothing.</summary>
    private static bool LastObjectIt(List<string> words, int i) =>
        words[i] == "it" && i == words.Count - 1 && i >= 2 && words[i - 1] is not ("is" or "s" or "was" or "that" or "this");

    /// <summary>Words after which "this" at the end is the whole matter, not the previous answer ("what do they do in
    /// this", "any news on this").</summary>
    private static readonly HashSet<string> s_prepositions = ["in", "on", "about", "with", "of", "for", "to", "from", "at", "by", "behind", "over"];

    /// <summary>
    /// "that" or "this" as the question's last word ("does tokyo agree with that", "did the july deal change that") or
    /// its subject ("is that per year or total"), with or without a lead. Not "all this" or "all that", the whole matter;
    /// not "this" at the end after a preposition ("what do they do in this"); not "who's that" or "what is that" after a
    /// subject of the question's own ("muto - whos that"). Read back without a lead, these made whole questions asked
    /// one after another confidently wrong. A question that reads whole keeps its own answer unless the reading answers
    /// as surely, or it found only a person's profile (<see cref="Answer"/>). ("there" is read by <see cref="There"/>, as the occasion rather than the
    /// previous answer's title.)
    /// </summary>
    private static bool PointsBack(List<string> words, int i)
    {
        if (words[i] is not ("that" or "this") || i == 0)
        {
            return false;
        }

        var before = words[i - 1];
        var last = i == words.Count - 1 && (words[i] == "that" || !s_prepositions.Contains(before));
        var subject = i == 1 && before is "is" or "was" or "does" or "did" or "will" or "has";
        // "muto - whos that" (read "muto who is that"): a subject before the asking words; not "what is that" alone.
        var ownSubject = before is "all" || (i > 1 && before is "whos" or "whats" or "who" or "what")
            || (i > 2 && before is "is" or "s" && words[i - 2] is "who" or "what");
        return (last || subject) && !ownSubject;
    }

    /// <summary>The people a pronoun for one person can stand for, at most two, likeliest first: the previous answer's,
    /// if it was a person's profile; the people the previous question named, in its order; else the people of the fact
    /// that answered it, if no more than two.</summary>
    private static List<Fact> Focuses(FactIndex index, Fact? answered, Entities previousEntities)
    {
        var ids = new List<string>();
        if (answered is { Kind: FactKind.Person })
        {
            ids.Add(answered.Id);
        }

        ids.AddRange(previousEntities.People.OrderBy(p => previousEntities.Positions.GetValueOrDefault(p, int.MaxValue)));
        if (ids.Count == 0 && answered is { People.Count: > 0 and <= 2 })
        {
            ids.AddRange(answered.People);
        }

        return [.. ids.Distinct(StringComparer.Ordinal).Select(index.Facts.Find).OfType<Fact>().Take(2)];
    }

    private static Entities Resolve(FactIndex index, List<string> words) =>
        index.Entities.Resolve([.. words.Select(index.Speller.Correct)]);

    /// <summary>The positions of the words that name the question's people, round and date.</summary>
    private static SortedSet<int> Slots(List<string> words, Entities entities)
    {
        var slots = new SortedSet<int>(entities.NamePositions);
        if (entities.Round is not null)
        {
            slots.UnionWith(RoundPositions(words));
        }

        if (entities.From is not null)
        {
            slots.UnionWith(DatePositions(words));
        }

        return slots;
    }

    /// <summary>"round 4", "4 round", "the 4 session": the round word and the number next to it.</summary>
    private static IEnumerable<int> RoundPositions(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i] is "round" or "rounds" or "session" or "talks" or "rd")
            {
                var number = i + 1 < words.Count && IsNumber(words[i + 1]) ? i + 1 : i > 0 && IsNumber(words[i - 1]) ? i - 1 : -1;
                if (number >= 0)
                {
                    yield return i;
                    yield return number;
                }
                else if (words[i] is "round" or "rounds" or "rd" && i > 0 && words[i - 1] is "final" or "last" or "latest")
                {
                    yield return i - 1;
                    yield return i;
                }
            }
        }
    }

    /// <summary>Month names, the numbers next to them (a day or a year) and years on their own.</summary>
    private static IEnumerable<int> DatePositions(List<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var nearMonth = (i > 0 && s_months.Contains(words[i - 1])) || (i + 1 < words.Count && s_months.Contains(words[i + 1]))
                || (i > 1 && s_months.Contains(words[i - 2]) && IsNumber(words[i - 1]));
            if (s_months.Contains(words[i]) || (IsNumber(words[i]) && (nearMonth || IsYear(words[i]))))
            {
                yield return i;
            }
        }
    }

    private static bool IsNumber(string word) => word.Length is > 0 and <= 4 && word.All(char.IsAsciiDigit);

    private static bool IsYear(string word) => word.Length == 4 && word.StartsWith("20", StringComparison.Ordinal) && IsNumber(word);
}
