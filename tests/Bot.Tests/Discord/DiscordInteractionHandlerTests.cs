using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Commands;
using Bot.Discord;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Discord;

/// <summary>
/// A host whose command handlers are recording fakes (our own port), so the tests see exactly what the adapter
/// dispatches. A few questions trigger special answers: suggestions, a failure, a reply long enough to paginate,
/// and answers held back by a gate (to make the adapter defer).
/// </summary>
/// <remarks>
/// The host runs on a fake clock that no test moves, so its inline budget never elapses: an answer that should come
/// inline does not defer because the machine is busy (a 300 ms budget once did under a full test run, and so can any
/// real-clock budget on a slow enough machine). <see cref="DiscordDeferringCommandsFixture"/> has a short budget on the
/// real clock for the tests that hold an answer back until the adapter has deferred.
/// </remarks>
public class DiscordCommandsFixture : IAsyncLifetime
{
    public const string Unsure = "unsure";
    public const string Boom = "boom";
    public const string Slow = "slow";
    public const string Many = "many";
    public const string Blocking = "blocking";
    public static readonly string LongSuggestion = "What was said about " + new string('x', 150) + "?";

    private readonly int? _inlineBudgetMilliseconds;
    private FactFolder? _facts;

    public DiscordCommandsFixture()
        : this(inlineBudgetMilliseconds: null)
    {
    }

    /// <param name="inlineBudgetMilliseconds">A budget on the real clock; null for the default budget on a clock that never moves.</param>
    protected DiscordCommandsFixture(int? inlineBudgetMilliseconds)
    {
        _inlineBudgetMilliseconds = inlineBudgetMilliseconds;
        Handlers = new RecordingCommandHandlers(new Dictionary<string, Func<CommandRequest, Task<Reply>>>
        {
            [CommandNames.Ask] = AskAsync,
            [CommandNames.Figures] = FiguresAsync,
        });
    }

    internal RecordingCommandHandlers Handlers { get; }

    internal DiscordTestHost Host { get; private set; } = null!;

    /// <summary>Released by a test to let held-back answers complete.</summary>
    internal TaskCompletionSource Gate { get; set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Released by a test to let a handler that blocks its thread return.</summary>
    internal ManualResetEventSlim BlockingGate { get; } = new(false);

    public async Task InitializeAsync()
    {
        _facts = DiscordTestFacts.Create();
        Host = _inlineBudgetMilliseconds is { } budget
            ? await DiscordTestHost.StartAsync(_facts.Path, DiscordTestHost.RecordingHandlers(Handlers), new Dictionary<string, string?>
            {
                ["Discord:InlineBudgetMilliseconds"] = budget.ToString(System.Globalization.CultureInfo.InvariantCulture),
            })
            : await DiscordTestHost.StartAsync(_facts.Path, DiscordTestHost.RecordingHandlers(Handlers), time: new FakeTimeProvider(DateTimeOffset.UtcNow));
    }

    public async Task DisposeAsync()
    {
        Gate.TrySetResult();
        BlockingGate.Set();
        await Host.DisposeAsync();
        BlockingGate.Dispose();
        _facts?.Dispose();
    }

    internal static Reply ManyFields(string title) => new()
    {
        Kind = ReplyKind.Answer,
        Title = title,
        Body = "Thirty long fields.",
        Fields = [.. Enumerable.Range(1, 30).Select(i => new ReplyField($"Field {i}", string.Concat(Enumerable.Repeat($"value {i} ", 100))))],
    };

    private async Task<Reply> AskAsync(CommandRequest request)
    {
        switch (request.Option(OptionNames.Question))
        {
            case Unsure:
                return new Reply
                {
                    Kind = ReplyKind.Abstained,
                    Title = "I don't have that",
                    Body = "Did you mean one of these?",
                    Suggestions = ["Who is Bessent?", "help", LongSuggestion],
                };
            case Boom:
                throw new InvalidOperationException("handler bug");
            case Blocking:
                // Slow synchronous work before the first await: the adapter must still be able to defer.
                BlockingGate.Wait();
                return new Reply { Kind = ReplyKind.Answer, Title = "ask answered after blocking", Body = "Done." };
            case Slow:
                await Gate.Task;
                return new Reply { Kind = ReplyKind.Answer, Title = "ask answered late", Body = "Worth the wait." };
            default:
                return new Reply { Kind = ReplyKind.Answer, Title = "ask answered", Body = request.Option(OptionNames.Question) ?? "" };
        }
    }

    private async Task<Reply> FiguresAsync(CommandRequest request)
    {
        var name = request.Option(OptionNames.Name);
        if (name == Slow)
        {
            await Gate.Task;
        }

        return name is Many or Slow ? ManyFields($"Figures: {name}") : new Reply { Kind = ReplyKind.Answer, Title = "figures answered", Body = name ?? "" };
    }
}

public sealed class DiscordInteractionHandlerTests(DiscordCommandsFixture fixture) : IClassFixture<DiscordCommandsFixture>
{
    private DiscordTestHost Host => fixture.Host;

    private int Dispatched => fixture.Handlers.All.Sum(h => h.Requests.Count);

    public static TheoryData<string, string, string> Subcommands => new()
    {
        { CommandNames.Ask, """{"question":"what did japan agree to buy?"}""", """{"question":"what did japan agree to buy?"}""" },
        { CommandNames.Who, """{"name":"bessent"}""", """{"name":"bessent"}""" },
        { CommandNames.Round, """{"number":4}""", """{"number":"4"}""" },
        { CommandNames.Round, "{}", "{}" },
        { CommandNames.Timeline, """{"from":"2025-04-01","to":"2025-06-30"}""", """{"from":"2025-04-01","to":"2025-06-30"}""" },
        { CommandNames.Timeline, """{"to":"2025-06"}""", """{"to":"2025-06"}""" },
        { CommandNames.Purchases, """{"item":"rice"}""", """{"item":"rice"}""" },
        { CommandNames.Figures, """{"name":"auto tariff"}""", """{"name":"auto tariff"}""" },
        { CommandNames.Changes, """{"since":"2025-10-01"}""", """{"since":"2025-10-01"}""" },
        { CommandNames.Sources, "{}", "{}" },
        { CommandNames.Subscribe, """{"topics":"rounds,figures","digest":true}""", """{"topics":"rounds,figures","digest":"true"}""" },
        { CommandNames.Subscribe, "{}", "{}" },
        { CommandNames.Unsubscribe, "{}", "{}" },
        { CommandNames.Subscriptions, "{}", "{}" },
        { CommandNames.Help, "{}", "{}" },
    };

    [Theory]
    [MemberData(nameof(Subcommands))]
    public async Task Command_EverySubcommand_DispatchesItsOptionsAndContextAndAnswersEphemerally(string sub, string options, string expected)
    {
        var handler = fixture.Handlers[sub];
        var before = handler.Requests.Count;

        var result = await Host.PostAsync(DiscordInteractionJson.Command(sub, DiscordInteractionJson.NewToken(), JsonNode.Parse(options)!.AsObject()));

        var body = DiscordAssert.ValidResponse(result, expectedType: 4);
        Assert.Equal(64, body["data"]!["flags"]!.GetValue<int>());
        Assert.Equal($"{sub} answered", body["data"]!["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Equal(before + 1, handler.Requests.Count);
        var request = handler.Requests[^1];
        Assert.Equal(sub, request.Name);
        var want = JsonNode.Parse(expected)!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.GetValue<string>());
        Assert.Equal(want.OrderBy(kv => kv.Key), request.Options.OrderBy(kv => kv.Key));
        Assert.Equal(new CommandContext(Platform.Discord, DiscordInteractionJson.GuildId, DiscordInteractionJson.ChannelId, DiscordInteractionJson.UserId, false) { BotCanPost = true }, request.Context);
    }

    [Theory]
    [InlineData(DiscordInteractionJson.PlainPermissions, false)]
    [InlineData(DiscordInteractionJson.ManagerPermissions, true)]
    [InlineData(DiscordInteractionJson.AdministratorPermissions, true)]
    [InlineData("16", true)]
    [InlineData("2251799813685247", true)]
    [InlineData("340282366920938463463374607431768211455", true)]
    [InlineData("0", false)]
    [InlineData("-16", false)]
    [InlineData("sixteen", false)]
    public async Task Command_Subscribe_CanManageChannelFollowsManageChannelsOrAdministratorBit(string permissions, bool expected)
    {
        var handler = fixture.Handlers[CommandNames.Subscribe];

        var result = await Host.PostAsync(DiscordInteractionJson.Command(CommandNames.Subscribe, DiscordInteractionJson.NewToken(), permissions));

        DiscordAssert.ValidResponse(result, expectedType: 4);
        Assert.Equal(expected, handler.Requests[^1].Context.CanManageChannel);
    }

    [Theory]
    [InlineData("2248473465835073", true)] // Discord's own example: View Channel, Send Messages, Embed Links and more
    [InlineData("19456", true)] // exactly View Channel + Send Messages + Embed Links
    [InlineData("8", true)] // Administrator
    [InlineData("3072", false)] // View Channel + Send Messages, no Embed Links
    [InlineData("1024", false)] // View Channel only
    [InlineData("0", false)]
    [InlineData(null, null)] // Discord did not say
    [InlineData("lots", null)]
    public async Task Command_Subscribe_BotCanPostFollowsAppPermissions(string? appPermissions, bool? expected)
    {
        var interaction = DiscordInteractionJson.Command(CommandNames.Subscribe, DiscordInteractionJson.NewToken(), DiscordInteractionJson.ManagerPermissions);
        interaction.Remove("app_permissions");
        if (appPermissions is not null)
        {
            interaction["app_permissions"] = appPermissions;
        }

        var result = await Host.PostAsync(interaction);

        DiscordAssert.ValidResponse(result, expectedType: 4);
        Assert.Equal(expected, fixture.Handlers[CommandNames.Subscribe].Requests[^1].Context.BotCanPost);
    }

    [Fact]
    public async Task Command_InDirectMessage_HasNoGuildAndCannotManage()
    {
        var interaction = DiscordInteractionJson.Command(CommandNames.Unsubscribe, DiscordInteractionJson.NewToken(), DiscordInteractionJson.AdministratorPermissions);
        interaction.Remove("member");
        interaction.Remove("guild_id");
        interaction.Remove("guild");
        interaction["context"] = 1;
        interaction["user"] = new JsonObject { ["id"] = "900000000000000002", ["username"] = "bob" };

        var result = await Host.PostAsync(interaction);

        DiscordAssert.ValidResponse(result, expectedType: 4);
        Assert.Equal(new CommandContext(Platform.Discord, null, DiscordInteractionJson.ChannelId, "900000000000000002", false) { BotCanPost = true }, fixture.Handlers[CommandNames.Unsubscribe].Requests[^1].Context);
    }

    [Fact]
    public async Task Command_WithoutSubcommand_AnswersHelp()
    {
        var interaction = DiscordInteractionJson.Command(CommandNames.Help, DiscordInteractionJson.NewToken());
        interaction["data"]!.AsObject().Remove("options");
        var before = fixture.Handlers[CommandNames.Help].Requests.Count;

        var result = await Host.PostAsync(interaction);

        DiscordAssert.ValidResponse(result, expectedType: 4);
        Assert.Equal(before + 1, fixture.Handlers[CommandNames.Help].Requests.Count);
    }

    [Fact]
    public async Task Command_AnotherCommandName_AnswersNoticeWithoutDispatch()
    {
        var interaction = DiscordInteractionJson.Command(CommandNames.Help, DiscordInteractionJson.NewToken());
        interaction["data"]!["name"] = "updates";
        var before = Dispatched;

        var result = await Host.PostAsync(interaction);

        var body = DiscordAssert.ValidResponse(result, expectedType: 4);
        Assert.Equal(64, body["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("Unknown command", DiscordAssert.Text(body["data"]), StringComparison.Ordinal);
        Assert.Equal(before, Dispatched);
    }

    [Fact]
    public async Task Command_OptionLongerThan1000Characters_AnswersNoticeWithoutDispatch()
    {
        var before = Dispatched;

        var result = await Host.PostAsync(DiscordInteractionJson.Command(CommandNames.Ask, DiscordInteractionJson.NewToken(), DiscordInteractionJson.PlainPermissions, ("question", new string('a', 1001))));

        var body = DiscordAssert.ValidResponse(result, expectedType: 4);
        Assert.Contains("too long", DiscordAssert.Text(body["data"]), StringComparison.Ordinal);
        Assert.Equal(before, Dispatched);
    }

    [Fact]
    public async Task Command_HandlerThrows_AnswersApologyAndLogsTheError()
    {
        var result = await Host.PostAsync(DiscordInteractionJson.Command(CommandNames.Ask, DiscordInteractionJson.NewToken(), DiscordInteractionJson.PlainPermissions, ("question", DiscordCommandsFixture.Boom)));

        var body = DiscordAssert.ValidResponse(result, expectedType: 4);
        Assert.Contains("Something went wrong", DiscordAssert.Text(body["data"]), StringComparison.Ordinal);
        Assert.Contains(Host.Logs.Lines, l => l.Id.Id == 4009 && l.Text.Contains("handler bug", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Command_Answer_HasShareButtonAndNoPageButtons()
    {
        var result = await Host.PostAsync(DiscordInteractionJson.Command(CommandNames.Ask, DiscordInteractionJson.NewToken(), DiscordInteractionJson.PlainPermissions, ("question", "hello")));

        var body = DiscordAssert.ValidResponse(result, expectedType: 4);
        Assert.Equal(["sh"], DiscordAssert.CustomIds(body["data"]));
    }

    [Fact]
    public async Task Share_OnAnAnswer_PostsTheSameEmbedsPubliclyWithoutButtons()
    {
        var answer = DiscordAssert.ValidResponse(
            await Host.PostAsync(DiscordInteractionJson.Command(CommandNames.Ask, DiscordInteractionJson.NewToken(), DiscordInteractionJson.PlainPermissions, ("question", "what is <@123> & @everyone?"))), 4);
        var before = Dispatched;

        var result = await Host.PostAsync(DiscordInteractionJson.Button("sh", DiscordInteractionJson.EchoMessage(answer["data"]!), DiscordInteractionJson.NewToken()));

        var body = DiscordAssert.ValidResponse(result, expectedType: 4);
        var data = body["data"]!;
        Assert.Null(data["flags"]);
        Assert.Equal($"Shared by <@{DiscordInteractionJson.UserId}>", data["content"]!.GetValue<string>());
        Assert.Equal(DiscordAssert.Text(answer["data"]), DiscordAssert.Text(data));
        Assert.Empty(DiscordAssert.CustomIds(data));
        Assert.Equal("""{"parse":[]}""", data["allowed_mentions"]!.ToJsonString());
        Assert.Equal(before, Dispatched);
    }

    [Fact]
    public async Task Share_OnAMessageWithoutEmbeds_AnswersNotice()
    {
        var result = await Host.PostAsync(DiscordInteractionJson.Button("sh", new JsonObject { ["id"] = "1", ["flags"] = 64, ["embeds"] = new JsonArray() }, DiscordInteractionJson.NewToken()));

        var body = DiscordAssert.ValidResponse(result, expectedType: 4);
        Assert.Equal(64, body["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("Nothing to share", DiscordAssert.Text(body["data"]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suggestions_AreButtonsThatAnswerTheSuggestedQuestion()
    {
        var ask = fixture.Handlers[CommandNames.Ask];
        var unsure = DiscordAssert.ValidResponse(
            await Host.PostAsync(DiscordInteractionJson.Command(CommandNames.Ask, DiscordInteractionJson.NewToken(), DiscordInteractionJson.PlainPermissions, ("question", DiscordCommandsFixture.Unsure))), 4);

        // Two suggestions fit a custom_id; the long one is listed in the embed only.
        Assert.Contains(DiscordCommandsFixture.LongSuggestion[..50], DiscordAssert.Text(unsure["data"]), StringComparison.Ordinal);
        var suggestion = DiscordAssert.Button(unsure["data"], "Who is Bessent?");
        Assert.Equal(2, DiscordAssert.CustomIds(unsure["data"]).Count(id => id.StartsWith("sg:", StringComparison.Ordinal)));
        Assert.DoesNotContain("sh", DiscordAssert.CustomIds(unsure["data"]));

        var result = await Host.PostAsync(DiscordInteractionJson.Button(suggestion, DiscordInteractionJson.EchoMessage(unsure["data"]!), DiscordInteractionJson.NewToken()));

        var body = DiscordAssert.ValidResponse(result, expectedType: 4);
        Assert.Equal(64, body["data"]!["flags"]!.GetValue<int>());
        Assert.Equal("ask answered", body["data"]!["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("Who is Bessent?", ask.Requests[^1].Option(OptionNames.Question));
        Assert.Equal(Platform.Discord, ask.Requests[^1].Context.Platform);
    }

    [Fact]
    public async Task Suggestion_NamingACommand_RunsThatCommand()
    {
        var help = fixture.Handlers[CommandNames.Help];
        var before = help.Requests.Count;
        var unsure = DiscordAssert.ValidResponse(
            await Host.PostAsync(DiscordInteractionJson.Command(CommandNames.Ask, DiscordInteractionJson.NewToken(), DiscordInteractionJson.PlainPermissions, ("question", DiscordCommandsFixture.Unsure))), 4);

        var result = await Host.PostAsync(DiscordInteractionJson.Button(DiscordAssert.Button(unsure["data"], "help"), DiscordInteractionJson.EchoMessage(unsure["data"]!), DiscordInteractionJson.NewToken()));

        DiscordAssert.ValidResponse(result, expectedType: 4);
        Assert.Equal(before + 1, help.Requests.Count);
    }

    [Fact]
    public async Task PageButtons_UpdateTheMessageWithTheNextAndPreviousPage()
    {
        var figures = fixture.Handlers[CommandNames.Figures];
        var first = DiscordAssert.ValidResponse(
            await Host.PostAsync(DiscordInteractionJson.Command(CommandNames.Figures, DiscordInteractionJson.NewToken(), DiscordInteractionJson.PlainPermissions, ("name", DiscordCommandsFixture.Many))), 4);
        var firstFooter = first["data"]!["embeds"]![0]!["footer"]!["text"]!.GetValue<string>();
        Assert.StartsWith("Page 1/", firstFooter, StringComparison.Ordinal);
        var pages = int.Parse(firstFooter["Page 1/".Length..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(pages >= 3, firstFooter);

        var second = DiscordAssert.ValidResponse(
            await Host.PostAsync(DiscordInteractionJson.Button(DiscordAssert.Button(first["data"], "Next ▶"), DiscordInteractionJson.EchoMessage(first["data"]!), DiscordInteractionJson.NewToken())), 7);

        Assert.Null(second["data"]!["flags"]);
        Assert.Equal($"Page 2/{pages}", second["data"]!["embeds"]![0]!["footer"]!["text"]!.GetValue<string>());
        Assert.Equal(DiscordCommandsFixture.Many, figures.Requests[^1].Option(OptionNames.Name));
        Assert.Contains("Share", second["data"]!.ToJsonString(), StringComparison.Ordinal);

        var back = DiscordAssert.ValidResponse(
            await Host.PostAsync(DiscordInteractionJson.Button(DiscordAssert.Button(second["data"], "◀ Previous"), DiscordInteractionJson.EchoMessage(second["data"]!), DiscordInteractionJson.NewToken())), 7);
        Assert.Equal(DiscordAssert.Text(first["data"]), DiscordAssert.Text(back["data"]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("x")]
    [InlineData("sh:more")]
    [InlineData("pg:n1:subscribe:")]
    [InlineData("pg:n1:unsubscribe:")]
    [InlineData("sg:subscribe:rounds")]
    [InlineData("sg:unsubscribe:x")]
    [InlineData("pg:n1:who:evil=1")]
    [InlineData("pg:n1:who:name=%ZZ")]
    [InlineData("pg:n1:who:name=a%00b")]
    [InlineData("pg:n1:who:name=%C3%28")]
    [InlineData("pg:n99999:who:")]
    [InlineData("pg:x1:who:")]
    [InlineData("pg:n-1:who:")]
    [InlineData("pg:n1:who:name=a&name=b")]
    [InlineData("sg:ask:")]
    public async Task Button_WithInvalidCustomId_AnswersNoticeWithoutDispatch(string customId)
    {
        var before = Dispatched;

        var result = await Host.PostAsync(DiscordInteractionJson.Button(customId, null, DiscordInteractionJson.NewToken()));

        var body = DiscordAssert.ValidResponse(result, expectedType: 4);
        Assert.Equal(64, body["data"]!["flags"]!.GetValue<int>());
        Assert.Contains("no longer works", DiscordAssert.Text(body["data"]), StringComparison.Ordinal);
        Assert.Equal(before, Dispatched);
    }

    [Fact]
    public async Task Button_CustomIdOver100Characters_AnswersNoticeWithoutDispatch()
    {
        var before = Dispatched;

        var result = await Host.PostAsync(DiscordInteractionJson.Button("sg:ask:" + new string('a', 94), null, DiscordInteractionJson.NewToken()));

        DiscordAssert.ValidResponse(result, expectedType: 4);
        Assert.Equal(before, Dispatched);
    }

    [Fact]
    public async Task Autocomplete_NeverDispatchesACommand()
    {
        var before = Dispatched;

        var result = await Host.PostAsync(DiscordInteractionJson.Autocomplete(CommandNames.Who, OptionNames.Name, "bes"));

        DiscordAssert.ValidResponse(result, expectedType: 8);
        Assert.Equal(before, Dispatched);
        Assert.Equal(HttpStatusCode.OK, result.Status);
    }
}

/// <summary>A short inline budget on the real clock, for the tests that hold an answer back until the adapter has deferred.</summary>
public sealed class DiscordDeferringCommandsFixture() : DiscordCommandsFixture(inlineBudgetMilliseconds: 300);

/// <summary>Answers that miss the inline budget: the adapter defers, then edits the original response.</summary>
public sealed class DiscordInteractionDeferralTests(DiscordDeferringCommandsFixture fixture) : IClassFixture<DiscordDeferringCommandsFixture>
{
    private static readonly CommandContext s_context =
        new(Platform.Discord, DiscordInteractionJson.GuildId, DiscordInteractionJson.ChannelId, DiscordInteractionJson.UserId, false);

    private DiscordTestHost Host => fixture.Host;

    [Fact]
    public async Task Command_SlowAnswer_DefersEphemerallyThenEditsTheOriginalResponse()
    {
        fixture.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var token = DiscordInteractionJson.NewToken();
        var calls = Host.Api.Calls.Count;

        var result = await Host.PostAsync(DiscordInteractionJson.Command(CommandNames.Ask, token, DiscordInteractionJson.PlainPermissions, ("question", DiscordCommandsFixture.Slow)));

        var body = DiscordAssert.ValidResponse(result, expectedType: 5);
        Assert.Equal(64, body["data"]!["flags"]!.GetValue<int>());
        Assert.Equal(calls, Host.Api.Calls.Count);

        fixture.Gate.SetResult();
        await Host.Api.WaitForCallsAsync(calls + 1);

        var call = Host.Api.Calls[^1];
        Assert.Equal("PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original", call.Route);
        Assert.Equal($"/api/v10/webhooks/{DiscordInteractionJson.ApplicationId}/{token}/messages/@original", call.Path);
        Assert.Empty(call.Violations);
        Assert.Null(call.Authorization);
        Assert.Equal("ask answered late", call.Body!["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Null(call.Body["flags"]);
        Assert.Equal("""{"parse":[]}""", call.Body["allowed_mentions"]!.ToJsonString());
        Assert.Contains(Host.Logs.Lines, l => l.Id.Id == 4006);
        await Host.Logs.WaitForAsync(4007);
        Assert.DoesNotContain(token, Host.Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(token[..40], Host.Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_HandlerBlockingItsThread_StillDefersThenEditsTheOriginalResponse()
    {
        var token = DiscordInteractionJson.NewToken();
        var calls = Host.Api.Calls.Count;

        var post = Host.PostAsync(DiscordInteractionJson.Command(CommandNames.Ask, token, DiscordInteractionJson.PlainPermissions, ("question", DiscordCommandsFixture.Blocking)));

        // Safety net only: without a defer the response would never come while the handler blocks.
        var answered = await Task.WhenAny(post, Task.Delay(TimeSpan.FromSeconds(30))) == post;
        fixture.BlockingGate.Set();
        Assert.True(answered, "no response while the handler blocked its thread");
        DiscordAssert.ValidResponse(await post, expectedType: 5);
        await Host.Api.WaitForCallsAsync(calls + 1);
        var call = Host.Api.Calls[^1];
        Assert.Equal($"/api/v10/webhooks/{DiscordInteractionJson.ApplicationId}/{token}/messages/@original", call.Path);
        Assert.Equal("ask answered after blocking", call.Body!["embeds"]![0]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task PageButton_SlowAnswer_DefersTheUpdateThenEditsTheMessage()
    {
        // The first page as the adapter renders it inline (an inline answer is the other fixture's business).
        var request = CommandRequest.Create(CommandNames.Figures, s_context, (OptionNames.Name, DiscordCommandsFixture.Many));
        var firstPage = DiscordRenderer.Render(DiscordCommandsFixture.ManyFields($"Figures: {DiscordCommandsFixture.Many}"), request, page: 0, ephemeral: true);
        var first = new JsonObject { ["data"] = JsonSerializer.SerializeToNode(firstPage, DiscordJsonContext.Default.DiscordMessage) };
        var next = DiscordAssert.Button(first["data"], "Next ▶").Replace(DiscordCommandsFixture.Many, DiscordCommandsFixture.Slow, StringComparison.Ordinal);
        fixture.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var token = DiscordInteractionJson.NewToken();
        var calls = Host.Api.Calls.Count;

        var result = await Host.PostAsync(DiscordInteractionJson.Button(next, DiscordInteractionJson.EchoMessage(first["data"]!), token));

        var body = DiscordAssert.ValidResponse(result, expectedType: 6);
        Assert.Null(body["data"]);
        fixture.Gate.SetResult();
        await Host.Api.WaitForCallsAsync(calls + 1);
        var call = Host.Api.Calls[^1];
        Assert.Equal($"/api/v10/webhooks/{DiscordInteractionJson.ApplicationId}/{token}/messages/@original", call.Path);
        Assert.Empty(call.Violations);
        Assert.StartsWith("Page 2/", call.Body!["embeds"]![0]!["footer"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_SlowAnswerWhenDiscordRateLimits_RetriesAfterRetryAfter()
    {
        fixture.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = Host.Api.Calls.Count;
        Host.Api.Script("PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original", 429, retryAfter: 0.05);

        var result = await Host.PostAsync(DiscordInteractionJson.Command(CommandNames.Ask, DiscordInteractionJson.NewToken(), DiscordInteractionJson.PlainPermissions, ("question", DiscordCommandsFixture.Slow)));
        DiscordAssert.ValidResponse(result, expectedType: 5);
        fixture.Gate.SetResult();
        await Host.Api.WaitForCallsAsync(calls + 2);

        Assert.Equal(2, Host.Api.Calls.Count - calls);
        Assert.Contains(Host.Logs.Lines, l => l.Id.Id == 4013);
        await Host.Logs.WaitForAsync(4007);
    }
}
