using System.Security.Cryptography;
using System.Text;
using Bot.Facts;
using YamlDotNet.RepresentationModel;

namespace Bot.Answering;

/// <summary>A fact's title, text, claims and status in Japanese, for answering a question asked in Japanese script.</summary>
/// <param name="Claims">The Japanese of each of the fact's claims, in the fact's order.</param>
/// <param name="Status">The Japanese of the fact's status; null when it has none.</param>
internal sealed record JapaneseAnswer(string Title, string Text, IReadOnlyList<string> Claims, string? Status = null)
{
    /// <summary>The people an event involves, by their names in Japanese where they have one (set when answering).</summary>
    public IReadOnlyList<string> People { get; init; } = [];
}

/// <summary>
/// The facts in Japanese (<c>data/answering/japanese-answers.yaml</c>): a question typed in Japanese script is
/// answered in Japanese where the fact has a translation. Each translation records, as <c>of</c>, the fingerprint of
/// the English it was written from (<see cref="Fingerprint"/>); once the English changes, the translation is stale and
/// the answer is given in English until a curator updates it. A stale translation is never shown: it would state what
/// the fact base no longer says.
/// </summary>
internal sealed class JapaneseAnswers
{
    public static readonly JapaneseAnswers Empty = new(new Dictionary<string, Entry>());

    private readonly Dictionary<string, Entry> _entries;

    private JapaneseAnswers(Dictionary<string, Entry> entries) => _entries = entries;

    /// <summary>The fact in Japanese, or null when it has no translation or its English has changed since.</summary>
    public JapaneseAnswer? For(Fact fact) =>
        _entries.TryGetValue(fact.Id, out var entry) && Mismatch(entry, fact) is null ? entry.Answer : null;

    /// <summary>
    /// Why the entry does not translate the fact as it is, or null when it does: it was written from other English
    /// (the message gives the fingerprint now), or it lacks the fact's parts (a claim for each claim, a status when the
    /// fact has one, none when it has not).
    /// </summary>
    private static string? Mismatch(Entry entry, Fact fact)
    {
        var now = Fingerprint(fact);
        return entry.Of != now ? $"'{fact.Id}' was translated from other English (of: {entry.Of}); the English is now of: {now}"
            : entry.Answer.Claims.Count != fact.Claims.Count ? $"'{fact.Id}' has {entry.Answer.Claims.Count} claims in Japanese, the fact {fact.Claims.Count}"
            : (entry.Answer.Status is null) == (fact.Status is null) ? null
            : $"'{fact.Id}' {(fact.Status is null ? "has a status in Japanese, the fact none" : "has no status in Japanese")}";
    }

    /// <summary>How many of the facts are answered in Japanese, have a stale entry, or have none.</summary>
    public (int Current, int Stale, int Missing) Tally(FactBase facts)
    {
        var current = facts.Facts.Count(f => For(f) is not null);
        var missing = facts.Facts.Count(f => !_entries.ContainsKey(f.Id));
        return (current, facts.Facts.Count - current - missing, missing);
    }

    /// <summary>
    /// What a curator must fix against a fact base, as <c>file:line: message</c> texts: translations of facts it does
    /// not have, stale translations (with the fingerprint of the English now), claims that do not match the fact's
    /// claims in number, a status the fact has and the entry not (or the other way round), and facts with no translation.
    /// </summary>
    public IReadOnlyList<string> Problems(FactBase facts, string path)
    {
        var problems = new List<string>();
        foreach (var (id, entry) in _entries.OrderBy(e => e.Value.Line))
        {
            if ((facts.Find(id) is { } fact ? Mismatch(entry, fact) : $"no fact '{id}' in the fact base") is { } problem)
            {
                problems.Add($"{path}:{entry.Line}: {problem}");
            }
        }

        problems.AddRange(facts.Facts.Where(f => !_entries.ContainsKey(f.Id))
            .Select(f => $"{f.Location.File}:{f.Location.Line}: '{f.Id}' has no Japanese in {path}; it is answered in English"));
        return problems;
    }

    /// <summary>
    /// The first 8 bytes, in hex, of the SHA-256 of what the Japanese translates or states: the fact's English title,
    /// text, claims and status, its figure as displayed and converted, and its dates, one per line (line breaks inside a
    /// text count as spaces). Aliases, questions and sources are not translated, and change nothing.
    /// </summary>
    public static string Fingerprint(Fact fact)
    {
        var english = string.Join('\n', new[] { fact.Title, fact.Text }
            .Concat(fact.Claims.Select(c => c.Text))
            .Append(fact.Status ?? "")
            .Append(fact.Amount is { } amount ? $"{amount.Display} {amount.Converted}" : "")
            .Append($"{fact.Date} {fact.EndDate}")
            .Select(t => t.ReplaceLineEndings(" ").Trim()));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(english)).AsSpan(0, 8));
    }

    public static JapaneseAnswers LoadOrEmpty(string path) => File.Exists(path) ? Load(path) : Empty;

    public static JapaneseAnswers Load(string path)
    {
        using var reader = File.OpenText(path);
        return Load(reader, path);
    }

    /// <summary>The facts in Japanese from text read from <paramref name="path"/> (named in errors).</summary>
    public static JapaneseAnswers Load(TextReader reader, string path)
    {
        var (_, list) = YamlData.Load<YamlSequenceNode>(reader, path, "facts", "a mapping with a 'facts' list");

        var entries = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var item in list.Children)
        {
            var line = (int)item.Start.Line;
            if (item is not YamlMappingNode map)
            {
                throw new InvalidDataException($"{path}:{line}: each entry is a mapping of id, of, title, text and, as the fact has them, claims and status");
            }

            foreach (var key in map.Children.Keys)
            {
                if (key is not YamlScalarNode { Value: "id" or "of" or "title" or "text" or "claims" or "status" })
                {
                    throw new InvalidDataException($"{path}:{key.Start.Line}: unknown key '{key}'; expected id, of, title, text, claims, status");
                }
            }

            var id = Scalar(map, "id", path, line);
            var of = Scalar(map, "of", path, line);
            if (of.Length != 16 || !of.All(Uri.IsHexDigit))
            {
                throw new InvalidDataException($"{path}:{line}: 'of' is the 16 hex digits of the English's fingerprint");
            }

            var claims = new List<string>();
            if (map.Children.TryGetValue(new YamlScalarNode("claims"), out var claimsNode))
            {
                if (claimsNode is not YamlSequenceNode sequence || sequence.Children.Any(c => c is not YamlScalarNode { Value.Length: > 0 }))
                {
                    throw new InvalidDataException($"{path}:{claimsNode.Start.Line}: 'claims' is a list of texts");
                }

                claims.AddRange(sequence.Children.Select(c => ((YamlScalarNode)c).Value!.Trim()));
            }

            var status = map.Children.ContainsKey(new YamlScalarNode("status")) ? Scalar(map, "status", path, line) : null;
            var answer = new JapaneseAnswer(Scalar(map, "title", path, line), Scalar(map, "text", path, line), claims, status);
            if (!entries.TryAdd(id, new Entry(of.ToLowerInvariant(), answer, line)))
            {
                throw new InvalidDataException($"{path}:{line}: '{id}' is translated twice");
            }
        }

        return new JapaneseAnswers(entries);
    }

    private static string Scalar(YamlMappingNode map, string key, string path, int line) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) && node is YamlScalarNode { Value: { } value } && value.Trim().Length > 0
            ? value.Trim()
            : throw new InvalidDataException($"{path}:{line}: '{key}' is required");

    private sealed record Entry(string Of, JapaneseAnswer Answer, int Line);
}
