using Bot.Facts;

namespace Bot.Answering;

/// <summary>Answers a free-text question from the current fact-base snapshot, or abstains.</summary>
public interface IAnswerEngine
{
    Task<AnswerResult> AnswerAsync(string question, CancellationToken ct);

    /// <summary>Answers the question as <see cref="AnswerAsync"/> does, and says why: what was read, what ranked first
    /// and next, and how sure the engine was against its threshold.</summary>
    Task<AnswerExplanation> ExplainAsync(string question, CancellationToken ct);

    /// <summary>Builds the index of the current snapshot (embedding what changed) so the first question is fast.</summary>
    Task WarmUpAsync(CancellationToken ct);
}
