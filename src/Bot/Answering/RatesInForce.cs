using Bot.Facts;

namespace Bot.Answering;

/// <summary>
/// Which US tariff rate Japanese goods paid when. "car tariff now?", "what rate do japanese imports face now", "steel
/// tariff in may": a question that asks only for the rate on some goods at one time is answered by the one rate whose
/// <see cref="InForce"/> record puts it on those goods all through that time. The goods are the names the fact base
/// gives in <c>in_force.on</c> ("cars", "auto parts", "steel"), read as index terms, so "autos" and "vehicles" are cars;
/// a question that names none asks for the rate most goods pay.
/// </summary>
internal sealed class RatesInForce
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
        "percent", "percentage", "since", "now", "new", "current", "currently", "today", "still", "latest", "then", "right",
        "japan", "japanese", "tokyo", "nihon", "us", "usa", "american", "america", "washington", "trade", "import", "imports",
        "export", "exports", "goods", "products", "product", "items", "everything", "during", "talks", "negotiations", "when",
        "time", "year", "deal", "agreement", "made", "done", "struck", "reached", "got", .. s_payWords,
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

    private readonly List<Rate> _rates = [];

    /// <summary>The fact base's "now": a rate asked for "from" a day is the one in force from then to now.</summary>
    private readonly DateOnly _now;

    /// <summary>Each goods name ("auto parts") as its index terms, for the names a question names whole, and the index
    /// terms of each of its words ("auto", "part"), which a question's goods words must be among.</summary>
    private readonly Dictionary<string, (HashSet<string> Terms, HashSet<string> WordTerms)> _goodsTerms = new(StringComparer.Ordinal);

    /// <summary>The index terms of each word of every goods name ("auto", "part"): the words a question may use for goods.</summary>
    private readonly HashSet<string> _goodsWordTerms = new(StringComparer.Ordinal);

    /// <summary>Per day, the index terms of the titles of the events and rounds dated that day alone.</summary>
    private readonly Dictionary<DateOnly, List<HashSet<string>>> _occasions = [];

    private readonly Analyzer _analyzer;

    public RatesInForce(FactBase facts, Analyzer analyzer, DateOnly now)
    {
        _analyzer = analyzer;
        _now = now;
        foreach (var fact in facts.Facts)
        {
            if (fact.Kind is FactKind.Event or FactKind.Round && fact.Date is { } day && day.Start == day.End && fact.EndDate is null)
            {
                if (!_occasions.TryGetValue(day.Start, out var titles))
                {
                    _occasions[day.Start] = titles = [];
                }

                titles.Add([.. analyzer.Terms(fact.Title)]);
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

            _rates.Add(new Rate(fact.Id, inForce.On.ToHashSet(StringComparer.Ordinal), inForce.From, inForce.To));
        }
    }

    /// <summary>
    /// The rate a question asks for, when it asks only that: a rate word (or, with goods named, "pay"), the goods, the time
    /// (as <see cref="RoleTimes.Frame"/> reads it, or <see cref="RoleTimes.RelativeToTheDeal"/>: "before the deal") and
    /// <see cref="s_rateWords"/>, and no person or round. Null when it asks more, names American goods or no time, or
    /// names a day on which something happened to the tariff on those goods ("april 3 car tariff").
    /// </summary>
    public RateAsked? Asked(IReadOnlyList<string> words, IReadOnlyList<string> terms, QuestionType type, Entities entities, RoleTimes times)
    {
        // Most questions ask no rate at all: said first, before any time is read.
        if (_rates.Count == 0 || type is not (QuestionType.What or QuestionType.HowMuch or QuestionType.Other)
            || entities.People.Count > 0 || entities.Round is not null || entities.RoundTyped is not null
            || !(terms.Contains("tariff") || words.Any(w => w is "rate" or "rates" || s_payWords.Contains(w))))
        {
            return null;
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
        frame ??= deal?.Frame ?? (history ? new TimeFrame(DateOnly.MinValue, DateOnly.MaxValue) : null);

        // "the car tariff in may and now" asks for two times.
        if (frame is not null && RoleTimes.AsksNow(words) && frame != new TimeFrame(times.Now, times.Now))
        {
            return null;
        }

        if (frame is null or { IsFormer: true })
        {
            return null;
        }

        // Every other word names goods, or the day, month or year (a number only as a year or next to a month).
        var goodsWords = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (s_rateWords.Contains(word) || i == deal?.At || (history && s_historyWords.Contains(word)) || EntityResolver.IsMonth(word)
                || (word.All(char.IsDigit) && ((word.Length == 4 && EntityResolver.Year(word) is not null)
                    || (i > 0 && EntityResolver.IsMonth(words[i - 1])) || (i + 1 < words.Count && EntityResolver.IsMonth(words[i + 1])))))
            {
                continue;
            }

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

        // "how much of japan's exports", "what percent of", "which goods": a share or a choice of goods, not a rate;
        // "imports to japan": Japan's own tariffs.
        if (words.Zip(words.Skip(1)).Any(p => p is ("much" or "many" or "percent" or "percentage" or "proportion" or "fraction" or "share", "of") || (p.First == "which" && NamesGoods(p.Second))
            || (p.First is "to" or "into" && p.Second is "japan" or "tokyo")))
        {
            return null;
        }

        if (NamesAmericanGoods(words))
        {
            return null;
        }

        // The goods named whole; every goods word must belong to one of them ("machine parts" is not "auto parts").
        var named = _goodsTerms.Where(g => g.Value.Terms.Count > 0 && g.Value.Terms.All(terms.Contains)).Select(g => g.Key).ToList();
        var covered = named.SelectMany(n => _goodsTerms[n].WordTerms).ToHashSet(StringComparer.Ordinal);
        if (goodsWords.Any(w => !_analyzer.Terms([w]).All(covered.Contains)))
        {
            return null;
        }

        if (named.Count == 0)
        {
            // With no goods named, paying is no rate asked for ("what does japan pay" may be for anything): "tariff" (or
            // "duty") or "rate" must ask it, and "how much did japan pay in tariffs in 2025" asks an amount of money.
            if (!(terms.Contains("tariff") || words.Any(w => w is "rate" or "rates"))
                || (type == QuestionType.HowMuch && words.Any(s_payWords.Contains)))
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
        if (!began && entities.From is not null && frame.From == frame.To && _occasions.TryGetValue(frame.From, out var occasions)
            && occasions.Any(title => named.Any(g => g == InForce.MostGoods ? title.Contains("tariff") : _goodsTerms[g].Terms.Any(title.Contains))))
        {
            return null;
        }

        return new RateAsked(named, frame, began, history);
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

            var before = i > 0 && words[i - 1] == "the" ? i - 2 : i - 1;
            if ((before >= 0 && words[before] is "on" or "from")
                || (i + 1 < words.Count && NamesGoods(words[i + 1])))
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
internal sealed record RateAsked(IReadOnlyList<string> Goods, TimeFrame Frame, bool Began, bool History);

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
}
