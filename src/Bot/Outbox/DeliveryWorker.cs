using System.Collections.Concurrent;
using Bot.Commands;
using Bot.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Outbox;

/// <summary>
/// Delivers the outbox (DESIGN §8). Claims due rows under a lease (PostgreSQL: <c>FOR UPDATE SKIP LOCKED</c>, so
/// replicas share the work; SQLite: one claimer), and for each: waits for its rate-limit turn, durably notes the attempt,
/// sends, and marks the row sent. Rows are durable before the HTTP call and marked after it, so a crash loses nothing;
/// a row whose attempt's outcome is unknown is re-sent idempotently (Discord nonce, Slack metadata check).
/// </summary>
internal sealed class DeliveryWorker(
    ISubscriptionStore store,
    IEnumerable<IPlatformSender> senders,
    UpdateMessages messages,
    DeliveryHalts halts,
    DeliveryShare share,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    OutboxLog log) : BackgroundService
{
    private static readonly Platform[] s_platforms = [Platform.Discord, Platform.Slack];
    private readonly string _workerId = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";
    private readonly Dictionary<Platform, IPlatformSender> _senders = senders.ToDictionary(s => s.Platform);
    private readonly ConcurrentDictionary<Platform, int> _inflight = new();

    public string WorkerId => _workerId;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        foreach (var platform in s_platforms)
        {
            var reason = _senders.TryGetValue(platform, out var sender) ? sender.DisabledReason : "no sender is registered";
            if (reason is not null && halts.Halt(platform, null, $"{platform} delivery is not configured ({reason})."))
            {
                log.PlatformDisabled(platform, reason);
            }
        }

        log.WorkerStarted(_workerId, o.Concurrency);
        var inflight = new List<Task>();
        var nextHeartbeat = DateTimeOffset.MinValue;
        var errorDelay = TimeSpan.FromSeconds(o.RetryBaseSeconds);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    var now = time.GetUtcNow();
                    if (now >= nextHeartbeat)
                    {
                        var heartbeat = TimeSpan.FromSeconds(o.HeartbeatSeconds);
                        share.Workers = await store.HeartbeatAsync(_workerId, now, heartbeat * 3, stoppingToken);
                        nextHeartbeat = now + heartbeat;
                    }

                    inflight.RemoveAll(t => t.IsCompleted);
                    var wake = signal.Next();
                    var free = o.Concurrency - inflight.Count;
                    var claimed = 0;
                    if (free > 0)
                    {
                        var deliveries = await store.ClaimDueAsync(Guid.NewGuid().ToString("N"), now, o.Lease, free, Excluded(o), stoppingToken);
                        claimed = deliveries.Count;
                        foreach (var delivery in deliveries)
                        {
                            _inflight.AddOrUpdate(delivery.Subscription.Channel.Platform, 1, (_, n) => n + 1);
                            inflight.Add(DeliverAsync(delivery, stoppingToken));
                        }
                    }

                    if (free <= 0 || claimed == free)
                    {
                        // Full: more may be due; go on as soon as a delivery finishes.
                        await Task.WhenAny(inflight).WaitAsync(stoppingToken);
                    }
                    else
                    {
                        await IdleAsync(wake, inflight, now, stoppingToken);
                    }

                    errorDelay = TimeSpan.FromSeconds(o.RetryBaseSeconds);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    log.WorkerError(ex, errorDelay.TotalMilliseconds);
                    await Task.Delay(errorDelay, time, stoppingToken);
                    errorDelay = TimeSpan.FromSeconds(Math.Min(60, errorDelay.TotalSeconds * 2));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            await Task.WhenAll(inflight);
            try
            {
                await store.RemoveWorkerAsync(_workerId, CancellationToken.None);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.WorkerError(ex, 0);
            }
        }
    }

    /// <summary>
    /// Halted platforms and workspaces, and platforms that already fill three quarters of the slots: a platform that
    /// is waiting out a long rate-limit pause must not hold back the other one.
    /// </summary>
    private List<ExcludedTarget> Excluded(OutboxOptions o)
    {
        var excluded = halts.Excluded.ToList();
        var cap = Math.Max(1, o.Concurrency * 3 / 4);
        excluded.AddRange(_inflight.Where(p => p.Value >= cap).Select(p => new ExcludedTarget(p.Key, null)));
        return excluded;
    }

    /// <summary>Nothing more is due now: sleep until the next row is due, this process publishes, a delivery finishes, or the poll interval passes.</summary>
    private async Task IdleAsync(Task wake, List<Task> inflight, DateTimeOffset now, CancellationToken ct)
    {
        var poll = TimeSpan.FromSeconds(options.Value.PollSeconds);
        var next = await store.NextDueAsync(ct);
        var delay = next is { } due && due > now ? Min(due - now, poll) : poll;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var waits = new List<Task>(inflight) { wake, Task.Delay(delay, time, cts.Token) };
        await Task.WhenAny(waits).WaitAsync(ct);
        await cts.CancelAsync();
    }

    private async Task DeliverAsync(Delivery delivery, CancellationToken ct)
    {
        await Task.Yield();
        var o = options.Value;
        var channel = delivery.Subscription.Channel;
        var channelName = channel.ToString();
        try
        {
            var sender = _senders[channel.Platform];
            var message = await messages.BuildAsync(delivery, ct);
            if (message is null)
            {
                await store.CompleteAsync(delivery, time.GetUtcNow(), ct);
                return;
            }

            var posts = sender.Render(message);
            var target = new DeliveryTarget(channel, delivery.Subscription.LastPostAt, delivery.Items.Min(i => i.CreatedAt));
            var uncertain = delivery.Uncertain;
            for (var part = delivery.PartsSent; part < posts.Count; part++)
            {
                // Note the attempt first, then wait for the rate-limit turn and send at once: a database write between the
                // turn and the request would let requests bunch up and arrive faster than the limit allows.
                var attemptAt = time.GetUtcNow();
                if (!await store.BeginAttemptAsync(delivery, attemptAt, o.Lease, ct))
                {
                    log.ClaimLost(delivery.Key, channelName);
                    return;
                }

                // The POST must end (at most one HTTP timeout) before the claim runs out, or another replica could take
                // the row over and post it too: the sender does not start it later than this.
                target = target with { SendBy = attemptAt + o.Lease - o.HttpTimeout - o.Margin };

                bool turn;
                try
                {
                    turn = await WaitForTurnAsync(sender, target, ct);
                }
                catch (OperationCanceledException) when (ct.IsCancellationRequested)
                {
                    // Shutting down while waiting for the turn: nothing was sent, so the row goes back no more uncertain
                    // than before this attempt.
                    await ReleaseQuietlyAsync(delivery with { Uncertain = uncertain }, RetryReason.NotSent, null);
                    return;
                }

                if (!turn || halts.HaltReason(channel) is not null)
                {
                    // The wait outgrew half the lease, or the token failed meanwhile: hand the row back unsent, no more uncertain
                    // than before this attempt (the next one need not look for a copy this one never posted).
                    await store.RetryLaterAsync(delivery with { Uncertain = uncertain }, time.GetUtcNow(), RetryReason.NotSent, null, ct);
                    return;
                }

                var key = $"{delivery.Key}:{part}";
                var result = await sender.SendAsync(target, posts[part], key, uncertain, ct);
                var now = time.GetUtcNow();
                switch (result.Status)
                {
                    case SendStatus.Sent or SendStatus.AlreadyPosted:
                        if (result.Status == SendStatus.AlreadyPosted)
                        {
                            log.AlreadyPosted(key, channelName);
                        }

                        if (part + 1 < posts.Count)
                        {
                            await store.MarkPartsSentAsync(delivery, part + 1, ct);
                        }

                        uncertain = false;
                        target = target with { LastPostAt = now };
                        continue;

                    case SendStatus.RateLimited:
                        var retry = result.RetryAfter + Backoff.Jitter(TimeSpan.FromMilliseconds(250));
                        log.RateLimited(channelName, retry.TotalMilliseconds, result.Detail ?? "429");
                        // A 429 on the check for an earlier copy posted nothing and checked nothing: the row stays uncertain.
                        await store.RetryLaterAsync(delivery, now + retry, result.NotChecked ? RetryReason.Released : RetryReason.RateLimited, null, ct);
                        return;

                    case SendStatus.Transient:
                        var failures = delivery.Failures + 1;
                        if (failures >= o.MaxFailures)
                        {
                            log.GaveUp(delivery.Key, channelName, failures, result.Detail ?? "");
                            await store.FailAsync(delivery, result.Detail ?? "failed", now, ct);
                        }
                        else
                        {
                            var delay = Backoff.After(failures, o);
                            log.TransientFailure(delivery.Key, channelName, failures, o.MaxFailures, result.Detail ?? "", delay.TotalMilliseconds);
                            await store.RetryLaterAsync(delivery, now + delay, RetryReason.Failure, result.Detail, ct);
                        }

                        return;

                    case SendStatus.ChannelGone:
                        log.Paused(channelName, result.Detail ?? "");
                        await store.PauseSubscriptionAsync(delivery.Subscription.Id, result.Detail ?? "The bot cannot post in this channel.", now, ct);
                        return;

                    case SendStatus.AuthFailed:
                        var reason = result.Detail ?? "the platform rejected the token.";
                        if (halts.Halt(channel.Platform, result.WholePlatform ? null : channel.WorkspaceId, reason))
                        {
                            log.Halted(channel.Platform, result.WholePlatform ? "(all workspaces)" : $"workspace {channel.WorkspaceId}", reason);
                        }

                        await store.RetryLaterAsync(delivery, now, RetryReason.Released, reason, ct);
                        return;

                    default:
                        log.Rejected(delivery.Key, channelName, result.Detail ?? "");
                        await store.FailAsync(delivery, result.Detail ?? "refused by the platform", now, ct);
                        return;
                }
            }

            await store.CompleteAsync(delivery, time.GetUtcNow(), ct);
            log.Delivered(delivery.Key, channelName, posts.Count);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: hand the row back at once instead of waiting for the lease to run out.
            await ReleaseQuietlyAsync(delivery, RetryReason.Released, null);
        }
        catch (Exception ex)
        {
            log.DeliveryError(ex, delivery.Key, channelName);
            await ReleaseQuietlyAsync(delivery, RetryReason.Failure, ex.Message);
        }
        finally
        {
            _inflight.AddOrUpdate(channel.Platform, 0, (_, n) => n - 1);
        }
    }

    /// <summary>Waits for the sender's turn, at most half the lease (so the claim cannot run out while waiting).</summary>
    private async Task<bool> WaitForTurnAsync(IPlatformSender sender, DeliveryTarget target, CancellationToken ct)
    {
        using var limit = new CancellationTokenSource(options.Value.Lease / 2, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, limit.Token);
        try
        {
            await sender.WaitForTurnAsync(target, linked.Token);
            return true;
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private async Task ReleaseQuietlyAsync(Delivery delivery, RetryReason reason, string? error)
    {
        try
        {
            var now = time.GetUtcNow();
            if (reason == RetryReason.Failure && delivery.Failures + 1 >= options.Value.MaxFailures)
            {
                await store.FailAsync(delivery, error ?? "failed", now, CancellationToken.None);
                return;
            }

            var due = now + (reason == RetryReason.Failure ? Backoff.After(delivery.Failures + 1, options.Value) : TimeSpan.Zero);
            await store.RetryLaterAsync(delivery, due, reason, error, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.DeliveryError(ex, delivery.Key, delivery.Subscription.Channel.ToString());
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
