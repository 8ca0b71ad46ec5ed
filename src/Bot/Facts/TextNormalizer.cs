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
        var folded = FoldCharacters(text);
        var sb = new StringBuilder(folded.Length);
        var pendingSpace = false;
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];

            // Possessive 's at the end of a word.
            if (c == '\'' && i + 1 < folded.Length && folded[i + 1] == 's'
                && (i + 2 == folded.Length || !char.IsLetterOrDigit(folded[i + 2])))
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
                sb.Append(c);
            }
            else if (c is '.' && i > 0 && i + 1 < folded.Length && char.IsDigit(folded[i - 1]) && char.IsDigit(folded[i + 1]))
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

    /// <summary>
    /// Character by character: compatibility forms (full-width letters), accents removed, lower case, typographic
    /// quotes and dashes made plain. Done by hand because the app runs in invariant-globalization mode, where
    /// <see cref="string.Normalize(NormalizationForm)"/> leaves non-ASCII text unchanged.
    /// </summary>
    public static string FoldCharacters(string text)
    {
        var normalized = text.Normalize(NormalizationForm.FormKD);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(c))
            {
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.Format:
                case UnicodeCategory.Control when c is not ('\n' or '\t'):
                    continue;
            }

            if (c is >= '\uff01' and <= '\uff5e')
            {
                builder.Append(char.ToLowerInvariant((char)(c - 0xfee0)));
                continue;
            }

            var plain = Unaccent(c);
            builder.Append(plain switch
            {
                '\u2018' or '\u2019' or '\u02bc' or '`' or '\u00b4' => '\'',
                '\u201c' or '\u201d' => '"',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2212' => '-',
                '\uffe5' => '¥',
                _ => char.ToLowerInvariant(plain),
            });
        }

        return builder.ToString();
    }

    private const string Accented = "àáâãäåāăąçćčďèéêëēĕėęěìíîïīĭįıñńňòóôõöøōŏőùúûüūŭůűųýÿźżž";
    private const string Unaccented = "aaaaaaaaacccdeeeeeeeeeiiiiiiiinnnooooooooouuuuuuuuuyyzzz";

    private static char Unaccent(char c)
    {
        var lower = char.ToLowerInvariant(c);
        var i = Accented.IndexOf(lower, StringComparison.Ordinal);
        return i >= 0 ? Unaccented[i] : c;
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
