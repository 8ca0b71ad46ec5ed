using Bot.Commands;
using Bot.Facts;
using Bot.Hosting;
using Bot.Storage;
using Bot.Tests.Outbox.Fakes;
using Bot.Tests.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bot.Tests.Outbox;

/// <summary>
/// The bot's real composition (<c>AddBotCore</c> + <c>AddUpdateDelivery</c>, as <c>serve</c> has it) in-process,
/// pointed at a test fact-base folder, a real database, and the fake Discord and Slack APIs.
/// </summary>
internal sealed class DeliveryTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private DeliveryTestHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public ISubscriptionStore Store => Services.GetRequiredService<ISubscriptionStore>();

    public FactBaseProvider Facts => Services.GetRequiredService<FactBaseProvider>();

    public static Dictionary<string, string?> Settings(string factsFolder, string provider, string connectionString, FakeDiscordChannelApi? discord, FakeSlackChatApi? slack) => new()
    {
        ["Facts:Path"] = factsFolder,
        ["Facts:Watch"] = "false",
        ["Storage:Provider"] = provider,
        ["Storage:ConnectionString"] = connectionString,
        ["Discord:ApiBaseUrl"] = discord?.ApiBaseUrl,
        ["Discord:BotToken"] = discord is null ? null : FakeDiscordChannelApi.Token,
        ["Slack:ApiBaseUrl"] = slack?.ApiBaseUrl,
        ["Slack:BotToken"] = slack is null ? null : FakeSlackChatApi.Token,
        ["Outbox:PollSeconds"] = "0.2",
        ["Outbox:LeaseSeconds"] = "10",
        ["Outbox:HttpTimeoutSeconds"] = "2",
        ["Outbox:RetryBaseSeconds"] = "0.2",
        ["Outbox:RetryMaxSeconds"] = "2",
        ["Outbox:HeartbeatSeconds"] = "1",
    };

    public static async Task<DeliveryTestHost> StartAsync(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddBotCore(watchFacts: false);
        builder.AddUpdateDelivery();
        var host = builder.Build();
        await host.StartAsync();
        var test = new DeliveryTestHost(host);
        await test.WaitUntilRecordedAsync();
        return test;
    }

    /// <summary>Waits until the current fact-base version is recorded in storage (the publisher runs in the background).</summary>
    public Task WaitUntilRecordedAsync() => Eventually.TrueAsync(
        async () => (await Store.GetLatestVersionAsync(default))?.Version == Facts.Current.Version,
        () => Task.FromResult($"version {Facts.Current.ShortVersion} was never recorded"));

    /// <summary>Writes <paramref name="facts"/> as the new fact base and reloads it (as a file change or SIGHUP would).</summary>
    public async Task ReloadAsync(TestFactBase facts)
    {
        facts.WriteTo(Facts.Path);
        Assert.Empty(Facts.Reload());
        await WaitUntilRecordedAsync();
    }

    public static async Task SubscribeAsync(ISubscriptionStore store, IEnumerable<ChannelKey> channels, bool digest = false)
    {
        foreach (var channel in channels)
        {
            await store.SubscribeAsync(new SubscriptionRequest(channel, Bot.Subscriptions.Topics.All, digest, "U-test"), DateTimeOffset.UtcNow, default);
        }
    }

    public Task<Reply> DispatchAsync(CommandRequest request) =>
        Services.GetRequiredService<ICommandDispatcher>().DispatchAsync(request, default);

    /// <summary>Waits until nothing is pending in the outbox.</summary>
    public static Task DrainedAsync(ISubscriptionStore store, TimeSpan? timeout = null) => Eventually.TrueAsync(
        async () => (await store.CountOutboxAsync(default)).Pending == 0,
        async () => $"outbox still has {await store.CountOutboxAsync(default)}",
        timeout);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
