using System.Text.Json.Nodes;
using Bot.Commands;

namespace Bot.Tests.Discord;

/// <summary>The real host with the real lookup handlers over the synthetic Discord test facts.</summary>
public sealed class DiscordLookupFixture : IAsyncLifetime
{
    private FactFolder? _facts;

    internal DiscordTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _facts = DiscordTestFacts.Create();
        Host = await DiscordTestHost.StartAsync(_facts.Path);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _facts?.Dispose();
    }
}

public sealed class DiscordInteractionHandlerLookupTests(DiscordLookupFixture fixture) : IClassFixture<DiscordLookupFixture>
{
    private DiscordTestHost Host => fixture.Host;

    [Fact]
    public async Task Timeline_PagesThroughEveryDatedEventWithButtons()
    {
        var page = await Host.AnsweredAsync(DiscordInteractionJson.Command(CommandNames.Timeline, DiscordInteractionJson.NewToken()));
        var seen = new List<string>();
        var pages = 0;
        while (true)
        {
            pages++;
            seen.AddRange((page["embeds"]![0]!["fields"] as JsonArray ?? []).Select(f => f!["name"]!.GetValue<string>()).Where(n => n.Contains(" — ", StringComparison.Ordinal)));
            var next = (page["components"]![0]!["components"] as JsonArray)!.Single(b => b!["label"]!.GetValue<string>() == "Next ▶")!;
            if (next["disabled"]?.GetValue<bool>() == true)
            {
                break;
            }

            page = await Host.AnsweredAsync(DiscordInteractionJson.Button(next["custom_id"]!.GetValue<string>(), DiscordInteractionJson.EchoMessage(page), DiscordInteractionJson.NewToken()), inlineType: 7);
            Assert.True(pages < 50, "pagination does not end");
        }

        Assert.Equal(DiscordTestFacts.EventCount + 8, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct(StringComparer.Ordinal).Count());
        Assert.True(pages > 1);
        Assert.Equal($"Page {pages}/{pages}", page["embeds"]![0]!["footer"]!["text"]!.GetValue<string>()[^$"Page {pages}/{pages}".Length..]);
    }

    [Fact]
    public async Task Timeline_PageButtonsCarryTheDateRange()
    {
        var first = await Host.AnsweredAsync(DiscordInteractionJson.Command(CommandNames.Timeline, DiscordInteractionJson.NewToken(), DiscordInteractionJson.PlainPermissions, ("from", "2025-03-01"), ("to", "2025-12-31")));
        var next = DiscordAssert.Button(first, "Next ▶");

        Assert.Equal("pg:n1:timeline:from=2025-03-01&to=2025-12-31", next);
        var second = await Host.AnsweredAsync(DiscordInteractionJson.Button(next, DiscordInteractionJson.EchoMessage(first), DiscordInteractionJson.NewToken()), inlineType: 7);
        var dates = (second["embeds"]![0]!["fields"] as JsonArray)!
            .Select(f => f!["name"]!.GetValue<string>())
            .Where(n => n.Contains(" — ", StringComparison.Ordinal))
            .Select(n => DateOnly.ParseExact(n[..n.IndexOf(" — ", StringComparison.Ordinal)].Split(" – ")[0], "MMMM d, yyyy", System.Globalization.CultureInfo.InvariantCulture))
            .ToList();
        Assert.NotEmpty(dates);
        Assert.All(dates, d => Assert.InRange(d, new DateOnly(2025, 3, 1), new DateOnly(2025, 12, 31)));
    }

    [Fact]
    public async Task Round_AnswersDatePlaceAndAttendeesWithSources()
    {
        var data = await Host.AnsweredAsync(DiscordInteractionJson.Command(CommandNames.Round, DiscordInteractionJson.NewToken(), DiscordInteractionJson.PlainPermissions, ("number", 4)));

        var text = DiscordAssert.Text(data);
        Assert.Equal("Round 4", data["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Contains("July 14, 2025", text, StringComparison.Ordinal);
        Assert.Contains("Scott Bessent", text, StringComparison.Ordinal);
        Assert.Contains("[Test Wire: A test article about the talks](https://example.org/a)", text, StringComparison.Ordinal);
        Assert.Contains("Sources: Test Wire · As of November 1, 2025", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Who_FactTextWithMentionsAndMarkdown_PingsNobodyAndShowsTheTextLiterally()
    {
        var data = await Host.AnsweredAsync(DiscordInteractionJson.Command(CommandNames.Who, DiscordInteractionJson.NewToken(), DiscordInteractionJson.PlainPermissions, ("name", "bessent")));

        var description = data["embeds"]![0]!["description"]!.GetValue<string>();
        Assert.Equal("""{"parse":[]}""", data["allowed_mentions"]!.ToJsonString());
        Assert.Contains("@\u200Beveryone", description, StringComparison.Ordinal);
        Assert.Contains("@\u200Bhere", description, StringComparison.Ordinal);
        Assert.Contains("\\<@123\\>", description, StringComparison.Ordinal);
        Assert.DoesNotContain("@everyone", description, StringComparison.Ordinal);
        Assert.Contains("\\*\\*this\\*\\*", description, StringComparison.Ordinal);
        Assert.Contains("\n\\# Heading?", description, StringComparison.Ordinal);
        Assert.Contains("\\[link\\](https://evil.example)", description, StringComparison.Ordinal);

        // Shared publicly: still nobody pinged.
        var shared = await Host.AnsweredAsync(DiscordInteractionJson.Button("sh", DiscordInteractionJson.EchoMessage(data), DiscordInteractionJson.NewToken()));
        Assert.Null(shared["flags"]);
        Assert.Equal("""{"parse":[]}""", shared["allowed_mentions"]!.ToJsonString());
        Assert.Equal(description, shared["embeds"]![0]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Who_AmbiguousName_OffersNameSuggestionsThatRunWhoAgain()
    {
        // "secretary" fits the Treasury and the Commerce Secretary equally: the lookup asks which one.
        var data = await Host.AnsweredAsync(DiscordInteractionJson.Command(CommandNames.Who, DiscordInteractionJson.NewToken(), DiscordInteractionJson.PlainPermissions, ("name", "secretary")));
        var suggestions = DiscordAssert.CustomIds(data).Where(id => id.StartsWith("sg:who:", StringComparison.Ordinal)).ToList();
        Assert.Contains("sg:who:Scott%20Bessent", suggestions);
        Assert.Contains("sg:who:Howard%20Lutnick", suggestions);

        var answer = await Host.AnsweredAsync(DiscordInteractionJson.Button("sg:who:Howard%20Lutnick", DiscordInteractionJson.EchoMessage(data), DiscordInteractionJson.NewToken()));

        Assert.Equal("Howard Lutnick", answer["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(64, answer["flags"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("bess", "Scott Bessent", "Scott Bessent")]
    [InlineData("BESSENT", "Scott Bessent", "Scott Bessent")]
    [InlineData("treasury", "Scott Bessent (Treasury Secretary)", "Scott Bessent")]
    [InlineData("akazwa", "Ryosei Akazawa", "Ryosei Akazawa")]
    [InlineData("ryosei", "Ryosei Akazawa", "Ryosei Akazawa")]
    [InlineData("negotiator", "Ryosei Akazawa (Japan's negotiator)", "Ryosei Akazawa")]
    [InlineData("lut", "Howard Lutnick", "Howard Lutnick")]
    [InlineData("ishiba", "Shigeru Ishiba", "Shigeru Ishiba")]
    public async Task Autocomplete_Who_OffersMatchingPeopleFirst(string typed, string name, string value)
    {
        var body = DiscordAssert.ValidResponse(await Host.PostAsync(DiscordInteractionJson.Autocomplete(CommandNames.Who, OptionNames.Name, typed)), 8);

        var first = body["data"]!["choices"]![0]!;
        Assert.Equal(name, first["name"]!.GetValue<string>());
        Assert.Equal(value, first["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Autocomplete_WhoWithNothingTyped_OffersEveryoneAlphabetically()
    {
        var body = DiscordAssert.ValidResponse(await Host.PostAsync(DiscordInteractionJson.Autocomplete(CommandNames.Who, OptionNames.Name, "")), 8);

        Assert.Equal(["Howard Lutnick", "Ryosei Akazawa", "Scott Bessent", "Shigeru Ishiba"], body["data"]!["choices"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Autocomplete_WhoNothingMatches_OffersNoChoices()
    {
        var body = DiscordAssert.ValidResponse(await Host.PostAsync(DiscordInteractionJson.Autocomplete(CommandNames.Who, OptionNames.Name, "qqqqqq")), 8);

        Assert.Empty(body["data"]!["choices"]!.AsArray());
    }

    [Fact]
    public async Task Autocomplete_RoundWithNothingTyped_OffersEveryNumberedRoundAsIntegers()
    {
        var body = DiscordAssert.ValidResponse(await Host.PostAsync(DiscordInteractionJson.Autocomplete(CommandNames.Round, OptionNames.Number, "", optionType: 4)), 8);

        var choices = body["data"]!["choices"]!.AsArray();
        Assert.Equal(Enumerable.Range(1, 8), choices.Select(c => c!["value"]!.GetValue<int>()));
        Assert.Equal("Round 4 · July 14, 2025 · Washington, D.C.", choices[3]!["name"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("4", 4)]
    [InlineData("july", 4)]
    [InlineData("8", 8)]
    public async Task Autocomplete_Round_OffersTheMatchingRoundFirst(string typed, int expected)
    {
        var body = DiscordAssert.ValidResponse(await Host.PostAsync(DiscordInteractionJson.Autocomplete(CommandNames.Round, OptionNames.Number, typed, optionType: 4)), 8);

        Assert.Equal(expected, body["data"]!["choices"]![0]!["value"]!.GetValue<int>());
    }

    [Fact]
    public async Task Autocomplete_FocusedValueSentAsNumber_StillCompletes()
    {
        var interaction = DiscordInteractionJson.Autocomplete(CommandNames.Round, OptionNames.Number, "", optionType: 4);
        interaction["data"]!["options"]![0]!["options"]![0]!["value"] = 3;

        var body = DiscordAssert.ValidResponse(await Host.PostAsync(interaction), 8);

        Assert.Equal(3, body["data"]!["choices"]![0]!["value"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(CommandNames.Figures, OptionNames.Name)]
    [InlineData(CommandNames.Ask, OptionNames.Question)]
    [InlineData("nope", "nothing")]
    public async Task Autocomplete_OptionWithoutAutocomplete_OffersNoChoices(string sub, string option)
    {
        var body = DiscordAssert.ValidResponse(await Host.PostAsync(DiscordInteractionJson.Autocomplete(sub, option, "a")), 8);

        Assert.Empty(body["data"]!["choices"]!.AsArray());
    }

    [Fact]
    public async Task Command_NotYetImplementedSubcommand_StillAnswersAValidMessage()
    {
        var result = await Host.PostAsync(DiscordInteractionJson.Command(CommandNames.Subscriptions, DiscordInteractionJson.NewToken()));

        var data = DiscordAssert.ValidResponse(result, 4)["data"]!;
        Assert.Equal(64, data["flags"]!.GetValue<int>());
    }
}
