using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Commands;
using Bot.Outbox;
using Bot.Storage;
using Bot.Subscriptions;
using Microsoft.Extensions.Options;

namespace Bot.Slack;

/// <summary>The keys of the <c>Slack</c> section the channel sender reads (DESIGN §7).</summary>
internal sealed class SlackChannelSenderOptions
{
    public string ApiBaseUrl { get; set; } = "https://slack.com/api/";

    public string? BotToken { get; set; }
}

/// <summary>
/// Posts update messages to Slack channels with <c>chat.postMessage</c> and the bot token: at most about one post per
/// second per channel, pausing the workspace on 429 <c>Retry-After</c>. Slack has no idempotency key, so each post
/// carries its ledger key in message metadata; after an attempt whose outcome is unknown (crash, timeout, 5xx) the
/// channel's recent history is searched for that key before posting again. Also the subscribe-time check that the
/// bot is a member of the channel (<c>conversations.info</c>).
/// </summary>
internal sealed class SlackChannelSender(
    IHttpClientFactory http,
    IOptions<SlackChannelSenderOptions> slack,
    IOptions<OutboxOptions> outbox,
    TimeProvider time,
    OutboxLog log) : IPlatformSender, IChannelAccessProbe, IDisposable
{
    public const string HttpClientName = "slack-channel-sender";

    /// <summary>The metadata event type that marks our update posts.</summary>
    public const string MetadataEventType = "talks_fact_update";

    /// <summary>conversations.history is Tier 3: about 50 calls a minute per workspace.</summary>
    private const int HistoryCallsPerMinute = 50;

    private static readonly TimeSpan s_probeTimeout = TimeSpan.FromMilliseconds(1500);
    private const int HistoryPageSize = 200;

    /// <summary>How far back the history search goes at most (pages of <see cref="HistoryPageSize"/>).</summary>
    private const int MaxHistoryPages = 25;

    /// <summary>Only when the queue time is unknown: how far back to look.</summary>
    private static readonly TimeSpan s_historyLookback = TimeSpan.FromDays(2);

    /// <summary>Our clock against Slack's message timestamps.</summary>
    private static readonly TimeSpan s_clockSkew = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _nextPost = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _workspacePause = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SlidingWindowLimiter> _history = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _firstRequest = new(1, 1);
    private readonly ConcurrentDictionary<string, string> _workspaceRejected = new(StringComparer.Ordinal);
    private volatile bool _tokenAccepted;
    private volatile string? _tokenRejected;

    public Platform Platform => Platform.Slack;

    public string? DisabledReason => string.IsNullOrWhiteSpace(slack.Value.BotToken) ? "Slack__BotToken is not set" : null;

    public static void ConfigureClient(IServiceProvider services, HttpClient client)
    {
        var options = services.GetRequiredService<IOptions<SlackChannelSenderOptions>>().Value;
        var baseUrl = options.ApiBaseUrl.EndsWith('/') ? options.ApiBaseUrl : options.ApiBaseUrl + "/";
        client.BaseAddress = new Uri(baseUrl);
        client.Timeout = services.GetRequiredService<IOptions<OutboxOptions>>().Value.HttpTimeout;
        client.DefaultRequestHeaders.UserAgent.ParseAdd("talks-bot/1.0");
        if (!string.IsNullOrWhiteSpace(options.BotToken))
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", options.BotToken);
        }
    }

    public IReadOnlyList<PlatformPost> Render(UpdateMessage message) =>
        [.. SlackUpdateRenderer.Render(message).Select(m => new SlackUpdatePost(m))];

    public async ValueTask WaitForTurnAsync(DeliveryTarget target, CancellationToken ct)
    {
        var o = outbox.Value;
        var interval = TimeSpan.FromMilliseconds(o.SlackChannelIntervalMilliseconds) + o.Margin;
        var now = time.GetUtcNow();
        var notBefore = Max(now, target.LastPostAt is { } last ? last + interval : now);
        notBefore = Max(notBefore, _nextPost.GetValueOrDefault(target.Channel.ChannelId));
        notBefore = Max(notBefore, _workspacePause.GetValueOrDefault(target.Channel.WorkspaceId));
        _nextPost[target.Channel.ChannelId] = notBefore + interval;
        var wait = notBefore - now;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, time, ct);
        }
    }

    public async Task<SendResult> SendAsync(DeliveryTarget target, PlatformPost post, string idempotencyKey, bool mayAlreadyBePosted, CancellationToken ct)
    {
        if (Rejected(target.Channel.WorkspaceId) is { } rejected)
        {
            return rejected;
        }

        // Until the token has been accepted once, one request at a time: a wrong token costs one call, not dozens.
        var gate = _tokenAccepted ? null : _firstRequest;
        if (gate is not null)
        {
            await gate.WaitAsync(ct);
        }

        try
        {
            if (Rejected(target.Channel.WorkspaceId) is { } rejectedMeanwhile)
            {
                return rejectedMeanwhile;
            }

            var result = await SendOnceAsync(target, post, idempotencyKey, mayAlreadyBePosted, ct);
            if (result.Status == SendStatus.AuthFailed)
            {
                if (result.WholePlatform)
                {
                    _tokenRejected = result.Detail;
                }
                else
                {
                    _workspaceRejected[target.Channel.WorkspaceId] = result.Detail ?? "Slack refused the bot token in this workspace.";
                }
            }
            else if (result.Status is SendStatus.Sent or SendStatus.AlreadyPosted or SendStatus.ChannelGone or SendStatus.Rejected)
            {
                _tokenAccepted = true;
            }

            return result;
        }
        finally
        {
            gate?.Release();
        }
    }

    public void Dispose() => _firstRequest.Dispose();

    private SendResult? Rejected(string workspaceId) =>
        _tokenRejected is { } everywhere ? SendResult.AuthFailed(everywhere, wholePlatform: true)
        : _workspaceRejected.TryGetValue(workspaceId, out var here) ? SendResult.AuthFailed(here, wholePlatform: false)
        : null;

    private async Task<SendResult> SendOnceAsync(DeliveryTarget target, PlatformPost post, string idempotencyKey, bool mayAlreadyBePosted, CancellationToken ct)
    {
        var channel = target.Channel;
        if (mayAlreadyBePosted)
        {
            // Posting without knowing could make a second copy: when the history cannot be read, come back later.
            var (found, notChecked) = await FindPostedAsync(target, idempotencyKey, ct);
            if (notChecked is not null)
            {
                log.SlackVerifyFailed(channel.ToString(), idempotencyKey, notChecked.Detail ?? "");
                return notChecked;
            }

            if (found)
            {
                return SendResult.AlreadyPosted;
            }
        }

        if (target.TooLateToSend(time.GetUtcNow()))
        {
            return SendResult.ClaimRunningOut;
        }

        var message = ((SlackUpdatePost)post).Message with
        {
            Channel = channel.ChannelId,
            Metadata = new SlackOutboxMetadata(MetadataEventType, new SlackOutboxPayload(idempotencyKey)),
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, "chat.postMessage")
        {
            Content = Json(JsonSerializer.SerializeToUtf8Bytes(message, SlackOutboxJsonContext.Default.SlackOutboxMessage)),
        };

        var (response, failure) = await SendAsync(request, ct);
        if (failure is not null)
        {
            return failure;
        }

        using (response)
        {
            var now = time.GetUtcNow();
            if (response!.StatusCode == HttpStatusCode.TooManyRequests)
            {
                var retryAfter = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                _workspacePause[channel.WorkspaceId] = now + retryAfter;
                return SendResult.RateLimited(retryAfter, "Slack 429 ratelimited");
            }

            if ((int)response.StatusCode >= 500)
            {
                return SendResult.Transient($"Slack answered {(int)response.StatusCode}.");
            }

            var result = await ReadAsync(response, SlackOutboxJsonContext.Default.SlackOutboxResult, ct);
            if (result is null)
            {
                return SendResult.Transient($"Slack answered {(int)response.StatusCode} without a JSON body.");
            }

            return result.Ok ? SendResult.Sent : Classify(result.Error ?? "unknown_error");
        }
    }

    /// <summary>Slack: is the bot a member of the channel? (<c>conversations.info</c>; needs channels:read / groups:read.)</summary>
    public async Task<ChannelAccess> CheckAsync(ChannelKey channel, CancellationToken ct)
    {
        if (DisabledReason is not null)
        {
            return ChannelAccess.Unknown;
        }

        // On the injected clock, as every other wait of this sender (the real one in the service).
        using var limit = new CancellationTokenSource(s_probeTimeout, time);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct, limit.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"conversations.info?channel={Uri.EscapeDataString(channel.ChannelId)}");
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            var info = await ReadAsync(response, SlackOutboxJsonContext.Default.SlackOutboxChannelInfo, timeout.Token);
            if (info is null)
            {
                log.SlackProbeFailed(channel.ToString(), $"HTTP {(int)response.StatusCode}");
                return ChannelAccess.Unknown;
            }

            if (!info.Ok)
            {
                if (info.Error == "channel_not_found")
                {
                    return new ChannelAccess(ChannelAccessState.CannotPost,
                        "I can't see this channel. If it is private, invite me first: type /invite @ and pick this app in the channel, then run /talks subscribe again. Direct messages can't be subscribed.");
                }

                log.SlackProbeFailed(channel.ToString(), info.Error ?? "unknown error");
                return ChannelAccess.Unknown;
            }

            return info.Channel switch
            {
                { IsArchived: true } => new ChannelAccess(ChannelAccessState.CannotPost, "This channel is archived, so I can't post in it. Unarchive it first."),
                { IsMember: false } => new ChannelAccess(ChannelAccessState.CannotPost,
                    "I'm not a member of this channel, so I can't post updates here. Invite me: type /invite @ and pick this app in the channel, then run /talks subscribe again."),
                _ => new ChannelAccess(ChannelAccessState.CanPost),
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !ct.IsCancellationRequested)
        {
            log.SlackProbeFailed(channel.ToString(), ex.Message);
            return ChannelAccess.Unknown;
        }
    }

    /// <summary>
    /// Looks for our post with <paramref name="key"/> in the channel's history (message metadata) since the update was
    /// queued, page by page. A failure (429, an error such as missing_scope, a timeout) comes back as the result to return.
    /// </summary>
    private async Task<(bool Found, SendResult? Failure)> FindPostedAsync(DeliveryTarget target, string key, CancellationToken ct)
    {
        var channel = target.Channel;
        var limiter = _history.GetOrAdd(channel.WorkspaceId, _ => new SlidingWindowLimiter(time));
        var since = target.QueuedAt is { } queued ? queued - s_clockSkew : time.GetUtcNow() - s_historyLookback;
        var oldest = since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        string? cursor = null;
        for (var page = 0; page < MaxHistoryPages; page++)
        {
            if (!await WaitForHistoryTurnAsync(limiter, target, ct))
            {
                return (false, SendResult.ClaimRunningOut);
            }

            var url = $"conversations.history?channel={Uri.EscapeDataString(channel.ChannelId)}&oldest={oldest}&limit={HistoryPageSize}&include_all_metadata=true"
                + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            var (response, failure) = await SendAsync(request, ct);
            if (failure is not null)
            {
                return (false, failure);
            }

            using (response)
            {
                if (response!.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    var retryAfter = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
                    limiter.PauseUntil(time.GetUtcNow() + retryAfter);
                    return (false, SendResult.RateLimited(retryAfter, "conversations.history rate limited") with { NotChecked = true });
                }

                var history = await ReadAsync(response, SlackOutboxJsonContext.Default.SlackOutboxHistory, ct);
                if (history is null || !history.Ok)
                {
                    return (false, SendResult.Transient($"Slack conversations.history failed ({history?.Error ?? $"HTTP {(int)response.StatusCode}"})."));
                }

                if (history.Messages?.Any(m => m.Metadata is { EventType: MetadataEventType } meta && meta.EventPayload?.Key == key) == true)
                {
                    return (true, null);
                }

                cursor = history.ResponseMetadata?.NextCursor;
                if (history.HasMore != true || string.IsNullOrEmpty(cursor))
                {
                    return (false, null);
                }
            }
        }

        return (false, SendResult.Transient($"Slack conversations.history has more than {MaxHistoryPages * HistoryPageSize} messages since the update was queued; not checked to the end."));
    }

    /// <summary>Waits for a conversations.history slot, but not past the time the POST must start by.</summary>
    private async Task<bool> WaitForHistoryTurnAsync(SlidingWindowLimiter limiter, DeliveryTarget target, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (target.TooLateToSend(now))
        {
            return false;
        }

        using var limit = target.SendBy is { } by ? new CancellationTokenSource(by - now, time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, limit.Token);
        try
        {
            await limiter.WaitAsync(HistoryCallsPerMinute, TimeSpan.FromMinutes(1) + outbox.Value.Margin, linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task<(HttpResponseMessage? Response, SendResult? Failure)> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        try
        {
            return (await http.CreateClient(HttpClientName).SendAsync(request, ct), null);
        }
        catch (HttpRequestException ex)
        {
            return (null, SendResult.Transient($"Slack could not be reached ({ex.Message})."));
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return (null, SendResult.Transient("Slack did not answer in time."));
        }
    }

    /// <summary>Maps chat.postMessage's <c>error</c> to what the outbox does (research: slack.md §4.2).</summary>
    private static SendResult Classify(string error) => error switch
    {
        "channel_not_found" => SendResult.ChannelGone("Slack says the channel does not exist or the bot cannot see it (channel_not_found). If it is private, invite the bot, then run /talks subscribe again."),
        "not_in_channel" => SendResult.ChannelGone("The bot is not a member of this channel (not_in_channel). Invite it with /invite, then run /talks subscribe again."),
        "is_archived" => SendResult.ChannelGone("The channel is archived (is_archived). Unarchive it, then run /talks subscribe again."),
        // The bot runs with one configured token (Slack__BotToken): when Slack says that token itself is invalid, revoked
        // or its user deactivated, it fails the same way in every workspace, so stop all of Slack after one refusal.
        "invalid_auth" or "token_revoked" or "account_inactive" =>
            SendResult.AuthFailed($"Slack rejected the bot token ({error}): the app was uninstalled or its token revoked.", wholePlatform: true),

        // These can concern one workspace only (e.g. an org-wide app not granted to this workspace): stop just that one.
        "not_authed" or "token_expired" or "team_access_not_granted" =>
            SendResult.AuthFailed($"Slack refused the bot token in this workspace ({error}).", wholePlatform: false),
        "ratelimited" or "rate_limited" => SendResult.RateLimited(TimeSpan.FromSeconds(1), error),
        "internal_error" or "fatal_error" or "service_unavailable" or "request_timeout" => SendResult.Transient($"Slack error {error}."),
        _ => SendResult.Rejected($"Slack refused the message ({error})."),
    };

    private static ByteArrayContent Json(byte[] body) => new(body)
    {
        Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } },
    };

    private static async Task<T?> ReadAsync<T>(HttpResponseMessage response, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, CancellationToken ct)
        where T : class
    {
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(ct);
            return bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, type);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}

/// <summary>One Slack message of an update (channel and metadata are added per send).</summary>
internal sealed record SlackUpdatePost(SlackOutboxMessage Message) : PlatformPost;

/// <summary>
/// Renders an update as Block Kit within Slack's limits: a header (plain text ≤150), one section per fact (mrkdwn
/// ≤3000), a context footer; ≤50 blocks and about 11,000 characters of block text per message, split into
/// "(1/2)", "(2/2)" posts beyond that. Every dynamic string is escaped (&amp; &lt; &gt;), so nothing in a fact can
/// mention anyone or form a link; text objects are <c>verbatim</c>.
/// </summary>
internal static class SlackUpdateRenderer
{
    public const int MaxBlocks = 50;
    public const int MaxHeader = 150;
    public const int MaxSection = 3000;
    public const int MaxFallbackText = 3000;
    public const int MaxBlockTextPerMessage = 11_000;

    private const int PartSuffixReserve = 10;
    private const int MaxCorrections = 6;
    private const int MaxSources = 3;

    public static IReadOnlyList<SlackOutboxMessage> Render(UpdateMessage message)
    {
        var title = TextFit.Fit(message.Title, MaxHeader - PartSuffixReserve, TextFit.Plain);
        var summary = TextFit.Fit(message.Summary, 1000, SlackRenderer.Escape);
        var footer = TextFit.Fit(message.Footer, 500, SlackRenderer.Escape);
        var fixedBlocks = 3;
        var fixedText = title.Length + PartSuffixReserve + summary.Length + footer.Length;

        var groups = new List<List<SlackOutboxBlock>>();
        var current = new List<SlackOutboxBlock>();
        var used = fixedText;
        foreach (var section in message.Items.Select(Section))
        {
            var size = section.Text!.Text.Length;
            if (current.Count > 0 && (current.Count + fixedBlocks >= MaxBlocks || used + size > MaxBlockTextPerMessage))
            {
                groups.Add(current);
                current = [];
                used = fixedText;
            }

            current.Add(section);
            used += size;
        }

        groups.Add(current);
        return [.. groups.Select((sections, i) =>
        {
            var header = groups.Count == 1 ? title : $"{title} ({i + 1}/{groups.Count})";
            var blocks = new List<SlackOutboxBlock>
            {
                new("header", new SlackOutboxText("plain_text", header, Emoji: false)),
                new("section", new SlackOutboxText("mrkdwn", summary, Verbatim: true)),
            };
            blocks.AddRange(sections);
            blocks.Add(new SlackOutboxBlock("context", null, [new SlackOutboxText("mrkdwn", footer, Verbatim: true)]));
            var fallback = TextFit.Fit($"{header}: {message.Summary}", MaxFallbackText, SlackRenderer.Escape);
            return new SlackOutboxMessage(null, fallback, blocks, UnfurlLinks: false, UnfurlMedia: false);
        })];
    }

    private static SlackOutboxBlock Section(UpdateItem item)
    {
        foreach (var (textBudget, valueBudget, withSources) in new[] { (1500, 400, true), (600, 150, true), (200, 60, false) })
        {
            var text = SectionText(item, textBudget, valueBudget, withSources);
            if (text.Length <= MaxSection)
            {
                return new SlackOutboxBlock("section", new SlackOutboxText("mrkdwn", text, Verbatim: true));
            }
        }

        return new SlackOutboxBlock("section", new SlackOutboxText("mrkdwn", TextFit.Fit(item.Title, MaxSection, SlackRenderer.Escape), Verbatim: true));
    }

    private static string SectionText(UpdateItem item, int textBudget, int valueBudget, bool withSources)
    {
        var lines = new List<string> { $"*{item.Label}* · *{TextFit.Fit(item.Title, 200, SlackRenderer.Escape)}* ({item.TopicName})" };
        if (item.Text is { } text)
        {
            lines.Add(TextFit.Fit(text, textBudget, SlackRenderer.Escape));
        }

        foreach (var correction in item.Corrections.Take(MaxCorrections))
        {
            lines.Add($"• *{SlackRenderer.Escape(correction.Field)}:* {TextFit.Fit(correction.Old ?? "(none)", valueBudget, SlackRenderer.Escape)} → {TextFit.Fit(correction.New ?? "(none)", valueBudget, SlackRenderer.Escape)}");
        }

        if (item.Corrections.Count > MaxCorrections)
        {
            lines.Add($"…and {item.Corrections.Count - MaxCorrections} more corrections");
        }

        if (withSources && item.Sources.Count > 0)
        {
            lines.Add("Sources: " + string.Join(" · ", item.Sources.Take(MaxSources).Select(s =>
            {
                var label = TextFit.Fit($"{s.Publisher}, {s.Date}", 80, SlackRenderer.Escape).Replace("|", "/", StringComparison.Ordinal);
                return Uri.TryCreate(s.Url, UriKind.Absolute, out var url) ? SlackRenderer.Link(url, label) : label;
            })));
        }

        return string.Join('\n', lines);
    }
}

internal sealed record SlackOutboxMessage(
    string? Channel,
    string Text,
    IReadOnlyList<SlackOutboxBlock> Blocks,
    bool UnfurlLinks,
    bool UnfurlMedia,
    SlackOutboxMetadata? Metadata = null);

internal sealed record SlackOutboxBlock(string Type, SlackOutboxText? Text = null, IReadOnlyList<SlackOutboxText>? Elements = null);

internal sealed record SlackOutboxText(string Type, string Text, bool? Emoji = null, bool? Verbatim = null);

internal sealed record SlackOutboxMetadata(string EventType, SlackOutboxPayload? EventPayload);

internal sealed record SlackOutboxPayload(string? Key);

internal sealed record SlackOutboxResult(bool Ok, string? Error, string? Channel, string? Ts);

internal sealed record SlackOutboxHistory(bool Ok, string? Error, IReadOnlyList<SlackOutboxHistoryMessage>? Messages, bool? HasMore = null, SlackOutboxResponseMetadata? ResponseMetadata = null);

internal sealed record SlackOutboxResponseMetadata(string? NextCursor);

internal sealed record SlackOutboxHistoryMessage(string? Ts, SlackOutboxMetadata? Metadata);

internal sealed record SlackOutboxChannelInfo(bool Ok, string? Error, SlackOutboxChannel? Channel);

internal sealed record SlackOutboxChannel(string? Id, bool IsMember, bool IsArchived);

/// <summary>The wire format of chat.postMessage, conversations.history and conversations.info (snake_case; nulls left out).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackOutboxMessage))]
[JsonSerializable(typeof(SlackOutboxResult))]
[JsonSerializable(typeof(SlackOutboxHistory))]
[JsonSerializable(typeof(SlackOutboxChannelInfo))]
internal sealed partial class SlackOutboxJsonContext : JsonSerializerContext;
