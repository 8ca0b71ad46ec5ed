using Bot.Commands;

namespace Bot.Answering;

/// <summary>
/// One question a platform user asked that the engine abstained on: what a curator needs to decide whether a fact,
/// phrasing or synonym is missing. It carries no user, channel or workspace: only the words, the platform and when.
/// </summary>
internal sealed partial record UnansweredQuestion(
    string Question, Platform Platform, double Confidence, IReadOnlyList<string> Suggestions, string FactVersion, DateTimeOffset AskedAt)
{
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
        var words = string.Join(' ', QuestionNormalizer.Words(question));
        var key = words.Length > 0 ? words : question.Trim().ToLowerInvariant();
        return key.Length <= MaxLength ? key : key[..MaxLength];
    }
}

/// <summary>A recorded unanswered question with how often and when it was asked; the rest is from its latest asking.</summary>
internal sealed record UnansweredEntry(
    string Question, int Asked, DateTimeOffset FirstAskedAt, DateTimeOffset LastAskedAt, Platform Platform, double Confidence,
    IReadOnlyList<string> Suggestions, string FactVersion);

/// <summary>Where unanswered questions are kept: the service's database (<see cref="Storage.SqlSubscriptionStore"/>).</summary>
internal interface IUnansweredStore
{
    /// <summary>
    /// Adds each question (one row per <see cref="UnansweredQuestion.Key"/>: the count goes up, the text, platform,
    /// confidence and suggestions become the latest asking's) and deletes the rows last asked before
    /// <paramref name="forgetBefore"/>, in one transaction.
    /// </summary>
    Task RecordUnansweredAsync(IReadOnlyList<UnansweredQuestion> questions, DateTimeOffset forgetBefore, CancellationToken ct);

    /// <summary>The questions last asked at or after <paramref name="since"/>, most asked first, then latest first.</summary>
    Task<IReadOnlyList<UnansweredEntry>> ListUnansweredAsync(DateTimeOffset? since, int max, CancellationToken ct);

    /// <summary>Deletes the questions last asked before <paramref name="before"/> (all with null); returns how many.</summary>
    Task<int> ForgetUnansweredAsync(DateTimeOffset? before, CancellationToken ct);
}

/// <summary>Takes an unanswered question to be kept, without waiting for the database.</summary>
internal interface IUnansweredRecorder
{
    /// <summary>False when recording is off or the queue is full (the question is then not kept).</summary>
    bool TryRecord(UnansweredQuestion question);
}
