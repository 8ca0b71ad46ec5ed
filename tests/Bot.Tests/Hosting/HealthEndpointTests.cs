using System.Net;

namespace Bot.Tests.Hosting;

public sealed class HealthEndpointTests
{
    [Fact]
    public async Task Live_And_Ready_Answer200_WhenFactBaseLoaded()
    {
        using var folder = FactFolder.Minimal();
        using var factory = new BotWebApplicationFactory(new Dictionary<string, string?> { ["Facts:Path"] = folder.Path });
        using var client = factory.CreateClient();

        var live = await client.GetAsync(new Uri("/health/live", UriKind.Relative));
        var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Start_BrokenFactBase_StopsWithFileAndLine()
    {
        using var folder = FactFolder.Minimal().Write("people.yaml", FactFolder.MinimalPeople.Replace("    side: japan", "    side: japan\n    typo: 1", StringComparison.Ordinal));
        using var factory = new BotWebApplicationFactory(new Dictionary<string, string?> { ["Facts:Path"] = folder.Path });

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains($"{folder.Display("people.yaml")}:5: unknown key 'typo'", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_InvalidOption_StopsWithTheOptionNamed()
    {
        using var folder = FactFolder.Minimal();
        using var factory = new BotWebApplicationFactory(new Dictionary<string, string?>
        {
            ["Facts:Path"] = folder.Path,
            ["Facts:ReloadDelayMilliseconds"] = "-5",
        });

        var ex = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("ReloadDelayMilliseconds", ex.ToString(), StringComparison.Ordinal);
    }
}
