using Bot.Facts;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Hosting;

/// <summary>Ready when a fact-base snapshot is loaded; reports its version.</summary>
internal sealed class FactBaseHealthCheck(FactBaseProvider provider) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(provider.IsLoaded
            ? HealthCheckResult.Healthy($"fact base {provider.Current.ShortVersion}")
            : HealthCheckResult.Unhealthy("fact base not loaded"));
}
