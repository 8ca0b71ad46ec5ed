using Bot.Slack;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Slack;

public sealed class SlackResponseUrlsTests
{
    private static readonly Uri s_url = new("https://hooks.slack.com/commands/T0AAA1111/42/xYz");

    private static (SlackResponseUrls Urls, FakeTimeProvider Time) Create(bool loopback = false, params string[] hosts)
    {
        var time = new FakeTimeProvider(SlackTestHost.Now);
        var options = Options.Create(new SlackOptions { SigningSecret = "s", AllowLoopbackResponseUrls = loopback, ResponseUrlHosts = [.. hosts] });
        return (new SlackResponseUrls(options, time), time);
    }

    [Fact]
    public void TryUse_FiveUsesAllowedThenRefused()
    {
        var (urls, _) = Create();

        Assert.All(Enumerable.Range(0, 5), _ => Assert.True(urls.TryUse(s_url, SlackTestHost.Now)));
        Assert.False(urls.TryUse(s_url, SlackTestHost.Now));
        Assert.True(urls.TryUse(new Uri("https://hooks.slack.com/commands/T0AAA1111/43/other"), SlackTestHost.Now));
    }

    [Fact]
    public void TryUse_AfterThirtyMinutesFromTheRequest_IsRefused()
    {
        var (urls, time) = Create();
        Assert.True(urls.TryUse(s_url, SlackTestHost.Now));

        time.Advance(TimeSpan.FromMinutes(30));
        Assert.True(urls.TryUse(s_url, SlackTestHost.Now));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(urls.TryUse(s_url, SlackTestHost.Now));
    }

    [Theory]
    [InlineData("https://hooks.slack.com/commands/T1/2/x", true)]
    [InlineData("https://HOOKS.SLACK.COM/actions/T1/2/x", true)]
    [InlineData("http://hooks.slack.com/commands/T1/2/x", false)]
    [InlineData("https://hooks.slack.com:8443/commands/T1/2/x", false)]
    [InlineData("https://hooks.slack.com.evil.example/commands/T1/2/x", false)]
    [InlineData("https://evil.example/commands/T1/2/x", false)]
    [InlineData("https://user@hooks.slack.com/commands/T1/2/x", false)]
    [InlineData("http://127.0.0.1:5000/commands/T1/2/x", false)]
    [InlineData("http://localhost:5000/commands/T1/2/x", false)]
    public void IsAllowed_OnlySlacksHostOverHttps(string url, bool allowed) =>
        Assert.Equal(allowed, Create().Urls.IsAllowed(new Uri(url)));

    [Theory]
    [InlineData("http://127.0.0.1:5000/commands/T1/2/x", true)]
    [InlineData("http://[::1]:5000/commands/T1/2/x", true)]
    [InlineData("http://10.0.0.1:5000/commands/T1/2/x", false)]
    public void IsAllowed_LoopbackOnlyWhenAllowed(string url, bool allowed) =>
        Assert.Equal(allowed, Create(loopback: true).Urls.IsAllowed(new Uri(url)));

    [Fact]
    public void IsAllowed_ConfiguredHostsReplaceTheDefault()
    {
        var (urls, _) = Create(false, "hooks.slack-gov.com");

        Assert.True(urls.IsAllowed(new Uri("https://hooks.slack-gov.com/commands/T1/2/x")));
        Assert.False(urls.IsAllowed(new Uri("https://hooks.slack.com/commands/T1/2/x")));
    }
}
