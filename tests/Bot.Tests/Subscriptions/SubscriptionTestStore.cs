using Bot.Storage;
using Bot.Subscriptions;
using Bot.Tests.TestSupport;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Subscriptions;

/// <summary>A real SQLite store in a temp folder, a fake clock, and the pieces the subscription commands need.</summary>
internal sealed class SubscriptionTestStore : IDisposable
{
    private readonly string _folder = TestFactBase.CreateTempFolder("subscription-commands");

    public SubscriptionTestStore()
    {
        Store = new SqliteStore($"Data Source={Path.Combine(_folder, "bot.db")}", new StorageLog(NullLogger<StorageLog>.Instance));
    }

    public SqliteStore Store { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 7, 23, 9, 0, 0, TimeSpan.Zero));

    public IOptions<SubscriptionsOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new SubscriptionsOptions { DigestHourUtc = 8 });

    public SubscriptionsLog Log { get; } = new(NullLogger<SubscriptionsLog>.Instance);

    public string FactsFolder => Path.Combine(_folder, "facts");

    public void Dispose()
    {
        Store.Dispose();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
