using System.Globalization;
using Bot.Facts;

namespace Bot.Answering;

/// <summary>The stretch of time a question asks about, or (for "former", "previous") that it asks about the past.</summary>
internal sealed record TimeFrame(DateOnly From, DateOnly To, bool Former = false);

/// <summary>
/// Who held which post when. "who is the current prime minister", "defense minister during the talks", "pm in 2019",
/// "former finance minister": a question that names a post and a time prefers the person whose post of that name
/// covers that time. Posts come from each person's dated roles; a role's distinctive terms are those of its title that
/// few other roles share (not "minister") and that are not a side ("us", "japan").
/// </summary>
internal sealed class RoleTimes
{
    private static readonly HashSet<string> s_now = ["now", "current", "currently", "today", "present", "incumbent", "new", "latest", "nowadays", "sitting"];
    private static readonly HashSet<string> s_former = ["former", "previous", "prior", "ex", "old", "earlier", "predecessor"];
    private static readonly HashSet<string> s_talks = ["talk", "negotiation", "negotiator", "deal", "tariff"];

    /// <summary>The two sides: every post is Japan's or the US's, so naming the country names no post.</summary>
    private static readonly HashSet<string> s_sides = ["us", "japan"];

    private readonly Dictionary<string, List<(HashSet<string> Terms, DateOnly? From, DateOnly? To)>> _roles = new(StringComparer.Ordinal);
    private readonly DateOnly _now;
    private readonly (DateOnly From, DateOnly To)? _talks;

    public RoleTimes(FactBase facts, Analyzer analyzer)
    {
        var titles = facts.People.SelectMany(p => p.Roles.Select(r => (Person: p, Role: r, Terms: analyzer.Terms(r.Title).ToHashSet(StringComparer.Ordinal)))).ToList();
        var nameWords = facts.People.SelectMany(p => analyzer.Terms(p.Title)).ToHashSet(StringComparer.Ordinal);
        var frequency = titles.SelectMany(t => t.Terms).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var common = Math.Max(3, titles.Count / 5);
        foreach (var (person, role, terms) in titles)
        {
            terms.RemoveWhere(t => frequency[t] > common || s_sides.Contains(t) || nameWords.Contains(t) || char.IsDigit(t[0]));
            if (terms.Count == 0 || (role.From is null && role.To is null))
            {
                continue;
            }

            if (!_roles.TryGetValue(person.Id, out var list))
            {
                _roles[person.Id] = list = [];
            }

            list.Add((terms, role.From?.Start, role.To?.End));
        }

        _now = facts.AsOf?.End ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var rounds = facts.Facts.Where(f => f.Kind == FactKind.Round && f.Number is not null && f.Date is not null).ToList();
        if (rounds.Count > 0)
        {
            _talks = (rounds.Min(r => r.Date!.Value.Start), rounds.Max(r => (r.EndDate ?? r.Date!.Value).End));
        }
    }

    /// <summary>The date "now" means: the fact base's as-of date.</summary>
    public DateOnly Now => _now;

    /// <summary>Does the question ask about the present ("now", "current", "today", "new")?</summary>
    public static bool AsksNow(IReadOnlyList<string> words) => words.Any(s_now.Contains);

    /// <summary>The time a question places its post in: "now", a date or year it names, "during the talks", or "former".</summary>
    public TimeFrame? Frame(IReadOnlyList<string> words, Entities entities)
    {
        if (AsksNow(words))
        {
            return new TimeFrame(_now, _now);
        }

        if (entities.From is { } from && entities.To is { } to)
        {
            return new TimeFrame(from, to);
        }

        foreach (var word in words)
        {
            if (word.Length == 4 && int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= 1900 and <= 2100)
            {
                return new TimeFrame(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
            }
        }

        if (_talks is { } talks && words.Contains("during") && words.Any(w => s_talks.Contains(Analyzer.Stem(w))))
        {
            return new TimeFrame(talks.From, talks.To);
        }

        return words.Any(s_former.Contains) ? new TimeFrame(DateOnly.MinValue, _now, Former: true) : null;
    }

    /// <summary>
    /// +1 when the person held a post the question names during the frame, -1 when every dated post of that name they
    /// held lies outside it, 0 when the question names no post of theirs or the dates don't say.
    /// </summary>
    public int Fit(Fact person, IReadOnlyCollection<string> questionTerms, TimeFrame frame)
    {
        if (!_roles.TryGetValue(person.Id, out var roles))
        {
            return 0;
        }

        var named = roles.Where(r => r.Terms.Overlaps(questionTerms)).ToList();
        if (named.Count == 0)
        {
            return 0;
        }

        if (frame.Former)
        {
            return named.Any(r => r.To is not null) ? 1 : -1;
        }

        return named.Any(r => (r.From ?? DateOnly.MinValue) <= frame.To && (r.To ?? DateOnly.MaxValue) >= frame.From) ? 1 : -1;
    }
}
