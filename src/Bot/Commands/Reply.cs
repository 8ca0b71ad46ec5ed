using System.Globalization;
using Bot.Facts;

namespace Bot.Commands;

/// <summary>What kind of reply this is; adapters may style them differently.</summary>
public enum ReplyKind
{
    /// <summary>A found fact or list.</summary>
    Answer,

    /// <summary>Nothing matched; <see cref="Reply.Suggestions"/> may say what did.</summary>
    NotFound,

    /// <summary>The engine was not confident enough and declines to answer.</summary>
    Abstained,

    /// <summary>Usage or help text.</summary>
    Usage,

    /// <summary>An action was done (subscribed, unsubscribed).</summary>
    Confirmation,

    /// <summary>The caller may not do this, or the input was invalid.</summary>
    Rejected,
}

/// <summary>A labelled block of a reply: "Attendees", "May 30, 2025", "Claim: White House".</summary>
public sealed record ReplyField(string Name, string Value, bool Inline = false);

/// <summary>
/// The platform-neutral answer of every command. Text is plain (no markup); adapters escape and style it.
/// Long replies are lists of <see cref="Fields"/>; adapters paginate them within their own limits.
/// </summary>
public sealed record Reply
{
    public required ReplyKind Kind { get; init; }
    public required string Title { get; init; }

    /// <summary>The direct answer first, then context. Plain text, may contain line breaks.</summary>
    public string Body { get; init; } = "";

    public IReadOnlyList<ReplyField> Fields { get; init; } = [];
    public IReadOnlyList<Source> Sources { get; init; } = [];
    public PartialDate? AsOf { get; init; }

    /// <summary>"Did you mean" follow-ups, each a question or name the user can pick.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>With an answer, questions about the facts that ranked close behind it and overlap it, to ask next:
    /// adapters offer them as buttons, like <see cref="Suggestions"/>, without calling them a "did you mean".</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>The tag (<see cref="Answering.UnansweredQuestion.Tag"/>) of the kept question these suggestions are for,
    /// for the buttons to carry back, so the suggestion a user then picks is kept as their choice; null when the question
    /// was not kept.</summary>
    public string? SuggestionsFor { get; init; }

    /// <summary>The question an <c>ask</c> reply answered or abstained on, for a "Why?" button that runs
    /// <see cref="CommandNames.Explain"/> on it; null on other replies.</summary>
    public string? Explains { get; init; }

    /// <summary>The whole question an <c>ask</c> reply answers when the user's words leaned on their previous question
    /// ("and round 6?" read as "when was round 6"); null otherwise. Buttons that run the command again (pages, Slack's
    /// Share) ask this, so that they do not depend on what the user asked since.</summary>
    public string? AskedAs { get; init; }

    /// <summary>The facts this reply is built from (for <c>ask --json</c> and tests).</summary>
    public IReadOnlyList<string> FactIds { get; init; } = [];

    /// <summary>Confidence in [0,1] for <c>ask</c>; null for lookups.</summary>
    public double? Confidence { get; init; }

    public bool IsAbstention => Kind == ReplyKind.Abstained;

    /// <summary>A confidence as replies carry it: three decimals, rounded down, so that one just under the threshold
    /// (0.8696 against 0.87) never shows as equal to it.</summary>
    public static double Shown(double confidence) => Math.Floor((confidence * 1000) + 1e-9) / 1000;

    /// <summary>A confidence as a whole percentage, rounded down ("86%" for 0.866), so that one just under the
    /// threshold never reads as equal to it; the tiny epsilon keeps 0.87 from reading as 86%.</summary>
    public static string Percent(double confidence) =>
        string.Create(CultureInfo.InvariantCulture, $"{Math.Floor((Math.Clamp(confidence, 0, 1) * 100) + 1e-9):0}%");

    public static Reply Rejected(string title, string body) => new() { Kind = ReplyKind.Rejected, Title = title, Body = body };
}
