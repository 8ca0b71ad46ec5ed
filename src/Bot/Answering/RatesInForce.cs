using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Facts;

namespace Bot.Answering;

/// <summary>
/// Which US tariff rate Japanese goods paid when. "car tariff now?", "what rate do japanese imports face now", "steel
/// tariff in may": a question that asks only for the rate on some goods at one time is answered by the one rate whose
/// <see cref="InForce"/> record puts it on those goods all through that time. The goods are the names the fact base
/// gives in <c>in_force.on</c> ("cars", "auto parts", "steel"), read as index terms, so "autos" and "vehicles" are cars;
/// a question that names none asks for the rate most goods pay.
/// </summary>
internal sealed partial class RatesInForce
{
    /// <summary>Words for paying: what goods named pay is their rate ("what do japanese cars pay now").</summary>
    private static readonly HashSet<string> s_payWords = ["pay", "pays", "paid", "paying"];

    /// <summary>Words that may stand besides the goods and the time in a question that asks only for a rate: asking
    /// words, the rate itself, the two sides, and the times <see cref="RoleTimes.Frame"/> reads ("now", "during the
    /// talks", "when the deal was made"). No verb that makes Japan the one charging ("what does japan charge on us
    /// cars"), and no other country: a question with any other word asks something else.</summary>
    private static readonly HashSet<string> s_rateWords =
    [
        "what", "whats", "which", "how", "much", "and", "total", "is", "was", "are", "were", "s", "the", "a", "an", "of", "on", "for", "in", "at", "to",
        "from", "do", "does", "did", "face", "faces", "facing", "rate", "rates", "level",
        "percent", "percentage", "since", "now", "new", "current", "currently", "today", "still", "latest", "status", "then", "right",
        "japan", "japanese", "tokyo", "nihon", "us", "usa", "american", "america", "washington", "trade", "import", "imports",
        "export", "exports", "goods", "products", "product", "items", "everything", "during", "talks", "negotiations", "when",
        "time", "year", "deal", "agreement", "made", "done", "struck", "reached", "got", "border", .. s_payWords,
    ];

    /// <summary>Words that ask how a rate went over time: "car tariff history", "how has the car tariff changed". With no
    /// time named, all the time the fact base has.</summary>
    private static readonly HashSet<string> s_historyCues = ["history", "change", "changed", "changes", "changing", "evolve", "evolved", "evolution", "timeline"];

    /// <summary>Words that may stand in such a question besides the rate's: "over time", "how has it changed so far".</summary>
    private static readonly HashSet<string> s_historyWords = [.. s_historyCues, "over", "time", "has", "have", "all", "so", "far"];

    /// <summary>Words for goods in general: "japanese imports", "goods from japan". With no goods named, they ask the rate
    /// most goods pay; beside goods named ("car imports") they add nothing.</summary>
    private static readonly HashSet<string> s_anyGoods = ["import", "imports", "export", "exports", "goods", "products", "product", "items", "everything", "trade"];

    /// <summary>Words that name the US, which before goods or after "on" or "from" make them American ("us cars", "a
    /// tariff on american goods"): not the goods this fact base has rates for.</summary>
    private static readonly HashSet<string> s_usWords = ["us", "usa", "american", "america", "washington"];

    /// <summary>Words that ask when a rate began: "when did the car tariff start", "15% effective date", "kick in".</summary>
    private static readonly HashSet<string> s_startWords =
        ["start", "started", "starts", "starting", "begin", "began", "begun", "begins", "effective", "effect", "kick", "kicked", "kicks", "apply", "applied", "applies", "applying", "imposed", "introduced"];

    /// <summary>Words that ask when a rate came down: "when did the car tariff drop", "cut to 15%".</summary>
    private static readonly HashSet<string> s_downWords =
        ["down", "drop", "dropped", "drops", "fall", "fell", "falls", "cut", "lowered", "lower", "reduced", "reduce", "decrease", "decreased", "eased", "slashed"];

    /// <summary>Words for a rate that went up twice over: "when did the steel tariff double".</summary>
    private static readonly HashSet<string> s_doubleWords = ["double", "doubled", "doubles", "doubling"];

    /// <summary>Words that ask when a rate went up: "when did the car tariff go up", "raised to 50%", "double".</summary>
    private static readonly HashSet<string> s_upWords =
        ["up", "rise", "rose", "raised", "raise", "increase", "increased", "higher", "hike", "hiked", "jump", "jumped", .. s_doubleWords];

    /// <summary>Words that ask when a rate stopped: "when did the 27.5% end". Not "lifted": a rate that gave way to
    /// another was not lifted.</summary>
    private static readonly HashSet<string> s_endWords = ["end", "ended", "ends", "stop", "stopped", "expire", "expired"];

    /// <summary>Words that may stand besides the rate's, the goods and the change in a question that asks only when a
    /// rate changed: "when did the car tariff go down", "when did it come into force", "what date did cars start paying".</summary>
    private static readonly HashSet<string> s_changeWords =
    [
        .. s_startWords, .. s_downWords, .. s_upWords, .. s_endWords, "go", "goes", "went", "gone", "come", "comes", "came",
        "take", "takes", "took", "taken", "get", "got", "into", "force", "be", "been", "become", "became", "exactly",
        "officially", "first", "date", "day", "by", "it", "they", "duty", "duties",
    ];

    private readonly List<Rate> _rates = [];

    /// <summary>The fact base's "now": a rate asked for "from" a day is the one in force from then to now.</summary>
    private readonly DateOnly _now;

    /// <summary>Each goods name ("auto parts") as its index terms, for the names a question names whole, and the index
    /// terms of each of its words ("auto", "part"), which a question's goods words must be among.</summary>
    private readonly Dictionary<string, (HashSet<string> Terms, HashSet<string> WordTerms)> _goodsTerms = new(StringComparer.Ordinal);

    /// <summary>The index terms of each word of every goods name ("auto", "part"): the words a question may use for goods.</summary>
    private readonly HashSet<string> _goodsWordTerms = new(StringComparer.Ordinal);

    /// <summary>Per day, the events and rounds dated that day alone, with the index terms of their titles.</summary>
    private readonly Dictionary<DateOnly, List<(Fact Fact, HashSet<string> Title)>> _occasions = [];

    private readonly Analyzer _analyzer;

    /// <summary>Reads each of two times a question names ("between april and august"); the question's own reading
    /// holds the first only.</summary>
    private readonly EntityResolver _entities;

    public RatesInForce(FactBase facts, Analyzer analyzer, DateOnly now, EntityResolver entities)
    {
        _analyzer = analyzer;
        _entities = entities;
        _now = now;
        foreach (var fact in facts.Facts)
        {
            if (fact.Kind is FactKind.Event or FactKind.Round && fact.Date is { } day && day.Start == day.End && fact.EndDate is null)
            {
                if (!_occasions.TryGetValue(day.Start, out var titles))
                {
                    _occasions[day.Start] = titles = [];
                }

                titles.Add((fact, [.. analyzer.Terms(fact.Title)]));
            }

            if (fact.InForce is not { } inForce)
            {
                continue;
            }

            foreach (var name in inForce.On.Where(n => !_goodsTerms.ContainsKey(n)))
            {
                HashSet<string> wordTerms = [.. QuestionNormalizer.Words(name).SelectMany(w => analyzer.Terms([w]))];
                _goodsTerms[name] = ([.. analyzer.Terms(name)], wordTerms);
                _goodsWordTerms.UnionWith(wordTerms);
            }

            _rates.Add(new Rate(fact.Id, inForce.On.ToHashSet(StringComparer.Ordinal), inForce.From, inForce.To) { Percent = Percent(fact), IsEvent = fact.Kind == FactKind.Event });
        }
    }

    /// <summary>
    /// The rate a question asks for, when it asks only that: a rate word (or, with goods named, "pay"), the goods, the time
    /// (as <see cref="RoleTimes.Frame"/> reads it, or <see cref="RoleTimes.RelativeToTheDeal"/>: "before the deal") and
    /// <see cref="s_rateWords"/>, and no person or round; with no time named, a question in the present tense or with no
    /// verb ("what tariff does japan pay", "car tariff") asks for now. Null when it asks more, names American goods or no time, or
    /// names a day on which something happened to the tariff on those goods ("april 3 car tariff"). A time compared with
    /// now ("car tariff before the deal vs now") is read as the time from then to now, asked how the rate went
    /// (<see cref="RateAsked.History"/>), so that every rate in force over it is listed.
    /// </summary>
    public RateAsked? Asked(IReadOnlyList<string> words, IReadOnlyList<string> terms, QuestionType type, Entities entities, RoleTimes times)
    {
        // Most questions ask no rate at all: said first, before any time is read. "Is the steel tariff still 50%?" asks it
        // too: the rate then says whether.
        var checks = type == QuestionType.YesNo && words.Zip(words.Skip(1)).Any(p => p.Second == "percent" && IsNumber(p.First));
        if ((type is not (QuestionType.What or QuestionType.HowMuch or QuestionType.Other) && !checks) || !MayAskARate(words, terms, entities, percentAsks: false))
        {
            return null;
        }

        // "Car tariff before the deal vs now", "steel tariff in may and now": the rates from the earlier time to now, all
        // listed (History), as the question without its "vs now" would be read for the earlier time.
        if (ComparedWithNow(words) is { } earlier)
        {
            var compared = Asked(earlier, [.. terms.Where(t => !s_compareWords.Contains(t) && !s_nowWords.Contains(t))], type, entities, times);
            return compared is { Began: false, Checked: null, Frame: var then } && then.To < times.Now
                ? compared with { Frame = new TimeFrame(then.From, times.Now), History = true }
                : null;
        }

        // The time as a post's would be read, or before or under the deal; both, only when they agree.
        var frame = times.Frame(words, terms, entities);
        var deal = times.RelativeToTheDeal(words);
        if (deal is { } relative && frame is not null && frame != relative.Frame)
        {
            return null;
        }

        // "how has the car tariff changed", "car tariff history": over all the time the fact base has, unless one is named.
        var history = words.Any(s_historyCues.Contains) || words.Zip(words.Skip(1)).Any(p => p is ("over", "time"));
        frame ??= deal?.Frame ?? (history ? TimeFrame.Always : null);

        // "Car tariff status", 「自動車関税の状況は？」, "what tariff does japan pay": with no other time named, the status, or
        // the rate paid in the present tense, is now's.
        frame ??= words.Contains("status") || ((type == QuestionType.Other || words.Any(s_presentPaying.Contains)) && RoleTimes.NoOtherTime(words))
            ? new TimeFrame(times.Now, times.Now)
            : null;

        // "The car tariff in may or now" asks for two times ("in may and now", compared above, lists them).
        if (frame is not null && RoleTimes.AsksNow(words) && frame != new TimeFrame(times.Now, times.Now))
        {
            return null;
        }

        if (frame is null or { IsFormer: true })
        {
            return null;
        }

        // "Car tariff before april", "what did cars pay before 2025": the day before the time named.
        var before = Enumerable.Range(0, words.Count - 1).Where(i => words[i] == "before" && NamesTime(words, i + 1)).DefaultIfEmpty(-1).First();
        if (before >= 0 && frame.From > DateOnly.MinValue && deal is null)
        {
            frame = new TimeFrame(frame.From.AddDays(-1), frame.From.AddDays(-1));
        }
        else
        {
            before = -1;
        }

        // "What rate did japan pay between april and august": the time between the two, neither included.
        var between = deal is null && before < 0 ? Between(words) : null;
        if (between is { } inside)
        {
            frame = inside.Frame;
        }

        // Every other word names goods, or the day, month or year.
        var named = GoodsNamed(words, terms, i => s_rateWords.Contains(words[i]) || i == deal?.At || i == before || i == between?.At || (history && s_historyWords.Contains(words[i])) || NamesTime(words, i)
            || (checks && i + 1 < words.Count && words[i + 1] == "percent" && IsNumber(words[i])) || (checks && words[i] is "or" or "really"));
        if (named is null)
        {
            return null;
        }

        // Asked whether, of goods named: "is japan paying 15% on everything" asks what the rate covers.
        if (checks && named.Count == 0)
        {
            return null;
        }

        if (named.Count == 0)
        {
            // With no goods named, paying is no rate asked for ("what does japan pay" may be for anything): "tariff" (or
            // "duty") or "rate" must ask it, and "how much did japan pay in tariffs in 2025" asks an amount of money
            // ("what rate did japan pay" a rate).
            var asksRate = words.Any(w => w is "rate" or "rates");
            if (!(terms.Contains("tariff") || asksRate) || (type == QuestionType.HowMuch && words.Any(s_payWords.Contains) && !asksRate))
            {
                return null;
            }

            named.Add(InForce.MostGoods);
        }

        // "what rate do cars pay from september 16", "since august": the rate from then on (see InForceFor).
        var began = words.Select((w, i) => w is "from" or "since" && i + 1 < words.Count && (EntityResolver.IsMonth(words[i + 1]) || words[i + 1].All(char.IsDigit)))
            .Any(starts => starts);

        // "april 3 car tariff", "march 26 auto tariff": a day on which something happened to the tariff on those goods asks
        // about what happened, not the rate that day; "from september 16" asks the rate from then. Only a day the question
        // names: not now, nor the deal's day.
        if (!began && before < 0 && between is null && entities.From is not null && frame.From == frame.To && _occasions.TryGetValue(frame.From, out var occasions)
            && occasions.Any(o => named.Any(g => AboutGoods(o.Title, g))))
        {
            return null;
        }

        // "Is the steel tariff still 50%?": the one number asked whether the rate is.
        var asked = checks && words.Where(IsNumber).ToList() is [var number] ? decimal.Parse(number, CultureInfo.InvariantCulture) : (decimal?)null;
        return new RateAsked(named, frame, began, history) { Checked = asked };
    }

    /// <summary>Words that compare two times ("before the deal vs now", "may compared to now").</summary>
    private static readonly HashSet<string> s_compareWords = ["vs", "versus", "compared", "compare", "comparison"];

    /// <summary>Words for now that a comparison may end with.</summary>
    private static readonly HashSet<string> s_nowWords = ["now", "today", "currently", "current"];

    /// <summary>Paying in the present tense ("what does japan pay", "what rate do cars pay", "japan pays what"); now, when
    /// nothing else in the question places it at another time (<see cref="RoleTimes.NoOtherTime"/>).</summary>
    private static readonly HashSet<string> s_presentPaying = ["does", "do", "pays"];

    /// <summary>
    /// A question that compares a time with now ("car tariff before the deal vs now", "steel tariff in may and now", "car
    /// tariff in april compared to now") without the comparison: its now words, the words comparing ("vs", "compared to",
    /// the "and" before "now") gone. Null when it compares nothing with now.
    /// </summary>
    private static List<string>? ComparedWithNow(IReadOnlyList<string> words)
    {
        var now = Enumerable.Range(0, words.Count).Where(i => s_nowWords.Contains(words[i])).ToList();
        var cues = Enumerable.Range(0, words.Count).Where(i => s_compareWords.Contains(words[i])
            || (words[i] == "and" && i + 1 < words.Count && s_nowWords.Contains(words[i + 1]))).ToList();
        if (now.Count != 1 || cues.Count != 1)
        {
            return null;
        }

        // "compared to now", "compared with may": the word after the comparing one goes with it.
        var drop = new HashSet<int>(now.Concat(cues));
        if (words[cues[0]] is "compared" or "compare" or "comparison" && cues[0] + 1 < words.Count && words[cues[0] + 1] is "to" or "with")
        {
            drop.Add(cues[0] + 1);
        }

        return [.. words.Where((_, i) => !drop.Contains(i))];
    }

    /// <summary>
    /// The fact that answers a question asking only when the rate on some goods began, came down, went up or ended: "when
    /// did the car tariff come down", "when did steel go to 50%", "when did the 27.5% end", "15 percent auto tariff
    /// effective date". The rate is the one named by its number (after "to" when two are: "from 27.5 to 15"), else the
    /// one change of that kind on the goods ("when did the car tariff go up": April 3), else, asked when it began, the
    /// first rate the fact base dates a start for; the goods named must all give the same. The day is its first day (its
    /// last, asked when it ended, which needs the number). The answer is the event dated that day alone about those goods
    /// (the change itself), else the rate. When several changes of the kind asked fit the one goods named ("when did the
    /// steel tariff go up"), or an end is asked with no number, those goods instead (<see cref="RateChange.Several"/>).
    /// Null when it asks more, the change is not one the dates show (a "drop" to a higher rate), or the day is not within
    /// a time it names.
    /// </summary>
    public RateChange? ChangeAsked(IReadOnlyList<string> words, IReadOnlyList<string> terms, QuestionType type, Entities entities, RoleTimes times)
    {
        if (!(type == QuestionType.When || words.Contains("date")) || !MayAskARate(words, terms, entities, percentAsks: true))
        {
            return null;
        }

        // The rate's numbers ("27.5 percent", "to 15"); any other number names the time.
        var numbers = Enumerable.Range(0, words.Count).Where(i => !NamesTime(words, i) && IsNumber(words[i]))
            .Select(i => (Value: decimal.Parse(words[i], CultureInfo.InvariantCulture), At: i)).ToList();
        bool After(int at, string word) => at > 0 && words[at - 1] == word;

        // "Go to 50%", "since when": when it began.
        var start = words.Any(s_startWords.Contains) || words.Zip(words.Skip(1)).Any(p => p is ("since", "when"))
            || numbers.Any(n => After(n.At, "to"));
        var down = words.Any(s_downWords.Contains);
        var up = words.Any(s_upWords.Contains);
        var end = words.Any(s_endWords.Contains);
        if ((down && up) || (end && (start || down || up)) || !(start || down || up || end))
        {
            return null;
        }

        // "27.5% applied from when to when": its first and last day, which the rate itself gives, as asked when it ended.
        end |= words.Count(w => w == "when") > 1;

        var named = GoodsNamed(words, terms, i => s_rateWords.Contains(words[i]) || s_changeWords.Contains(words[i]) || NamesTime(words, i) || numbers.Any(n => n.At == i));
        if (named is null || (named.Count == 0 && numbers.Count == 0 && !(up || down)))
        {
            return null;
        }

        // The rate asked about is the number after "to", else the one number; one after "from" is the rate before it
        // ("from 27.5 to 15", "rise from 25%").
        var from = numbers.Where(n => After(n.At, "from")).Select(n => (decimal?)n.Value).ToList();
        var rest = numbers.Where(n => !After(n.At, "from")).ToList();
        decimal? target = rest switch
        {
            [] => null,
            [var one] => one.Value,
            _ => rest.Where(n => After(n.At, "to")).Select(n => (decimal?)n.Value).FirstOrDefault(),
        };
        if ((rest.Count > 1 && target is null) || from.Count > 1)
        {
            return null;
        }

        // No goods named: the rate most goods pay, unless only one rate on other goods has the number ("when did the 27.5%
        // end" asks about cars).
        var goodsNamed = named.Count > 0;
        if (named.Count == 0)
        {
            var numbered = _rates.Where(r => r.Percent == target).ToList();
            named.AddRange(target is not null && !numbered.Any(r => r.Goods.Contains(InForce.MostGoods)) && numbered is [var only] ? only.Goods : [InForce.MostGoods]);
        }

        var frame = times.Frame(words, terms, entities);
        string? answer = null;
        foreach (var goods in named)
        {
            var (one, fitting) = Changed(goods, target, from.FirstOrDefault(), start && !(up || down), down, up, words.Any(s_doubleWords.Contains), end);

            // Several changes of the kind asked on the one goods named, at any time: each rate, with its days, answers.
            if (one is null && fitting > 1 && goodsNamed && named is [_] && frame is null)
            {
                return new RateChange(null, goods);
            }

            var day = one is null ? null : end ? one.End : one.Start;
            if (one is null || day is not { Day: not null } exact || numbers.Any(n => !_rates.Any(r => r.Goods.Contains(goods) && r.Percent == n.Value))
                || (frame is not null && (frame.IsFormer || exact.Start < frame.From || exact.Start > frame.To)))
            {
                return null;
            }

            var id = end || one.IsEvent ? one.Id
                : _occasions.TryGetValue(exact.Start, out var occasions) && occasions.Where(o => o.Fact.Kind == FactKind.Event && AboutGoods(o.Title, goods)).ToList() is [var only]
                    ? only.Fact.Id
                    : one.Id;
            if (answer is not null && answer != id)
            {
                return null;
            }

            answer = id;
        }

        return answer is null ? null : new RateChange(answer, null);
    }

    /// <summary>May the question ask about a rate at all: the fact base has rates, the question names no person or round,
    /// and it says "tariff" (or "duty"), "rate" or paying, or with <paramref name="percentAsks"/> a percentage ("when did
    /// the 27.5% end")? Said before anything costlier is read: most questions ask no rate.</summary>
    private bool MayAskARate(IReadOnlyList<string> words, IReadOnlyList<string> terms, Entities entities, bool percentAsks) =>
        _rates.Count > 0 && entities.People.Count == 0 && entities.Round is null && entities.RoundTyped is null
        && (terms.Contains("tariff") || words.Any(w => w is "rate" or "rates" || (percentAsks && w == "percent") || s_payWords.Contains(w)));

    /// <summary>Of the rates on <paramref name="goods"/>, the one a change question picks: by its number (and, with
    /// <paramref name="from"/>, the rate it followed), else the one whose start was the one change of the kind asked (up:
    /// a rate above the one it followed, or a first rate; doubled: twice it; from: after that rate), else, asked only when
    /// one began, the first with a start. None when none or several are, or the dates show no such change; with how many
    /// fit (several ends, asked with no number, all fit).</summary>
    private (Rate? One, int Fitting) Changed(string goods, decimal? target, decimal? from, bool began, bool down, bool up, bool doubled, bool end)
    {
        var rates = _rates.Where(r => r.Goods.Contains(goods)).OrderBy(r => r.From).ToList();

        // Does the change into the rate fit what was asked ("dropped to 15%" from a lower rate is no drop the dates show)?
        bool Fits(Rate rate) => rate.Percent is { } now && Before(rates, rate) is var before
            && (from is null || before?.Percent == from)
            && (!down || before?.Percent > now)
            && (!up || (doubled ? before?.Percent * 2 == now : before is null ? from is null : before.Percent < now));

        if (target is { } number)
        {
            var named = rates.Where(r => r.Percent == number && (end ? r.End is not null : r.Start is not null)).ToList();
            return named is [var one] && (end || Fits(one)) ? (one, 1) : (null, 0);
        }

        if (end)
        {
            return (null, rates.Count(r => r.End is not null));
        }

        if (down || up || from is not null)
        {
            var fitting = rates.Where(r => r.Start is not null && Fits(r)).ToList();
            return (fitting is [var only] ? only : null, fitting.Count);
        }

        return began && rates.FirstOrDefault(r => r.Start is not null) is { } first ? (first, 1) : (null, 0);
    }

    /// <summary>The rate on the same goods in force the day before <paramref name="rate"/> began, when one alone was.</summary>
    private static Rate? Before(List<Rate> rates, Rate rate) =>
        rate.From == DateOnly.MinValue ? null
            : rates.Where(r => r != rate && r.From < rate.From && r.To >= rate.From.AddDays(-1)).ToList() is [var only] ? only : null;

    /// <summary>Does a title (as index terms) name the goods: for the rate most goods pay, a tariff?</summary>
    private bool AboutGoods(HashSet<string> title, string goods) =>
        goods == InForce.MostGoods ? title.Contains("tariff") : _goodsTerms[goods].Terms.Any(title.Contains);

    /// <summary>A rate's number: its amount in percent, else the first percentage its title gives ("25% steel and
    /// aluminum tariffs due").</summary>
    private static decimal? Percent(Fact fact) =>
        fact.Amount is { Unit: "%", Value: { } value } ? value
            : TitlePercentPattern().Match(fact.Title) is { Success: true } m ? decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : null;

    /// <summary>A percentage in a title: "25%".</summary>
    [GeneratedRegex(@"([0-9]+(?:\.[0-9]+)?)%")]
    private static partial Regex TitlePercentPattern();

    /// <summary>
    /// The goods a question names whole (names in <c>in_force.on</c>; none when it names goods only in general), when
    /// every word is one <paramref name="other"/> allows, a goods word or "tariff", and every goods word belongs to goods
    /// named ("machine parts" is not "auto parts"). Null when another word stands in it, when it asks a share or a choice
    /// of goods ("how much of japan's exports", "which goods"), Japan's own tariffs ("imports to japan") or American goods.
    /// </summary>
    private List<string>? GoodsNamed(IReadOnlyList<string> words, IReadOnlyList<string> terms, Func<int, bool> other)
    {
        var goodsWords = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            if (other(i))
            {
                continue;
            }

            var word = words[i];
            var wordTerms = _analyzer.Terms([word]);
            if (wordTerms is ["tariff"])
            {
                continue;
            }

            if (!NamesGoods(word, wordTerms))
            {
                return null;
            }

            goodsWords.Add(word);
        }

        if (words.Zip(words.Skip(1)).Any(p => p is ("much" or "many" or "percent" or "percentage" or "proportion" or "fraction" or "share", "of") || (p.First == "which" && NamesGoods(p.Second))
            || (p.First is "to" or "into" && p.Second is "japan" or "tokyo")))
        {
            return null;
        }

        if (NamesAmericanGoods(words))
        {
            return null;
        }

        var named = _goodsTerms.Where(g => g.Value.Terms.Count > 0 && g.Value.Terms.All(terms.Contains)).Select(g => g.Key).ToList();
        var covered = named.SelectMany(n => _goodsTerms[n].WordTerms).ToHashSet(StringComparer.Ordinal);
        return goodsWords.Any(w => !_analyzer.Terms([w]).All(covered.Contains)) ? null : named;
    }

    /// <summary>"Between april and august", "between april 3 and september 16 2025": the days after the first time and
    /// before the second, and the position of "between"; null when the question names no two such times, or nothing is
    /// between them.</summary>
    private (TimeFrame Frame, int At)? Between(IReadOnlyList<string> words)
    {
        var at = Enumerable.Range(0, words.Count).Where(i => words[i] == "between").DefaultIfEmpty(-1).First();
        var and = at < 0 ? -1 : Enumerable.Range(at, words.Count - at).Where(i => words[i] == "and").DefaultIfEmpty(-1).First();
        if (and < at + 2 || !Enumerable.Range(at + 1, and - at - 1).All(i => NamesTime(words, i)))
        {
            return null;
        }

        var end = and + 1;
        while (end < words.Count && NamesTime(words, end))
        {
            end++;
        }

        // A year named only with the second time is the first's too ("between april and august 2026"), or the one before
        // when the first would then come after it ("between december and february 2026").
        List<string> firstWords = [.. words.Skip(at + 1).Take(and - at - 1)], secondWords = [.. words.Skip(and + 1).Take(end - and - 1)];
        var second = _entities.Resolve(secondWords);
        var year = firstWords.Any(IsYear) ? null : secondWords.LastOrDefault(IsYear);
        var first = _entities.Resolve(year is null ? firstWords : [.. firstWords, year]);
        if (year is not null && first.From > second.From)
        {
            first = _entities.Resolve([.. firstWords, (int.Parse(year, CultureInfo.InvariantCulture) - 1).ToString(CultureInfo.InvariantCulture)]);
        }

        return end > and + 1 && first.To is { } after && second.From is { } until && after.AddDays(1) <= until.AddDays(-1)
            ? (new TimeFrame(after.AddDays(1), until.AddDays(-1)), at)
            : null;
    }

    /// <summary>Is the word a year ("2025")?</summary>
    private static bool IsYear(string word) => word.Length == 4 && EntityResolver.Year(word) is not null;

    /// <summary>Is the word a number ("15", "27.5")?</summary>
    private static bool IsNumber(string word) => decimal.TryParse(word, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _);

    /// <summary>Does the word at <paramref name="i"/> name a month, or a number as a year or next to a month?</summary>
    private static bool NamesTime(IReadOnlyList<string> words, int i)
    {
        var word = words[i];
        return EntityResolver.IsMonth(word)
            || (word.All(char.IsDigit) && (IsYear(word)
                || (i > 0 && EntityResolver.IsMonth(words[i - 1])) || (i + 1 < words.Count && EntityResolver.IsMonth(words[i + 1]))));
    }

    /// <summary>
    /// The id of the one rate on the goods asked for in force all through the time asked; the goods named must all have
    /// the same one. Asked "from" or "since" a time: the one in force from its start to now, else the one rate that began
    /// in it and was the only one on those goods on its first day ("since august" is the 15% of August 7). Null when none
    /// is, or several: over a span, a rate that changed within it ("car tariff in 2025") is no one rate.
    /// </summary>
    public string? InForceFor(RateAsked asked)
    {
        string? answer = null;
        foreach (var goods in asked.Goods)
        {
            var rates = _rates.Where(r => r.Goods.Contains(goods) && Overlaps(r, asked.Frame)).ToList();
            var one = asked.Began ? Began(rates, goods, asked.Frame) : rates is [var only] && Fits(only, asked) ? only : null;
            if (one is null || (answer is not null && answer != one.Id))
            {
                return null;
            }

            answer = one.Id;
        }

        return answer;
    }

    /// <summary>Asked from a time, of <paramref name="rates"/> on the goods that were in force at some time of it: the one
    /// in force from its start to now, else the one that began in it and was alone on the goods on its first day.</summary>
    private Rate? Began(List<Rate> rates, string goods, TimeFrame frame)
    {
        if (rates.Where(r => r.SurelyFrom <= frame.From && r.SurelyTo >= _now).ToList() is [var through])
        {
            return through;
        }

        var began = rates.Where(r => r.From >= frame.From && r.From <= frame.To).ToList();
        return began is [var first] && !_rates.Any(r => r != first && r.Goods.Contains(goods) && r.From <= first.From && r.To >= first.From) ? first : null;
    }

    /// <summary>
    /// The ids of the rates on the one goods asked for that were in force at some time of the time asked, in the order
    /// they began, when there are two or more ("car tariff in 2025": 2.5%, 27.5%, 15%; "car tariff history": every one).
    /// Empty otherwise, when more than one goods is named, or when asked from when.
    /// </summary>
    public IReadOnlyList<string> Over(RateAsked asked) =>
        asked.Goods is not [var goods] || asked.Began
            ? []
            : _rates.Where(r => r.Goods.Contains(goods) && Overlaps(r, asked.Frame)).OrderBy(r => r.From).Select(r => r.Id).Distinct().ToList() is { Count: >= 2 } rates
                ? rates
                : [];

    /// <summary>Of <see cref="Over"/>'s rates, the one in force at the end of the time asked (or now, if that is later),
    /// when one is: "car tariff in 2025" is the 15% of December; else the last to begin.</summary>
    public string Latest(RateAsked asked, IReadOnlyList<string> over)
    {
        var end = asked.Frame.To < _now ? asked.Frame.To : _now;
        return _rates.Where(r => over.Contains(r.Id) && r.From <= end && r.To >= end).Select(r => r.Id).Distinct().ToList() is [var only] ? only : over[^1];
    }

    /// <summary>The number, in percent, of the rate the fact gives; null for a fact that gives none.</summary>
    public decimal? PercentOf(string factId) => _rates.FirstOrDefault(r => r.Id == factId)?.Percent;

    /// <summary>Is the fact a rate on goods asked for that was not the rate on them at the time asked: in force at no time
    /// of it ("what rate do cars pay from october 2025" is not the 27.5% that ended in September), or, when the answer
    /// lists no rates (two goods named), for part of it while another rate on them was for another part? A rate that is
    /// the only one the fact base has on those goods at any time of a span may still answer it, and so may one in force
    /// at some time asked "from".</summary>
    public bool NotInForceThen(RateAsked asked, string factId)
    {
        var own = _rates.Where(r => r.Id == factId && asked.Goods.Any(r.Goods.Contains)).ToList();
        if (own.Count == 0 || own.Any(r => Fits(r, asked)))
        {
            return false;
        }

        return !own.Any(r => Overlaps(r, asked.Frame))
            || (!asked.Began && _rates.Any(r => r.Id != factId && asked.Goods.Any(r.Goods.Contains) && Overlaps(r, asked.Frame)));
    }

    /// <summary>Was the rate in force at some time of the frame (a partial date read as widely as it goes)?</summary>
    private static bool Overlaps(Rate rate, TimeFrame frame) => rate.From <= frame.To && rate.To >= frame.From;

    /// <summary>Was the rate surely in force all through the frame (a partial date read as narrowly as it goes), or, asked
    /// from when, at some time of it?</summary>
    private static bool Fits(Rate rate, RateAsked asked) =>
        asked.Began ? Overlaps(rate, asked.Frame) : rate.SurelyFrom <= asked.Frame.From && rate.SurelyTo >= asked.Frame.To;

    /// <summary>Does the word name goods a rate is charged on ("cars", "steel", "auto", "parts"), or goods in general
    /// ("imports", "goods")? A follow-up that names only such words ("and steel?") asks the same of them.</summary>
    public bool NamesGoods(string word) => NamesGoods(word, _analyzer.Terms([word]));

    /// <summary><see cref="NamesGoods(string)"/>, given the word's index terms.</summary>
    private bool NamesGoods(string word, List<string> terms) =>
        s_anyGoods.Contains(word) || (terms.Count > 0 && terms.All(_goodsWordTerms.Contains));

    /// <summary>"us cars", "american goods", "a tariff on the us", "goods from america": goods of the US side.</summary>
    private bool NamesAmericanGoods(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (!s_usWords.Contains(words[i]))
            {
                continue;
            }

            // "Us cars", but not "the us car tariff": the US's tariff on cars.
            var before = i > 0 && words[i - 1] == "the" ? i - 2 : i - 1;
            if ((before >= 0 && words[before] is "on" or "from")
                || (i + 1 < words.Count && NamesGoods(words[i + 1]) && !(i + 2 < words.Count && _analyzer.Terms([words[i + 2]]) is ["tariff"])))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A question that asks only for the tariff rate on <see cref="Goods"/> (names in <c>in_force.on</c>, or
/// <see cref="InForce.MostGoods"/>) at <see cref="Frame"/>; <see cref="Began"/> when it asks for the rate from then on
/// ("from september 16"); <see cref="History"/> when it asks how the rate went ("car tariff history", "how has the car
/// tariff changed").</summary>
internal sealed record RateAsked(IReadOnlyList<string> Goods, TimeFrame Frame, bool Began, bool History)
{
    /// <summary>The one rate, in percent, a yes-or-no question asks whether it is ("is the steel tariff still 50%?").</summary>
    public decimal? Checked { get; init; }
}

/// <summary>What a question asking when a rate changed reads as: the fact that answers it, or, when several changes of the
/// kind asked happened to the one goods named, those goods (every rate on them answers, with its days).</summary>
internal sealed record RateChange(string? Answer, string? Several);

/// <summary>A fact's <see cref="InForce"/> record: its id, the goods, and its days, open ends read as always.</summary>
internal sealed record Rate(string Id, HashSet<string> Goods, PartialDate? Start, PartialDate? End)
{
    /// <summary>The first day it may have been in force ("2025-06": June 1).</summary>
    public DateOnly From { get; } = Start?.Start ?? DateOnly.MinValue;

    /// <summary>The last day it may have been in force ("2025-06": June 30).</summary>
    public DateOnly To { get; } = End?.End ?? DateOnly.MaxValue;

    /// <summary>The first day it surely was ("2025-06": June 30).</summary>
    public DateOnly SurelyFrom { get; } = Start?.End ?? DateOnly.MinValue;

    /// <summary>The last day it surely was ("2025-06": June 1).</summary>
    public DateOnly SurelyTo { get; } = End?.Start ?? DateOnly.MaxValue;

    /// <summary>Its number, in percent: the fact's amount, else the first percentage its title gives.</summary>
    public decimal? Percent { get; init; }

    /// <summary>Is the fact an event (the change itself) rather than a figure?</summary>
    public bool IsEvent { get; init; }
}
