using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Bot.Tests.Outbox.Fakes;

/// <summary>One message the fake Slack stored.</summary>
internal sealed record SlackPostRecord(string Ts, string Channel, string? MetadataKey, string Body, DateTimeOffset At)
{
    /// <summary>What a reader sees: every block's text, one per line (still escaped as Slack receives it).</summary>
    public string Text
    {
        get
        {
            using var doc = JsonDocument.Parse(Body);
            var lines = new List<string>();
            foreach (var block in doc.RootElement.TryGetProperty("blocks", out var blocks) ? blocks.EnumerateArray() : default)
            {
                if (block.TryGetProperty("text", out var text))
                {
                    lines.Add(text.GetProperty("text").GetString()!);
                }

                foreach (var element in block.TryGetProperty("elements", out var elements) ? elements.EnumerateArray() : default)
                {
                    lines.Add(element.GetProperty("text").GetString()!);
                }
            }

            return string.Join('\n', lines);
        }
    }
}

/// <summary>
/// Slack's Web API methods the bot uses, on loopback: <c>chat.postMessage</c> (bot token; about one post per second per
/// channel, else 429 + <c>Retry-After</c>; Block Kit limits: 50 blocks, section 3000, header 150, text 4000; errors as
/// HTTP 200 <c>{"ok": false}</c>), <c>conversations.history</c> with message metadata (Tier 3: 50 a minute) and
/// <c>conversations.info</c> (membership). Records every stored message and every text that could ping someone.
/// </summary>
internal sealed class FakeSlackChatApi : IAsyncDisposable
{
    public const string Token = "fake-slack-outbox-token";
    public const string Team = "T0FAKE001";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, DateTimeOffset> _lastPost = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _historyWindow = new();
    private readonly List<SlackPostRecord> _posts = [];
    private readonly Dictionary<string, int> _requestsByChannel = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private long _ts;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Base URL as configured in Slack__ApiBaseUrl.</summary>
    public string ApiBaseUrl => new Uri(BaseAddress, "api/").ToString();

    public TimeSpan ChannelInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Channels with a chat.postMessage error: channel_not_found, not_in_channel or is_archived.</summary>
    public ConcurrentDictionary<string, string> ChannelErrors { get; } = new(StringComparer.Ordinal);

    /// <summary>Public channels the bot is not a member of (conversations.info says is_member: false).</summary>
    public ConcurrentDictionary<string, bool> NotMember { get; } = new(StringComparer.Ordinal);

    /// <summary>Error for every token-bearing call, e.g. token_revoked or invalid_auth.</summary>
    public string? TokenError { get; set; }

    public double StormProbability { get; set; }

    public int StormRetryAfterSeconds { get; set; } = 1;

    /// <summary>How many of the next successful answers get <see cref="ResponseDelay"/> (all when negative).</summary>
    public int DelayedResponses { get; set; } = -1;

    /// <summary>Delay after a message is stored and before the answer is sent; cut short when the client gives up.</summary>
    public TimeSpan ResponseDelay { get; set; }

    /// <summary>Error for every conversations.history call, e.g. missing_scope.</summary>
    public string? HistoryError { get; set; }

    /// <summary>When true every conversations.history call gets 429 (Retry-After 30).</summary>
    public bool HistoryRateLimited { get; set; }

    public int RateLimited { get; private set; }
    public int HistoryCalls { get; private set; }

    /// <summary>Stores a message as if posted at <paramref name="at"/> (someone else's when <paramref name="key"/> is null).</summary>
    public void Seed(string channel, string? key, DateTimeOffset at)
    {
        lock (_gate)
        {
            _ts = Math.Max(_ts + 1, at.ToUnixTimeMilliseconds() * 1000);
            var ts = $"{_ts / 1_000_000}.{_ts % 1_000_000:D6}";
            _posts.Add(new SlackPostRecord(ts, channel, key, """{"text": "seeded"}""", at));
        }
    }
    public ConcurrentQueue<string> Violations { get; } = new();

    public IReadOnlyList<SlackPostRecord> Posts
    {
        get
        {
            lock (_gate)
            {
                return [.. _posts];
            }
        }
    }

    public int RequestsTo(string channel)
    {
        lock (_gate)
        {
            return _requestsByChannel.GetValueOrDefault(channel);
        }
    }

    public static async Task<FakeSlackChatApi> StartAsync()
    {
        var fake = new FakeSlackChatApi();
        (fake._app, fake.BaseAddress) = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/api/chat.postMessage", fake.PostMessageAsync);
            app.MapGet("/api/conversations.history", fake.History);
            app.MapGet("/api/conversations.info", fake.Info);
        });
        return fake;
    }

    private async Task PostMessageAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var (status, json, retryAfter, stored) = DecidePost(context.Request.Headers.Authorization.ToString(), context.Request.ContentType, body, DateTimeOffset.UtcNow);
        if (stored && ResponseDelay > TimeSpan.Zero && TakeDelay())
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

        context.Response.StatusCode = status;
        if (retryAfter is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(json);
    }

    private (int Status, string Json, int? RetryAfter, bool Stored) DecidePost(string authorization, string? contentType, string body, DateTimeOffset now)
    {
        lock (_gate)
        {
            if (authorization != "Bearer " + Token)
            {
                return (200, Error("invalid_auth"), null, false);
            }

            if (TokenError is not null)
            {
                return (200, Error(TokenError), null, false);
            }

            if (contentType?.StartsWith("application/json", StringComparison.Ordinal) != true)
            {
                Violations.Enqueue($"chat.postMessage with content type {contentType}");
            }

            JsonElement root;
            try
            {
                root = JsonDocument.Parse(body).RootElement.Clone();
            }
            catch (JsonException)
            {
                return (200, Error("invalid_json"), null, false);
            }

            var channel = root.TryGetProperty("channel", out var ch) ? ch.GetString() ?? "" : "";
            if (channel.Length == 0)
            {
                return (200, Error("channel_not_found"), null, false);
            }

            _requestsByChannel[channel] = _requestsByChannel.GetValueOrDefault(channel) + 1;
            if (StormProbability > 0 && Random.Shared.NextDouble() < StormProbability)
            {
                RateLimited++;
                return (429, Error("ratelimited"), StormRetryAfterSeconds, false);
            }

            if (_lastPost.TryGetValue(channel, out var last) && now - last < ChannelInterval)
            {
                RateLimited++;
                return (429, Error("ratelimited"), (int)Math.Ceiling(ChannelInterval.TotalSeconds), false);
            }

            if (ChannelErrors.TryGetValue(channel, out var error))
            {
                return (200, Error(error), null, false);
            }

            if (Validate(root) is { } invalid)
            {
                return (200, Error(invalid), null, false);
            }

            _ts = Math.Max(_ts + 1, now.ToUnixTimeMilliseconds() * 1000);
            var ts = $"{_ts / 1_000_000}.{_ts % 1_000_000:D6}";
            var key = root.TryGetProperty("metadata", out var meta) && meta.TryGetProperty("event_payload", out var payload) && payload.TryGetProperty("key", out var k)
                ? k.GetString()
                : null;
            _posts.Add(new SlackPostRecord(ts, channel, key, body, now));
            _lastPost[channel] = now;
            return (200, JsonSerializer.Serialize(new Dictionary<string, object> { ["ok"] = true, ["channel"] = channel, ["ts"] = ts }), null, true);
        }
    }

    /// <summary>Block Kit and message limits; null when valid, else Slack's error name.</summary>
    private string? Validate(JsonElement root)
    {
        var text = root.TryGetProperty("text", out var t) ? t.GetString() ?? "" : "";
        var hasBlocks = root.TryGetProperty("blocks", out var blocks) && blocks.ValueKind == JsonValueKind.Array;
        if (text.Length == 0 && !hasBlocks)
        {
            return "no_text";
        }

        if (text.Length > 4000)
        {
            return "msg_too_long";
        }

        CheckInert(text);
        if (!hasBlocks)
        {
            return null;
        }

        if (blocks.GetArrayLength() > 50)
        {
            return "invalid_blocks";
        }

        foreach (var block in blocks.EnumerateArray())
        {
            var type = block.GetProperty("type").GetString();
            if (block.TryGetProperty("text", out var bt))
            {
                var value = bt.GetProperty("text").GetString() ?? "";
                var max = type == "header" ? 150 : 3000;
                if (value.Length is 0 || value.Length > max || (type == "header" && bt.GetProperty("type").GetString() != "plain_text"))
                {
                    return "invalid_blocks";
                }

                CheckInert(value);
            }

            if (block.TryGetProperty("elements", out var elements))
            {
                if (elements.GetArrayLength() > 10)
                {
                    return "invalid_blocks";
                }

                foreach (var element in elements.EnumerateArray())
                {
                    CheckInert(element.GetProperty("text").GetString() ?? "");
                }
            }
        }

        return null;
    }

    /// <summary>Any "&lt;" that does not open one of our links could be a mention (&lt;@U1&gt;, &lt;!channel&gt;) or a forged link.</summary>
    private void CheckInert(string text)
    {
        for (var i = text.IndexOf('<', StringComparison.Ordinal); i >= 0; i = text.IndexOf('<', i + 1))
        {
            if (string.CompareOrdinal(text, i + 1, "http", 0, 4) != 0)
            {
                Violations.Enqueue($"unescaped '<' could ping or link: {text[i..Math.Min(text.Length, i + 20)]}");
            }
        }
    }

    private IResult History(HttpContext context)
    {
        lock (_gate)
        {
            HistoryCalls++;
            if (context.Request.Headers.Authorization.ToString() != "Bearer " + Token || TokenError is not null)
            {
                return Json(Error(TokenError ?? "invalid_auth"));
            }

            if (HistoryError is not null)
            {
                return Json(Error(HistoryError));
            }

            var now = DateTimeOffset.UtcNow;
            while (_historyWindow.Count > 0 && now - _historyWindow.Peek() >= TimeSpan.FromMinutes(1))
            {
                _historyWindow.Dequeue();
            }

            if (_historyWindow.Count >= 50 || HistoryRateLimited)
            {
                RateLimited++;
                context.Response.Headers.RetryAfter = "30";
                return Results.Text(Error("ratelimited"), "application/json", statusCode: 429);
            }

            _historyWindow.Enqueue(now);
            var channel = context.Request.Query["channel"].ToString();
            var withMetadata = context.Request.Query["include_all_metadata"] == "true";
            var oldest = double.TryParse(context.Request.Query["oldest"], NumberStyles.Float, CultureInfo.InvariantCulture, out var o) ? o : 0;
            // Pages of at most `limit` messages (Slack: default 100, at most 999), newest first; `cursor` goes on.
            var limit = int.TryParse(context.Request.Query["limit"], out var l) ? Math.Clamp(l, 1, 999) : 100;
            var skip = context.Request.Query["cursor"].ToString() is { Length: > 0 } cursor && cursor.StartsWith("next:", StringComparison.Ordinal)
                ? int.Parse(cursor["next:".Length..], CultureInfo.InvariantCulture)
                : 0;
            var matching = _posts
                .Where(p => p.Channel == channel && double.Parse(p.Ts, CultureInfo.InvariantCulture) >= oldest)
                .OrderByDescending(p => double.Parse(p.Ts, CultureInfo.InvariantCulture))
                .ToList();
            var hasMore = skip + limit < matching.Count;
            var messages = matching
                .Skip(skip)
                .Take(limit)
                .Select(p => withMetadata && p.MetadataKey is not null
                    ? new Dictionary<string, object> { ["ts"] = p.Ts, ["metadata"] = new Dictionary<string, object> { ["event_type"] = "talks_fact_update", ["event_payload"] = new Dictionary<string, string> { ["key"] = p.MetadataKey } } }
                    : new Dictionary<string, object> { ["ts"] = p.Ts })
                .ToList();
            return Json(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["ok"] = true,
                ["messages"] = messages,
                ["has_more"] = hasMore,
                ["response_metadata"] = new Dictionary<string, string> { ["next_cursor"] = hasMore ? $"next:{skip + limit}" : "" },
            }));
        }
    }

    private IResult Info(HttpContext context)
    {
        var channel = context.Request.Query["channel"].ToString();
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + Token || TokenError is not null)
        {
            return Json(Error(TokenError ?? "invalid_auth"));
        }

        if (ChannelErrors.TryGetValue(channel, out var error) && error == "channel_not_found")
        {
            return Json(Error("channel_not_found"));
        }

        var info = new Dictionary<string, object>
        {
            ["id"] = channel,
            ["is_member"] = !NotMember.ContainsKey(channel) && !(ChannelErrors.TryGetValue(channel, out var e) && e == "not_in_channel"),
            ["is_archived"] = ChannelErrors.TryGetValue(channel, out var a) && a == "is_archived",
        };
        return Json(JsonSerializer.Serialize(new Dictionary<string, object> { ["ok"] = true, ["channel"] = info }));
    }

    private static IResult Json(string json) => Results.Text(json, "application/json; charset=utf-8");

    private static string Error(string error) => JsonSerializer.Serialize(new Dictionary<string, object> { ["ok"] = false, ["error"] = error });

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
