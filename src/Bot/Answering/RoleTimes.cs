using System.Collections.Frozen;
using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Facts;

namespace Bot.Answering;

/// <summary>The stretch of time a question asks about, or (<see cref="IsFormer"/>: "former", "previous") any time a
/// post has ended.</summary>
internal sealed record TimeFrame(DateOnly From, DateOnly To, bool IsFormer = false)
{
    /// <summary>"the former finance minister": any post that has ended.</summary>
    public static readonly TimeFrame Former = new(DateOnly.MinValue, DateOnly.MaxValue, IsFormer: true);

    /// <summary>All the time there is: "car tariff history" asks over every rate the fact base has.</summary>
    public static readonly TimeFrame Always = new(DateOnly.MinValue, DateOnly.MaxValue);
}

/// <summary>
/// Who held which post when. "who is the current prime minister", "defense minister during the talks", "pm in 2019",
/// "former finance minister": a question that asks for a person, names a post and places it in time prefers the person
/// whose post of that name covers that time. Posts come from each person's dated roles, and from titles that say when
/// they were held ("Minister of Defense (in office in January 2024)"). A role's post terms are those
/// of its title before any qualifier ("(Ishiba cabinet)", "for the $550 billion", "under the MOU") that few other roles
/// share (not "minister") and that are not a side ("us", "japan").
/// </summary>
internal sealed partial class RoleTimes
{
    private static readonly HashSet<string> s_now = ["now", "current", "currently", "today", "incumbent", "latest", "nowadays", "sitting", "new"];

    /// <summary>"is kato still minister", "not minister anymore": about now unless the question is in the past tense
    /// ("was ishiba still pm when…").</summary>
    private static readonly HashSet<string> s_stillNow = ["still", "anymore"];
    private static readonly HashSet<string> s_past = ["was", "were", "did", "had"];
    private static readonly HashSet<string> s_present = ["is", "are", "runs", "heads", "leads"];

    /// <summary>Words that place a present-tense question at another time: succession, or a verb in the past.</summary>
    private static readonly HashSet<string> s_otherTime =
    [
        "before", "after", "successor", "predecessor", "replacement", "replace", "replaced", "succeed", "succeeded", "met",
        "led", "said", "took", "went", "made", "became", "began", "left", "held", "ran", "won", "lost", "quit", "told",
        "got", "struck", "done",
    ];

    /// <summary>Terms that place a post in time rather than name it ("during the talks", "when the deal was made").</summary>
    private static readonly HashSet<string> s_frameTerms = [.. s_now, "during", "talk", "negotiation", "deal", "agreement", "time", "year"];

    private static readonly HashSet<string> s_former = ["former", "previous", "prior", "ex", "earlier", "predecessor"];

    /// <summary>The two sides: every post is Japan's or the US's, so naming the country names no post.</summary>
    private static readonly HashSet<string> s_sides = ["us", "japan"];

    /// <summary>Heads of many different posts: "president" alone does not say which presidency ("current president"
    /// is not the LDP's), so a question must share some other term of the post too.</summary>
    private static readonly HashSet<string> s_genericHeads = ["president", "leader", "vice", "under", "deputy", "director", "chair"];

    private readonly Dictionary<string, List<Post>> _posts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Side?> _sides = new(StringComparer.Ordinal);

    /// <summary>Every term of every post's name ("finance", "minister", "trade", "representative"): the words a question
    /// may use to name a post.</summary>
    private readonly HashSet<string> _postTerms;

    /// <summary>Every word of every post's name, as typed ("prime", "chief", "cabinet").</summary>
    private readonly HashSet<string> _postWords;

    /// <summary>Per head of government, the span of their latest dated head-of-government post (to now when it is open).</summary>
    private readonly Dictionary<string, (DateOnly From, DateOnly? To)> _governments = new(StringComparer.Ordinal);
    private readonly DateOnly _now;
    private readonly (DateOnly From, DateOnly To)? _talks;

    public RoleTimes(FactBase facts, Analyzer analyzer)
    {
        var titles = facts.People.SelectMany(p => p.Roles.Select(r => (Person: p, Role: r, Terms: analyzer.Terms(PostName(r.Title)).ToHashSet(StringComparer.Ordinal)))).ToList();
        var nameWords = facts.People.SelectMany(p => analyzer.Terms(p.Title)).ToHashSet(StringComparer.Ordinal);
        var frequency = titles.SelectMany(t => t.Terms).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var common = Math.Max(3, titles.Count / 5);
        _postTerms = titles.SelectMany(t => t.Terms).ToHashSet(StringComparer.Ordinal);
        _postWords = titles.SelectMany(t => QuestionNormalizer.Words(PostName(t.Role.Title))).ToHashSet(StringComparer.Ordinal);

        // With no facts there is nothing to place in time; "now" is then simply after everything.
        _now = facts.AsOf?.End ?? DateOnly.MaxValue;
        var rounds = facts.Facts.Where(f => f.Kind == FactKind.Round && f.Number is not null && f.Date is not null).ToList();
        if (rounds.Count > 0)
        {
            _talks = (rounds.Min(r => r.Date!.Value.Start), rounds.Max(r => (r.EndDate ?? r.Date!.Value).End));
        }

        foreach (var person in facts.People)
        {
            _sides[person.Id] = person.Side;

            // A head with two terms (Trump) is taken at the latest: a span over both would cover the government between.
            if (person.Roles.Where(r => r.From is not null && EntityResolver.IsHeadPost(r)).MaxBy(r => r.From!.Value) is { } latest)
            {
                _governments[person.Id] = (latest.From!.Value.Start, latest.To?.End);
            }
        }

        foreach (var (person, role, terms) in titles)
        {
            var name = terms.ToFrozenSet(StringComparer.Ordinal);
            terms.RemoveWhere(t => frequency[t] > common || s_sides.Contains(t) || nameWords.Contains(t) || char.IsDigit(t[0]));
            var cabinetStart = role.From is null ? CabinetStart(facts, role.Title) : null;
            var from = role.From?.Start ?? cabinetStart;
            var seen = role.From is null && role.To is null ? InOffice(role.Title) : null;

            // An undated post of someone the fact base last confirmed before the year the talks began ("Ambassador of
            // Japan to the United States", as of 2019) is not known to be held since: not now, not during the talks.
            // Someone last confirmed early that year (Vance, as of March 2025) is not stale.
            var stale = from is null && role.To is null && seen is null && _talks is { } span && person.AsOf.End < new DateOnly(span.From.Year, 1, 1)
                ? span.From : (DateOnly?)null;
            if (terms.Count == 0 || (from is null && role.To is null && seen is null && stale is null))
            {
                continue;
            }

            if (!_posts.TryGetValue(person.Id, out var list))
            {
                _posts[person.Id] = list = [];
            }

            list.Add(seen is { } month
                ? new Post(terms, month.Start, month.End, StartIsLowerBound: false, OnlyKnownWithin: true) { Name = name }
                : new Post(terms, from, role.To?.End, StartIsLowerBound: cabinetStart is not null) { NotHeldFrom = stale, Name = name });
        }
    }

    private static bool AboutAnotherTime(string word) =>
        s_otherTime.Contains(word) || (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal) && word != "united");

    /// <summary>Words that point to a time already spoken of ("car tariff then", "at the time", "back when").</summary>
    private static readonly HashSet<string> s_then = ["then", "time", "back", "ago", "originally", "initially", "once"];

    /// <summary>
    /// Does nothing in the question place it at a time other than now: no verb in the past ("did", "paid", "got"), no
    /// succession ("before", "replaced") and no "then" or "at the time"? A question with a time of its own is read by
    /// <see cref="Frame"/> first.
    /// </summary>
    public static bool NoOtherTime(IReadOnlyList<string> words) =>
        !words.Any(s_past.Contains) && !words.Any(AboutAnotherTime) && !words.Any(s_then.Contains);

    /// <summary>The date "now" means: the fact base's as-of date.</summary>
    public DateOnly Now => _now;

    /// <summary>Does the question ask about the present ("now", "current", "is he still"; the normaliser has made "these
    /// days" and "at the moment" "now")?</summary>
    public static bool AsksNow(IReadOnlyList<string> words) =>
        words.Any(s_now.Contains) || (words.Any(s_stillNow.Contains) && !words.Any(s_past.Contains));

    /// <summary>
    /// The time a question places its post in: a date or year it names, then a government it names ("under ishiba"), "now", "during the talks" (the numbered
    /// rounds' span), "when the deal was made" (the last round's day) or "former"; else a post asked for in the present
    /// tense ("who is the pm") is asked for now. Null when it places it in no time.
    /// </summary>
    /// <param name="words">The question's normalised words.</param>
    /// <param name="terms">The same as index terms ("negotiating" is "talk").</param>
    public TimeFrame? Frame(IReadOnlyList<string> words, IReadOnlyList<string> terms, Entities entities)
    {
        if (entities.From is { } from && entities.To is { } to)
        {
            return new TimeFrame(from, to);
        }

        foreach (var word in words)
        {
            if (word.Length == 4 && EntityResolver.Year(word) is { } year)
            {
                return new TimeFrame(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            }
        }

        // "chief cabinet secretary under takaichi", "finance minister in the ishiba cabinet": that government's time,
        // without the day it took over or handed over, when the outgoing and incoming ministers both held their posts.
        // A government whose time the fact base does not date ("the abe cabinet"), or two of them, place the post in no
        // time the engine can read: not "now" either.
        if (entities.Governments.Count > 0)
        {
            if (entities.Governments.Count == 1 && _governments.TryGetValue(entities.Governments.First(), out var government))
            {
                var end = government.To is { } last ? last.AddDays(-1) : _now;
                var start = government.From.AddDays(1);
                if (start <= end)
                {
                    return new TimeFrame(start, end);
                }
            }

            return null;
        }

        if (AsksNow(words))
        {
            return new TimeFrame(_now, _now);
        }

        if (_talks is { } talks && words.Contains("during") && terms.Any(t => t is "talk" or "negotiator" or "deal" or "tariff"))
        {
            return new TimeFrame(talks.From, talks.To);
        }

        // "pm when the deal got done", "ustr at the time of the agreement": the deal the talks ended in, on the day of
        // the last numbered round.
        if (_talks is { } ended && NamesTheTradeDeal(words) && (words.Contains("when") || words.Zip(words.Skip(1)).Any(p => p is ("the", "time"))))
        {
            return new TimeFrame(ended.To, ended.To);
        }

        if (words.Any(s_former.Contains))
        {
            return TimeFrame.Former;
        }

        // "who is the pm", "who's the ustr": a post asked for in the present tense is asked for now; not when the
        // question is about succession ("who is the pm before takaichi") or has a verb in the past ("who is the pm who
        // resigned").
        return words.Any(s_present.Contains) && !words.Any(s_past.Contains) && !words.Any(AboutAnotherTime) ? new TimeFrame(_now, _now) : null;
    }

    /// <summary>
    /// "before the deal": the day before the deal the talks ended in; "under the deal", "with the deal": now, when what it
    /// set applies. Also the position of "before", "under" or "with". Null when the question relates no time to the
    /// deal, or the fact base has no rounds to date it by.
    /// </summary>
    public (TimeFrame Frame, int At)? RelativeToTheDeal(IReadOnlyList<string> words)
    {
        if (_talks is not { } talks)
        {
            return null;
        }

        for (var i = 0; i + 1 < words.Count; i++)
        {
            if (words[i] is not ("before" or "under" or "with"))
            {
                continue;
            }

            var j = i + 1;
            while (j < words.Count && s_tradeDealWords.Contains(words[j]))
            {
                j++;
            }

            if (j < words.Count && words[j] is "deal" or "agreement")
            {
                var day = words[i] == "before" ? talks.To.AddDays(-1) : _now;
                return (new TimeFrame(day, day), i);
            }
        }

        return null;
    }

    /// <summary>Words before "deal" that leave it the trade deal ("the deal", "the trade deal", "the us-japan deal"); others
    /// name another one ("the tomahawk deal", "the 2019 deal").</summary>
    private static readonly HashSet<string> s_tradeDealWords = ["the", "a", "this", "that", "trade", "tariff", "japan", "us", "bilateral", "july", "big", "final"];

    /// <summary>Does the question name the deal the talks ended in: "deal" after <see cref="s_tradeDealWords"/>?</summary>
    private static bool NamesTheTradeDeal(IReadOnlyList<string> words) =>
        words.Select((w, i) => w is "deal" or "agreement" && (i == 0 || s_tradeDealWords.Contains(words[i - 1]))).Any(named => named);

    /// <summary>
    /// +1 when the person held a post the question names during the frame, -1 when they certainly did not (every dated
    /// post of that name lies outside it), 0 when the question names no post of theirs or the dates don't say.
    /// </summary>
    public int Fit(Fact person, IReadOnlyCollection<string> questionTerms, TimeFrame frame)
    {
        if (!_posts.TryGetValue(person.Id, out var posts))
        {
            return 0;
        }

        var named = false;
        var unknown = false;
        foreach (var post in posts)
        {
            if (!post.NamedIn(questionTerms))
            {
                continue;
            }

            named = true;
            switch (post.Held(frame))
            {
                case true:
                    return 1;
                case null:
                    unknown = true;
                    break;
                default:
                    break;
            }
        }

        return !named || unknown ? 0 : -1;
    }

    /// <summary>The positions of words that name a post only together, as a phrase the synonym table reads as one term
    /// of a post's name ("cab sec", "trade rep"): neither "cab" nor "rep" names a post alone.</summary>
    public HashSet<int> PostPhrases(IReadOnlyList<string> words, Analyzer analyzer)
    {
        var positions = new HashSet<int>();
        var stems = words.Select(Analyzer.Stem).ToArray();
        for (var i = 0; i < stems.Length - 1; i++)
        {
            if (analyzer.PhraseAt(stems, i, _postTerms.Contains) is (not null, var length))
            {
                positions.UnionWith(Enumerable.Range(i, length));
            }
        }

        return positions;
    }

    /// <summary>Is the word one of a post's name, as typed or as its terms ("pm", "ustr")?</summary>
    public bool NamesAPost(string word, Analyzer analyzer) =>
        _postWords.Contains(word) || (analyzer.Terms([word]) is { Count: > 0 } terms && terms.All(_postTerms.Contains));

    /// <summary>
    /// The one person who held a post the question names in the frame: "finance minister now" is Katayama, "pm when the
    /// deal got done" Ishiba; over more than a day, all through it ("finance minister during the talks" is Kato). The
    /// question's words for the post must all be in the post's name. Null when nobody or several did; when, over more
    /// than a day, someone else held it for part of the time or the dates cannot tell for someone else (on one day a
    /// post has one holder, so the one the dates put in it is the one); and when people of both sides hold posts of that
    /// name ("ambassador", "negotiator") and no side is asked for. The <paramref name="side"/> asked for, if any, leaves
    /// out the other side's people. Someone of the holder's side known to hold a post of the same name only in a month
    /// before the holder's term began ("Prime Minister of Japan (in office December 2022)" when the holder took the post
    /// in October 2024) had left it by then: such a post has one holder at a time, as every post in the fact base does
    /// (a post several people hold at once, a deputy's, would need its dates).
    /// </summary>
    public string? OnlyHolder(IReadOnlyCollection<string> questionTerms, TimeFrame frame, Side? side)
    {
        // The post is named whole and by nothing else: "under secretary of defense" is not the defense minister's post.
        var asked = questionTerms.Where(t => _postTerms.Contains(t) && !s_sides.Contains(t) && !s_frameTerms.Contains(t)).ToList();
        string? holder = null;
        Post? held = null;
        var unknown = new List<(Post Post, Side? Side)>();
        var sides = new HashSet<Side?>();
        foreach (var (person, posts) in _posts)
        {
            var ofThatName = posts.Where(p => p.NamedIn(questionTerms) && asked.All(p.Name.Contains)).ToList();
            var named = ofThatName.Select(p => p.Held(frame)).ToList();
            if (named.Count == 0)
            {
                continue;
            }

            var own = _sides.GetValueOrDefault(person);
            sides.Add(own);
            if (side is not null && own != side)
            {
                continue;
            }

            // Over more than a day, the holder must have held the post all the time: "finance minister in 2024" is not
            // the one who took it in October, when the fact base may not have who held it before.
            if (frame.From == frame.To ? named.Contains(true) : ofThatName.Any(p => p.Covers(frame)))
            {
                if (holder is not null)
                {
                    return null;
                }

                holder = person;
                held = ofThatName.FirstOrDefault(p => p.Covers(frame));
            }
            else if (ofThatName.Where(p => p.Held(frame) != false).ToList() is { Count: > 0 } maybe)
            {
                unknown.AddRange(maybe.Select(p => (p, own)));
            }
        }

        // Someone known to hold a post of that name only in a month before the holder took theirs ("Prime Minister of
        // Japan (in office December 2022)", when the holder's term began in October 2024) had left it by then: a post of
        // one name on one side has one holder at a time.
        var holderSide = holder is null ? null : _sides.GetValueOrDefault(holder);
        unknown.RemoveAll(u => held is { From: { } start } && u.Post.OnlyKnownWithin && u.Post.To < start && u.Side == holderSide
            && u.Post.Name.SetEquals(held.Name));
        return (sides.Count == 1 || side is not null) && (unknown.Count == 0 || frame.From == frame.To) ? holder : null;
    }

    /// <summary>
    /// Who came right after (or before) the one person a question names, in a post of theirs: "who replaced nakatani",
    /// "finance minister after kato", "who did akazawa replace as meti minister", "iwaya's successor". The post is the
    /// one the question names, else (only when it asks with "replace", "succeed", "successor", "predecessor", "take over")
    /// any of theirs. The next holder is whoever took a post of the same name within a week of the person leaving it, the
    /// earliest if several; the previous one whoever left it within a week of the person taking it, the latest. Empty
    /// when the question asks no such thing or the dates don't say. The person is the one the question names by name;
    /// a title also naming someone ("chief cabinet secretary before kihara") does not count.
    /// </summary>
    /// <param name="asksForPerson">The question asks for a person ("who…", "which minister…"); otherwise only
    /// "successor" or "predecessor" ask for one ("when did katayama take over as minister" asks for a date).</param>
    public IReadOnlySet<string> Adjacent(IReadOnlyList<string> words, IReadOnlyCollection<string> questionTerms, Entities entities, bool asksForPerson)
    {
        if (Successor(words, entities, asksForPerson) is not var (person, direction, explicitly) || !_posts.TryGetValue(person, out var own))
        {
            return FrozenSet<string>.Empty;
        }

        own = [.. own.Where(p => !p.OnlyKnownWithin)];
        var asked = own.Where(p => p.NamedIn(questionTerms)).ToList();
        var posts = asked.Count > 0 ? asked : explicitly ? own : [];
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var post in posts)
        {
            var best = (Id: (string?)null, Day: DateOnly.MinValue);
            foreach (var (other, theirs) in _posts)
            {
                if (other == person)
                {
                    continue;
                }

                foreach (var candidate in theirs.Where(q => !q.OnlyKnownWithin && SamePost(q, post)))
                {
                    if (direction > 0 && post.To is { } left && candidate.From is { } took
                        && Math.Abs(took.DayNumber - left.DayNumber) <= HandoverDays && (best.Id is null || took < best.Day))
                    {
                        best = (other, took);
                    }
                    else if (direction < 0 && post.From is { } started && candidate.To is { } gone
                        && Math.Abs(gone.DayNumber - started.DayNumber) <= HandoverDays && (best.Id is null || gone > best.Day))
                    {
                        best = (other, gone);
                    }
                }
            }

            if (best.Id is { } id)
            {
                found.Add(id);
            }
        }

        return found;
    }

    /// <summary>The one person a question names when it asks who came right after or before them ("who was pm before
    /// ishiba", "who replaced kato", "iwaya's successor"), whether or not the dates say who; null otherwise. The answer is
    /// someone else. A bare "after" or "before" counts only with a post of theirs named ("who went to washington after
    /// akazawa" may well be Akazawa).</summary>
    public string? AdjacentTo(IReadOnlyList<string> words, IReadOnlyCollection<string> questionTerms, Entities entities, bool asksForPerson) =>
        Successor(words, entities, asksForPerson) is { } named
        && (named.Explicitly || (_posts.TryGetValue(named.Person, out var own) && own.Any(p => p.NamedIn(questionTerms))))
            ? named.Person
            : null;

    /// <summary>The one person named, when the question asks who came after (+1) or before (-1) them; and whether it says
    /// so with a word of succession.</summary>
    private static (string Person, int Direction, bool Explicitly)? Successor(IReadOnlyList<string> words, Entities entities, bool asksForPerson)
    {
        var named = entities.ByName.Count > 0 ? entities.ByName : entities.People;
        if (named.Count != 1 || !(asksForPerson || words.Any(w => s_successorNouns.Contains(w) || s_predecessorNouns.Contains(w))))
        {
            return null;
        }

        var person = named.First();
        var (direction, explicitly) = Direction(words, entities, entities.Positions.GetValueOrDefault(person, -1));
        return direction == 0 ? null : (person, direction, explicitly);
    }

    /// <summary>How far apart one holder's leaving and the next one's taking the post may be.</summary>
    private const int HandoverDays = 7;

    /// <summary>Posts of one name: most of their terms shared ("Minister of Economy, Trade and Industry" and the same
    /// with "(METI)"), not just one ("Minister of Trade").</summary>
    private static bool SamePost(Post a, Post b) =>
        a.Terms.Count(b.Terms.Contains) * 2 >= a.Terms.Union(b.Terms).Count();

    private static readonly HashSet<string> s_replaceVerbs = ["replace", "replaced", "replaces", "replacing", "succeed", "succeeded", "succeeds", "succeeding"];

    /// <summary>"take over": only with "over" ("who took part" is not succession).</summary>
    private static readonly HashSet<string> s_takeVerbs = ["take", "takes", "took", "taking", "taken"];
    private static readonly HashSet<string> s_successorNouns = ["successor", "successors", "replacement"];
    private static readonly HashSet<string> s_predecessorNouns = ["predecessor", "predecessors"];

    /// <summary>+1 when the question asks for the person after the one named at <paramref name="at"/>, -1 before, 0
    /// neither; and whether it says so with a word of succession rather than just "after"/"before".</summary>
    private static (int Direction, bool Explicitly) Direction(IReadOnlyList<string> words, Entities entities, int at)
    {
        if (at < 0)
        {
            return (0, false);
        }

        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (s_successorNouns.Contains(word))
            {
                return (1, true);
            }

            if (s_predecessorNouns.Contains(word))
            {
                return (-1, true);
            }

            if (s_replaceVerbs.Contains(word) || (s_takeVerbs.Contains(word) && i + 1 < words.Count && words[i + 1] == "over"))
            {
                // "who replaced X" asks for X's successor, "who did X replace" for X's predecessor; the passive turns it
                // round: "who was replaced by X" asks for X's predecessor, "X was replaced by" for X's successor.
                var passive = i + 1 < words.Count && words[i + 1] == "by";
                var nameAfter = at > i;
                return (nameAfter != passive ? 1 : -1, true);
            }
        }

        if (at > 0 && words[at - 1] is "after" or "before")
        {
            return (words[at - 1] == "after" ? 1 : -1, false);
        }

        if (!entities.NameFirst)
        {
            return (0, false);
        }

        // Read from Japanese, "after" or "before" follows the name: 「石破の前の首相」 reads "ishiba before prime minister".
        var end = at;
        while (entities.NamePositions.Contains(end + 1))
        {
            end++;
        }

        return end + 1 < words.Count && words[end + 1] is "after" or "before" ? (words[end + 1] == "after" ? 1 : -1, false) : (0, false);
    }

    /// <summary>A role title without its qualifiers: "Chair of the investment committee for the $550 billion (under the
    /// MOU)" is "Chair of the investment committee".</summary>
    /// <param name="acronyms">Keep an acronym in brackets ("United States Trade Representative (USTR)").</param>
    internal static string PostName(string title, bool acronyms = true) => (acronyms ? Qualifier() : AnyQualifier()).Replace(title, "").Trim();

    /// <summary>
    /// "Minister of Finance (Ishiba cabinet)" with no start date was held from that cabinet's start (the named person's
    /// prime-ministership), and perhaps before it, under an earlier cabinet. Null when the title names no cabinet or its
    /// leader's term has no start.
    /// </summary>
    private static DateOnly? CabinetStart(FactBase facts, string title)
    {
        var match = Cabinet().Match(title);
        if (!match.Success)
        {
            return null;
        }

        var surname = match.Groups[1].Value;
        return facts.People
            .Where(p => p.Title.EndsWith(" " + surname, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Roles)
            .Where(r => r.From is not null && r.Title.StartsWith("Prime Minister", StringComparison.OrdinalIgnoreCase))
            .Select(r => (DateOnly?)r.From!.Value.Start)
            .Min();
    }

    // A parenthesis that is not just an acronym ("(METI)", "(USTR)" name the post), and anything from "for the"/"under
    // the" on ("for the $550 billion"; "Minister for Foreign Affairs" and "Under Secretary" keep their words).
    [GeneratedRegex(@"\s*\((?![A-Z]{2,6}\))[^)]*\)|\s+(?:for|under)\s+the\b.*$", RegexOptions.CultureInvariant)]
    private static partial Regex Qualifier();

    [GeneratedRegex(@"\s*\([^)]*\)|\s+(?:for|under)\s+the\b.*$", RegexOptions.CultureInvariant)]
    private static partial Regex AnyQualifier();

    [GeneratedRegex(@"\((\w+) cabinet\)", RegexOptions.CultureInvariant)]
    private static partial Regex Cabinet();

    /// <summary>"Minister of Defense (in office in January 2024)": the month the title says the post was held in.</summary>
    private static (DateOnly Start, DateOnly End)? InOffice(string title)
    {
        var match = InOfficePattern().Match(title);
        if (!match.Success || !DateOnly.TryParseExact(match.Groups[1].Value, "MMMM yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            return null;
        }

        return (start, start.AddMonths(1).AddDays(-1));
    }

    [GeneratedRegex(@"\(in office (?:in )?([A-Z][a-z]+ \d{4})\)", RegexOptions.CultureInvariant)]
    private static partial Regex InOfficePattern();

    /// <param name="StartIsLowerBound">The start is the cabinet's: the post may have been held before it too.</param>
    /// <param name="OnlyKnownWithin">From and To are not the term's bounds, only a time the post was held ("in office in
    /// January 2024"): outside it the dates cannot tell.</param>
    private sealed record Post(HashSet<string> Terms, DateOnly? From, DateOnly? To, bool StartIsLowerBound, bool OnlyKnownWithin = false)
    {
        /// <summary>An undated post last known to be held before this day (see the constructor): a frame from then on
        /// is outside it, a "former" one inside it, an earlier one unknown.</summary>
        public DateOnly? NotHeldFrom { get; init; }

        /// <summary>Every term of the post's name, the common ones included ("minister", "defense").</summary>
        public FrozenSet<string> Name { get; init; } = FrozenSet<string>.Empty;

        /// <summary>Does the question name this post: share a term of it other than a generic head ("president")?</summary>
        public bool NamedIn(IReadOnlyCollection<string> questionTerms) => Terms.Any(t => !s_genericHeads.Contains(t) && questionTerms.Contains(t));

        /// <summary>Was the post held all through the frame, by its dates (a cabinet's start is late enough: the post
        /// was held from then or before)?</summary>
        public bool Covers(TimeFrame frame) =>
            !frame.IsFormer && NotHeldFrom is null && From is { } start && start <= frame.From && (To is not { } end || end >= frame.To);

        /// <summary>Was the post held at some time in the frame? Null when the dates cannot tell: the frame lies
        /// before the post's end and before its known start, the post has no known start, or the post is only known to
        /// have been held in a month the frame does not touch.</summary>
        public bool? Held(TimeFrame frame)
        {
            if (NotHeldFrom is { } gone)
            {
                return frame.IsFormer ? true : frame.From < gone ? null : false;
            }

            if (OnlyKnownWithin)
            {
                return !frame.IsFormer && From <= frame.To && To >= frame.From ? true : null;
            }

            if (frame.IsFormer)
            {
                return To is not null;
            }

            if (To is { } end && end < frame.From)
            {
                return false;
            }

            if (From is { } start)
            {
                return start <= frame.To ? true : StartIsLowerBound ? null : false;
            }

            // No start: held up to its end, from some unknown time before.
            return To is { } last && last <= frame.To ? true : null;
        }
    }
}
