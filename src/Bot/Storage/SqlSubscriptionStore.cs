using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Bot.Commands;
using Bot.Subscriptions;

namespace Bot.Storage;

/// <summary>
/// The SQL both engines share. Times are stored as Unix milliseconds (<c>bigint</c>), platforms and states as
/// lowercase text, topics as a bit mask. Engines differ in connections, transactions, locking and schema types.
/// </summary>
internal abstract class SqlSubscriptionStore : ISubscriptionStore, Answering.IUnansweredStore, Commands.IConversationStore, IDisposable
{
    private const string SubscriptionColumns =
        "s.id, s.platform, s.workspace_id, s.channel_id, s.topics, s.digest, s.created_by, s.created_at, s.state, s.paused_reason, s.paused_at, s.last_post_at";

    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private volatile bool _migrated;

    protected SqlSubscriptionStore(StorageLog log) => Log = log;

    protected StorageLog Log { get; }

    /// <summary>The migrations in order; migration N (1-based) brings the schema to version N.</summary>
    protected abstract IReadOnlyList<string[]> Migrations { get; }

    /// <summary>Appended to the claim's inner select (PostgreSQL: <c>FOR UPDATE OF o SKIP LOCKED</c>).</summary>
    protected virtual string ClaimLockClause => "";

    protected abstract ValueTask<DbConnection> OpenAsync(CancellationToken ct);

    protected abstract ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct);

    /// <summary>Serialises writers inside the process where the engine needs it; null otherwise.</summary>
    protected virtual ValueTask<IDisposable?> EnterWriteGateAsync(CancellationToken ct) => ValueTask.FromResult<IDisposable?>(null);

    /// <summary>Takes a transaction-scoped lock named by <paramref name="key"/> (PostgreSQL advisory lock).</summary>
    protected virtual Task LockAsync(DbConnection connection, DbTransaction tx, long key, CancellationToken ct) => Task.CompletedTask;

    // ------------------------------------------------------------------ schema

    public async Task MigrateAsync(CancellationToken ct)
    {
        if (_migrated)
        {
            return;
        }

        await _migrationGate.WaitAsync(ct);
        try
        {
            if (_migrated)
            {
                return;
            }

            using var gate = await EnterWriteGateAsync(ct);
            await using var c = await OpenAsync(ct);
            await using var tx = await BeginWriteAsync(c, ct);
            await LockAsync(c, tx, LockKeys.Migration, ct);
            await ExecAsync(c, tx, "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)", ct);
            var current = Convert.ToInt32(await ScalarAsync(c, tx, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations", ct) ?? 0, CultureInfo.InvariantCulture);
            for (var i = current; i < Migrations.Count; i++)
            {
                foreach (var statement in Migrations[i])
                {
                    await ExecAsync(c, tx, statement, ct);
                }

                await ExecAsync(c, tx, "INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @at)", ct,
                    ("@v", i + 1), ("@at", DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
            }

            await tx.CommitAsync(ct);
            if (current < Migrations.Count)
            {
                Log.Migrated(current, Migrations.Count);
            }

            _migrated = true;
        }
        finally
        {
            _migrationGate.Release();
        }
    }

    public async Task<bool> PingAsync(CancellationToken ct)
    {
        try
        {
            await MigrateAsync(ct);
            return await ReadAsync(async c => await ScalarAsync(c, null, "SELECT COUNT(*) FROM schema_migrations", ct) is not null, ct);
        }
        catch (Exception ex) when (ex is DbException or TimeoutException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            Log.Unreachable(ex.Message);
            return false;
        }
    }

    // ------------------------------------------------------------------ subscriptions

    public Task<SubscribeResult> SubscribeAsync(SubscriptionRequest request, DateTimeOffset now, CancellationToken ct) =>
        WriteAsync(async (c, tx) =>
        {
            var previous = await FindAsync(c, tx, request.Channel, ct);
            if (previous is null)
            {
                await ExecAsync(c, tx,
                    """
                    INSERT INTO subscriptions (platform, workspace_id, channel_id, topics, digest, created_by, created_at, state)
                    VALUES (@p, @w, @c, @t, @d, @by, @at, 'active')
                    """, ct,
                    ("@p", PlatformText(request.Channel.Platform)), ("@w", request.Channel.WorkspaceId), ("@c", request.Channel.ChannelId),
                    ("@t", (int)request.Topics), ("@d", request.Digest), ("@by", request.CreatedBy), ("@at", Ms(now)));
            }
            else
            {
                await ExecAsync(c, tx,
                    "UPDATE subscriptions SET topics = @t, digest = @d, state = 'active', paused_reason = NULL, paused_at = NULL WHERE id = @id", ct,
                    ("@t", (int)request.Topics), ("@d", request.Digest), ("@id", previous.Id));
                if (previous.Digest && !request.Digest)
                {
                    // Switching to immediate posts: what waits for the digest goes out now, as one message.
                    await ExecAsync(c, tx, "UPDATE outbox SET due_at = @now WHERE subscription_id = @id AND state = 'pending' AND digest_slot IS NOT NULL", ct,
                        ("@now", Ms(now)), ("@id", previous.Id));
                }
            }

            var current = await FindAsync(c, tx, request.Channel, ct)
                ?? throw new InvalidOperationException($"subscription {request.Channel} vanished inside its transaction");
            return new SubscribeResult(current, previous);
        }, ct);

    public Task<UnsubscribeResult?> UnsubscribeAsync(ChannelKey channel, CancellationToken ct) =>
        WriteAsync(async (c, tx) =>
        {
            if (await FindAsync(c, tx, channel, ct) is not { } subscription)
            {
                return null;
            }

            var pending = await CountAsync(c, tx, "SELECT COUNT(*) FROM outbox WHERE subscription_id = @id AND state = 'pending'", ct, ("@id", subscription.Id));
            await ExecAsync(c, tx, "DELETE FROM outbox WHERE subscription_id = @id", ct, ("@id", subscription.Id));
            await ExecAsync(c, tx, "DELETE FROM subscriptions WHERE id = @id", ct, ("@id", subscription.Id));
            return new UnsubscribeResult(subscription, pending);
        }, ct);

    public Task<Subscription?> FindSubscriptionAsync(ChannelKey channel, CancellationToken ct) =>
        ReadAsync(c => FindAsync(c, null, channel, ct), ct);

    public Task<IReadOnlyList<Subscription>> ListSubscriptionsAsync(CancellationToken ct) =>
        ReadAsync<IReadOnlyList<Subscription>>(async c =>
        {
            await using var cmd = Command(c, null, $"SELECT {SubscriptionColumns} FROM subscriptions s ORDER BY s.platform, s.workspace_id, s.channel_id");
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            var list = new List<Subscription>();
            while (await reader.ReadAsync(ct))
            {
                list.Add(ReadSubscription(reader, 0));
            }

            return list;
        }, ct);

    public Task<bool> PauseSubscriptionAsync(long subscriptionId, string reason, DateTimeOffset now, CancellationToken ct) =>
        WriteAsync(async (c, tx) =>
        {
            var paused = await ExecAsync(c, tx,
                "UPDATE subscriptions SET state = 'paused', paused_reason = @r, paused_at = @now WHERE id = @id AND state = 'active'", ct,
                ("@r", reason), ("@now", Ms(now)), ("@id", subscriptionId));
            await ExecAsync(c, tx,
                "UPDATE outbox SET state = 'cancelled', claimed_by = NULL, lease_until = NULL, last_error = @r WHERE subscription_id = @id AND state = 'pending'", ct,
                ("@r", reason), ("@id", subscriptionId));
            return paused > 0;
        }, ct);

    public Task<DeliveryStats> GetDeliveryStatsAsync(long subscriptionId, CancellationToken ct) =>
        ReadAsync(async c =>
        {
            int pending = 0, sent = 0, failed = 0, cancelled = 0;
            await using (var cmd = Command(c, null, "SELECT state, COUNT(*) FROM outbox WHERE subscription_id = @id GROUP BY state", ("@id", subscriptionId)))
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var count = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
                    switch (reader.GetString(0))
                    {
                        case "pending": pending = count; break;
                        case "sent": sent = count; break;
                        case "failed": failed = count; break;
                        case "cancelled": cancelled = count; break;
                    }
                }
            }

            var lastError = await ScalarAsync(c, null,
                "SELECT last_error FROM outbox WHERE subscription_id = @id AND last_error IS NOT NULL AND state IN ('pending', 'failed') ORDER BY id DESC LIMIT 1", ct,
                ("@id", subscriptionId)) as string;
            var lastSent = await ScalarAsync(c, null, "SELECT MAX(sent_at) FROM outbox WHERE subscription_id = @id", ct, ("@id", subscriptionId));
            return new DeliveryStats(pending, sent, failed, cancelled, lastError, lastSent is null or DBNull ? null : FromMs(Convert.ToInt64(lastSent, CultureInfo.InvariantCulture)));
        }, ct);

    // ------------------------------------------------------------------ versions

    public Task<LatestVersion?> GetLatestVersionAsync(CancellationToken ct) =>
        ReadAsync(async c =>
        {
            await using var cmd = Command(c, null, "SELECT version, published_at, snapshot FROM fact_versions ORDER BY seq DESC LIMIT 1");
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct)
                ? new LatestVersion(reader.GetString(0), FromMs(reader.GetInt64(1)), reader.GetString(2))
                : null;
        }, ct);

    public Task<PublishResult> PublishAsync(VersionRecord version, Topics topics, DateTimeOffset now, DateTimeOffset digestSlot, CancellationToken ct) =>
        WriteAsync(async (c, tx) =>
        {
            await LockAsync(c, tx, LockKeys.Publish, ct);
            if (await ScalarAsync(c, tx, "SELECT 1 FROM fact_versions WHERE version = @v", ct, ("@v", version.Version)) is not null)
            {
                return new PublishResult(PublishOutcome.AlreadyRecorded, 0);
            }

            var latest = await ScalarAsync(c, tx, "SELECT version FROM fact_versions ORDER BY seq DESC LIMIT 1", ct) as string;
            if (latest != version.PreviousVersion)
            {
                return new PublishResult(PublishOutcome.StalePrevious, 0);
            }

            var inserted = await ExecAsync(c, tx,
                """
                INSERT INTO fact_versions (version, previous_version, published_at, fact_count, change_count, diff, snapshot)
                VALUES (@v, @prev, @at, @facts, @changes, @diff, @snapshot)
                ON CONFLICT (version) DO NOTHING
                """, ct,
                ("@v", version.Version), ("@prev", version.PreviousVersion), ("@at", Ms(version.PublishedAt)), ("@facts", version.FactCount),
                ("@changes", version.ChangeCount), ("@diff", version.DiffJson), ("@snapshot", version.SnapshotJson));
            if (inserted == 0)
            {
                return new PublishResult(PublishOutcome.AlreadyRecorded, 0);
            }

            var enqueued = topics == Topics.None ? 0 : await ExecAsync(c, tx,
                """
                INSERT INTO outbox (subscription_id, version, digest_slot, due_at, state, created_at)
                SELECT s.id, @v, CASE WHEN s.digest THEN @slot ELSE NULL END, CASE WHEN s.digest THEN @slot ELSE @now END, 'pending', @now
                FROM subscriptions s
                WHERE s.state = 'active' AND (s.topics & @topics) <> 0
                ON CONFLICT (subscription_id, version) DO NOTHING
                """, ct,
                ("@v", version.Version), ("@slot", Ms(digestSlot)), ("@now", Ms(now)), ("@topics", (int)topics));
            return new PublishResult(PublishOutcome.Published, enqueued);
        }, ct);

    public Task<IReadOnlyList<RecordedVersion>> ListVersionsAsync(DateTimeOffset? since, int max, CancellationToken ct) =>
        ReadAsync(c => QueryVersionsAsync(c,
            "SELECT version, previous_version, published_at, fact_count, change_count, diff FROM fact_versions WHERE published_at >= @since ORDER BY seq DESC LIMIT @max",
            ct, ("@since", since is { } s ? Ms(s) : 0L), ("@max", max)), ct);

    public Task<IReadOnlyList<RecordedVersion>> GetVersionsAsync(IReadOnlyCollection<string> versions, CancellationToken ct)
    {
        if (versions.Count == 0)
        {
            return Task.FromResult<IReadOnlyList<RecordedVersion>>([]);
        }

        var names = versions.Select((_, i) => $"@v{i}").ToArray();
        var parameters = versions.Select((v, i) => ($"@v{i}", (object?)v)).ToArray();
        return ReadAsync(c => QueryVersionsAsync(c,
            $"SELECT version, previous_version, published_at, fact_count, change_count, diff FROM fact_versions WHERE version IN ({string.Join(", ", names)}) ORDER BY seq",
            ct, parameters), ct);
    }

    // ------------------------------------------------------------------ outbox

    public Task<IReadOnlyList<Delivery>> ClaimDueAsync(string claimToken, DateTimeOffset now, TimeSpan lease, int max, IReadOnlyCollection<ExcludedTarget> excluded, CancellationToken ct) =>
        WriteAsync<IReadOnlyList<Delivery>>(async (c, tx) =>
        {
            var parameters = new List<(string, object?)> { ("@token", claimToken), ("@now", Ms(now)), ("@lease", Ms(now + lease)), ("@max", max) };
            var exclusions = new StringBuilder();
            var i = 0;
            foreach (var target in excluded)
            {
                parameters.Add(($"@xp{i}", PlatformText(target.Platform)));
                if (target.WorkspaceId is null)
                {
                    exclusions.Append(CultureInfo.InvariantCulture, $" AND s.platform <> @xp{i}");
                }
                else
                {
                    exclusions.Append(CultureInfo.InvariantCulture, $" AND NOT (s.platform = @xp{i} AND s.workspace_id = @xw{i})");
                    parameters.Add(($"@xw{i}", target.WorkspaceId));
                }

                i++;
            }

            var claimed = await ExecAsync(c, tx,
                $"""
                UPDATE outbox SET claimed_by = @token, lease_until = @lease
                WHERE id IN (
                    SELECT o.id FROM outbox o JOIN subscriptions s ON s.id = o.subscription_id
                    WHERE o.state = 'pending' AND o.due_at <= @now AND (o.lease_until IS NULL OR o.lease_until <= @now)
                      AND s.state = 'active'{exclusions}
                      AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.subscription_id = o.subscription_id AND p.state = 'pending' AND p.id < o.id)
                    ORDER BY o.due_at, o.id
                    LIMIT @max{ClaimLockClause})
                """, ct, [.. parameters]);
            if (claimed == 0)
            {
                return [];
            }

            // A digest goes out as one message: claim the rest of its slot with the head.
            await ExecAsync(c, tx,
                """
                UPDATE outbox SET claimed_by = @token, lease_until = @lease
                WHERE state = 'pending' AND digest_slot IS NOT NULL AND (claimed_by IS NULL OR claimed_by <> @token)
                  AND EXISTS (SELECT 1 FROM outbox h WHERE h.claimed_by = @token AND h.state = 'pending'
                              AND h.subscription_id = outbox.subscription_id AND h.digest_slot = outbox.digest_slot)
                """, ct, ("@token", claimToken), ("@lease", Ms(now + lease)));

            await using var cmd = Command(c, tx,
                $"""
                SELECT o.id, o.version, o.created_at, o.digest_slot, o.attempts, o.failures, o.parts_sent, o.uncertain, {SubscriptionColumns}
                FROM outbox o JOIN subscriptions s ON s.id = o.subscription_id
                WHERE o.claimed_by = @token AND o.state = 'pending'
                ORDER BY o.subscription_id, o.id
                """, ("@token", claimToken));
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            var deliveries = new List<Delivery>();
            Delivery? current = null;
            List<OutboxItem>? items = null;
            while (await reader.ReadAsync(ct))
            {
                var item = new OutboxItem(reader.GetInt64(0), reader.GetString(1), FromMs(reader.GetInt64(2)));
                var subscription = ReadSubscription(reader, 8);
                if (current is null || current.Subscription.Id != subscription.Id)
                {
                    items = [item];
                    current = new Delivery(
                        subscription,
                        items,
                        reader.IsDBNull(3) ? null : FromMs(reader.GetInt64(3)),
                        reader.GetInt32(4),
                        reader.GetInt32(5),
                        reader.GetInt32(6),
                        reader.GetBoolean(7),
                        claimToken);
                    deliveries.Add(current);
                }
                else
                {
                    items!.Add(item);
                }
            }

            return deliveries;
        }, ct);

    public Task<DateTimeOffset?> NextDueAsync(CancellationToken ct) =>
        ReadAsync(async c =>
        {
            var next = await ScalarAsync(c, null,
                """
                SELECT MIN(CASE WHEN o.lease_until IS NOT NULL AND o.lease_until > o.due_at THEN o.lease_until ELSE o.due_at END)
                FROM outbox o JOIN subscriptions s ON s.id = o.subscription_id
                WHERE o.state = 'pending' AND s.state = 'active'
                """, ct);
            return next is null or DBNull ? (DateTimeOffset?)null : FromMs(Convert.ToInt64(next, CultureInfo.InvariantCulture));
        }, ct);

    public Task<bool> BeginAttemptAsync(Delivery delivery, DateTimeOffset now, TimeSpan lease, CancellationToken ct) =>
        WriteAsync(async (c, tx) => await ExecAsync(c, tx,
            "UPDATE outbox SET attempts = attempts + 1, uncertain = TRUE, lease_until = @lease WHERE id = @id AND claimed_by = @token AND state = 'pending'", ct,
            ("@lease", Ms(now + lease)), ("@id", delivery.HeadId), ("@token", delivery.ClaimToken)) > 0, ct);

    public Task<bool> MarkPartsSentAsync(Delivery delivery, int partsSent, CancellationToken ct) =>
        WriteAsync(async (c, tx) => await ExecAsync(c, tx,
            "UPDATE outbox SET parts_sent = @n, uncertain = FALSE WHERE id = @id AND claimed_by = @token AND state = 'pending'", ct,
            ("@n", partsSent), ("@id", delivery.HeadId), ("@token", delivery.ClaimToken)) > 0, ct);

    public Task<bool> CompleteAsync(Delivery delivery, DateTimeOffset now, CancellationToken ct) =>
        WriteAsync(async (c, tx) =>
        {
            var done = await ExecAsync(c, tx,
                """
                UPDATE outbox SET state = 'sent', sent_at = @now, uncertain = FALSE, claimed_by = NULL, lease_until = NULL
                WHERE claimed_by = @token AND subscription_id = @sub AND state = 'pending'
                """, ct, ("@now", Ms(now)), ("@token", delivery.ClaimToken), ("@sub", delivery.Subscription.Id));
            await ExecAsync(c, tx, "UPDATE subscriptions SET last_post_at = @now WHERE id = @sub", ct, ("@now", Ms(now)), ("@sub", delivery.Subscription.Id));
            return done > 0;
        }, ct);

    public Task<bool> RetryLaterAsync(Delivery delivery, DateTimeOffset dueAt, RetryReason reason, string? error, CancellationToken ct) =>
        WriteAsync(async (c, tx) => await ExecAsync(c, tx,
            """
            UPDATE outbox SET due_at = @due, claimed_by = NULL, lease_until = NULL, last_error = COALESCE(@error, last_error),
                failures = failures + @inc, uncertain = CASE WHEN @clear THEN FALSE WHEN @restore THEN @was ELSE uncertain END
            WHERE claimed_by = @token AND subscription_id = @sub AND state = 'pending'
            """, ct,
            ("@due", Ms(dueAt)), ("@error", error), ("@inc", reason == RetryReason.Failure ? 1 : 0), ("@clear", reason == RetryReason.RateLimited),
            ("@restore", reason == RetryReason.NotSent), ("@was", delivery.Uncertain),
            ("@token", delivery.ClaimToken), ("@sub", delivery.Subscription.Id)) > 0, ct);

    public Task<bool> FailAsync(Delivery delivery, string error, DateTimeOffset now, CancellationToken ct) =>
        WriteAsync(async (c, tx) => await ExecAsync(c, tx,
            """
            UPDATE outbox SET state = 'failed', last_error = @error, claimed_by = NULL, lease_until = NULL, due_at = @now
            WHERE claimed_by = @token AND subscription_id = @sub AND state = 'pending'
            """, ct, ("@error", error), ("@now", Ms(now)), ("@token", delivery.ClaimToken), ("@sub", delivery.Subscription.Id)) > 0, ct);

    public Task<OutboxCounts> CountOutboxAsync(CancellationToken ct) =>
        ReadAsync(async c =>
        {
            int pending = 0, sent = 0, failed = 0, cancelled = 0;
            await using var cmd = Command(c, null, "SELECT state, COUNT(*) FROM outbox GROUP BY state");
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var count = Convert.ToInt32(reader.GetValue(1), CultureInfo.InvariantCulture);
                switch (reader.GetString(0))
                {
                    case "pending": pending = count; break;
                    case "sent": sent = count; break;
                    case "failed": failed = count; break;
                    case "cancelled": cancelled = count; break;
                }
            }

            return new OutboxCounts(pending, sent, failed, cancelled);
        }, ct);

    public Task<int> HeartbeatAsync(string workerId, DateTimeOffset now, TimeSpan liveness, CancellationToken ct) =>
        WriteAsync(async (c, tx) =>
        {
            await ExecAsync(c, tx,
                "INSERT INTO delivery_workers (worker_id, seen_at) VALUES (@id, @now) ON CONFLICT (worker_id) DO UPDATE SET seen_at = excluded.seen_at", ct,
                ("@id", workerId), ("@now", Ms(now)));
            await ExecAsync(c, tx, "DELETE FROM delivery_workers WHERE seen_at < @stale", ct, ("@stale", Ms(now - liveness)));
            return Math.Max(1, await CountAsync(c, tx, "SELECT COUNT(*) FROM delivery_workers", ct));
        }, ct);

    public Task RemoveWorkerAsync(string workerId, CancellationToken ct) =>
        WriteAsync(async (c, tx) => await ExecAsync(c, tx, "DELETE FROM delivery_workers WHERE worker_id = @id", ct, ("@id", workerId)), ct);

    // ------------------------------------------------------------------ conversation turns (follow-ups)

    public Task<Answering.PreviousQuestion?> RecallTurnAsync(string asker, DateTimeOffset since, CancellationToken ct) =>
        ReadAsync(async c =>
        {
            await using var cmd = Command(c, null, "SELECT question, fact_id FROM conversation_turns WHERE asker_key = @k AND asked_at > @since",
                ("@k", asker), ("@since", Ms(since)));
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            return await reader.ReadAsync(ct)
                ? new Answering.PreviousQuestion(reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1))
                : null;
        }, ct);

    public Task RememberTurnAsync(string asker, Answering.PreviousQuestion question, DateTimeOffset at, CancellationToken ct) =>
        WriteAsync(async (c, tx) =>
        {
            // Replicas may write out of order: a question never replaces a later one.
            await ExecAsync(c, tx,
                """
                INSERT INTO conversation_turns AS t (asker_key, question, fact_id, asked_at) VALUES (@k, @q, @f, @at)
                ON CONFLICT (asker_key) DO UPDATE SET question = excluded.question, fact_id = excluded.fact_id, asked_at = excluded.asked_at
                WHERE excluded.asked_at >= t.asked_at
                """, ct,
                ("@k", asker), ("@q", question.Question), ("@f", question.FactId), ("@at", Ms(at)));
            return true;
        }, ct);

    public Task<int> ForgetTurnsAsync(DateTimeOffset before, CancellationToken ct) =>
        WriteAsync(async (c, tx) => await ExecAsync(c, tx, "DELETE FROM conversation_turns WHERE asked_at < @before", ct, ("@before", Ms(before))), ct);

    // ------------------------------------------------------------------ unanswered questions

    /// <summary>The columns a later asking replaces, only when it is later than the one recorded (replicas may write out
    /// of order).</summary>
    private static readonly string[] s_latestColumns = ["question", "platform", "confidence", "suggestions", "fact_version"];

    /// <summary>One asking: a new row, or one more on the row of the same question.</summary>
    private static readonly string s_recordUnanswered = $"""
        INSERT INTO unanswered_questions AS u
            (question_key, question, asked, first_asked_at, last_asked_at, platform, confidence, suggestions, fact_version)
        VALUES (@k, @q, 1, @at, @at, @p, @conf, @s, @v)
        ON CONFLICT (question_key) DO UPDATE SET
            asked = u.asked + 1,
            first_asked_at = CASE WHEN excluded.first_asked_at < u.first_asked_at THEN excluded.first_asked_at ELSE u.first_asked_at END,
            {string.Join(", ", s_latestColumns.Select(column => $"{column} = CASE WHEN excluded.last_asked_at >= u.last_asked_at THEN excluded.{column} ELSE u.{column} END"))},
            last_asked_at = CASE WHEN excluded.last_asked_at > u.last_asked_at THEN excluded.last_asked_at ELSE u.last_asked_at END
        """;

    /// <summary>One choice: a new row, or one more on the row of the same question and fact.</summary>
    private const string RecordChoice = """
        INSERT INTO unanswered_choices AS c (question_tag, fact_id, chosen, last_chosen_at)
        VALUES (@t, @f, 1, @at)
        ON CONFLICT (question_tag, fact_id) DO UPDATE SET
            chosen = c.chosen + 1,
            last_chosen_at = CASE WHEN excluded.last_chosen_at > c.last_chosen_at THEN excluded.last_chosen_at ELSE c.last_chosen_at END
        """;

    private const string ForgetUnansweredBefore = "DELETE FROM unanswered_questions WHERE last_asked_at < @before";
    private const string ForgetChoicesBefore = "DELETE FROM unanswered_choices WHERE last_chosen_at < @before";

    public Task RecordUnansweredAsync(IReadOnlyList<Answering.UnansweredRecord> records, DateTimeOffset forgetBefore, CancellationToken ct) =>
        WriteAsync(async (c, tx) =>
        {
            foreach (var record in records)
            {
                switch (record)
                {
                    case Answering.UnansweredQuestion q:
                        await ExecAsync(c, tx, s_recordUnanswered, ct,
                            ("@k", Answering.UnansweredQuestion.Key(q.Question)), ("@q", q.Question), ("@at", Ms(q.AskedAt)), ("@p", PlatformText(q.Platform)),
                            ("@conf", q.Confidence), ("@s", string.Join(' ', q.Suggestions)), ("@v", q.FactVersion));
                        break;
                    case Answering.UnansweredChoice choice:
                        await ExecAsync(c, tx, RecordChoice, ct, ("@t", choice.QuestionTag), ("@f", choice.FactId), ("@at", Ms(choice.ChosenAt)));
                        break;
                    default:
                        throw new ArgumentException($"Unknown unanswered record {record.GetType().Name}.", nameof(records));
                }
            }

            await ForgetUnansweredBeforeAsync(c, tx, forgetBefore, ct);
            return true;
        }, ct);

    /// <summary>Deletes the questions last asked and the choices last made before the cutoff; returns how many questions.</summary>
    private static async Task<int> ForgetUnansweredBeforeAsync(DbConnection c, DbTransaction tx, DateTimeOffset cutoff, CancellationToken ct)
    {
        await ExecAsync(c, tx, ForgetChoicesBefore, ct, ("@before", Ms(cutoff)));
        return await ExecAsync(c, tx, ForgetUnansweredBefore, ct, ("@before", Ms(cutoff)));
    }

    public Task<IReadOnlyList<Answering.UnansweredEntry>> ListUnansweredAsync(DateTimeOffset? since, int max, CancellationToken ct) =>
        ReadAsync<IReadOnlyList<Answering.UnansweredEntry>>(async c =>
        {
            var where = since is null ? "" : "WHERE last_asked_at >= @since";
            await using var cmd = Command(c, null,
                $"""
                SELECT question, asked, first_asked_at, last_asked_at, platform, confidence, suggestions, fact_version, question_key
                FROM unanswered_questions {where}
                ORDER BY asked DESC, last_asked_at DESC, question_key
                LIMIT @max
                """,
                [.. since is { } from ? [("@since", (object?)Ms(from))] : Array.Empty<(string, object?)>(), ("@max", max)]);
            var list = new List<(Answering.UnansweredEntry Entry, string Key)>();
            await using (var reader = await cmd.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    list.Add((new Answering.UnansweredEntry(
                        reader.GetString(0),
                        reader.GetInt32(1),
                        FromMs(reader.GetInt64(2)),
                        FromMs(reader.GetInt64(3)),
                        ParsePlatform(reader.GetString(4)),
                        reader.GetDouble(5),
                        reader.GetString(6).Split(' ', StringSplitOptions.RemoveEmptyEntries),
                        reader.GetString(7)), reader.GetString(8)));
                }
            }

            // Choices name their question by tag, a hash the database cannot compute, so they are joined here; there are
            // at most as many rows as distinct clicks within the retention.
            var chosen = new Dictionary<string, List<Answering.UnansweredChosen>>(StringComparer.Ordinal);
            await using (var choices = Command(c, null, "SELECT question_tag, fact_id, chosen FROM unanswered_choices ORDER BY chosen DESC, fact_id"))
            await using (var reader = await choices.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    var tag = reader.GetString(0);
                    if (!chosen.TryGetValue(tag, out var facts))
                    {
                        chosen[tag] = facts = [];
                    }

                    facts.Add(new Answering.UnansweredChosen(reader.GetString(1), reader.GetInt32(2)));
                }
            }

            return [.. list.Select(e => chosen.TryGetValue(Answering.UnansweredQuestion.TagOfKey(e.Key), out var facts) ? e.Entry with { Chosen = facts } : e.Entry)];
        }, ct);

    public Task<int> ForgetUnansweredAsync(DateTimeOffset? before, CancellationToken ct) =>
        WriteAsync(async (c, tx) =>
        {
            if (before is not { } cutoff)
            {
                await ExecAsync(c, tx, "DELETE FROM unanswered_choices", ct);
                return await ExecAsync(c, tx, "DELETE FROM unanswered_questions", ct);
            }

            return await ForgetUnansweredBeforeAsync(c, tx, cutoff, ct);
        }, ct);

    public Task<bool> ForgetUnansweredQuestionAsync(string question, CancellationToken ct) =>
        WriteAsync(async (c, tx) =>
        {
            var key = Answering.UnansweredQuestion.Key(question);
            await ExecAsync(c, tx, "DELETE FROM unanswered_choices WHERE question_tag = @t", ct, ("@t", Answering.UnansweredQuestion.TagOfKey(key)));
            return await ExecAsync(c, tx, "DELETE FROM unanswered_questions WHERE question_key = @k", ct, ("@k", key)) > 0;
        }, ct);

    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _migrationGate.Dispose();
        }
    }

    // ------------------------------------------------------------------ helpers

    protected async Task<T> WriteAsync<T>(Func<DbConnection, DbTransaction, Task<T>> work, CancellationToken ct)
    {
        await MigrateAsync(ct);
        using var gate = await EnterWriteGateAsync(ct);
        await using var c = await OpenAsync(ct);
        await using var tx = await BeginWriteAsync(c, ct);
        var result = await work(c, tx);
        await tx.CommitAsync(ct);
        return result;
    }

    protected async Task<T> ReadAsync<T>(Func<DbConnection, Task<T>> work, CancellationToken ct)
    {
        await MigrateAsync(ct);
        await using var c = await OpenAsync(ct);
        return await work(c);
    }

    protected static DbCommand Command(DbConnection c, DbTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.Transaction = tx;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            if (value is null)
            {
                p.DbType = DbType.String;
                p.Value = DBNull.Value;
            }
            else
            {
                p.Value = value;
            }

            cmd.Parameters.Add(p);
        }

        return cmd;
    }

    protected static async Task<int> ExecAsync(DbConnection c, DbTransaction? tx, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(c, tx, sql, parameters);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    protected static async Task<object?> ScalarAsync(DbConnection c, DbTransaction? tx, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(c, tx, sql, parameters);
        var value = await cmd.ExecuteScalarAsync(ct);
        return value is DBNull ? null : value;
    }

    private static async Task<int> CountAsync(DbConnection c, DbTransaction? tx, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        Convert.ToInt32(await ScalarAsync(c, tx, sql, ct, parameters) ?? 0, CultureInfo.InvariantCulture);

    private static async Task<Subscription?> FindAsync(DbConnection c, DbTransaction? tx, ChannelKey channel, CancellationToken ct)
    {
        await using var cmd = Command(c, tx,
            $"SELECT {SubscriptionColumns} FROM subscriptions s WHERE s.platform = @p AND s.workspace_id = @w AND s.channel_id = @c",
            ("@p", PlatformText(channel.Platform)), ("@w", channel.WorkspaceId), ("@c", channel.ChannelId));
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? ReadSubscription(reader, 0) : null;
    }

    private static async Task<IReadOnlyList<RecordedVersion>> QueryVersionsAsync(DbConnection c, string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var cmd = Command(c, null, sql, parameters);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var list = new List<RecordedVersion>();
        while (await reader.ReadAsync(ct))
        {
            list.Add(new RecordedVersion(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                FromMs(reader.GetInt64(2)),
                reader.GetInt32(3),
                reader.GetInt32(4),
                reader.GetString(5)));
        }

        return list;
    }

    private static Subscription ReadSubscription(DbDataReader r, int o) => new(
        r.GetInt64(o),
        new ChannelKey(ParsePlatform(r.GetString(o + 1)), r.GetString(o + 2), r.GetString(o + 3)),
        (Topics)r.GetInt32(o + 4),
        r.GetBoolean(o + 5),
        r.GetString(o + 6),
        FromMs(r.GetInt64(o + 7)),
        r.GetString(o + 8) == "paused" ? SubscriptionState.Paused : SubscriptionState.Active,
        r.IsDBNull(o + 9) ? null : r.GetString(o + 9),
        r.IsDBNull(o + 10) ? null : FromMs(r.GetInt64(o + 10)),
        r.IsDBNull(o + 11) ? null : FromMs(r.GetInt64(o + 11)));

    private static string PlatformText(Platform platform) => platform.ToString().ToLowerInvariant();

    private static Platform ParsePlatform(string text) => Enum.Parse<Platform>(text, ignoreCase: true);

    protected static long Ms(DateTimeOffset time) => time.ToUnixTimeMilliseconds();

    protected static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);

    /// <summary>Keys of the transaction-scoped locks (PostgreSQL advisory locks).</summary>
    protected static class LockKeys
    {
        public const long Migration = 7_250_601;
        public const long Publish = 7_250_602;
    }
}
