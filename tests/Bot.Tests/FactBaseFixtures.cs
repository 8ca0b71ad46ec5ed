using Bot.Commands;
using Bot.Facts;
using Bot.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Tests;

/// <summary>A started core host (no web server) over a fact-base folder, to drive the command layer.</summary>
internal sealed class CoreHost : IAsyncDisposable
{
    private readonly IHost _host;

    private CoreHost(IHost host) => _host = host;

    public IServiceProvider Services => _host.Services;

    public FactBase Facts => Services.GetRequiredService<IFactBaseProvider>().Current;

    public static async Task<CoreHost> StartAsync(string factsPath, IDictionary<string, string?>? settings = null, Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Facts:Path"] = factsPath,
            ["Facts:Watch"] = "false",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), "bot-test-" + Guid.NewGuid().ToString("N") + ".db")}",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddBotCore(watchFacts: builder.Configuration.GetValue("Facts:Watch", false));
        configure?.Invoke(builder);
        var host = builder.Build();
        await host.StartAsync();
        return new CoreHost(host);
    }

    public Task<Reply> RunAsync(string name, params (string Key, string? Value)[] options) => RunAsync(CommandContext.Console, name, options);

    public Task<Reply> RunAsync(CommandContext context, string name, params (string Key, string? Value)[] options) =>
        Services.GetRequiredService<ICommandDispatcher>().DispatchAsync(CommandRequest.Create(name, context, options), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

/// <summary>One core host over the real, bundled fact base, shared by a test class.</summary>
public sealed class RealFactBaseFixture : IAsyncLifetime
{
    private CoreHost? _host;

    internal CoreHost Host => _host ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync() => _host = await CoreHost.StartAsync(RepoPaths.Facts);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
