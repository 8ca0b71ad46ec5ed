using System.Globalization;
using Bot.Answering;

namespace Bot.Commands;

/// <summary>
/// Why <c>ask</c> answered a question as it did, or abstained: what the question was read as (spelling corrections,
/// the Japanese reading), the people, round, date and government it named, words no fact uses, the fact ranked first
/// with its confidence against the threshold, that fact's curated question closest to the question, the words they
/// share and do not, and the facts ranked next. Reached from an answer's "Why?" button and <c>bot ask --explain</c>.
/// </summary>
internal sealed class ExplainCommand(IAnswerEngine engine) : ICommandHandler
{
    public string Name => CommandNames.Explain;

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken ct)
    {
        if (request.Option(OptionNames.Question) is not { } question)
        {
            return Reply.Rejected("Nothing to explain", "Give the question whose answer you want explained.");
        }

        if (question.Length > AskCommand.MaxQuestionLength)
        {
            return Reply.Rejected("Question too long", $"Please keep questions under {AskCommand.MaxQuestionLength} characters.");
        }

        return Compose(await engine.ExplainAsync(question, ct));
    }

    internal static Reply Compose(AnswerExplanation explanation)
    {
        var result = explanation.Result;
        var fields = new List<ReplyField>
        {
            new("Read as", ReadAs(explanation)),
            new("Recognised", explanation.Recognised.Count > 0 ? string.Join("; ", explanation.Recognised) : "no person, round, date or government"),
        };
        if (explanation.UnknownWords.Count > 0)
        {
            fields.Add(new ReplyField("Words no fact uses", string.Join(", ", explanation.UnknownWords)));
        }

        var top = result.Ranked.Count > 0 ? result.Ranked[0].Fact : null;
        if (top is not null)
        {
            if (explanation.Curated)
            {
                fields.Add(new ReplyField("Closest curated question", "the question itself, word for word: a curator wrote it for this fact"));
            }
            else if (explanation.Closest is { } closest)
            {
                fields.Add(new ReplyField(closest.IsQuestion ? "Closest curated question" : "Closest text of the fact",
                    string.Create(CultureInfo.InvariantCulture, $"\"{FactReplies.Shorten(closest.Text, 300)}\" (similarity {closest.Similarity:0.00})")));
            }

            fields.Add(new ReplyField("Words in common", Words(explanation.SharedWords)
                + (explanation.MissingWords.Count > 0 ? $"; not in this fact: {string.Join(", ", explanation.MissingWords)}" : "")));
            if (explanation.RunnersUp.Count > 0)
            {
                fields.Add(new ReplyField("Ranked next", string.Join('\n', explanation.RunnersUp.Select(r =>
                    string.Create(CultureInfo.InvariantCulture, $"{r.Fact.Title} [{r.Fact.Id}], {r.Behind:0.00} behind")))));
            }
        }

        var confidence = string.Create(CultureInfo.InvariantCulture, $"{result.Confidence:0.00}");
        var threshold = string.Create(CultureInfo.InvariantCulture, $"{explanation.Threshold:0.00}");
        // Usage-like: for the asker, not an answer to share (Slack's Share would run the question again, as ask).
        return new Reply
        {
            Kind = ReplyKind.Usage,
            Title = FactReplies.Shorten($"Why: \"{result.Question.ReplaceLineEndings(" ").Trim()}\"", 200),
            Body = top is null
                ? "No answer: the question has no word or name the fact base uses."
                : result.Abstained
                    ? $"No answer. The best match, {top.Title} [{top.Id}], had a confidence of {confidence}, below the {threshold} the bot answers at."
                    : $"Answered with {top.Title} [{top.Id}] at a confidence of {confidence}; the bot answers at {threshold} or more.",
            Fields = fields,
            AsOf = result.Facts.AsOf,
            FactIds = top is null ? [] : [top.Id],
            Confidence = Math.Round(result.Confidence, 3),
        };
    }

    private static string ReadAs(AnswerExplanation explanation)
    {
        var result = explanation.Result;
        var read = $"\"{result.Interpreted}\"";
        if (result.ReadAs is not null)
        {
            read += " (the Japanese read through the glossary)";
        }

        if (explanation.Corrections.Count > 0)
        {
            read += $"; spelling: {string.Join(", ", explanation.Corrections)}";
        }

        return read + $"; asks {QuestionKind(result.Type)}";
    }

    private static string Words(IReadOnlyList<string> words) => words.Count > 0 ? string.Join(", ", words) : "none";

    private static string QuestionKind(QuestionType type) => type switch
    {
        QuestionType.Who => "who",
        QuestionType.When => "when",
        QuestionType.Where => "where",
        QuestionType.HowMuch => "how much",
        QuestionType.HowMany => "how many",
        QuestionType.Why => "why",
        QuestionType.YesNo => "yes or no",
        QuestionType.What => "what",
        _ => "for a fact",
    };
}
