using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Bot.Storage;

/// <summary>
/// The embedded default: one SQLite file in WAL mode (readers never block the writer). Writers are serialised inside
/// the process, and each write is an IMMEDIATE transaction, so the claim is a single-claimer operation even if a second
/// process opens the same file. <c>synchronous=NORMAL</c>: a killed process loses nothing committed.
/// </summary>
internal sealed class SqliteStore : SqlSubscriptionStore
{
    private readonly string _connectionString;
    private readonly SemaphoreSlim _writer = new(1, 1);
    private volatile bool _walSet;

    public SqliteStore(string connectionString, StorageLog log)
        : base(log)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrWhiteSpace(builder.DataSource) || builder.DataSource == ":memory:")
        {
            throw new InvalidOperationException("Storage__ConnectionString for SQLite needs a file: Data Source=PATH (an in-memory database would lose every subscription).");
        }

        builder.DataSource = Path.GetFullPath(builder.DataSource);
        builder.Mode = SqliteOpenMode.ReadWriteCreate;
        builder.Pooling = true;
        builder.DefaultTimeout = 30;
        FilePath = builder.DataSource;
        _connectionString = builder.ToString();
        log.Using("sqlite", FilePath);
    }

    public string FilePath { get; }

    protected override IReadOnlyList<string[]> Migrations { get; } =
    [
        [
            """
            CREATE TABLE subscriptions (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                platform TEXT NOT NULL,
                workspace_id TEXT NOT NULL,
                channel_id TEXT NOT NULL,
                topics INTEGER NOT NULL,
                digest INTEGER NOT NULL,
                created_by TEXT NOT NULL,
                created_at INTEGER NOT NULL,
                state TEXT NOT NULL,
                paused_reason TEXT,
                paused_at INTEGER,
                last_post_at INTEGER,
                UNIQUE (platform, workspace_id, channel_id))
            """,
            """
            CREATE TABLE fact_versions (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                version TEXT NOT NULL UNIQUE,
                previous_version TEXT,
                published_at INTEGER NOT NULL,
                fact_count INTEGER NOT NULL,
                change_count INTEGER NOT NULL,
                diff TEXT NOT NULL,
                snapshot TEXT NOT NULL)
            """,
            """
            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                subscription_id INTEGER NOT NULL REFERENCES subscriptions (id),
                version TEXT NOT NULL REFERENCES fact_versions (version),
                digest_slot INTEGER,
                due_at INTEGER NOT NULL,
                state TEXT NOT NULL,
                attempts INTEGER NOT NULL DEFAULT 0,
                failures INTEGER NOT NULL DEFAULT 0,
                parts_sent INTEGER NOT NULL DEFAULT 0,
                uncertain INTEGER NOT NULL DEFAULT 0,
                claimed_by TEXT,
                lease_until INTEGER,
                last_error TEXT,
                created_at INTEGER NOT NULL,
                sent_at INTEGER,
                UNIQUE (subscription_id, version))
            """,
            "CREATE INDEX outbox_due ON outbox (state, due_at)",
            "CREATE INDEX outbox_subscription ON outbox (subscription_id, state, id)",
            "CREATE INDEX outbox_claim ON outbox (claimed_by)",
            "CREATE TABLE delivery_workers (worker_id TEXT PRIMARY KEY, seen_at INTEGER NOT NULL)",
        ],
        [
            """
            CREATE TABLE unanswered_questions (
                question_key TEXT PRIMARY KEY,
                question TEXT NOT NULL,
                asked INTEGER NOT NULL,
                first_asked_at INTEGER NOT NULL,
                last_asked_at INTEGER NOT NULL,
                platform TEXT NOT NULL,
                confidence REAL NOT NULL,
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
                last_chosen_at INTEGER NOT NULL,
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
                asked_at INTEGER NOT NULL)
            """,
            "CREATE INDEX conversation_turns_asked ON conversation_turns (asked_at)",
        ],
    ];

    protected override async ValueTask<DbConnection> OpenAsync(CancellationToken ct)
    {
        if (!_walSet)
        {
            var directory = Path.GetDirectoryName(FilePath);
            if (!string.IsNullOrEmpty(directory))
            {
                Directory.CreateDirectory(directory);
            }
        }

        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = _walSet
                ? "PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;"
                : "PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 30000; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA secure_delete = ON;";
            await cmd.ExecuteNonQueryAsync(ct);
        }

        _walSet = true;
        return connection;
    }

    protected override ValueTask<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct) =>
        ValueTask.FromResult<DbTransaction>(((SqliteConnection)connection).BeginTransaction(deferred: false));

    protected override async ValueTask<IDisposable?> EnterWriteGateAsync(CancellationToken ct)
    {
        await _writer.WaitAsync(ct);
        return new Releaser(_writer);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _writer.Dispose();
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }

        base.Dispose(disposing);
    }

    private sealed class Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore.Release();
    }
}
