using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Bot.Storage;

/// <summary>Ready when the database answers and its schema is in place (part of <c>/health/ready</c>).</summary>
internal sealed class StorageHealthCheck(ISubscriptionStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            return await store.PingAsync(timeout.Token)
                ? HealthCheckResult.Healthy("storage reachable")
                : HealthCheckResult.Unhealthy("storage not reachable");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("storage did not answer within 5 s");
        }
    }
}
