using System.Collections.Concurrent;
using Bot.Answering;

namespace Bot.Commands;

/// <summary>
/// Each asker's last question in each channel, so that a follow-up ("and round 5?", "when did he take office") can be
/// read with it. Kept in this process's memory only, for <see cref="Lifetime"/>: never written to storage, forgotten on
/// restart, and not shared between instances. The console keeps none: its questions stand alone.
/// </summary>
internal sealed class ConversationMemory(TimeProvider time)
{
    /// <summary>How long a question is remembered for a follow-up.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>The most askers remembered at once; past it, the expired and then the oldest are forgotten first.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<Asker, (PreviousQuestion Turn, DateTimeOffset At)> _turns = new();

    private readonly record struct Asker(Platform Platform, string? Workspace, string? Channel, string User);

    /// <summary>The asker's previous question in this channel, if asked within <see cref="Lifetime"/>.</summary>
    public PreviousQuestion? Recall(CommandContext context) =>
        Key(context) is { } key && _turns.TryGetValue(key, out var turn) && time.GetUtcNow() - turn.At < Lifetime ? turn.Turn : null;

    public void Remember(CommandContext context, PreviousQuestion turn)
    {
        if (Key(context) is not { } key)
        {
            return;
        }

        var now = time.GetUtcNow();
        _turns[key] = (turn, now);
        if (_turns.Count > Capacity)
        {
            Forget(now);
        }
    }

    /// <summary>How many askers are remembered (expired ones until the next sweep included).</summary>
    public int Count => _turns.Count;

    private void Forget(DateTimeOffset now)
    {
        foreach (var (key, turn) in _turns)
        {
            if (now - turn.At >= Lifetime)
            {
                _turns.TryRemove(key, out _);
            }
        }

        var excess = _turns.Count - (Capacity * 9 / 10);
        if (excess > 0)
        {
            foreach (var (key, _) in _turns.OrderBy(t => t.Value.At).Take(excess).ToList())
            {
                _turns.TryRemove(key, out _);
            }
        }
    }

    private static Asker? Key(CommandContext context) =>
        context.Platform == Platform.Console || string.IsNullOrEmpty(context.UserId) ? null : new Asker(context.Platform, context.WorkspaceId, context.ChannelId, context.UserId);
}
