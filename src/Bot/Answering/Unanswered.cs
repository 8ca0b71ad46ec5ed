using Bot.Commands;

namespace Bot.Answering;

/// <summary>What is kept for the curators: a question the engine abstained on, or the suggestion a user chose for one.</summary>
internal abstract record UnansweredRecord;

/// <summary>
/// One question a platform user asked that the engine abstained on: what a curator needs to decide whether a fact,
/// phrasing or synonym is missing. It carries no user, channel or workspace: only the words, the platform and when.
/// </summary>
internal sealed partial record UnansweredQuestion(
    string Question, Platform Platform, double Confidence, IReadOnlyList<string> Suggestions, string FactVersion, DateTimeOffset AskedAt)
    : UnansweredRecord
{
    /// <summary>Characters of <see cref="Tag"/>.</summary>
    public const int TagLength = 8;

    /// <summary>The longest question text kept (the ask command refuses longer ones anyway).</summary>
    public const int MaxLength = AskCommand.MaxQuestionLength;

    /// <summary>
    /// The text to keep of what a user typed: mentions of users, roles and channels (Slack <c>&lt;@U123&gt;</c>,
    /// <c>&lt;#C123|general&gt;</c>, <c>&lt;!subteam^S1&gt;</c>; Discord <c>&lt;@123&gt;</c>, <c>&lt;@&amp;123&gt;</c>,
    /// <c>&lt;#123&gt;</c>) become "@someone" and "#channel", so no id is kept; line breaks and tabs become spaces;
    /// other control characters and non-characters go; a lone surrogate becomes U+FFFD (databases refuse both).
    /// </summary>
    public static string Clean(string question)
    {
        var text = Mention().Replace(question, m => m.Value[1] == '#' ? "#channel" : "@someone");
        var clean = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                clean.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                clean.Append('\uFFFD');
            }
            else if (c is '\n' or '\r' or '\t' or '\u0085' or '\u2028' or '\u2029')
            {
                clean.Append(' ');
            }
            else if (!char.IsControl(c) && c is not ('\uFFFE' or '\uFFFF' or '\uFEFF'))
            {
                clean.Append(c);
            }
        }

        var result = clean.ToString().Trim();
        return result.Length <= MaxLength ? result : result[..(char.IsHighSurrogate(result[MaxLength - 1]) ? MaxLength - 1 : MaxLength)];
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"<[@#!][^<>]*>", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Mention();

    /// <summary>
    /// What makes two askings the same question: the normalised words ("Who's Akazawa?" and "who is akazawa" are one),
    /// else the trimmed lower-case text when no word survives normalisation.
    /// </summary>
    public static string Key(string question)
    {
        var words = QuestionNormalizer.Text(question);
        var key = words.Length > 0 ? words : question.Trim().ToLowerInvariant();
        return key.Length <= MaxLength ? key : key[..MaxLength];
    }

    /// <summary>
    /// A short name for a question (<see cref="Key"/>) that a "did you mean" button can carry within Discord's 100-character
    /// custom_id: the first <see cref="TagLength"/> hex digits of its SHA-256. A user's choice comes back with it.
    /// </summary>
    public static string Tag(string question) => TagOfKey(Key(question));

    /// <summary>The <see cref="Tag"/> of a question from its stored <see cref="Key"/>: keys are not normalised again, since
    /// normalising is not idempotent ("f-35s" gains a base word "f35" each time).</summary>
    public static string TagOfKey(string key) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key)))[..TagLength];

    /// <summary>Is it what <see cref="Tag"/> writes? Tags come back from buttons, so are untrusted input.</summary>
    public static bool IsTag(string? text) => text is { Length: TagLength } && text.All(char.IsAsciiHexDigitLower);
}

/// <summary>
/// A "did you mean" suggestion a user clicked after the engine abstained on a kept question, and the fact the
/// suggestion then answered with: the user's own word on what the question asked, for the curator to accept or not (the
/// fact base never changes by itself). It carries no user either.
/// </summary>
internal sealed record UnansweredChoice(string QuestionTag, string FactId, DateTimeOffset ChosenAt) : UnansweredRecord;

/// <summary>How often users chose a fact for one question.</summary>
internal sealed record UnansweredChosen(string FactId, int Times);

/// <summary>A recorded unanswered question with how often and when it was asked; the rest is from its latest asking.</summary>
internal sealed record UnansweredEntry(
    string Question, int Asked, DateTimeOffset FirstAskedAt, DateTimeOffset LastAskedAt, Platform Platform, double Confidence,
    IReadOnlyList<string> Suggestions, string FactVersion)
{
    /// <summary>The facts users chose for it through a "did you mean" button, most chosen first.</summary>
    public IReadOnlyList<UnansweredChosen> Chosen { get; init; } = [];
}

/// <summary>Where unanswered questions are kept: the service's database (<see cref="Storage.SqlSubscriptionStore"/>).</summary>
internal interface IUnansweredStore
{
    /// <summary>
    /// Adds each question (one row per <see cref="UnansweredQuestion.Key"/>: the count goes up, the text, platform,
    /// confidence and suggestions become the latest asking's) and each choice (one row per question tag and fact, counted),
    /// and deletes the questions last asked and the choices last made before <paramref name="forgetBefore"/>, in one
    /// transaction.
    /// </summary>
    Task RecordUnansweredAsync(IReadOnlyList<UnansweredRecord> records, DateTimeOffset forgetBefore, CancellationToken ct);

    /// <summary>The questions last asked at or after <paramref name="since"/>, most asked first, then latest first.</summary>
    Task<IReadOnlyList<UnansweredEntry>> ListUnansweredAsync(DateTimeOffset? since, int max, CancellationToken ct);

    /// <summary>Deletes the questions last asked, and the choices last made, before <paramref name="before"/> (all with
    /// null); returns how many questions.</summary>
    Task<int> ForgetUnansweredAsync(DateTimeOffset? before, CancellationToken ct);

    /// <summary>Deletes one question (however it was typed) and the picks for it, once a curator has dealt with it;
    /// false when it was not recorded.</summary>
    Task<bool> ForgetUnansweredQuestionAsync(string question, CancellationToken ct);
}

/// <summary>Takes an unanswered question, or a user's choice for one, to be kept, without waiting for the database.</summary>
internal interface IUnansweredRecorder
{
    /// <summary>False when recording is off or the queue is full (the record is then not kept).</summary>
    bool TryRecord(UnansweredRecord record);
}
