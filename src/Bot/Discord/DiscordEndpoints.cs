using Bot.Hosting;
using System.Buffers;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Bot.Discord;

/// <summary>
/// <c>POST /discord/interactions</c>, Discord's Interactions Endpoint URL (DESIGN §7). The pipeline is
/// read raw bytes (size-capped) → verify the Ed25519 signature on them → parse → <see cref="DiscordInteractionHandler"/>
/// → JSON response. Every signature failure is 401 before any parsing; a signed but malformed payload is 400.
/// </summary>
public static class DiscordEndpoints
{
    public const string Route = "/discord/interactions";

    public static WebApplication MapDiscord(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<DiscordLog>();
        if (app.Services.GetRequiredService<IOptions<DiscordOptions>>().Value.Enabled)
        {
            log.Enabled();
        }
        else
        {
            log.Disabled();
        }

        app.MapPost(Route, HandleAsync);
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext http,
        IOptions<DiscordOptions> options,
        DiscordRequestVerifier verifier,
        DiscordInteractionHandler handler,
        DiscordLog log)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return TypedResults.NotFound();
        }

        var body = await RawBody.ReadAsync(http.Request, settings.MaxBodyBytes, http.RequestAborted);
        if (body is null)
        {
            log.BodyTooLarge(settings.MaxBodyBytes);
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var check = verifier.Verify(
            Single(http.Request.Headers[DiscordRequestVerifier.SignatureHeader]),
            Single(http.Request.Headers[DiscordRequestVerifier.TimestampHeader]),
            body);
        if (check != SignatureCheck.Valid)
        {
            log.SignatureRefused(check);
            return TypedResults.Unauthorized();
        }

        DiscordInteraction? interaction;
        try
        {
            interaction = JsonSerializer.Deserialize(body, DiscordJsonContext.Default.DiscordInteraction);
        }
        catch (JsonException ex)
        {
            log.Malformed($"invalid JSON at {ex.Path ?? "$"}");
            return Refuse("invalid JSON");
        }

        if (interaction is null)
        {
            log.Malformed("empty interaction");
            return Refuse("empty interaction");
        }

        var outcome = await handler.HandleAsync(interaction, http.RequestAborted);
        switch (outcome)
        {
            case DiscordOutcome.Respond respond:
                return TypedResults.Json(respond.Response, DiscordJsonContext.Default.DiscordInteractionResponse);
            case DiscordOutcome.Autocomplete complete:
                return TypedResults.Json(complete.Response, DiscordJsonContext.Default.DiscordAutocompleteResponse);
            case DiscordOutcome.Refuse refuse:
                log.Malformed(refuse.Reason);
                return Refuse(refuse.Reason);
            default:
                throw new InvalidOperationException($"Unhandled outcome {outcome.GetType().Name}");
        }
    }

    private static JsonHttpResult<DiscordRefusal> Refuse(string reason) =>
        TypedResults.Json(new DiscordRefusal(reason), DiscordJsonContext.Default.DiscordRefusal, statusCode: StatusCodes.Status400BadRequest);

    /// <summary>A header sent exactly once, else null (two signature headers are as bad as none).</summary>
    private static string? Single(Microsoft.Extensions.Primitives.StringValues values) => values.Count == 1 ? values[0] : null;
}
