using Bot.Commands;
using Bot.Slack;

namespace Bot.Tests.Slack;

public sealed class SlackCommandTextTests
{
    private static readonly CommandContext s_context = new(Platform.Slack, "T1", "C1", "U1", CanManageChannel: false);

    [Theory]
    [InlineData("round 4", "round", "number=4")]
    [InlineData("ROUND #4", "round", "number=4")]
    [InlineData("round fourth", "round", "number=fourth")]
    [InlineData("round", "round", "")]
    [InlineData("round of talks in may?", "ask", "question=round of talks in may?")]
    [InlineData("who bessent", "who", "name=bessent")]
    [InlineData("who Ryosei Akazawa", "who", "name=Ryosei Akazawa")]
    [InlineData("who", "who", "")]
    [InlineData("who is akazawa", "ask", "question=who is akazawa")]
    [InlineData("who signed the deal in september", "ask", "question=who signed the deal in september")]
    [InlineData("who bessent?", "ask", "question=who bessent?")]
    [InlineData("ask", "ask", "")]
    [InlineData("what did akazawa sign in september", "ask", "question=what did akazawa sign in september")]
    [InlineData("  help  ", "help", "")]
    [InlineData("help me please", "help", "")]
    [InlineData("timeline from 2025-04 until 2025-06", "timeline", "from=2025-04;to=2025-06")]
    [InlineData("timeline to:2025-06", "timeline", "to=2025-06")]
    [InlineData("changes since:2025-10-01", "changes", "since=2025-10-01")]
    [InlineData("subscribe rounds figures", "subscribe", "topics=rounds,figures")]
    [InlineData("subscribe rounds, figures digest", "subscribe", "digest=true;topics=rounds,figures")]
    [InlineData("subscribe topics=events immediate", "subscribe", "digest=false;topics=events")]
    public void Parse_MapsTextToCommandAndOptions(string text, string name, string options)
    {
        var request = SlackCommandText.Parse(text, s_context);

        Assert.Equal(name, request.Name);
        Assert.Equal(options, string.Join(';', request.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}")));
        Assert.Same(s_context, request.Context);
    }

    [Theory]
    [InlineData("&lt;!channel&gt; &amp; &lt;@U123&gt;", "<!channel> & <@U123>")]
    [InlineData("&amp;lt;", "&lt;")]
    [InlineData("plain", "plain")]
    public void Unescape_UndoesSlacksThreeEntitiesOnce(string text, string expected) =>
        Assert.Equal(expected, SlackCommandText.Unescape(text));

    [Theory]
    [InlineData("who", "Scott Bessent", "who Scott Bessent")]
    [InlineData("round", "round 5", "round 5")]
    [InlineData("ask", "who is akazawa", "ask who is akazawa")]
    [InlineData("figures", "auto tariff", "figures auto tariff")]
    [InlineData("unknown", "help", "help")]
    [InlineData("unknown", "what now", "ask what now")]
    public void ForSuggestion_RunsTheSuggestionForTheRightCommand(string origin, string suggestion, string expected) =>
        Assert.Equal(expected, SlackCommandText.ForSuggestion(origin, suggestion));
}
