using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Commands;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Slack;

/// <summary>
/// The real host (<see cref="WebApplicationFactory{Program}"/>) with Slack configured, a fact base written for these tests
/// (including text that tries to mention everyone), a fake clock, and a fake Slack on loopback for response_urls.
/// </summary>
internal sealed class SlackTestHost : IAsyncDisposable
{
    /// <summary>A person whose text tries every Slack control sequence.</summary>
    public const string HostileText = "Says <!channel> & <@U123> should read <https://evil.example|this> & <!here>.";

    public static readonly DateTimeOffset Now = new(2025, 11, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly WebApplicationFactory<Program> _factory;
    private readonly FactFolder _facts;

    private readonly BotWebApplicationFactory _root;

    private SlackTestHost(BotWebApplicationFactory root, WebApplicationFactory<Program> factory, FactFolder facts, FakeTimeProvider time, FakeSlack slack)
    {
        _root = root;
        _factory = factory;
        _facts = facts;
        Time = time;
        Slack = slack;
        Client = factory.CreateClient();
    }

    public FakeTimeProvider Time { get; }
    public FakeSlack Slack { get; }
    public HttpClient Client { get; }
    public IServiceProvider Services => _factory.Services;

    public static async Task<SlackTestHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var time = new FakeTimeProvider(Now);
        var slack = await FakeSlack.StartAsync(time);
        var facts = WriteFacts();
        var all = new Dictionary<string, string?>
        {
            ["Facts:Path"] = facts.Path,
            ["Facts:Watch"] = "false",
            ["Slack:SigningSecret"] = SlackSigner.Secret,
            ["Slack:BotToken"] = FakeSlack.BotToken,
            ["Slack:ApiBaseUrl"] = new Uri(slack.BaseAddress, "api/").AbsoluteUri,
            ["Slack:AllowLoopbackResponseUrls"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var root = new BotWebApplicationFactory(all);
        var factory = root.WithWebHostBuilder(b =>
        {
            b.ConfigureTestServices(s =>
            {
                s.AddSingleton<TimeProvider>(time);
                services?.Invoke(s);
            });
        });
        return new SlackTestHost(root, factory, facts, time, slack);
    }

    public Task<HttpResponseMessage> CommandAsync(string text, Uri? responseUrl = null, string userId = SlackSigner.UserId, string appId = SlackSigner.AppId) =>
        SendAsync("/slack/commands", SlackSigner.Form(SlackSigner.CommandFields(text, responseUrl ?? Slack.NewResponseUrl(), userId, appId)));

    public Task<HttpResponseMessage> ActionAsync(string actionId, string value, Uri? responseUrl = null, string userId = SlackSigner.UserId) =>
        SendAsync("/slack/interactions", SlackSigner.InteractionBody(actionId, value, responseUrl ?? Slack.NewResponseUrl("actions"), userId));

    public async Task<HttpResponseMessage> SendAsync(string path, string body, string secret = SlackSigner.Secret, long? timestamp = null)
    {
        using var request = SlackSigner.Request(path, body, Time.GetUtcNow(), secret, timestamp);
        var response = await Client.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }

    /// <summary>The JSON of a 200 response to a slash command, checked against Block Kit limits.</summary>
    public static async Task<JsonObject> MessageAsync(HttpResponseMessage response)
    {
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = Assert.IsType<JsonObject>(JsonNode.Parse(await response.Content.ReadAsStringAsync()));
        Assert.Empty(BlockKitRules.Violations(json));
        return json;
    }

    /// <summary>Every text of a message (fallback, headers, sections, fields, context, buttons), joined.</summary>
    public static string AllText(JsonObject message)
    {
        var sb = new StringBuilder(message["text"]?.GetValue<string>());
        foreach (var node in Descendants(message["blocks"]))
        {
            if (node is JsonObject o && o["text"] is JsonValue v && v.TryGetValue<string>(out var s))
            {
                sb.Append('\n').Append(s);
            }
        }

        return sb.ToString();
    }

    public static IEnumerable<JsonObject> Buttons(JsonObject message) =>
        Descendants(message["blocks"]).OfType<JsonObject>().Where(o => o["type"]?.GetValue<string>() == "button");

    private static IEnumerable<JsonNode?> Descendants(JsonNode? node)
    {
        yield return node;
        IEnumerable<JsonNode?> children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a,
            _ => [],
        };
        foreach (var child in children)
        {
            foreach (var d in Descendants(child))
            {
                yield return d;
            }
        }
    }

    private static FactFolder WriteFacts()
    {
        var folder = new FactFolder();
        folder.Write("sources.yaml", """
            sources:
              - id: s1
                publisher: Test Wire
                title: A test article & <!everyone> in the title
                url: https://example.org/a?x=1&y=<2>
                date: 2025-05-01
              - id: s2
                publisher: Other Paper
                title: Second article
                url: https://example.org/b
                date: 2025-06-01
            """);
        folder.Write("people.yaml", $"""
            people:
              - id: ryosei-akazawa
                name: Ryosei Akazawa
                side: japan
                text: Japan's chief negotiator.
                roles:
                  - title: Minister in charge of economic revitalization
                    from: 2024-10
                    to: 2025-10-21
                    sources: [s1]
                as_of: 2025-05-01
                sources: [s1]
                aliases: [Akazawa Ryosei, Akazawa]
                phrasings: ["who is akazawa"]
              - id: scott-bessent
                name: Scott Bessent
                side: us
                text: "US Treasury Secretary. {HostileText}"
                roles:
                  - title: Treasury Secretary
                    from: 2025-01-28
                    sources: [s2]
                as_of: 2025-06-01
                sources: [s2]
                aliases: [Bessent, Treasury]
                phrasings: ["who is bessent"]
            """);
        folder.Write("rounds.yaml", """
            rounds:
              - id: round-4
                number: 4
                title: Round 4
                date: 2025-05-30
                place: Washington, D.C.
                japan: [ryosei-akazawa]
                us: [scott-bessent]
                duration: about two hours
                topics: [farm imports, autos]
                outcome: Talks progressing & <!channel> no details given.
                text: The fourth round of talks.
                as_of: 2025-05-31
                sources: [s1, s2]
                phrasings: ["round 4", "fourth round"]
            """);
        var events = new StringBuilder("events:\n");
        for (var i = 1; i <= 24; i++)
        {
            var day = new DateOnly(2025, 4, 1).AddDays(i * 3);
            events.Append(CultureInfo.InvariantCulture, $"""
                  - id: event-{i}
                    title: Event number {i}
                    date: {day:yyyy-MM-dd}
                    text: Something happened on day {i} of the talks, in a sentence long enough to look like a real one.
                    as_of: {day:yyyy-MM-dd}
                    sources: [s1]
                    phrasings: ["event {i}"]

                """);
        }

        folder.Write("events.yaml", events.ToString());
        folder.Write("figures.yaml", """
            figures:
              - id: auto-tariff
                title: Tariff on Japanese cars
                amount: {value: 15, unit: percent, display: "15%"}
                date: 2025-09
                text: The US tariff on Japanese cars became 15% & stays there.
                as_of: 2025-09-16
                sources: [s2]
                phrasings: ["car tariff"]
                aliases: [auto tariff]
            """);
        folder.Write("purchases.yaml", """
            purchases:
              - id: boeing-aircraft
                title: 100 Boeing aircraft
                amount: {value: 100, unit: aircraft, display: "100 aircraft"}
                status: announced by the White House
                date: 2025-07-23
                text: Japan would buy 100 Boeing aircraft, per the White House.
                as_of: 2025-07-23
                sources: [s2]
                phrasings: ["boeing"]
                aliases: [boeing]
            """);
        return folder;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _factory.DisposeAsync();
        await _root.DisposeAsync();
        await Slack.DisposeAsync();
        _facts.Dispose();
    }
}

/// <summary>A command handler for tests: records what it was asked and answers with a fixed reply, optionally only when released.</summary>
internal sealed class RecordingHandler(string name, Reply? reply = null) : ICommandHandler
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Name => name;

    public System.Collections.Concurrent.ConcurrentQueue<CommandRequest> Requests { get; } = new();

    public bool Blocks { get; init; }

    public Task Started => _started.Task;

    public void Release() => _release.TrySetResult();

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken ct)
    {
        Requests.Enqueue(request);
        _started.TrySetResult();
        if (Blocks)
        {
            await _release.Task.WaitAsync(ct);
        }

        return reply ?? new Reply
        {
            Kind = ReplyKind.Answer,
            Title = $"{name} answered",
            Body = string.Join("; ", request.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}")),
        };
    }
}
