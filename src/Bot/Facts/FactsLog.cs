using Microsoft.Extensions.Logging;

namespace Bot.Facts;

/// <summary>Log messages of the fact base (event ids 1000-1099).</summary>
internal sealed partial class FactsLog(ILogger<FactsLog> logger)
{
    [LoggerMessage(1000, LogLevel.Information, "Fact base {Version} loaded from {Path}: {FactCount} facts, {SourceCount} sources")]
    public partial void Loaded(string version, string path, int factCount, int sourceCount);

    [LoggerMessage(1001, LogLevel.Error, "Fact base reload failed with {ErrorCount} errors; still serving {Version}. First: {FirstError}")]
    public partial void ReloadFailed(int errorCount, string version, string firstError);

    [LoggerMessage(1002, LogLevel.Error, "Fact base error: {Error}")]
    public partial void LoadError(string error);

    [LoggerMessage(1003, LogLevel.Information, "Fact base reload requested by {Trigger}")]
    public partial void ReloadRequested(string trigger);

    [LoggerMessage(1004, LogLevel.Debug, "Fact base reload found the same version {Version}")]
    public partial void Unchanged(string version);

    [LoggerMessage(1005, LogLevel.Error, "Fact base reload failed unexpectedly; still serving the last good snapshot")]
    public partial void ReloadCrashed(Exception exception);

    [LoggerMessage(1006, LogLevel.Error, "{Subscriber} failed to handle a new fact-base snapshot")]
    public partial void SubscriberFailed(string subscriber, Exception exception);
}
