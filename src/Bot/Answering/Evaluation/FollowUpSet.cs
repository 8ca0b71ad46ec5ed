using YamlDotNet.RepresentationModel;

namespace Bot.Answering.Evaluation;

/// <summary>A two-turn conversation: a question, then a follow-up (<see cref="FollowUp"/>, whose expected facts and
/// split are the gold's) that leans on it.</summary>
internal sealed record GoldConversation(string First, GoldQuestion FollowUp);

/// <summary>
/// <c>data/eval/followups.yaml</c>: <c>conversations:</c> with <c>first</c>, <c>then</c>, <c>expect</c> (ids) or
/// <c>abstain: true</c> for the follow-up as meant after the first question, and <c>split</c>. Strict, as
/// <see cref="GoldSet"/> is.
/// </summary>
internal static class FollowUpSet
{
    public const string DefaultFile = "data/eval/followups.yaml";

    private static readonly HashSet<string> s_keys = ["first", "then", "expect", "abstain", "split", "note"];

    public static IReadOnlyList<GoldConversation> Load(string path)
    {
        var (_, items) = YamlData.Load<YamlSequenceNode>(path, "conversations", "a mapping with a 'conversations' list");
        var set = Path.GetFileNameWithoutExtension(path);
        var result = new List<GoldConversation>();
        foreach (var item in items)
        {
            var line = (int)item.Start.Line;
            if (item is not YamlMappingNode map)
            {
                throw new InvalidDataException($"{path}:{line}: each conversation is a mapping");
            }

            foreach (var key in map.Children.Keys)
            {
                if (key is not YamlScalarNode { Value: { } k } || !s_keys.Contains(k))
                {
                    throw new InvalidDataException($"{path}:{key.Start.Line}: unknown key '{key}'; expected one of: {string.Join(", ", s_keys)}");
                }
            }

            string? Scalar(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;
            var first = Scalar("first") ?? throw new InvalidDataException($"{path}:{line}: 'first' is required");
            var then = Scalar("then") ?? throw new InvalidDataException($"{path}:{line}: 'then' is required");
            var split = Scalar("split") ?? throw new InvalidDataException($"{path}:{line}: 'split' is required (dev or test)");
            if (split is not (GoldSet.Dev or GoldSet.Test))
            {
                throw new InvalidDataException($"{path}:{line}: split must be dev or test");
            }

            var abstain = Scalar("abstain") is "true";
            IReadOnlyList<string> expected = map.Children.TryGetValue(new YamlScalarNode("expect"), out var e) && e is YamlSequenceNode seq
                ? [.. seq.OfType<YamlScalarNode>().Select(s => s.Value!)]
                : [];
            if (abstain == (expected.Count > 0))
            {
                throw new InvalidDataException($"{path}:{line}: give either 'expect' (fact ids) or 'abstain: true'");
            }

            result.Add(new GoldConversation(first, new GoldQuestion(then, expected, abstain, split, line, set)));
        }

        return result;
    }
}
