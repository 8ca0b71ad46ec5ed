using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Bot.Slack;

/// <summary>The outcome of a Web API call: <c>ok</c>, Slack's <c>error</c> code, and how long to wait after a 429.</summary>
internal sealed record SlackApiResult(bool Ok, string? Error, TimeSpan? RetryAfter = null, string? Ts = null)
{
    public const string NotConfigured = "bot_token_not_configured";
}

/// <summary>
/// Slack's Web API (typed client: base address <c>Slack:ApiBaseUrl</c>, bearer token added by <see cref="SlackAuthHandler"/>).
/// Expected failures (<c>channel_not_found</c>, 429) are values; retries belong to the caller (the outbox).
/// </summary>
internal sealed class SlackClient(HttpClient http, IOptions<SlackOptions> options, SlackLog log)
{
    public async Task<SlackApiResult> PostMessageAsync(string channel, SlackMessage message, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(options.Value.BotToken))
        {
            return new SlackApiResult(false, SlackApiResult.NotConfigured);
        }

        var body = new SlackPostMessageRequest(channel, message.Text, message.Blocks);
        using var content = JsonContent.Create(body, SlackJsonContext.Default.SlackPostMessageRequest);
        using var response = await http.PostAsync("chat.postMessage", content, ct);
        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            var retryAfter = response.Headers.RetryAfter?.Delta
                ?? (int.TryParse(response.Headers.TryGetValues("Retry-After", out var values) ? values.FirstOrDefault() : null, NumberStyles.None, CultureInfo.InvariantCulture, out var s)
                    ? TimeSpan.FromSeconds(s)
                    : TimeSpan.FromSeconds(1));
            log.RateLimited("chat.postMessage", retryAfter.TotalSeconds);
            return new SlackApiResult(false, "ratelimited", retryAfter);
        }

        if (!response.IsSuccessStatusCode)
        {
            return new SlackApiResult(false, $"http_{(int)response.StatusCode}");
        }

        try
        {
            var result = await response.Content.ReadFromJsonAsync(SlackJsonContext.Default.SlackApiResponse, ct);
            return result is null
                ? new SlackApiResult(false, "empty_response")
                : new SlackApiResult(result.Ok, result.Error, Ts: result.Ts);
        }
        catch (JsonException)
        {
            return new SlackApiResult(false, "invalid_response");
        }
    }
}

/// <summary>Adds <c>Authorization: Bearer</c> with the bot token to Web API calls.</summary>
internal sealed class SlackAuthHandler(IOptions<SlackOptions> options) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (options.Value.BotToken is { Length: > 0 } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return base.SendAsync(request, cancellationToken);
    }
}
