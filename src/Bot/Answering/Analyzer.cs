using System.Collections.Frozen;

namespace Bot.Answering;

/// <summary>
/// Words → index terms: stop words dropped, plurals stemmed, synonyms and synonym phrases mapped to one term.
/// Questions and facts go through the same analyzer so their terms meet.
/// </summary>
internal sealed class Analyzer(SynonymTable synonyms, ScopeTable? scope = null, JapaneseGlossary? japanese = null)
{
    public static readonly FrozenSet<string> StopWords = FrozenSet.ToFrozenSet(
    [
        "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "done", "of", "to", "in",
        "on", "at", "for", "from", "by", "with", "about", "as", "into", "than", "then", "that", "this", "these", "those", "it",
        "its", "and", "or", "but", "if", "so", "what", "which", "who", "whom", "whose", "when", "where", "why", "how", "there",
        "here", "i", "me", "my", "we", "our", "you", "your", "he", "she", "they", "them", "their", "his", "her", "him", "will",
        "would", "can", "could", "should", "shall", "may", "might", "must", "have", "has", "had", "tell", "know", "please",
        "any", "some", "just", "also", "ever", "still", "now", "currently", "again", "up", "out", "over", "all", "get",
        "got", "give", "say", "said", "says", "let", "s", "ok", "hey", "hi", "yo", "like", "really", "exactly", "actually",
        "thing", "things", "one", "ones", "much", "many", "whats", "doe", "wa", "via", "per", "other", "more", "most", "very",
        "mr", "ms", "mrs", "not", "no", "yes", "something", "anything", "lol", "pls", "u", "ur", "thanks", "thank",
        // Casual words for a person ("the trade guy", "the japan dude"): the question classifier reads them as asking
        // for a person; as terms they say nothing a fact could match.
        "guy", "guys", "dude", "dudes", "fella", "fellas",
        // Conversational filler, which no fact's words could match.
        "stuff", "basically", "literally", "kinda", "sorta", "someone", "anyone", "everyone", "somebody", "anybody",
        "seem", "seems", "ive", "hed", "youre", "etc", "wondering", "curious", "confused",
        // Japanese honorifics typed after a name ("akazawa-san", "motegi san").
        "san", "sama", "shi",
    ], StringComparer.Ordinal);

    public SynonymTable Synonyms { get; } = synonyms;

    public ScopeTable Scope { get; } = scope ?? ScopeTable.Empty;

    public JapaneseGlossary Japanese { get; } = japanese ?? JapaneseGlossary.Empty;

    /// <summary>Terms of already-normalised words; with <paramref name="keepStopWords"/>, stop words stay, as typed
    /// ("who negotiated with japan" is not "who negotiated for japan").</summary>
    public List<string> Terms(IReadOnlyList<string> words, bool keepStopWords = false)
    {
        var stems = new string[words.Count];
        for (var i = 0; i < words.Count; i++)
        {
            stems[i] = Stem(words[i]);
        }

        var terms = new List<string>(words.Count);
        for (var i = 0; i < stems.Length;)
        {
            if (PhraseAt(stems, i) is ({ } canonical, var matched))
            {
                terms.Add(canonical);
                i += matched;
                continue;
            }

            var stem = stems[i];
            var mapped = Synonyms.Map(stem);
            if (mapped != stem || !StopWords.Contains(words[i]))
            {
                terms.Add(mapped);
            }
            else if (keepStopWords)
            {
                terms.Add(words[i]);
            }

            i++;
        }

        return terms;
    }

    public List<string> Terms(string text) => Terms(QuestionNormalizer.Words(text));

    /// <summary>The longest synonym phrase of two or more words starting at <paramref name="i"/> of the stems (whose
    /// canonical term <paramref name="accept"/> takes, if given), as that term and its length in words; (null, 0) when
    /// none does.</summary>
    public (string? Term, int Length) PhraseAt(string[] stems, int i, Func<string, bool>? accept = null)
    {
        for (var n = Math.Min(Synonyms.MaxPhraseLength, stems.Length - i); n >= 2; n--)
        {
            if (Synonyms.Phrase(string.Join(' ', stems, i, n)) is { } canonical && (accept is null || accept(canonical)))
            {
                return (canonical, n);
            }
        }

        return (null, 0);
    }

    /// <summary>A light plural stemmer: "tariffs" → "tariff", "policies" → "policy"; short words and "-ss"/"-us"/"-is" stay.</summary>
    public static string Stem(string word)
    {
        if (word.Length <= 3 || char.IsDigit(word[0]))
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return word[..^3] + "y";
        }

        if (word[^1] == 's' && !word.EndsWith("ss", StringComparison.Ordinal) && !word.EndsWith("us", StringComparison.Ordinal)
            && !word.EndsWith("is", StringComparison.Ordinal))
        {
            return word[..^1];
        }

        return word;
    }
}
