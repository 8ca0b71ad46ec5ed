using System.Globalization;
using System.Text;

namespace Bot.Tests.TestSupport;

/// <summary>
/// A small fact base the tests control, written as YAML in the format of data/README.md into a temp folder, so a test
/// can make a new version (add a round, correct a figure, remove an event) and know exactly what the diff is.
/// </summary>
internal sealed class TestFactBase
{
    public List<(int Number, string Date, string Place, string Outcome)> Rounds { get; } =
    [
        (1, "2025-04-16", "Washington, D.C.", "Agreed to keep talking."),
        (2, "2025-05-01", "Washington, D.C.", "Discussed trade expansion and non-tariff barriers."),
    ];

    public List<(string Id, string Title, string Display, string Text)> Figures { get; } =
    [
        ("auto-tariff", "Tariff on Japanese cars", "27.5%", "The US tariff on Japanese cars stood at 27.5% in mid-2025."),
        ("reciprocal-tariff", "Reciprocal tariff on Japan", "24%", "The reciprocal tariff announced for Japan was 24%."),
    ];

    public List<(string Id, string Title, string Display, string Status)> Purchases { get; } =
    [
        ("boeing-aircraft", "100 Boeing aircraft", "100 aircraft", "announced by the White House"),
    ];

    public List<(string Id, string Title, string Date, string Text)> Events { get; } =
    [
        ("liberation-day", "\"Liberation Day\" tariffs announced", "2025-04-02", "The US announced reciprocal tariffs on most trading partners."),
    ];

    public static string CreateTempFolder(string prefix)
    {
        var path = Path.Combine(Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Writes every file of the fact base into <paramref name="folder"/>, replacing what is there.</summary>
    public void WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        Write(folder, "sources.yaml", """
            sources:
              - id: s1
                publisher: Kyodo News
                title: Japan and US hold tariff talks
                url: https://example.org/kyodo/talks
                date: 2025-05
              - id: s2
                publisher: Reuters
                title: US tariffs on Japan
                url: https://example.org/reuters/tariffs
                date: 2025-07-23
            """);
        Write(folder, "people.yaml", """
            people:
              - id: ryosei-akazawa
                name: Ryosei Akazawa
                side: japan
                text: Japan's chief negotiator in the 2025 tariff talks.
                as_of: 2025-05-01
                sources: [s1]
                phrasings: ["who is akazawa"]
              - id: scott-bessent
                name: Scott Bessent
                side: us
                text: US Treasury Secretary, a lead negotiator.
                as_of: 2025-05-01
                sources: [s1]
                phrasings: ["who is bessent"]
            """);

        var rounds = new StringBuilder("rounds:\n");
        foreach (var (number, date, place, outcome) in Rounds)
        {
            rounds.Append(CultureInfo.InvariantCulture, $"""
                  - id: round-{number}
                    number: {number}
                    title: Round {number}
                    date: {date}
                    place: {Q(place)}
                    japan: [ryosei-akazawa]
                    us: [scott-bessent]
                    outcome: {Q(outcome)}
                    text: {Q($"Round {number} of the talks took place in {place}.")}
                    as_of: {date}
                    sources: [s1]
                    phrasings: [{Q($"what happened in round {number}")}]

                """);
        }

        Write(folder, "rounds.yaml", rounds.ToString());

        var figures = new StringBuilder("figures:\n");
        foreach (var (id, title, display, text) in Figures)
        {
            figures.Append(CultureInfo.InvariantCulture, $"""
                  - id: {id}
                    title: {Q(title)}
                    amount: {"{"}unit: percent, display: {Q(display)}{"}"}
                    text: {Q(text)}
                    as_of: 2025-07-23
                    sources: [s2]
                    phrasings: [{Q($"what is the {title.ToLowerInvariant()}")}]

                """);
        }

        Write(folder, "figures.yaml", figures.ToString());

        var purchases = new StringBuilder("purchases:\n");
        foreach (var (id, title, display, status) in Purchases)
        {
            purchases.Append(CultureInfo.InvariantCulture, $"""
                  - id: {id}
                    title: {Q(title)}
                    amount: {"{"}unit: items, display: {Q(display)}{"}"}
                    status: {Q(status)}
                    text: {Q($"{title}, {status}.")}
                    as_of: 2025-07-23
                    sources: [s2]
                    phrasings: [{Q($"will japan buy {title.ToLowerInvariant()}")}]

                """);
        }

        Write(folder, "purchases.yaml", purchases.ToString());

        var events = new StringBuilder("events:\n");
        foreach (var (id, title, date, text) in Events)
        {
            events.Append(CultureInfo.InvariantCulture, $"""
                  - id: {id}
                    title: {Q(title)}
                    date: {date}
                    text: {Q(text)}
                    as_of: {date}
                    sources: [s1]
                    phrasings: [{Q($"what happened on {date}")}]

                """);
        }

        Write(folder, "events.yaml", Events.Count > 0 ? events.ToString() : "events: []\n");
    }

    private static void Write(string folder, string name, string text) =>
        File.WriteAllText(Path.Combine(folder, name), text.ReplaceLineEndings("\n"));

    /// <summary>A double-quoted YAML scalar.</summary>
    private static string Q(string text) => "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
