using System.Buffers;
using System.Text;

namespace Bot.Discord;

/// <summary>
/// Turns our plain text into Discord markdown that shows exactly that text: markdown characters are escaped, so a
/// fact cannot turn into a heading, a masked link or a mention (<c>&lt;@123&gt;</c> shows literally and
/// <c>@everyone</c> gets a zero-width joiner). Pinging is prevented separately by <c>allowed_mentions</c>.
/// Also cuts and splits text within limits without breaking an escape or a surrogate pair.
/// </summary>
internal static class DiscordMarkdown
{
    private const string Ellipsis = "…";
    private const char ZeroWidthSpace = '\u200B';

    /// <summary>Characters escaped wherever they appear.</summary>
    private static readonly SearchValues<char> s_always = SearchValues.Create("\\*_~`|[]<>");

    /// <summary>Characters that start block markdown (headings, lists, quotes) at the beginning of a line.</summary>
    private static readonly SearchValues<char> s_lineStart = SearchValues.Create("#-+>");

    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var sb = new StringBuilder(text.Length + 16);
        var lineStart = true;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                continue;
            }

            if (char.IsSurrogate(c))
            {
                // A valid pair passes as is; a lone half (malformed input) becomes U+FFFD.
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb.Append(c).Append(text[++i]);
                }
                else
                {
                    sb.Append('\uFFFD');
                }

                lineStart = false;
                continue;
            }

            if (c == '\n')
            {
                sb.Append('\n');
                lineStart = true;
                continue;
            }

            if (lineStart && c is ' ' or '\t')
            {
                sb.Append(c);
                continue;
            }

            if (lineStart && s_lineStart.Contains(c) && !s_always.Contains(c))
            {
                sb.Append('\\').Append(c);
            }
            else if (lineStart && char.IsAsciiDigit(c) && OrderedListMarkerAt(text, i) is var end and > 0)
            {
                // "1. text" would become a numbered list: escape its dot.
                sb.Append(text, i, end - i).Append('\\').Append(text[end]);
                i = end;
            }
            else if (s_always.Contains(c))
            {
                sb.Append('\\').Append(c);
            }
            else if (c == '@' && (Follows(text, i + 1, "everyone") || Follows(text, i + 1, "here")))
            {
                sb.Append('@').Append(ZeroWidthSpace);
            }
            else
            {
                sb.Append(c);
            }

            lineStart = false;
        }

        return sb.ToString();
    }

    /// <summary>
    /// Cleans text that is already markdown (a message of ours echoed back by Discord): lone surrogates become U+FFFD and
    /// a dangling backslash at the end is dropped.
    /// </summary>
    public static string Sanitize(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else
            {
                sb.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        var cut = SafeCut(sb.ToString(), sb.Length);
        return cut == sb.Length ? sb.ToString() : sb.ToString(0, cut);
    }

    /// <summary>Escapes text for the label of a masked link <c>[label](url)</c>.</summary>
    public static string EscapeLinkLabel(string text) => Escape(text.Replace('\n', ' '));

    /// <summary>An address safe inside <c>(…)</c> of a masked link: absolute http(s), with parentheses and spaces encoded.</summary>
    public static string? LinkTarget(Uri url) =>
        url.IsAbsoluteUri && url.Scheme is "https" or "http"
            ? url.AbsoluteUri.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal)
                .Replace(" ", "%20", StringComparison.Ordinal)
            : null;

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="max"/> characters, ending with "…" when cut.</summary>
    public static string Truncate(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = SafeCut(text, max - Ellipsis.Length);
        return string.Concat(text.AsSpan(0, cut).TrimEnd(), Ellipsis);
    }

    /// <summary>Cuts plain (unescaped) text such as footers, labels and choice names.</summary>
    public static string TruncatePlain(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = max - Ellipsis.Length;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1]))
        {
            cut--;
        }

        return string.Concat(text.AsSpan(0, cut).TrimEnd(), Ellipsis);
    }

    /// <summary>Splits escaped text into pieces of at most <paramref name="max"/> characters, at line breaks or spaces where possible.</summary>
    public static List<string> Split(string text, int max)
    {
        var pieces = new List<string>();
        var rest = text.AsSpan().Trim();
        while (rest.Length > max)
        {
            var window = rest[..max];
            var at = window.LastIndexOf('\n');
            if (at < max / 2)
            {
                at = window.LastIndexOf(' ');
            }

            at = at < max / 2 ? SafeCut(rest, max) : SafeCut(rest, at);
            var piece = rest[..at].TrimEnd();
            if (piece.Length > 0)
            {
                pieces.Add(piece.ToString());
            }

            rest = rest[at..].TrimStart();
        }

        if (rest.Length > 0)
        {
            pieces.Add(rest.ToString());
        }

        return pieces;
    }

    /// <summary>A cut position at or before <paramref name="at"/> that leaves no dangling backslash escape or half surrogate pair.</summary>
    private static int SafeCut(ReadOnlySpan<char> text, int at)
    {
        at = Math.Clamp(at, 0, text.Length);
        if (at > 0 && at < text.Length && char.IsHighSurrogate(text[at - 1]))
        {
            at--;
        }

        var backslashes = 0;
        for (var i = at - 1; i >= 0 && text[i] == '\\'; i--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1 ? at - 1 : at;
    }

    private static int OrderedListMarkerAt(string text, int start)
    {
        var i = start;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        return i < text.Length - 1 && text[i] is '.' or ')' && text[i + 1] == ' ' ? i : -1;
    }

    private static bool Follows(string text, int index, string word) =>
        text.AsSpan(index).StartsWith(word, StringComparison.OrdinalIgnoreCase);
}
