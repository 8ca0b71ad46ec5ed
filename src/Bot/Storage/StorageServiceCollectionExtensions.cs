using Bot.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the subscription store chosen by <c>Storage__Provider</c> (<c>sqlite</c> default, or <c>postgres</c>) and
    /// its readiness check. The schema is created or migrated on first use: at startup of <c>serve</c> (publishing and
    /// the readiness probe touch it), never by console lookups that do not need it.
    /// </summary>
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => !o.IsPostgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Storage__ConnectionString is required when Storage__Provider is postgres.")
            .ValidateOnStart();
        services.AddSingleton<StorageLog>();
        services.AddSingleton<ISubscriptionStore>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var log = sp.GetRequiredService<StorageLog>();
            return options.IsPostgres
                ? new PostgresStore(options.EffectiveConnectionString, log)
                : new SqliteStore(options.EffectiveConnectionString, log);
        });
        services.AddSingleton<Answering.IUnansweredStore>(sp => (Answering.IUnansweredStore)sp.GetRequiredService<ISubscriptionStore>());
        services.AddSingleton<Commands.IConversationStore>(sp => (Commands.IConversationStore)sp.GetRequiredService<ISubscriptionStore>());
        services.AddHealthChecks().AddCheck<StorageHealthCheck>("storage", tags: [HostingExtensions.ReadyTag]);
        return builder;
    }
}
