using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Commands;
using Bot.Facts;
using Bot.Slack;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Slack;

public sealed class SlackRendererTests
{
    private static readonly Source s_source = new("s1", "Wire & Co", "Title <!channel>", new Uri("https://example.org/a?x=1&y=2"), new PartialDate(2025, 5, 1), null);

    [Fact]
    public void Escape_ReplacesOnlyTheThreeControlCharacters() =>
        Assert.Equal("&lt;!channel&gt; &amp; &lt;@U123&gt; *bold* _it_ \"q\" 'a' ü", SlackRenderer.Escape("<!channel> & <@U123> *bold* _it_ \"q\" 'a' ü"));

    [Fact]
    public void Render_FactWithMentionsLinksAndAmpersands_IsInertEverywhere()
    {
        var reply = new Reply
        {
            Kind = ReplyKind.Answer,
            Title = "<!everyone> & <@U123>",
            Body = "Text with <!channel>, <@U123>, <#C123>, <!subteam^S1>, <https://evil.example|click> & more.",
            Fields = [new ReplyField("<!here>", "<@U999> & co", Inline: true), new ReplyField("Long", "a <b> c")],
            Sources = [s_source],
            Suggestions = ["<!channel> suggestion"],
            AsOf = new PartialDate(2025, 6, 1),
        };

        foreach (var audience in new[] { SlackAudience.Ephemeral, SlackAudience.Channel })
        {
            var json = ToJson(SlackRenderer.Render(reply, CommandNames.Ask, new SlackView("ask <!channel> & <@U123>", 0, audience)));

            Assert.Empty(BlockKitRules.Violations(json));
            var text = SlackTestHost.AllText(json);
            Assert.Contains("Text with &lt;!channel&gt;, &lt;@U123&gt;, &lt;#C123&gt;, &lt;!subteam^S1&gt;, &lt;https://evil.example|click&gt; &amp; more.", text, StringComparison.Ordinal);
            Assert.Contains("*&lt;!here&gt;*\n&lt;@U999&gt; &amp; co", text, StringComparison.Ordinal);
            Assert.Contains("<https://example.org/a?x=1&amp;y=2|Wire &amp; Co: Title &lt;!channel&gt;>", text, StringComparison.Ordinal);
            Assert.StartsWith("&lt;!everyone&gt; &amp; &lt;@U123&gt;: Text with &lt;!channel&gt;", json["text"]!.GetValue<string>(), StringComparison.Ordinal);
            // Headers and buttons are plain_text, which Slack never parses for mentions: shown as typed.
            Assert.Equal("<!everyone> & <@U123>", json["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Render_AnswerWithRelatedQuestions_OffersThemAsAskButtonsToTheAskerOnly()
    {
        var reply = new Reply
        {
            Kind = ReplyKind.Answer,
            Title = "US tariff on steel and aluminum",
            Body = "50% since June 4, 2025.",
            Related = ["when did steel tariffs go to 50", "who is akazawa"],
        };

        var mine = ToJson(SlackRenderer.Render(reply, CommandNames.Ask, new SlackView("ask steel now", 0, SlackAudience.Ephemeral)));
        var shared = ToJson(SlackRenderer.Render(reply, CommandNames.Ask, new SlackView("ask steel now", 0, SlackAudience.Channel)));

        Assert.Empty(BlockKitRules.Violations(mine));
        var buttons = SlackTestHost.Buttons(mine).Where(IsRelated).ToList();
        Assert.Equal(["when did steel tariffs go to 50", "who is akazawa"], buttons.Select(b => b["text"]!["text"]!.GetValue<string>()));
        Assert.Equal(["talks.related.0", "talks.related.1"], buttons.Select(b => b["action_id"]!.GetValue<string>()));
        Assert.Equal("0|ask who is akazawa", buttons[1]["value"]!.GetValue<string>());
        Assert.DoesNotContain(SlackTestHost.Buttons(mine), b => b["action_id"]!.GetValue<string>().StartsWith("talks.suggest.", StringComparison.Ordinal));
        Assert.DoesNotContain(SlackTestHost.Buttons(shared), IsRelated);

        static bool IsRelated(JsonObject button) => button["action_id"]!.GetValue<string>().StartsWith("talks.related.", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReplyKind.Answer)]
    [InlineData(ReplyKind.Abstained)]
    public void Render_AskReply_OffersWhyToTheAskerOnly(ReplyKind kind)
    {
        var reply = new Reply { Kind = kind, Title = "Round 4", Body = "May 30, 2025.", Explains = "when was the 4th round?", Confidence = 0.866 };

        var mine = ToJson(SlackRenderer.Render(reply, CommandNames.Ask, new SlackView("ask when was the 4th round?", 0, SlackAudience.Ephemeral)));
        var shared = ToJson(SlackRenderer.Render(reply, CommandNames.Ask, new SlackView("ask when was the 4th round?", 0, SlackAudience.Channel)));

        Assert.Empty(BlockKitRules.Violations(mine));
        var why = Assert.Single(SlackTestHost.Buttons(mine), b => b["action_id"]!.GetValue<string>() == "talks.explain");
        Assert.Equal("Why?", why["text"]!["text"]!.GetValue<string>());
        Assert.Equal("0|when was the 4th round?", why["value"]!.GetValue<string>());
        Assert.Contains("confidence 86%", SlackTestHost.AllText(mine), StringComparison.Ordinal);
        Assert.DoesNotContain(SlackTestHost.Buttons(shared), b => b["action_id"]!.GetValue<string>() == "talks.explain");
    }

    [Fact]
    public void Render_HugeReply_EveryPageStaysWithinLimitsAndNothingIsLost()
    {
        var body = string.Join(' ', Enumerable.Range(0, 3000).Select(i => i % 7 == 0 ? "<&>" : "word" + i.ToString(CultureInfo.InvariantCulture)));
        var fields = Enumerable.Range(0, 120)
            .Select(i => new ReplyField($"Field {i} <&>", new string((char)('a' + (i % 26)), i % 5 == 0 ? 5000 : 100 + i) + " & end", Inline: i % 3 == 0))
            .ToList();
        var reply = new Reply
        {
            Kind = ReplyKind.Answer,
            Title = new string('T', 400),
            Body = body,
            Fields = fields,
            Sources = [.. Enumerable.Range(0, 80).Select(i => s_source with { Id = "s" + i, Title = "Source number " + i })],
            Suggestions = [.. Enumerable.Range(0, 9).Select(i => new string('s', 200) + i)],
            AsOf = new PartialDate(2025, 6, 1),
            Confidence = 0.42,
        };

        var pageCount = SlackRenderer.PageCount(reply);
        Assert.True(pageCount > 5);
        var seen = new List<string>();
        for (var page = 0; page < pageCount; page++)
        {
            var json = ToJson(SlackRenderer.Render(reply, CommandNames.Timeline, new SlackView("timeline", page, SlackAudience.Ephemeral)));
            Assert.Empty(BlockKitRules.Violations(json));
            Assert.Contains($"page {page + 1} of {pageCount}", SlackTestHost.AllText(json), StringComparison.Ordinal);
            seen.Add(SlackTestHost.AllText(json));
        }

        var all = string.Join('\n', seen);
        Assert.All(fields, f => Assert.Contains($"*{SlackRenderer.Escape(f.Name)}*", all, StringComparison.Ordinal));
        var words = all.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);
        Assert.All(Enumerable.Range(0, 3000).Where(i => i % 7 != 0), i => Assert.Contains("word" + i.ToString(CultureInfo.InvariantCulture), words));
    }

    [Fact]
    public void Render_PageBeyondTheEnd_ShowsTheLastPage()
    {
        var reply = ListReply(25);
        var last = SlackRenderer.PageCount(reply) - 1;

        var json = ToJson(SlackRenderer.Render(reply, CommandNames.Timeline, new SlackView("timeline", 99, SlackAudience.Ephemeral)));

        Assert.Contains($"page {last + 1} of {last + 1}", SlackTestHost.AllText(json), StringComparison.Ordinal);
        Assert.DoesNotContain(SlackTestHost.Buttons(json), b => b["action_id"]!.GetValue<string>() == "talks.page.next");
    }

    [Fact]
    public void Render_CommandTextTooLongForAButton_RendersWithoutNavigation()
    {
        var json = ToJson(SlackRenderer.Render(ListReply(25), CommandNames.Ask, new SlackView("ask " + new string('q', 2100), 0, SlackAudience.Ephemeral)));

        Assert.Empty(BlockKitRules.Violations(json));
        Assert.Empty(SlackTestHost.Buttons(json));
    }

    [Fact]
    public void Render_ForTheChannel_HasNoButtons()
    {
        var reply = ListReply(25) with { Suggestions = ["x"] };

        var json = ToJson(SlackRenderer.Render(reply, CommandNames.Timeline, new SlackView("timeline", 1, SlackAudience.Channel)));

        Assert.Equal("in_channel", json["response_type"]!.GetValue<string>());
        Assert.Empty(SlackTestHost.Buttons(json));
    }

    [Theory]
    [InlineData(3000)]
    [InlineData(50)]
    [InlineData(7)]
    public void SplitEscaped_PiecesFitAndJoinBackToTheText(int max)
    {
        var text = string.Concat(Enumerable.Repeat("a&b <c> d\n😀 e ", 400));

        var pieces = SlackRenderer.SplitEscaped(text, max);

        Assert.All(pieces, p => Assert.InRange(p.Length, 1, max));
        var joined = string.Concat(pieces.Select(p => p.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal)));
        Assert.Equal(new string([.. text.Where(c => !char.IsWhiteSpace(c))]), new string([.. joined.Where(c => !char.IsWhiteSpace(c))]));
    }

    [Fact]
    public async Task Render_EveryLookupReplyOfTheRealFactBase_StaysWithinBlockKitLimits()
    {
        await using var host = await CoreHost.StartAsync(RepoPaths.Facts);
        var dispatcher = host.Services.GetRequiredService<ICommandDispatcher>();
        var facts = host.Facts;
        // With the answers that list most facts: the deal's and the investment's overviews.
        var texts = new List<string> { "who", "round", "timeline", "purchases", "figures", "sources", "help", "changes", "subscriptions", "ask what's the deal", "ask summarize the $550 billion investment" };
        texts.AddRange(facts.People.Select(p => "who " + p.Title));
        texts.AddRange(facts.Rounds.Where(r => r.Number is not null).Select(r => "round " + r.Number!.Value.ToString(CultureInfo.InvariantCulture)));
        texts.AddRange(facts.OfKind(FactKind.Figure).Select(f => "figures " + f.Title));
        texts.AddRange(facts.OfKind(FactKind.Purchase).Select(f => "purchases " + f.Title));

        var rendered = 0;
        foreach (var text in texts)
        {
            var request = SlackCommandText.Parse(text, new CommandContext(Platform.Slack, "T1", "C1", "U1", true));
            var reply = await dispatcher.DispatchAsync(request, default);
            Assert.True(!text.StartsWith("ask ", StringComparison.Ordinal) || reply.Fields.Count >= 10, $"{text}: the overview's parts are not listed");
            for (var page = 0; page < SlackRenderer.PageCount(reply); page++)
            {
                foreach (var audience in new[] { SlackAudience.Ephemeral, SlackAudience.Channel })
                {
                    var json = ToJson(SlackRenderer.Render(reply, request.Name, new SlackView(text, page, audience)));
                    Assert.True(BlockKitRules.Violations(json) is [], $"{text} page {page}: {string.Join("; ", BlockKitRules.Violations(json))}");
                    rendered++;
                }
            }
        }

        // Every single fact, rendered as a whole answer too.
        foreach (var fact in facts.Facts)
        {
            var reply = FactReplies.ForFact(facts, fact);
            for (var page = 0; page < SlackRenderer.PageCount(reply); page++)
            {
                var json = ToJson(SlackRenderer.Render(reply, CommandNames.Ask, new SlackView("ask " + fact.Title, page, SlackAudience.Ephemeral)));
                Assert.True(BlockKitRules.Violations(json) is [], $"{fact.Id} page {page}: {string.Join("; ", BlockKitRules.Violations(json))}");
                rendered++;
            }
        }

        Assert.True(rendered > facts.Facts.Count);
    }

    [Theory]
    [InlineData("0|round 4", 0, "round 4")]
    [InlineData("12|timeline 2025-04 2025-05", 12, "timeline 2025-04 2025-05")]
    [InlineData("3|ask a|b", 3, "ask a|b")]
    public void ActionValue_RoundTrips(string value, int page, string text)
    {
        Assert.True(SlackActionValue.TryDecode(value, out var p, out var t));
        Assert.Equal((page, text), (p, t));
        Assert.Equal(value, SlackActionValue.Encode(page, text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("|round 4")]
    [InlineData("-1|round 4")]
    [InlineData("1000|round 4")]
    [InlineData("1e3|round 4")]
    [InlineData("round 4")]
    public void ActionValue_Malformed_IsRefused(string? value) =>
        Assert.False(SlackActionValue.TryDecode(value, out _, out _));

    private static Reply ListReply(int count) => new()
    {
        Kind = ReplyKind.Answer,
        Title = "Timeline",
        Body = "Events.",
        Fields = [.. Enumerable.Range(0, count).Select(i => new ReplyField("Event " + i, "Something happened."))],
    };

    internal static JsonObject ToJson(SlackMessage message) =>
        JsonNode.Parse(JsonSerializer.Serialize(message, SlackJsonContext.Default.SlackMessage))!.AsObject();
}
