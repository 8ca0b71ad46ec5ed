using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Bot.Discord;

/// <summary>The outcome of one call to Discord's REST API. Failures are values; nothing here throws for an HTTP status.</summary>
internal sealed record DiscordApiResult(int Status, DiscordErrorBody? Error = null, TimeSpan? RetryAfter = null, string? ErrorText = null)
{
    public bool IsSuccess => Status is >= 200 and < 300;

    public bool IsRateLimited => Status == 429;

    /// <summary>No HTTP response at all (connection refused, timeout).</summary>
    public static DiscordApiResult Unreachable(string reason) => new(0, new DiscordErrorBody { Message = reason });

    public override string ToString() => IsSuccess
        ? $"HTTP {Status}"
        : $"HTTP {Status}, code {Error?.Code}: {Error?.Message}{(ErrorText is null ? "" : " " + ErrorText)}";
}

/// <summary>
/// Typed client for the REST calls the adapter makes: editing the original interaction response, followups,
/// bulk-overwriting the command list, and channel posts. Base address, User-Agent and the bot token come from
/// <see cref="DiscordAuthenticationHandler"/> and the client registration; interaction webhooks are authorized by the
/// token in their path and get no bot token. Routes are logged as templates, never with tokens.
/// </summary>
internal sealed class DiscordClient(HttpClient http, IOptions<DiscordOptions> options, DiscordLog log)
{
    private const int MaxErrorText = 4000;

    public Task<DiscordApiResult> EditOriginalResponseAsync(string applicationId, string interactionToken, DiscordMessage message, CancellationToken ct) =>
        SendAsync(
            HttpMethod.Patch,
            $"webhooks/{Segment(applicationId)}/{Segment(interactionToken)}/messages/@original",
            "PATCH /webhooks/{application}/{token}/messages/@original",
            JsonContent.Create(message, DiscordJsonContext.Default.DiscordMessage),
            botToken: false,
            ct);

    public Task<DiscordApiResult> CreateFollowupAsync(string applicationId, string interactionToken, DiscordMessage message, CancellationToken ct) =>
        SendAsync(
            HttpMethod.Post,
            $"webhooks/{Segment(applicationId)}/{Segment(interactionToken)}?wait=true",
            "POST /webhooks/{application}/{token}",
            JsonContent.Create(message, DiscordJsonContext.Default.DiscordMessage),
            botToken: false,
            ct);

    /// <summary>Replaces every command of the application, globally or in one guild (bulk overwrite, idempotent).</summary>
    public Task<DiscordApiResult> BulkOverwriteCommandsAsync(string applicationId, string? guildId, IReadOnlyList<DiscordCommandDefinition> commands, CancellationToken ct) =>
        SendAsync(
            HttpMethod.Put,
            guildId is null
                ? $"applications/{Segment(applicationId)}/commands"
                : $"applications/{Segment(applicationId)}/guilds/{Segment(guildId)}/commands",
            guildId is null ? "PUT /applications/{application}/commands" : "PUT /applications/{application}/guilds/{guild}/commands",
            JsonContent.Create(commands, DiscordJsonContext.Default.IReadOnlyListDiscordCommandDefinition),
            botToken: true,
            ct);

    /// <summary>Posts to a channel as the bot (<c>Authorization: Bot</c>); the caller owns retries and the nonce.</summary>
    public Task<DiscordApiResult> CreateMessageAsync(string channelId, DiscordChannelMessage message, CancellationToken ct) =>
        SendAsync(
            HttpMethod.Post,
            $"channels/{Segment(channelId)}/messages",
            "POST /channels/{channel}/messages",
            JsonContent.Create(message, DiscordJsonContext.Default.DiscordChannelMessage),
            botToken: true,
            ct);

    private async Task<DiscordApiResult> SendAsync(HttpMethod method, string path, string route, HttpContent content, bool botToken, CancellationToken ct)
    {
        if (botToken && string.IsNullOrWhiteSpace(options.Value.BotToken))
        {
            return DiscordApiResult.Unreachable("Discord__BotToken is not set");
        }

        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = content };
        request.Options.Set(DiscordAuthenticationHandler.UseBotToken, botToken);
        try
        {
            using var response = await http.SendAsync(request, ct);
            if (response.IsSuccessStatusCode)
            {
                return new DiscordApiResult((int)response.StatusCode);
            }

            var text = await response.Content.ReadAsStringAsync(ct);
            var error = TryParseError(text);
            var retryAfter = error?.RetryAfter is { } seconds && seconds >= 0
                ? TimeSpan.FromSeconds(seconds)
                : response.Headers.RetryAfter?.Delta;
            var result = new DiscordApiResult(
                (int)response.StatusCode,
                error,
                retryAfter,
                error?.Errors is { } errors ? Cap(errors.GetRawText()) : error is null ? Cap(text) : null);
            log.RequestFailed(route, result.ToString());
            return result;
        }
        catch (HttpRequestException ex)
        {
            log.RequestFailed(route, ex.Message);
            return DiscordApiResult.Unreachable(ex.Message);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            log.RequestFailed(route, "timed out");
            return DiscordApiResult.Unreachable("timed out");
        }
    }

    private static DiscordErrorBody? TryParseError(string text)
    {
        try
        {
            return text.Length > 0 && text[0] == '{' ? JsonSerializer.Deserialize(text, DiscordJsonContext.Default.DiscordErrorBody) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Cap(string text) => text.Length <= MaxErrorText ? text : text[..MaxErrorText];

    /// <summary>A path segment: ids and tokens are checked by the caller; this also encodes anything unexpected.</summary>
    private static string Segment(string value) => Uri.EscapeDataString(value);

    /// <summary><c>DiscordBot (url, version)</c>, the User-Agent Discord asks bots to send.</summary>
    public static string UserAgent(Uri url) =>
        string.Create(CultureInfo.InvariantCulture, $"DiscordBot ({url.AbsoluteUri}, {typeof(DiscordClient).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"})");

    /// <summary>Configures the typed client: base address and User-Agent.</summary>
    public static void Configure(HttpClient http, DiscordOptions options)
    {
        http.BaseAddress = options.ApiBaseUrl;
        http.Timeout = TimeSpan.FromSeconds(15);
        http.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent(options.UserAgentUrl));
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
    }
}

/// <summary>Adds <c>Authorization: Bot …</c> to requests that ask for it; the token never reaches a log.</summary>
internal sealed class DiscordAuthenticationHandler(IOptions<DiscordOptions> options) : DelegatingHandler
{
    public static readonly HttpRequestOptionsKey<bool> UseBotToken = new("Discord.UseBotToken");

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(UseBotToken, out var use) && use && options.Value.BotToken is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bot", token.Trim());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
