using YamlDotNet.RepresentationModel;

namespace Bot.Answering;

/// <summary>Reads the answering engine's YAML data files (synonyms, scope, glossary, the facts in Japanese, gold sets).</summary>
internal static class YamlData
{
    /// <summary>
    /// The file's top-level mapping and the <typeparamref name="TNode"/> under <paramref name="key"/>. A file that does
    /// not parse is an error naming the file and the line the parser stopped at; one without that key, or with another
    /// kind of node under it, an error saying what was <paramref name="expected"/> ("a mapping with a 'groups' list").
    /// </summary>
    public static (YamlMappingNode Root, TNode Node) Load<TNode>(string path, string key, string expected)
        where TNode : YamlNode
    {
        using var reader = File.OpenText(path);
        return Load<TNode>(reader, path, key, expected);
    }

    /// <summary>As <see cref="Load{TNode}(string, string, string)"/>, from text already read from <paramref name="path"/>.</summary>
    public static (YamlMappingNode Root, TNode Node) Load<TNode>(TextReader reader, string path, string key, string expected)
        where TNode : YamlNode
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(reader);
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw new InvalidDataException($"{path}:{e.Start.Line}: {e.Message}", e);
        }

        return stream.Documents.Count > 0 && stream.Documents[0].RootNode is YamlMappingNode root
            && root.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is TNode typed
            ? (root, typed)
            : throw new InvalidDataException($"{path}:1: expected {expected}");
    }
}
