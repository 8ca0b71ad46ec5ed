using System.Text.Json;
using Bot.Tests.TestSupport;

namespace Bot.Tests.Subscriptions;

/// <summary>The console commands, run as an operator runs them: the built bot, configured by environment variables.</summary>
public sealed class SubscriptionsCliTests : IDisposable
{
    private readonly string _folder = TestFactBase.CreateTempFolder("cli");

    public SubscriptionsCliTests() => new TestFactBase().WriteTo(Path.Combine(_folder, "facts"));

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task<(int Exit, string Output)> RunAsync(params string[] args)
    {
        var environment = new Dictionary<string, string>
        {
            ["Facts__Path"] = Path.Combine(_folder, "facts"),
            ["Storage__ConnectionString"] = $"Data Source={Path.Combine(_folder, "state", "bot.db")}",
        };
        using var bot = BotProcess.Start(environment, _folder, args);
        var exit = await bot.WaitForExitAsync();
        return (exit, bot.Output);
    }

    [Fact]
    public async Task SubscribeThenSubscriptions_OnTheConsole_ManagesAPlatformChannelByItsIds()
    {
        var (subscribed, subscribeOutput) = await RunAsync("subscribe", "rounds", "figures", "--digest", "--platform", "slack", "--workspace", "T1", "--channel", "C1");
        var (listed, listOutput) = await RunAsync("subscriptions", "--json");
        var (shown, showOutput) = await RunAsync("subscriptions", "--platform", "slack", "--workspace", "T1", "--channel", "C1");

        Assert.Equal(0, subscribed);
        Assert.Contains("Slack channel C1 gets a daily digest at 08:00 UTC about rounds, figures.", subscribeOutput, StringComparison.Ordinal);
        Assert.Equal(0, listed);
        using var json = JsonDocument.Parse(listOutput);
        Assert.Equal("slack:T1/C1", json.RootElement.GetProperty("fields")[0].GetProperty("name").GetString());
        Assert.Equal(0, shown);
        Assert.Contains("State:\n  Active", showOutput.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscribe_OnTheConsoleWithoutAChannel_ExitsNonZeroAndSaysHowToNameOne()
    {
        var (exit, output) = await RunAsync("subscribe", "rounds");

        Assert.Equal(2, exit);
        Assert.Contains("--platform discord|slack --workspace", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changes_BeforeTheServiceRecordedAnyVersion_SaysSo()
    {
        var (exit, output) = await RunAsync("changes");

        Assert.Equal(2, exit);
        Assert.Contains("No fact-base versions are recorded yet", output, StringComparison.Ordinal);
    }
}
