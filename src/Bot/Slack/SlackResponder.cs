using System.Net.Http.Json;

namespace Bot.Slack;

/// <summary>Posts messages to <c>response_url</c>s (typed client, no auth: the URL is the credential). One attempt each.</summary>
internal sealed class SlackResponder(HttpClient http, SlackResponseUrls urls, SlackLog log)
{
    public async Task<bool> RespondAsync(Uri responseUrl, DateTimeOffset receivedAt, SlackMessage message, CancellationToken ct)
    {
        if (!urls.IsAllowed(responseUrl))
        {
            log.ResponseUrlRefused(responseUrl.IsAbsoluteUri ? responseUrl.Host : "(relative)");
            return false;
        }

        if (!urls.TryUse(responseUrl, receivedAt))
        {
            log.ResponseUrlUsedUp(responseUrl.Host);
            return false;
        }

        try
        {
            using var content = JsonContent.Create(message, SlackJsonContext.Default.SlackMessage);
            using var response = await http.PostAsync(responseUrl, content, ct);
            if (!response.IsSuccessStatusCode)
            {
                log.ResponseUrlFailed(responseUrl.Host, (int)response.StatusCode);
                return false;
            }

            return true;
        }
        catch (HttpRequestException ex)
        {
            log.ResponseUrlError(responseUrl.Host, ex.HttpRequestError);
            return false;
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            // HttpClient.Timeout: the message is lost for this user, but it must not take the worker down.
            log.ResponseUrlTimedOut(responseUrl.Host);
            return false;
        }
    }
}
