using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bot.Tests.Outbox.Fakes;

/// <summary>One message the fake Discord created.</summary>
internal sealed record DiscordPostRecord(string Id, string ChannelId, string? Nonce, string Body, DateTimeOffset At)
{
    /// <summary>What a reader sees: content, then each embed's title, description, fields and footer, one per line.</summary>
    public string Text
    {
        get
        {
            using var doc = JsonDocument.Parse(Body);
            var lines = new List<string>();
            if (doc.RootElement.TryGetProperty("content", out var content) && content.ValueKind == JsonValueKind.String)
            {
                lines.Add(content.GetString()!);
            }

            foreach (var embed in doc.RootElement.TryGetProperty("embeds", out var embeds) ? embeds.EnumerateArray() : default)
            {
                foreach (var name in new[] { "title", "description" })
                {
                    if (embed.TryGetProperty(name, out var value))
                    {
                        lines.Add(value.GetString()!);
                    }
                }

                foreach (var entry in embed.TryGetProperty("fields", out var fields) ? fields.EnumerateArray() : default)
                {
                    lines.Add(entry.GetProperty("name").GetString()!);
                    lines.Add(entry.GetProperty("value").GetString()!);
                }

                if (embed.TryGetProperty("footer", out var footer))
                {
                    lines.Add(footer.GetProperty("text").GetString()!);
                }
            }

            return string.Join('\n', lines);
        }
    }
}

/// <summary>
/// Discord's <c>POST /channels/{id}/messages</c> on loopback, enforcing what the real API enforces: the bot token, the
/// global limit (50 requests in any second, sliding: stricter than Discord's own counting), per-channel route buckets
/// (5 per 5 s) announced in <c>X-RateLimit-*</c> headers, 429 bodies with <c>retry_after</c> and <c>global</c>, message
/// and embed limits (400 50035), and nonce dedupe with <c>enforce_nonce</c> (the earlier message is returned, nothing new
/// is created). Records every created message, every 429, and every request that would ping someone.
/// </summary>
internal sealed class FakeDiscordChannelApi : IAsyncDisposable
{
    public const string Token = "fake-discord-bot-token";

    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _globalWindow = new();
    private readonly Dictionary<string, (DateTimeOffset Start, int Count)> _routes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Channel, string Nonce), (DiscordPostRecord Post, DateTimeOffset At)> _nonces = [];
    private readonly List<DiscordPostRecord> _posts = [];
    private readonly List<DateTimeOffset> _requests = [];
    private WebApplication? _app;
    private long _lastId;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Base URL as configured in Discord__ApiBaseUrl.</summary>
    public string ApiBaseUrl => new Uri(BaseAddress, "api/v10/").ToString();

    public int GlobalLimitPerSecond { get; set; } = 50;
    public int RouteLimit { get; set; } = 5;
    public TimeSpan RouteWindow { get; set; } = TimeSpan.FromSeconds(5);
    public TimeSpan NonceWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Channels that answer with a Discord error code: 10003 or 10004 (404), 50001, 50013 or any other code (403).</summary>
    public ConcurrentDictionary<string, int> ChannelErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>When true every request gets 401, as after a token reset.</summary>
    public bool TokenRevoked { get; set; }

    /// <summary>Share of requests answered 429 regardless of limits (a "429 storm"); a quarter of them global.</summary>
    public double StormProbability { get; set; }

    public double StormRetryAfterSeconds { get; set; } = 0.3;

    /// <summary>How many of the next successful answers get <see cref="ResponseDelay"/> (all when negative).</summary>
    public int DelayedResponses { get; set; } = -1;

    /// <summary>Delay after the message is created and before the answer is sent (a slow network or a crash window); cut
    /// short when the client gives up.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>When set, successful answers wait for this task after the message is created (a platform that stalls until the test says so).</summary>
    public Task? ResponseGate { get; set; }

    /// <summary>Discord error code for every <c>GET /channels/{id}/messages</c> (e.g. 50013 without Read Message History).</summary>
    public int? ListMessagesError { get; set; }

    public int ListMessagesCalls { get; private set; }

    public int RateLimited { get; private set; }
    public int GlobalRateLimited { get; private set; }
    public int NonceDedupes { get; private set; }
    public int Unauthorized { get; private set; }
    public ConcurrentQueue<string> Violations { get; } = new();

    public IReadOnlyList<DiscordPostRecord> Posts
    {
        get
        {
            lock (_gate)
            {
                return [.. _posts];
            }
        }
    }

    public int RequestsTo(string channelId)
    {
        lock (_gate)
        {
            return _requestsByChannel.GetValueOrDefault(channelId);
        }
    }

    private readonly Dictionary<string, int> _requestsByChannel = new(StringComparer.Ordinal);

    /// <summary>The most requests that arrived within any one second (to check the client never exceeded the limit).</summary>
    public int PeakRequestsPerSecond
    {
        get
        {
            lock (_gate)
            {
                var times = _requests.Order().ToList();
                var peak = 0;
                for (int i = 0, j = 0; i < times.Count; i++)
                {
                    while (times[i] - times[j] >= TimeSpan.FromSeconds(1))
                    {
                        j++;
                    }

                    peak = Math.Max(peak, i - j + 1);
                }

                return peak;
            }
        }
    }

    public static async Task<FakeDiscordChannelApi> StartAsync()
    {
        var fake = new FakeDiscordChannelApi();
        (fake._app, fake.BaseAddress) = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/api/v10/channels/{channelId}/messages", (HttpContext context, string channelId) => fake.HandleAsync(context, channelId));
            app.MapGet("/api/v10/channels/{channelId}/messages", (HttpContext context, string channelId) => fake.ListMessages(context, channelId));

            // Discord answers a path it does not know (a wrong Discord__ApiBaseUrl) with 404 and code 0.
            app.MapFallback(() => Results.Text("""{"message": "404: Not Found", "code": 0}""", "application/json", statusCode: 404));
        });
        return fake;
    }

    private async Task HandleAsync(HttpContext context, string channelId)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var (status, json, headers) = Decide(context.Request.Headers.Authorization.ToString(), channelId, body, DateTimeOffset.UtcNow);
        if (status == 200 && ResponseDelay > TimeSpan.Zero && TakeDelay())
        {
            try
            {
                await Task.Delay(ResponseDelay, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return; // the client gave up waiting (its timeout): nobody reads the answer
            }
        }

        if (status == 200 && ResponseGate is { } gate)
        {
            await gate.WaitAsync(context.RequestAborted);
        }

        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(json);
    }

    private (int Status, string Json, List<(string, string)> Headers) Decide(string authorization, string channelId, string body, DateTimeOffset now)
    {
        var headers = new List<(string, string)>();
        lock (_gate)
        {
            _requestsByChannel[channelId] = _requestsByChannel.GetValueOrDefault(channelId) + 1;
            if (authorization != "Bot " + Token || TokenRevoked)
            {
                Unauthorized++;
                return (401, """{"message": "401: Unauthorized", "code": 0}""", headers);
            }

            // Global limit: at most GlobalLimitPerSecond admitted requests in any one second.
            while (_globalWindow.Count > 0 && now - _globalWindow.Peek() >= TimeSpan.FromSeconds(1))
            {
                _globalWindow.Dequeue();
            }

            _requests.Add(now);
            if (_globalWindow.Count >= GlobalLimitPerSecond)
            {
                RateLimited++;
                GlobalRateLimited++;
                var retry = (_globalWindow.Peek() + TimeSpan.FromSeconds(1) - now).TotalSeconds;
                headers.Add(("X-RateLimit-Global", "true"));
                headers.Add(("X-RateLimit-Scope", "global"));
                headers.Add(("Retry-After", Math.Ceiling(retry).ToString(CultureInfo.InvariantCulture)));
                return (429, RateLimitBody(retry, global: true), headers);
            }

            _globalWindow.Enqueue(now);

            if (StormProbability > 0 && Random.Shared.NextDouble() < StormProbability)
            {
                RateLimited++;
                var global = Random.Shared.NextDouble() < 0.25;
                if (global)
                {
                    GlobalRateLimited++;
                    headers.Add(("X-RateLimit-Global", "true"));
                }

                headers.Add(("X-RateLimit-Scope", global ? "global" : "user"));
                headers.Add(("Retry-After", Math.Ceiling(StormRetryAfterSeconds).ToString(CultureInfo.InvariantCulture)));
                return (429, RateLimitBody(StormRetryAfterSeconds, global), headers);
            }

            // Per-route bucket: 5 messages per 5 s per channel, fixed window from the first request.
            var route = _routes.TryGetValue(channelId, out var r) && now - r.Start < RouteWindow ? r : (Start: now, Count: 0);
            var resetAfter = (route.Start + RouteWindow - now).TotalSeconds;
            headers.Add(("X-RateLimit-Limit", RouteLimit.ToString(CultureInfo.InvariantCulture)));
            headers.Add(("X-RateLimit-Bucket", "fake-channel-messages"));
            headers.Add(("X-RateLimit-Reset-After", resetAfter.ToString("0.000", CultureInfo.InvariantCulture)));
            headers.Add(("X-RateLimit-Reset", ((route.Start + RouteWindow).ToUnixTimeMilliseconds() / 1000.0).ToString("0.000", CultureInfo.InvariantCulture)));
            if (route.Count >= RouteLimit)
            {
                RateLimited++;
                headers.Add(("X-RateLimit-Remaining", "0"));
                headers.Add(("X-RateLimit-Scope", "user"));
                return (429, RateLimitBody(resetAfter, global: false), headers);
            }

            route = (route.Start, route.Count + 1);
            _routes[channelId] = route;
            headers.Add(("X-RateLimit-Remaining", (RouteLimit - route.Count).ToString(CultureInfo.InvariantCulture)));

            if (ChannelErrors.TryGetValue(channelId, out var code))
            {
                return code switch
                {
                    10003 => (404, """{"message": "Unknown Channel", "code": 10003}""", headers),
                    10004 => (404, """{"message": "Unknown Guild", "code": 10004}""", headers),
                    50001 => (403, """{"message": "Missing Access", "code": 50001}""", headers),
                    50013 => (403, """{"message": "Missing Permissions", "code": 50013}""", headers),
                    _ => (403, $$"""{"message": "Forbidden", "code": {{code}}}""", headers),
                };
            }

            string? nonce;
            bool enforce;
            try
            {
                (nonce, enforce) = Validate(body);
            }
            catch (InvalidOperationException ex)
            {
                return (400, JsonSerializer.Serialize(new Dictionary<string, object> { ["message"] = "Invalid Form Body", ["code"] = 50035, ["errors"] = ex.Message }), headers);
            }

            if (nonce is not null && enforce && _nonces.TryGetValue((channelId, nonce), out var earlier) && now - earlier.At < NonceWindow)
            {
                NonceDedupes++;
                return (200, MessageJson(earlier.Post), headers);
            }

            var post = new DiscordPostRecord(NextSnowflake(now).ToString(CultureInfo.InvariantCulture), channelId, nonce, body, now);
            _posts.Add(post);
            if (nonce is not null)
            {
                _nonces[(channelId, nonce)] = (post, now);
            }

            return (200, MessageJson(post), headers);
        }
    }

    /// <summary>
    /// <c>GET /channels/{id}/messages?after=&amp;limit=</c>: up to <c>limit</c> (1-100, default 50) messages right after the
    /// snowflake <c>after</c>, newest first. Like Discord, the stored message has no <c>nonce</c>: it is only echoed in the
    /// create answer and the gateway event, not kept (https://github.com/Rapptz/discord.py/issues/2451).
    /// </summary>
    private IResult ListMessages(HttpContext context, string channelId)
    {
        lock (_gate)
        {
            ListMessagesCalls++;
            if (context.Request.Headers.Authorization.ToString() != "Bot " + Token || TokenRevoked)
            {
                Unauthorized++;
                return Results.Text("""{"message": "401: Unauthorized", "code": 0}""", "application/json", statusCode: 401);
            }

            if (ListMessagesError is { } code)
            {
                return Results.Text($$"""{"message": "Missing Permissions", "code": {{code}}}""", "application/json", statusCode: 403);
            }

            var limit = int.TryParse(context.Request.Query["limit"], out var l) ? l : 50;
            if (limit is < 1 or > 100)
            {
                return Results.Text("""{"message": "Invalid Form Body", "code": 50035}""", "application/json", statusCode: 400);
            }

            var after = long.TryParse(context.Request.Query["after"], out var a) ? a : 0;
            var page = _posts
                .Where(p => p.ChannelId == channelId && long.Parse(p.Id, CultureInfo.InvariantCulture) > after)
                .OrderBy(p => long.Parse(p.Id, CultureInfo.InvariantCulture))
                .Take(limit)
                .Reverse()
                .Select(p =>
                {
                    using var doc = JsonDocument.Parse(p.Body);
                    return new Dictionary<string, object?>
                    {
                        ["id"] = p.Id,
                        ["channel_id"] = p.ChannelId,
                        ["author"] = new Dictionary<string, object> { ["id"] = "1100000000000000001", ["username"] = "talks-bot", ["bot"] = true },
                        ["content"] = doc.RootElement.TryGetProperty("content", out var c) ? c.Clone() : "",
                        ["embeds"] = doc.RootElement.TryGetProperty("embeds", out var e) ? e.Clone() : Array.Empty<object>(),
                    };
                })
                .ToList();
            return Results.Text(JsonSerializer.Serialize(page), "application/json");
        }
    }

    /// <summary>A Discord snowflake for <paramref name="at"/>: milliseconds since 2015 in the top 42 bits, increasing.</summary>
    private long NextSnowflake(DateTimeOffset at)
    {
        _lastId = Math.Max(_lastId + 1, (at.ToUnixTimeMilliseconds() - 1_420_070_400_000L) << 22);
        return _lastId;
    }

    /// <summary>Discord's limits on a message (docs: content 2000, ≤10 embeds, embed limits, 6000 in all, nonce ≤25).</summary>
    private (string? Nonce, bool Enforce) Validate(string body)
    {
        using var doc = JsonDocument.Parse(body);
        var root = doc.RootElement;
        var content = root.TryGetProperty("content", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "";
        if (content.Length > 2000)
        {
            throw new InvalidOperationException("content: Must be 2000 or fewer in length.");
        }

        var embeds = root.TryGetProperty("embeds", out var e) && e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().ToList() : [];
        if (embeds.Count > 10)
        {
            throw new InvalidOperationException("embeds: Must be 10 or fewer in length.");
        }

        if (content.Length == 0 && embeds.Count == 0)
        {
            throw new InvalidOperationException("Cannot send an empty message");
        }

        var total = 0;
        foreach (var embed in embeds)
        {
            total += Length(embed, "title", 256) + Length(embed, "description", 4096);
            if (embed.TryGetProperty("footer", out var footer))
            {
                total += Length(footer, "text", 2048);
            }

            if (embed.TryGetProperty("fields", out var fields))
            {
                if (fields.GetArrayLength() > 25)
                {
                    throw new InvalidOperationException("embeds.fields: Must be 25 or fewer in length.");
                }

                foreach (var field in fields.EnumerateArray())
                {
                    var name = Length(field, "name", 256);
                    var value = Length(field, "value", 1024);
                    if (name == 0 || value == 0)
                    {
                        throw new InvalidOperationException("embeds.fields: name and value are required.");
                    }

                    total += name + value;
                }
            }
        }

        if (total > 6000)
        {
            throw new InvalidOperationException($"embeds: Embed size exceeds maximum size of 6000 ({total}).");
        }

        string? nonce = null;
        if (root.TryGetProperty("nonce", out var n))
        {
            nonce = n.ToString();
            if (nonce.Length > 25)
            {
                throw new InvalidOperationException("nonce: Must be 25 or fewer in length.");
            }
        }

        var enforce = root.TryGetProperty("enforce_nonce", out var en) && en.ValueKind == JsonValueKind.True;
        if (!(root.TryGetProperty("allowed_mentions", out var am) && am.TryGetProperty("parse", out var parse) && parse.ValueKind == JsonValueKind.Array && parse.GetArrayLength() == 0))
        {
            Violations.Enqueue("a message without allowed_mentions {\"parse\": []} could ping someone");
        }

        if (nonce is null || !enforce)
        {
            Violations.Enqueue("a message without nonce + enforce_nonce is not idempotent");
        }

        return (nonce, enforce);
    }

    private static int Length(JsonElement element, string name, int max)
    {
        if (!element.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.String)
        {
            return 0;
        }

        var length = value.GetString()!.Trim().Length;
        return length <= max ? length : throw new InvalidOperationException($"{name}: Must be {max} or fewer in length ({length}).");
    }

    private static string RateLimitBody(double retryAfter, bool global) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["message"] = "You are being rate limited.",
            ["retry_after"] = Math.Round(Math.Max(0.001, retryAfter), 3),
            ["global"] = global,
        });

    private static string MessageJson(DiscordPostRecord post) =>
        JsonSerializer.Serialize(new Dictionary<string, object?> { ["id"] = post.Id, ["channel_id"] = post.ChannelId, ["nonce"] = post.Nonce });

    private bool TakeDelay()
    {
        lock (_gate)
        {
            if (DelayedResponses == 0)
            {
                return false;
            }

            if (DelayedResponses > 0)
            {
                DelayedResponses--;
            }

            return true;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}
