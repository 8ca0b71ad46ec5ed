using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Slack;

/// <summary>One message Slack accepted: which URL or method received it, and the JSON.</summary>
internal sealed record FakeSlackPost(string Path, JsonObject Body);

/// <summary>
/// A fake Slack on 127.0.0.1 (real Kestrel) for the adapter's outgoing calls. <c>/commands/…</c> and <c>/actions/…</c>
/// play response_urls: JSON only, Block Kit limits enforced (<c>400 invalid_blocks</c>), at most 5 uses within 30 minutes
/// (<c>404 used_url</c> / <c>expired_url</c>). <c>/api/chat.postMessage</c> checks the bearer token, the JSON content type
/// with charset, the parameters against Slack's OpenAPI spec, the same limits, and 1 post per second per channel
/// (<c>429</c> + <c>Retry-After</c>). Every accepted post is recorded; every refusal too.
/// </summary>
internal sealed class FakeSlack : IAsyncDisposable
{
    public const string BotToken = "fake-slack-bot-token";

    private readonly WebApplication _app;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, (DateTimeOffset First, int Uses)> _uses = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastPostPerChannel = new(StringComparer.Ordinal);
    private readonly Channel<FakeSlackPost> _accepted = Channel.CreateUnbounded<FakeSlackPost>();
    private readonly HashSet<string> _postMessageParameters;

    private FakeSlack(WebApplication app, TimeProvider time, HashSet<string> postMessageParameters)
    {
        _app = app;
        _time = time;
        _postMessageParameters = postMessageParameters;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public ConcurrentQueue<FakeSlackPost> Accepted { get; } = new();

    public ConcurrentQueue<string> Refusals { get; } = new();

    public static async Task<FakeSlack> StartAsync(TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSlack(app, time, SlackSpec.PostMessageParameters());
        app.MapPost("/commands/{**rest}", (Func<HttpContext, Task<IResult>>)fake.ResponseUrlAsync);
        app.MapPost("/actions/{**rest}", (Func<HttpContext, Task<IResult>>)fake.ResponseUrlAsync);
        app.MapPost("/api/chat.postMessage", (Func<HttpContext, Task<IResult>>)fake.PostMessageAsync);
        await app.StartAsync();
        fake.BaseAddress = new Uri(app.Urls.First() + "/");
        return fake;
    }

    /// <summary>A fresh response_url on this fake, like Slack's <c>https://hooks.slack.com/commands/T…/…/…</c>.</summary>
    public Uri NewResponseUrl(string kind = "commands") => new(BaseAddress, $"{kind}/{SlackSigner.TeamId}/{Random.Shared.NextInt64(1, long.MaxValue)}/{Guid.NewGuid():N}");

    /// <summary>Waits for the next accepted post (a wait for an event, not a timing assertion).</summary>
    public async Task<FakeSlackPost> NextAsync()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        return await _accepted.Reader.ReadAsync(cts.Token);
    }

    public bool TryNext(out FakeSlackPost? post) => _accepted.Reader.TryRead(out post);

    private async Task<IResult> ResponseUrlAsync(HttpContext http)
    {
        var path = http.Request.Path.Value!;
        var now = _time.GetUtcNow();
        var entry = _uses.AddOrUpdate(path, _ => (now, 1), (_, e) => (e.First, e.Uses + 1));
        if (now - entry.First > TimeSpan.FromMinutes(30))
        {
            return Refuse(HttpStatusCode.NotFound, "expired_url");
        }

        if (entry.Uses > 5)
        {
            return Refuse(HttpStatusCode.NotFound, "used_url");
        }

        if (http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return Refuse(HttpStatusCode.BadRequest, "invalid_payload: content type " + http.Request.ContentType);
        }

        var body = await ReadJsonAsync(http);
        if (body is null)
        {
            return Refuse(HttpStatusCode.BadRequest, "invalid_payload");
        }

        if (BlockKitRules.Violations(body) is { Count: > 0 } violations)
        {
            return Refuse(HttpStatusCode.BadRequest, "invalid_blocks: " + string.Join("; ", violations));
        }

        Accept(path, body);
        return Results.Text("ok");
    }

    private async Task<IResult> PostMessageAsync(HttpContext http)
    {
        if (http.Request.Headers.Authorization.ToString() != "Bearer " + BotToken)
        {
            return Results.Json(new { ok = false, error = "invalid_auth" });
        }

        var contentType = http.Request.ContentType ?? "";
        if (!contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || !contentType.Contains("charset=utf-8", StringComparison.OrdinalIgnoreCase))
        {
            return Refuse(HttpStatusCode.OK, "missing_charset or not JSON: " + contentType, json: true);
        }

        var body = await ReadJsonAsync(http);
        if (body is null)
        {
            return Refuse(HttpStatusCode.OK, "invalid_json", json: true);
        }

        if (body.Select(p => p.Key).FirstOrDefault(k => !_postMessageParameters.Contains(k)) is { } unknown)
        {
            return Refuse(HttpStatusCode.OK, "invalid_arg_name: " + unknown, json: true);
        }

        if (body["channel"]?.GetValue<string>() is not { Length: > 0 } channel)
        {
            return Refuse(HttpStatusCode.OK, "channel_not_found", json: true);
        }

        if (BlockKitRules.Violations(body) is { Count: > 0 } violations)
        {
            return Refuse(HttpStatusCode.OK, "invalid_blocks: " + string.Join("; ", violations), json: true);
        }

        var now = _time.GetUtcNow();
        if (_lastPostPerChannel.TryGetValue(channel, out var last) && now - last < TimeSpan.FromSeconds(1))
        {
            Refusals.Enqueue("ratelimited");
            http.Response.Headers.RetryAfter = "1";
            return Results.Json(new { ok = false, error = "ratelimited" }, statusCode: 429);
        }

        _lastPostPerChannel[channel] = now;
        Accept("/api/chat.postMessage", body);
        return Results.Json(new { ok = true, channel, ts = "1503435956.000247", message = new { type = "message", text = body["text"]?.GetValue<string>() ?? "", ts = "1503435956.000247" } });
    }

    private void Accept(string path, JsonObject body)
    {
        var post = new FakeSlackPost(path, body);
        Accepted.Enqueue(post);
        _accepted.Writer.TryWrite(post);
    }

    private IResult Refuse(HttpStatusCode status, string error, bool json = false)
    {
        Refusals.Enqueue(error);
        return json ? Results.Json(new { ok = false, error }, statusCode: (int)status) : Results.Text(error, statusCode: (int)status);
    }

    private static async Task<JsonObject?> ReadJsonAsync(HttpContext http)
    {
        try
        {
            return await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Reads Slack's Web API OpenAPI spec from the repository's specs/slack (copied from shared/specs).</summary>
internal static class SlackSpec
{
    public static string Folder => Path.Combine(RepoPaths.Specs, "slack");

    /// <summary>The formData parameter names of <c>chat.postMessage</c> (the token goes in the Authorization header).</summary>
    public static HashSet<string> PostMessageParameters()
    {
        using var stream = File.OpenRead(Path.Combine(Folder, "slack_web_openapi_v2.json"));
        using var spec = JsonDocument.Parse(stream);
        return spec.RootElement.GetProperty("paths").GetProperty("/chat.postMessage").GetProperty("post").GetProperty("parameters")
            .EnumerateArray()
            .Where(p => p.GetProperty("in").GetString() == "formData")
            .Select(p => p.GetProperty("name").GetString()!)
            .ToHashSet(StringComparer.Ordinal);
    }
}
