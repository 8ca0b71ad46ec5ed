using System.Globalization;
using System.Text;

namespace Bot.Facts;

/// <summary>
/// Folds text for matching names: Unicode compatibility form, no diacritics, lower case, possessives dropped,
/// punctuation as spaces, single spaces. "Akazawa's" and "AKAZAWA" both become "akazawa".
/// </summary>
public static class TextNormalizer
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        for (var i = 0; i < decomposed.Length; i++)
        {
            var c = decomposed[i];
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            // Possessive 's / ’s at the end of a word.
            if (c is '\'' or '’' && i + 1 < decomposed.Length && decomposed[i + 1] is 's' or 'S'
                && (i + 2 == decomposed.Length || !char.IsLetterOrDigit(decomposed[i + 2])))
            {
                i++;
                continue;
            }

            if (char.IsLetterOrDigit(c) || c is '%' or '$' or '¥')
            {
                if (pendingSpace && sb.Length > 0)
                {
                    sb.Append(' ');
                }

                pendingSpace = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (c is '.' && i > 0 && i + 1 < decomposed.Length && char.IsDigit(decomposed[i - 1]) && char.IsDigit(decomposed[i + 1]))
            {
                sb.Append('.');
            }
            else
            {
                pendingSpace = true;
            }
        }

        return sb.ToString();
    }

    public static string[] Tokens(string text) => Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Optimal-string-alignment distance (Levenshtein with adjacent transpositions).</summary>
    public static int EditDistance(string a, string b)
    {
        if (a.Length == 0)
        {
            return b.Length;
        }

        if (b.Length == 0)
        {
            return a.Length;
        }

        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }

    /// <summary>Similarity in [0,1]: 1 - distance / longer length.</summary>
    public static double Similarity(string a, string b)
    {
        var longer = Math.Max(a.Length, b.Length);
        return longer == 0 ? 1 : 1 - ((double)EditDistance(a, b) / longer);
    }
}
