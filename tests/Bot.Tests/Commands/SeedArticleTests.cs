using Bot.Commands;

namespace Bot.Tests.Commands;

/// <summary>
/// Every fact of the seed article (shared/seed/article.txt), looked up through the command layer over the real
/// fact base. Each test names the article's claim it checks.
/// </summary>
public sealed class SeedArticleTests(RealFactBaseFixture fixture) : IClassFixture<RealFactBaseFixture>
{
    private CoreHost Host => fixture.Host;

    private static string AllText(Reply reply) =>
        string.Join('\n', new[] { reply.Title, reply.Body }.Concat(reply.Fields.Select(f => $"{f.Name}: {f.Value}")));

    private async Task<string> AnswerAsync(string command, params (string, string?)[] options)
    {
        var reply = await Host.RunAsync(command, options);
        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.NotEmpty(reply.Sources);
        Assert.NotNull(reply.AsOf);
        return AllText(reply);
    }

    [Fact]
    public async Task Akazawa_IsEconomicRevitalizationMinister_AndJapansTariffNegotiator()
    {
        var text = await AnswerAsync(CommandNames.Who, (OptionNames.Name, "akazawa"));

        Assert.Contains("economic revitalization", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("tariff", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("negotiat", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("bessent", "Treasury")]
    [InlineData("lutnick", "Commerce")]
    [InlineData("greer", "Trade Representative")]
    [InlineData("ishiba", "Prime Minister")]
    [InlineData("trump", "President")]
    [InlineData("abe", "Prime Minister")]
    public async Task Negotiators_AndLeaders_HaveTheirTitles(string name, string title)
    {
        var text = await AnswerAsync(CommandNames.Who, (OptionNames.Name, name));

        Assert.Contains(title, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Talks_StartedInApril2025()
    {
        var reply = await Host.RunAsync(CommandNames.Round, (OptionNames.Number, "1"));

        Assert.Contains(new ReplyField("Date", "April 16, 2025", Inline: true), reply.Fields);
        var april = AllText(await Host.RunAsync(CommandNames.Timeline, (OptionNames.From, "2025-04"), (OptionNames.To, "2025-04")));
        Assert.Contains("Round 1", april, StringComparison.Ordinal);
    }

    [Fact]
    public async Task May1Meeting_InWashington_AkazawaWithBessentLutnickAndGreer()
    {
        var reply = await Host.RunAsync(CommandNames.Round, (OptionNames.Number, "2"));
        var text = AllText(reply);

        Assert.Contains(new ReplyField("Date", "May 1, 2025", Inline: true), reply.Fields);
        Assert.Contains("Washington", text, StringComparison.Ordinal);
        Assert.Contains("Ryosei Akazawa (Minister in charge of economic revitalization", reply.Fields.Single(f => f.Name == "Japan").Value, StringComparison.Ordinal);
        var us = reply.Fields.Single(f => f.Name == "United States").Value;
        Assert.Contains("Scott Bessent", us, StringComparison.Ordinal);
        Assert.Contains("Howard Lutnick", us, StringComparison.Ordinal);
        Assert.Contains("Jamieson Greer", us, StringComparison.Ordinal);
    }

    [Fact]
    public async Task May29_AkazawaMetIshiba_BeforeTheFourthRound()
    {
        var reply = await Host.RunAsync(CommandNames.Timeline, (OptionNames.From, "2025-05-29"), (OptionNames.To, "2025-05-29"));

        var meeting = reply.Fields.Single(f => f.Name.StartsWith("May 29, 2025", StringComparison.Ordinal));
        Assert.Contains("Ishiba", meeting.Name + meeting.Value, StringComparison.Ordinal);
        Assert.Contains("fourth round", meeting.Value, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Round4_May30_2025_WithBessentAndLutnick()
    {
        var reply = await Host.RunAsync(CommandNames.Round, (OptionNames.Number, "fourth"));

        Assert.Contains(new ReplyField("Date", "May 30, 2025", Inline: true), reply.Fields);
        var us = reply.Fields.Single(f => f.Name == "United States").Value;
        Assert.Contains("Scott Bessent", us, StringComparison.Ordinal);
        Assert.Contains("Howard Lutnick", us, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefensePurchasePlan_TrillionsOfYen_TomahawksAndF35As()
    {
        var text = await AnswerAsync(CommandNames.Purchases, (OptionNames.Item, "defense equipment plan"));

        Assert.Contains("trillions of yen", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Tomahawk", text, StringComparison.Ordinal);
        Assert.Contains("F-35A", text, StringComparison.Ordinal);
        Assert.Contains("several years", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DefenseBuildupProgram_EstablishedEnd2022_FiveYearsThroughFiscal2027()
    {
        var text = await AnswerAsync(CommandNames.Figures, (OptionNames.Name, "defense buildup program"));

        Assert.Contains("2022", text, StringComparison.Ordinal);
        Assert.Contains("2027", text, StringComparison.Ordinal);
        Assert.Contains("five-year", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TradeDeficit_About10TrillionYen_69BillionDollars_ShownAsDisputed()
    {
        var reply = await Host.RunAsync(CommandNames.Figures, (OptionNames.Name, "trade deficit"));
        var text = AllText(reply);

        Assert.Contains("¥10 trillion ($69 billion)", text, StringComparison.Ordinal);
        Assert.True(reply.Fields.Count(f => f.Name.StartsWith("Claim — ", StringComparison.Ordinal)) >= 2, "the other measures of the deficit are shown as claims");
    }

    [Fact]
    public async Task Ishiba_SaidSecurityShouldNotBeLinkedWithTariffs()
    {
        var reply = await Host.RunAsync(CommandNames.Who, (OptionNames.Name, "shigeru ishiba"));

        var statements = reply.Fields.Single(f => f.Name == "Key statements").Value;
        Assert.Contains("Security", statements, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("tariff", statements, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Akazawa_DifferentLogicAndStandards_AndDefensePurchasesMightPlayARole()
    {
        var reply = await Host.RunAsync(CommandNames.Who, (OptionNames.Name, "Akazawa Ryosei"));

        var statements = reply.Fields.Single(f => f.Name == "Key statements").Value;
        Assert.Contains("different logic and standards apply to each", statements, StringComparison.Ordinal);
        Assert.Contains("defense equipment", statements, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstTrumpTerm_AbeGovernmentAgreedToBuy105MoreF35s()
    {
        var text = await AnswerAsync(CommandNames.Purchases, (OptionNames.Item, "105 f-35"));

        Assert.Contains("105", text, StringComparison.Ordinal);
        Assert.Contains("Abe", text, StringComparison.Ordinal);
        Assert.Contains("first term", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task GovernmentOfficial_ShowTrumpTheNumbers_IsInTheFactBase()
    {
        var reply = await Host.RunAsync(CommandNames.Timeline, (OptionNames.From, "2025-05"), (OptionNames.To, "2025-06"));

        Assert.Contains(reply.Fields, f => f.Value.Contains("official", StringComparison.Ordinal)
            && f.Value.Contains("shown the numbers", StringComparison.Ordinal)
            && f.Value.Contains("Trump", StringComparison.Ordinal));
    }
}
