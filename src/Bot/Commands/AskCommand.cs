using Bot.Answering;

namespace Bot.Commands;

/// <summary><c>/talks ask question:…</c>: the best fact with its source and date, or an honest abstention with suggestions.</summary>
internal sealed class AskCommand(IAnswerEngine engine) : ICommandHandler
{
    public const int MaxQuestionLength = 500;

    public string Name => CommandNames.Ask;

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken ct)
    {
        if (request.Option(OptionNames.Question) is not { } question)
        {
            return new Reply
            {
                Kind = ReplyKind.Usage,
                Title = "Ask a question",
                Body = "Ask anything about the 2025 Japan–US tariff talks, e.g. \"who is akazawa\", \"when was round 6\", \"what is the car tariff now\".",
            };
        }

        if (question.Length > MaxQuestionLength)
        {
            return Reply.Rejected("Question too long", $"Please keep questions under {MaxQuestionLength} characters.");
        }

        var result = await engine.AnswerAsync(question, ct);
        return AnswerComposer.Compose(result);
    }
}
