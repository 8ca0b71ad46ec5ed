using YamlDotNet.RepresentationModel;

namespace Bot.Answering.Evaluation;

/// <summary>One gold question: the fact ids that answer it (any of them is right), or that it must be abstained on.</summary>
internal sealed record GoldQuestion(string Question, IReadOnlyList<string> Expected, bool Abstain, string Split, int Line);

/// <summary>
/// <c>data/eval/questions.yaml</c>: <c>questions:</c> with <c>q</c>, <c>expect</c> (ids) or <c>abstain: true</c>, and
/// <c>split</c> (<c>dev</c> to tune on, <c>test</c> to report). Strict: unknown keys and missing values are errors.
/// </summary>
internal static class GoldSet
{
    public const string Dev = "dev";
    public const string Test = "test";

    private static readonly HashSet<string> s_keys = ["q", "expect", "abstain", "split", "note"];

    public static IReadOnlyList<GoldQuestion> Load(string path)
    {
        using var reader = File.OpenText(path);
        var stream = new YamlStream();
        stream.Load(reader);
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root
            || !root.Children.TryGetValue(new YamlScalarNode("questions"), out var node) || node is not YamlSequenceNode items)
        {
            throw new InvalidDataException($"{path}:1: expected a mapping with a 'questions' list");
        }

        var result = new List<GoldQuestion>();
        foreach (var item in items)
        {
            var line = (int)item.Start.Line;
            if (item is not YamlMappingNode map)
            {
                throw new InvalidDataException($"{path}:{line}: each question is a mapping");
            }

            foreach (var key in map.Children.Keys)
            {
                if (key is not YamlScalarNode { Value: { } k } || !s_keys.Contains(k))
                {
                    throw new InvalidDataException($"{path}:{key.Start.Line}: unknown key '{key}'; expected one of: {string.Join(", ", s_keys)}");
                }
            }

            string? Scalar(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;
            var question = Scalar("q") ?? throw new InvalidDataException($"{path}:{line}: 'q' is required");
            var split = Scalar("split") ?? throw new InvalidDataException($"{path}:{line}: 'split' is required (dev or test)");
            if (split is not (Dev or Test))
            {
                throw new InvalidDataException($"{path}:{line}: split must be dev or test");
            }

            var abstain = Scalar("abstain") is "true";
            IReadOnlyList<string> expected = map.Children.TryGetValue(new YamlScalarNode("expect"), out var e)
                ? e switch
                {
                    YamlSequenceNode seq => [.. seq.OfType<YamlScalarNode>().Select(s => s.Value!)],
                    YamlScalarNode { Value: { } one } => [one],
                    _ => [],
                }
                : [];
            if (abstain == (expected.Count > 0))
            {
                throw new InvalidDataException($"{path}:{line}: give either 'expect' (fact ids) or 'abstain: true'");
            }

            result.Add(new GoldQuestion(question, expected, abstain, split, line));
        }

        return result;
    }
}
