using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Bot.Answering;

/// <summary>
/// Questions in Japanese script (<c>data/answering/japanese.yaml</c>): "赤沢亮正は誰？", "自動車関税いまいくら",
/// "第4回交渉はいつ". Japanese is written without spaces, so each run of kanji and kana is read by longest match against
/// the glossary, and every term found is replaced by its English reading ("赤沢" → "akazawa", "関税" → "tariff",
/// "誰" → "who"); what the glossary does not know (particles, endings) is dropped. Numbers with Japanese counters and
/// dates are read as forms the normaliser already knows ("5500億ドル" → "5500 oku dollars", "第4回" → "4th",
/// "7月22日" → "july 22"). The result is an English question in the engine's own words, for BM25 and for the
/// sentence model alike. Latin text passes through unchanged.
/// </summary>
internal sealed partial class JapaneseGlossary
{
    public static readonly JapaneseGlossary Empty = new(new Dictionary<string, string>());

    private static readonly string[] s_months =
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

    private static readonly Dictionary<char, int> s_kanjiDigits = new()
    {
        ['一'] = 1, ['二'] = 2, ['三'] = 3, ['四'] = 4, ['五'] = 5, ['六'] = 6, ['七'] = 7, ['八'] = 8, ['九'] = 9,
    };

    private readonly Dictionary<string, string> _terms;
    private readonly int _longest;

    public JapaneseGlossary(IReadOnlyDictionary<string, string> terms)
    {
        _terms = terms.ToDictionary(t => Normalize(t.Key), t => t.Value, StringComparer.Ordinal);
        _longest = _terms.Count == 0 ? 0 : _terms.Keys.Max(k => k.Length);
    }

    /// <summary>
    /// A person's name in Japanese: the longest term that reads as the whole English name ("Ryosei Akazawa" →
    /// 赤沢亮正, not 赤沢, which reads "akazawa"); of two as long, the first in code-point order (赤沢亮正 before the
    /// older form 赤澤亮正). Null when no term reads as the name.
    /// </summary>
    public string? NameOf(string name)
    {
        var reading = QuestionNormalizer.Text(name);
        return Longest(t => t.Value == reading);
    }

    /// <summary>
    /// The Japanese for a name of goods ("cars" → 自動車, "auto parts" → 自動車部品): the longest term whose reading
    /// has the same index terms; of two as long, the first in code-point order. Null when no term reads as it.
    /// </summary>
    public string? GoodsOf(string goods, Analyzer analyzer)
    {
        var terms = analyzer.Terms(goods);
        return Longest(t => analyzer.Terms(t.Value).SequenceEqual(terms));
    }

    /// <summary>The longest term that <paramref name="reads"/> accepts; of two as long, the first in code-point order.</summary>
    private string? Longest(Func<KeyValuePair<string, string>, bool> reads) =>
        _terms.Where(reads).Select(t => t.Key).OrderByDescending(k => k.Length).ThenBy(k => k, StringComparer.Ordinal).FirstOrDefault();

    /// <summary>The English reading of every term.</summary>
    public IEnumerable<string> Readings => _terms.Values;

    /// <summary>The English words of every term, which spelling correction must leave alone.</summary>
    public IEnumerable<string> Words => _terms.Values.SelectMany(QuestionNormalizer.Words);

    /// <summary>The question with its Japanese script read into English words; unchanged when it has none.</summary>
    public string Gloss(string question) => Gloss(question, null);

    /// <summary>The runs of Japanese script in the question that no term reads, and that hold a kanji or katakana (a
    /// word the glossary lacks, not a particle or an ending): what the reading left out.</summary>
    public IReadOnlyList<string> Unread(string question)
    {
        var unread = new List<string>();
        Gloss(question, unread);
        return unread;
    }

    /// <summary>The question read as <see cref="Gloss(string)"/> reads it, adding to <paramref name="unread"/> (when given)
    /// what <see cref="Unread"/> lists.</summary>
    internal string Gloss(string question, List<string>? unread)
    {
        var text = Normalize(question);
        if (!HasJapanese(text))
        {
            return question;
        }

        text = OrdinalPattern().Replace(text, m => string.Create(CultureInfo.InvariantCulture, $" {Number(m.Groups["n"].Value)}th "));
        text = DatePattern().Replace(text, m => Date(m));
        text = DurationPattern().Replace(text, m => Duration(m) ?? m.Value);
        var result = new StringBuilder(text.Length * 2);
        var run = new StringBuilder();
        for (var i = 0; i < text.Length;)
        {
            if (!IsJapanese(text[i]))
            {
                EndRun(run, unread);
                result.Append(text[i++]);
                continue;
            }

            var matched = 0;
            for (var n = Math.Min(_longest, text.Length - i); n >= 1; n--)
            {
                if (_terms.TryGetValue(text.Substring(i, n), out var english))
                {
                    result.Append(' ').Append(english).Append(' ');
                    matched = n;
                    break;
                }
            }

            if (matched == 0)
            {
                // A particle, an ending or a word the glossary lacks: a word break. Punctuation ends an unread word.
                result.Append(' ');
                if (text[i] is (>= '\u3000' and <= '\u303F') or '・')
                {
                    EndRun(run, unread);
                }
                else
                {
                    run.Append(text[i]);
                }

                matched = 1;
            }
            else
            {
                EndRun(run, unread);
            }

            i += matched;
        }

        EndRun(run, unread);
        return result.ToString();
    }

    /// <summary>Ends a run of unread characters: kept, without the particles, endings and punctuation around it
    /// (「の趣味は」 is 「趣味」), when it holds a kanji or katakana.</summary>
    private static void EndRun(StringBuilder run, List<string>? unread)
    {
        var word = run.ToString().Trim(s_kanaAndPunctuation);
        if (unread is not null && !unread.Contains(word)
            && word.Any(c => c is (>= '\u30A1' and <= '\u30FA') or (>= '\u3400' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF')))
        {
            unread.Add(word);
        }

        run.Clear();
    }

    /// <summary>Hiragana, Japanese punctuation (U+3000–309F), the middle dot and the long-vowel mark.</summary>
    private static readonly char[] s_kanaAndPunctuation = [.. Enumerable.Range(0x3000, 0xA0).Select(c => (char)c), '・', 'ー'];

    /// <summary>A lookup's text with its Japanese script read into English words, spaces collapsed; null stays null.</summary>
    public string? Read(string? text) =>
        text is null ? null : string.Join(' ', Gloss(text).Split(' ', StringSplitOptions.RemoveEmptyEntries)) is { Length: > 0 } read ? read : text;

    /// <summary>Does the text hold any Japanese script (<see cref="IsJapanese"/>)?</summary>
    public static bool HasJapanese([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? text) => text is not null && text.Any(IsJapanese);

    /// <summary>Hiragana, katakana (with the long-vowel mark), kanji and Japanese punctuation, before or after
    /// <see cref="Normalize"/>.</summary>
    internal static bool IsJapanese(char c) =>
        c is (>= '\u3001' and <= '\u30FF') or (>= '\u3400' and <= '\u4DBF') or (>= '\u4E00' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF')
            or (>= '\uFF61' and <= '\uFF9F');

    /// <summary>Half-width katakana (U+FF61–FF9F) in order, as full-width; a voiced or semi-voiced mark after one is merged.</summary>
    private const string HalfWidthKana =
        "。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン゛゜";

    /// <summary>
    /// Full-width letters, digits and signs ("４", "％", "？") as ASCII, the ideographic space as a space, half-width
    /// katakana as full-width. By hand: the app runs in invariant-globalization mode, where
    /// <see cref="string.Normalize(NormalizationForm)"/> leaves non-ASCII text unchanged.
    /// </summary>
    private static string Normalize(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is >= '\uFF01' and <= '\uFF5E')
            {
                folded.Append((char)(c - 0xFEE0));
            }
            else if (c == '\u3000')
            {
                folded.Append(' ');
            }
            else if (c is >= '\uFF61' and <= '\uFF9F')
            {
                var kana = HalfWidthKana[c - '\uFF61'];
                if (kana is '゛' or '゜' && folded.Length > 0 && Voiced(folded[^1], kana == '゜') is { } voiced)
                {
                    folded[^1] = voiced;
                }
                else
                {
                    folded.Append(kana);
                }
            }
            else
            {
                folded.Append(c);
            }
        }

        return folded.ToString();
    }

    /// <summary>カ + ゛ is ガ, ハ + ゜ is パ, ウ + ゛ is ヴ; null when the kana takes no such mark.</summary>
    private static char? Voiced(char kana, bool semi)
    {
        if (kana == 'ウ' && !semi)
        {
            return 'ヴ';
        }

        if (semi)
        {
            return kana is 'ハ' or 'ヒ' or 'フ' or 'ヘ' or 'ホ' ? (char)(kana + 2) : null;
        }

        return "カキクケコサシスセソタチツテトハヒフヘホ".Contains(kana, StringComparison.Ordinal) ? (char)(kana + 1) : null;
    }

    private static int Number(string digits) =>
        digits.All(char.IsAsciiDigit) ? int.Parse(digits, CultureInfo.InvariantCulture)
        : digits == "十" ? 10
        : digits.StartsWith('十') ? 10 + s_kanjiDigits[digits[1]]
        : digits.Length == 1 ? s_kanjiDigits[digits[0]]
        : (s_kanjiDigits[digits[0]] * 10) + (digits.Length > 2 ? s_kanjiDigits[digits[2]] : 0);

    private static string Date(Match m)
    {
        var year = m.Groups["y"].Success ? " " + m.Groups["y"].Value : "";
        if (!m.Groups["m"].Success)
        {
            return m.Groups["fy"].Success ? $" fiscal{year} " : $"{year} ";
        }

        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12)
        {
            return m.Value;
        }

        var day = m.Groups["d"].Success ? " " + m.Groups["d"].Value : "";
        // 「7月下旬」: late July; 「7月末」: the end of July.
        var part = m.Groups["part"].Value switch
        {
            "上旬" or "初旬" or "初め" or "はじめ" => "early ",
            "中旬" => "mid ",
            "下旬" or "末" => "late ",
            _ => "",
        };
        return $" {part}{s_months[month - 1]}{day}{year} ";
    }

    /// <summary>"第4回", "第四回", "4回目", "二回目": an ordinal ("the 4th").</summary>
    [GeneratedRegex(@"第\s*(?<n>[0-9]{1,2}|十[一二三四五六七八九]?|[一二三四五六七八九](?:十[一二三四五六七八九]?)?)\s*回|(?<n>[0-9]{1,2}|十[一二三四五六七八九]?|[一二三四五六七八九](?:十[一二三四五六七八九]?)?)\s*回目", RegexOptions.CultureInvariant)]
    private static partial Regex OrdinalPattern();

    /// <summary>"2025年7月22日", "7月22日", "7月": a date or a month; "7月下旬", "7月末": part of a month; "2025年": a year;
    /// "2023年度": a fiscal year.</summary>
    [GeneratedRegex(@"(?:(?<y>20[0-9]{2})\s*年\s*)?(?<m>[0-9]{1,2})\s*月(?:\s*(?<d>[0-9]{1,2})\s*日|(?<part>上旬|初旬|初め|はじめ|中旬|下旬|末))?|(?<y>(?:19|20)[0-9]{2})\s*年(?<fy>度)?", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern();

    /// <summary>"90日", "90日間", "3か月", "5年間", "2週間": a span of time (a date's day is read first, by
    /// <see cref="DatePattern"/>).</summary>
    [GeneratedRegex(@"(?<![0-9.])(?<n>[0-9]{1,4}(?:\.[0-9]+)?)\s*(?<unit>日間|日|[かヶカケヵ]月間|[かヶカケヵ]月|年間|週間)", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    /// <summary>A span read as the engine reads it ("90 days"); null for "22日" alone, a day of the month ("the 22nd"),
    /// not a span: only "日間", or a number of days no month has, is days.</summary>
    private static string? Duration(Match m)
    {
        var n = m.Groups["n"].Value;
        var unit = m.Groups["unit"].Value;
        return unit switch
        {
            "日" when !n.Contains('.', StringComparison.Ordinal) && int.Parse(n, CultureInfo.InvariantCulture) <= 31 => null,
            "日" or "日間" => $" {n} days ",
            "年間" => $" {n} years ",
            "週間" => $" {n} weeks ",
            _ => $" {n} months ",
        };
    }

    /// <summary>The glossary at <paramref name="path"/>, or <see cref="Empty"/> when there is no such file.</summary>
    public static JapaneseGlossary LoadOrEmpty(string path) => File.Exists(path) ? Load(path) : Empty;

    public static JapaneseGlossary Load(string path)
    {
        // A term listed twice is a duplicate key, which the parser refuses (naming its line).
        var (_, terms) = YamlData.Load<YamlMappingNode>(path, "terms", "a mapping with a 'terms' mapping of Japanese terms to English words");

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in terms.Children)
        {
            if (key is not YamlScalarNode { Value: { Length: > 0 } japanese } || value is not YamlScalarNode { Value: { Length: > 0 } english })
            {
                throw new InvalidDataException($"{path}:{key.Start.Line}: each term maps Japanese text to English words");
            }

            if (!japanese.All(IsJapanese) || english.Any(IsJapanese))
            {
                throw new InvalidDataException($"{path}:{key.Start.Line}: '{japanese}' must be Japanese script only and '{english}' must have none");
            }

            if (!result.TryAdd(Normalize(japanese), english))
            {
                throw new InvalidDataException($"{path}:{key.Start.Line}: '{japanese}' is listed twice");
            }
        }

        return new JapaneseGlossary(result);
    }
}
