using System.Net;
using System.Text.Json.Nodes;
using Bot.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Moq;

namespace Bot.Tests.Slack;

/// <summary>One host with the real command handlers and the test fact base, shared by the tests of <see cref="SlackEndpointsTests"/>.</summary>
public sealed class SlackHostFixture : IAsyncLifetime
{
    internal SlackTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await SlackTestHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}

/// <summary>End-to-end through the real host: signed requests exactly as Slack sends them, answers and response_url posts checked.</summary>
public sealed class SlackEndpointsTests(SlackHostFixture fixture) : IClassFixture<SlackHostFixture>
{
    private SlackTestHost Host => fixture.Host;

    // ---- Lookups through the real handlers ----

    [Fact]
    public async Task Commands_WhoBessent_AnswersInlineEphemeralWithSourcesAsOfAndShare()
    {
        var message = await SlackTestHost.MessageAsync(await Host.CommandAsync("who bessent"));

        Assert.Equal("ephemeral", message["response_type"]?.GetValue<string>());
        var blocks = message["blocks"]!.AsArray();
        Assert.Equal("header", blocks[0]!["type"]!.GetValue<string>());
        Assert.Equal("Scott Bessent", blocks[0]!["text"]!["text"]!.GetValue<string>());
        var context = blocks.Single(b => b!["type"]!.GetValue<string>() == "context")!;
        var contextText = string.Join("\n", context["elements"]!.AsArray().Select(e => e!["text"]!.GetValue<string>()));
        Assert.Contains("Source: <https://example.org/b|Other Paper: Second article> (2025-06-01)", contextText, StringComparison.Ordinal);
        Assert.Contains("As of June 1, 2025", contextText, StringComparison.Ordinal);
        var share = Assert.Single(SlackTestHost.Buttons(message), b => b["action_id"]!.GetValue<string>() == "talks.share");
        Assert.Equal("0|who bessent", share["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Commands_WhoBessent_FactTextWithMentionsAndAmpersandRendersEscaped()
    {
        var message = await SlackTestHost.MessageAsync(await Host.CommandAsync("who bessent"));
        var text = SlackTestHost.AllText(message);

        Assert.Contains("Says &lt;!channel&gt; &amp; &lt;@U123&gt; should read &lt;https://evil.example|this&gt; &amp; &lt;!here&gt;.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U123>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!here>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<https://evil.example", text, StringComparison.Ordinal);
        // Every mrkdwn object with our text is verbatim, so Slack does not auto-link names either.
        Assert.All(Mrkdwn(message), t => Assert.True(t["verbatim"]?.GetValue<bool>()));
    }

    [Fact]
    public async Task Commands_Round4_AnswersTheRoundWithEscapedOutcomeAndBothSources()
    {
        var message = await SlackTestHost.MessageAsync(await Host.CommandAsync("round 4"));
        var text = SlackTestHost.AllText(message);

        Assert.Equal("Round 4", message["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
        Assert.Contains("Talks progressing &amp; &lt;!channel&gt; no details given.", text, StringComparison.Ordinal);
        Assert.Contains("Sources: <https://example.org/a?x=1&amp;y=%3C2%3E|Test Wire: A test article &amp; &lt;!everyone&gt; in the title>", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_Timeline_IsPaginatedAndNextPageReplacesTheMessageThroughResponseUrl()
    {
        var first = await SlackTestHost.MessageAsync(await Host.CommandAsync("timeline"));
        Assert.Contains("page 1 of 3", SlackTestHost.AllText(first), StringComparison.Ordinal);
        Assert.DoesNotContain(SlackTestHost.Buttons(first), b => b["action_id"]!.GetValue<string>() == "talks.page.previous");
        var next = Assert.Single(SlackTestHost.Buttons(first), b => b["action_id"]!.GetValue<string>() == "talks.page.next");
        Assert.Equal("1|timeline", next["value"]!.GetValue<string>());

        var url = Host.Slack.NewResponseUrl("actions");
        var ack = await Host.ActionAsync("talks.page.next", next["value"]!.GetValue<string>(), url);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("", await ack.Content.ReadAsStringAsync());

        var post = await Host.Slack.NextAsync();
        Assert.Equal(url.AbsolutePath, post.Path);
        Assert.True(post.Body["replace_original"]!.GetValue<bool>());
        Assert.Equal("ephemeral", post.Body["response_type"]!.GetValue<string>());
        Assert.Contains("page 2 of 3", SlackTestHost.AllText(post.Body), StringComparison.Ordinal);
        Assert.Contains("Event number 11", SlackTestHost.AllText(post.Body), StringComparison.Ordinal);
        var buttons = SlackTestHost.Buttons(post.Body).Select(b => (b["action_id"]!.GetValue<string>(), b["value"]!.GetValue<string>())).ToList();
        Assert.Contains(("talks.page.previous", "0|timeline"), buttons);
        Assert.Contains(("talks.page.next", "2|timeline"), buttons);
        Assert.Contains(("talks.share", "1|timeline"), buttons);
    }

    [Fact]
    public async Task Actions_PreviousPage_ShowsTheEarlierPage()
    {
        Assert.Equal(HttpStatusCode.OK, (await Host.ActionAsync("talks.page.previous", "0|timeline")).StatusCode);

        var post = await Host.Slack.NextAsync();
        Assert.Contains("page 1 of 3", SlackTestHost.AllText(post.Body), StringComparison.Ordinal);
        Assert.Contains("Event number 1", SlackTestHost.AllText(post.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_TimelineWithDates_PassesFromAndTo()
    {
        var message = await SlackTestHost.MessageAsync(await Host.CommandAsync("timeline 2025-04-01 2025-04-10"));
        var text = SlackTestHost.AllText(message);

        Assert.Contains("Event number 1", text, StringComparison.Ordinal);
        Assert.Contains("Event number 3", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Event number 4", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("purchases boeing", "100 Boeing aircraft")]
    [InlineData("figures car tariff", "Tariff on Japanese cars")]
    [InlineData("sources", null)]
    [InlineData("help", "How to use /talks")]
    [InlineData("", "How to use /talks")]
    [InlineData("   ", "How to use /talks")]
    public async Task Commands_Lookups_AnswerWithAHeader(string text, string? title)
    {
        var message = await SlackTestHost.MessageAsync(await Host.CommandAsync(text));

        var header = message["blocks"]![0]!;
        Assert.Equal("header", header["type"]!.GetValue<string>());
        if (title is not null)
        {
            Assert.Equal(title, header["text"]!["text"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task Commands_FiguresWithAmpersand_EscapesTheFactText()
    {
        var message = await SlackTestHost.MessageAsync(await Host.CommandAsync("figures car tariff"));

        Assert.Contains("became 15% &amp; stays there", SlackTestHost.AllText(message), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_UnknownRound_OffersSuggestionButtonsThatAnswerTheSuggestion()
    {
        var message = await SlackTestHost.MessageAsync(await Host.CommandAsync("round 9"));
        var suggestion = Assert.Single(SlackTestHost.Buttons(message), b => b["text"]!["text"]!.GetValue<string>() == "round 4");
        Assert.Equal("talks.suggest.0", suggestion["action_id"]!.GetValue<string>());
        Assert.Equal("0|round 4", suggestion["value"]!.GetValue<string>());
        Assert.DoesNotContain(SlackTestHost.Buttons(message), b => b["action_id"]!.GetValue<string>() == "talks.share");

        var url = Host.Slack.NewResponseUrl("actions");
        Assert.Equal(HttpStatusCode.OK, (await Host.ActionAsync("talks.suggest.0", "0|round 4", url)).StatusCode);

        var post = await Host.Slack.NextAsync();
        Assert.Equal(url.AbsolutePath, post.Path);
        Assert.True(post.Body["replace_original"]!.GetValue<bool>());
        Assert.Equal("Round 4", post.Body["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Actions_RelatedQuestion_AnswersInANewMessageKeepingTheAnswer()
    {
        var url = Host.Slack.NewResponseUrl("actions");

        Assert.Equal(HttpStatusCode.OK, (await Host.ActionAsync("talks.related.0", "0|ask who is akazawa", url)).StatusCode);

        var post = await Host.Slack.NextAsync();
        Assert.Equal(url.AbsolutePath, post.Path);
        Assert.False(post.Body["replace_original"]!.GetValue<bool>());
        Assert.Equal("ephemeral", post.Body["response_type"]!.GetValue<string>());
        Assert.Equal("Ryosei Akazawa", post.Body["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Actions_Why_ExplainsTheQuestionInANewMessageKeepingTheAnswer()
    {
        var url = Host.Slack.NewResponseUrl("actions");

        // The value is the question itself: "explain …" typed as a question would stay a question.
        Assert.Equal(HttpStatusCode.OK, (await Host.ActionAsync("talks.explain", "0|who is akazawa", url)).StatusCode);

        var post = await Host.Slack.NextAsync();
        Assert.Equal(url.AbsolutePath, post.Path);
        Assert.False(post.Body["replace_original"]!.GetValue<bool>());
        Assert.Equal("ephemeral", post.Body["response_type"]!.GetValue<string>());
        Assert.Equal("Why: \"who is akazawa\"", post.Body["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
        Assert.Contains("[ryosei-akazawa]", SlackTestHost.AllText(post.Body), StringComparison.Ordinal);
        Assert.DoesNotContain(SlackTestHost.Buttons(post.Body), b => b["action_id"]!.GetValue<string>() is "talks.share" or "talks.explain");
    }

    [Fact]
    public async Task Actions_Share_RepostsTheAnswerPubliclyWithoutButtons()
    {
        var url = Host.Slack.NewResponseUrl("actions");
        var ack = await Host.ActionAsync("talks.share", "0|round 4", url);
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);

        var post = await Host.Slack.NextAsync();
        Assert.Equal(url.AbsolutePath, post.Path);
        Assert.Equal("in_channel", post.Body["response_type"]!.GetValue<string>());
        Assert.False(post.Body["replace_original"]!.GetValue<bool>());
        Assert.Equal("Round 4", post.Body["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
        Assert.Empty(SlackTestHost.Buttons(post.Body));
        Assert.Contains("&lt;!channel&gt;", SlackTestHost.AllText(post.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actions_SameResponseUrlSixTimes_PostsOnlyFiveTimes()
    {
        var url = Host.Slack.NewResponseUrl("actions");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await Host.ActionAsync("talks.page.next", "1|timeline", url)).StatusCode);
            Assert.Equal(url.AbsolutePath, (await Host.Slack.NextAsync()).Path);
        }

        // The sixth use is refused by our own guard, so Slack never sees it; a later click on a fresh URL still works.
        Assert.Equal(HttpStatusCode.OK, (await Host.ActionAsync("talks.page.next", "1|timeline", url)).StatusCode);
        var fresh = Host.Slack.NewResponseUrl("actions");
        Assert.Equal(HttpStatusCode.OK, (await Host.ActionAsync("talks.page.next", "1|timeline", fresh)).StatusCode);
        Assert.Equal(fresh.AbsolutePath, (await Host.Slack.NextAsync()).Path);
        Assert.Equal(5, Host.Slack.Accepted.Count(p => p.Path == url.AbsolutePath));
        Assert.DoesNotContain(Host.Slack.Refusals, r => r.Contains("used_url", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Actions_UnknownActionId_IsAcknowledgedAndIgnored()
    {
        var response = await Host.ActionAsync("someone.elses.button", "0|round 4");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("round 4")]
    [InlineData("x|round 4")]
    [InlineData("1000|round 4")]
    [InlineData("0|")]
    public async Task Actions_MalformedButtonValue_Is400(string value) =>
        Assert.Equal(HttpStatusCode.BadRequest, (await Host.ActionAsync("talks.share", value)).StatusCode);

    // ---- Slack's other requests and malformed input ----

    [Fact]
    public async Task Commands_SslCheck_Is200WithEmptyBody()
    {
        var response = await Host.SendAsync("/slack/commands", SlackSigner.Form(("ssl_check", "1"), ("token", "gIkuvaNzQIHg97ATvDxqgjtO")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Commands_UnsignedSslCheck_Is401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/slack/commands") { Content = new StringContent("ssl_check=1&token=x", System.Text.Encoding.UTF8, "application/x-www-form-urlencoded") };

        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Client.SendAsync(request)).StatusCode);
    }

    public static TheoryData<string> Paths => new() { "/slack/commands", "/slack/interactions" };

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Requests_WithoutHeaders_Are401(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(SlackSigner.Form(SlackSigner.CommandFields("round 4", Host.Slack.NewResponseUrl())), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };

        var response = await Host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Requests_SignedWithAnotherSecret_Are401(string path) =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.SendAsync(path, SlackSigner.InteractionBody("talks.share", "0|round 4", Host.Slack.NewResponseUrl()), secret: "not-the-secret")).StatusCode);

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-3600)]
    [InlineData(86400)]
    public async Task Commands_TimestampMoreThanFiveMinutesOff_Is401(int offset) =>
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.SendAsync("/slack/commands", SlackSigner.Form(SlackSigner.CommandFields("round 4", Host.Slack.NewResponseUrl())),
            timestamp: SlackTestHost.Now.ToUnixTimeSeconds() + offset)).StatusCode);

    [Fact]
    public async Task Commands_BodyChangedAfterSigning_Is401()
    {
        var body = SlackSigner.Form(SlackSigner.CommandFields("round 4", Host.Slack.NewResponseUrl()));
        using var request = SlackSigner.Request("/slack/commands", body, SlackTestHost.Now);
        request.Content = new StringContent(body.Replace("round+4", "round+5", StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/x-www-form-urlencoded");

        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.Client.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task Commands_BodyOverTheLimit_Is413()
    {
        var body = SlackSigner.Form([.. SlackSigner.CommandFields(new string('a', 70_000), Host.Slack.NewResponseUrl())]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, (await Host.SendAsync("/slack/commands", body)).StatusCode);
    }

    [Theory]
    [InlineData("team_id=T1&channel_id=C1&user_id=U1&command=%2Ftalks&text=round+4")]
    [InlineData("team_id=T1&channel_id=C1&command=%2Ftalks&text=round+4&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1%2F1%2Fx")]
    [InlineData("team_id=T1&team_id=T2&channel_id=C1&user_id=U1&command=%2Ftalks&text=round+4&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1%2F1%2Fx")]
    [InlineData("team_id=T1&channel_id=C1&user_id=U1&command=%2Ftalks&text=a&text=b&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1%2F1%2Fx")]
    [InlineData("team_id=T1&channel_id=C1&user_id=U1&command=%2Ftalks&text=round+4&response_url=not+a+url")]
    [InlineData("team_id=T1&channel_id=C1&user_id=U1&command=%2Ftalks&text=round+4&response_url=https%3A%2F%2Fevil.example%2Fcommands%2FT1%2F1%2Fx")]
    [InlineData("team_id=T1&channel_id=C1&user_id=U1&command=%2Ftalks&text=round+4&response_url=http%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1%2F1%2Fx")]
    [InlineData("{\"team_id\":\"T1\"}")]
    [InlineData("")]
    public async Task Commands_SignedButMalformedForm_Is400(string body) =>
        Assert.Equal(HttpStatusCode.BadRequest, (await Host.SendAsync("/slack/commands", body)).StatusCode);

    [Fact]
    public async Task Commands_SignedFormWithTooManyFields_Is400()
    {
        var body = SlackSigner.Form([.. SlackSigner.CommandFields("round 4", Host.Slack.NewResponseUrl()), .. Enumerable.Range(0, 100).Select(i => ($"extra{i}", "x"))]);

        Assert.Equal(HttpStatusCode.BadRequest, (await Host.SendAsync("/slack/commands", body)).StatusCode);
    }

    [Fact]
    public async Task Commands_SignedJsonContentType_Is400()
    {
        var body = SlackSigner.Form(SlackSigner.CommandFields("round 4", Host.Slack.NewResponseUrl()));
        using var request = SlackSigner.Request("/slack/commands", body, SlackTestHost.Now);
        request.Content!.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        Assert.Equal(HttpStatusCode.BadRequest, (await Host.Client.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData("payload=not+json")]
    [InlineData("payload=%7B%22type%22%3A")]
    [InlineData("payload=%5B1%2C2%5D")]
    [InlineData("payload=%7B%7D")]
    [InlineData("payload=")]
    [InlineData("nothing=here")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%7D")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%2C%22user%22%3A%7B%22id%22%3A%22U1%22%7D%2C%22actions%22%3A%5B%5D%7D")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%2C%22user%22%3A%7B%22id%22%3A%22U1%22%7D%2C%22actions%22%3A%5B%7B%22action_id%22%3A%22talks.share%22%2C%22value%22%3A%220%7Cround+4%22%7D%5D%7D")]
    [InlineData("payload=%7B%22type%22%3A%22block_actions%22%2C%22user%22%3A%7B%22id%22%3A5%7D%7D")]
    public async Task Interactions_SignedButMalformedPayload_Is400(string body) =>
        Assert.Equal(HttpStatusCode.BadRequest, (await Host.SendAsync("/slack/interactions", body)).StatusCode);

    [Fact]
    public async Task Interactions_OtherInteractionType_IsAcknowledged()
    {
        var body = SlackSigner.Form(("payload", new JsonObject { ["type"] = "shortcut", ["callback_id"] = "x", ["user"] = new JsonObject { ["id"] = "U1" } }.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, (await Host.SendAsync("/slack/interactions", body)).StatusCode);
    }

    [Fact]
    public async Task Commands_GetInsteadOfPost_IsNotServed() =>
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await Host.Client.GetAsync("/slack/commands")).StatusCode);

    private static IEnumerable<JsonObject> Mrkdwn(JsonObject message) =>
        message["blocks"]!.AsArray().SelectMany(Objects).Where(o => o["type"]?.GetValue<string>() == "mrkdwn");

    private static IEnumerable<JsonObject> Objects(JsonNode? node) => node switch
    {
        JsonObject o => [o, .. o.SelectMany(p => Objects(p.Value))],
        JsonArray a => a.SelectMany(Objects),
        _ => [],
    };
}

/// <summary>Hosts with special configuration or test handlers; each test starts its own.</summary>
public sealed class SlackEndpointsConfigurationTests
{
    private static readonly string[] s_allNames =
    [
        CommandNames.Ask, CommandNames.Who, CommandNames.Round, CommandNames.Timeline, CommandNames.Purchases, CommandNames.Figures,
        CommandNames.Changes, CommandNames.Sources, CommandNames.Subscribe, CommandNames.Unsubscribe, CommandNames.Subscriptions, CommandNames.Help,
    ];

    public static TheoryData<string, string, string[]> Mappings => new()
    {
        { "round 4", CommandNames.Round, ["number=4"] },
        { "who bessent", CommandNames.Who, ["name=bessent"] },
        { "ask what did akazawa sign in september", CommandNames.Ask, ["question=what did akazawa sign in september"] },
        { "what did akazawa sign in september", CommandNames.Ask, ["question=what did akazawa sign in september"] },
        { "who is japan's negotiator?", CommandNames.Ask, ["question=who is japan's negotiator?"] },
        { "timeline 2025-04 2025-07", CommandNames.Timeline, ["from=2025-04", "to=2025-07"] },
        { "timeline from:2025-04 to:2025-07", CommandNames.Timeline, ["from=2025-04", "to=2025-07"] },
        { "purchases rice", CommandNames.Purchases, ["item=rice"] },
        { "figures auto tariff", CommandNames.Figures, ["name=auto tariff"] },
        { "changes 2025-09-01", CommandNames.Changes, ["since=2025-09-01"] },
        { "changes", CommandNames.Changes, [] },
        { "sources", CommandNames.Sources, [] },
        { "subscribe", CommandNames.Subscribe, [] },
        { "subscribe rounds,figures daily", CommandNames.Subscribe, ["digest=true", "topics=rounds,figures"] },
        { "subscribe topics:rounds,people digest:false", CommandNames.Subscribe, ["digest=false", "topics=rounds,people"] },
        { "unsubscribe", CommandNames.Unsubscribe, [] },
        { "subscriptions", CommandNames.Subscriptions, [] },
        { "help", CommandNames.Help, [] },
        { "", CommandNames.Help, [] },
    };

    [Theory]
    [MemberData(nameof(Mappings))]
    public async Task Commands_EverySubcommand_MapsToTheCommandRequest(string text, string name, string[] options)
    {
        var handlers = s_allNames.Select(n => new RecordingHandler(n)).ToList();
        await using var host = await SlackTestHost.StartAsync(services: s => UseOnly(s, handlers));

        var message = await SlackTestHost.MessageAsync(await host.CommandAsync(text));

        var handler = handlers.Single(h => h.Name == name);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(name, request.Name);
        Assert.Equal(options, request.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}"));
        Assert.Equal(new CommandContext(Platform.Slack, SlackSigner.TeamId, SlackSigner.ChannelId, SlackSigner.UserId, CanManageChannel: true), request.Context);
        Assert.All(handlers.Where(h => h != handler), h => Assert.Empty(h.Requests));
        Assert.Equal($"{name} answered", message["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("U0ADMIN01", true)]
    [InlineData(SlackSigner.UserId, false)]
    public async Task Commands_Subscribe_CanManageChannelOnlyForConfiguredAdmins(string userId, bool canManage)
    {
        var subscribe = new RecordingHandler(CommandNames.Subscribe);
        await using var host = await SlackTestHost.StartAsync(
            new Dictionary<string, string?> { ["Slack:AdminUserIds:0"] = "U0ADMIN01,U0ADMIN02" },
            s => UseOnly(s, [subscribe]));

        await SlackTestHost.MessageAsync(await host.CommandAsync("subscribe rounds", userId: userId));

        Assert.Equal(canManage, Assert.Single(subscribe.Requests).Context.CanManageChannel);
    }

    [Fact]
    public async Task Commands_AskItAbstainsOn_IsKeptForCuratorsWithoutWhoOrWhere_WhenRecordingIsOn()
    {
        await using var host = await SlackTestHost.StartAsync(new Dictionary<string, string?> { ["Answering:RecordUnanswered"] = "true" });
        var store = host.Services.GetRequiredService<Bot.Answering.IUnansweredStore>();

        var message = await SlackTestHost.MessageAsync(await host.CommandAsync("ask will it rain in osaka tomorrow"));
        await SlackTestHost.MessageAsync(await host.CommandAsync("ask Will it rain in Osaka tomorrow?"));
        await SlackTestHost.MessageAsync(await host.CommandAsync($"ask did <@{SlackSigner.UserId}> say it rains in <#{SlackSigner.ChannelId}|general>"));

        Assert.Contains("I don't have", SlackTestHost.AllText(message), StringComparison.Ordinal);
        Assert.Contains("noted the question for the people who curate the facts", SlackTestHost.AllText(message), StringComparison.Ordinal);
        await Bot.Tests.TestSupport.Eventually.TrueAsync(
            async () => (await store.ListUnansweredAsync(null, 10, default)).Sum(e => e.Asked) == 3,
            () => Task.FromResult("the three askings were not recorded"));
        var entries = await store.ListUnansweredAsync(null, 10, default);
        Assert.Equal(
            [("Will it rain in Osaka tomorrow?", 2), ("did @someone say it rains in #channel", 1)],
            entries.Select(e => (e.Question, e.Asked)));
        Assert.All(entries, e => Assert.Equal((Platform.Slack, SlackTestHost.Now), (e.Platform, e.LastAskedAt)));
        var kept = string.Join(" ", entries.SelectMany(e => new[] { e.Question, e.FactVersion }.Concat(e.Suggestions)));
        Assert.DoesNotContain(SlackSigner.UserId, kept, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackSigner.ChannelId, kept, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackSigner.TeamId, kept, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Actions_SuggestionClickedForAKeptQuestion_KeepsTheUsersChoiceWithTheQuestion()
    {
        await using var host = await SlackTestHost.StartAsync(new Dictionary<string, string?> { ["Answering:RecordUnanswered"] = "true" });
        var store = host.Services.GetRequiredService<Bot.Answering.IUnansweredStore>();
        var message = await SlackTestHost.MessageAsync(await host.CommandAsync("ask tariff news lately"));
        var button = SlackTestHost.Buttons(message).First(b => b["action_id"]!.GetValue<string>().StartsWith("talks.suggest.", StringComparison.Ordinal));
        var actionId = button["action_id"]!.GetValue<string>();
        Assert.Equal("talks.suggest.0." + Bot.Answering.UnansweredQuestion.Tag("tariff news lately"), actionId);

        var url = host.Slack.NewResponseUrl("actions");
        Assert.Equal(HttpStatusCode.OK, (await host.ActionAsync(actionId, button["value"]!.GetValue<string>(), url)).StatusCode);
        var answer = await host.Slack.NextAsync();

        Assert.DoesNotContain("I don't have", SlackTestHost.AllText(answer.Body), StringComparison.Ordinal);
        await Bot.Tests.TestSupport.Eventually.TrueAsync(
            async () => (await store.ListUnansweredAsync(null, 10, default)) is [{ Chosen.Count: 1 }],
            () => Task.FromResult("the choice was not kept with its question"));
        var entry = Assert.Single(await store.ListUnansweredAsync(null, 10, default));
        Assert.Equal("tariff news lately", entry.Question);
        Assert.Equal(entry.Suggestions[0], Assert.Single(entry.Chosen).FactId);
    }

    [Fact]
    public async Task Commands_QuestionWithMentions_ReachesTheCoreAsPlainTextAndRendersEscaped()
    {
        var ask = new RecordingHandler(CommandNames.Ask);
        await using var host = await SlackTestHost.StartAsync(services: s => UseOnly(s, [ask]));

        // Slack escapes &, < and > in command text; a question may also arrive with them raw.
        var escaped = await SlackTestHost.MessageAsync(await host.CommandAsync("ask did &lt;!channel&gt; &amp; &lt;@U123&gt; agree?"));
        var raw = await SlackTestHost.MessageAsync(await host.CommandAsync("did <!channel> & <@U123> agree?"));

        Assert.All(ask.Requests, r => Assert.Equal("did <!channel> & <@U123> agree?", r.Option(OptionNames.Question)));
        Assert.Equal(2, ask.Requests.Count);
        foreach (var message in new[] { escaped, raw })
        {
            var text = SlackTestHost.AllText(message);
            Assert.Contains("question=did &lt;!channel&gt; &amp; &lt;@U123&gt; agree?", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
            Assert.DoesNotContain("<@U123>", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Commands_SlowAnswer_AcknowledgesAtOnceThenReplacesItThroughResponseUrl()
    {
        var ask = new RecordingHandler(CommandNames.Ask) { Blocks = true };
        await using var host = await SlackTestHost.StartAsync(services: s => UseOnly(s, [ask]));
        var url = host.Slack.NewResponseUrl();

        var pending = host.CommandAsync("ask what did akazawa sign", url);
        await ask.Started;
        // The inline budget runs on the injected clock: move it past 2 s until the endpoint gives up waiting.
        while (!pending.IsCompleted)
        {
            host.Time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.WhenAny(pending, Task.Delay(20));
        }

        var ack = await SlackTestHost.MessageAsync(await pending);
        Assert.Equal("ephemeral", ack["response_type"]!.GetValue<string>());
        Assert.Equal("Working on it…", ack["text"]!.GetValue<string>());
        Assert.Null(ack["blocks"]);
        Assert.Empty(host.Slack.Accepted);

        ask.Release();
        var post = await host.Slack.NextAsync();
        Assert.Equal(url.AbsolutePath, post.Path);
        Assert.True(post.Body["replace_original"]!.GetValue<bool>());
        Assert.Equal("ephemeral", post.Body["response_type"]!.GetValue<string>());
        Assert.Equal("ask answered", post.Body["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Commands_HandlerThrows_AnswersWithAnApologyNot500()
    {
        var broken = new Mock<ICommandHandler>();
        broken.SetupGet(h => h.Name).Returns(CommandNames.Round);
        broken.Setup(h => h.HandleAsync(It.IsAny<CommandRequest>(), It.IsAny<CancellationToken>())).ThrowsAsync(new InvalidOperationException("bug"));
        await using var host = await SlackTestHost.StartAsync(services: s => UseOnly(s, [broken.Object]));

        var message = await SlackTestHost.MessageAsync(await host.CommandAsync("round 4"));

        Assert.Equal("ephemeral", message["response_type"]!.GetValue<string>());
        Assert.StartsWith("Sorry, something went wrong", message["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_QueueFull_AnswersBusyAtOnce()
    {
        var ask = new RecordingHandler(CommandNames.Ask) { Blocks = true };
        await using var host = await SlackTestHost.StartAsync(
            new Dictionary<string, string?> { ["Slack:ReplyWorkers"] = "1", ["Slack:ReplyQueueCapacity"] = "1" },
            s => UseOnly(s, [ask]));

        var first = host.CommandAsync("ask one");
        await ask.Started;                       // the only worker is busy with the first
        var second = host.CommandAsync("ask two"); // waits in the queue (capacity 1)
        while (!first.IsCompleted || !second.IsCompleted)
        {
            host.Time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.WhenAny(Task.WhenAll(first, second), Task.Delay(20));
        }

        var third = await SlackTestHost.MessageAsync(await host.CommandAsync("ask three"));

        Assert.StartsWith("Sorry, I'm busy", third["text"]!.GetValue<string>(), StringComparison.Ordinal);
        ask.Release();
        Assert.Equal(2, new[] { await host.Slack.NextAsync(), await host.Slack.NextAsync() }.Length);
        Assert.Equal(["ask one", "ask two"], ask.Requests.Select(r => "ask " + r.Option(OptionNames.Question)));
    }

    [Fact]
    public async Task Requests_ForAnotherAppId_Are403()
    {
        var round = new RecordingHandler(CommandNames.Round);
        await using var host = await SlackTestHost.StartAsync(
            new Dictionary<string, string?> { ["Slack:AppId"] = SlackSigner.AppId },
            s => UseOnly(s, [round]));

        var command = await host.CommandAsync("round 4", appId: "A0OTHER000");
        var body = SlackSigner.InteractionBody("talks.share", "0|round 4", host.Slack.NewResponseUrl("actions")).Replace(SlackSigner.AppId, "A0OTHER000", StringComparison.Ordinal);
        var action = await host.SendAsync("/slack/interactions", body);
        var ours = await host.CommandAsync("round 4");

        Assert.Equal(HttpStatusCode.Forbidden, command.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, action.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
        Assert.Single(round.Requests);
    }

    [Fact]
    public async Task Requests_WithoutSigningSecret_Are404AndTheServiceStillServes()
    {
        await using var host = await SlackTestHost.StartAsync(new Dictionary<string, string?> { ["Slack:SigningSecret"] = "" });

        Assert.Equal(HttpStatusCode.NotFound, (await host.CommandAsync("round 4")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.ActionAsync("talks.share", "0|round 4")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.Client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Commands_LoopbackResponseUrlWhenNotAllowed_Is400()
    {
        await using var host = await SlackTestHost.StartAsync(new Dictionary<string, string?> { ["Slack:AllowLoopbackResponseUrls"] = "false" });

        Assert.Equal(HttpStatusCode.BadRequest, (await host.CommandAsync("round 4")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.CommandAsync("round 4", new Uri("https://hooks.slack.com/commands/T0AAA1111/1/abc"))).StatusCode);
    }

    [Fact]
    public async Task Logs_NeverContainResponseUrlsTheSigningSecretOrTheBotToken()
    {
        var logs = new CapturingLoggerProvider();
        var ask = new RecordingHandler(CommandNames.Ask) { Blocks = true };
        await using var host = await SlackTestHost.StartAsync(
            new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" },
            s =>
            {
                s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(logs);
                s.AddSingleton<ICommandHandler>(ask);
            });
        var commandUrl = host.Slack.NewResponseUrl();
        var actionUrl = host.Slack.NewResponseUrl("actions");

        var pending = host.CommandAsync("ask slow question", commandUrl);
        await ask.Started;
        while (!pending.IsCompleted)
        {
            host.Time.Advance(TimeSpan.FromMilliseconds(500));
            await Task.WhenAny(pending, Task.Delay(20));
        }

        ask.Release();
        await host.Slack.NextAsync();
        Assert.Equal(HttpStatusCode.OK, (await host.ActionAsync("talks.share", "0|round 4", actionUrl)).StatusCode);
        await host.Slack.NextAsync();
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.SendAsync("/slack/commands", "x=1", secret: "wrong")).StatusCode);
        var client = host.Services.GetRequiredService<Bot.Slack.SlackClient>();
        Assert.True((await client.PostMessageAsync("C0CCC3333", new Bot.Slack.SlackMessage { Text = "hello" }, default)).Ok);

        var all = string.Join("\n", logs.Lines);
        Assert.Contains("Slack ask not ready", all, StringComparison.Ordinal); // the capture works
        foreach (var secret in new[] { commandUrl.AbsolutePath, actionUrl.AbsolutePath, commandUrl.Segments[^1], actionUrl.Segments[^1], SlackSigner.Secret, FakeSlack.BotToken })
        {
            Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
        }
    }

    private static void UseOnly(IServiceCollection services, IEnumerable<ICommandHandler> handlers)
    {
        services.RemoveAll<ICommandHandler>();
        foreach (var handler in handlers)
        {
            services.AddSingleton(handler);
        }
    }
}
