using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Bot.Tests;

/// <summary>
/// The real host in memory, with settings layered over the defaults. Storage goes to a fresh SQLite file
/// per factory so tests never share state.
/// </summary>
public class BotWebApplicationFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    public BotWebApplicationFactory(IDictionary<string, string?>? settings = null)
    {
        StatePath = Path.Combine(Path.GetTempPath(), "bot-web-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(StatePath);
        _settings = new Dictionary<string, string?>
        {
            ["Facts:Path"] = RepoPaths.Facts,
            ["Facts:Watch"] = "false",
            ["Storage:ConnectionString"] = $"Data Source={Path.Combine(StatePath, "bot.db")}",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public string StatePath { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(StatePath, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
