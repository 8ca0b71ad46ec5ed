using System.ComponentModel.DataAnnotations;

namespace Bot.Slack;

/// <summary>
/// The <c>Slack</c> configuration section. Without a <see cref="SigningSecret"/> the platform is disabled: its endpoints
/// are not mapped (404) and a log line says so.
/// </summary>
internal sealed class SlackOptions : IValidatableObject
{
    public const string Section = "Slack";

    /// <summary>The Slack host that issues <c>response_url</c>s for slash commands and interactions.</summary>
    public const string SlackResponseHost = "hooks.slack.com";

    /// <summary>Basic Information → App Credentials → Signing Secret. Used as UTF-8 text, as Slack does.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>The bot token (<c>xoxb-…</c>) for Web API calls such as <c>chat.postMessage</c>; optional for commands.</summary>
    public string? BotToken { get; set; }

    /// <summary>When set, requests for another <c>api_app_id</c> are refused with 403.</summary>
    public string? AppId { get; set; }

    [Required]
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>User ids (<c>U…</c>) allowed to manage subscriptions; empty means every member may. Entries may be comma-separated.</summary>
    public List<string> AdminUserIds { get; set; } = [];

    /// <summary>Largest accepted request body; larger requests get 413 before any verification work.</summary>
    [Range(1024, 1024 * 1024)]
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>How long a slash command may take to answer inline before it is acknowledged and answered through <c>response_url</c>.</summary>
    [Range(0, 2500)]
    public int InlineReplyMilliseconds { get; set; } = 2000;

    /// <summary>Hosts we POST <c>response_url</c> messages to (https only). Default: <c>hooks.slack.com</c>.</summary>
    public List<string> ResponseUrlHosts { get; set; } = [];

    /// <summary>Also allow <c>response_url</c>s on loopback (http or https): for tests' fake Slack only, never in production.</summary>
    public bool AllowLoopbackResponseUrls { get; set; }

    /// <summary>How many replies are computed and delivered at once.</summary>
    [Range(1, 64)]
    public int ReplyWorkers { get; set; } = 4;

    /// <summary>Waiting replies beyond which new requests get a short "busy" answer instead of queueing.</summary>
    [Range(1, 100_000)]
    public int ReplyQueueCapacity { get; set; } = 256;

    public bool IsEnabled => !string.IsNullOrEmpty(SigningSecret);

    public IReadOnlySet<string> AdminUserIdSet => AdminUserIds
        .SelectMany(id => id.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        .ToHashSet(StringComparer.Ordinal);

    public IReadOnlyList<string> EffectiveResponseUrlHosts => ResponseUrlHosts.Count > 0 ? ResponseUrlHosts : [SlackResponseHost];

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SigningSecret is not null && SigningSecret.Length > 0 && string.IsNullOrWhiteSpace(SigningSecret))
        {
            yield return new ValidationResult("Slack:SigningSecret is blank; set the app's signing secret or remove the key to disable Slack.", [nameof(SigningSecret)]);
        }

        if (!ApiBaseUrl.IsAbsoluteUri || ApiBaseUrl.Scheme is not ("https" or "http") || !ApiBaseUrl.AbsolutePath.EndsWith('/'))
        {
            yield return new ValidationResult("Slack:ApiBaseUrl must be an absolute http(s) URL ending with '/', e.g. https://slack.com/api/.", [nameof(ApiBaseUrl)]);
        }

        if (BotToken is { Length: > 0 } token && token.Any(char.IsWhiteSpace))
        {
            yield return new ValidationResult("Slack:BotToken contains whitespace.", [nameof(BotToken)]);
        }
    }
}
