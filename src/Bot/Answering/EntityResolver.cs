using System.Collections.Frozen;
using System.Globalization;
using Bot.Facts;

namespace Bot.Answering;

/// <summary>Who and which days a fact's text names, beyond its own date.</summary>
internal sealed record FactMentions(IReadOnlySet<string> People, IReadOnlySet<DateOnly> Days)
{
    /// <summary>The months (as their first day) its text mentions, to the day or the month, or a statement is dated in.</summary>
    public IReadOnlySet<DateOnly> Months { get; init; } = new HashSet<DateOnly>();
}

/// <summary>A question's ask for the round (or, with <see cref="Trips"/>, the trip) dated first after or last before an
/// occasion or a day, named by the words from <see cref="Occasion"/> on (<see cref="EntityResolver.RoundPlaced"/>).</summary>
internal sealed record PlacedRound(int Occasion, bool After, bool Trips);

/// <summary>A question's ask for the order of two occasions, named by <see cref="First"/> and <see cref="Second"/>
/// (<see cref="EntityResolver.OrderOf"/>): whether the first came before the second (null when it asks which came first),
/// else true when it asks whether the first came before, false whether it came after.</summary>
internal sealed record OrderAsked(IReadOnlyList<string> First, IReadOnlyList<string> Second, bool? Before);

/// <summary>What a question names: people (by name in either order, surname, alias, title or post), a round number, a
/// date, a government.</summary>
internal sealed record Entities(IReadOnlySet<string> People, int? Round, DateOnly? From, DateOnly? To, bool DayPrecision)
{
    /// <summary>Read from Japanese, where a phrase with a particle puts a name before the word it relates to: 「石破の前」
    /// reads "ishiba before", meaning before Ishiba.</summary>
    public bool NameFirst { get; init; }

    /// <summary>The positions of the question's words that name a person (their name, or an alias such as a title).</summary>
    public IReadOnlySet<int> NamePositions { get; init; } = FrozenSet<int>.Empty;

    /// <summary>How many of the question's words were people's names.</summary>
    public int NameWords => NamePositions.Count;

    /// <summary>Per person named, the position among the question's words where their name (else an alias, such as
    /// a title) first appears: in "who was chief cabinet secretary after hayashi" it is "hayashi"'s.</summary>
    public IReadOnlyDictionary<string, int> Positions { get; init; } = FrozenDictionary<string, int>.Empty;

    /// <summary>The people named by their own name (in either order or in part), not only by an alias or title.</summary>
    public IReadOnlySet<string> ByName { get; init; } = FrozenSet<string>.Empty;

    /// <summary>Heads of government the question names as a government and its time: "the takaichi cabinet", "trump
    /// administration", "under ishiba".</summary>
    public IReadOnlySet<string> Governments { get; init; } = FrozenSet<string>.Empty;

    /// <summary>The round number as typed, when <see cref="Round"/> is the one after or before it ("the round after
    /// round 4" names round 4 and asks for round 5); else <see cref="Round"/>.</summary>
    public int? RoundTyped { get; init; }

    /// <summary>How many month names the question types ("in august or september": two, of which
    /// <see cref="From"/> and <see cref="To"/> hold the first).</summary>
    public int MonthsNamed { get; init; }

    public bool Any => People.Count > 0 || Round is not null || From is not null;
}

/// <summary>
/// Finds people, round numbers and dates in normalised question words. People come from each person fact's name,
/// aliases and posts (a post's title with or without its side: "secretary of defense"); a key two people share names
/// neither. A post or title after "under", "deputy", "vice" or "assistant" is part of a lesser post's name and names
/// nobody ("under secretary of defense"), except a head of government's after "under" ("under president trump"),
/// which names their government.
/// </summary>
internal sealed class EntityResolver
{
    private static readonly Dictionary<string, int> s_months = new(StringComparer.Ordinal)
    {
        ["january"] = 1, ["jan"] = 1, ["february"] = 2, ["feb"] = 2, ["march"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4,
        ["may"] = 5, ["june"] = 6, ["jun"] = 6, ["july"] = 7, ["jul"] = 7, ["august"] = 8, ["aug"] = 8, ["september"] = 9,
        ["sep"] = 9, ["sept"] = 9, ["october"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11, ["december"] = 12, ["dec"] = 12,
    };

    /// <summary>Words that put a time in its first (0), middle (1) or last (2) part: "early july", "the end of may".</summary>
    private static readonly Dictionary<string, int> s_parts = new(StringComparer.Ordinal)
    {
        ["early"] = 0, ["beginning"] = 0, ["start"] = 0, ["mid"] = 1, ["middle"] = 1, ["late"] = 2, ["end"] = 2,
    };

    /// <summary>The seasons of the northern hemisphere, by their first month. Not winter, which spans two years.</summary>
    private static readonly Dictionary<string, int> s_seasons = new(StringComparer.Ordinal)
    {
        ["spring"] = 3, ["summer"] = 6, ["autumn"] = 9, ["fall"] = 9,
    };

    private readonly Dictionary<string, string?> _names = new(StringComparer.Ordinal);

    /// <summary>Is the word a month's name ("july", "sept")?</summary>
    internal static bool IsMonth(string word) => s_months.ContainsKey(word);

    /// <summary>The keys that name someone by a post or title alone, with no word of anyone's name.</summary>
    private readonly HashSet<string> _postKeys = new(StringComparer.Ordinal);

    /// <summary>The keys that are a person's name, in either order or in part, not an alias.</summary>
    private readonly HashSet<string> _ownNames = new(StringComparer.Ordinal);

    /// <summary>People who held a head-of-government post (<see cref="IsHeadPost"/>).</summary>
    private readonly HashSet<string> _heads = new(StringComparer.Ordinal);

    /// <summary>The post keys whose every holder headed a government ("us president", "potus"): after "under", a
    /// government's, and so is the name that follows ("under us president donald trump").</summary>
    private readonly HashSet<string> _headTitles = new(StringComparer.Ordinal);

    /// <summary>Each post's name as a set of words, but for "of", "the" and such, and whether a head of government's.</summary>
    private readonly List<(HashSet<string> Words, bool Head)> _postWords = [];

    private readonly int _maxNameWords;
    private readonly int _defaultYear;
    private readonly int? _lastRound;

    public EntityResolver(FactBase facts)
    {
        var headKeys = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var person in facts.People)
        {
            if (person.Roles.Any(IsHeadPost))
            {
                _heads.Add(person.Id);
            }

            var keys = new HashSet<string>(StringComparer.Ordinal);
            var nameWords = QuestionNormalizer.Words(person.Title);
            keys.Add(string.Join(' ', nameWords));
            if (nameWords.Count >= 2)
            {
                keys.Add(string.Join(' ', Enumerable.Reverse(nameWords)));
                keys.Add(nameWords[^1]);
                keys.Add(nameWords[0]);
            }

            _ownNames.UnionWith(keys);
            foreach (var alias in person.Aliases)
            {
                keys.Add(QuestionNormalizer.Text(alias));
            }

            // A post names its holder as an alias does ("secretary of defense", with or without the side), unless
            // another person held a post of that name too, or has it as an alias: then the question's time decides
            // (see RoleTimes). "Chief Cabinet Secretary" was Hayashi's, Kihara's and Suga's, so names none of them.
            foreach (var role in person.Roles)
            {
                var post = QuestionNormalizer.Words(RoleTimes.PostName(role.Title, acronyms: false));
                _postWords.Add(([.. post.Where(w => !s_postFillers.Contains(w))], IsHeadPost(role)));
                var withoutSide = post.SkipWhile(s_sideWords.Contains).ToList();
                foreach (var key in new[] { post, withoutSide }.Where(k => k.Count is >= 2 and <= MaxPostWords).Select(k => string.Join(' ', k)))
                {
                    keys.Add(key);
                }
            }

            foreach (var key in keys.Where(k => k.Length > 1))
            {
                headKeys[key] = headKeys.GetValueOrDefault(key, true) && _heads.Contains(person.Id);
                // A key two people share (a common given name, "minister") is ambiguous: it names nobody.
                _names[key] = _names.TryGetValue(key, out var existing) && existing != person.Id ? null : person.Id;
                _maxNameWords = Math.Max(_maxNameWords, key.Count(c => c == ' ') + 1);
            }
        }

        // Keys that name someone by a post or title only ("secretary of defense", "potus"), with no word of anyone's
        // name: after "under", "deputy" or "vice" such a key is part of a lesser post's name.
        var ownWords = _ownNames.SelectMany(k => k.Split(' ')).ToHashSet(StringComparer.Ordinal);
        _postKeys.UnionWith(_names.Keys.Where(k => !k.Split(' ').Any(ownWords.Contains)));
        _headTitles.UnionWith(_postKeys.Where(k => headKeys[k]));

        _lastRound = facts.Rounds.Select(r => r.Number).Max();
        _defaultYear = facts.Facts.Where(f => f.Date is not null).Select(f => f.Date!.Value.Year).GroupBy(y => y)
            .OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault(2025);
    }

    /// <param name="ordinals">The numbers the question writes as ordinals, which name a round before "session" or
    /// "talks"; none when omitted.</param>
    public Entities Resolve(IReadOnlyList<string> words, IReadOnlySet<string>? ordinals = null)
    {
        var people = new HashSet<string>(StringComparer.Ordinal);
        var governments = new HashSet<string>(StringComparer.Ordinal);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        var byName = new HashSet<string>(StringComparer.Ordinal);
        var namePositions = new HashSet<int>();
        var afterHeadTitle = -1;
        for (var i = 0; i < words.Count; i++)
        {
            // "under secretary of defense", "deputy (us) secretary of state": a lesser post than the one the rest names;
            // but "under president trump", "under potus" name a head's government.
            var back = i - 1;
            while (back >= 0 && s_sideWords.Contains(words[back]))
            {
                back--;
            }

            // "under us president donald trump": the name after a head's title after "under" is read as after "under".
            var before = i == afterHeadTitle ? "under" : back >= 0 ? words[back] : null;
            var lesser = before is not null && s_lesser.Contains(before);
            for (var n = Math.Min(_maxNameWords, words.Count - i); n >= 1; n--)
            {
                var key = string.Join(' ', words.Skip(i).Take(n));
                if (!_names.TryGetValue(key, out var id))
                {
                    continue;
                }

                var headTitle = before == "under" && _headTitles.Contains(key);
                if (headTitle)
                {
                    afterHeadTitle = i + n;
                }

                if (lesser && _postKeys.Contains(key) && !headTitle)
                {
                    // Nor does a shorter key inside it ("treasury" in "deputy secretary of the treasury") name anyone.
                    i += n - 1;
                    break;
                }

                // "the takaichi cabinet", "trump administration", "under ishiba": a government and its time, not the
                // person (but "kihara cabinet secretary" is Kihara: only a head of government has a government named
                // after them). So is a head's name before a post in their government ("ishiba's defense minister",
                // "trump's commerce secretary"), but not before a head's own ("ishiba prime minister").
                var government = id is not null && _heads.Contains(id)
                    && ((i + n < words.Count && s_governments.Contains(words[i + n])) || before == "under" || PostAt(words, i + n));
                if (government)
                {
                    governments.Add(id!);
                }

                if (id is not null && !government)
                {
                    people.Add(id);
                    if (_ownNames.Contains(key) ? byName.Add(id) : !positions.ContainsKey(id))
                    {
                        positions[id] = i;
                    }

                    namePositions.UnionWith(Enumerable.Range(i, n));
                }

                i += n - 1;
                break;
            }
        }

        var (from, to, day) = Date(words);
        var (round, at) = Round(words, ordinals ?? FrozenSet<string>.Empty);
        return new Entities(people, Next(words, round, at), from, to, day) { RoundTyped = round, MonthsNamed = words.Count(IsMonth), Positions = positions, NamePositions = namePositions, ByName = byName, Governments = governments };
    }

    private static readonly HashSet<string> s_lesser = ["under", "deputy", "vice", "assistant"];

    /// <summary>Words naming a side, which a post's name may start with ("US Secretary of Defense").</summary>
    private static readonly HashSet<string> s_sideWords = ["us", "japan", "united", "states"];

    /// <summary>Posts of more words than this are not read as names: no one types "vice minister for international
    /// affairs ministry of economy trade and industry", and every extra word costs each question a longer scan.</summary>
    private const int MaxPostWords = 6;

    /// <summary>Does a post's name start at <paramref name="at"/>, in any word order ("defense minister" for "Minister of
    /// Defense", "trade minister" for "Minister of Economy, Trade and Industry"), that is some post's but no head of
    /// government's ("prime minister")?</summary>
    private bool PostAt(IReadOnlyList<string> words, int at)
    {
        for (var n = Math.Min(MaxPostWords, words.Count - at); n >= 2; n--)
        {
            var phrase = words.Skip(at).Take(n).Where(w => !s_postFillers.Contains(w)).ToList();
            if (phrase.Any(s_postNouns.Contains) && _postWords.Any(p => !p.Head && phrase.All(p.Words.Contains)) && !_postWords.Any(p => p.Head && phrase.All(p.Words.Contains)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Words of a post's name that say nothing of which post it is ("minister of defense" is "defense minister").</summary>
    private static readonly HashSet<string> s_postFillers = ["of", "the", "for", "and", "to", "on", "in"];

    /// <summary>The words of a post's name that say what kind of post it is.</summary>
    private static readonly HashSet<string> s_postNouns = ["minister", "secretary", "ambassador", "representative"];

    private static readonly HashSet<string> s_governments = ["cabinet", "naikaku", "government", "govt", "gov", "administration", "admin"];

    /// <summary>Words after a head of government's name that make it their government ("the ishiba cabinet", "trump
    /// administration").</summary>
    internal static IReadOnlySet<string> GovernmentWords => s_governments;

    /// <summary>Posts whose holders head a government: a government can be named after them.</summary>
    private static readonly string[] s_headPosts = ["Prime Minister", "President of the United States"];

    /// <summary>Is the role one that heads a government ("Prime Minister of Japan", "President of the United States")?</summary>
    internal static bool IsHeadPost(Role role) => s_headPosts.Any(p => role.Title.StartsWith(p, StringComparison.Ordinal));

    private static readonly HashSet<string> s_limits = ["before", "ahead", "prior", "until", "till", "preceding"];

    /// <summary>Words that name a round only with an ordinal before them ("the 4th session", "the fourth talks", "dai
    /// yonkai kosho"), or for a session a number after it ("session 5"): "8 talks", "the july 9 talks" and "their june 27
    /// session" name none.</summary>
    private static readonly HashSet<string> s_sessionWords = ["session", "sessions"];
    private static readonly HashSet<string> s_talkWords = ["talk", "talks", "negotiation", "negotiations", "kosho"];

    /// <summary>"round 4", "4 round" (from "fourth round"), "round #4", "the 4th session", "the fourth talks"; "the final
    /// round", "last round" is the highest-numbered one; not "the june 13 round", which is dated.</summary>
    /// <param name="ordinals">The numbers the question writes as ordinals (<see cref="QuestionNormalizer.Ordinals"/>).</param>
    /// <returns>The round, and the position of the number read as it (-1 for "the final round").</returns>
    private (int? Number, int At) Round(IReadOnlyList<string> words, IReadOnlySet<string> ordinals)
    {
        // "The first round after liberation day" asks for a round placed by a day, not for round 1.
        var placed = RoundPlaced(words) is not null;
        for (var i = 0; i < words.Count; i++)
        {
            var talks = s_talkWords.Contains(words[i]);
            var session = s_sessionWords.Contains(words[i]);
            var round = words[i] is "round" or "rounds";
            if (!talks && !session && !round)
            {
                continue;
            }

            // Unless it is the last one before something ("last round before the july 9 deadline").
            if (round && i > 0 && words[i - 1] is "final" or "last" && _lastRound is { } last && !words.Skip(i + 1).Any(s_limits.Contains))
            {
                return (last, -1);
            }

            (int At, bool Ordinal)[] places = talks ? [(i - 1, true)] : session ? [(i - 1, true), (i + 1, false)] : [(i + 1, false), (i - 1, false), (i + 2, false)];
            // "the 2nd ministerial talks", "the fourth cabinet level round": an ordinal before words that say what kind of
            // round it was (as an ordinal only: "all 8 ministerial rounds" counts them).
            var kind = RoundKindStart(words, i) - 1;
            // Not "the first ministerial round after liberation day", which asks for a round placed by a day.
            if (kind >= 0 && kind < i - 1 && !(words[kind] == "1" && i + 1 < words.Count && IsRelative(words[i + 1])))
            {
                places = [.. places, (kind, true)];
            }

            // "the round after the 5th one", "the session before the sixth": the ordinal after the word placing it, ending
            // the question or before "one" or a word for a round (not "the round before the 9th of july", a day).
            var ordinalAt = i + 2 < words.Count && words[i + 2] == "the" ? i + 3 : i + 2;
            if (!talks && ordinalAt < words.Count && IsRelative(words[i + 1])
                && (ordinalAt + 1 == words.Count || words[ordinalAt + 1] is "one" or "1" || s_roundWords.Contains(words[ordinalAt + 1])))
            {
                places = [.. places, (ordinalAt, true)];
            }

            foreach (var (j, ordinal) in places)
            {
                // Not "the first round after liberation day", which asks for a round placed by a day.
                if (placed && j == i - 1 && j >= 0 && words[j] == "1")
                {
                    continue;
                }

                // Not a month's day: "the june 13 round" is the round of June 13, not round 13.
                if (j >= 0 && j < words.Count && int.TryParse(words[j], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 30
                    && (!ordinal || ordinals.Contains(words[j])) && !(j > 0 && IsMonth(words[j - 1])))
                {
                    return (n, j);
                }
            }
        }

        return (null, -1);
    }

    /// <summary>Words between an ordinal and a word for a round that say what kind of round it was ("the 2nd ministerial
    /// talks", "第2回閣僚交渉", "the third us-japan tariff negotiations"), at most <see cref="MaxRoundKindWords"/> of them.</summary>
    private static readonly HashSet<string> s_roundKindWords =
    [
        "ministerial", "minister", "ministers", "cabinet", "level", "tariff", "trade", "bilateral", "negotiating", "formal",
        "official", "us", "japan", "japanese", "american", "usjapan", "japanus", "high", "senior",
    ];

    private const int MaxRoundKindWords = 3;

    /// <summary>Where the words for a round's kind (<see cref="s_roundKindWords"/>, at most <see cref="MaxRoundKindWords"/>)
    /// right before position <paramref name="at"/> begin; <paramref name="at"/> itself when there are none.</summary>
    private static int RoundKindStart(IReadOnlyList<string> words, int at)
    {
        var start = at;
        while (start > 0 && at - start < MaxRoundKindWords && s_roundKindWords.Contains(words[start - 1]))
        {
            start--;
        }

        return start;
    }

    /// <summary>The words less those that say what kind of round follows an ordinal ("2 ministerial talks" is "2
    /// talks"); the words themselves when there are none.</summary>
    internal static List<string> WithoutRoundKind(List<string> words)
    {
        var dropped = new bool[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            if (!s_talkWords.Contains(words[i]) && !s_roundWords.Contains(words[i]))
            {
                continue;
            }

            var start = RoundKindStart(words, i);
            if (start < i && start > 0 && words[start - 1].Length > 0 && char.IsDigit(words[start - 1][0]))
            {
                Array.Fill(dropped, true, start, i - start);
            }
        }

        return dropped.Contains(true) ? [.. words.Where((_, i) => !dropped[i])] : words;
    }

    private static readonly HashSet<string> s_roundWords = ["round", "rounds", "session", "sessions", "talks", "negotiations"];
    private static readonly HashSet<string> s_afterWords = ["after", "next", "following", "subsequent"];
    private static readonly HashSet<string> s_beforeWords = ["before", "previous", "preceding", "prior"];

    /// <summary>Does the word place one round after or before another ("after", "next", "previous")?</summary>
    internal static bool IsRelative(string word) => s_afterWords.Contains(word) || s_beforeWords.Contains(word);

    /// <summary>
    /// The round a question asks for relative to the one it names: "the round after round 4", "which round came after
    /// round 2" (a word for a round, then "after" or "before" right before the round named) and "after round 2, which
    /// was next" ("next" or "following" on its own, or before "one" or a round word other than the round named) ask for
    /// round 5, 3 and 3. Not "what did akazawa say after the round 3 talks", "following round 3, did the us cut
    /// tariffs", "how many rounds were held before round 5" or "the rounds before and after round 4". Null when there is no such round (after the last,
    /// before the first); <see cref="Entities.RoundTyped"/> keeps the round named.
    /// </summary>
    /// <param name="typedAt">Where the number read as the round stands (-1 for none).</param>
    private int? Next(IReadOnlyList<string> words, int? round, int typedAt)
    {
        if (round is not { } named || words.Contains("many"))
        {
            return round;
        }

        var typed = named.ToString(CultureInfo.InvariantCulture);
        var at = typedAt >= 0 ? typedAt : Enumerable.Range(0, words.Count).Where(i => words[i] == typed).DefaultIfEmpty(-1).First();

        // "after round 4", "before the 6 talks": the word, then at most two words before the number.
        bool Before(int i) => at > i && at - i <= 3;
        var relative = Enumerable.Range(0, words.Count)
            .Where(i => IsRelative(words[i]) && Before(i) && words.Take(i).Any(s_roundWords.Contains))
            .Select(i => (int?)i).FirstOrDefault();
        var next = Enumerable.Range(0, words.Count).Any(i => words[i] is "next" or "following"
            && (i + 1 == words.Count || words[i + 1] is "one" or "1" || (s_roundWords.Contains(words[i + 1]) && !Before(i))));
        if ((relative is null && !next) || (words.Any(s_afterWords.Contains) && words.Any(s_beforeWords.Contains)))
        {
            return round;
        }

        var asked = relative is { } r && s_beforeWords.Contains(words[r]) ? named - 1 : named + 1;
        return asked >= 1 && asked <= _lastRound ? asked : null;
    }

    /// <summary>Words for what a question may ask to be placed by an occasion or a day: a round ("the round after the g7"),
    /// or with "trip" or "visit", any of Akazawa's trips, numbered or not.</summary>
    private static readonly HashSet<string> s_placedWords = ["round", "session", "talks", "negotiations", "trip", "visit"];

    /// <summary>The only words before it in such a question: "which", "what was the last", "when was the first".</summary>
    private static readonly HashSet<string> s_placedLead =
    [
        "which", "what", "when", "where", "was", "is", "the", "a", "first", "last", "final", "next", "and", "so", "then",
        "number", "numbered", "tariff", "trade", "ministerial", "negotiating",
    ];

    /// <summary>The only words between it and "after" or "before", at most <see cref="MaxPlacedFiller"/> of them: "which
    /// round came right after", "the round of talks that was held just before".</summary>
    private static readonly HashSet<string> s_placedFiller =
    [
        "came", "come", "comes", "was", "were", "is", "held", "took", "take", "place", "happened", "right", "just",
        "immediately", "directly", "straight", "soon", "that", "of", "the", "talks", "negotiations", "tariff", "trade",
    ];

    /// <summary>At most this many filler words stand between the round word and "after" or "before".</summary>
    private const int MaxPlacedFiller = 6;

    /// <summary>
    /// A question that asks only which round came first after, or last before, something it names: "which round came
    /// after the g7", "what was the last round before the july 9 deadline", "round right before the deal round", "the
    /// first trip after the election". Only lead words (<see cref="s_placedLead"/>, and a "first" read as 1) before the
    /// round word, only filler words (<see cref="s_placedFiller"/>) between it and "after" or "before", and after that
    /// the occasion or day, with no other "after" or "before" and no "many". Null otherwise, and for "rounds" (which asks
    /// for several).
    /// The caller reads the occasion or day, and ignores this when the question names a round by number (which
    /// <see cref="Next"/> places).
    /// </summary>
    internal static PlacedRound? RoundPlaced(IReadOnlyList<string> words)
    {
        var r = 0;
        while (r < words.Count && !s_placedWords.Contains(words[r]))
        {
            // "the first round after…" (its "first" read as 1), not round 1.
            if (!s_placedLead.Contains(words[r]) && !(words[r] == "1" && r + 1 < words.Count && s_placedWords.Contains(words[r + 1])))
            {
                return null;
            }

            r++;
        }

        var k = r + 1;
        while (k < words.Count && k - r <= MaxPlacedFiller && !IsRelative(words[k]) && s_placedFiller.Contains(words[k]))
        {
            k++;
        }

        if (k >= words.Count || !IsRelative(words[k]) || words[k] is "next" or "previous")
        {
            return null;
        }

        // "prior to the election", "subsequent to the g7".
        var occasion = words[k] is "prior" or "subsequent" && k + 1 < words.Count && words[k + 1] == "to" ? k + 2 : k + 1;
        var after = s_afterWords.Contains(words[k]);

        // Not "the first round before the deadline" or "the last trip after the g7": which one is asked is unclear.
        var lead = words.Take(r).ToList();
        if (after ? lead.Any(w => w is "last" or "final") : lead.Any(w => w is "first" or "1" or "next"))
        {
            return null;
        }

        return occasion < words.Count && !words.Skip(occasion).Any(w => IsRelative(w) || w == "many")
            ? new PlacedRound(occasion, after, words[r] is "trip" or "visit")
            : null;
    }

    /// <summary>Words that ask which of two occasions came first: "which came first", "what happened earlier".</summary>
    private static readonly HashSet<string> s_firstAsk = ["which", "what", "came", "come", "happened", "happen", "was", "occurred", "first", "earlier"];

    /// <summary>Words that open a yes-or-no question about order: "was", "did".</summary>
    private static readonly HashSet<string> s_orderLead = ["was", "were", "did", "does", "is"];

    /// <summary>A verb closing the first occasion in "did the eo come before the mou signing": not part of its name.</summary>
    private static readonly HashSet<string> s_occurVerbs = ["come", "came", "happen", "happened", "occur", "occurred", "take", "took", "place", "held"];

    /// <summary>
    /// A question that asks only in which order two occasions came: "which came first, the tariff letter or round 7"
    /// (and "the tariff letter or round 7, which came first"), "was liberation day before or after the car tariff
    /// announcement", "did the eo come before the mou signing" (yes or no: <see cref="OrderAsked.Before"/> says which way
    /// it asks; only with a verb of occurring before "before" or "after": "did akazawa meet bessent after round 4" asks
    /// whether a meeting happened, "was the us side happy after the april 16 talks" how it went). The two occasions' words
    /// are returned for the caller to read; null otherwise, and when either is empty.
    /// </summary>
    internal static OrderAsked? OrderOf(IReadOnlyList<string> words)
    {
        static List<string> Trimmed(IEnumerable<string> part)
        {
            var list = part.ToList();
            while (list.Count > 0 && s_occurVerbs.Contains(list[^1]))
            {
                list.RemoveAt(list.Count - 1);
            }

            return list;
        }

        static OrderAsked? Of(List<string> first, List<string> second, bool? before) =>
            first.Count > 0 && second.Count > 0 && !first.Concat(second).Any(w => IsRelative(w) || w == "or") ? new OrderAsked(first, second, before) : null;

        // "which came first, a or b", "a or b, which came first" ("first" is read as 1).
        if (words.Count(w => w == "or") == 1)
        {
            static bool IsFirst(string word) => word is "first" or "earlier" or "1";
            static bool Asks(IEnumerable<string> lead) => lead.All(s_firstAsk.Contains) && lead.Any(w => w is "which" or "what");
            var lead = 0;
            while (lead < words.Count && s_firstAsk.Contains(words[lead]) && !IsFirst(words[lead]))
            {
                lead++;
            }

            var tail = words.Count - 1;
            while (tail > 0 && s_firstAsk.Contains(words[tail - 1]) && !IsFirst(words[tail - 1]))
            {
                tail--;
            }

            List<string>? part = lead < words.Count && IsFirst(words[lead]) && Asks(words.Take(lead)) ? [.. words.Skip(lead + 1)]
                : words.Count > 1 && IsFirst(words[^1]) && Asks(words.Skip(tail).Take(words.Count - 1 - tail)) ? [.. words.Take(tail)]
                : null;
            if (part is not null)
            {
                var or = part.IndexOf("or");
                return or < 0 ? null : Of(Trimmed(part.Take(or)), [.. part.Skip(or + 1)], null);
            }
        }

        if (words.Count == 0 || !s_orderLead.Contains(words[0]))
        {
            return null;
        }

        // "was a before or after b".
        for (var i = 1; i + 2 < words.Count; i++)
        {
            if (words[i + 1] == "or" && IsRelative(words[i]) && IsRelative(words[i + 2]) && s_afterWords.Contains(words[i]) != s_afterWords.Contains(words[i + 2]))
            {
                return Of(Trimmed(words.Skip(1).Take(i - 1)), [.. words.Skip(i + 3)], null);
            }
        }

        // "did a come before b", "was a held after b".
        var relative = Enumerable.Range(1, words.Count - 1).Where(i => words[i] is "before" or "after").ToList();
        return relative is [var r] && s_occurVerbs.Contains(words[r - 1]) && words[0] is "did" or "was" or "were"
            ? Of(Trimmed(words.Skip(1).Take(r - 1)), [.. words.Skip(r + 1)], words[r] == "before")
            : null;
    }

    /// <summary>The people a fact involves (its own lists, and anyone its text names) and the days its text mentions or a
    /// statement of theirs is dated.</summary>
    public FactMentions Mentions(Fact fact)
    {
        var words = QuestionNormalizer.Words(FactDocuments.OwnText(fact));
        var people = new HashSet<string>(Resolve(words).People, StringComparer.Ordinal);
        // A round's outcome tells of days too ("a phone call on June 14"), though of no one its record does not list.
        words.AddRange(QuestionNormalizer.Words(fact.Outcome ?? ""));
        people.UnionWith(fact.People);
        people.UnionWith(fact.JapanAttendees);
        people.UnionWith(fact.UsAttendees);
        people.Remove(fact.Id);
        var days = new HashSet<DateOnly>();
        var months = new HashSet<DateOnly>();
        for (var i = 0; i < words.Count; i++)
        {
            if (DateAt(words, i) is { From: { } from, To: { } to } found)
            {
                for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
                {
                    months.Add(month);
                }

                if (found.Day)
                {
                    days.Add(from);
                }
            }
        }

        days.UnionWith(fact.Statements.Where(st => st.Date.Day is not null).Select(st => st.Date.Start));
        months.UnionWith(fact.Statements.Where(st => st.Date.Month is not null).Select(st => new DateOnly(st.Date.Year, st.Date.Month!.Value, 1)));
        return new FactMentions(people, days) { Months = months };
    }

    private (DateOnly? From, DateOnly? To, bool Day) Date(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (DateAt(words, i) is { } found)
            {
                return found;
            }
        }

        return (null, null, false);
    }

    /// <summary>
    /// The time the words at <paramref name="i"/> name: a day ("july 22", "22 july 2025"), a month ("july", "july 2025"),
    /// part of a month ("early july", "mid-june", "the end of may", "the week of july 21", "the last week of july"), a
    /// season ("summer", "in the fall of 2025") or part of one ("early summer"), or part of a year ("late 2025", "the
    /// start of 2026"). A month or season without a year is in the year the fact base dates most in. Null when no time
    /// starts at <paramref name="i"/>.
    /// </summary>
    private (DateOnly? From, DateOnly? To, bool Day)? DateAt(IReadOnlyList<string> words, int i)
    {
        if (s_months.ContainsKey(words[i]))
        {
            return MonthAt(words, i);
        }

        if (s_seasons.TryGetValue(words[i], out var firstMonth) && IsSeason(words, i))
        {
            var year = i + 1 < words.Count && Year(words[i + 1]) is { } y ? y
                : i + 2 < words.Count && words[i + 1] == "of" && Year(words[i + 2]) is { } of ? of
                : _defaultYear;
            var start = new DateOnly(year, firstMonth, 1);
            return Part(words, i, start, start.AddMonths(3).AddDays(-1));
        }

        // "late 2025", "the start of 2026": a year alone names no time; a part of one does.
        if (Year(words[i]) is { } whole && PartBefore(words, i) is not null)
        {
            return Part(words, i, new DateOnly(whole, 1, 1), new DateOnly(whole, 12, 31));
        }

        return null;
    }

    private (DateOnly? From, DateOnly? To, bool Day)? MonthAt(IReadOnlyList<string> words, int i)
    {
        var month = s_months[words[i]];
        var year = _defaultYear;
        int? day = null;
        if (i + 1 < words.Count && Number(words[i + 1]) is { } after)
        {
            if (after is >= 1 and <= 31)
            {
                day = after;
                if (i + 2 < words.Count && Year(words[i + 2]) is { } y)
                {
                    year = y;
                }
            }
            else if (IsYear(after))
            {
                year = after;
            }
        }

        // "24 april", and "the 24th of april" (read as "24 of april").
        var dayBefore = i > 0 && words[i - 1] == "of" ? i - 2 : i - 1;
        if (day is null && dayBefore >= 0 && Number(words[dayBefore]) is >= 1 and <= 31 and var before)
        {
            day = before;
            if (i + 1 < words.Count && Year(words[i + 1]) is { } y)
            {
                year = y;
            }
        }

        if (words[i] == "may" && day is null && !(i > 0 && words[i - 1] is "in" or "of" or "since" or "early" or "late" or "mid" or "the"))
        {
            return null;
        }

        if (day is { } d && d <= DateTime.DaysInMonth(year, month))
        {
            var date = new DateOnly(year, month, d);
            // "the week of july 21": that day and the six after it.
            if (i >= 2 && words[i - 1] == "of" && words[i - 2] == "week")
            {
                return (date, date.AddDays(6), false);
            }

            // "the 22nd or the 23rd of july" (read as "22 or the 23 of july"): both days; not "round 4 and the 10th of july".
            var other = dayBefore - (dayBefore >= 1 && words[dayBefore - 1] == "the" ? 2 : 1);
            return dayBefore == i - 2 && other >= 1 && words[other] is "or" or "and" or "to" && Number(words[other - 1]) is { } earlier && earlier >= 1 && earlier < d
                && (other < 2 || words[other - 2] is not ("round" or "rounds" or "rd" or "session" or "sessions"))
                ? (new DateOnly(year, month, earlier), date, true)
                : (date, date, true);
        }

        var first = new DateOnly(year, month, 1);
        var last = first.AddMonths(1).AddDays(-1);
        // "the first week of june" (read as "1 week of june"), "the last week of july": seven days of the month.
        if (day is null && i >= 2 && words[i - 1] == "of" && words[i - 2] == "week" && i >= 3)
        {
            if (words[i - 3] == "last")
            {
                return (last.AddDays(-6), last, false);
            }

            if (Number(words[i - 3]) is >= 1 and <= 4 and var week)
            {
                return (first.AddDays((week - 1) * 7), first.AddDays((week * 7) - 1), false);
            }
        }

        return Part(words, i, first, last);
    }

    /// <summary>The part of the time from <paramref name="from"/> to <paramref name="to"/> that the words before
    /// <paramref name="i"/> name: a month's first, middle or last ten days or so (1–10, 11–20, 21–end), or a season's or
    /// year's first, middle or last third; the whole of it when they name no part.</summary>
    private static (DateOnly? From, DateOnly? To, bool Day) Part(IReadOnlyList<string> words, int i, DateOnly from, DateOnly to)
    {
        if (PartBefore(words, i) is not { } part)
        {
            return (from, to, false);
        }

        if (from.Month == to.Month && from.Year == to.Year)
        {
            return part switch
            {
                0 => (from, from.AddDays(9), false),
                1 => (from.AddDays(10), from.AddDays(19), false),
                _ => (from.AddDays(20), to, false),
            };
        }

        var third = ((to.Year - from.Year) * 12 + to.Month - from.Month + 1) / 3;
        var start = from.AddMonths(part * third);
        return (start, start.AddMonths(third).AddDays(-1), false);
    }

    /// <summary>0, 1 or 2 for a word before <paramref name="i"/> that puts a time in its first, middle or last part:
    /// "early", "mid", "late" right before it, or "the beginning (start, middle, end) of" before it; else null.</summary>
    private static int? PartBefore(IReadOnlyList<string> words, int i) =>
        i >= 1 && s_parts.TryGetValue(words[i - 1], out var part) && words[i - 1] is "early" or "mid" or "late" ? part
        : i >= 2 && words[i - 1] == "of" && s_parts.TryGetValue(words[i - 2], out var of) && words[i - 2] is not ("early" or "mid" or "late") ? of
        : null;

    /// <summary>Is "spring", "summer", "autumn" or "fall" at <paramref name="i"/> a season? "Fall" only with a year after
    /// it, or after a word that puts a time ("in the fall", "last fall", "early fall"): "did the talks fall through"
    /// names no time.</summary>
    private static bool IsSeason(IReadOnlyList<string> words, int i) =>
        words[i] != "fall"
        || (i + 1 < words.Count && Year(words[i + 1]) is not null)
        || (i >= 1 && words[i - 1] is "the" or "last" or "this" or "early" or "late" or "mid" && (i + 1 >= words.Count || words[i + 1] is not ("through" or "apart" or "short" or "behind" or "back")));

    /// <summary>A year a question could mean: 1900 to 2100.</summary>
    internal static int? Year(string word) => Number(word) is { } n && IsYear(n) ? n : null;

    private static bool IsYear(int n) => n is >= 1900 and <= 2100;

    private static int? Number(string word) =>
        int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
}
