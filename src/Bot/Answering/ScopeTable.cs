using YamlDotNet.RepresentationModel;

namespace Bot.Answering;

/// <summary>
/// Places outside the talks (<c>data/answering/scope.yaml</c>): countries and blocs other than Japan and the US.
/// A question naming one that the best fact does not name is likely about someone else's tariffs.
/// </summary>
internal sealed class ScopeTable(IEnumerable<string> otherPlaces)
{
    public static readonly ScopeTable Empty = new([]);

    private readonly List<string[]> _places = [.. otherPlaces.Select(p => QuestionNormalizer.Words(p).ToArray()).Where(w => w.Length > 0)];

    /// <summary>Every word of every other place: known words that spelling correction must leave alone ("france" is not
    /// a misspelt "finance").</summary>
    public IEnumerable<string> Words => _places.SelectMany(p => p);

    /// <summary>The other places a text names, each as its normalised words joined by spaces.</summary>
    public IReadOnlyList<string> OtherPlaces(IReadOnlyList<string> words)
    {
        var found = new List<string>();
        foreach (var place in _places)
        {
            for (var i = 0; i + place.Length <= words.Count; i++)
            {
                if (place.Select((w, j) => words[i + j] == w).All(x => x))
                {
                    found.Add(string.Join(' ', place));
                    break;
                }
            }
        }

        return found;
    }

    public static ScopeTable Load(string path)
    {
        using var reader = File.OpenText(path);
        var stream = new YamlStream();
        stream.Load(reader);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("other_places"), out var node) || node is not YamlSequenceNode list
            || list.Any(n => n is not YamlScalarNode { Value: not null }))
        {
            throw new InvalidDataException($"{path}:1: expected a mapping with an 'other_places' list of names");
        }

        return new ScopeTable(list.Cast<YamlScalarNode>().Select(n => n.Value!));
    }
}
