using System.Net;

namespace Bot.Tests.Storage;

/// <summary><c>/health/ready</c> means the fact base is loaded and the storage answers.</summary>
public sealed class StorageHealthCheckTests
{
    [Fact]
    public async Task Ready_StorageUnreachable_Answers503WhileLiveStays200()
    {
        using var folder = FactFolder.Minimal();
        using var factory = new BotWebApplicationFactory(new Dictionary<string, string?>
        {
            ["Facts:Path"] = folder.Path,
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = "Host=127.0.0.1;Port=1;Username=bot;Password=bot;Database=bot;Timeout=1",
        });
        using var client = factory.CreateClient();

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task Ready_SqliteDefault_CreatesTheSchemaAndAnswers200()
    {
        using var folder = FactFolder.Minimal();
        using var factory = new BotWebApplicationFactory(new Dictionary<string, string?> { ["Facts:Path"] = folder.Path });
        using var client = factory.CreateClient();

        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(File.Exists(Path.Combine(factory.StatePath, "bot.db")));
    }

    [Fact]
    public async Task Start_PostgresWithoutConnectionString_StopsWithTheSettingNamed()
    {
        using var folder = FactFolder.Minimal();

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => CoreHost.StartAsync(folder.Path, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgres",
            ["Storage:ConnectionString"] = "",
        }));

        Assert.Contains("Storage__ConnectionString is required when Storage__Provider is postgres", ex.ToString(), StringComparison.Ordinal);
    }
}
