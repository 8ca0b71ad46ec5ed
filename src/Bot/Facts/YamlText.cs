using System.Globalization;
using System.Text;

namespace Bot.Facts;

/// <summary>Text written into YAML files by the bot itself (gold questions, curated phrasings).</summary>
internal static class YamlText
{
    /// <summary>A YAML double-quoted scalar: backslash and quote escaped, and every character YAML would fold (line
    /// breaks, including NEL, U+2028 and U+2029) or refuses (controls, non-characters, a lone surrogate) written as an
    /// escape, so any text reads back exactly.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                text.Append(c).Append(value[++i]);
                continue;
            }

            _ = c switch
            {
                '\\' => text.Append("\\\\"),
                '"' => text.Append("\\\""),
                '\n' => text.Append("\\n"),
                '\r' => text.Append("\\r"),
                '\t' => text.Append("\\t"),
                '\u0085' => text.Append("\\N"),
                '\u2028' => text.Append("\\L"),
                '\u2029' => text.Append("\\P"),
                _ when char.IsSurrogate(c) => text.Append("\\uFFFD"),
                _ when char.IsControl(c) || c is '\uFEFF' or '\uFFFE' or '\uFFFF' => text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                _ => text.Append(c),
            };
        }

        return text.Append('"').ToString();
    }
}
