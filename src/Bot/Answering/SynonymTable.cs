using YamlDotNet.RepresentationModel;

namespace Bot.Answering;

/// <summary>
/// Groups of words and phrases that mean the same in this domain ("car", "auto", "vehicle"), kept as data in
/// <c>data/answering/synonyms.yaml</c>. Every member maps to the group's first entry, in questions and in facts alike.
/// </summary>
internal sealed class SynonymTable
{
    public static readonly SynonymTable Empty = new([]);

    private readonly Dictionary<string, string> _single = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _phrases = new(StringComparer.Ordinal);

    public SynonymTable(IEnumerable<IReadOnlyList<string>> groups)
    {
        foreach (var group in groups)
        {
            if (group.Count == 0)
            {
                continue;
            }

            var canonical = string.Join('_', QuestionNormalizer.Words(group[0]).Select(Analyzer.Stem));
            foreach (var member in group)
            {
                var words = Stems(member);
                if (words.Count == 0)
                {
                    continue;
                }

                var map = words.Count == 1 ? _single : _phrases;
                map.TryAdd(string.Join(' ', words), canonical);
                MaxPhraseLength = Math.Max(MaxPhraseLength, words.Count);
            }
        }
    }

    /// <summary>A member's words as the table keys them: normalised and stemmed ("Cars" is "car").</summary>
    private static List<string> Stems(string member) => [.. QuestionNormalizer.Words(member).Select(Analyzer.Stem)];

    /// <summary>The longest member in words.</summary>
    public int MaxPhraseLength { get; private set; } = 1;

    /// <summary>Every word any member uses, for spelling correction.</summary>
    public IEnumerable<string> Words => _single.Keys.Concat(_phrases.Keys.SelectMany(k => k.Split(' ')));

    public string? Phrase(string stemmedWords) => _phrases.GetValueOrDefault(stemmedWords);

    public string Map(string stem) => _single.GetValueOrDefault(stem, stem);

    /// <summary>Reads <c>groups:</c> (a list of lists of strings). Errors name the file and line.</summary>
    public static SynonymTable Load(string path)
    {
        var (_, groups) = YamlData.Load<YamlSequenceNode>(path, "groups", "a mapping with a 'groups' list");

        var result = new List<IReadOnlyList<string>>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in groups)
        {
            if (node is not YamlSequenceNode group || group.Any(n => n is not YamlScalarNode { Value: not null }))
            {
                throw new InvalidDataException($"{path}:{node.Start.Line}: each group is a list of words or phrases");
            }

            // A word in two groups would silently mean only the first.
            foreach (var member in group.Cast<YamlScalarNode>())
            {
                var key = string.Join(' ', Stems(member.Value!));
                if (key.Length > 0 && seen.TryGetValue(key, out var other) && other != result.Count)
                {
                    throw new InvalidDataException($"{path}:{member.Start.Line}: '{member.Value}' is already in another group");
                }

                seen[key] = result.Count;
            }

            result.Add([.. group.Cast<YamlScalarNode>().Select(n => n.Value!)]);
        }

        return new SynonymTable(result);
    }
}
