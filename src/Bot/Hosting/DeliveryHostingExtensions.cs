using Bot.Discord;
using Bot.Outbox;
using Bot.Slack;
using Bot.Subscriptions;

namespace Bot.Hosting;

public static class DeliveryHostingExtensions
{
    /// <summary>
    /// Update delivery for <c>serve</c>: the outbox (publisher + delivery worker) and the platform senders that post to
    /// channels (Discord <c>POST /channels/{id}/messages</c>, Slack <c>chat.postMessage</c>) with their typed HTTP
    /// clients. Wired here, outside the core folders, so that Outbox and Subscriptions never reference a platform.
    /// </summary>
    public static IHostApplicationBuilder AddUpdateDelivery(this IHostApplicationBuilder builder)
    {
        builder.AddOutbox();
        var services = builder.Services;

        services.AddOptions<DiscordChannelSenderOptions>().BindConfiguration("Discord");
        services.AddHttpClient(DiscordChannelSender.HttpClientName, DiscordChannelSender.ConfigureClient);
        services.AddSingleton<DiscordChannelSender>();
        services.AddSingleton<IPlatformSender>(sp => sp.GetRequiredService<DiscordChannelSender>());

        services.AddOptions<SlackChannelSenderOptions>().BindConfiguration("Slack");
        services.AddHttpClient(SlackChannelSender.HttpClientName, SlackChannelSender.ConfigureClient);
        services.AddSingleton<SlackChannelSender>();
        services.AddSingleton<IPlatformSender>(sp => sp.GetRequiredService<SlackChannelSender>());
        services.AddSingleton<IChannelAccessProbe>(sp => sp.GetRequiredService<SlackChannelSender>());
        return builder;
    }
}
