using Npgsql;

namespace Bot.Tests.TestSupport;

/// <summary>
/// A private schema in the test PostgreSQL named by <see cref="EnvironmentVariable"/> (set by .ci/run). Tests that need
/// PostgreSQL call <see cref="CreateAsync"/>, which skips the test with a clear message when the variable is absent.
/// </summary>
internal sealed class PostgresTestDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "TEST_POSTGRES_CONNECTION";

    public const string SkipMessage =
        $"PostgreSQL tests need {EnvironmentVariable} (e.g. Host=127.0.0.1;Port=5432;Username=bot;Password=bot;Database=bot_test); .ci/run starts PostgreSQL and sets it.";

    private readonly string _adminConnectionString;

    private PostgresTestDatabase(string adminConnectionString, string schema)
    {
        _adminConnectionString = adminConnectionString;
        Schema = schema;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { SearchPath = schema, MaxPoolSize = 15 }.ToString();
    }

    public string Schema { get; }

    /// <summary>A connection string whose tables live in this test's own schema.</summary>
    public string ConnectionString { get; }

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? value : null;

    public static async Task<PostgresTestDatabase> CreateAsync()
    {
        Skip.If(AdminConnectionString is null, SkipMessage);
        var schema = $"t_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"CREATE SCHEMA {schema}", connection);
        await cmd.ExecuteNonQueryAsync();
        return new PostgresTestDatabase(AdminConnectionString!, schema);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var cmd = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Schema} CASCADE", connection);
        await cmd.ExecuteNonQueryAsync();
    }
}
