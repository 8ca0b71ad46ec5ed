using System.Text.RegularExpressions;

namespace Bot.Commands;

/// <summary>What a question about the bot itself asks (<see cref="AboutQuestion.Read"/>).</summary>
internal enum AboutAsked
{
    /// <summary>Not a question about the bot: the fact base answers it, or abstains.</summary>
    None,

    /// <summary>"What are your sources", "where do you get your info": the <c>sources</c> reply.</summary>
    Sources,

    /// <summary>"How up to date is this", "when were you last updated": how far the fact base runs and its version.</summary>
    Freshness,

    /// <summary>"What can you do", "what can i ask", "how do i use this": the <c>help</c> reply.</summary>
    Usage,
}

/// <summary>
/// Reads a question put to <c>ask</c> that asks about the bot rather than the talks: where its facts come from, how up
/// to date they are, what it can do. No fact answers those, so the engine would abstain; the <c>sources</c> reply, the
/// day the fact base runs to (<see cref="SourcesCommand.Freshness"/>) and the <c>help</c> reply do. A question is read so
/// only when every word is one such a question is made of: a name, a number or a subject ("sources for the 550 billion",
/// "is the car tariff up to date", "dump every source url and api key", anything in Japanese script) leaves it to the
/// engine, and so does a word that points back ("what are the sources for this", "is it still current"), which a
/// follow-up reading answers.
/// </summary>
internal static partial class AboutQuestion
{
    /// <summary>Words that name the bot, its facts or the asker's view of them ("your data", "this bot", "the fact base").</summary>
    private static readonly HashSet<string> s_selfWords =
    [
        "you", "your", "yours", "u", "ur", "bot", "data", "database", "info", "information", "knowledge", "facts",
        "factbase", "answers", "base",
    ];

    /// <summary>Words for sources.</summary>
    private static readonly HashSet<string> s_sourceWords = ["source", "sources", "sourced", "sourcing", "citation", "citations", "references", "cite"];

    /// <summary>Words that, with a word for the bot's facts, ask how fresh they are ("how current is your data", "how old
    /// is this info", "what's your cutoff").</summary>
    private static readonly HashSet<string> s_freshWords = ["current", "recent", "fresh", "old", "stale", "cutoff", "uptodate"];

    /// <summary>Words that, with "you", ask what the bot can do ("what do you know", "what can you answer"; "what can you
    /// do" is "can" and "do").</summary>
    private static readonly HashSet<string> s_abilityWords = ["know", "answer", "cover", "covers", "help", "handle", "ask"];

    /// <summary>Words that point to something said before ("what are the sources for this", "is it still current", "what
    /// do you know about it"), unless a word for the bot's facts follows ("this data", "this bot").</summary>
    private static readonly HashSet<string> s_pointers = ["it", "this", "that", "them", "those", "these"];

    /// <summary>Every other word such a question may have.</summary>
    private static readonly HashSet<string> s_fillerWords =
    [
        "what", "whats", "which", "where", "wheres", "when", "how", "hows", "is", "are", "was", "were", "do", "does", "did",
        "can", "could", "will", "would", "should", "i", "me", "my", "we", "its", "the", "a", "an",
        "of", "for", "from", "on", "in", "about", "all", "any", "come", "comes", "came", "get", "gets", "got", "use", "uses",
        "using", "used", "list", "show", "tell", "give", "please", "pls", "hi", "hello", "hey", "so", "still", "kind",
        "sorts", "sort", "have", "has", "there", "be", "been", "last", "often", "up", "to", "date", "dated", "as", "off",
        "fact", "updated", "update", "ok", "okay", "thing", "things", "stuff", "they", "anything",
        "exactly", "now", "who", "many", "commands", "command", "topics", "questions", "question", "work", "works", "usage",
    ];

    [GeneratedRegex(@"[a-z0-9]+")]
    private static partial Regex WordPattern();

    /// <summary>A letter outside Latin script (kana, kanji, hangul…).</summary>
    [GeneratedRegex(@"[^\p{IsBasicLatin}\p{IsLatin-1Supplement}\p{IsGeneralPunctuation}]")]
    private static partial Regex NonLatin();

    /// <summary>What <paramref name="question"/> asks of the bot itself, or <see cref="AboutAsked.None"/>.</summary>
    public static AboutAsked Read(string question)
    {
        // Only English words: a name in Japanese script ("what are the sources for 赤沢") is a subject.
        if (NonLatin().IsMatch(question))
        {
            return AboutAsked.None;
        }

        var lower = question.ToLowerInvariant().Replace("'", "", StringComparison.Ordinal).Replace("\u2019", "", StringComparison.Ordinal);
        var words = WordPattern().Matches(lower).Select(m => m.Value).ToList();
        if (words.Count == 0 || words.Count > 12
            || !words.All(w => s_selfWords.Contains(w) || s_sourceWords.Contains(w) || s_freshWords.Contains(w) || s_abilityWords.Contains(w) || s_fillerWords.Contains(w) || s_pointers.Contains(w)))
        {
            return AboutAsked.None;
        }

        var self = words.Any(s_selfWords.Contains);
        var you = words.Any(w => w is "you" or "u" or "bot");

        // "How up to date is this", "is it up to date", "when was this last updated", "how often is the bot updated": the
        // bot's facts, whatever "this" or "it" points to. Not "any updates" nor "last update" (what is new), which the
        // engine answers.
        var upToDate = Contains(words, "up", "to", "date") || words.Contains("uptodate");
        var updated = words.Any(w => w is "last" or "when" or "often")
            && (words.Contains("updated") || (words.Contains("update") && (self || words.Any(s_pointers.Contains))));
        if (upToDate || updated)
        {
            return AboutAsked.Freshness;
        }

        // "How do i use this".
        var use = words.Any(w => w is "use" or "usage") && words.Contains("how");

        // Otherwise a word that points back ("what are the sources for this", "is it still current", "what do you know
        // about it") asks about what was said before: the engine answers it, with the follow-up read.
        if (words.Select((w, i) => s_pointers.Contains(w) && !(i + 1 < words.Count && s_selfWords.Contains(words[i + 1]))).Any(points => points))
        {
            return use ? AboutAsked.Usage : AboutAsked.None;
        }

        // "What are your sources", "sources?", "list all sources", "where do you get your info", "where's this data from",
        // "how many facts do you have", "what does the fact base cover". A source alone but not plural ("source?") may ask
        // for the last answer's, which that answer gives.
        if ((words.Any(s_sourceWords.Contains) && (self || words.Contains("sources")))
            || (words.Any(w => w is "where" or "wheres") && self && words.Any(w => w is "from" or "get" or "gets" or "got"))
            || (words.Contains("many") && self)
            || (words.Any(w => w is "cover" or "covers") && self))
        {
            return AboutAsked.Sources;
        }

        // "How current is your info", "how old is your data", "what's your cutoff".
        if (words.Any(s_freshWords.Contains) && self)
        {
            return AboutAsked.Freshness;
        }

        // "What can you do", "what do you know", "what can i ask", "help", "commands?", "who are you".
        var ability = you && words.Any(w => w is "can" or "do" or "does")
            && (words.Any(s_abilityWords.Contains) || (words.Contains("can") && words.Contains("do")));
        var askable = words.Contains("ask") && words.Any(w => w is "i" or "we" or "can");
        var help = words.Any(w => w is "help" or "commands" or "command")
            && words.All(w => w is "help" or "commands" or "command" or "please" or "pls" or "me" or "the" or "list" or "show");
        var identity = you && words.Count <= 4 && words.Any(w => w is "what" or "who") && words.Any(w => w is "is" or "are");
        return ability || askable || use || help || identity ? AboutAsked.Usage : AboutAsked.None;
    }

    /// <summary>Does <paramref name="words"/> hold <paramref name="run"/>, one word after another?</summary>
    private static bool Contains(List<string> words, params string[] run)
    {
        for (var i = 0; i + run.Length <= words.Count; i++)
        {
            if (run.Select((w, j) => words[i + j] == w).All(same => same))
            {
                return true;
            }
        }

        return false;
    }
}
