using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Commands;
using Bot.Outbox;
using Microsoft.Extensions.Options;

namespace Bot.Discord;

/// <summary>The keys of the <c>Discord</c> section the channel sender reads (DESIGN §7).</summary>
internal sealed class DiscordChannelSenderOptions
{
    public string ApiBaseUrl { get; set; } = "https://discord.com/api/v10/";

    public string? BotToken { get; set; }

    public Uri UserAgentUrl { get; set; } = new("https://example.com/talks-bot");
}

/// <summary>
/// Posts update messages to Discord channels: <c>POST /channels/{id}/messages</c> with <c>Authorization: Bot</c>,
/// <c>allowed_mentions: {"parse": []}</c> (pings nobody) and a <c>nonce</c> with <c>enforce_nonce: true</c> derived from
/// the ledger key, so a retry after a crash or a timeout returns the message already created instead of a second one.
/// Paces requests by the per-route buckets Discord announces in <c>X-RateLimit-*</c> headers and by the global
/// 50 requests/s (shared among live replicas); honours 429 <c>retry_after</c> and <c>global</c>.
/// </summary>
internal sealed class DiscordChannelSender(
    IHttpClientFactory http,
    IOptions<DiscordChannelSenderOptions> discord,
    IOptions<OutboxOptions> outbox,
    DeliveryShare share,
    TimeProvider time,
    OutboxLog log) : IPlatformSender, IDisposable
{
    public const string HttpClientName = "discord-channel-sender";

    /// <summary>Discord's nonce is at most 25 characters.</summary>
    public const int MaxNonceLength = 25;

    /// <summary>Discord dedupes a nonce for "the past few minutes"; an uncertain attempt older than this is checked for.</summary>
    private static readonly TimeSpan s_nonceTrusted = TimeSpan.FromMinutes(2);

    /// <summary>Our clock against Discord's snowflake timestamps.</summary>
    private static readonly TimeSpan s_clockSkew = TimeSpan.FromMinutes(5);

    /// <summary>GET /channels/{id}/messages returns at most 100 messages a page; this many pages at most.</summary>
    private const int MessagesPageSize = 100;
    private const int MaxMessagePages = 10;
    private const long DiscordEpochMilliseconds = 1_420_070_400_000;

    private static readonly TimeSpan s_invalidWindow = TimeSpan.FromMinutes(10);
    private static readonly TimeSpan s_noBodyBackoff = TimeSpan.FromSeconds(60);

    private readonly SlidingWindowLimiter _global = new(time);
    private readonly ConcurrentDictionary<string, RouteBucket> _buckets = new(StringComparer.Ordinal);
    private readonly Queue<DateTimeOffset> _invalid = new();
    private readonly Lock _invalidGate = new();
    private readonly SemaphoreSlim _firstRequest = new(1, 1);
    private volatile bool _tokenAccepted;
    private volatile string? _tokenRejected;

    public Platform Platform => Platform.Discord;

    public string? DisabledReason => string.IsNullOrWhiteSpace(discord.Value.BotToken) ? "Discord__BotToken is not set" : null;

    /// <summary>Base address, bot token, User-Agent and timeout of the named client (the outbox retries, not the client).</summary>
    public static void ConfigureClient(IServiceProvider services, HttpClient client)
    {
        var options = services.GetRequiredService<IOptions<DiscordChannelSenderOptions>>().Value;
        var baseUrl = options.ApiBaseUrl.EndsWith('/') ? options.ApiBaseUrl : options.ApiBaseUrl + "/";
        client.BaseAddress = new Uri(baseUrl);
        client.Timeout = services.GetRequiredService<IOptions<OutboxOptions>>().Value.HttpTimeout;
        client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", DiscordClient.UserAgent(options.UserAgentUrl));
        if (!string.IsNullOrWhiteSpace(options.BotToken))
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bot", options.BotToken);
        }
    }

    /// <summary>A nonce of at most 25 characters, the same for the same ledger key and part on every replica and retry.</summary>
    public static string Nonce(string idempotencyKey) =>
        "u" + Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..22];

    public IReadOnlyList<PlatformPost> Render(UpdateMessage message) =>
        [.. DiscordUpdateRenderer.Render(message).Select(m => new DiscordUpdatePost(m))];

    public async ValueTask WaitForTurnAsync(DeliveryTarget target, CancellationToken ct)
    {
        var o = outbox.Value;
        if (_buckets.TryGetValue(target.Channel.ChannelId, out var bucket) && bucket.Remaining <= 0)
        {
            var wait = bucket.ResetAt + o.Margin - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, ct);
            }
        }

        await _global.WaitAsync(share.Of(o.DiscordRequestsPerSecond), TimeSpan.FromSeconds(1) + o.Margin, ct);
    }

    public async Task<SendResult> SendAsync(DeliveryTarget target, PlatformPost post, string idempotencyKey, bool mayAlreadyBePosted, CancellationToken ct)
    {
        // The nonce makes every attempt idempotent within Discord's dedupe window ("the past few minutes"): resending
        // returns the message an uncertain earlier attempt created. When that attempt may be older than the window, the
        // channel's messages since the update was queued are searched for the post first (FindPostedAsync).
        if (_tokenRejected is { } rejected)
        {
            return SendResult.AuthFailed(rejected, wholePlatform: true);
        }

        // Until the token has been accepted once, one request at a time: a wrong token costs one invalid request, not dozens.
        var gate = _tokenAccepted ? null : _firstRequest;
        if (gate is not null)
        {
            await gate.WaitAsync(ct);
        }

        try
        {
            if (_tokenRejected is { } rejectedMeanwhile)
            {
                return SendResult.AuthFailed(rejectedMeanwhile, wholePlatform: true);
            }

            if (mayAlreadyBePosted && target.QueuedAt is { } queued && time.GetUtcNow() - queued >= s_nonceTrusted)
            {
                // Posting without knowing could make a second copy: when the messages cannot be read, come back later.
                var (found, notChecked) = await FindPostedAsync(target, ((DiscordUpdatePost)post).Message, ct);
                if (notChecked is not null)
                {
                    return notChecked;
                }

                if (found)
                {
                    return SendResult.AlreadyPosted;
                }
            }

            return target.TooLateToSend(time.GetUtcNow()) ? SendResult.ClaimRunningOut : await SendOnceAsync(target, post, idempotencyKey, ct);
        }
        finally
        {
            gate?.Release();
        }
    }

    public void Dispose() => _firstRequest.Dispose();

    private async Task<SendResult> SendOnceAsync(DeliveryTarget target, PlatformPost post, string idempotencyKey, CancellationToken ct)
    {
        var message = ((DiscordUpdatePost)post).Message with { Nonce = Nonce(idempotencyKey), EnforceNonce = true };
        var channelId = target.Channel.ChannelId;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"channels/{Uri.EscapeDataString(channelId)}/messages")
        {
            Content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(message, DiscordOutboxJsonContext.Default.DiscordOutboxMessage))
            {
                Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } },
            },
        };

        HttpResponseMessage response;
        try
        {
            response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
        }
        catch (HttpRequestException ex)
        {
            return SendResult.Transient($"Discord could not be reached ({ex.Message}).");
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return SendResult.Transient("Discord did not answer in time.");
        }

        using (response)
        {
            var now = time.GetUtcNow();
            UpdateBucket(channelId, response, now);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
            {
                _tokenAccepted = true;
            }

            if (response.IsSuccessStatusCode)
            {
                return SendResult.Sent;
            }

            var body = await ReadErrorAsync(response, ct);
            var status = (int)response.StatusCode;
            switch (response.StatusCode)
            {
                case HttpStatusCode.TooManyRequests:
                    return RateLimited(channelId, response, body, now);
                case HttpStatusCode.Unauthorized:
                    CountInvalid(now);
                    _tokenRejected = "Discord rejected the bot token (401 Unauthorized): it is wrong or was reset.";
                    return SendResult.AuthFailed(_tokenRejected, wholePlatform: true);
                case HttpStatusCode.Forbidden or HttpStatusCode.NotFound:
                    if (response.StatusCode == HttpStatusCode.Forbidden)
                    {
                        CountInvalid(now);
                    }

                    return body?.Code switch
                    {
                        10003 => SendResult.ChannelGone("The channel no longer exists (Discord 10003 Unknown Channel)."),
                        10004 => SendResult.ChannelGone("The bot is no longer in this server (Discord 10004 Unknown Guild)."),
                        50001 => SendResult.ChannelGone("The bot cannot see this channel or was removed from the server (Discord 50001 Missing Access). Add it back or give it View Channel."),
                        50013 => SendResult.ChannelGone("The bot lacks permission to post here (Discord 50013 Missing Permissions): it needs View Channel, Send Messages and Embed Links."),
                        _ when body is null => SendResult.Transient($"Discord answered {status} without an error body."),

                        // Only the four codes above say this channel is gone. Anything else (a wrong Discord__ApiBaseUrl
                        // answers 404 code 0) is not about the channel: pausing would cancel every subscription's updates
                        // for one config mistake. Stop Discord loudly instead and keep the updates queued.
                        _ => SendResult.AuthFailed(
                            $"Discord answered {status} (code {body.Code}: {body.Message}) on {channelId}, which does not mean the channel is gone. Check Discord__ApiBaseUrl and the bot's setup.",
                            wholePlatform: true),
                    };
                default:
                    if (status >= 500 || response.StatusCode == HttpStatusCode.RequestTimeout)
                    {
                        return SendResult.Transient($"Discord answered {status}.");
                    }

                    return SendResult.Rejected($"Discord refused the message ({status}, code {body?.Code}: {body?.Message}).");
            }
        }
    }

    /// <summary>
    /// Looks for our post among the channel's messages since the update was queued (<c>GET /channels/{id}/messages</c>,
    /// needs Read Message History). Discord does not keep a message's nonce, so our post is recognised by its author (a
    /// bot: ours, as no other bot renders our embeds) and its embed's title, description and footer (the footer names the
    /// fact-base version, the title the part). A failure comes back as the result to return instead of posting.
    /// </summary>
    private async Task<(bool Found, SendResult? NotChecked)> FindPostedAsync(DeliveryTarget target, DiscordOutboxMessage message, CancellationToken ct)
    {
        var o = outbox.Value;
        var channelId = target.Channel.ChannelId;
        var expected = message.Embeds[0];
        var after = Math.Max(0, (target.QueuedAt!.Value - s_clockSkew).ToUnixTimeMilliseconds() - DiscordEpochMilliseconds) << 22;
        for (var page = 0; page < MaxMessagePages; page++)
        {
            if (target.TooLateToSend(time.GetUtcNow()))
            {
                return (false, SendResult.ClaimRunningOut);
            }

            await _global.WaitAsync(share.Of(o.DiscordRequestsPerSecond), TimeSpan.FromSeconds(1) + o.Margin, ct);
            using var request = new HttpRequestMessage(HttpMethod.Get,
                $"channels/{Uri.EscapeDataString(channelId)}/messages?after={after.ToString(CultureInfo.InvariantCulture)}&limit={MessagesPageSize}");
            HttpResponseMessage response;
            try
            {
                response = await http.CreateClient(HttpClientName).SendAsync(request, ct);
            }
            catch (HttpRequestException ex)
            {
                return (false, SendResult.Transient($"Discord could not be reached to check for an earlier copy ({ex.Message})."));
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                return (false, SendResult.Transient("Discord did not answer in time when checking for an earlier copy."));
            }

            using (response)
            {
                var now = time.GetUtcNow();
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var limited = RateLimited(null, response, await ReadErrorAsync(response, ct), now);
                    return (false, limited with { NotChecked = true });
                }

                if (!response.IsSuccessStatusCode)
                {
                    if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                    {
                        CountInvalid(now);
                    }

                    var error = await ReadErrorAsync(response, ct);
                    return (false, SendResult.Transient(
                        $"Discord answered {(int)response.StatusCode} (code {error?.Code}: {error?.Message}) when checking the channel for an earlier copy; the bot needs View Channel and Read Message History."));
                }

                List<DiscordOutboxSeenMessage>? messages;
                try
                {
                    messages = JsonSerializer.Deserialize(await response.Content.ReadAsByteArrayAsync(ct), DiscordOutboxJsonContext.Default.ListDiscordOutboxSeenMessage);
                }
                catch (JsonException)
                {
                    messages = null;
                }

                if (messages is null)
                {
                    return (false, SendResult.Transient("Discord's list of channel messages could not be read."));
                }

                if (messages.Any(m => m.Author?.Bot == true && m.Embeds is [var seen, ..]
                    && Same(seen.Title, expected.Title) && Same(seen.Description, expected.Description) && Same(seen.Footer?.Text, expected.Footer.Text)))
                {
                    return (true, null);
                }

                if (messages.Count < MessagesPageSize)
                {
                    return (false, null);
                }

                after = messages.Max(m => long.TryParse(m.Id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : after);
            }
        }

        return (false, SendResult.Transient($"More than {MaxMessagePages * MessagesPageSize} messages in the channel since the update was queued; the check for an earlier copy did not reach the end."));
    }

    private static bool Same(string? seen, string? expected) => string.Equals(seen?.Trim(), expected?.Trim(), StringComparison.Ordinal);

    private SendResult RateLimited(string? channelId, HttpResponseMessage response, DiscordOutboxError? body, DateTimeOffset now)
    {
        var scope = Header(response, "X-RateLimit-Scope");
        if (scope != "shared")
        {
            CountInvalid(now);
        }

        if (body?.RetryAfter is not { } seconds)
        {
            // No JSON: not Discord's API limiter but something in front of it (Cloudflare). Back off everything, long.
            var wait = response.Headers.RetryAfter?.Delta ?? s_noBodyBackoff;
            _global.PauseUntil(now + wait);
            log.DiscordGlobalLimit(wait.TotalMilliseconds);
            return SendResult.RateLimited(wait, "429 without a rate-limit body");
        }

        var retryAfter = TimeSpan.FromSeconds(Math.Max(0, seconds));
        if (body.Global == true || Header(response, "X-RateLimit-Global") == "true")
        {
            _global.PauseUntil(now + retryAfter);
            log.DiscordGlobalLimit(retryAfter.TotalMilliseconds);
            return SendResult.RateLimited(retryAfter, "global rate limit");
        }

        if (channelId is not null)
        {
            _buckets[channelId] = new RouteBucket(Header(response, "X-RateLimit-Bucket"), 0, now + retryAfter);
        }

        return SendResult.RateLimited(retryAfter, $"route rate limit ({scope ?? "user"})");
    }

    private void UpdateBucket(string channelId, HttpResponseMessage response, DateTimeOffset now)
    {
        if (int.TryParse(Header(response, "X-RateLimit-Remaining"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var remaining)
            && double.TryParse(Header(response, "X-RateLimit-Reset-After"), NumberStyles.Float, CultureInfo.InvariantCulture, out var resetAfter))
        {
            _buckets[channelId] = new RouteBucket(Header(response, "X-RateLimit-Bucket"), remaining, now + TimeSpan.FromSeconds(resetAfter));
        }
    }

    /// <summary>Counts 401/403/429 answers; too many in 10 minutes pauses all Discord traffic (Cloudflare bans at 10,000).</summary>
    private void CountInvalid(DateTimeOffset now)
    {
        lock (_invalidGate)
        {
            _invalid.Enqueue(now);
            while (_invalid.Count > 0 && _invalid.Peek() < now - s_invalidWindow)
            {
                _invalid.Dequeue();
            }

            if (_invalid.Count >= outbox.Value.DiscordInvalidRequestLimit)
            {
                var pause = s_invalidWindow - (now - _invalid.Peek());
                log.DiscordInvalidRequests(_invalid.Count, pause.TotalSeconds);
                _global.PauseUntil(now + pause);
                _invalid.Clear();
            }
        }
    }

    private static async Task<DiscordOutboxError?> ReadErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            return bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, DiscordOutboxJsonContext.Default.DiscordOutboxError);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    private sealed record RouteBucket(string? Hash, int Remaining, DateTimeOffset ResetAt);
}

/// <summary>One Discord message of an update (without its nonce, which each attempt adds).</summary>
internal sealed record DiscordUpdatePost(DiscordOutboxMessage Message) : PlatformPost;

/// <summary>
/// Renders an update as Discord embeds within Discord's limits (title 256, description 4096, ≤25 fields of name 256 and
/// value 1024, footer 2048, 6000 characters in all), one embed per message, splitting into "(1/2)", "(2/2)" posts when
/// needed. Field values render markdown, so fact text is escaped there; titles, names and footers do not.
/// </summary>
internal static class DiscordUpdateRenderer
{
    public const int MaxTitle = 256;
    public const int MaxDescription = 4096;
    public const int MaxFields = 25;
    public const int MaxFieldName = 256;
    public const int MaxFieldValue = 1024;
    public const int MaxFooter = 2048;
    public const int MaxEmbedTotal = 6000;

    private const int PartSuffixReserve = 10;
    private const int Safety = 50;
    private const int Color = 0x1F6FEB;
    private const int MaxCorrections = 6;
    private const int MaxSources = 3;

    private static readonly DiscordOutboxAllowedMentions s_nobody = new([]);

    public static IReadOnlyList<DiscordOutboxMessage> Render(UpdateMessage message)
    {
        var title = TextFit.Fit(message.Title, MaxTitle - PartSuffixReserve, TextFit.Plain);
        var description = TextFit.Fit(message.Summary, 1000, DiscordMarkdown.Escape);
        var footer = TextFit.Fit(message.Footer, 500, TextFit.Plain);
        var budget = MaxEmbedTotal - (title.Length + PartSuffixReserve + description.Length + footer.Length + Safety);

        var groups = new List<List<DiscordOutboxField>>();
        var current = new List<DiscordOutboxField>();
        var used = 0;
        foreach (var field in message.Items.Select(Field))
        {
            var size = field.Name.Length + field.Value.Length;
            if (current.Count > 0 && (current.Count == MaxFields || used + size > budget))
            {
                groups.Add(current);
                current = [];
                used = 0;
            }

            current.Add(field);
            used += size;
        }

        groups.Add(current);
        return [.. groups.Select((fields, i) => new DiscordOutboxMessage(
            null,
            [new DiscordOutboxEmbed(
                groups.Count == 1 ? title : $"{title} ({i + 1}/{groups.Count})",
                i == 0 ? description : null,
                fields,
                new DiscordOutboxFooter(footer),
                Color)],
            s_nobody))];
    }

    /// <summary>Escapes Discord markdown so fact text shows as written (and a stray mention renders as plain text).</summary>
    private static DiscordOutboxField Field(UpdateItem item)
    {
        var name = TextFit.Fit($"{item.Label} · {item.Title} ({item.TopicName})", MaxFieldName, TextFit.Plain);
        foreach (var (textBudget, valueBudget, withSources) in new[] { (600, 180, true), (300, 90, true), (120, 40, true), (120, 40, false) })
        {
            var value = FieldValue(item, textBudget, valueBudget, withSources);
            if (value.Length <= MaxFieldValue)
            {
                return new DiscordOutboxField(name, value);
            }
        }

        return new DiscordOutboxField(name, TextFit.Fit(item.Text ?? item.Title, MaxFieldValue, DiscordMarkdown.Escape));
    }

    private static string FieldValue(UpdateItem item, int textBudget, int valueBudget, bool withSources)
    {
        var lines = new List<string>();
        if (item.Text is { } text)
        {
            lines.Add(TextFit.Fit(text, textBudget, DiscordMarkdown.Escape));
        }

        foreach (var correction in item.Corrections.Take(MaxCorrections))
        {
            lines.Add($"**{DiscordMarkdown.Escape(correction.Field)}:** {TextFit.Fit(correction.Old ?? "(none)", valueBudget, DiscordMarkdown.Escape)} → {TextFit.Fit(correction.New ?? "(none)", valueBudget, DiscordMarkdown.Escape)}");
        }

        if (item.Corrections.Count > MaxCorrections)
        {
            lines.Add($"…and {item.Corrections.Count - MaxCorrections} more corrections");
        }

        if (withSources && item.Sources.Count > 0)
        {
            lines.Add("Sources: " + string.Join(" · ", item.Sources.Take(MaxSources).Select(s =>
            {
                var label = TextFit.Fit($"{s.Publisher}, {s.Date}", 80, DiscordMarkdown.Escape);
                return Uri.TryCreate(s.Url, UriKind.Absolute, out var url) && DiscordMarkdown.LinkTarget(url) is { } target ? $"[{label}]({target})" : label;
            })));
        }

        return string.Join('\n', lines);
    }
}

internal sealed record DiscordOutboxMessage(
    string? Content,
    IReadOnlyList<DiscordOutboxEmbed> Embeds,
    DiscordOutboxAllowedMentions AllowedMentions,
    string? Nonce = null,
    bool? EnforceNonce = null);

internal sealed record DiscordOutboxEmbed(string Title, string? Description, IReadOnlyList<DiscordOutboxField> Fields, DiscordOutboxFooter Footer, int Color);

internal sealed record DiscordOutboxField(string Name, string Value, bool Inline = false);

internal sealed record DiscordOutboxFooter(string Text);

internal sealed record DiscordOutboxAllowedMentions(IReadOnlyList<string> Parse);

/// <summary>Discord's error body: <c>{"code", "message"}</c>, and on 429 <c>{"retry_after", "global"}</c>.</summary>
internal sealed record DiscordOutboxError(int? Code, string? Message, double? RetryAfter, bool? Global);

/// <summary>What the bot reads of a message in <c>GET /channels/{id}/messages</c>.</summary>
internal sealed record DiscordOutboxSeenMessage(string? Id, DiscordOutboxSeenAuthor? Author, IReadOnlyList<DiscordOutboxSeenEmbed>? Embeds);

internal sealed record DiscordOutboxSeenAuthor(string? Id, bool? Bot);

internal sealed record DiscordOutboxSeenEmbed(string? Title, string? Description, DiscordOutboxFooter? Footer);

/// <summary>The wire format of channel posts (snake_case; nulls left out).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<DiscordOutboxSeenMessage>))]
[JsonSerializable(typeof(DiscordOutboxMessage))]
[JsonSerializable(typeof(DiscordOutboxError))]
internal sealed partial class DiscordOutboxJsonContext : JsonSerializerContext;
