using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Outbox;

public static class OutboxServiceCollectionExtensions
{
    /// <summary>
    /// Registers the background side of updates, for the service only (never for one-shot console commands): the
    /// publisher (on start and on every reload) and the delivery worker. Platform senders (<see cref="IPlatformSender"/>)
    /// are registered by the adapters' side; a platform without one keeps its updates pending.
    /// </summary>
    public static IHostApplicationBuilder AddOutbox(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<OutboxLog>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<DeliveryShare>();
        services.AddSingleton<DeliveryHalts>();
        services.AddSingleton<Subscriptions.IDeliveryStatus>(sp => sp.GetRequiredService<DeliveryHalts>());
        services.AddSingleton<UpdateMessages>();
        services.AddHostedService<PublishingService>();
        services.AddHostedService<DeliveryWorker>();
        return builder;
    }
}
