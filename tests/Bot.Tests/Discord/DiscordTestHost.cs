using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Commands;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Discord;

/// <summary>An HTTP response of the bot: status, content type and parsed JSON body (null when empty).</summary>
internal sealed record DiscordHttpResult(HttpStatusCode Status, string? ContentType, JsonNode? Body, string Text);

/// <summary>
/// The real bot host (<see cref="BotWebApplicationFactory"/>) with Discord enabled by a test key pair, its REST calls
/// going to a <see cref="FakeDiscordApi"/> on loopback, every log line captured, and optional test services. The
/// service's clock is the real one unless a <see cref="FakeTimeProvider"/> is given: then the host's budgets (the
/// inline answer's, the conversation memory's) run on it and never elapse unless a test moves it, and requests are
/// signed with its time.
/// </summary>
internal sealed class DiscordTestHost : IAsyncDisposable
{
    private readonly BotWebApplicationFactory _root;
    private readonly WebApplicationFactory<Program> _factory;

    private DiscordTestHost(DiscordSigner signer, FakeDiscordApi api, BotWebApplicationFactory root, WebApplicationFactory<Program> factory, CapturingLoggerProvider logs, FakeTimeProvider? time)
    {
        Signer = signer;
        Time = time;
        Api = api;
        _root = root;
        _factory = factory;
        Logs = logs;
    }

    public DiscordSigner Signer { get; }

    /// <summary>The service's clock when the test gave one; null for the real clock.</summary>
    public FakeTimeProvider? Time { get; }
    public FakeDiscordApi Api { get; }
    private HttpClient? _client;

    /// <summary>The client of the in-memory server; the host starts on first use.</summary>
    public HttpClient Client => _client ??= _factory.CreateClient();
    public CapturingLoggerProvider Logs { get; }
    public IServiceProvider Services => _factory.Services;

    public static async Task<DiscordTestHost> StartAsync(
        string factsPath,
        Action<IServiceCollection>? services = null,
        IDictionary<string, string?>? settings = null,
        bool enabled = true,
        FakeTimeProvider? time = null)
    {
        var signer = new DiscordSigner();
        var api = await FakeDiscordApi.StartAsync();
        var all = new Dictionary<string, string?>
        {
            ["Facts:Path"] = factsPath,
            ["Discord:PublicKey"] = enabled ? signer.PublicKeyHex : null,
            ["Discord:ApplicationId"] = DiscordInteractionJson.ApplicationId,
            ["Discord:BotToken"] = FakeDiscordApi.BotToken,
            ["Discord:ApiBaseUrl"] = api.BaseUrl.ToString(),

            // Capture every level (the token checks read all of it); keep the console quiet.
            ["Logging:LogLevel:Default"] = "Trace",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
            ["Logging:Console:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var logs = new CapturingLoggerProvider();
        var root = new BotWebApplicationFactory(all);
        var factory = root.WithWebHostBuilder(builder =>
        {
            builder.ConfigureLogging(l => l.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
            if (time is not null)
            {
                builder.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(time));
            }

            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }
        });
        return new DiscordTestHost(signer, api, root, factory, logs, time);
    }

    /// <summary>Replaces every command handler by recording fakes, one per subcommand of DESIGN §6.</summary>
    public static Action<IServiceCollection> RecordingHandlers(RecordingCommandHandlers handlers) => services =>
    {
        services.RemoveAll<ICommandHandler>();
        foreach (var handler in handlers.All)
        {
            services.AddSingleton<ICommandHandler>(handler);
        }
    };

    /// <summary>Posts a signed interaction (timestamped by the service's clock) and reads the response.</summary>
    public Task<DiscordHttpResult> PostAsync(JsonNode interaction) =>
        SendAsync(Signer.Request(interaction.ToJsonString(), Time?.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>
    /// Posts a signed interaction and returns the message that answers it: the inline response's data (callback
    /// <paramref name="inlineType"/>, 4 or 7), or, when the host deferred it (5 or 6: a busy machine past the inline
    /// budget, as Discord allows), the edit of the original response it then sends. For tests about what is answered,
    /// not how fast; both paths are checked against the spec.
    /// </summary>
    public async Task<JsonNode> AnsweredAsync(JsonNode interaction, int inlineType = 4)
    {
        var token = interaction["token"]!.GetValue<string>();
        var result = await PostAsync(interaction);
        var deferredType = inlineType == 7 ? 6 : 5;
        if (result.Body?["type"]?.GetValue<int>() != deferredType)
        {
            return DiscordAssert.ValidResponse(result, inlineType)["data"]!;
        }

        var deferred = DiscordAssert.ValidResponse(result, deferredType);
        DiscordApiCall? edit;
        while (true)
        {
            // One snapshot to look in and to count: an edit arriving in between is not waited for as if still to come.
            var calls = Api.Calls;
            if ((edit = calls.LastOrDefault(c => c.Method == "PATCH" && c.Path.Contains(token, StringComparison.Ordinal))) is not null)
            {
                break;
            }

            await Api.WaitForCallsAsync(calls.Count + 1);
        }

        Assert.Empty(edit.Violations);

        // The message shown carries the flags of the deferral (ephemeral is set then, and an edit cannot change it).
        var message = edit.Body!.DeepClone();
        if (deferred["data"]?["flags"] is { } flags)
        {
            message["flags"] = flags.DeepClone();
        }

        return message;
    }

    public async Task<DiscordHttpResult> SendAsync(HttpRequestMessage request)
    {
        using (request)
        {
            using var response = await Client.SendAsync(request);
            var text = await response.Content.ReadAsStringAsync();
            return new DiscordHttpResult(
                response.StatusCode,
                response.Content.Headers.ContentType?.MediaType,
                text.Length > 0 ? JsonNode.Parse(text) : null,
                text);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _client?.Dispose();
        await _factory.DisposeAsync();
        await _root.DisposeAsync();
        await Api.DisposeAsync();
        Signer.Dispose();
    }
}

/// <summary>A real logger provider that keeps every formatted line (with exceptions) for assertions.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, EventId Id, string Text)> _lines = new();

    public IReadOnlyList<(string Category, LogLevel Level, EventId Id, string Text)> Lines => [.. _lines];

    public string All => string.Join('\n', _lines.Select(l => $"{l.Level} {l.Category}[{l.Id.Id}] {l.Text}"));

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    /// <summary>Waits until a line with <paramref name="eventId"/> was logged (a safety timeout only, not a timed assertion).</summary>
    public async Task WaitForAsync(int eventId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!_lines.Any(l => l.Id.Id == eventId))
        {
            await Task.Delay(10, timeout.Token);
        }
    }

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, LogLevel, EventId, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = formatter(state, exception) + (exception is null ? "" : "\n" + exception);
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
            {
                // Structured values too: a token passed as a parameter but not in the template would still reach a sink.
                text += " " + string.Join(' ', values.Select(v => $"{v.Key}={v.Value}"));
            }

            lines.Enqueue((category, logLevel, eventId, text));
        }
    }
}

/// <summary>A fake command handler (our own port) that records what the adapter sent and answers with a fixed reply.</summary>
internal sealed class RecordingCommandHandler(string name, Func<CommandRequest, Task<Reply>>? answer = null) : ICommandHandler
{
    private readonly ConcurrentQueue<CommandRequest> _requests = new();

    public string Name { get; } = name;

    public IReadOnlyList<CommandRequest> Requests => [.. _requests];

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken ct)
    {
        _requests.Enqueue(request);
        return answer?.Invoke(request) ?? Task.FromResult(new Reply
        {
            Kind = ReplyKind.Answer,
            Title = $"{Name} answered",
            Body = string.Join("\n", request.Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}")),
        });
    }
}

/// <summary>One <see cref="RecordingCommandHandler"/> per subcommand of DESIGN §6.</summary>
internal sealed class RecordingCommandHandlers
{
    public static readonly string[] Names =
    [
        CommandNames.Ask, CommandNames.Who, CommandNames.Round, CommandNames.Timeline, CommandNames.Purchases, CommandNames.Figures,
        CommandNames.Changes, CommandNames.Sources, CommandNames.Subscribe, CommandNames.Unsubscribe, CommandNames.Subscriptions, CommandNames.Help,
    ];

    public RecordingCommandHandlers(IDictionary<string, Func<CommandRequest, Task<Reply>>>? answers = null) =>
        All = [.. Names.Select(n => new RecordingCommandHandler(n, answers?.TryGetValue(n, out var a) == true ? a : null))];

    public IReadOnlyList<RecordingCommandHandler> All { get; }

    public RecordingCommandHandler this[string name] => All.Single(h => h.Name == name);
}

/// <summary>Helpers for request bodies that are not JSON objects.</summary>
internal static class DiscordRawRequests
{
    public static HttpRequestMessage Unsigned(string body, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/discord/interactions", UriKind.Relative))
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}
