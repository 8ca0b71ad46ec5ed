using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Facts;

public static class FactsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the fact base: options, the loader, the provider (loaded once at start; a broken fact base
    /// stops the host with file:line errors) and the watcher that reloads on file change or SIGHUP.
    /// </summary>
    public static IHostApplicationBuilder AddFacts(this IHostApplicationBuilder builder, bool watch = true)
    {
        var services = builder.Services;
        services.AddOptions<FactsOptions>().BindConfiguration(FactsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FactsLog>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new FactBaseLoader(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new FactBaseProvider(
            sp.GetRequiredService<FactBaseLoader>(), sp.GetRequiredService<IOptions<FactsOptions>>(), sp.GetRequiredService<FactsLog>()));
        services.AddSingleton<IFactBaseProvider>(sp => sp.GetRequiredService<FactBaseProvider>());
        services.AddHostedService<FactBaseInitializer>();
        if (watch)
        {
            services.AddHostedService<FactBaseWatcher>();
        }

        return builder;
    }
}
