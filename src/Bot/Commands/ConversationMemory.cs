using System.Security.Cryptography;
using System.Text;
using Bot.Answering;

namespace Bot.Commands;

/// <summary>
/// Where each asker's last question is kept for <see cref="ConversationMemory"/>: the database the subscriptions use, so
/// that every replica behind one address reads a follow-up with the same last question.
/// </summary>
internal interface IConversationStore
{
    /// <summary>The question last remembered for <paramref name="asker"/>, if remembered after <paramref name="since"/>.</summary>
    Task<PreviousQuestion?> RecallTurnAsync(string asker, DateTimeOffset since, CancellationToken ct);

    /// <summary>Remembers <paramref name="question"/> as the asker's last (unless a later one is already kept), and
    /// forgets every asker's question remembered before <paramref name="forgetBefore"/>.</summary>
    Task RememberTurnAsync(string asker, PreviousQuestion question, DateTimeOffset at, DateTimeOffset forgetBefore, CancellationToken ct);
}

/// <summary>
/// Each asker's last question in each channel, so that a follow-up ("and round 5?", "when did he take office") can be
/// read with it. Kept in the service's database (SQLite or PostgreSQL, shared by replicas) under a hash of platform,
/// workspace, channel and user, never the ids themselves, and deleted <see cref="Lifetime"/> after it was asked (with
/// the next question any user asks). A database that fails costs only the follow-up: the question is then read alone,
/// and the failure logged. The console keeps none: its questions stand alone.
/// </summary>
internal sealed class ConversationMemory(IConversationStore store, TimeProvider time, CommandsLog log)
{
    /// <summary>How long a question is remembered for a follow-up.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>The asker's previous question in this channel, if asked within <see cref="Lifetime"/>.</summary>
    public async Task<PreviousQuestion?> RecallAsync(CommandContext context, CancellationToken ct)
    {
        if (Key(context) is not { } asker)
        {
            return null;
        }

        try
        {
            return await store.RecallTurnAsync(asker, time.GetUtcNow() - Lifetime, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.ConversationUnavailable(e);
            return null;
        }
    }

    public async Task RememberAsync(CommandContext context, PreviousQuestion question, CancellationToken ct)
    {
        if (Key(context) is not { } asker)
        {
            return;
        }

        var now = time.GetUtcNow();
        try
        {
            await store.RememberTurnAsync(asker, question, now, now - Lifetime, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            log.ConversationUnavailable(e);
        }
    }

    /// <summary>Who asked where, as a SHA-256 hash: the database holds no platform id; null on the console or without a user.</summary>
    internal static string? Key(CommandContext context)
    {
        if (context.Platform == Platform.Console || string.IsNullOrEmpty(context.UserId))
        {
            return null;
        }

        var who = $"{context.Platform}\n{context.WorkspaceId}\n{context.ChannelId}\n{context.UserId}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(who)));
    }
}
