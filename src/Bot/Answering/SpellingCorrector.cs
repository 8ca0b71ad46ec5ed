namespace Bot.Answering;

/// <summary>
/// Corrects misspelt names and domain words ("akazwa" → "akazawa", "tarrif" → "tariff") by edit distance against
/// the names, aliases, titles and synonyms of the fact base; failing those, a word that is no English word and is one
/// edit from a word the fact base uses anywhere, with the same first letter ("hpapened" → "happened", "attednees" →
/// "attendees"). Words the fact base knows, and the real words of <paramref name="dictionary"/> it does not use, are
/// never changed; short words and numbers are left alone; a word with two equally close targets stays as typed.
/// </summary>
/// <param name="words">Every word of the facts' texts and curated questions, with how often each is used: the second
/// tier of targets.</param>
/// <param name="english">Real words, never corrected into the second tier: "drags" is not a misspelt "drugs".</param>
internal sealed class SpellingCorrector(
    IReadOnlyDictionary<string, int> targets, IReadOnlySet<string> known, IReadOnlySet<string>? dictionary = null,
    IReadOnlyDictionary<string, int>? words = null, EnglishWords? english = null)
{
    /// <summary>The shortest word corrected into a word of the second tier: shorter ones are one edit from too many.</summary>
    private const int MinWordLength = 5;

    private readonly string[] _targets = [.. targets.Keys.Where(t => t.Length >= 4 && !char.IsDigit(t[0]))];

    private readonly string[] _words = words is null ? [] : [.. words.Keys.Where(w => w.Length >= MinWordLength && !w.Any(char.IsDigit) && !targets.ContainsKey(w))];

    public bool IsKnown(string word) => known.Contains(word);

    public string Correct(string word)
    {
        if (word.Length < 4 || char.IsDigit(word[0]) || known.Contains(word) || (dictionary?.Contains(word) ?? false))
        {
            return word;
        }

        // A name or domain word one edit away, or two names alike, settle it; a word of the facts one edit away comes
        // before a name two edits away ("srtike" is "strike", not "stake").
        var (named, distance, tie) = Closest(word, _targets, targets, word.Length >= 6 ? 2 : 1);
        if (distance <= 1 && (tie || named is not null))
        {
            return named ?? word;
        }

        var used = word.Length >= MinWordLength && words is not null ? Closest(word, _words, words, 1, sameFirst: true).Best : null;
        // A real word stays ("drags" is no misspelt "drugs"), but not one that differs from the fact's word only in a
        // doubled letter: "commited" passes for an inflection of "commit", yet is a misspelt "committed".
        if (used is not null && (english?.Knows(word) ?? false) && Undoubled(used) != Undoubled(word))
        {
            used = null;
        }

        return used ?? (tie ? word : named ?? word);
    }

    /// <summary>The word with each run of a letter written once: "committed" → "comited".</summary>
    private static string Undoubled(string word)
    {
        var result = new System.Text.StringBuilder(word.Length);
        foreach (var c in word)
        {
            if (result.Length == 0 || result[^1] != c)
            {
                result.Append(c);
            }
        }

        return result.ToString();
    }

    /// <summary>The one target within <paramref name="limit"/> edits (and with the word's first letter, if
    /// <paramref name="sameFirst"/>), the most used of the closest, and its distance; none when there is none, or when
    /// two tie.</summary>
    private static (string? Best, int Distance, bool Tie) Closest(string word, string[] candidates, IReadOnlyDictionary<string, int> counts, int limit, bool sameFirst = false)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestCount = 0;
        var tie = false;
        foreach (var target in candidates)
        {
            if (Math.Abs(target.Length - word.Length) > limit || (sameFirst && target[0] != word[0]))
            {
                continue;
            }

            var distance = Distance(word, target, limit);
            if (distance > limit || (distance == 2 && target[0] != word[0]))
            {
                continue;
            }

            var count = counts[target];
            if (distance < bestDistance || (distance == bestDistance && count > bestCount))
            {
                tie = false;
                best = target;
                bestDistance = distance;
                bestCount = count;
            }
            else if (distance == bestDistance && count == bestCount)
            {
                tie = true;
            }
        }

        return tie ? (null, bestDistance, true) : (best, bestDistance, false);
    }

    /// <summary>Optimal string alignment distance (Damerau–Levenshtein with adjacent transpositions), cut off above limit.</summary>
    internal static int Distance(string a, string b, int limit)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
