using System.Collections.Concurrent;
using Bot.Commands;
using Bot.Storage;
using Bot.Subscriptions;

namespace Bot.Outbox;

/// <summary>How many delivery workers are alive (from their heartbeats): platform-wide rate limits are split among them.</summary>
internal sealed class DeliveryShare
{
    private int _workers = 1;

    public int Workers
    {
        get => Volatile.Read(ref _workers);
        set => Volatile.Write(ref _workers, Math.Max(1, value));
    }

    /// <summary>This worker's share of a platform-wide limit (at least 1).</summary>
    public int Of(int limit) => Math.Max(1, limit / Workers);
}

/// <summary>
/// Platforms and workspaces this process must not send to: no token configured, or the platform rejected the token
/// (Discord 401, Slack <c>invalid_auth</c> / <c>token_revoked</c>). Their updates stay pending, nothing is lost; the
/// halt lasts until the process restarts with a working token.
/// </summary>
internal sealed class DeliveryHalts : IDeliveryStatus
{
    private readonly ConcurrentDictionary<(Platform Platform, string Workspace), string> _halts = new();

    /// <summary>Halts a workspace, or the whole platform when <paramref name="workspaceId"/> is null. True if it was not halted yet.</summary>
    public bool Halt(Platform platform, string? workspaceId, string reason) => _halts.TryAdd((platform, workspaceId ?? ""), reason);

    public IReadOnlyCollection<ExcludedTarget> Excluded =>
        [.. _halts.Keys.Select(k => new ExcludedTarget(k.Platform, k.Workspace.Length == 0 ? null : k.Workspace))];

    public string? HaltReason(ChannelKey channel) =>
        _halts.TryGetValue((channel.Platform, ""), out var platformWide) ? platformWide
        : _halts.TryGetValue((channel.Platform, channel.WorkspaceId), out var workspace) ? workspace
        : null;
}

/// <summary>Wakes the delivery worker when this process enqueued updates (other replicas find them by polling).</summary>
internal sealed class OutboxSignal
{
    private TaskCompletionSource _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Notify() => Volatile.Read(ref _signal).TrySetResult();

    /// <summary>A task that completes at the next <see cref="Notify"/> after this call (or at once if one is pending).</summary>
    public Task Next()
    {
        var current = Volatile.Read(ref _signal);
        if (current.Task.IsCompleted)
        {
            Interlocked.CompareExchange(ref _signal, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously), current);
        }

        return Volatile.Read(ref _signal).Task;
    }
}
