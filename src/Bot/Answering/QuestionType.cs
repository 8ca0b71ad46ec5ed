namespace Bot.Answering;

/// <summary>What a question asks for; facts that can answer that type are preferred.</summary>
public enum QuestionType
{
    Other,
    Who,
    When,
    Where,
    HowMuch,
    HowMany,
    What,
    Why,
    YesNo,
}

/// <summary>Reads the question type from normalised words ("who's" is already "who is").</summary>
internal static class QuestionClassifier
{
    private static readonly HashSet<string> s_auxiliaries =
        ["is", "are", "was", "were", "did", "does", "do", "has", "have", "had", "will", "would", "can", "could", "should"];

    private static readonly HashSet<string> s_amountWords = ["rate", "percent", "percentage", "price", "cost", "value", "figure", "amount", "size", "level", "big", "high", "large"];

    public static QuestionType Classify(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
        {
            return QuestionType.Other;
        }

        for (var i = 0; i < words.Count; i++)
        {
            var next = i + 1 < words.Count ? words[i + 1] : "";
            switch (words[i])
            {
                case "who" or "whom" or "whose":
                    return QuestionType.Who;
                case "when":
                    return QuestionType.When;
                case "where":
                    return QuestionType.Where;
                case "why":
                    return QuestionType.Why;
                case "how" when next is "much" or "big" or "high" or "large" or "expensive":
                    return QuestionType.HowMuch;
                case "how" when next is "many":
                    return QuestionType.HowMany;
                case "how" when next is "long":
                    return QuestionType.HowMuch;
                case "what" or "which" when next is "date" or "day" or "year" or "month" or "time":
                    return QuestionType.When;
                case "what" or "which" when next is "city" or "place" or "venue" or "location" or "country":
                    return QuestionType.Where;
                case "what" or "which" when words.Skip(i + 1).Take(4).Any(s_amountWords.Contains):
                    return QuestionType.HowMuch;
                case "what" or "which":
                    return QuestionType.What;
                default:
                    break;
            }
        }

        if (s_auxiliaries.Contains(words[0]))
        {
            return QuestionType.YesNo;
        }

        return words.Any(w => w is "date" or "when") ? QuestionType.When : QuestionType.Other;
    }
}
