using Microsoft.Extensions.Logging;

namespace Bot.Discord;

/// <summary>
/// Log messages of the Discord adapter (event ids 4000-4099). Interaction tokens, the bot token and bodies never
/// appear here; interactions are named by their id.
/// </summary>
internal sealed partial class DiscordLog(ILogger<DiscordLog> logger)
{
    [LoggerMessage(4000, LogLevel.Information, "Discord is disabled: Discord__PublicKey is not set, so POST /discord/interactions answers 404")]
    public partial void Disabled();

    [LoggerMessage(4001, LogLevel.Information, "Discord interactions enabled at POST /discord/interactions")]
    public partial void Enabled();

    [LoggerMessage(4002, LogLevel.Information, "Discord request refused with 401: {Reason}")]
    public partial void SignatureRefused(SignatureCheck reason);

    [LoggerMessage(4003, LogLevel.Warning, "Discord request refused with 413: body over {MaxBytes} bytes")]
    public partial void BodyTooLarge(int maxBytes);

    [LoggerMessage(4004, LogLevel.Warning, "Signed Discord request refused with 400: {Reason}")]
    public partial void Malformed(string reason);

    [LoggerMessage(4005, LogLevel.Debug, "Discord interaction {InteractionId} type {Type}: {Command}")]
    public partial void Received(string? interactionId, int type, string command);

    [LoggerMessage(4006, LogLevel.Information, "Discord interaction {InteractionId} ({Command}) not ready within {BudgetMs} ms: deferred")]
    public partial void Deferred(string? interactionId, string command, int budgetMs);

    [LoggerMessage(4007, LogLevel.Debug, "Discord interaction {InteractionId}: deferred answer delivered")]
    public partial void FollowupDelivered(string? interactionId);

    [LoggerMessage(4008, LogLevel.Warning, "Discord interaction {InteractionId}: deferred answer not delivered: HTTP {Status}, code {Code}: {Message}")]
    public partial void FollowupFailed(string? interactionId, int status, int? code, string? message);

    [LoggerMessage(4009, LogLevel.Error, "Discord interaction {InteractionId} ({Command}) failed")]
    public partial void CommandFailed(Exception exception, string? interactionId, string command);

    [LoggerMessage(4010, LogLevel.Warning, "Discord follow-up queue is full ({Capacity}); interaction {InteractionId} gets an apology")]
    public partial void QueueFull(int capacity, string? interactionId);

    [LoggerMessage(4011, LogLevel.Information, "Discord button with an invalid custom_id on interaction {InteractionId}")]
    public partial void InvalidCustomId(string? interactionId);

    [LoggerMessage(4012, LogLevel.Information, "Discord commands registered ({Scope}): {Count}")]
    public partial void Registered(string scope, int count);

    [LoggerMessage(4013, LogLevel.Warning, "Discord rate limit on {Route}: retrying after {RetryAfterMs} ms")]
    public partial void RateLimited(string route, long retryAfterMs);

    [LoggerMessage(4014, LogLevel.Warning, "Discord request {Route} failed: {Error}")]
    public partial void RequestFailed(string route, string error);

    [LoggerMessage(4015, LogLevel.Information, "Discord follow-up queue stopping with {Pending} deferred answer(s) still to deliver")]
    public partial void Draining(int pending);
}
