using Microsoft.Extensions.Hosting;

namespace Bot.Facts;

/// <summary>Loads the fact base before the host starts serving; a fact base that fails to load stops the host.</summary>
internal sealed class FactBaseInitializer(FactBaseProvider provider) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!provider.IsLoaded)
        {
            var errors = provider.Reload();
            if (!provider.IsLoaded)
            {
                throw new InvalidOperationException(
                    $"The fact base at {provider.Path} did not load ({errors.Count} errors):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
            }
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
