using System.ComponentModel.DataAnnotations;

namespace Bot.Storage;

/// <summary>The <c>Storage</c> configuration section (DESIGN §7, §9).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    /// <summary>The default database: <c>state/bot.db</c> under the working directory (folder created when missing).</summary>
    public const string DefaultSqliteConnectionString = "Data Source=state/bot.db";

    /// <summary><c>sqlite</c> (the default: one instance, no setup) or <c>postgres</c> (several replicas).</summary>
    [Required]
    [RegularExpression("^(sqlite|postgres)$", ErrorMessage = "Storage__Provider must be 'sqlite' or 'postgres'.")]
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// SQLite: <c>Data Source=PATH</c> (default <see cref="DefaultSqliteConnectionString"/>; relative paths are taken from the
    /// working directory). PostgreSQL: an Npgsql connection string, required.
    /// </summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => Provider == Postgres;

    public string EffectiveConnectionString => string.IsNullOrWhiteSpace(ConnectionString)
        ? IsPostgres ? "" : DefaultSqliteConnectionString
        : ConnectionString;
}
