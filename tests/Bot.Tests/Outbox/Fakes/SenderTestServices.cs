using Bot.Discord;
using Bot.Outbox;
using Bot.Slack;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Outbox.Fakes;

/// <summary>The channel senders wired as the host wires them (named HttpClients from IHttpClientFactory), on a given clock.</summary>
internal static class SenderTestServices
{
    public static (DiscordChannelSender Sender, ServiceProvider Services) Discord(FakeDiscordChannelApi fake, TimeProvider time, OutboxOptions? outbox = null, string? token = FakeDiscordChannelApi.Token, string? apiBaseUrl = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(new DiscordChannelSenderOptions { ApiBaseUrl = apiBaseUrl ?? fake.ApiBaseUrl, BotToken = token }));
        services.AddSingleton(Options.Create(outbox ?? new OutboxOptions()));
        services.AddHttpClient(DiscordChannelSender.HttpClientName, DiscordChannelSender.ConfigureClient);
        var provider = services.BuildServiceProvider();
        var sender = new DiscordChannelSender(
            provider.GetRequiredService<IHttpClientFactory>(),
            provider.GetRequiredService<IOptions<DiscordChannelSenderOptions>>(),
            provider.GetRequiredService<IOptions<OutboxOptions>>(),
            new DeliveryShare(),
            time,
            new OutboxLog(NullLogger<OutboxLog>.Instance));
        return (sender, provider);
    }

    public static (SlackChannelSender Sender, ServiceProvider Services) Slack(FakeSlackChatApi fake, TimeProvider time, OutboxOptions? outbox = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Options.Create(new SlackChannelSenderOptions { ApiBaseUrl = fake.ApiBaseUrl, BotToken = FakeSlackChatApi.Token }));
        services.AddSingleton(Options.Create(outbox ?? new OutboxOptions()));
        services.AddHttpClient(SlackChannelSender.HttpClientName, SlackChannelSender.ConfigureClient);
        var provider = services.BuildServiceProvider();
        var sender = new SlackChannelSender(
            provider.GetRequiredService<IHttpClientFactory>(),
            provider.GetRequiredService<IOptions<SlackChannelSenderOptions>>(),
            provider.GetRequiredService<IOptions<OutboxOptions>>(),
            time,
            new OutboxLog(NullLogger<OutboxLog>.Instance));
        return (sender, provider);
    }

    /// <summary>An update with <paramref name="items"/> facts, long texts, several corrections and sources each.</summary>
    public static UpdateMessage LargeUpdate(int items, string text = "A long sentence about the talks & their <details>. ")
    {
        var list = Enumerable.Range(0, items).Select(i => new UpdateItem(
            i % 2 == 0 ? Bot.Subscriptions.ChangeKind.Added : Bot.Subscriptions.ChangeKind.Changed,
            Bot.Subscriptions.Topics.Figures,
            $"Figure {i}: " + new string('x', 40),
            i % 2 == 0 ? string.Concat(Enumerable.Repeat(text, 60)) : null,
            i % 2 == 0 ? [] : [.. Enumerable.Range(0, 8).Select(c => new Bot.Subscriptions.FieldChange($"Field {c}", new string('o', 500), new string('n', 500)))],
            [.. Enumerable.Range(0, 5).Select(s => new Bot.Subscriptions.SourceRef($"Publisher {s}", "Title", $"https://example.org/{i}/{s}?q=(x)", "2025-07-23"))])).ToList();
        return new UpdateMessage("Negotiations fact base updated", $"{items} changes.", list, "Fact base version 0123456789ab · 2025-07-23 09:00 UTC", false);
    }
}
