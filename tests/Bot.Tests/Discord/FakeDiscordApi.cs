using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Discord;

/// <summary>A request the fake accepted or refused, with the body as sent.</summary>
internal sealed record DiscordApiCall(string Method, string Route, string Path, string? Authorization, string? UserAgent, JsonNode? Body, IReadOnlyList<string> Violations, int Status);

/// <summary>
/// Discord's REST API on 127.0.0.1 for tests, enforcing what the real one enforces on the routes the bot uses: every
/// body is validated against the spec's request schema and the documented limits (a violation gets Discord's 400
/// <c>50035 Invalid Form Body</c>), the bot token and a <c>DiscordBot (url, version)</c> User-Agent where required,
/// no bot token on interaction webhooks, and rate limits per webhook token (5 per 2 s) and per channel, answered
/// with 429, <c>retry_after</c> and <c>X-RateLimit-*</c> headers. Every call is recorded.
/// </summary>
internal sealed partial class FakeDiscordApi : IAsyncDisposable
{
    public const string BotToken = "test-bot-token.ABC.def";
    private const int WebhookLimit = 5;
    private static readonly TimeSpan s_webhookWindow = TimeSpan.FromSeconds(2);

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<DiscordApiCall> _calls = new();
    private readonly ConcurrentDictionary<string, List<DateTimeOffset>> _buckets = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Route, int Status, double RetryAfter)> _scripted = new();
    private readonly SemaphoreSlim _received = new(0);

    private FakeDiscordApi(WebApplication app) => _app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public IReadOnlyList<DiscordApiCall> Calls => [.. _calls];

    /// <summary>Calls the fake refused because the body broke the spec or a documented limit.</summary>
    public IReadOnlyList<DiscordApiCall> Invalid => [.. _calls.Where(c => c.Violations.Count > 0)];

    public static async Task<FakeDiscordApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakeDiscordApi(app);
        app.MapMethods("/api/v10/webhooks/{app}/{token}/messages/@original", ["PATCH"], (HttpContext http, string app, string token) =>
            fake.HandleAsync(http, "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original", bucket: "webhook:" + token, botToken: false));
        app.MapPost("/api/v10/webhooks/{app}/{token}", (HttpContext http, string app, string token) =>
            fake.HandleAsync(http, "POST /webhooks/{webhook_id}/{webhook_token}", bucket: "webhook:" + token, botToken: false));
        app.MapPut("/api/v10/applications/{app}/commands", (HttpContext http, string app) =>
            fake.HandleAsync(http, "PUT /applications/{application_id}/commands", bucket: null, botToken: true));
        app.MapPut("/api/v10/applications/{app}/guilds/{guild}/commands", (HttpContext http, string app, string guild) =>
            fake.HandleAsync(http, "PUT /applications/{application_id}/guilds/{guild_id}/commands", bucket: null, botToken: true));
        app.MapPost("/api/v10/channels/{channel}/messages", (HttpContext http, string channel) =>
            fake.HandleAsync(http, "POST /channels/{channel_id}/messages", bucket: "channel:" + channel, botToken: true));
        await app.StartAsync();
        var address = app.Urls.Single();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/api/v10/");
        return fake;
    }

    /// <summary>The next call to <paramref name="route"/> gets <paramref name="status"/> (429 carries <paramref name="retryAfter"/> seconds).</summary>
    public void Script(string route, int status, double retryAfter = 0) => _scripted.Enqueue((route, status, retryAfter));

    /// <summary>Waits until at least <paramref name="count"/> calls have arrived (a safety timeout only, not a timed assertion).</summary>
    public async Task WaitForCallsAsync(int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (_calls.Count < count)
        {
            await _received.WaitAsync(timeout.Token);
        }
    }

    private async Task<IResult> HandleAsync(HttpContext http, string route, string? bucket, bool botToken)
    {
        var violations = new List<string>();
        var authorization = http.Request.Headers.Authorization.ToString();
        var userAgent = http.Request.Headers.UserAgent.ToString();
        JsonNode? body = null;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body);
        }
        catch (System.Text.Json.JsonException ex)
        {
            violations.Add("body is not JSON: " + ex.Message);
        }

        if (!UserAgentPattern().IsMatch(userAgent))
        {
            violations.Add($"User-Agent '{userAgent}' is not 'DiscordBot (url, version)'");
        }

        if (http.Request.ContentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
        {
            violations.Add($"Content-Type '{http.Request.ContentType}' is not application/json");
        }

        IResult? refusal = null;
        if (botToken && authorization != "Bot " + BotToken)
        {
            refusal = Error(HttpStatusCode.Unauthorized, 0, "401: Unauthorized");
        }
        else if (!botToken && authorization.Length > 0)
        {
            violations.Add("interaction webhooks need no bot token; it must not be sent there");
        }

        if (violations.Count == 0 && refusal is null)
        {
            var (method, path) = (route[..route.IndexOf(' ', StringComparison.Ordinal)], route[(route.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
            violations.AddRange(DiscordOpenApi.Instance.ValidateRequest(method, path, body));
            violations.AddRange(route switch
            {
                _ when route.Contains("/commands", StringComparison.Ordinal) => DiscordDocumentedLimits.CheckCommands(body),
                _ when route.StartsWith("POST /channels", StringComparison.Ordinal) => DiscordDocumentedLimits.CheckChannelMessage(body),
                _ when route.StartsWith("PATCH", StringComparison.Ordinal) => DiscordDocumentedLimits.CheckMessage(body, requireContent: false),
                _ => DiscordDocumentedLimits.CheckMessage(body),
            });
        }

        var (status, result) = Respond(http, route, bucket, body, violations, refusal);
        _calls.Enqueue(new DiscordApiCall(http.Request.Method, route, http.Request.Path, authorization.Length > 0 ? authorization : null, userAgent, body, violations, status));
        _received.Release();
        return result;
    }

    private (int Status, IResult Result) Respond(HttpContext http, string route, string? bucket, JsonNode? body, List<string> violations, IResult? refusal)
    {
        if (refusal is not null)
        {
            return (401, refusal);
        }

        if (violations.Count > 0)
        {
            return (400, Results.Json(new JsonObject
            {
                ["code"] = 50035,
                ["message"] = "Invalid Form Body",
                ["errors"] = new JsonObject { ["_errors"] = new JsonArray([.. violations.Select(v => (JsonNode)new JsonObject { ["message"] = v })]) },
            }, statusCode: 400));
        }

        if (_scripted.TryPeek(out var scripted) && scripted.Route == route && _scripted.TryDequeue(out scripted))
        {
            return (scripted.Status, scripted.Status == 429
                ? RateLimited(http, scripted.RetryAfter)
                : Error((HttpStatusCode)scripted.Status, scripted.Status == 404 ? 10015 : 0, "scripted failure"));
        }

        if (bucket is not null && !TryTake(bucket, out var retryAfter))
        {
            return (429, RateLimited(http, retryAfter));
        }

        http.Response.Headers["X-RateLimit-Bucket"] = "fake";
        return (200, route switch
        {
            _ when route.Contains("/commands", StringComparison.Ordinal) => Results.Json(new JsonArray([.. (body as JsonArray ?? []).Select((c, i) =>
                (JsonNode)new JsonObject { ["id"] = (1_400_000_000_000_000_000 + i).ToString(CultureInfo.InvariantCulture), ["name"] = c?["name"]?.GetValue<string>() })])),
            _ => Results.Json(new JsonObject { ["id"] = "1500000000000000001", ["channel_id"] = "1100000000000000050" }),
        });
    }

    private bool TryTake(string bucket, out double retryAfter)
    {
        var now = DateTimeOffset.UtcNow;
        var hits = _buckets.GetOrAdd(bucket, _ => []);
        lock (hits)
        {
            hits.RemoveAll(t => now - t > s_webhookWindow);
            if (hits.Count >= WebhookLimit)
            {
                retryAfter = Math.Max(0.001, (s_webhookWindow - (now - hits[0])).TotalSeconds);
                return false;
            }

            hits.Add(now);
            retryAfter = 0;
            return true;
        }
    }

    private static IResult RateLimited(HttpContext http, double retryAfter)
    {
        http.Response.Headers["X-RateLimit-Limit"] = WebhookLimit.ToString(CultureInfo.InvariantCulture);
        http.Response.Headers["X-RateLimit-Remaining"] = "0";
        http.Response.Headers["X-RateLimit-Reset-After"] = retryAfter.ToString("0.000", CultureInfo.InvariantCulture);
        http.Response.Headers["X-RateLimit-Scope"] = "user";
        http.Response.Headers.RetryAfter = Math.Ceiling(retryAfter).ToString(CultureInfo.InvariantCulture);
        return Results.Json(new JsonObject { ["message"] = "You are being rate limited.", ["retry_after"] = retryAfter, ["global"] = false }, statusCode: 429);
    }

    private static IResult Error(HttpStatusCode status, int code, string message) =>
        Results.Json(new JsonObject { ["code"] = code, ["message"] = message }, statusCode: (int)status);

    [GeneratedRegex(@"^DiscordBot \(https?://\S+, \d+(\.\d+)*\)$")]
    private static partial Regex UserAgentPattern();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _received.Dispose();
    }
}
