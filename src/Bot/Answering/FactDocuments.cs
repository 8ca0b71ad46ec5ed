using Bot.Facts;

namespace Bot.Answering;

/// <summary>The searchable text of a fact: its names (title, aliases), questions (phrasings) and content.</summary>
internal static class FactDocuments
{
    /// <summary>Names: title and aliases; they count twice in BM25.</summary>
    public static IEnumerable<string> Names(Fact fact) => fact.Aliases.Prepend(fact.Title);

    /// <summary>Everything else a question could mention.</summary>
    public static IEnumerable<string> Content(Fact fact, FactBase facts)
    {
        yield return fact.Text;
        if (fact.Date is { } date)
        {
            yield return date.ToDisplay();
        }

        foreach (var phrasing in fact.Phrasings)
        {
            yield return phrasing;
        }

        foreach (var role in fact.Roles)
        {
            yield return role.Title;
        }

        // Words for what the roles hold, so "what is ishiba's job" and "akazawa position?" find the person's titles.
        if (fact.Roles.Count > 0)
        {
            yield return "title position";
        }

        foreach (var claim in fact.Claims)
        {
            yield return claim.By + " " + claim.Text;
        }

        if (fact.Place is { } place)
        {
            yield return place;
        }

        if (fact.Duration is { } duration)
        {
            yield return "lasted " + duration;
        }

        foreach (var topic in fact.Topics)
        {
            yield return topic;
        }

        if (fact.Outcome is { } outcome)
        {
            yield return outcome;
        }

        if (fact.Amount is { } amount)
        {
            yield return amount.Display + " " + amount.Unit + " " + amount.Converted;
        }

        if (fact.Status is { } status)
        {
            yield return status;
        }

        // A word for what the delegations hold, so "who attended round 8" finds the round.
        if (Participants(fact).Any())
        {
            yield return "attended by";
        }

        foreach (var person in fact.JapanAttendees.Concat(fact.UsAttendees).Concat(fact.People).Distinct(StringComparer.Ordinal))
        {
            if (facts.Find(person) is { } p)
            {
                yield return p.Title;
            }
        }
    }

    /// <summary>What the fact itself says, in its own words: title, text, each claim and each statement (not its
    /// curated questions or other names).</summary>
    public static string OwnText(Fact fact) =>
        string.Join(" ", new[] { fact.Title, fact.Text }.Concat(fact.Claims.Select(c => c.Text)).Concat(fact.Statements.Select(st => st.Text)));

    /// <summary>Texts embedded for semantic ranking: the statement itself, each curated question, for a person each
    /// thing they said ("what did akazawa say about defense"), and for a round or event who took part ("who attended
    /// the february summit").</summary>
    public static IEnumerable<string> SemanticTexts(Fact fact, FactBase facts)
    {
        yield return fact.Title + ". " + fact.Text;
        foreach (var phrasing in fact.Phrasings)
        {
            yield return phrasing;
        }

        foreach (var statement in fact.Statements)
        {
            yield return fact.Title + " said: " + statement.Text;
        }

        var attendees = Participants(fact)
            .Select(id => facts.Find(id)?.Title).OfType<string>().ToList();
        if (attendees.Count > 0)
        {
            yield return "Who took part in " + fact.Title + ": " + string.Join(", ", attendees);
        }
    }

    /// <summary>Who took part: a round's delegations, or the people an event involves when there are several (a single
    /// one is usually the person who acted: a statement, a post, a decision).</summary>
    private static IEnumerable<string> Participants(Fact fact) =>
        fact.JapanAttendees.Concat(fact.UsAttendees).Concat(fact.Kind == FactKind.Event && fact.People.Count >= 2 ? fact.People : []);

    /// <summary>Words eligible as spelling targets: names, aliases, places and titles, where typos hurt most.</summary>
    public static IEnumerable<string> SpellingTargets(Fact fact) =>
        Names(fact).Concat(fact.Roles.Select(r => r.Title)).Concat(fact.Topics).Concat(fact.Place is null ? [] : [fact.Place]);
}
