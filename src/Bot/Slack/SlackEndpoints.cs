using Bot.Hosting;
using System.Buffers;
using System.Text.Json;
using Bot.Commands;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Bot.Slack;

/// <summary>
/// <c>POST /slack/commands</c> and <c>POST /slack/interactions</c>: read the raw body once (size-capped), verify the
/// signature on those bytes (401 on any failure, before parsing), parse the form from the same bytes (400 when
/// malformed), map to our <see cref="CommandRequest"/>, and answer inline within Slack's 3 s or acknowledge and deliver
/// through the <c>response_url</c>.
/// </summary>
public static class SlackEndpoints
{
    public const string CommandsPath = "/slack/commands";
    public const string InteractionsPath = "/slack/interactions";

    /// <summary>Maps the Slack endpoints when a signing secret is configured; otherwise logs that Slack is disabled (the paths answer 404).</summary>
    public static WebApplication MapSlack(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SlackOptions>>().Value;
        var log = app.Services.GetRequiredService<SlackLog>();
        if (!options.IsEnabled)
        {
            log.Disabled();
            return app;
        }

        log.Enabled(options.AppId is { Length: > 0 } id ? id : "(any)", options.AdminUserIdSet.Count,
            options.BotToken is { Length: > 0 } ? "configured" : "off (no Slack:BotToken)");
        if (options.AllowLoopbackResponseUrls)
        {
            log.LoopbackAllowed();
        }

        app.MapPost(CommandsPath, HandleCommandAsync).ExcludeFromDescription();
        app.MapPost(InteractionsPath, HandleInteractionAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> HandleCommandAsync(
        HttpContext http,
        SlackRequestVerifier verifier,
        SlackReplyQueue queue,
        SlackResponseUrls responseUrls,
        IOptions<SlackOptions> optionsAccessor,
        TimeProvider time,
        SlackLog log)
    {
        var options = optionsAccessor.Value;
        var (form, failure) = await ReadVerifiedFormAsync(http, verifier, options, log);
        if (form is null)
        {
            return failure!;
        }

        if (Single(form, "ssl_check") == "1")
        {
            log.SslCheck();
            return Results.Ok();
        }

        if (!TryReadCommand(form, out var command, out var reason))
        {
            log.BadRequest(CommandsPath, reason);
            return Results.BadRequest(reason);
        }

        if (WrongApp(options, command.ApiAppId) is { } wrongApp)
        {
            log.WrongApp(CommandsPath, wrongApp);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (!responseUrls.IsAllowed(command.ResponseUrl))
        {
            log.BadRequest(CommandsPath, "response_url is not on a Slack host");
            return Results.BadRequest("response_url is not on a Slack host");
        }

        var text = SlackCommandText.Unescape(command.Text).Trim();
        var request = SlackCommandText.Parse(text, Context(options, command.TeamId, command.ChannelId, command.UserId));
        log.Command(command.Command.TrimStart('/'), request.Name, command.TeamId, command.ChannelId, command.UserId);

        var job = new SlackReplyJob(request, new SlackView(text, 0, SlackAudience.Ephemeral), command.ResponseUrl, time.GetUtcNow(), replaceOriginal: true);
        if (!queue.TryEnqueue(job))
        {
            log.QueueFull(request.Name, options.ReplyQueueCapacity);
            return Message(SlackRenderer.Busy);
        }

        // Slack's 3-second rule: wait for the answer up to the inline budget, then acknowledge and let the worker deliver.
        var budget = TimeSpan.FromMilliseconds(options.InlineReplyMilliseconds);
        using (var cts = new CancellationTokenSource())
        {
            var delay = Task.Delay(budget, time, cts.Token);
            await Task.WhenAny(job.InlineAnswer, delay);
            await cts.CancelAsync();
        }

        if (job.InlineAnswer.IsCompleted || !job.TryDefer())
        {
            return Message(await job.InlineAnswer);
        }

        log.Deferred(request.Name, options.InlineReplyMilliseconds);
        return Message(SlackRenderer.Working);
    }

    private static async Task<IResult> HandleInteractionAsync(
        HttpContext http,
        SlackRequestVerifier verifier,
        SlackReplyQueue queue,
        SlackResponseUrls responseUrls,
        IOptions<SlackOptions> optionsAccessor,
        TimeProvider time,
        SlackLog log)
    {
        var options = optionsAccessor.Value;
        var (form, failure) = await ReadVerifiedFormAsync(http, verifier, options, log);
        if (form is null)
        {
            return failure!;
        }

        if (Single(form, "payload") is not { Length: > 0 } json)
        {
            return Bad(log, "the form has no single payload field");
        }

        SlackInteractionPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(json, SlackJsonContext.Default.SlackInteractionPayload);
        }
        catch (JsonException)
        {
            return Bad(log, "payload is not valid JSON of an interaction");
        }

        if (payload?.Type is not { Length: > 0 } type)
        {
            return Bad(log, "payload has no type");
        }

        if (WrongApp(options, payload.ApiAppId) is { } wrongApp)
        {
            log.WrongApp(InteractionsPath, wrongApp);
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        if (type != "block_actions")
        {
            // Authentic, but nothing we asked for (shortcuts, view submissions): acknowledge so the user sees no error.
            log.IgnoredInteraction(type);
            return Results.Ok();
        }

        if (payload.User?.Id is not { Length: > 0 } userId)
        {
            return Bad(log, "block_actions payload has no user.id");
        }

        if (payload.Actions is not [{ ActionId: { Length: > 0 } actionId } action, ..])
        {
            return Bad(log, "block_actions payload has no action");
        }

        if (!Uri.TryCreate(payload.ResponseUrl, UriKind.Absolute, out var responseUrl) || !responseUrls.IsAllowed(responseUrl))
        {
            return Bad(log, "response_url is missing or not on a Slack host");
        }

        // Share posts the page publicly as a new message; a related question, and why the bot answered as it did, come
        // in a new message below the answer; page and "did you mean" buttons replace the message they are on.
        var isShare = actionId == SlackRenderer.ShareAction;
        var isRelated = actionId.StartsWith(SlackRenderer.RelatedActionPrefix, StringComparison.Ordinal);
        var isExplain = actionId == SlackRenderer.ExplainAction;
        if (!isShare && !isRelated && !isExplain && actionId is not (SlackRenderer.PreviousPageAction or SlackRenderer.NextPageAction)
            && !actionId.StartsWith(SlackRenderer.SuggestionActionPrefix, StringComparison.Ordinal))
        {
            log.UnknownAction(actionId);
            return Results.Ok();
        }

        var replaceOriginal = !isShare && !isRelated && !isExplain;
        var view = DecodeView(action.Value, isShare ? SlackAudience.Channel : SlackAudience.Ephemeral);
        if (view.CommandText.Length == 0)
        {
            return Bad(log, $"action {actionId} has no valid value");
        }

        var teamId = payload.Team?.Id ?? payload.User.TeamId;
        var channelId = payload.Channel?.Id ?? payload.Container?.ChannelId;
        var context = Context(options, teamId, channelId, userId) with { ChoiceFor = SlackRenderer.ChoiceFor(actionId) };
        // "Why?" carries the question itself, not command text: typed text starting with "explain" stays a question.
        var request = isExplain
            ? CommandRequest.Create(CommandNames.Explain, context, (OptionNames.Question, view.CommandText))
            : SlackCommandText.Parse(view.CommandText, context);
        // Not the question's tag: with the user's id it would tie the user to a kept question.
        log.Action(SlackRenderer.ChoiceFor(actionId) is { } tag ? actionId[..^(tag.Length + 1)] : actionId, request.Name, teamId, userId);

        var job = new SlackReplyJob(request, view, responseUrl, time.GetUtcNow(), replaceOriginal);
        job.TryDefer();
        if (!queue.TryEnqueue(job))
        {
            log.QueueFull(request.Name, options.ReplyQueueCapacity);
            return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        }

        // block_actions ignore the response body: acknowledge now, the worker answers through the response_url.
        return Results.Ok();
    }

    private static CommandContext Context(SlackOptions options, string? teamId, string? channelId, string userId)
    {
        var admins = options.AdminUserIdSet;
        return new CommandContext(Platform.Slack, teamId, channelId, userId, CanManageChannel: admins.Count == 0 || admins.Contains(userId));
    }

    /// <summary>
    /// A request signed with our secret but for another app id is refused with 403, not 401: the sender proved it holds
    /// the secret (authentication passed, and 401 is reserved for that check, made before parsing); the request is simply
    /// not for this app, which is only known after parsing (an authorization decision).
    /// </summary>
    private static string? WrongApp(SlackOptions options, string? apiAppId) =>
        options.AppId is { Length: > 0 } expected && !string.Equals(apiAppId, expected, StringComparison.Ordinal)
            ? apiAppId ?? "(none)"
            : null;

    private static SlackView DecodeView(string? value, SlackAudience audience) =>
        SlackActionValue.TryDecode(value, out var page, out var commandText)
            ? new SlackView(commandText.Trim(), page, audience)
            : new SlackView("", 0, audience);

    private static IResult Bad(SlackLog log, string reason)
    {
        log.BadRequest(InteractionsPath, reason);
        return Results.BadRequest(reason);
    }

    private static IResult Message(SlackMessage message) => Results.Json(message, SlackJsonContext.Default.SlackMessage);

    /// <summary>Reads the body (capped), verifies it, then parses the same bytes as a form. Returns the form or the failure to answer with.</summary>
    private static async Task<(Dictionary<string, StringValues>? Form, IResult? Failure)> ReadVerifiedFormAsync(
        HttpContext http, SlackRequestVerifier verifier, SlackOptions options, SlackLog log)
    {
        var path = http.Request.Path.Value ?? "";
        var body = await RawBody.ReadAsync(http.Request, options.MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            log.TooLarge(path, options.MaxBodyBytes);
            return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        var verification = verifier.Verify(
            Header(http.Request, SlackRequestVerifier.TimestampHeader),
            Header(http.Request, SlackRequestVerifier.SignatureHeader),
            body);
        if (verification != SlackVerification.Valid)
        {
            log.Unauthorized(path, verification);
            return (null, Results.Unauthorized());
        }

        if (!http.Request.HasFormContentType || http.Request.ContentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) != true)
        {
            log.BadRequest(path, "content type is not application/x-www-form-urlencoded");
            return (null, Results.BadRequest("expected application/x-www-form-urlencoded"));
        }

        try
        {
            using var stream = new MemoryStream(body, writable: false);
            using var reader = new FormReader(stream) { ValueCountLimit = 64 };
            return (await reader.ReadFormAsync(http.RequestAborted), null);
        }
        catch (InvalidDataException)
        {
            log.BadRequest(path, "the form is malformed");
            return (null, Results.BadRequest("malformed form"));
        }
    }

    /// <summary>One header value; a repeated header is not Slack's and counts as missing.</summary>
    private static string? Header(HttpRequest request, string name) =>
        request.Headers.TryGetValue(name, out var values) && values.Count == 1 ? values[0] : null;

    /// <summary>A form field given exactly once; repeated fields are ambiguous and count as missing.</summary>
    private static string? Single(Dictionary<string, StringValues> form, string key) =>
        form.TryGetValue(key, out var values) && values.Count == 1 ? values[0] : null;

    private static bool TryReadCommand(Dictionary<string, StringValues> form, out SlackSlashCommand command, out string reason)
    {
        command = null!;
        foreach (var key in (string[])["team_id", "channel_id", "user_id", "command", "response_url"])
        {
            if (string.IsNullOrWhiteSpace(Single(form, key)))
            {
                reason = $"missing or repeated field {key}";
                return false;
            }
        }

        if (form.TryGetValue("text", out var textValues) && textValues.Count > 1)
        {
            reason = "repeated field text";
            return false;
        }

        if (!Uri.TryCreate(Single(form, "response_url"), UriKind.Absolute, out var responseUrl))
        {
            reason = "response_url is not an absolute URL";
            return false;
        }

        command = new SlackSlashCommand(
            Single(form, "team_id")!,
            Single(form, "channel_id")!,
            Single(form, "user_id")!,
            Single(form, "command")!,
            Single(form, "text") ?? "",
            Single(form, "api_app_id"),
            responseUrl,
            Single(form, "enterprise_id"));
        reason = "";
        return true;
    }
}
