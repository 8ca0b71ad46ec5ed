using System.Collections.Frozen;
using Bot.Facts;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Bot.Answering;

/// <summary>
/// Turns free text into comparable words: Unicode folded, lower case, contractions and possessives undone,
/// number words and ordinals as digits ("fourth", "4th" → 4), money written one way ("$550bn" → "dollar 550 billion"),
/// model names joined ("F-35A" → "f35a", also "f35"). The same rules apply to questions and to fact text.
/// </summary>
internal static partial class QuestionNormalizer
{
    private static readonly Dictionary<string, int> s_units = new(StringComparer.Ordinal)
    {
        ["zero"] = 0, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["thirteen"] = 13, ["fourteen"] = 14,
        ["fifteen"] = 15, ["sixteen"] = 16, ["seventeen"] = 17, ["eighteen"] = 18, ["nineteen"] = 19,
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12,
    };

    private static readonly Dictionary<string, int> s_tens = new(StringComparer.Ordinal)
    {
        ["twenty"] = 20, ["thirty"] = 30, ["forty"] = 40, ["fifty"] = 50, ["sixty"] = 60, ["seventy"] = 70, ["eighty"] = 80, ["ninety"] = 90,
        ["twentieth"] = 20, ["thirtieth"] = 30,
    };

    private static readonly Dictionary<string, string> s_scales = new(StringComparer.Ordinal)
    {
        ["k"] = "thousand", ["thousand"] = "thousand",
        ["m"] = "million", ["mn"] = "million", ["mil"] = "million", ["million"] = "million", ["millions"] = "million",
        ["b"] = "billion", ["bn"] = "billion", ["bil"] = "billion", ["billion"] = "billion", ["billions"] = "billion",
        ["t"] = "trillion", ["tn"] = "trillion", ["tril"] = "trillion", ["trillion"] = "trillion", ["trillions"] = "trillion",
    };

    private static readonly Dictionary<string, string> s_contractions = new(StringComparer.Ordinal)
    {
        ["who's"] = "who is", ["what's"] = "what is", ["when's"] = "when is", ["where's"] = "where is", ["how's"] = "how is",
        ["it's"] = "it is", ["that's"] = "that is", ["there's"] = "there is", ["whats"] = "what is", ["whos"] = "who is",
        ["won't"] = "will not", ["can't"] = "can not", ["cannot"] = "can not", ["didn't"] = "did not", ["doesn't"] = "does not",
        ["don't"] = "do not", ["isn't"] = "is not", ["wasn't"] = "was not", ["aren't"] = "are not", ["weren't"] = "were not",
        ["hasn't"] = "has not", ["haven't"] = "have not", ["i'm"] = "i am", ["they're"] = "they are", ["we're"] = "we are",
        // "Where'd he go": did, in a question word's contraction ("who'd" may be would or had, so it is left).
        ["where'd"] = "where did", ["when'd"] = "when did", ["how'd"] = "how did", ["what'd"] = "what did", ["why'd"] = "why did",
        // Typed without the apostrophe, and chat shorthand.
        ["didnt"] = "did not", ["doesnt"] = "does not", ["dont"] = "do not", ["isnt"] = "is not", ["wasnt"] = "was not",
        ["arent"] = "are not", ["werent"] = "were not", ["hasnt"] = "has not", ["havent"] = "have not", ["wont"] = "will not",
        ["cant"] = "can not", ["im"] = "i am", ["theyre"] = "they are", ["rn"] = "now", ["atm"] = "now",
        ["gonna"] = "going to", ["wanna"] = "want to",
    };

    private static readonly Dictionary<string, int> s_ordinalWords = new(StringComparer.Ordinal)
    {
        ["first"] = 1, ["second"] = 2, ["third"] = 3, ["fourth"] = 4, ["fifth"] = 5, ["sixth"] = 6, ["seventh"] = 7,
        ["eighth"] = 8, ["ninth"] = 9, ["tenth"] = 10, ["eleventh"] = 11, ["twelfth"] = 12, ["twentieth"] = 20, ["thirtieth"] = 30,
    };

    /// <summary>
    /// The numbers a text writes as ordinals ("10th", "tenth"): a position in a series (the tenth trip), not a count or
    /// an amount, which <see cref="Words"/> no longer tells apart once it has made both "10".
    /// </summary>
    public static HashSet<string> Ordinals(string text)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var folded = JapaneseCounters(Fold(text));
        foreach (Match m in OrdinalSuffixPattern().Matches(folded))
        {
            found.Add(m.Groups[1].Value);
        }

        foreach (Match m in WordPattern().Matches(folded))
        {
            if (OrdinalWord(m.Value.Trim('.', ',', '\'')) is { } number)
            {
                found.Add(number);
            }
        }

        return found;
    }

    /// <summary>The number an ordinal word gives ("tenth" → "10"), or null.</summary>
    private static string? OrdinalWord(string word) =>
        s_ordinalWords.TryGetValue(word, out var n) ? n.ToString(System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>An ordinal that numbers an occurrence of an occasion ("3rd meeting", "second ishiba trump summit"): the
    /// number, the occasion's noun (trips and visits are trips, sessions are meetings), and the words between them.</summary>
    public readonly record struct Occurrence(string Number, string Noun, string[] Between);

    /// <summary>Nouns of occasions an ordinal can number, by the noun they count as.</summary>
    private static readonly Dictionary<string, string> s_occasionNouns = new(StringComparer.Ordinal)
    {
        ["trip"] = "trip", ["trips"] = "trip", ["visit"] = "trip", ["visits"] = "trip", ["meeting"] = "meeting",
        ["meetings"] = "meeting", ["session"] = "meeting", ["sessions"] = "meeting", ["round"] = "round", ["rounds"] = "round",
        ["summit"] = "summit", ["summits"] = "summit",
    };

    /// <summary>Verbs of occasions, by the noun they count as: "when did they meet for the second time".</summary>
    private static readonly Dictionary<string, string> s_occasionVerbs = new(StringComparer.Ordinal)
    {
        ["meet"] = "meeting", ["meets"] = "meeting", ["met"] = "meeting", ["convene"] = "meeting", ["convened"] = "meeting",
        ["visit"] = "trip", ["visits"] = "trip", ["visited"] = "trip", ["go"] = "trip", ["went"] = "trip", ["fly"] = "trip",
        ["flew"] = "trip", ["travel"] = "trip", ["travelled"] = "trip", ["traveled"] = "trip",
    };

    /// <summary>The most words between an ordinal and the occasion it numbers: "the second us japan investment committee
    /// meeting". The rule reads them only when all name the fact's series (<see cref="NumberedTitle"/>).</summary>
    private const int MaxOccurrenceGap = 4;

    /// <summary>Words that end the phrase an ordinal numbers: "first on his september trip", "the first time akazawa
    /// cancelled a trip" number no trip.</summary>
    private static readonly HashSet<string> s_phraseBreaks =
        ["on", "in", "at", "of", "to", "for", "from", "with", "by", "about", "after", "before", "his", "her", "their", "its",
         "the", "a", "an", "this", "that", "and", "or", "time", "times", "was", "is", "did"];

    /// <summary>
    /// The ordinals in a text that number an occasion, with at most four words between ("the 3rd meeting", "the tenth
    /// trip", "the first ishiba trump summit"), the verb right after it ("when did they first meet"), the clause's verb
    /// ("meet for the second time", "visited a tenth time") or the verb of the clause "time" opens ("the first time
    /// akazawa met lutnick"). An ordinal that stands alone ("which came first", "on thursday the 28th", "what did he sign
    /// first on the trip") or gives a day of a month ("the 7th of february meeting") numbers nothing.
    /// </summary>
    public static List<Occurrence> Occurrences(string text, Func<string, bool> isMonth)
    {
        var found = new List<Occurrence>();
        // Clause by clause: in "which happened first, the cancelled trip or …" no trip is numbered.
        foreach (var clause in text.Split([',', ';', ':', '?', '!', '(', ')', '、', '。', '？'], StringSplitOptions.RemoveEmptyEntries))
        {
            Numbered([.. OccurrenceTokens(clause)], isMonth, found);
        }

        return found;
    }

    private static void Numbered(string[] tokens, Func<string, bool> isMonth, List<Occurrence> found)
    {
        for (var i = 0; i < tokens.Length; i++)
        {
            var number = OrdinalSuffixPattern().Match(tokens[i]) is { Success: true } m && m.Length == tokens[i].Length ? m.Groups[1].Value
                : OrdinalWord(tokens[i]);
            if (number is null || (i > 0 && isMonth(tokens[i - 1])) || (i + 1 < tokens.Length && (isMonth(tokens[i + 1]) || tokens[i + 1] == "of")))
            {
                continue;
            }

            // "when did they first meet", "akazawa first went to washington": the occasion is the verb that follows.
            if (i + 1 < tokens.Length && s_occasionVerbs.TryGetValue(tokens[i + 1], out var followed))
            {
                found.Add(new Occurrence(number, followed, []));
                continue;
            }

            // "meet for the second time", "visited a tenth time": the occasion is the clause's verb.
            if (i + 1 < tokens.Length && tokens[i + 1] == "time" && i > 0
                && (tokens[i - 1] == "a" || (i > 1 && tokens[i - 1] == "the" && tokens[i - 2] == "for"))
                && ClauseVerb(tokens, tokens[i - 1] == "a" ? i - 1 : i - 2) is { } verbNoun)
            {
                found.Add(new Occurrence(number, verbNoun, []));
                continue;
            }

            // "when was the first time akazawa met lutnick", "first time akazawa went to washington": the occasion is the verb
            // of the clause "time" opens ("the first time akazawa cancelled a trip" has none, and numbers no trip).
            if (i + 1 < tokens.Length && tokens[i + 1] == "time" && (i == 0 || (tokens[i - 1] == "the" && (i == 1 || tokens[i - 2] != "for")))
                && FollowingVerb(tokens, i + 2) is { } following)
            {
                found.Add(new Occurrence(number, following, []));
                continue;
            }

            for (var j = i + 1; j < tokens.Length && j <= i + MaxOccurrenceGap + 1 && !s_phraseBreaks.Contains(tokens[j]); j++)
            {
                if (s_occasionNouns.TryGetValue(tokens[j], out var noun))
                {
                    found.Add(new Occurrence(number, noun, tokens[(i + 1)..j]));
                    break;
                }
            }
        }
    }

    /// <summary>The occasion verb of the clause that ends before <paramref name="end"/>, read back to the clause's start
    /// ("when did the committee meet for …"); null when a word that opens another clause comes first ("akazawa went to
    /// washington and for the first time the us agreed …" numbers no trip).</summary>
    private static string? ClauseVerb(string[] tokens, int end) =>
        OccasionVerb(tokens, Enumerable.Range(0, Math.Max(0, end)).Reverse(), s_clauseOpeners);

    /// <summary>The occasion verb of the clause that starts at <paramref name="start"/> ("akazawa and lutnick met"), within
    /// <see cref="MaxOccurrenceGap"/> + 2 words; null when none, or when a word that opens another clause comes first
    /// (<see cref="s_followingClauseOpeners"/>).</summary>
    private static string? FollowingVerb(string[] tokens, int start) =>
        OccasionVerb(tokens, Enumerable.Range(start, Math.Max(0, Math.Min(tokens.Length, start + MaxOccurrenceGap + 2) - start)), s_followingClauseOpeners);

    /// <summary>The first occasion verb at the positions given, in their order, as the noun it counts as; null when a
    /// word of <paramref name="stops"/> comes first, or none is there.</summary>
    private static string? OccasionVerb(string[] tokens, IEnumerable<int> positions, HashSet<string> stops)
    {
        foreach (var k in positions)
        {
            if (s_occasionVerbs.TryGetValue(tokens[k], out var noun))
            {
                return noun;
            }

            if (stops.Contains(tokens[k]))
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>Words that open another clause after "the first time …": not "and" ("the first time akazawa and lutnick
    /// met") nor an auxiliary ("the first time akazawa has met …").</summary>
    private static readonly HashSet<string> s_followingClauseOpeners = ["but", "so", "then", "when", "while", "that", "which", "who", "where"];

    /// <summary>Words that open a clause of their own, past which a verb is not the one an ordinal's "time" counts.</summary>
    private static readonly HashSet<string> s_clauseOpeners =
        ["and", "or", "but", "so", "then", "when", "while", "did", "does", "do", "was", "were", "is", "are", "has", "have",
         "had", "that", "which", "who", "where"];

    /// <summary>
    /// The occasions a fact's title or aliases number ("Ninth trip", "First meeting of …", "first round") and the words
    /// that name its series (<paramref name="Words"/>): the title's, those of aliases that number the same occurrence
    /// ("first White House summit") and those of aliases that name no occasion (the body: "Japan-US consultation
    /// committee"), each as typed and normalised ("$550 billion" is "550 billion", as "550bn" is). An alias that names this occasion without a
    /// number ("cancelled trip") names a narrower series, of which the fact base knows this one only
    /// (<paramref name="OwnWords"/>): "the first cancelled trip" is not another occurrence of the tenth trip, "the
    /// second cancelled trip" is.
    /// </summary>
    public sealed record NumberedTitle(List<Occurrence> Numbered, HashSet<string> Words, HashSet<string> OwnWords)
    {
        public static NumberedTitle Of(string title, IEnumerable<string> aliases)
        {
            // The title's numbered occasions, and its aliases' of an occasion the title names ("first round" of Round 1,
            // "first Takaichi Trump summit" of the "Takaichi–Trump summit in Tokyo"). An alias numbering an occasion the
            // title does not name numbers another thing ("second HQ meeting" of the task force set up at it, "sixth HQ
            // meeting" of Ishiba's briefing on the deal, which "the first headquarters meeting about the deal" asks of).
            var named = aliases.Select(a => (Alias: a, Numbered: Occurrences(a, EntityResolver.IsMonth), Occasion: OccurrenceTokens(a).Any(s_occasionNouns.ContainsKey))).ToList();
            var titled = OccurrenceTokens(title).Where(s_occasionNouns.ContainsKey).Select(t => s_occasionNouns[t]).ToHashSet(StringComparer.Ordinal);
            var numbered = Occurrences(title, EntityResolver.IsMonth)
                .Concat(named.SelectMany(n => n.Numbered).Where(o => titled.Contains(o.Noun)))
                .Distinct(SameOccurrence).ToList();
            // The series: the title, aliases numbering the same occurrence, and aliases naming no occasion.
            var series = named.Where(n => n.Numbered.Any(o => numbered.Contains(o, SameOccurrence)) || (!n.Occasion && n.Numbered.Count == 0))
                .Select(n => n.Alias).Prepend(title).ToList();
            // This occurrence by an unnumbered name ("cancelled trip", "investment committee meeting"): the only one of
            // it the fact base knows.
            var own = named.Where(n => n.Occasion && n.Numbered.Count == 0).Select(n => n.Alias).ToList();
            return new(numbered, WordsOf(series), WordsOf(own));

            static HashSet<string> WordsOf(List<string> names) =>
                names.SelectMany(OccurrenceTokens).Concat(names.SelectMany(QuestionNormalizer.Words)).ToHashSet(StringComparer.Ordinal);
        }

        /// <summary>Does a question's occasion count in the title's series: the same noun, or a summit asked as a meeting
        /// or a visit ("ishiba's second white house visit" against "First Ishiba–Trump summit").</summary>
        private static bool Counts(string titled, string asked) =>
            titled == asked || (titled == "summit" && asked is "meeting" or "trip");

        private static readonly IEqualityComparer<Occurrence> SameOccurrence =
            EqualityComparer<Occurrence>.Create((a, b) => a.Number == b.Number && a.Noun == b.Noun, o => HashCode.Combine(o.Number, o.Noun));

        /// <summary>Is a word between a question's ordinal and its occasion among these words: as typed, or as normalised
        /// ("550bn" is "550 billion").</summary>
        private static bool In(HashSet<string> set, string word) =>
            set.Contains(word) || QuestionNormalizer.Words(word) is { Count: > 0 } normal && normal.All(set.Contains);

        /// <summary>Does the question number an occasion this title numbers too, but another occurrence of it ("3rd
        /// meeting" against "First meeting of …", with any words between naming the title's series: "second ishiba trump
        /// summit", "second white house summit", "second $550bn consultation committee meeting"; or, past the first, the
        /// narrower series only this fact is of: "second cancelled trip"), and none the title numbers?</summary>
        public bool NumbersAnother(string question)
        {
            if (Numbered.Count == 0)
            {
                return false;
            }

            var asked = Occurrences(question, EntityResolver.IsMonth);
            if (asked.Any(a => Numbered.Any(t => t.Number == a.Number)))
            {
                return false;
            }

            return asked.Any(a => Numbered.Any(t => Counts(t.Noun, a.Noun))
                && (a.Between.All(w => In(Words, w))
                    || (a.Number != "1" && a.Between.All(w => In(Words, w) || In(OwnWords, w)))));
        }
    }

    private static IEnumerable<string> OccurrenceTokens(string text) =>
        WordPattern().Matches(JapaneseCounters(Fold(text))).Select(m => m.Value.Trim('.', ',', '\''));

    /// <summary>The normalised words as one string ("Who's Akazawa?" → "who is akazawa"): how a question is compared with
    /// another word for word (a curated question, a recorded one, a glossary reading).</summary>
    public static string Text(string text) => string.Join(' ', Words(text));

    /// <summary>Lower-cased, folded words with numbers, money and model names normalised; stop words kept.</summary>
    public static List<string> Words(string text)
    {
        var folded = JapaneseCounters(Fold(text));
        folded = NumericDatePattern().Replace(folded, m => NumericDate(m));
        folded = MoneyPattern().Replace(folded, m => Money(m));
        folded = ScaledNumberPattern().Replace(folded, m => $" {m.Groups["num"].Value} {s_scales[m.Groups["scale"].Value]} ");
        folded = PercentPattern().Replace(folded, m => $"{m.Groups[1].Value} percent ");
        folded = RoundPattern().Replace(folded, " round $1 ");
        folded = ModelPattern().Replace(folded, m => $" {m.Groups[1].Value}{m.Groups[2].Value}{m.Groups[3].Value} ");
        folded = OrdinalSuffixPattern().Replace(folded, "$1");
        folded = NowPattern().Replace(folded, " now ");

        var words = new List<string>();
        foreach (Match m in WordPattern().Matches(folded))
        {
            var word = m.Value.Trim('.', ',', '\'');
            if (word.Length == 0)
            {
                continue;
            }

            if (s_contractions.TryGetValue(word, out var expanded))
            {
                words.AddRange(expanded.Split(' '));
                continue;
            }

            if (word.EndsWith("'s", StringComparison.Ordinal))
            {
                word = word[..^2];
            }
            else if (word.EndsWith("s'", StringComparison.Ordinal))
            {
                word = word[..^1];
            }

            word = word.Replace("'", "", StringComparison.Ordinal);
            if (!word.Any(char.IsDigit))
            {
                // "u.s." → "us"; "tokyo,japan" → two words.
                word = word.Replace(".", "", StringComparison.Ordinal);
                if (word.Contains(',', StringComparison.Ordinal))
                {
                    words.AddRange(word.Split(',', StringSplitOptions.RemoveEmptyEntries));
                    continue;
                }
            }

            if (word.Length == 0)
            {
                continue;
            }

            if (word.Contains('-', StringComparison.Ordinal) && !char.IsDigit(word[0]))
            {
                foreach (var part in word.Split('-', StringSplitOptions.RemoveEmptyEntries))
                {
                    words.Add(part);
                }

                continue;
            }

            words.Add(word);
        }

        var result = NumberWords(words);
        AddModelBases(result);
        return result;
    }

    /// <summary>Unicode compatibility form, accents removed, lower case, typographic quotes and dashes made plain.</summary>
    public static string Fold(string text) => TextNormalizer.FoldCharacters(text);

    private static readonly Dictionary<string, int> s_japaneseTimes = new(StringComparer.Ordinal)
    {
        ["ikkai"] = 1, ["nikai"] = 2, ["sankai"] = 3, ["sangai"] = 3, ["yonkai"] = 4, ["gokai"] = 5, ["rokkai"] = 6, ["rokukai"] = 6,
        ["nanakai"] = 7, ["hachikai"] = 8, ["hakkai"] = 8, ["kyukai"] = 9, ["jukkai"] = 10, ["jikkai"] = 10,
    };

    /// <summary>
    /// Romanized Japanese counters, as Japanese readers type them: "dai yonkai", "dai san kai" and "dai 4 kai" are the
    /// 4th and 3rd; "5500 oku" (hundred millions) is 550 billion, "43 cho" 43 trillion; "105 ki" is 105 aircraft.
    /// </summary>
    private static string JapaneseCounters(string folded)
    {
        folded = JapaneseOrdinalPattern().Replace(folded, m =>
            m.Groups["n"].Success ? $" {m.Groups["n"].Value}th " : $" {s_japaneseTimes[m.Groups["word"].Value.Replace(" ", "", StringComparison.Ordinal)]}th ");

        // "105 ki", "105-ki": the counter for aircraft (not "2 ki me", the second term).
        folded = AircraftCounterPattern().Replace(folded, m => $" {m.Groups["n"].Value} aircraft ");
        return JapaneseScalePattern().Replace(folded, m =>
        {
            if (!decimal.TryParse(m.Groups["num"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return m.Value;
            }

            var (value, scale) = m.Groups["unit"].Value == "oku" ? (number / 10, "billion") : (number, "trillion");
            return FormattableString.Invariant($" {value:0.###} {scale} ");
        });
    }

    private static string Money(Match m)
    {
        var currency = m.Groups["cur"].Value switch
        {
            "$" or "us$" => "dollar",
            "¥" => "yen",
            "€" => "euro",
            "£" => "pound",
            _ => "",
        };
        var scale = m.Groups["scale"].Success && s_scales.TryGetValue(m.Groups["scale"].Value, out var s) ? " " + s : "";
        return $" {currency} {m.Groups["num"].Value}{scale} ";
    }

    /// <summary>Verbs that, right after "first", make it an adverb ("when did trump first threaten tariffs"): what
    /// happened first, not a thing numbered 1.</summary>
    private static readonly FrozenSet<string> s_verbsAfterFirst = FrozenSet.ToFrozenSet(
    [
        "go", "went", "gone", "visit", "visited", "meet", "met", "come", "came", "travel", "traveled", "travelled", "fly", "flew",
        "raise", "raised", "threaten", "threatened", "say", "said", "mention", "mentioned", "announce", "announced", "propose",
        "proposed", "take", "took", "become", "became", "hear", "heard", "arrive", "arrived", "talk", "talked", "speak", "spoke",
        "start", "started", "begin", "began", "sign", "signed", "agree", "agreed", "call", "called", "appear", "appeared",
        "impose", "imposed", "make", "made", "suggest", "suggested", "hold", "held", "put", "offer", "offered", "ask", "asked",
        "demand", "demanded", "join", "joined", "lead", "led", "negotiate", "negotiated", "hit", "floated", "float", "tell", "told",
    ], StringComparer.Ordinal);

    /// <summary>"twenty five" → 25, "fourth" → 4, "five hundred fifty" → 550, "a hundred and five" → 105; digits with
    /// separators lose them.</summary>
    private static List<string> NumberWords(List<string> words)
    {
        var result = new List<string>(words.Count);
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            // "When did akazawa first go to washington", "was muto in charge at first": "first" as an adverb, not 1.
            if (word == "first" && ((i + 1 < words.Count && s_verbsAfterFirst.Contains(words[i + 1])) || (i > 0 && words[i - 1] == "at")))
            {
                result.Add(word);
                continue;
            }

            if (NumberWord(word, out var value) || HundredAlone(words, i, ref value))
            {
                var j = i + 1;
                while (j < words.Count)
                {
                    if (words[j] == "hundred" && value is > 0 and < 100)
                    {
                        value *= 100;
                    }
                    else if (value % 100 == 0 && value >= 100 && (NumberWord(words[j], out var next) || (words[j] == "and" && j + 1 < words.Count && NumberWord(words[j + 1], out next))) && next < 100)
                    {
                        if (words[j] == "and")
                        {
                            j++;
                        }

                        value += next;
                    }
                    else if (value % 10 == 0 && value is >= 20 and < 100 && s_units.TryGetValue(words[j], out var unit) && unit < 10)
                    {
                        value += unit;
                    }
                    else
                    {
                        break;
                    }

                    j++;
                }

                var text = value.ToString(CultureInfo.InvariantCulture);
                i = j - 1 + (s_ordinalWords.ContainsKey(word) || (i > 0 && words[i - 1] == "at") ? 0 : Fraction(words, j, ref text));
                result.Add(text);
                continue;
            }

            if (word.Length > 0 && word.All(char.IsAsciiDigit))
            {
                var text = word;
                i += Fraction(words, i + 1, ref text);
                result.Add(text);
                continue;
            }

            if (word.Length > 1 && char.IsDigit(word[0]) && word.Contains(',', StringComparison.Ordinal))
            {
                word = word.Replace(",", "", StringComparison.Ordinal);
            }

            result.Add(word);
        }

        return result;
    }

    /// <summary>"hundred" with no number before it ("a hundred billion", "hundred and five") is 100; not after a word
    /// that makes it vague ("several hundred", "a few hundred") or a number ("5 hundred").</summary>
    private static bool HundredAlone(List<string> words, int i, ref int value)
    {
        if (words[i] != "hundred" || (i > 0 && (s_vagueCounts.Contains(words[i - 1]) || char.IsAsciiDigit(words[i - 1][0]))))
        {
            return false;
        }

        value = 100;
        return true;
    }

    private static readonly HashSet<string> s_vagueCounts = ["several", "few", "couple", "some", "many", "hundreds"];

    /// <summary>"… and a half" → ".5", "… point one five" → ".15" after a whole number (a cardinal: "second and a
    /// half" is not 2.5, nor "at one point" 1.x): appends the fraction to <paramref name="number"/> and returns how many
    /// words it took.</summary>
    private static int Fraction(List<string> words, int at, ref string number)
    {
        if (at + 2 < words.Count && words[at] == "and" && words[at + 1] == "a" && words[at + 2] == "half")
        {
            number += ".5";
            return 3;
        }

        if (at >= words.Count || words[at] != "point")
        {
            return 0;
        }

        var digits = new System.Text.StringBuilder();
        var next = at + 1;
        for (; next < words.Count && s_digitWords.TryGetValue(words[next], out var digit); next++)
        {
            digits.Append(digit);
        }

        if (digits.Length == 0)
        {
            return 0;
        }

        number += "." + digits;
        return next - at;
    }

    private static readonly Dictionary<string, char> s_digitWords = new(StringComparer.Ordinal)
    {
        ["zero"] = '0', ["one"] = '1', ["two"] = '2', ["three"] = '3', ["four"] = '4', ["five"] = '5', ["six"] = '6', ["seven"] = '7', ["eight"] = '8', ["nine"] = '9',
    };

    private static bool NumberWord(string word, out int value)
    {
        if (s_units.TryGetValue(word, out value) || s_tens.TryGetValue(word, out value))
        {
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>"f35a" also gives "f35", so "F-35" finds "F-35A" and the reverse through the fact's own words.</summary>
    private static void AddModelBases(List<string> words)
    {
        var count = words.Count;
        for (var i = 0; i < count; i++)
        {
            var m = ModelTokenPattern().Match(words[i]);
            if (m.Success && m.Groups[3].Length > 0)
            {
                words.Add(m.Groups[1].Value + m.Groups[2].Value);
            }
        }
    }

    /// <summary>Ways of saying "now" ("these days", "at the moment"): one word, so a time cue adds no term ("days").</summary>
    [GeneratedRegex(@"\b(?:these days|nowadays|at the moment(?! (?:of|when|that|the)\b)|at present|presently|as of now|right now|as things stand)\b", RegexOptions.CultureInvariant)]
    private static partial Regex NowPattern();

    [GeneratedRegex(@"(?<cur>us\$|\$|¥|€|£)\s?(?<num>\d+(?:[.,]\d+)*)\s?(?<scale>bn|b|tn|t|mn|m|k|billion|trillion|million|thousand)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex MoneyPattern();

    // "550 billion", "550bn"; and "550b", "1t" written on the number, unless it ends a model name ("F-35B", "MQ-9B") or a
    // longer number ("770,000t" is tonnes).
    [GeneratedRegex(@"\b(?<num>\d+(?:\.\d+)?)\s?(?<scale>bn|tn|mn|trillions?|billions?|millions?)\b|(?<![a-z]-|[\d,.])\b(?<num>\d+(?:\.\d+)?)(?<scale>[bt])\b", RegexOptions.CultureInvariant)]
    private static partial Regex ScaledNumberPattern();

    [GeneratedRegex(@"(\d+(?:\.\d+)?)\s?(?:%|pct\b)", RegexOptions.CultureInvariant)]
    private static partial Regex PercentPattern();

    private static readonly string[] s_monthNames =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    /// <summary>
    /// Dates written in numbers, as the words the facts use ("july 22 2025"): year first ("2025-07-22", "2025/7/22",
    /// "2025.7.22"), month first as in the US ("7/22", "7/22/2025"), and day first ("22/7/25") only with a year, where it
    /// can only be a date. Anything else ("24/7", "90/10", "2025/13/1") stays as it is.
    /// </summary>
    private static string NumericDate(Match m)
    {
        // The pattern admits ASCII digits only, at most four, so these parse.
        int Part(string name) => int.Parse(m.Groups[name].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        int year, month, day;
        if (m.Groups["y"].Success)
        {
            (year, month, day) = (Part("y"), Part("ym"), Part("yd"));
        }
        else
        {
            var (first, second) = (Part("a"), Part("b"));
            var c = m.Groups["c"];
            (month, day) = first is >= 1 and <= 12 ? (first, second) : c.Success ? (second, first) : (0, 0);
            year = !c.Success ? 0 : c.Value.Length == 2 ? 2000 + Part("c") : Part("c");
        }

        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year is >= 1 and <= 9999 ? year : 2024, month) || (m.Groups["y"].Success && year < 1))
        {
            return m.Value;
        }

        return year > 0
            ? FormattableString.Invariant($" {s_monthNames[month - 1]} {day} {year} ")
            : FormattableString.Invariant($" {s_monthNames[month - 1]} {day} ");
    }

    /// <summary>Numbers joined into a date: year first with "-", "/" or "."; otherwise with "/" ("7/22", "22/7/25"), not
    /// after a currency sign ("$1/2") nor before "of" or a percent ("3/4 of", "1/2%"), which are fractions.</summary>
    [GeneratedRegex(@"(?<![0-9/.\-$¥€£])(?:(?<y>[0-9]{4})[/.\-](?<ym>[0-9]{1,2})[/.\-](?<yd>[0-9]{1,2})|(?<a>[0-9]{1,2})/(?<b>[0-9]{1,2})(?:/(?<c>[0-9]{4}|[0-9]{2}))?)(?![0-9/])(?!\s*(?:of\b|%|percent\b|pct\b))", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDatePattern();

    /// <summary>"rd7", "rnd 3", "round6": a round number after the word or its short forms ("rd7" would otherwise read as
    /// a model name).</summary>
    [GeneratedRegex(@"\b(?:rd|rnd|round)\s?-?#?(\d{1,2})\b", RegexOptions.CultureInvariant)]
    private static partial Regex RoundPattern();

    [GeneratedRegex(@"\b([a-z]{1,2})-?(\d{1,3})([a-z]?)\b(?!\s?(?:percent|%|billion|trillion|million))", RegexOptions.CultureInvariant)]
    private static partial Regex ModelPattern();

    [GeneratedRegex(@"^([a-z]{1,2})(\d{1,3})([a-z]?)$", RegexOptions.CultureInvariant)]
    private static partial Regex ModelTokenPattern();

    [GeneratedRegex(@"\b(\d+)(?:st|nd|rd|th)\b", RegexOptions.CultureInvariant)]
    private static partial Regex OrdinalSuffixPattern();

    [GeneratedRegex(@"\bdai\s?(?:(?<n>[0-9]{1,2})\s?kai|(?<word>ikkai|ni\s?kai|san\s?[kg]ai|yon\s?kai|go\s?kai|rokkai|roku\s?kai|nana\s?kai|hachi\s?kai|hakkai|kyu\s?kai|jukkai|jikkai))(?:me)?\b", RegexOptions.CultureInvariant)]
    private static partial Regex JapaneseOrdinalPattern();

    [GeneratedRegex(@"(?<![\w.,])(?<n>[0-9]+)\s?-?ki\b(?!\s?me\b)", RegexOptions.CultureInvariant)]
    private static partial Regex AircraftCounterPattern();

    [GeneratedRegex(@"(?<![0-9.,])(?<num>(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{1,12})(?:\.[0-9]+)?)\s?(?<unit>oku|cho)\b", RegexOptions.CultureInvariant)]
    private static partial Regex JapaneseScalePattern();

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'\-.,]*", RegexOptions.CultureInvariant)]
    private static partial Regex WordPattern();
}
