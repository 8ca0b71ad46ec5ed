namespace Bot.Answering;

/// <summary>
/// Corrects misspelt names and domain words ("akazwa" → "akazawa", "tarrif" → "tariff") by edit distance against
/// the names, aliases, titles and synonyms of the fact base. Words the fact base knows, and the real words of
/// <paramref name="dictionary"/> it does not use, are never changed; short words and numbers are left alone; a word with
/// two equally close targets stays as typed.
/// </summary>
internal sealed class SpellingCorrector(IReadOnlyDictionary<string, int> targets, IReadOnlySet<string> known, IReadOnlySet<string>? dictionary = null)
{
    private readonly string[] _targets = [.. targets.Keys.Where(t => t.Length >= 4 && !char.IsDigit(t[0]))];

    public bool IsKnown(string word) => known.Contains(word);

    public string Correct(string word)
    {
        if (word.Length < 4 || char.IsDigit(word[0]) || known.Contains(word) || (dictionary?.Contains(word) ?? false))
        {
            return word;
        }

        var limit = word.Length >= 6 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestCount = 0;
        var tie = false;
        foreach (var target in _targets)
        {
            if (Math.Abs(target.Length - word.Length) > limit)
            {
                continue;
            }

            var distance = Distance(word, target, limit);
            if (distance > limit || (distance == 2 && target[0] != word[0]))
            {
                continue;
            }

            var count = targets[target];
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

        return best is not null && !tie ? best : word;
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
