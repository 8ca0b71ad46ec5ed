using Bot.Answering;
using Bot.Commands;
using Bot.Facts;
using Bot.Storage;
using Bot.Subscriptions;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Bot.Hosting;

public static class HostingExtensions
{
    public const string ReadyTag = "ready";

    /// <summary>The core every entry point needs: fact base, answering, commands, storage, subscriptions.</summary>
    public static IHostApplicationBuilder AddBotCore(this IHostApplicationBuilder builder, bool watchFacts = true)
    {
        builder.AddFacts(watchFacts);
        builder.AddAnswering();
        builder.AddCommands();
        builder.AddStorage();
        builder.AddSubscriptions();
        return builder;
    }

    /// <summary>
    /// Logging and the health checks behind <c>/health/live</c> and <c>/health/ready</c>. Logs are one line per
    /// event with UTC timestamps; set <c>Logging__Console__FormatterName=json</c> for JSON lines with every
    /// structured field.
    /// </summary>
    public static IHostApplicationBuilder AddHosting(this IHostApplicationBuilder builder)
    {
        if (builder.Configuration["Logging:Console:FormatterName"] is null)
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
                o.UseUtcTimestamp = true;
            });
        }

        builder.Services.AddHealthChecks().AddCheck<FactBaseHealthCheck>("facts", tags: [ReadyTag]);
        return builder;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag) });
        return app;
    }
}
