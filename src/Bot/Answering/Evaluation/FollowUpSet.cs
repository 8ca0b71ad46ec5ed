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
            var entry = GoldSet.Entry(path, item, s_keys, "conversation");
            var first = entry.Scalar("first") ?? throw new InvalidDataException($"{path}:{entry.Line}: 'first' is required");
            var then = entry.Scalar("then") ?? throw new InvalidDataException($"{path}:{entry.Line}: 'then' is required");
            result.Add(new GoldConversation(first, new GoldQuestion(then, entry.Expected, entry.Abstain, entry.Split, entry.Line, set)));
        }

        return result;
    }
}
