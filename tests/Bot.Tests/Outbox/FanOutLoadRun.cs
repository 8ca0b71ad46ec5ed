using System.Diagnostics;
using Bot.Commands;
using Bot.Facts;
using Bot.Storage;
using Bot.Subscriptions;
using Bot.Tests.Outbox.Fakes;
using Bot.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Xunit.Abstractions;

namespace Bot.Tests.Outbox;

/// <summary>
/// A load run, not a timed test: the built bot as a child process fans one new version out to 10,000 subscriptions
/// (half Discord, half Slack) against the fake APIs, and reports the time taken against the minimum the enforced
/// rate limits allow, 429s received, posts lost and duplicated, and the bot's peak memory. It asserts only that
/// nothing was lost or duplicated. Runs when BOT_LOAD_RUN=1:
/// <c>BOT_LOAD_RUN=1 dotnet test --filter FullyQualifiedName~FanOutLoadRun --logger "console;verbosity=detailed"</c>
/// (BOT_LOAD_RUN_SUBSCRIPTIONS changes the count).
/// </summary>
public sealed class FanOutLoadRun(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _folder = TestFactBase.CreateTempFolder("loadrun");
    private FakeDiscordChannelApi _discord = null!;
    private FakeSlackChatApi _slack = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscordChannelApi.StartAsync();
        _slack = await FakeSlackChatApi.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _discord.DisposeAsync();
        await _slack.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [SkippableFact]
    public async Task FanOut_10000Subscriptions_ReportsTimeAgainstTheRateLimitMinimum()
    {
        Skip.IfNot(Environment.GetEnvironmentVariable("BOT_LOAD_RUN") == "1", "a load run: set BOT_LOAD_RUN=1 to run it");
        var count = int.TryParse(Environment.GetEnvironmentVariable("BOT_LOAD_RUN_SUBSCRIPTIONS"), out var n) ? n : 10_000;
        var factsFolder = Path.Combine(_folder, "facts");
        var database = Path.Combine(_folder, "bot.db");
        var facts = new TestFactBase();
        facts.WriteTo(factsFolder);
        using var store = new SqliteStore($"Data Source={database}", new StorageLog(NullLogger<StorageLog>.Instance));
        var publisher = new UpdatePublisher(store, Options.Create(new SubscriptionsOptions()), TimeProvider.System, new SubscriptionsLog(NullLogger<SubscriptionsLog>.Instance));
        await publisher.PublishAsync(new FactBaseLoader(TimeProvider.System).Load(factsFolder).FactBase!, default);
        var channels = Enumerable.Range(0, count)
            .Select(i => i % 2 == 0 ? new ChannelKey(Platform.Discord, "G1", $"9{i:D8}") : new ChannelKey(Platform.Slack, FakeSlackChatApi.Team, $"C{i:D8}"))
            .ToList();
        await DeliveryTestHost.SubscribeAsync(store, channels);
        facts.Figures[0] = (facts.Figures[0].Id, facts.Figures[0].Title, "15%", "The US tariff on Japanese cars fell to 15% under the July deal.");
        facts.Rounds.Add((3, "2025-05-23", "Washington, D.C.", "Agreed to speed up talks."));
        facts.WriteTo(factsFolder);

        var watch = Stopwatch.StartNew();
        using var bot = BotProcess.Start(new Dictionary<string, string>
        {
            ["Facts__Path"] = factsFolder,
            ["Facts__Watch"] = "false",
            ["Storage__ConnectionString"] = $"Data Source={database}",
            ["Discord__ApiBaseUrl"] = _discord.ApiBaseUrl,
            ["Discord__BotToken"] = FakeDiscordChannelApi.Token,
            ["Slack__ApiBaseUrl"] = _slack.ApiBaseUrl,
            ["Slack__BotToken"] = FakeSlackChatApi.Token,
            ["Logging__LogLevel__Default"] = "Warning",
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
        }, _folder, "serve");
        long peak = 0;
        await Eventually.TrueAsync(
            async () =>
            {
                peak = Math.Max(peak, bot.PeakResidentBytes ?? 0);
                return (await store.CountOutboxAsync(default)).Pending == 0 && (await store.CountOutboxAsync(default)).Sent == count || bot.HasExited;
            },
            async () => $"outbox {await store.CountOutboxAsync(default)}; output:\n{bot.Output}",
            TimeSpan.FromMinutes(30));
        var total = watch.Elapsed;
        peak = Math.Max(peak, bot.PeakResidentBytes ?? 0);
        bot.Kill();

        var discordPosts = _discord.Posts;
        var slackPosts = _slack.Posts;
        var posted = discordPosts.Select(p => p.ChannelId).Concat(slackPosts.Select(p => p.Channel)).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        var lost = channels.Count(c => !posted.ContainsKey(c.ChannelId));
        var duplicated = posted.Values.Sum(v => v - 1);
        var all = discordPosts.Select(p => p.At).Concat(slackPosts.Select(p => p.At)).Order().ToList();
        var delivery = all[^1] - all[0];
        var discordSpan = discordPosts.Count > 1 ? discordPosts[^1].At - discordPosts[0].At : TimeSpan.Zero;
        var discordCount = channels.Count(c => c.Platform == Platform.Discord);
        var minimum = TimeSpan.FromSeconds((discordCount - 1) / (double)_discord.GlobalLimitPerSecond);

        output.WriteLine($"machine: {Environment.ProcessorCount} cores, {CpuModel()}, {Environment.OSVersion}, .NET {Environment.Version}");
        output.WriteLine($"subscriptions: {count} ({discordCount} Discord, {count - discordCount} Slack), storage sqlite");
        output.WriteLine($"delivery (first post to last post): {delivery.TotalSeconds:0.0} s; Discord posts {discordSpan.TotalSeconds:0.0} s");
        output.WriteLine($"minimum the limits allow: {minimum.TotalSeconds:0.0} s (Discord {discordCount} posts at {_discord.GlobalLimitPerSecond}/s global; Slack 1/s per channel does not bind with one post per channel)");
        output.WriteLine($"ratio: {delivery / minimum:0.000} of the minimum");
        output.WriteLine($"bot process start to all marked sent: {total.TotalSeconds:0.0} s");
        output.WriteLine($"429 received: Discord {_discord.RateLimited} (global {_discord.GlobalRateLimited}), Slack {_slack.RateLimited}; Discord peak requests in any 1 s: {_discord.PeakRequestsPerSecond}");
        output.WriteLine($"posts lost: {lost}, duplicated: {duplicated}");
        output.WriteLine($"bot peak resident memory: {peak / (1024.0 * 1024):0} MiB");

        Assert.Equal(0, lost);
        Assert.Equal(0, duplicated);
    }

    private static string CpuModel() => File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "?"
        : "?";
}
