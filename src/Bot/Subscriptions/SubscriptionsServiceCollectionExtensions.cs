using Bot.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Subscriptions;

public static class SubscriptionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the subscription commands (<c>subscribe</c>, <c>unsubscribe</c>, <c>subscriptions</c>, <c>changes</c>) and
    /// the publisher that turns a new fact-base version into outbox rows. Needs <c>AddStorage</c>.
    /// </summary>
    public static IHostApplicationBuilder AddSubscriptions(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SubscriptionsOptions>().BindConfiguration(SubscriptionsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SubscriptionsLog>();
        services.AddSingleton<UpdatePublisher>();
        services.AddSingleton<ICommandHandler, SubscribeCommand>();
        services.AddSingleton<ICommandHandler, UnsubscribeCommand>();
        services.AddSingleton<ICommandHandler, SubscriptionsCommand>();
        services.AddSingleton<ICommandHandler, ChangesCommand>();
        return builder;
    }
}
