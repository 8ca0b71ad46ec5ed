using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace Bot.Slack;

/// <summary>Log messages of the Slack adapter (event ids 5000-5099). Never logs the signing secret, tokens or response_urls.</summary>
internal sealed partial class SlackLog(ILogger<SlackLog> logger)
{
    [LoggerMessage(5000, LogLevel.Information, "Slack is disabled: Slack:SigningSecret (Slack__SigningSecret) is not set; /slack/* answers 404")]
    public partial void Disabled();

    [LoggerMessage(5001, LogLevel.Information, "Slack is enabled: app id {AppId}, {AdminCount} subscription admins (0 = any member), chat.postMessage {PostMessage}")]
    public partial void Enabled(string appId, int adminCount, string postMessage);

    [LoggerMessage(5002, LogLevel.Warning, "Slack response_urls on loopback are allowed (Slack:AllowLoopbackResponseUrls); this is for tests only")]
    public partial void LoopbackAllowed();

    [LoggerMessage(5010, LogLevel.Warning, "Slack request to {Path} refused with 401: {Reason}")]
    public partial void Unauthorized(string path, SlackVerification reason);

    [LoggerMessage(5011, LogLevel.Warning, "Slack request to {Path} refused with 413: body over {Limit} bytes")]
    public partial void TooLarge(string path, int limit);

    [LoggerMessage(5012, LogLevel.Warning, "Slack request to {Path} refused with 400: {Reason}")]
    public partial void BadRequest(string path, string reason);

    [LoggerMessage(5013, LogLevel.Warning, "Slack request to {Path} refused with 403: api_app_id {AppId} is not this app")]
    public partial void WrongApp(string path, string appId);

    [LoggerMessage(5014, LogLevel.Debug, "Slack ssl_check answered")]
    public partial void SslCheck();

    [LoggerMessage(5020, LogLevel.Debug, "Slack /{Command} → {Name} from team {TeamId} channel {ChannelId} user {UserId}")]
    public partial void Command(string command, string name, string teamId, string channelId, string userId);

    [LoggerMessage(5021, LogLevel.Debug, "Slack action {ActionId} → {Name} from team {TeamId} user {UserId}")]
    public partial void Action(string actionId, string name, string? teamId, string userId);

    [LoggerMessage(5022, LogLevel.Information, "Slack {Name} not ready within {Milliseconds} ms; acknowledged, the answer goes through response_url")]
    public partial void Deferred(string name, int milliseconds);

    [LoggerMessage(5023, LogLevel.Warning, "Slack reply queue is full ({Capacity}); {Name} answered with busy")]
    public partial void QueueFull(string name, int capacity);

    [LoggerMessage(5024, LogLevel.Information, "Slack interaction of type {Type} ignored")]
    public partial void IgnoredInteraction(string type);

    [LoggerMessage(5025, LogLevel.Information, "Slack action {ActionId} is not ours; ignored")]
    public partial void UnknownAction(string actionId);

    [LoggerMessage(5030, LogLevel.Error, "Slack command {Name} failed; the user got an apology")]
    public partial void CommandFailed(string name, Exception exception);

    [LoggerMessage(5031, LogLevel.Debug, "Slack {Name} delivered to the {Audience} response_url: {Delivered}")]
    public partial void Delivered(string name, SlackAudience audience, bool delivered);

    [LoggerMessage(5032, LogLevel.Warning, "Slack response_url on host {Host} refused: not a Slack host")]
    public partial void ResponseUrlRefused(string host);

    [LoggerMessage(5033, LogLevel.Warning, "Slack response_url on host {Host} is used up (5 uses in 30 minutes); message dropped")]
    public partial void ResponseUrlUsedUp(string host);

    [LoggerMessage(5034, LogLevel.Warning, "Slack response_url on host {Host} answered {Status}")]
    public partial void ResponseUrlFailed(string host, int status);

    [LoggerMessage(5035, LogLevel.Warning, "Slack response_url on host {Host} failed: {Error}")]
    public partial void ResponseUrlError(string host, HttpRequestError error);

    [LoggerMessage(5036, LogLevel.Warning, "Slack response_url on host {Host} timed out")]
    public partial void ResponseUrlTimedOut(string host);

    [LoggerMessage(5037, LogLevel.Error, "Slack reply for {Command} failed unexpectedly; the reply worker carries on")]
    public partial void ReplyJobFailed(string command, Exception exception);

    [LoggerMessage(5040, LogLevel.Warning, "Slack {Method} rate limited; retry after {Seconds} s")]
    public partial void RateLimited(string method, double seconds);
}
