using Bot.Commands;

namespace Bot.Tests.Commands;

/// <summary>Behaviour of the lookup handlers on a small fact base whose content the tests control.</summary>
public sealed class CommandHandlerTests : IAsyncLifetime
{
    private const string Rounds = """
        rounds:
          - id: round-1
            number: 1
            title: Round 1
            date: 2025-04-16
            place: Washington, D.C.
            japan: [ryosei-akazawa]
            us: [scott-bessent]
            text: The first round.
            as_of: 2025-04-18
            sources: [s1]
            phrasings: ["first round"]
          - id: round-2
            number: 2
            title: Round 2
            date: 2025-05-01
            place: Washington, D.C.
            japan: [ryosei-akazawa]
            us: [scott-bessent]
            duration: about 130 minutes
            outcome: Working-level talks to start at once.
            text: The second round.
            as_of: 2025-05-02
            sources: [s1]
            phrasings: ["second round"]
        """;

    private const string People = FactFolder.MinimalPeople + "\n" + """
          - id: scott-bessent
            name: Scott Bessent
            side: us
            text: US Treasury Secretary.
            roles:
              - title: Secretary of the Treasury
                from: 2025-01
                sources: [s1]
            statements:
              - date: 2025-04-17
                text: Talks are going in a highly satisfactory direction.
                sources: [s1]
            as_of: 2025-05-01
            sources: [s1]
            aliases: [Bessent, treasury secretary]
            phrasings: ["who is bessent"]
        """;

    private const string Figures = """
        figures:
          - id: tariff-autos-total
            title: Total tariff on Japanese cars before the deal
            amount: {value: 27.5, unit: percent, display: "27.5%"}
            date: 2025-04-03
            text: 27.5 percent.
            as_of: 2025-09-16
            sources: [s1]
            phrasings: ["car tariff before the deal"]
          - id: tariff-autos-agreed
            title: Agreed tariff on Japanese cars
            amount: {value: 15, unit: percent, display: "15%"}
            date: 2025-09-16
            text: 15 percent.
            as_of: 2025-09-16
            sources: [s1]
            phrasings: ["car tariff now"]
            claims:
              - by: White House
                text: It took effect on September 16.
                sources: [s1]
        """;

    private readonly FactFolder _folder = FactFolder.Minimal().Write("people.yaml", People).Write("rounds.yaml", Rounds).Write("figures.yaml", Figures);
    private CoreHost? _host;

    private CoreHost Host => _host!;

    public async Task InitializeAsync() => _host = await CoreHost.StartAsync(_folder.Path);

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _folder.Dispose();
    }

    [Theory]
    [InlineData("akazawa")]
    [InlineData("Akazawa Ryosei")]
    [InlineData("ryosei akazawa")]
    [InlineData("AKAZAWA's")]
    [InlineData("akazwa")]
    [InlineData("赤沢")]
    [InlineData("赤沢亮正")]
    public async Task Who_NameInAnyFormOrWithATypo_FindsThePerson(string name)
    {
        var reply = await Host.RunAsync(CommandNames.Who, (OptionNames.Name, name));

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(["ryosei-akazawa"], reply.FactIds);
        Assert.Contains(reply.Fields, f => f.Name == "Titles" && f.Value.Contains("economic revitalization (October 2024 – October 21, 2025)", StringComparison.Ordinal));
        Assert.Contains(reply.Fields, f => f.Name == "Rounds attended" && f.Value.Contains("Round 2 — May 1, 2025", StringComparison.Ordinal));
        Assert.Equal("Test Wire", Assert.Single(reply.Sources).Publisher);
    }

    [Theory]
    [InlineData("Treasury Secretary")]
    [InlineData("ベッセント")]
    [InlineData("財務長官")]
    public async Task Who_ByTitleOrInJapanese_FindsThePerson(string name)
    {
        var reply = await Host.RunAsync(CommandNames.Who, (OptionNames.Name, name));

        Assert.Equal(["scott-bessent"], reply.FactIds);
        Assert.Contains(reply.Fields, f => f.Name == "Key statements" && f.Value.StartsWith("April 17, 2025: ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Who_UnknownPerson_SuggestsClosestNamesWithoutThrowing()
    {
        var reply = await Host.RunAsync(CommandNames.Who, (OptionNames.Name, "basant"));

        Assert.Equal(ReplyKind.NotFound, reply.Kind);
        Assert.Contains("basant", reply.Title, StringComparison.Ordinal);
        Assert.Equal("Scott Bessent", reply.Suggestions[0]);
        Assert.Empty(reply.FactIds);
    }

    [Fact]
    public async Task Who_NoName_ListsEveryone()
    {
        var reply = await Host.RunAsync(CommandNames.Who);

        Assert.Equal(["Ryosei Akazawa", "Scott Bessent"], reply.Fields.Select(f => f.Name));
    }

    [Theory]
    [InlineData("2")]
    [InlineData("2nd")]
    [InlineData("second")]
    [InlineData("round two")]
    [InlineData("2nd talks")]
    [InlineData("2025-05-01")]
    [InlineData("第2回")]
    [InlineData("第二回交渉")]
    public async Task Round_NumberInAnyForm_GivesDatePlaceAttendeesAndOutcome(string number)
    {
        var reply = await Host.RunAsync(CommandNames.Round, (OptionNames.Number, number));

        Assert.Equal(["round-2"], reply.FactIds);
        Assert.Contains(new ReplyField("Date", "May 1, 2025", Inline: true), reply.Fields);
        Assert.Contains(new ReplyField("Japan", "Ryosei Akazawa (Minister in charge of economic revitalization)"), reply.Fields);
        Assert.Contains(new ReplyField("United States", "Scott Bessent (Secretary of the Treasury)"), reply.Fields);
        Assert.Contains(new ReplyField("Outcome", "Working-level talks to start at once."), reply.Fields);
    }

    [Fact]
    public async Task Round_NumberNotInFactBase_SaysWhichRoundsExistAndSuggestsNearest()
    {
        var reply = await Host.RunAsync(CommandNames.Round, (OptionNames.Number, "12"));

        Assert.Equal(ReplyKind.NotFound, reply.Kind);
        Assert.Contains("numbered 1–2", reply.Body, StringComparison.Ordinal);
        Assert.Equal("round 2", reply.Suggestions[0]);
    }

    [Fact]
    public async Task Round_NoNumber_ListsRoundsInDateOrder()
    {
        var reply = await Host.RunAsync(CommandNames.Round);

        Assert.Equal(["round-1", "round-2"], reply.FactIds);
    }

    [Fact]
    public async Task Timeline_Range_KeepsOnlyEventsInsideIt()
    {
        var reply = await Host.RunAsync(CommandNames.Timeline, (OptionNames.From, "2025-04-20"), (OptionNames.To, "2025-05"));

        Assert.Equal(["round-2"], reply.FactIds);
        Assert.Contains("from April 20, 2025 to May 2025", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Timeline_BadDate_IsRejectedWithTheExpectedFormat()
    {
        var reply = await Host.RunAsync(CommandNames.Timeline, (OptionNames.From, "last tuesday"));

        Assert.Equal(ReplyKind.Rejected, reply.Kind);
        Assert.Contains("YYYY-MM-DD", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Figures_SharedWord_ListsEveryMatch()
    {
        var reply = await Host.RunAsync(CommandNames.Figures, (OptionNames.Name, "tariff cars"));

        Assert.Equal(["tariff-autos-total", "tariff-autos-agreed"], reply.FactIds);
    }

    [Fact]
    public async Task Figures_DisputedFact_ShowsEachClaimWithItsSource()
    {
        var reply = await Host.RunAsync(CommandNames.Figures, (OptionNames.Name, "agreed tariff on japanese cars"));

        Assert.Equal(["tariff-autos-agreed"], reply.FactIds);
        Assert.Contains(new ReplyField("Claim — White House", "It took effect on September 16. (Test Wire, 2025-05-01)"), reply.Fields);
        Assert.Contains(new ReplyField("Figure", "15%", Inline: true), reply.Fields);
    }

    [Fact]
    public async Task Sources_ReportsCountsVersionAndEverySource()
    {
        var reply = await Host.RunAsync(CommandNames.Sources);

        Assert.Contains("6 curated facts (2 people, 2 rounds and trips, 2 figures), 1 of them disputed", reply.Body, StringComparison.Ordinal);
        Assert.Contains(Host.Facts.ShortVersion, reply.Body, StringComparison.Ordinal);
        Assert.Single(reply.Fields);
    }

    [Fact]
    public async Task Dispatch_UnknownCommand_AnswersWithUsage()
    {
        var reply = await Host.RunAsync("dance");

        Assert.Equal(ReplyKind.Usage, reply.Kind);
        Assert.Contains("There is no \"dance\" command", reply.Body, StringComparison.Ordinal);
    }
}
