namespace Bot.Answering;

/// <summary>
/// What people type before a question that is not part of it: a word to fill the pause ("ok", "hmm", "wait"), a word
/// to the bot ("hey bot"), a word about the question itself ("quick question", "unrelated, but", "different topic:")
/// or a way of asking ("i want to know", "remind me"). None of it says what the question is about, and left in, its
/// words count against every fact: "quick question: who is akazawa" was declined at 0.09 where "who is akazawa"
/// is answered at 0.98.
/// </summary>
internal static class Preface
{
    /// <summary>Words that fill a pause or open a turn, each a preface on its own.</summary>
    private static readonly HashSet<string> s_interjections =
    [
        "ok", "okay", "k", "kk", "alright", "so", "well", "hmm", "hmmm", "hm", "um", "umm", "uh", "uhh", "er", "erm", "wait",
        "oh", "ah", "sorry", "hey", "hi", "hello", "yo", "btw", "anyway", "anyways", "bot", "pls", "please", "but",
    ];

    /// <summary>Words that may stand before a word for "question" and say what kind it is ("quick q", "another
    /// question", "dumb question but"); "1 more" is "one more", as numbers are read.</summary>
    private static readonly HashSet<string> s_questionKinds =
    [
        "quick", "diff", "different", "another", "new", "unrelated", "random", "dumb", "stupid", "silly", "noob", "newbie",
        "simple", "basic", "general", "last", "side", "small", "separate", "related", "1", "more", "follow", "up", "followup",
        "other", "real", "honest", "serious", "easy",
    ];

    private static readonly HashSet<string> s_questionNouns = ["question", "questions", "q", "qn", "ques", "qs"];

    /// <summary>Words that may close a word about the question ("quick question though", "a question for you").</summary>
    private static readonly HashSet<string> s_questionClosers = ["but", "though", "tho", "here", "for", "you", "ya", "then"];

    /// <summary>Prefaces of one or several words, word for word as <see cref="QuestionNormalizer.Words"/> reads them,
    /// longest first, so "can i ask you" is taken whole rather than as "can i ask".</summary>
    private static readonly string[][] s_phrases = [.. new string[][]
    {
        // Changing the subject.
        ["by", "the", "way"], ["1", "more", "thing"], ["another", "thing"], ["off", "topic"], ["unrelated"], ["real", "quick"],
        ["changing", "topic"], ["changing", "topics"], ["changing", "the", "topic"], ["changing", "the", "subject"],
        ["change", "of", "topic"], ["change", "of", "subject"], ["switching", "topic"], ["switching", "topics"],
        ["switching", "gears"], ["on", "another", "note"], ["on", "a", "different", "note"], ["different", "topic"], ["new", "topic"],
        // Ways of asking.
        ["just", "curious"], ["just", "wondering"], ["i", "was", "wondering"], ["i", "wonder"], ["i", "want", "to", "know"],
        ["i", "would", "like", "to", "know"], ["i", "d", "like", "to", "know"], ["id", "like", "to", "know"], ["i", "need", "to", "know"],
        ["remind", "me"], ["eli5"], ["explain", "like", "i", "am", "5"], ["can", "you", "tell", "me"], ["could", "you", "tell", "me"],
        ["do", "you", "know"], ["does", "anyone", "know"], ["any", "idea"], ["can", "i", "ask"], ["can", "i", "ask", "you"],
        ["let", "me", "ask"], ["let", "me", "ask", "you"],
        // Where a claim came from, before the claim to check.
        ["fact", "check"], ["true", "or", "false"], ["hold", "on"], ["someone", "told", "me"], ["someone", "said"], ["i", "heard"],
        ["i", "read"], ["i", "saw"], ["my", "friend", "says"],
        ["my", "friend", "said"], ["people", "say"], ["people", "are", "saying"], ["apparently"], ["rumor", "has", "it"],
    }.OrderByDescending(p => p.Length)];

    /// <summary>Words after a question that are not part of it either ("who is akazawa anyway", "when was round 3 thx",
    /// "why did he step down tho").</summary>
    private static readonly HashSet<string> s_closers = ["anyway", "anyways", "btw", "lol", "lmao", "haha", "thx", "ty", "thanks", "please", "pls", "plz", "tho", "though"];

    /// <summary>The fewest words a question keeps once its preface is gone: "quick question" alone is not stripped to nothing.</summary>
    private const int MinRest = 2;

    /// <summary>The words with their preface, if any, taken off the front, and closing words off the end; the words
    /// themselves when there are none or when too little would be left.</summary>
    public static List<string> Strip(List<string> words)
    {
        var at = 0;
        while (at < words.Count && Next(words, at) is var length and > 0)
        {
            at += length;
        }

        var end = words.Count;
        while (end > at && Closing(words, at, end) is var length and > 0)
        {
            end -= length;
        }

        return (at == 0 && end == words.Count) || end - at < MinRest ? words : words[at..end];
    }

    /// <summary>Tags that ask to have a claim confirmed, after it ("japan pays 15% on cars, right?", "…, is that true").</summary>
    private static readonly string[][] s_tags =
    [
        ["is", "that", "right"], ["is", "that", "true"], ["is", "that", "correct"], ["is", "this", "right"], ["is", "this", "true"],
        ["am", "i", "right"], ["right"], ["correct"], ["yeah"],
    ];

    /// <summary>Tags that ask whether sources agree, after a question ("how far can a tomahawk fly, do the sources
    /// agree"): every answer shows each source's claim where they differ. Only after a whole question of
    /// <see cref="MinClaim"/> words or more: "which facts do sources disagree" asks what is disputed.</summary>
    private static readonly string[][] s_sourceTags =
    [
        .. from who in new[] { new[] { "sources" }, ["the", "sources"], ["reports"], ["the", "reports"] }
           from verb in new[] { "agree", "differ", "disagree" }
           select who.Prepend("do").Append(verb).ToArray(),
    ];

    /// <summary>The fewest words a question keeps before a tag of <see cref="s_sourceTags"/>.</summary>
    private const int MinClaim = 4;

    /// <summary>Words after which "right" or "correct" is what is asked about, not a tag: "is that right", "was it correct".</summary>
    private static readonly HashSet<string> s_untagged = ["is", "was", "are", "were", "be", "that", "this", "it", "i", "am", "the"];

    /// <summary>How many words before <paramref name="end"/> (and after <paramref name="at"/>) are one closing word or
    /// tag; 0 when none are.</summary>
    private static int Closing(List<string> words, int at, int end) =>
        s_closers.Contains(words[end - 1]) ? 1
        : s_tags.FirstOrDefault(t => end - at > t.Length && EndsWith(words, end, t) && (t.Length > 1 || !s_untagged.Contains(words[end - 2])))?.Length
            ?? s_sourceTags.FirstOrDefault(t => end - at >= t.Length + MinClaim && EndsWith(words, end, t))?.Length ?? 0;

    /// <summary>Do the words before <paramref name="end"/> end with <paramref name="tag"/>?</summary>
    private static bool EndsWith(List<string> words, int end, string[] tag) => words.Skip(end - tag.Length).Take(tag.Length).SequenceEqual(tag);

    /// <summary>How many words from <paramref name="at"/> are one piece of preface; 0 when none is.</summary>
    private static int Next(List<string> words, int at)
    {
        // Not "and" or "also", which open a follow-up: "ok and what about steel" loses only "ok". Not "so far".
        if (s_interjections.Contains(words[at]) && !(words[at] == "so" && at + 1 < words.Count && words[at + 1] == "far"))
        {
            return 1;
        }

        var kinds = at;
        while (kinds < words.Count && s_questionKinds.Contains(words[kinds]))
        {
            kinds++;
        }

        // "quick question", "dumb q but", "question:": a word for "question", with words saying what kind before it.
        if (kinds < words.Count && s_questionNouns.Contains(words[kinds]))
        {
            var end = kinds + 1;
            while (end < words.Count && s_questionClosers.Contains(words[end]))
            {
                end++;
            }

            return end - at;
        }

        foreach (var phrase in s_phrases)
        {
            if (at + phrase.Length <= words.Count && words.Skip(at).Take(phrase.Length).SequenceEqual(phrase))
            {
                // "i heard that japan…", "someone told me that…": the "that" goes with it. Before "if" or "whether" the
                // phrase asks whether ("do you know if the deal was signed"), and stays.
                var end = at + phrase.Length;
                return end < words.Count && words[end] is "if" or "whether" ? 0
                    : end < words.Count && words[end] == "that" ? phrase.Length + 1
                    : phrase.Length;
            }
        }

        return 0;
    }
}
