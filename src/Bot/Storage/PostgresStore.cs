using System.Data.Common;
using Npgsql;

namespace Bot.Storage;

/// <summary>
/// The engine for several replicas. Claims use <c>FOR UPDATE SKIP LOCKED</c> so replicas never take the same row;
/// migrations and publishing take transaction-scoped advisory locks so replicas starting together do each once.
/// </summary>
internal sealed class PostgresStore : SqlSubscriptionStore
{
    private readonly NpgsqlDataSource _dataSource;

    public PostgresStore(string connectionString, StorageLog log)
        : base(log)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException("Storage__ConnectionString is required when Storage__Provider is postgres (e.g. Host=db;Username=bot;Password=...;Database=bot).");
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        _dataSource = NpgsqlDataSource.Create(builder);
        log.Using("postgres", $"{builder.Host}:{builder.Port}/{builder.Database}");
    }

    protected override string ClaimLockClause => " FOR UPDATE OF o SKIP LOCKED";

    protected override IReadOnlyList<string[]> Migrations { get; } =
    [
        [
            """
            CREATE TABLE subscriptions (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                platform TEXT NOT NULL,
                workspace_id TEXT NOT NULL,
                channel_id TEXT NOT NULL,
                topics INTEGER NOT NULL,
                digest BOOLEAN NOT NULL,
                created_by TEXT NOT NULL,
                created_at BIGINT NOT NULL,
                state TEXT NOT NULL,
                paused_reason TEXT,
                paused_at BIGINT,
                last_post_at BIGINT,
                UNIQUE (platform, workspace_id, channel_id))
            """,
            """
            CREATE TABLE fact_versions (
                seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                version TEXT NOT NULL UNIQUE,
                previous_version TEXT,
                published_at BIGINT NOT NULL,
                fact_count INTEGER NOT NULL,
                change_count INTEGER NOT NULL,
                diff TEXT NOT NULL,
                snapshot TEXT NOT NULL)
            """,
            """
            CREATE TABLE outbox (
                id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                subscription_id BIGINT NOT NULL REFERENCES subscriptions (id),
                version TEXT NOT NULL REFERENCES fact_versions (version),
                digest_slot BIGINT,
                due_at BIGINT NOT NULL,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                failures INTEGER NOT NULL DEFAULT 0,
                parts_sent INTEGER NOT NULL DEFAULT 0,
                uncertain BOOLEAN NOT NULL DEFAULT FALSE,
                claimed_by TEXT,
                lease_until BIGINT,
                last_error TEXT,
                created_at BIGINT NOT NULL,
                sent_at BIGINT,
                UNIQUE (subscription_id, version))
            """,
            "CREATE INDEX outbox_due ON outbox (state, due_at)",
            "CREATE INDEX outbox_subscription ON outbox (subscription_id, state, id)",
            "CREATE INDEX outbox_claim ON outbox (claimed_by)",
            "CREATE TABLE delivery_workers (worker_id TEXT PRIMARY KEY, seen_at BIGINT NOT NULL)",
        ],
        [
            """
            CREATE TABLE unanswered_questions (
                question_key TEXT PRIMARY KEY,
                question TEXT NOT NULL,
                asked INTEGER NOT NULL,
                first_asked_at BIGINT NOT NULL,
                last_asked_at BIGINT NOT NULL,
                platform TEXT NOT NULL,
                confidence DOUBLE PRECISION NOT NULL,
                suggestions TEXT NOT NULL,
                fact_version TEXT NOT NULL)
            """,
            "CREATE INDEX unanswered_last_asked ON unanswered_questions (last_asked_at)",
        ],
        [
            """
            CREATE TABLE unanswered_choices (
                question_tag TEXT NOT NULL,
                fact_id TEXT NOT NULL,
                chosen INTEGER NOT NULL,
                last_chosen_at BIGINT NOT NULL,
                PRIMARY KEY (question_tag, fact_id))
            """,
            "CREATE INDEX unanswered_choices_last_chosen ON unanswered_choices (last_chosen_at)",
        ],
        [
            """
            CREATE TABLE conversation_turns (
                asker_key TEXT PRIMARY KEY,
                question TEXT NOT NULL,
                fact_id TEXT,
                asked_at BIGINT NOT NULL)
            """,
            "CREATE INDEX conversation_turns_asked ON conversation_turns (asked_at)",
        ],
    ];

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken ct) => await _dataSource.OpenConnectionAsync(ct);

    protected override async ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        await ((NpgsqlConnection)connection).BeginTransactionAsync(ct);

    protected override async Task LockAsync(DbConnection connection, DbTransaction tx, long key, CancellationToken ct)
    {
        await using var cmd = Command(connection, tx, "SELECT pg_advisory_xact_lock(@key)", ("@key", key));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dataSource.Dispose();
        }

        base.Dispose(disposing);
    }
}
