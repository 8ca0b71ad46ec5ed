using YamlDotNet.RepresentationModel;

namespace Bot.Answering.Evaluation;

/// <summary>One gold question: the fact ids that answer it (any of them is right), or that it must be abstained on.
/// <paramref name="Set"/> names the file it came from (its name without extension).</summary>
internal sealed record GoldQuestion(string Question, IReadOnlyList<string> Expected, bool Abstain, string Split, int Line, string Set = GoldSet.Main)
{
    /// <summary>How eval reports the question's split: "dev" or "test" for the main gold set, "set:split" for the others.</summary>
    public string Label => Set == GoldSet.Main ? Split : $"{Set}:{Split}";
}

/// <summary>
/// A question file such as <c>data/eval/questions.yaml</c> (see <see cref="DefaultFiles"/>): <c>questions:</c> with <c>q</c>, <c>expect</c> (ids) or <c>abstain: true</c>, and
/// <c>split</c> (<c>dev</c> to tune on, <c>test</c> to report). Strict: unknown keys and missing values are errors.
/// </summary>
internal static class GoldSet
{
    public const string Dev = "dev";
    public const string Test = "test";

    /// <summary>The set name of <c>data/eval/questions.yaml</c>, the main gold set.</summary>
    public const string Main = "questions";

    /// <summary>
    /// The gold files <c>bot eval</c> reads by default: the main set, and ten later sets from writers who read only the
    /// fact files. fresh, fresh3, fresh4, fresh5 and fresh7 are dev (calibration data in new writers' wording); fresh2,
    /// fresh6, fresh8 and fresh9 are held out; everyday (short everyday questions) is half dev, half held out.
    /// </summary>
    public static readonly string[] DefaultFiles =
        ["data/eval/questions.yaml", "data/eval/fresh.yaml", "data/eval/fresh2.yaml", "data/eval/fresh3.yaml", "data/eval/fresh4.yaml", "data/eval/everyday.yaml", "data/eval/fresh5.yaml", "data/eval/fresh6.yaml", "data/eval/fresh7.yaml", "data/eval/fresh8.yaml", "data/eval/fresh9.yaml"];

    private static readonly HashSet<string> s_keys = ["q", "expect", "abstain", "split", "note"];

    public static IReadOnlyList<GoldQuestion> Load(string path)
    {
        var (_, items) = YamlData.Load<YamlSequenceNode>(path, "questions", "a mapping with a 'questions' list");

        var set = Path.GetFileNameWithoutExtension(path);
        var result = new List<GoldQuestion>();
        foreach (var item in items)
        {
            var entry = Entry(path, item, s_keys, "question");
            var question = entry.Scalar("q") ?? throw new InvalidDataException($"{path}:{entry.Line}: 'q' is required");
            result.Add(new GoldQuestion(question, entry.Expected, entry.Abstain, entry.Split, entry.Line, set));
        }

        return result;
    }

    /// <summary>One entry of a question file: a mapping of known <paramref name="keys"/> only, with its split (dev or
    /// test) and either expected fact ids or <c>abstain: true</c>. Errors name the file and line.</summary>
    internal static GoldEntry Entry(string path, YamlNode item, IReadOnlySet<string> keys, string what)
    {
        var line = (int)item.Start.Line;
        if (item is not YamlMappingNode map)
        {
            throw new InvalidDataException($"{path}:{line}: each {what} is a mapping");
        }

        foreach (var key in map.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } k } || !keys.Contains(k))
            {
                throw new InvalidDataException($"{path}:{key.Start.Line}: unknown key '{key}'; expected one of: {string.Join(", ", keys)}");
            }
        }

        string? Scalar(string key) => map.Children.TryGetValue(new YamlScalarNode(key), out var v) ? (v as YamlScalarNode)?.Value : null;
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

        return new GoldEntry(line, Scalar, split, expected, abstain);
    }
}

/// <summary>An entry of a question file as <see cref="GoldSet.Entry"/> read it.</summary>
internal sealed record GoldEntry(int Line, Func<string, string?> Scalar, string Split, IReadOnlyList<string> Expected, bool Abstain);
