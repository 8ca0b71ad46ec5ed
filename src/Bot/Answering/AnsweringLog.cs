using Microsoft.Extensions.Logging;

namespace Bot.Answering;

/// <summary>Log messages of the answering engine (event ids 3000-3099).</summary>
internal sealed partial class AnsweringLog(ILogger<AnsweringLog> logger)
{
    [LoggerMessage(3000, LogLevel.Information, "Answer index for fact base {Version} built in {Milliseconds} ms ({Facts} facts, {Texts} texts, semantic: {Semantic})")]
    public partial void IndexBuilt(string version, long milliseconds, int facts, int texts, bool semantic);

    [LoggerMessage(3001, LogLevel.Information, "Embedded {Missing} new texts of {Total}")]
    public partial void Embedded(int missing, int total);

    [LoggerMessage(3002, LogLevel.Debug, "Read {Count} cached vectors from {Path}")]
    public partial void CacheRead(int count, string path);

    [LoggerMessage(3003, LogLevel.Warning, "Embedding cache {Path} is unreadable and is ignored: {Reason}")]
    public partial void CacheUnreadable(string path, string reason);

    [LoggerMessage(3004, LogLevel.Warning, "Embedding cache {Path} could not be written: {Reason}")]
    public partial void CacheUnwritable(string path, string reason);

    [LoggerMessage(3005, LogLevel.Error, "Semantic ranking is unavailable; answering with lexical ranking only")]
    public partial void SemanticUnavailable(Exception exception);

    [LoggerMessage(3006, LogLevel.Debug, "Answered with {FactId} at confidence {Confidence:F2} (abstained: {Abstained})")]
    public partial void Answered(string? factId, double confidence, bool abstained);

    [LoggerMessage(3007, LogLevel.Warning, "Unanswered questions are being dropped: {Capacity} are already waiting to be written")]
    public partial void UnansweredDropped(int capacity);

    [LoggerMessage(3008, LogLevel.Warning, "Unanswered questions could not be written; trying again in {Seconds} s")]
    public partial void UnansweredWriteFailed(Exception exception, double seconds);

    [LoggerMessage(3009, LogLevel.Error, "{Count} unanswered questions could not be written before shutdown and are lost")]
    public partial void UnansweredLostOnStop(Exception exception, int count);

    [LoggerMessage(3010, LogLevel.Warning, "An unanswered question was refused by the database and is dropped")]
    public partial void UnansweredRefused(Exception exception);

    [LoggerMessage(3011, LogLevel.Warning, "Old unanswered questions could not be deleted; trying again later")]
    public partial void UnansweredForgetFailed(Exception exception);

    [LoggerMessage(3012, LogLevel.Warning, "Japanese glossary {Path} not found: questions in Japanese script are not read")]
    public partial void GlossaryMissing(string path);

    [LoggerMessage(3013, LogLevel.Information, "Facts in Japanese: {Current} answered in Japanese, {Stale} stale (their English changed) and {Missing} without Japanese answered in English ({Path})")]
    public partial void JapaneseAnswersRead(int current, int stale, int missing, string path);

    [LoggerMessage(3014, LogLevel.Error, "Facts in Japanese {Path} could not be read; the last ones read are used: {Reason}")]
    public partial void JapaneseAnswersUnreadable(string path, string reason);
}
