using System.Text.Json;
using Bot.Commands;
using Bot.Discord;
using Bot.Facts;

namespace Bot.Tests.Discord;

public sealed class DiscordAutocompleteTests
{
    private sealed class Snapshot(FactBase current) : IFactBaseProvider
    {
        public FactBase Current { get; set; } = current;

        public event EventHandler<FactBaseChangedEventArgs>? Changed
        {
            add { }
            remove { }
        }
    }

    private static Fact Fact(string id, FactKind kind, string title, int? number = null, string[]? aliases = null, string? place = null) => new()
    {
        Id = id,
        Kind = kind,
        Title = title,
        Text = "text",
        AsOf = new PartialDate(2025, 1, 1),
        Date = kind == FactKind.Round ? new PartialDate(2025, 5, (number ?? 1) % 28 + 1) : null,
        SourceIds = ["s1"],
        Phrasings = ["q"],
        Aliases = aliases ?? [],
        Number = number,
        Place = place,
        Location = new FactLocation("test.yaml", 1),
    };

    private static FactBase Base(params Fact[] facts) => new(facts, [], new string('0', 64), DateTimeOffset.UnixEpoch);

    [Fact]
    public void Complete_ManyPeopleWithLongNames_AtMost25ChoicesWithin100Characters()
    {
        var people = Enumerable.Range(0, 60).Select(i => Fact($"p{i}", FactKind.Person, $"Person {i} " + new string('n', 150), aliases: [$"Alias {i} " + new string('a', 150)])).ToArray();
        var autocomplete = new DiscordAutocomplete(new Snapshot(Base(people)));

        foreach (var typed in new[] { "", "person", "alias", "n", "1" })
        {
            var choices = autocomplete.Complete(CommandNames.Who, OptionNames.Name, typed);

            Assert.InRange(choices.Count, 1, 25);
            Assert.All(choices, c => Assert.InRange(c.Name.Length, 1, 100));
            Assert.All(choices, c => Assert.InRange(c.Value.GetString()!.Length, 1, 100));
        }
    }

    [Fact]
    public void Complete_ManyRounds_AtMost25IntegerChoices()
    {
        var rounds = Enumerable.Range(1, 40).Select(i => Fact($"r{i}", FactKind.Round, $"Round {i}", number: i, place: "Somewhere " + new string('x', 120))).ToArray();
        var autocomplete = new DiscordAutocomplete(new Snapshot(Base(rounds)));

        var choices = autocomplete.Complete(CommandNames.Round, OptionNames.Number, "");

        Assert.Equal(25, choices.Count);
        Assert.All(choices, c => Assert.Equal(JsonValueKind.Number, c.Value.ValueKind));
        Assert.All(choices, c => Assert.InRange(c.Name.Length, 1, 100));
        Assert.Equal([3, 30, 31], autocomplete.Complete(CommandNames.Round, OptionNames.Number, "3").Take(3).Select(c => c.Value.GetInt32()));
    }

    [Fact]
    public void Complete_RoundsWithoutNumbers_AreNotOffered()
    {
        var autocomplete = new DiscordAutocomplete(new Snapshot(Base(Fact("r1", FactKind.Round, "Round 1", number: 1), Fact("trip", FactKind.Round, "Trip to Tokyo"))));

        Assert.Equal([1], autocomplete.Complete(CommandNames.Round, OptionNames.Number, "").Select(c => c.Value.GetInt32()));
    }

    [Fact]
    public void Complete_AccentsAndCase_AreIgnored()
    {
        var autocomplete = new DiscordAutocomplete(new Snapshot(Base(Fact("p", FactKind.Person, "José Müller"))));

        Assert.Equal("José Müller", Assert.Single(autocomplete.Complete(CommandNames.Who, OptionNames.Name, "MULL")).Name);
        Assert.Equal("José Müller", Assert.Single(autocomplete.Complete(CommandNames.Who, OptionNames.Name, "jose")).Name);
    }

    [Fact]
    public void Complete_FoldsLikeWho_PossessivesAndFullWidthLetters()
    {
        var autocomplete = new DiscordAutocomplete(new Snapshot(Base(Fact("p", FactKind.Person, "Ryosei Akazawa"))));

        // The same folding as `who` (TextNormalizer.Fold), so what autocomplete offers is what `who` accepts.
        Assert.Equal("Ryosei Akazawa", Assert.Single(autocomplete.Complete(CommandNames.Who, OptionNames.Name, "Akazawa's")).Name);
        Assert.Equal("Ryosei Akazawa", Assert.Single(autocomplete.Complete(CommandNames.Who, OptionNames.Name, "ＡＫＡＺＡＷＡ")).Name);
    }

    [Fact]
    public void Complete_NameInJapaneseScript_IsReadThroughTheGlossary()
    {
        var glossary = new Bot.Answering.JapaneseGlossary(new Dictionary<string, string> { ["赤沢"] = "akazawa" });
        var autocomplete = new DiscordAutocomplete(new Snapshot(Base(Fact("p", FactKind.Person, "Ryosei Akazawa"), Fact("q", FactKind.Person, "Scott Bessent"))), glossary);

        Assert.Equal("Ryosei Akazawa", Assert.Single(autocomplete.Complete(CommandNames.Who, OptionNames.Name, "赤沢")).Name);
        Assert.Empty(new DiscordAutocomplete(new Snapshot(Base(Fact("p", FactKind.Person, "Ryosei Akazawa")))).Complete(CommandNames.Who, OptionNames.Name, "赤沢"));
    }

    [Fact]
    public void Complete_NewSnapshot_OffersItsPeople()
    {
        var snapshot = new Snapshot(Base(Fact("a", FactKind.Person, "Alice Old")));
        var autocomplete = new DiscordAutocomplete(snapshot);
        Assert.Equal("Alice Old", Assert.Single(autocomplete.Complete(CommandNames.Who, OptionNames.Name, "")).Name);

        snapshot.Current = Base(Fact("b", FactKind.Person, "Bob New"));

        Assert.Equal("Bob New", Assert.Single(autocomplete.Complete(CommandNames.Who, OptionNames.Name, "")).Name);
    }

    [Fact]
    public void Complete_RankingPrefersNamePrefixOverSubstringOverTypo()
    {
        var autocomplete = new DiscordAutocomplete(new Snapshot(Base(
            Fact("a", FactKind.Person, "Tom Bessel"),
            Fact("b", FactKind.Person, "Bess Smith"),
            Fact("c", FactKind.Person, "Abess Jones"),
            Fact("d", FactKind.Person, "Zed Ness"))));

        var names = autocomplete.Complete(CommandNames.Who, OptionNames.Name, "bess").Select(c => c.Name).ToList();

        Assert.Equal(["Bess Smith", "Tom Bessel", "Abess Jones", "Zed Ness"], names);
    }
}
