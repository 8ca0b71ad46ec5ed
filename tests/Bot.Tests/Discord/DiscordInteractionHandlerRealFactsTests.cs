using System.Text.Json.Nodes;
using Bot.Commands;
using Bot.Discord;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Discord;

/// <summary>The real host over the real, curated fact base (data/facts), with the real lookup handlers.</summary>
public sealed class DiscordRealFactsFixture : IAsyncLifetime
{
    internal DiscordTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Host = await DiscordTestHost.StartAsync(RepoPaths.Facts);

        // The index is built before the first question, so answers mostly come inline; a busy machine's deferred answers
        // are read from the edit that follows (DiscordTestHost.AnsweredAsync).
        await Host.Services.GetRequiredService<Bot.Answering.IAnswerEngine>().WarmUpAsync(default);
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

public sealed class DiscordInteractionHandlerRealFactsTests(DiscordRealFactsFixture fixture) : IClassFixture<DiscordRealFactsFixture>
{
    private DiscordTestHost Host => fixture.Host;

    private Task<JsonNode> CommandAsync(string sub, params (string Name, object Value)[] options) =>
        Host.AnsweredAsync(DiscordInteractionJson.Command(sub, DiscordInteractionJson.NewToken(), DiscordInteractionJson.PlainPermissions, options));

    [Fact]
    public async Task Ask_SuggestionClickedForAKeptQuestion_AnswersAndKeepsTheUsersChoice()
    {
        await using var host = await DiscordTestHost.StartAsync(RepoPaths.Facts, settings: new Dictionary<string, string?>
        {
            ["Answering:RecordUnanswered"] = "true",
        });
        await host.Services.GetRequiredService<Bot.Answering.IAnswerEngine>().WarmUpAsync(default);
        var store = host.Services.GetRequiredService<Bot.Answering.IUnansweredStore>();
        const string question = "tariff stuff for japan lately";
        var unsure = await host.AnsweredAsync(
            DiscordInteractionJson.Command(CommandNames.Ask, DiscordInteractionJson.NewToken(), DiscordInteractionJson.PlainPermissions, ("question", question)));
        var tag = Bot.Answering.UnansweredQuestion.Tag(question);
        var suggestion = DiscordAssert.CustomIds(unsure).First(id => id.StartsWith($"sc:{tag}:ask:", StringComparison.Ordinal));

        var answered = await host.AnsweredAsync(
            DiscordInteractionJson.Button(suggestion, DiscordInteractionJson.EchoMessage(unsure), DiscordInteractionJson.NewToken()));

        Assert.DoesNotContain("I don't have", DiscordAssert.Text(answered), StringComparison.Ordinal);
        await Bot.Tests.TestSupport.Eventually.TrueAsync(
            async () => (await store.ListUnansweredAsync(null, 10, default)) is [{ Chosen.Count: 1 }],
            () => Task.FromResult("the choice was not kept with its question"));
        var entry = Assert.Single(await store.ListUnansweredAsync(null, 10, default));
        Assert.Equal(question, entry.Question);
        Assert.Contains(Assert.Single(entry.Chosen).FactId, entry.Suggestions);
    }

    [Fact]
    public async Task Ask_RelatedQuestionClicked_AnswersThatFact()
    {
        var data = await CommandAsync(CommandNames.Ask, ("question", "is the steel levy still 50"));
        Assert.Equal("US tariff on steel and aluminum", data["embeds"]![0]!["title"]!.GetValue<string>());
        var related = DiscordAssert.CustomIds(data).Single(id => id.StartsWith("sg:ask:", StringComparison.Ordinal));

        var answered = await Host.AnsweredAsync(
            DiscordInteractionJson.Button(related, DiscordInteractionJson.EchoMessage(data), DiscordInteractionJson.NewToken()));

        // The button asks the related fact's curated question, which answers that fact.
        Assert.Equal("Steel and aluminum tariffs doubled to 50%", answered["embeds"]![0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Ask_WholeDeal_ListsItsPartsWithinDiscordsLimits()
    {
        // Fifteen parts and their sources: the response must stay a valid message (checked against the spec and the limits).
        var data = await CommandAsync(CommandNames.Ask, ("question", "what's the deal"));

        Assert.Equal("Trump announces the Japan deal", data["embeds"]![0]!["title"]!.GetValue<string>());
        var fields = data["embeds"]!.AsArray().SelectMany(e => e!["fields"] as JsonArray ?? []).Select(f => f!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("Ishiba confirms the deal", fields);
        Assert.Contains("White House summary of the deal", fields);
    }

    [Fact]
    public async Task Ask_WhyClicked_ExplainsTheAnswerInANewEphemeralMessage()
    {
        var data = await CommandAsync(CommandNames.Ask, ("question", "when was round 4"));
        var why = DiscordAssert.Button(data, "Why?");

        var explained = await Host.AnsweredAsync(
            DiscordInteractionJson.Button(why, DiscordInteractionJson.EchoMessage(data), DiscordInteractionJson.NewToken()));

        Assert.Equal("Why: \"when was round 4\"", explained["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Contains("round-4", DiscordAssert.Text(explained), StringComparison.Ordinal);
        Assert.Equal(DiscordBits.Ephemeral, explained["flags"]!.GetValue<int>());
        Assert.DoesNotContain(DiscordAssert.CustomIds(explained), id => id is DiscordCustomId.ShareId || id.StartsWith("sg:explain:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Who_Akazawa_AnswersEconomicRevitalizationAndTheTalksWithSources()
    {
        var data = await CommandAsync(CommandNames.Who, ("name", "akazawa"));

        var text = DiscordAssert.Text(data);
        Assert.Equal("Ryosei Akazawa", data["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Contains("economic revitalization", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Sources: ", data["embeds"]![0]!["footer"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains(" · As of ", data["embeds"]![0]!["footer"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("](https://", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_4_AnswersTheDateAndTheUsNegotiators()
    {
        var text = DiscordAssert.Text(await CommandAsync(CommandNames.Round, ("number", 4)));

        Assert.Contains("May 30, 2025", text, StringComparison.Ordinal);
        Assert.Contains("Bessent", text, StringComparison.Ordinal);
        Assert.Contains("Lutnick", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_Unbounded_PagesThroughEveryDatedFact()
    {
        var page = await CommandAsync(CommandNames.Timeline);
        var description = page["embeds"]![0]!["description"]!.GetValue<string>();
        var total = int.Parse(description[..description.IndexOf(' ', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
        var seen = 0;
        for (var pages = 1; ; pages++)
        {
            seen += (page["embeds"]![0]!["fields"] as JsonArray ?? []).Count(f => f!["name"]!.GetValue<string>() is not ("Sources" or "Sources (continued)"));
            var next = (page["components"]![0]!["components"] as JsonArray)!.Single(b => b!["label"]!.GetValue<string>() == "Next ▶")!;
            if (next["disabled"]?.GetValue<bool>() == true)
            {
                break;
            }

            Assert.True(pages < 100);
            page = await Host.AnsweredAsync(
                DiscordInteractionJson.Button(next["custom_id"]!.GetValue<string>(), DiscordInteractionJson.EchoMessage(page), DiscordInteractionJson.NewToken()), inlineType: 7);
        }

        Assert.Equal(total, seen);
    }

    [Theory]
    [InlineData(CommandNames.Who)]
    [InlineData(CommandNames.Round)]
    [InlineData(CommandNames.Purchases)]
    [InlineData(CommandNames.Figures)]
    [InlineData(CommandNames.Sources)]
    [InlineData(CommandNames.Help)]
    public async Task Lists_AnswerValidMessages(string sub)
    {
        var data = await CommandAsync(sub);

        Assert.NotEmpty(DiscordAssert.Text(data));
    }

    [Theory]
    [InlineData("akaz", "Ryosei Akazawa")]
    [InlineData("bessent", "Scott Bessent")]
    [InlineData("greer", "Jamieson Greer")]
    public async Task Autocomplete_Who_OffersThePerson(string typed, string name)
    {
        var body = DiscordAssert.ValidResponse(await Host.PostAsync(DiscordInteractionJson.Autocomplete(CommandNames.Who, OptionNames.Name, typed)), 8);

        Assert.Equal(name, body["data"]!["choices"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Autocomplete_Round_OffersEveryNumberedRound()
    {
        var body = DiscordAssert.ValidResponse(await Host.PostAsync(DiscordInteractionJson.Autocomplete(CommandNames.Round, OptionNames.Number, "", optionType: 4)), 8);

        var numbers = body["data"]!["choices"]!.AsArray().Select(c => c!["value"]!.GetValue<int>()).ToList();
        Assert.Equal(Enumerable.Range(1, numbers.Count), numbers);
        Assert.True(numbers.Count >= 8);
    }
}
