using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Bot.Answering;
using Microsoft.Extensions.Hosting;

namespace Bot.Commands;

/// <summary>
/// Where each asker's last question is kept for <see cref="ConversationMemory"/>: the database the subscriptions use, so
/// that every replica behind one address reads a follow-up with the same last question.
/// </summary>
internal interface IConversationStore
{
    /// <summary>The question last remembered for <paramref name="asker"/>, if remembered after <paramref name="since"/>.</summary>
    Task<PreviousQuestion?> RecallTurnAsync(string asker, DateTimeOffset since, CancellationToken ct);

    /// <summary>Remembers <paramref name="question"/> as the asker's last, unless a later one is already kept.</summary>
    Task RememberTurnAsync(string asker, PreviousQuestion question, DateTimeOffset at, CancellationToken ct);

    /// <summary>Deletes every asker's question remembered before <paramref name="before"/>; returns how many.</summary>
    Task<int> ForgetTurnsAsync(DateTimeOffset before, CancellationToken ct);
}

/// <summary>
/// Each asker's last question in each channel, so that a follow-up ("and round 5?", "when did he take office") can be
/// read with it. Kept in the service's database (SQLite or PostgreSQL, shared by replicas) under a SHA-256 hash of
/// platform, workspace, channel and user: the ids are not in the table, but anyone who knows them can recompute the
/// hash. A question is never read back after <see cref="Lifetime"/>, and <see cref="ConversationSweeper"/> deletes it
/// within <see cref="ConversationSweeper.Every"/> after that. An answer never waits long for this: each read or write
/// gets <see cref="Budget"/>, and a database that is slow or down costs only the follow-up (the question is read
/// alone; one warning per outage). The console keeps none: its questions stand alone.
/// </summary>
internal sealed class ConversationMemory(IConversationStore store, TimeProvider time, CommandsLog log)
{
    /// <summary>How long a question is remembered for a follow-up.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>The longest an answer waits for one read or write of the memory.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(250);

    private int _failing;

    /// <summary>The asker's previous question in this channel, if asked within <see cref="Lifetime"/>.</summary>
    public Task<PreviousQuestion?> RecallAsync(CommandContext context, CancellationToken ct) =>
        Key(context) is { } asker
            ? WithinBudgetAsync(budget => store.RecallTurnAsync(asker, time.GetUtcNow() - Lifetime, budget), ct)
            : Task.FromResult<PreviousQuestion?>(null);

    public async Task RememberAsync(CommandContext context, PreviousQuestion question, CancellationToken ct)
    {
        if (Key(context) is { } asker)
        {
            await WithinBudgetAsync<bool>(
                async budget =>
                {
                    await store.RememberTurnAsync(asker, question, time.GetUtcNow(), budget);
                    return true;
                },
                ct);
        }
    }

    /// <summary>Runs one read or write within <see cref="Budget"/>; a database error or the budget running out gives
    /// the default, and a cancelled request is cancelled.</summary>
    private async Task<T?> WithinBudgetAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken ct)
    {
        using var budget = new CancellationTokenSource(Budget, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, budget.Token);
        try
        {
            var result = await work(linked.Token);
            Interlocked.Exchange(ref _failing, 0);
            return result;
        }
        catch (Exception e) when (e is DbException or TimeoutException or InvalidOperationException or IOException
            || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            if (Interlocked.Exchange(ref _failing, 1) == 0)
            {
                log.ConversationUnavailable(e);
            }

            return default;
        }
    }

    /// <summary>Who asked where, as a SHA-256 hash; null on the console or without a user.</summary>
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

/// <summary>Deletes the follow-up memory's expired questions every <see cref="Every"/>, whether or not anyone asks.
/// Runs in the service only (console commands do not open the database).</summary>
internal sealed class ConversationSweeper(IConversationStore store, TimeProvider time, CommandsLog log) : BackgroundService
{
    /// <summary>How often expired questions are deleted.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await store.ForgetTurnsAsync(time.GetUtcNow() - ConversationMemory.Lifetime, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.ConversationSweepFailed(e);
                }

                await Task.Delay(Every, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
