using Bot.Commands;
using Bot.Hosting;

namespace Bot.Console;

/// <summary>A started host without a web server, for one-shot console commands.</summary>
internal sealed class ConsoleHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ConsoleHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public static Task<ConsoleHost> StartAsync(CancellationToken ct) => StartAsync(null, ct);

    /// <param name="settings">Configuration over the usual sources (command-line options such as <c>--facts</c>).</param>
    /// <param name="ct">Cancels the start.</param>
    public static async Task<ConsoleHost> StartAsync(IReadOnlyDictionary<string, string?>? settings, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder();
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft", LogLevel.Error);
        // Console output is the answer; log lines go to stderr only.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddBotCore(watchFacts: false);
        var host = builder.Build();
        await host.StartAsync(ct);
        return new ConsoleHost(host);
    }

    public Task<Reply> DispatchAsync(CommandRequest request, CancellationToken ct) =>
        Services.GetRequiredService<ICommandDispatcher>().DispatchAsync(request, ct);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
