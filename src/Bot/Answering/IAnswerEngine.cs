using Bot.Facts;

namespace Bot.Answering;

/// <summary>Answers a free-text question from the current fact-base snapshot, or abstains.</summary>
public interface IAnswerEngine
{
    Task<AnswerResult> AnswerAsync(string question, CancellationToken ct);

    /// <summary>Builds the index of the current snapshot (embedding what changed) so the first question is fast.</summary>
    Task WarmUpAsync(CancellationToken ct);
}
