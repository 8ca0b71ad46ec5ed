using Bot.Facts;

namespace Bot.Answering;

/// <summary>Answers a free-text question from the current fact-base snapshot, or abstains.</summary>
public interface IAnswerEngine
{
    Task<AnswerResult> AnswerAsync(string question, CancellationToken ct);

    /// <summary>Answers a question that may follow on from the asker's <paramref name="previous"/> one ("and round 5?",
    /// "when did he take office"), saying the whole question it was read as; as <see cref="AnswerAsync(string, CancellationToken)"/>
    /// when there is no previous question or the question stands alone.</summary>
    Task<FollowUpAnswer> AnswerAsync(string question, PreviousQuestion? previous, CancellationToken ct);

    /// <summary>Answers the question as <see cref="AnswerAsync"/> does, and says why: what was read, what ranked first
    /// and next, and how sure the engine was against its threshold.</summary>
    Task<AnswerExplanation> ExplainAsync(string question, CancellationToken ct);

    /// <summary>Builds the index of the current snapshot (embedding what changed) so the first question is fast.</summary>
    Task WarmUpAsync(CancellationToken ct);
}
