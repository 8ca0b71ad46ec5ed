using Bot.Commands;
using Bot.Discord;

namespace Bot.Tests.Discord;

public sealed class DiscordCustomIdTests
{
    [Fact]
    public void ForPage_RoundTripsCommandOptionsAndPage()
    {
        var origin = CommandRequest.Create(CommandNames.Who, CommandContext.Console, (OptionNames.Name, "赤沢 & co=1:2"));

        var id = DiscordCustomId.ForPage(origin, 3, forward: true);

        Assert.NotNull(id);
        Assert.True(id.Length <= 100);
        Assert.True(DiscordCustomId.TryParse(id, out var button));
        var page = Assert.IsType<DiscordButton.Page>(button);
        Assert.Equal(3, page.Target);
        Assert.Equal(CommandNames.Who, page.Command);
        Assert.Equal("赤沢 & co=1:2", page.Options[OptionNames.Name]);
    }

    [Fact]
    public void ForPage_DropsOptionsTheCommandDoesNotTake()
    {
        var origin = CommandRequest.Create(CommandNames.Timeline, CommandContext.Console, (OptionNames.From, "2025-01"), (OptionNames.Name, "x"));

        Assert.Equal("pg:p0:timeline:from=2025-01", DiscordCustomId.ForPage(origin, 0, forward: false));
    }

    [Theory]
    [InlineData(CommandNames.Subscribe)]
    [InlineData(CommandNames.Unsubscribe)]
    [InlineData("made-up")]
    public void ForPage_CommandThatChangesStateOrIsUnknown_HasNoButton(string command)
    {
        Assert.Null(DiscordCustomId.ForPage(CommandRequest.Create(command, CommandContext.Console), 1, forward: true));
    }

    [Fact]
    public void ForPage_RequestLongerThan100Characters_HasNoButton()
    {
        var origin = CommandRequest.Create(CommandNames.Ask, CommandContext.Console, (OptionNames.Question, new string('q', 90)));

        Assert.Null(DiscordCustomId.ForPage(origin, 1, forward: true));
    }

    [Fact]
    public void ForSuggestion_RoundTrips()
    {
        var id = DiscordCustomId.ForSuggestion(CommandNames.Who, "Scott Bessent");

        Assert.Equal("sg:who:Scott%20Bessent", id);
        Assert.True(DiscordCustomId.TryParse(id, out var button));
        Assert.Equal(new DiscordButton.Suggestion(CommandNames.Who, "Scott Bessent"), button);
    }

    [Theory]
    [InlineData("第4回交渉はいつ？", "sg:explain:第4回交渉はいつ？")]
    [InlineData("自動車関税 いま", "sg:explain:自動車関税%20いま")]
    [InlineData("Ishiba–Trump: 100%?", "sg:explain:Ishiba–Trump%3A%20100%25?")]
    [InlineData("zero\u200bwidth", "sg:explain:zero%E2%80%8Bwidth")]
    [InlineData("rice 🍚", "sg:explain:rice%20%F0%9F%8D%9A")]
    public void ForSuggestion_PrintableBeyondAsciiKeptAsIs_TheRestEscaped_AndRoundTrips(string question, string expected)
    {
        var id = DiscordCustomId.ForSuggestion(CommandNames.Explain, question);

        Assert.Equal(expected, id);
        Assert.True(DiscordCustomId.TryParse(id, out var button));
        Assert.Equal(new DiscordButton.Suggestion(CommandNames.Explain, question), button);
    }

    [Theory]
    [InlineData("sg:ask:%E7%AC%AC4%E5%9B%9E", "第4回")]
    [InlineData("sc:0a1b2c3d:ask:car%20tariff%20now%3F", "car tariff now?")]
    public void TryParse_FullyPercentEncodedIdsOfEarlierReleases_StillParse(string customId, string text)
    {
        Assert.True(DiscordCustomId.TryParse(customId, out var button));
        Assert.Equal(text, Assert.IsType<DiscordButton.Suggestion>(button).Text);
    }

    [Fact]
    public void ForSuggestion_JapaneseQuestionOf60Characters_StillFits()
    {
        var question = string.Concat(Enumerable.Repeat("赤沢亮正の交渉", 9))[..60];

        var id = DiscordCustomId.ForSuggestion(CommandNames.Explain, question);

        Assert.NotNull(id);
        Assert.True(id.Length <= 100);
    }

    [Fact]
    public void ForSuggestion_ForAKeptQuestion_CarriesItsTagAndRoundTrips()
    {
        var id = DiscordCustomId.ForSuggestion(CommandNames.Ask, "car tariff now?", "0a1b2c3d");

        Assert.Equal("sc:0a1b2c3d:ask:car%20tariff%20now?", id);
        Assert.True(DiscordCustomId.TryParse(id, out var button));
        Assert.Equal(new DiscordButton.Suggestion(CommandNames.Ask, "car tariff now?", "0a1b2c3d"), button);
    }

    [Fact]
    public void ForSuggestion_TagThatNoLongerFits_LeavesItOutRatherThanTheButton()
    {
        // 7 + 90 characters fit as a plain suggestion; with the 12 characters of the tag they would not.
        var text = new string('a', 90);

        Assert.Equal("sg:ask:" + text, DiscordCustomId.ForSuggestion(CommandNames.Ask, text, "0a1b2c3d"));
    }

    [Fact]
    public void ForSuggestion_FromACommandThatChangesState_IsAnsweredByAsk()
    {
        Assert.Equal("sg:ask:help", DiscordCustomId.ForSuggestion(CommandNames.Subscribe, "help"));
    }

    [Fact]
    public void TryParse_Share()
    {
        Assert.True(DiscordCustomId.TryParse("sh", out var button));
        Assert.IsType<DiscordButton.Share>(button);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("SH")]
    [InlineData("pg")]
    [InlineData("pg:n1")]
    [InlineData("pg:n1:who")]
    [InlineData("pg:n1000:who:")]
    [InlineData("pg:n:who:")]
    [InlineData("pg:n+1:who:")]
    [InlineData("pg:n1:WHO:")]
    [InlineData("pg:n1:subscribe:topics=all")]
    [InlineData("pg:n1:who:name")]
    [InlineData("pg:n1:who:=x")]
    [InlineData("pg:n1:who:name=")]
    [InlineData("pg:n1:who:name=a b")]
    [InlineData("pg:n1:who:name=%E8%B5")]
    [InlineData("pg:n1:who:name=%0A")]
    [InlineData("pg:n1:who:name=a\u200bb")]
    [InlineData("pg:n1:who:name=a\u00a0b")]
    [InlineData("pg:n1:who:name=x&name=y")]
    [InlineData("sg:who:")]
    [InlineData("sg:who:a:b")]
    [InlineData("sg:unsubscribe:x")]
    [InlineData("xx:who:x")]
    [InlineData("sc:0A1B2C3D:ask:x")]
    [InlineData("sc:0a1b2c3:ask:x")]
    [InlineData("sc:0a1b2c3d:subscribe:x")]
    [InlineData("sc:0a1b2c3d:ask:")]
    [InlineData("sc:ask:x")]
    public void TryParse_InvalidCustomId_Refuses(string? customId)
    {
        Assert.False(DiscordCustomId.TryParse(customId, out _));
    }

    [Fact]
    public void TryParse_Over100Characters_Refuses()
    {
        Assert.False(DiscordCustomId.TryParse("sg:ask:" + new string('a', 94), out _));
        Assert.True(DiscordCustomId.TryParse("sg:ask:" + new string('a', 93), out _));
    }
}
