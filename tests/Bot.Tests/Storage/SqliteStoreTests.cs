using Bot.Storage;
using Bot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Storage;

/// <summary>The storage contract on a real SQLite file (WAL), plus what is particular to SQLite.</summary>
public sealed class SqliteStoreTests : SubscriptionStoreContract
{
    private readonly string _folder = TestFactBase.CreateTempFolder("sqlite-store");

    private string DatabasePath => Path.Combine(_folder, "nested", "bot.db");

    private protected override Task<ISubscriptionStore> CreateStoreAsync() =>
        Task.FromResult<ISubscriptionStore>(new SqliteStore($"Data Source={DatabasePath}", new StorageLog(NullLogger<StorageLog>.Instance)));

    protected override Task CleanupAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task MigrateAsync_MissingFolder_CreatesTheFileInWalMode()
    {
        var store = await OpenAsync();

        await store.MigrateAsync(default);

        Assert.True(File.Exists(DatabasePath));
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={DatabasePath}");
        await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", (string?)await cmd.ExecuteScalarAsync());
    }

    [Fact]
    public void Constructor_InMemoryDatabase_IsRefusedWithAClearMessage()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new SqliteStore("Data Source=:memory:", new StorageLog(NullLogger<StorageLog>.Instance)));

        Assert.Contains("Storage__ConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PingAsync_UnwritableLocation_ReportsUnreachableInsteadOfThrowing()
    {
        var blocker = Path.Combine(_folder, "file-not-folder");
        await File.WriteAllTextAsync(blocker, "x");
        using var store = new SqliteStore($"Data Source={Path.Combine(blocker, "bot.db")}", new StorageLog(NullLogger<StorageLog>.Instance));

        Assert.False(await store.PingAsync(default));
    }
}
