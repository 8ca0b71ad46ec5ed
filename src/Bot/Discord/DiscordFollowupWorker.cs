using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Discord;

/// <summary>
/// Delivers deferred answers: waits for each answer, then <c>PATCH /webhooks/{app}/{token}/messages/@original</c>.
/// A few deliveries run in parallel. A 429 is retried after Discord's <c>retry_after</c>, a 5xx or a network error
/// after a short back-off (PATCH is idempotent); other 4xx (unknown or expired interaction) are not retried.
/// On shutdown the queue stops accepting and what is queued is still delivered within the host's shutdown timeout.
/// On a crash the queued answers are lost: their users see Discord's "thinking…" state until the interaction
/// expires and can run the command again (the queue lives in memory by design: an interaction token is only
/// valid for 15 minutes and only on Discord's side, so there is nothing durable to resume).
/// </summary>
internal sealed class DiscordFollowupWorker(
    DiscordFollowupQueue queue,
    IServiceScopeFactory scopes,
    IOptions<DiscordOptions> options,
    DiscordLog log,
    TimeProvider time) : BackgroundService
{
    private const int MaxAttempts = 4;
    private static readonly TimeSpan s_maxRetryAfter = TimeSpan.FromSeconds(60);

    private readonly CancellationTokenSource _abort = new();

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // Reads until the queue is completed and empty (not until stoppingToken): stopping drains the queue.
        Parallel.ForEachAsync(
            queue.Reader.ReadAllAsync(CancellationToken.None),
            new ParallelOptions { MaxDegreeOfParallelism = options.Value.FollowupConcurrency },
            async (followup, _) => await DeliverAsync(followup, _abort.Token));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (queue.Count > 0)
        {
            log.Draining(queue.Count);
        }

        queue.Complete();
        await using var registration = cancellationToken.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken);

        // When the host stops right after starting, ExecuteAsync may never have run: deliver what it left.
        while (!_abort.IsCancellationRequested && queue.Reader.TryRead(out var followup))
        {
            await DeliverAsync(followup, _abort.Token);
        }
    }

    internal async Task DeliverAsync(DiscordFollowup followup, CancellationToken ct)
    {
        var message = await followup.Answer;

        // The ephemeral flag was fixed by the defer; an edit cannot change it.
        message = message with { Flags = null };
        DiscordApiResult? result = null;
        for (var attempt = 1; attempt <= MaxAttempts && !ct.IsCancellationRequested; attempt++)
        {
            using (var scope = scopes.CreateScope())
            {
                var client = scope.ServiceProvider.GetRequiredService<DiscordClient>();
                result = await client.EditOriginalResponseAsync(followup.ApplicationId, followup.InteractionToken, message, ct);
            }

            if (result.IsSuccess)
            {
                log.FollowupDelivered(followup.InteractionId);
                return;
            }

            TimeSpan wait;
            if (result.IsRateLimited && result.RetryAfter is { } retryAfter && retryAfter <= s_maxRetryAfter)
            {
                wait = retryAfter;
                log.RateLimited("PATCH /webhooks/{application}/{token}/messages/@original", (long)wait.TotalMilliseconds);
            }
            else if (result.Status is 0 or >= 500)
            {
                wait = TimeSpan.FromSeconds(attempt);
            }
            else
            {
                break;
            }

            try
            {
                await Task.Delay(wait, time, ct);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        log.FollowupFailed(followup.InteractionId, result?.Status ?? 0, result?.Error?.Code, result?.Error?.Message);
    }

    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }
}
