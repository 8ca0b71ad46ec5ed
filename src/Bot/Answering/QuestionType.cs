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

    /// <summary>Nouns for people: "which minister", "what us official" ask who.</summary>
    private static readonly HashSet<string> s_personNouns =
    [
        "minister", "secretary", "official", "negotiator", "president", "pm", "premier", "ambassador", "envoy", "leader",
        "diplomat", "lawmaker", "politician", "person", "spokesman", "spokesperson", "aide", "adviser", "advisor",
        "counterpart", "representative", "chairman", "ccs", "ustr", "sec", "secy", "rep", "fm", "finmin", "guy", "dude", "fella",
    ];

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
                case "what" or "which" when PersonNounFollows(words, i + 1):
                    return QuestionType.Who;
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

    /// <summary>Does the question name a kind of person ("official", "minister", "secretary")? A who-question that does
    /// asks for one person rather than for the occasion they were part of.</summary>
    public static bool NamesAPersonNoun(IReadOnlyList<string> words) => words.Any(IsPersonNoun);

    /// <summary>"minister", "ministers", "secretaries".</summary>
    private static bool IsPersonNoun(string word) => s_personNouns.Contains(word) || s_personNouns.Contains(Analyzer.Stem(word));

    /// <summary>"which minister", "which defense minister", "what us trade official": a person noun within three words,
    /// before any verb ("what did the president say" asks what, not who).</summary>
    private static bool PersonNounFollows(IReadOnlyList<string> words, int start)
    {
        for (var j = start; j < words.Count && j < start + 3; j++)
        {
            if (IsPersonNoun(words[j]))
            {
                return true;
            }

            if (s_auxiliaries.Contains(words[j]))
            {
                return false;
            }
        }

        return false;
    }
}
