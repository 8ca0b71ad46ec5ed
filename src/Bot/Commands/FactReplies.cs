using System.Globalization;
using Bot.Answering;
using Bot.Facts;

namespace Bot.Commands;

/// <summary>Builds replies from facts: the shared shape of every lookup's answer.</summary>
public static class FactReplies
{
    /// <summary>One fact in full: its text, kind-specific fields, disputed claims, sources and as-of date.</summary>
    public static Reply ForFact(FactBase facts, Fact fact) => ForFact(facts, fact, null);

    /// <summary>
    /// One fact in full, in Japanese when <paramref name="japanese"/> is given (a lookup typed in Japanese script): the
    /// title and text in Japanese, with the status, the people an event involves and the disputed claims in the text in
    /// Japanese too; the fields' labels, a side and a date in Japanese (<see cref="InJapanese(ReplyField, Fact)"/>). The
    /// other values (a person's titles, rounds and statements; a round's place, attendees, topics and outcome; figures)
    /// are the fact base's English, as are the sources.
    /// </summary>
    internal static Reply ForFact(FactBase facts, Fact fact, JapaneseAnswer? japanese)
    {
        var fields = new List<ReplyField>();
        switch (fact.Kind)
        {
            case FactKind.Person:
                AddPersonFields(facts, fact, fields);
                break;
            case FactKind.Round:
                AddRoundFields(facts, fact, fields);
                break;
            default:
                if (DateRange(fact) is { } when)
                {
                    fields.Add(new ReplyField("Date", when, Inline: true));
                }

                if (fact.Amount is { } amount)
                {
                    fields.Add(new ReplyField("Figure", FormatAmount(amount), Inline: true));
                }

                if (fact.Status is { } status && japanese is null)
                {
                    fields.Add(new ReplyField("Status", status, Inline: true));
                }

                if (fact.People.Count > 0 && (japanese is null || japanese.People.Count == 0))
                {
                    fields.Add(new ReplyField("People", string.Join(", ", fact.People.Select(p => PersonName(facts, p)))));
                }

                break;
        }

        if (japanese is null)
        {
            AddClaims(facts, fact, fields);
        }
        else
        {
            for (var i = 0; i < fields.Count; i++)
            {
                fields[i] = InJapanese(fields[i], fact);
            }
        }

        return new Reply
        {
            Kind = ReplyKind.Answer,
            Title = japanese is null ? fact.Title : AnswerComposer.JapaneseTitle(fact, japanese),
            Body = japanese is null ? fact.Text : AnswerComposer.JapaneseBody(fact, japanese, facts),
            Fields = fields,
            Sources = facts.SourcesOf(fact),
            AsOf = fact.AsOf,
            FactIds = [fact.Id],
        };
    }

    /// <summary>Added to a lookup typed in Japanese whose fact has no current Japanese.</summary>
    public const string NoJapaneseYet = "この項目の日本語訳はまだないため、英語で表示しています。";

    /// <summary>
    /// The fact a lookup found, in Japanese when <paramref name="typed"/> (the lookup's text) is in Japanese script and
    /// the fact has a current translation; in English otherwise, saying so in Japanese when it was typed in Japanese.
    /// </summary>
    internal static Reply ForLookup(FactBase facts, Fact fact, string? typed, JapaneseFacts? japanese)
    {
        if (!JapaneseGlossary.HasJapanese(typed))
        {
            return ForFact(facts, fact);
        }

        if ((japanese ?? JapaneseFacts.None).For(fact, facts) is { } inJapanese)
        {
            return ForFact(facts, fact, inJapanese);
        }

        var english = ForFact(facts, fact);
        return english with { Body = english.Body + "\n" + NoJapaneseYet };
    }

    /// <summary>The labels of a lookup's fields in Japanese; "（英語）" marks those whose values stay the fact base's
    /// English prose.</summary>
    private static readonly Dictionary<string, string> s_japaneseLabels = new(StringComparer.Ordinal)
    {
        ["Side"] = "所属",
        ["Titles"] = "肩書き（英語）",
        ["Rounds attended"] = "出席した交渉（英語）",
        ["Key statements"] = "主な発言（英語の要約）",
        ["Date"] = "日付",
        ["Place"] = "場所（英語）",
        ["Duration"] = "会談時間（英語）",
        ["Japan"] = "日本側出席者（英語）",
        ["United States"] = "米国側出席者（英語）",
        ["Topics"] = "議題（英語）",
        ["Outcome"] = "結果（英語）",
        ["Figure"] = "数値（英語）",
        ["People"] = "関係者（英語）",
    };

    /// <summary>A field of a lookup answered in Japanese: its label in Japanese, a side and a date written the Japanese
    /// way ("2025年5月30日"); other values as they are.</summary>
    private static ReplyField InJapanese(ReplyField field, Fact fact) => field with
    {
        Name = s_japaneseLabels.GetValueOrDefault(field.Name, field.Name),
        Value = field.Name switch
        {
            "Side" => fact.Side switch { Side.Japan => "日本", Side.UnitedStates => "米国", _ => "その他" },
            "Date" when fact.Date is not null => JapaneseDateRange(fact)!,
            _ => field.Value,
        },
    };

    /// <summary>A fact's date or span written the Japanese way, "2025年6月5日〜2025年6月6日"; null when undated (as
    /// <see cref="DateRange"/>).</summary>
    public static string? JapaneseDateRange(Fact fact) => fact.Date switch
    {
        null => null,
        { } start when fact.EndDate is { } end && end != start => $"{JapaneseDate(start)}〜{JapaneseDate(end)}",
        { } start => JapaneseDate(start),
    };

    /// <summary>"2025年5月30日", "2019年10月", "2018年".</summary>
    public static string JapaneseDate(PartialDate date) => string.Create(CultureInfo.InvariantCulture,
        $"{date.Year}年{(date.Month is { } month ? $"{month}月" : "")}{(date.Day is { } day ? $"{day}日" : "")}");

    /// <summary>A list of facts, one field each (adapters paginate long lists).</summary>
    public static Reply ForList(FactBase facts, string title, string body, IReadOnlyList<Fact> list, Func<Fact, ReplyField> field) => new()
    {
        Kind = ReplyKind.Answer,
        Title = title,
        Body = body,
        Fields = [.. list.Select(field)],
        Sources = [.. list.SelectMany(facts.SourcesOf).DistinctBy(s => s.Id)],
        AsOf = list.Count == 0 ? null : list.Max(f => f.AsOf),
        FactIds = [.. list.Select(f => f.Id)],
    };

    /// <summary>Nothing matched: say so, and offer the closest names.</summary>
    public static Reply NotFound(string what, string query, IEnumerable<string> suggestions, string hint) => new()
    {
        Kind = ReplyKind.NotFound,
        Title = $"No {what} matches \"{Shorten(query, 80)}\"",
        Body = hint,
        Suggestions = [.. suggestions.Distinct(StringComparer.OrdinalIgnoreCase).Take(3)],
    };

    /// <summary>
    /// Nothing matched a lookup: said in Japanese when <paramref name="typed"/> is in Japanese script
    /// (<paramref name="japanese"/>: what was looked for, and the hint), else as <see cref="NotFound"/> says it. The
    /// closest names offered are the fact base's, in English.
    /// </summary>
    internal static Reply NotFound(string? typed, (string What, string Query, string Hint) english, (string What, string Hint) japanese, IEnumerable<string> suggestions) =>
        JapaneseGlossary.HasJapanese(typed)
            ? NotFound(english.What, english.Query, suggestions, japanese.Hint) with { Title = $"「{Shorten(typed.Trim(), 80)}」に該当する{japanese.What}は見つかりません" }
            : NotFound(english.What, english.Query, suggestions, english.Hint);

    public static string FormatAmount(Amount amount) =>
        amount.Converted is { } converted ? $"{amount.Display} ({converted})" : amount.Display;

    /// <summary>A dated fact as a list entry names it, "July 22, 2025 — Round 8": the timeline's entries and an answer
    /// that lists a day's or month's occasions.</summary>
    public static string DatedTitle(Fact fact) => $"{DateRange(fact)} — {fact.Title}";

    public static string? DateRange(Fact fact) => fact.Date switch
    {
        null => null,
        { } start when fact.EndDate is { } end && end != start => $"{start.ToDisplay()} – {end.ToDisplay()}",
        { } start => start.ToDisplay(),
    };

    public static string PersonName(FactBase facts, string personId) => facts.Find(personId)?.Title ?? personId;

    /// <summary>The person's main title on a date: the first listed role held then, else the latest role.</summary>
    public static string? TitleOn(Fact person, PartialDate? date) =>
        date is { } d && person.Roles.FirstOrDefault(r => Holds(r, d)) is { } held ? held.Title : (person.Roles.Count > 0 ? person.Roles[^1].Title : null);

    /// <summary>The person's most recent title as of a date: the latest-starting role held then.</summary>
    public static string? CurrentTitle(Fact person, PartialDate asOf) =>
        person.Roles.Where(r => Holds(r, asOf)).OrderBy(r => r.From).LastOrDefault()?.Title ?? (person.Roles.Count > 0 ? person.Roles[^1].Title : null);

    private static bool Holds(Role role, PartialDate date) => (role.From is null || role.From <= date) && (role.To is null || role.To >= date);

    public static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private static void AddPersonFields(FactBase facts, Fact person, List<ReplyField> fields)
    {
        if (person.Side is { } side)
        {
            fields.Add(new ReplyField("Side", side switch
            {
                Side.Japan => "Japan",
                Side.UnitedStates => "United States",
                _ => "Other",
            }, Inline: true));
        }

        if (person.Roles.Count > 0)
        {
            fields.Add(new ReplyField("Titles", string.Join('\n', person.Roles.Select(FormatRole))));
        }

        var rounds = facts.Rounds
            .Where(r => r.JapanAttendees.Contains(person.Id, StringComparer.Ordinal) || r.UsAttendees.Contains(person.Id, StringComparer.Ordinal))
            .ToList();
        if (rounds.Count > 0)
        {
            fields.Add(new ReplyField("Rounds attended", string.Join('\n', rounds.Select(r => $"{r.Title} — {DateRange(r)}"))));
        }

        if (person.Statements.Count > 0)
        {
            fields.Add(new ReplyField("Key statements", string.Join('\n', person.Statements.OrderBy(s => s.Date).Select(s => $"{s.Date.ToDisplay()}: {s.Text}"))));
        }
    }

    private static void AddRoundFields(FactBase facts, Fact round, List<ReplyField> fields)
    {
        if (DateRange(round) is { } when)
        {
            fields.Add(new ReplyField("Date", when, Inline: true));
        }

        if (round.Place is { } place)
        {
            fields.Add(new ReplyField("Place", place, Inline: true));
        }

        if (round.Duration is { } duration)
        {
            fields.Add(new ReplyField("Duration", duration, Inline: true));
        }

        if (round.JapanAttendees.Count > 0)
        {
            fields.Add(new ReplyField("Japan", Attendees(facts, round, round.JapanAttendees)));
        }

        if (round.UsAttendees.Count > 0)
        {
            fields.Add(new ReplyField("United States", Attendees(facts, round, round.UsAttendees)));
        }

        if (round.Topics.Count > 0)
        {
            fields.Add(new ReplyField("Topics", string.Join("; ", round.Topics)));
        }

        if (round.Outcome is { } outcome)
        {
            fields.Add(new ReplyField("Outcome", outcome));
        }
    }

    private static string Attendees(FactBase facts, Fact round, IReadOnlyList<string> ids) =>
        string.Join('\n', ids.Select(id => facts.Find(id) is { } person && TitleOn(person, round.Date) is { } title
            ? $"{person.Title} ({title})"
            : PersonName(facts, id)));

    private static void AddClaims(FactBase facts, Fact fact, List<ReplyField> fields)
    {
        foreach (var claim in fact.Claims)
        {
            var cited = string.Join("; ", claim.SourceIds.Select(facts.FindSource).OfType<Source>().Select(s => $"{s.Publisher}, {s.Date}"));
            fields.Add(new ReplyField($"Claim — {claim.By}", cited.Length > 0 ? $"{claim.Text} ({cited})" : claim.Text));
        }
    }

    private static string FormatRole(Role role)
    {
        var span = (role.From, role.To) switch
        {
            (null, null) => "",
            ({ } from, null) => $" (from {from.ToDisplay()})",
            (null, { } to) => $" (until {to.ToDisplay()})",
            ({ } from, { } to) => string.Create(CultureInfo.InvariantCulture, $" ({from.ToDisplay()} – {to.ToDisplay()})"),
        };
        return role.Title + span;
    }
}
