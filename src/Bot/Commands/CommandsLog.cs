using Microsoft.Extensions.Logging;

namespace Bot.Commands;

/// <summary>Log messages of the command layer (event ids 2000-2099).</summary>
internal sealed partial class CommandsLog(ILogger<CommandsLog> logger)
{
    [LoggerMessage(2000, LogLevel.Information, "Unknown command {Name} from {Platform}")]
    public partial void UnknownCommand(string name, Platform platform);

    [LoggerMessage(2001, LogLevel.Debug, "Command {Name} from {Platform} answered with {Kind}")]
    public partial void Answered(string name, Platform platform, ReplyKind kind);

    [LoggerMessage(2002, LogLevel.Warning, "The last questions for follow-ups could not be read or kept in time; questions are read alone until they can")]
    public partial void ConversationUnavailable(Exception error);

    [LoggerMessage(2003, LogLevel.Warning, "Expired questions of the follow-up memory could not be deleted; trying again in a minute")]
    public partial void ConversationSweepFailed(Exception error);
}
