using Bot.Slack;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Slack;

public sealed class SlackResponderTests
{
    private static readonly Uri s_url = new("https://hooks.slack.com/commands/T0AAA1111/42/xYz");

    /// <summary>A response_url that never answers, as a stalled connection would.</summary>
    private sealed class StallingHandler : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            await Task.Delay(Timeout.Infinite, cancellationToken);
            throw new InvalidOperationException("unreachable");
        }
    }

    [Fact]
    public async Task RespondAsync_ResponseUrlTimesOut_ReturnsFalseInsteadOfThrowing()
    {
        using var handler = new StallingHandler();
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromMilliseconds(50) };
        var time = new FakeTimeProvider(SlackTestHost.Now);
        var urls = new SlackResponseUrls(Options.Create(new SlackOptions { SigningSecret = "s" }), time);
        var responder = new SlackResponder(http, urls, new SlackLog(NullLogger<SlackLog>.Instance));

        var delivered = await responder.RespondAsync(s_url, time.GetUtcNow(), SlackRenderer.Apology, CancellationToken.None);

        Assert.False(delivered);
        Assert.Equal(1, handler.Calls);
    }

    [Fact]
    public async Task RespondAsync_CallerCancels_StillThrowsCancellation()
    {
        using var handler = new StallingHandler();
        using var http = new HttpClient(handler);
        var time = new FakeTimeProvider(SlackTestHost.Now);
        var urls = new SlackResponseUrls(Options.Create(new SlackOptions { SigningSecret = "s" }), time);
        var responder = new SlackResponder(http, urls, new SlackLog(NullLogger<SlackLog>.Instance));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => responder.RespondAsync(s_url, time.GetUtcNow(), SlackRenderer.Apology, cts.Token));
    }
}
