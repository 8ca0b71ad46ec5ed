using YamlDotNet.RepresentationModel;

namespace Bot.Answering;

/// <summary>
/// What lies outside the talks (<c>data/answering/scope.yaml</c>): countries and blocs other than Japan and the US (a
/// question naming one that the best fact does not name is likely about someone else's tariffs), and words that ask for
/// a prediction or an opinion, which a fact base of what happened cannot give. With them, the places things in the talks
/// happened at (cities, buildings, venues, media, "online", "phone"): what answers "where did…".
/// </summary>
internal sealed class ScopeTable(IEnumerable<string> otherPlaces, IEnumerable<string>? speculation = null, IEnumerable<string>? venues = null)
{
    public static readonly ScopeTable Empty = new([]);

    private readonly List<string[]> _places = Phrases(otherPlaces);
    private readonly List<string[]> _speculation = Phrases(speculation ?? []);
    private readonly List<string[]> _venues = Phrases(venues ?? []);

    private static List<string[]> Phrases(IEnumerable<string> texts) =>
        [.. texts.Select(p => QuestionNormalizer.Words(p).ToArray()).Where(w => w.Length > 0)];

    private static bool Names(IReadOnlyList<string> words, string[] phrase) => Starts(words, phrase).Any();

    /// <summary>Where in <paramref name="words"/> the phrase starts, each index of its first word.</summary>
    private static IEnumerable<int> Starts(IReadOnlyList<string> words, string[] phrase)
    {
        for (var i = 0; i + phrase.Length <= words.Count; i++)
        {
            var j = 0;
            while (j < phrase.Length && string.Equals(words[i + j], phrase[j], StringComparison.Ordinal))
            {
                j++;
            }

            if (j == phrase.Length)
            {
                yield return i;
            }
        }
    }

    /// <summary>Does the question ask for a prediction or an opinion ("predict", "do you think", "who negotiated better")?</summary>
    public bool Speculates(IReadOnlyList<string> words) => _speculation.Any(p => Names(words, p));

    /// <summary>Every word of every other place and every speculation cue: known words that spelling correction must
    /// leave alone ("france" is not a misspelt "finance", nor "better" a misspelt "letter"). Not the venues: a place the
    /// fact base never names stays an unknown word, which counts against an answer.</summary>
    public IEnumerable<string> Words => _places.Concat(_speculation).SelectMany(p => p);

    /// <summary>The other places a text names, each as its normalised words joined by spaces.</summary>
    public IReadOnlyList<string> OtherPlaces(IReadOnlyList<string> words) =>
        [.. _places.Where(p => Names(words, p)).Select(p => string.Join(' ', p))];

    /// <summary>Every place a text names where <paramref name="at"/> accepts the index of its first word, other countries
    /// included (not Japan or the US, which every fact names), each as its normalised words joined by spaces.</summary>
    public IReadOnlyList<string> Places(IReadOnlyList<string> words, Func<int, bool> at) =>
        [.. _places.Concat(_venues).Where(p => Starts(words, p).Any(at)).Select(p => string.Join(' ', p))];

    public static ScopeTable Load(string path)
    {
        const string Expected = "a mapping with an 'other_places' list of names";
        var (root, list) = YamlData.Load<YamlSequenceNode>(path, "other_places", Expected);
        if (list.Any(n => n is not YamlScalarNode { Value: not null }))
        {
            throw new InvalidDataException($"{path}:1: expected {Expected}");
        }

        return new ScopeTable(list.Cast<YamlScalarNode>().Select(n => n.Value!), OptionalList(path, root, "speculation"), OptionalList(path, root, "places"));
    }

    private static IEnumerable<string> OptionalList(string path, YamlMappingNode root, string key)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode(key), out var node))
        {
            return [];
        }

        if (node is not YamlSequenceNode list || list.Any(n => n is not YamlScalarNode { Value: not null }))
        {
            throw new InvalidDataException($"{path}:{node.Start.Line}: '{key}' is a list of words or phrases");
        }

        return list.Cast<YamlScalarNode>().Select(n => n.Value!);
    }
}
