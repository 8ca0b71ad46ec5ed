using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Commands;
using Bot.Discord;
using Bot.Facts;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Discord;

public sealed class DiscordRendererTests
{
    private static readonly string[] s_nasty =
    [
        "@everyone", "@here", "<@123>", "<@&456>", "<#789>", "**bold**", "__u__", "~~s~~", "`code`", "```block```", "||spoiler||",
        "[link](https://evil.example)", "> quote", "# heading", "-# small", "1. item", "\\", "\\\\", "😀", "日本語", "¥10兆", "\u200B",
        "https://example.org/a_b_(c)", "\n", "\n\n", "\t", "  ", "a", "word", "Akazawa", "$550 billion", "–", "…",
    ];

    [Fact]
    public void Render_RandomReplies_EveryPageWithinEveryLimit()
    {
        var random = new Random(20251125);
        for (var n = 0; n < 100; n++)
        {
            var reply = RandomReply(random, huge: n % 10 == 0);
            var origin = CommandRequest.Create(CommandNames.Timeline, CommandContext.Console, (OptionNames.From, "2025-01-01"), (OptionNames.To, "2025-12-31"));
            var pages = DiscordRenderer.PageCount(reply);
            var all = new StringBuilder();
            for (var page = 0; page < pages; page++)
            {
                var message = Json(DiscordRenderer.Render(reply, origin, page, ephemeral: random.Next(2) == 0));
                Assert.Empty(DiscordDocumentedLimits.CheckMessage(message));
                if (page == 0 || page == pages - 1)
                {
                    // The spec check is slower; the first and last pages cover every kind of block.
                    DiscordAssert.ValidMessage(message);
                }

                all.Append(DiscordAssert.Text(message)).Append('\n');
                if (pages > 1)
                {
                    Assert.EndsWith($"Page {page + 1}/{pages}", message["embeds"]![0]!["footer"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
                }
            }

            Assert.True(all.Length > 0);
        }
    }

    [Fact]
    public void RenderPages_LongReply_KeepsEveryWordOnceAndInOrder()
    {
        var body = string.Join(' ', Enumerable.Range(0, 3000).Select(i => $"b{i}"));
        var reply = new Reply
        {
            Kind = ReplyKind.Answer,
            Title = "Words",
            Body = body,
            Fields = [.. Enumerable.Range(0, 60).Select(f => new ReplyField($"Field {f}", string.Join(f % 2 == 0 ? ' ' : '\n', Enumerable.Range(0, 40 + (f * 13)).Select(i => $"f{f}w{i}"))))],
        };

        var pages = DiscordRenderer.RenderPages(reply);
        var words = pages
            .SelectMany(p => new[] { p.Description ?? "" }.Concat((p.Fields ?? []).Select(f => f.Value)))
            .SelectMany(t => t.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
            .ToList();

        var expected = body.Split(' ').Concat(reply.Fields.SelectMany(f => f.Value.Split([' ', '\n']))).ToList();
        Assert.Equal(expected, words);
        Assert.All(pages, p => Assert.True((p.Fields?.Count ?? 0) <= DiscordRenderer.FieldsPerPage));
    }

    [Fact]
    public void RenderPages_VeryLongBody_SplitsIntoSeveralPagesWithinLimits()
    {
        var reply = new Reply { Kind = ReplyKind.Answer, Title = "Long", Body = string.Concat(Enumerable.Repeat("A sentence about tariffs. ", 2000)) };

        var pages = DiscordRenderer.RenderPages(reply);

        Assert.True(pages.Count >= 12, $"{pages.Count} pages");
        Assert.All(pages, p => Assert.InRange(p.Description!.Length, 1, 4096));
    }

    [Fact]
    public void Render_PageBeyondTheLast_ShowsTheLast()
    {
        var reply = DiscordCommandsFixture.ManyFields("Many");
        var count = DiscordRenderer.PageCount(reply);

        var message = Json(DiscordRenderer.Render(reply, CommandRequest.Create(CommandNames.Figures, CommandContext.Console), 99, ephemeral: true));

        Assert.EndsWith($"Page {count}/{count}", message["embeds"]![0]!["footer"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_RequestTooLongForAButton_ShowsFirstPageAndSaysTheRestIsNotShown()
    {
        var reply = DiscordCommandsFixture.ManyFields("Many");
        var origin = CommandRequest.Create(CommandNames.Ask, CommandContext.Console, (OptionNames.Question, new string('q', 120)));

        var message = Json(DiscordRenderer.Render(reply, origin, 0, ephemeral: true));

        DiscordAssert.ValidMessage(message);
        Assert.DoesNotContain(DiscordAssert.CustomIds(message), id => id.StartsWith("pg:", StringComparison.Ordinal));
        Assert.Contains("more page(s) not shown", message["embeds"]![0]!["footer"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReplyKind.Answer, true, true)]
    [InlineData(ReplyKind.Answer, false, false)]
    [InlineData(ReplyKind.NotFound, true, false)]
    [InlineData(ReplyKind.Rejected, true, false)]
    [InlineData(ReplyKind.Usage, true, false)]
    public void Render_ShareButton_OnlyOnEphemeralAnswers(ReplyKind kind, bool ephemeral, bool share)
    {
        var message = Json(DiscordRenderer.Render(new Reply { Kind = kind, Title = "T", Body = "B" }, null, 0, ephemeral));

        Assert.Equal(share, DiscordAssert.CustomIds(message).Contains("sh"));
        Assert.Equal(ephemeral ? 64 : null, message["flags"]?.GetValue<int>());
    }

    [Fact]
    public void Render_ManySuggestions_AtMostFiveUniqueButtonsAndAllListed()
    {
        var reply = new Reply
        {
            Kind = ReplyKind.Abstained,
            Title = "Not sure",
            Suggestions = [.. Enumerable.Range(1, 8).Select(i => $"Question {i}?"), "Question 1?", "", "   "],
        };

        var message = Json(DiscordRenderer.Render(reply, CommandRequest.Create(CommandNames.Ask, CommandContext.Console), 0, ephemeral: true));

        DiscordAssert.ValidMessage(message);
        Assert.Equal(5, DiscordAssert.CustomIds(message).Count(id => id.StartsWith("sg:ask:", StringComparison.Ordinal)));
        Assert.Contains("• Question 8?", DiscordAssert.Text(message), StringComparison.Ordinal);
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
        var origin = CommandRequest.Create(CommandNames.Ask, CommandContext.Console);

        var mine = Json(DiscordRenderer.Render(reply, origin, 0, ephemeral: true));
        var shared = Json(DiscordRenderer.Render(reply, origin, 0, ephemeral: false));

        DiscordAssert.ValidMessage(mine);
        var buttons = (mine["components"] as JsonArray)!.SelectMany(row => (row!["components"] as JsonArray)!)
            .Where(b => b!["custom_id"]!.GetValue<string>().StartsWith("sg:ask:", StringComparison.Ordinal)).ToList();
        Assert.Equal(["when did steel tariffs go to 50", "who is akazawa"], buttons.Select(b => b!["label"]!.GetValue<string>()));
        Assert.All(buttons, b => Assert.Equal(ComponentType.StyleSecondary, b!["style"]!.GetValue<int>()));
        Assert.Equal(DiscordCustomId.ForSuggestion(CommandNames.Ask, "who is akazawa", null), DiscordAssert.Button(mine, "who is akazawa"));

        // They are not a "did you mean", and a shared answer is the answer alone.
        Assert.DoesNotContain("Did you mean", DiscordAssert.Text(mine), StringComparison.Ordinal);
        Assert.DoesNotContain(DiscordAssert.CustomIds(shared), id => id.StartsWith("sg:", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(ReplyKind.Answer)]
    [InlineData(ReplyKind.Abstained)]
    public void Render_AskReply_OffersWhyToTheAskerOnly(ReplyKind kind)
    {
        var reply = new Reply { Kind = kind, Title = "Round 4", Body = "May 30, 2025.", Explains = "when was the 4th round?", Confidence = 0.866 };
        var origin = CommandRequest.Create(CommandNames.Ask, CommandContext.Console);

        var mine = Json(DiscordRenderer.Render(reply, origin, 0, ephemeral: true));
        var shared = Json(DiscordRenderer.Render(reply, origin, 0, ephemeral: false));

        DiscordAssert.ValidMessage(mine);

        // Rounded down: a confidence just under an 87% threshold never reads as 87%.
        Assert.EndsWith("Confidence 86%", mine["embeds"]![0]!["footer"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        var why = DiscordAssert.Button(mine, "Why?");
        Assert.Equal("sg:explain:when%20was%20the%204th%20round?", why);
        Assert.True(DiscordCustomId.TryParse(why, out var button));
        var request = DiscordInteractionHandler.SuggestionRequest((DiscordButton.Suggestion)button, CommandContext.Console);
        Assert.Equal(CommandNames.Explain, request.Name);
        Assert.Equal("when was the 4th round?", request.Option(OptionNames.Question));
        Assert.DoesNotContain(DiscordAssert.CustomIds(shared), id => id.StartsWith("sg:explain:", StringComparison.Ordinal));
    }

    [Fact]
    public void SuggestionRequest_TextThatIsExplain_IsAQuestionNotTheExplainCommand()
    {
        var request = DiscordInteractionHandler.SuggestionRequest(new DiscordButton.Suggestion(CommandNames.Ask, "explain"), CommandContext.Console);

        Assert.Equal((CommandNames.Ask, "explain"), (request.Name, request.Option(OptionNames.Question)));
    }

    [Fact]
    public void Render_WhyForAQuestionNamingACommand_ExplainsThatQuestion()
    {
        var reply = new Reply { Kind = ReplyKind.Abstained, Title = "I don't have that", Explains = "sources" };

        var why = DiscordAssert.Button(Json(DiscordRenderer.Render(reply, null, 0, ephemeral: true)), "Why?");

        Assert.True(DiscordCustomId.TryParse(why, out var button));
        var request = DiscordInteractionHandler.SuggestionRequest((DiscordButton.Suggestion)button, CommandContext.Console);
        Assert.Equal((CommandNames.Explain, "sources"), (request.Name, request.Option(OptionNames.Question)));
    }

    [Fact]
    public void Render_MentionsEverywhere_PingNobodyAndShowLiterally()
    {
        const string Nasty = "@everyone @here <@123> <@!123> <@&456> <#789> </talks:1>";
        var reply = new Reply
        {
            Kind = ReplyKind.Answer,
            Title = Nasty,
            Body = Nasty,
            Fields = [new ReplyField(Nasty, Nasty)],
            Suggestions = [Nasty],
            Sources = [new Source("s", Nasty, Nasty, new Uri("https://example.org/x"), new PartialDate(2025, 5, null), null)],
        };

        var message = Json(DiscordRenderer.Render(reply, CommandRequest.Create(CommandNames.Ask, CommandContext.Console), 0, ephemeral: false));

        DiscordAssert.ValidMessage(message);
        Assert.Equal("""{"parse":[]}""", message["allowed_mentions"]!.ToJsonString());
        var markdown = string.Join('\n', (message["embeds"]![0]!["fields"] as JsonArray)!.Select(f => f!["value"]!.GetValue<string>())
            .Append(message["embeds"]![0]!["description"]!.GetValue<string>())
            .Append(message["embeds"]![0]!["title"]!.GetValue<string>()));
        Assert.DoesNotContain("@everyone", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("@here", markdown, StringComparison.Ordinal);
        for (var at = markdown.IndexOf('<', StringComparison.Ordinal); at >= 0; at = markdown.IndexOf('<', at + 1))
        {
            Assert.Equal('\\', markdown[at - 1]);
        }
    }

    [Fact]
    public void Share_OversizedEmbedsFromAMessage_AreClampedWithinEveryLimit()
    {
        var random = new Random(7);
        for (var n = 0; n < 40; n++)
        {
            var embeds = Enumerable.Range(0, random.Next(0, 14)).Select(_ => new DiscordEmbed
            {
                Title = RandomText(random, random.Next(0, 600)),
                Description = RandomText(random, random.Next(0, 6000)),
                Url = random.Next(3) == 0 ? "javascript:alert(1)" : "https://example.org/" + new string('a', random.Next(0, 3000)),
                Color = random.Next(-5, 20_000_000),
                Fields = [.. Enumerable.Range(0, random.Next(0, 40)).Select(_ => new DiscordEmbedField(RandomText(random, random.Next(0, 400)), RandomText(random, random.Next(0, 2000))))],
                Footer = new DiscordEmbedFooter(RandomText(random, random.Next(0, 3000))),
            }).ToList();

            var message = Json(DiscordRenderer.Share(embeds, random.Next(2) == 0 ? "900000000000000001" : "<@everyone>"));

            if ((message["embeds"] as JsonArray)!.Count > 0)
            {
                DiscordAssert.ValidMessage(message);
            }

            Assert.DoesNotContain("javascript:", message.ToJsonString(), StringComparison.Ordinal);
            Assert.DoesNotContain("<@everyone>", message.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RenderPages_EveryFactAndLookupOfTheDiscordTestFacts_WithinEveryLimit()
    {
        using var folder = DiscordTestFacts.Create();
        AssertEveryFactAndLookupRenders(folder.Path);
    }

    /// <summary>
    /// The property test over the real, curated fact base: every fact as a reply, and every lookup reply (each person,
    /// each round, each figure and purchase, the lists, the timeline, sources, help) renders within every limit.
    /// </summary>
    [Fact]
    public void RenderPages_EveryFactAndLookupOfTheRealFactBase_WithinEveryLimit()
    {
        AssertEveryFactAndLookupRenders(RepoPaths.Facts);
    }

    private static void AssertEveryFactAndLookupRenders(string factsPath)
    {
        var host = CoreHost.StartAsync(factsPath).GetAwaiter().GetResult();
        try
        {
            var facts = host.Facts;
            var replies = facts.Facts.Select(f => (Origin: CommandRequest.Create(CommandNames.Ask, CommandContext.Console, (OptionNames.Question, f.Title)), Reply: FactReplies.ForFact(facts, f))).ToList();
            var lookups = new List<CommandRequest>
            {
                Request(CommandNames.Who), Request(CommandNames.Round), Request(CommandNames.Timeline), Request(CommandNames.Purchases),
                Request(CommandNames.Figures), Request(CommandNames.Sources), Request(CommandNames.Help),
            };
            lookups.AddRange(facts.People.Select(p => Request(CommandNames.Who, (OptionNames.Name, p.Title))));
            lookups.AddRange(facts.People.SelectMany(p => p.Aliases).Select(a => Request(CommandNames.Who, (OptionNames.Name, a))));
            lookups.AddRange(facts.Rounds.Where(r => r.Number is not null).Select(r => Request(CommandNames.Round, (OptionNames.Number, r.Number!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)))));
            lookups.AddRange(facts.OfKind(FactKind.Purchase).Select(p => Request(CommandNames.Purchases, (OptionNames.Item, p.Title))));
            lookups.AddRange(facts.OfKind(FactKind.Figure).Select(p => Request(CommandNames.Figures, (OptionNames.Name, p.Title))));
            lookups.AddRange(Enumerable.Range(2017, 10).Select(y => Request(CommandNames.Timeline, (OptionNames.From, $"{y}"), (OptionNames.To, $"{y}"))));
            var dispatcher = host.Services.GetRequiredService<ICommandDispatcher>();
            replies.AddRange(lookups.Select(r => (r, dispatcher.DispatchAsync(r, CancellationToken.None).GetAwaiter().GetResult())));

            Assert.True(replies.Count > facts.Facts.Count);
            var checkedPages = 0;
            foreach (var (origin, reply) in replies)
            {
                for (var page = 0; page < DiscordRenderer.PageCount(reply); page++)
                {
                    var message = Json(DiscordRenderer.Render(reply, origin, page, ephemeral: true));
                    Assert.Empty(DiscordDocumentedLimits.CheckMessage(message));
                    Assert.Empty(DiscordOpenApi.Instance.ValidateRequest("POST", DiscordAssert.CallbackPath, new JsonObject { ["type"] = 4, ["data"] = message }));
                    checkedPages++;
                }

                foreach (var embed in DiscordRenderer.RenderPages(reply))
                {
                    var post = Json(DiscordChannelMessage.From(new DiscordMessage { Embeds = [embed] }, nonce: "s1-v1"));
                    Assert.Empty(DiscordDocumentedLimits.CheckChannelMessage(post));
                    Assert.Empty(DiscordOpenApi.Instance.ValidateRequest("POST", "/channels/{channel_id}/messages", post));
                }
            }

            Assert.True(checkedPages >= replies.Count);
        }
        finally
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        static CommandRequest Request(string name, params (string, string?)[] options) => CommandRequest.Create(name, CommandContext.Console, options);
    }

    private static Reply RandomReply(Random random, bool huge)
    {
        var scale = huge ? 4 : 1;
        return new Reply
        {
            Kind = (ReplyKind)random.Next(0, 6),
            Title = RandomText(random, random.Next(0, 400)),
            Body = RandomText(random, random.Next(0, 3000 * scale)),
            Fields = [.. Enumerable.Range(0, random.Next(0, 30 * scale)).Select(_ => new ReplyField(
                RandomText(random, random.Next(0, 350)), RandomText(random, random.Next(0, 1500 * (huge ? 3 : 1))), random.Next(2) == 0))],
            Sources = [.. Enumerable.Range(0, random.Next(0, 12 * scale)).Select(i => new Source(
                $"s{i}", RandomText(random, random.Next(1, 120)), RandomText(random, random.Next(1, 400)),
                new Uri("https://example.org/" + Uri.EscapeDataString(RandomText(random, random.Next(0, 800)))),
                new PartialDate(2025, random.Next(1, 13), null), null))],
            Suggestions = [.. Enumerable.Range(0, random.Next(0, 8)).Select(_ => RandomText(random, random.Next(0, 200)))],
            Related = [.. Enumerable.Range(0, random.Next(0, 8)).Select(_ => RandomText(random, random.Next(0, 200)))],
            Explains = random.Next(2) == 0 ? RandomText(random, random.Next(0, 600)) : null,
            AsOf = random.Next(2) == 0 ? new PartialDate(2025, 11, 1) : null,
            Confidence = random.Next(3) == 0 ? random.NextDouble() : null,
        };
    }

    private static string RandomText(Random random, int length)
    {
        var sb = new StringBuilder(length + 16);
        while (sb.Length < length)
        {
            sb.Append(random.Next(4) == 0 ? s_nasty[random.Next(s_nasty.Length)] : "lorem ipsum dolor "[..random.Next(1, 18)]);
        }

        // Cut at a random point, possibly inside a surrogate pair or after a backslash, as real text can be.
        return sb.ToString(0, Math.Min(length, sb.Length));
    }

    private static JsonNode Json(DiscordMessage message) =>
        JsonNode.Parse(JsonSerializer.Serialize(message, DiscordJsonContext.Default.DiscordMessage))!;

    private static JsonNode Json(DiscordChannelMessage message) =>
        JsonNode.Parse(JsonSerializer.Serialize(message, DiscordJsonContext.Default.DiscordChannelMessage))!;
}
