using Microsoft.Extensions.Options;
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
    public async Task Start_BrokenFactBase_StopsWithFileAndLine()
    {
        using var folder = FactFolder.Minimal().Write("people.yaml", FactFolder.MinimalPeople.Replace("    side: japan", "    side: japan\n    typo: 1", StringComparison.Ordinal));

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => CoreHost.StartAsync(folder.Path));

        Assert.Contains($"{folder.Display("people.yaml")}:5: unknown key 'typo'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvalidOption_StopsWithTheOptionNamed()
    {
        // The core host the web host and every console command build on (AddBotCore); options are validated at start.
        using var folder = FactFolder.Minimal();

        var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => CoreHost.StartAsync(folder.Path, new Dictionary<string, string?>
        {
            ["Facts:ReloadDelayMilliseconds"] = "-5",
        }));

        Assert.Contains("ReloadDelayMilliseconds", ex.Message, StringComparison.Ordinal);
    }
}
