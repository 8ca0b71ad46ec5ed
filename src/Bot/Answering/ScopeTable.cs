using YamlDotNet.RepresentationModel;

namespace Bot.Answering;

/// <summary>
/// What lies outside the talks (<c>data/answering/scope.yaml</c>): countries and blocs other than Japan and the US (a
/// question naming one that the best fact does not name is likely about someone else's tariffs), and words that ask for
/// a prediction or an opinion, which a fact base of what happened cannot give.
/// </summary>
internal sealed class ScopeTable(IEnumerable<string> otherPlaces, IEnumerable<string>? speculation = null)
{
    public static readonly ScopeTable Empty = new([]);

    private readonly List<string[]> _places = Phrases(otherPlaces);
    private readonly List<string[]> _speculation = Phrases(speculation ?? []);

    private static List<string[]> Phrases(IEnumerable<string> texts) =>
        [.. texts.Select(p => QuestionNormalizer.Words(p).ToArray()).Where(w => w.Length > 0)];

    private static bool Names(IReadOnlyList<string> words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Count; i++)
        {
            if (phrase.Select((w, j) => words[i + j] == w).All(x => x))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Does the question ask for a prediction or an opinion ("predict", "do you think", "who negotiated better")?</summary>
    public bool Speculates(IReadOnlyList<string> words) => _speculation.Any(p => Names(words, p));

    /// <summary>Every word of every other place and every speculation cue: known words that spelling correction must
    /// leave alone ("france" is not a misspelt "finance", nor "better" a misspelt "letter").</summary>
    public IEnumerable<string> Words => _places.Concat(_speculation).SelectMany(p => p);

    /// <summary>The other places a text names, each as its normalised words joined by spaces.</summary>
    public IReadOnlyList<string> OtherPlaces(IReadOnlyList<string> words) =>
        [.. _places.Where(p => Names(words, p)).Select(p => string.Join(' ', p))];

    public static ScopeTable Load(string path)
    {
        const string Expected = "a mapping with an 'other_places' list of names";
        var (root, list) = YamlData.Load<YamlSequenceNode>(path, "other_places", Expected);
        if (list.Any(n => n is not YamlScalarNode { Value: not null }))
        {
            throw new InvalidDataException($"{path}:1: expected {Expected}");
        }

        IEnumerable<string> speculation = [];
        if (root.Children.TryGetValue(new YamlScalarNode("speculation"), out var cues))
        {
            if (cues is not YamlSequenceNode cueList || cueList.Any(n => n is not YamlScalarNode { Value: not null }))
            {
                throw new InvalidDataException($"{path}:{cues.Start.Line}: 'speculation' is a list of words or phrases");
            }

            speculation = cueList.Cast<YamlScalarNode>().Select(n => n.Value!);
        }

        return new ScopeTable(list.Cast<YamlScalarNode>().Select(n => n.Value!), speculation);
    }
}
