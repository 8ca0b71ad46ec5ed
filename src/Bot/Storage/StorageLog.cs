using Microsoft.Extensions.Logging;

namespace Bot.Storage;

/// <summary>Log messages of the storage (event ids 6000-6099).</summary>
internal sealed partial class StorageLog(ILogger<StorageLog> logger)
{
    [LoggerMessage(6000, LogLevel.Information, "Storage: {Provider} at {Location}")]
    public partial void Using(string provider, string location);

    [LoggerMessage(6001, LogLevel.Information, "Storage schema migrated from version {From} to {To}")]
    public partial void Migrated(int from, int to);

    [LoggerMessage(6002, LogLevel.Warning, "Storage is not reachable: {Error}")]
    public partial void Unreachable(string error);
}
