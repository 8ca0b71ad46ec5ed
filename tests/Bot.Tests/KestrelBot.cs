using Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests;

/// <summary>The bot's web host on Kestrel at 127.0.0.1 with a free port, for tests that need a real socket.</summary>
internal sealed class KestrelBot : IAsyncDisposable
{
    private readonly WebApplication _app;

    private KestrelBot(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<KestrelBot> StartAsync(string factsPath)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Facts:Path"] = factsPath,
            ["Facts:Watch"] = "false",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(Path.GetTempPath(), "bot-kestrel-" + Guid.NewGuid().ToString("N") + ".db")}",
        });
        builder.AddHosting();
        builder.AddBotCore(watchFacts: false);
        var app = builder.Build();
        app.MapHealth();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new KestrelBot(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
