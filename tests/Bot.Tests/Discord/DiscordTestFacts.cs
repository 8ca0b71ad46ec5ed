using System.Globalization;
using System.Text;

namespace Bot.Tests.Discord;

/// <summary>
/// A synthetic fact base for the Discord tests: a few people with aliases (one whose text tries to ping
/// <c>@everyone</c> and <c>&lt;@123&gt;</c> and uses markdown), eight numbered rounds, and enough long events that the
/// timeline needs several pages.
/// </summary>
internal static class DiscordTestFacts
{
    public const int EventCount = 40;

    public static FactFolder Create()
    {
        var folder = new FactFolder();
        folder.Write("sources.yaml", """
            sources:
              - id: s1
                publisher: Test Wire
                title: A test article about the talks
                url: https://example.org/a
                date: 2025-05-01
              - id: s2
                publisher: Other Paper (Tokyo)
                title: "A second article: [with brackets] and (parentheses)"
                url: https://example.org/b_(c)
                date: 2025-06
            """);
        folder.Write("people.yaml", """
            people:
              - id: ryosei-akazawa
                name: Ryosei Akazawa
                side: japan
                text: Japan's chief negotiator in the 2025 tariff talks.
                roles:
                  - title: Minister in charge of economic revitalization
                    from: 2024-10
                    to: 2025-10-21
                    sources: [s1]
                as_of: 2025-05-01
                sources: [s1]
                aliases: [Akazawa Ryosei, Akazawa, Japan's negotiator]
                phrasings: ["who is akazawa"]
              - id: scott-bessent
                name: Scott Bessent
                side: us
                text: "US Treasury Secretary. @everyone should read <@123> and **this** _now_ # not a heading.\n# Heading?\n> quote [link](https://evil.example) @here"
                roles:
                  - title: Secretary of the Treasury
                    from: 2025-01-28
                    sources: [s2]
                as_of: 2025-06-01
                sources: [s1, s2]
                aliases: [Bessent, Treasury Secretary, Treasury]
                phrasings: ["who is bessent"]
              - id: howard-lutnick
                name: Howard Lutnick
                side: us
                text: US Commerce Secretary.
                as_of: 2025-06-01
                sources: [s2]
                aliases: [Lutnick, Commerce Secretary]
                phrasings: ["who is lutnick"]
              - id: shigeru-ishiba
                name: Shigeru Ishiba
                side: japan
                text: Prime Minister of Japan.
                as_of: 2025-06-01
                sources: [s1]
                aliases: [Ishiba, Prime Minister Ishiba]
                phrasings: ["who is ishiba"]
            """);

        var rounds = new StringBuilder("rounds:\n");
        for (var n = 1; n <= 8; n++)
        {
            rounds.Append(CultureInfo.InvariantCulture, $"""
                  - id: round-{n}
                    number: {n}
                    title: Round {n}
                    date: 2025-{n + 3:D2}-1{n}
                    place: Washington, D.C.
                    japan: [ryosei-akazawa]
                    us: [scott-bessent, howard-lutnick]
                    outcome: Talks continued.
                    text: The {Ordinal(n)} round of talks in Washington.
                    as_of: 2025-11-01
                    sources: [s1]
                    phrasings: ["round {n}", "when was round {n}"]

                """);
        }

        folder.Write("rounds.yaml", rounds.ToString());

        var events = new StringBuilder("events:\n");
        for (var i = 1; i <= EventCount; i++)
        {
            events.Append(CultureInfo.InvariantCulture, $"""
                  - id: event-{i}
                    title: Event number {i}
                    date: 2025-{1 + (i % 12):D2}-{1 + (i % 27):D2}
                    text: "{string.Concat(Enumerable.Repeat($"Something happened on this day, part {i}, with details that make the text long. ", 5))}"
                    as_of: 2025-11-01
                    sources: [{(i % 2 == 0 ? "s1" : "s2")}]
                    phrasings: ["event {i}"]

                """);
        }

        folder.Write("events.yaml", events.ToString());
        return folder;
    }

    private static string Ordinal(int n) => n switch { 1 => "first", 2 => "second", 3 => "third", _ => n.ToString(CultureInfo.InvariantCulture) + "th" };
}
