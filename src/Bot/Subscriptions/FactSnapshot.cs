using System.Globalization;
using Bot.Facts;

namespace Bot.Subscriptions;

/// <summary>A source as an update post cites it.</summary>
internal sealed record SourceRef(string Publisher, string Title, string Url, string Date);

/// <summary>One named value of a fact as readers see it ("Amount" = "about ¥10 trillion (about $69 billion)").</summary>
internal sealed record FieldValue(string Name, string Value);

/// <summary>
/// A fact reduced to what readers see: its display fields in a fixed order and its sources. Retrieval aids
/// (phrasings, aliases) and the as-of date are left out, so changing only them is not news.
/// </summary>
internal sealed record FactRecord(string Id, FactKind Kind, string Title, string Text, IReadOnlyList<FieldValue> Fields, IReadOnlyList<SourceRef> Sources)
{
    public static FactRecord From(Fact fact, FactBase facts)
    {
        var fields = new List<FieldValue>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                fields.Add(new FieldValue(name, value.Trim()));
            }
        }

        string Names(IEnumerable<string> ids) => string.Join(", ", ids.Select(id => facts.Find(id)?.Title ?? id));

        Add("Title", fact.Title);
        Add("Text", fact.Text);
        Add("Date", fact.Date is { } d ? fact.EndDate is { } e && e != d ? $"{d} to {e}" : d.ToString() : null);
        Add("Side", fact.Side switch { Side.Japan => "Japan", Side.UnitedStates => "United States", Side.Other => "other", _ => null });
        Add("Roles", string.Join("; ", fact.Roles.Select(r => $"{r.Title} ({r.From?.ToString() ?? "?"} – {r.To?.ToString() ?? "now"})")));
        Add("Statements", string.Join("; ", fact.Statements.Select(s => $"{s.Date}: {s.Text}")));
        Add("Number", fact.Number?.ToString(CultureInfo.InvariantCulture));
        Add("Place", fact.Place);
        Add("Japan delegation", Names(fact.JapanAttendees));
        Add("US delegation", Names(fact.UsAttendees));
        Add("Duration", fact.Duration);
        Add("Topics", string.Join(", ", fact.Topics));
        Add("Outcome", fact.Outcome);
        Add("Amount", fact.Amount is { } a ? a.Converted is { } c ? $"{a.Display} ({c})" : a.Display : null);
        Add("Status", fact.Status);
        Add("Claims", string.Join("; ", fact.Claims.Select(c => $"{c.By}: {c.Text}")));
        Add("People", Names(fact.People));

        var sources = facts.SourcesOf(fact)
            .Select(s => new SourceRef(s.Publisher, s.Title, s.Url.ToString(), s.Date.ToString()))
            .ToList();
        Add("Sources", string.Join("; ", sources.Select(s => $"{s.Publisher}, {s.Date}")));
        return new FactRecord(fact.Id, fact.Kind, fact.Title, fact.Text, fields, sources);
    }
}

/// <summary>The facts of one version as readers see them; stored with the version so the next one can be diffed.</summary>
internal sealed record FactSnapshot(string Version, IReadOnlyList<FactRecord> Facts)
{
    public static FactSnapshot From(FactBase facts) =>
        new(facts.Version, [.. facts.Facts.OrderBy(f => f.Id, StringComparer.Ordinal).Select(f => FactRecord.From(f, facts))]);
}
