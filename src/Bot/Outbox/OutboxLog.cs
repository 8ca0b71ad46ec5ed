using Bot.Commands;
using Microsoft.Extensions.Logging;

namespace Bot.Outbox;

/// <summary>Log messages of publishing and delivery, senders included (event ids 6200-6299). Never a token or a body.</summary>
internal sealed partial class OutboxLog(ILogger<OutboxLog> logger)
{
    [LoggerMessage(6200, LogLevel.Information, "Delivery worker {WorkerId} started (concurrency {Concurrency})")]
    public partial void WorkerStarted(string workerId, int concurrency);

    [LoggerMessage(6201, LogLevel.Warning, "{Platform} delivery is off: {Reason}. Its subscriptions keep their updates until it is configured")]
    public partial void PlatformDisabled(Platform platform, string reason);

    [LoggerMessage(6202, LogLevel.Debug, "Delivered update {Key} to {Channel} in {Parts} post(s)")]
    public partial void Delivered(string key, string channel, int parts);

    [LoggerMessage(6203, LogLevel.Information, "Rate limited on {Channel}; retrying in {RetryAfterMs} ms ({Detail})")]
    public partial void RateLimited(string channel, double retryAfterMs, string detail);

    [LoggerMessage(6204, LogLevel.Warning, "Update {Key} to {Channel} failed ({Failures}/{MaxFailures}): {Detail}; retrying in {DelayMs} ms")]
    public partial void TransientFailure(string key, string channel, int failures, int maxFailures, string detail, double delayMs);

    [LoggerMessage(6205, LogLevel.Error, "Gave up on update {Key} to {Channel} after {Failures} failures: {Detail}")]
    public partial void GaveUp(string key, string channel, int failures, string detail);

    [LoggerMessage(6206, LogLevel.Warning, "Paused the subscription of {Channel}: {Reason}")]
    public partial void Paused(string channel, string reason);

    [LoggerMessage(6207, LogLevel.Critical, "STOPPED sending to {Platform} {Scope}: {Reason}. Updates wait in the outbox; fix the token and restart")]
    public partial void Halted(Platform platform, string scope, string reason);

    [LoggerMessage(6208, LogLevel.Error, "The platform refused update {Key} for {Channel}: {Detail}")]
    public partial void Rejected(string key, string channel, string detail);

    [LoggerMessage(6209, LogLevel.Warning, "Lost the claim on update {Key} for {Channel} (another worker took it over); not sending")]
    public partial void ClaimLost(string key, string channel);

    [LoggerMessage(6210, LogLevel.Error, "Delivery of update {Key} to {Channel} broke")]
    public partial void DeliveryError(Exception exception, string key, string channel);

    [LoggerMessage(6211, LogLevel.Error, "Delivery worker loop failed; retrying in {DelayMs} ms")]
    public partial void WorkerError(Exception exception, double delayMs);

    [LoggerMessage(6212, LogLevel.Error, "Publishing fact base {Version} failed; retrying in {DelayMs} ms")]
    public partial void PublishFailed(Exception exception, string version, double delayMs);

    [LoggerMessage(6213, LogLevel.Information, "Update {Key} was already in {Channel} (found after an uncertain attempt); not posting it again")]
    public partial void AlreadyPosted(string key, string channel);

    [LoggerMessage(6214, LogLevel.Warning, "Discord global rate limit hit; all Discord requests pause for {RetryAfterMs} ms")]
    public partial void DiscordGlobalLimit(double retryAfterMs);

    [LoggerMessage(6215, LogLevel.Error, "Discord: {Count} invalid requests (401/403/429) in 10 minutes; pausing all Discord requests for {PauseSeconds} s to stay clear of a Cloudflare ban")]
    public partial void DiscordInvalidRequests(int count, double pauseSeconds);

    [LoggerMessage(6216, LogLevel.Warning, "Slack: could not check {Channel} for an earlier copy of update {Key} ({Error}); not posting it until the check works")]
    public partial void SlackVerifyFailed(string channel, string key, string error);

    [LoggerMessage(6217, LogLevel.Debug, "Slack: conversations.info for {Channel} gave no answer ({Error}); subscribing anyway")]
    public partial void SlackProbeFailed(string channel, string error);
}
