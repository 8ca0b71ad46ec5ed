using Bot.Storage;
using Bot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Storage;

/// <summary>
/// The storage contract on a real PostgreSQL (each test in its own schema). Skipped, with the reason, when
/// TEST_POSTGRES_CONNECTION is not set; .ci/run starts PostgreSQL and sets it.
/// </summary>
public sealed class PostgresStoreTests : SubscriptionStoreContract
{
    private PostgresTestDatabase? _database;

    private protected override async Task<ISubscriptionStore> CreateStoreAsync()
    {
        _database ??= await PostgresTestDatabase.CreateAsync();
        return new PostgresStore(_database.ConnectionString, new StorageLog(NullLogger<StorageLog>.Instance));
    }

    protected override async Task CleanupAsync()
    {
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task PingAsync_NoServerListening_ReportsUnreachable()
    {
        using var store = new PostgresStore("Host=127.0.0.1;Port=1;Username=bot;Password=bot;Database=bot;Timeout=2", new StorageLog(NullLogger<StorageLog>.Instance));

        Assert.False(await store.PingAsync(default));
    }
}
