using System.ComponentModel.DataAnnotations;

namespace Bot.Discord;

/// <summary>
/// The <c>Discord</c> configuration section (DESIGN §7). Without <see cref="PublicKey"/> the platform is disabled:
/// <c>POST /discord/interactions</c> answers 404 and the rest of the service runs as usual.
/// </summary>
public sealed class DiscordOptions : IValidatableObject
{
    public const string Section = "Discord";

    /// <summary>The application's Ed25519 public key from the Developer Portal, 64 hex characters. Not the bot token.</summary>
    [RegularExpression("^\\s*([0-9a-fA-F]{64})?\\s*$", ErrorMessage = "Discord:PublicKey must be the application's public key: 64 hex characters.")]
    public string? PublicKey { get; set; }

    /// <summary>The application id (a snowflake); needed by <c>bot discord register</c>.</summary>
    [RegularExpression("^\\s*([0-9]{1,20})?\\s*$", ErrorMessage = "Discord:ApplicationId must be the numeric application id.")]
    public string? ApplicationId { get; set; }

    /// <summary>The bot token; needed by <c>bot discord register</c> and channel posts. A secret: never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>Base address of Discord's REST API, ending with a slash.</summary>
    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://discord.com/api/v10/");

    /// <summary>The address in our <c>User-Agent: DiscordBot (url, version)</c> header; Discord asks for one that identifies the bot.</summary>
    [Required]
    public Uri UserAgentUrl { get; set; } = new("https://example.com/talks-bot");

    /// <summary>
    /// How long a command may take before we defer (type 5) and deliver the answer by editing the original message.
    /// Discord invalidates the interaction after 3 s, network time included.
    /// </summary>
    [Range(100, 2500)]
    public int InlineBudgetMilliseconds { get; set; } = 2000;

    /// <summary>Largest interaction body accepted; larger requests get 413 before any work is done.</summary>
    [Range(4 * 1024, 4 * 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Reject correctly signed requests whose timestamp is further than this from our clock (replay guard).
    /// Discord does not require it; the window is generous so clock drift cannot break valid requests. 0 turns it off.
    /// </summary>
    [Range(0, 86_400)]
    public int MaxTimestampSkewSeconds { get; set; } = 600;

    /// <summary>Deferred answers waiting to be delivered; when full, new slow commands get an apology instead of a defer.</summary>
    [Range(1, 100_000)]
    public int FollowupQueueCapacity { get; set; } = 512;

    /// <summary>Deferred answers delivered in parallel.</summary>
    [Range(1, 64)]
    public int FollowupConcurrency { get; set; } = 8;

    public bool Enabled => !string.IsNullOrWhiteSpace(PublicKey);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!ApiBaseUrl.IsAbsoluteUri || ApiBaseUrl.Scheme is not ("https" or "http") || !ApiBaseUrl.AbsolutePath.EndsWith('/'))
        {
            yield return new ValidationResult(
                "Discord:ApiBaseUrl must be an absolute http(s) address ending with '/', e.g. https://discord.com/api/v10/.",
                [nameof(ApiBaseUrl)]);
        }

        if (!UserAgentUrl.IsAbsoluteUri)
        {
            yield return new ValidationResult("Discord:UserAgentUrl must be an absolute address.", [nameof(UserAgentUrl)]);
        }
    }
}
