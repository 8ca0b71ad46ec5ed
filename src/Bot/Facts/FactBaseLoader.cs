using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Bot.Facts;

/// <summary>An error in the fact base, with the file and 1-based line it is on.</summary>
public sealed record FactError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}

/// <summary>The outcome of loading a fact-base folder: a snapshot, or every error found.</summary>
public sealed record FactLoadResult(FactBase? FactBase, IReadOnlyList<FactError> Errors)
{
    public bool Succeeded => FactBase is not null;
}

/// <summary>
/// Loads <c>data/facts/*.yaml</c> strictly: unknown keys, missing or dangling ids, duplicate ids, bad dates and
/// empty phrasings are errors naming file and line. All errors are collected, not just the first.
/// </summary>
public sealed class FactBaseLoader(TimeProvider time)
{
    public static readonly IReadOnlyDictionary<string, FactKind> FileKinds = new Dictionary<string, FactKind>(StringComparer.Ordinal)
    {
        ["people"] = FactKind.Person,
        ["rounds"] = FactKind.Round,
        ["events"] = FactKind.Event,
        ["figures"] = FactKind.Figure,
        ["purchases"] = FactKind.Purchase,
    };

    private const string SourcesKey = "sources";

    /// <summary>The most phrasings a fact may have, as data/facts.schema.json says: a curated set, not every question.</summary>
    internal const int MaxPhrasings = 25;

    private static readonly string[] s_commonKeys = ["id", "title", "text", "date", "end_date", "as_of", "sources", "phrasings", "aliases", "people", "claims", "overview"];

    private static readonly Dictionary<FactKind, HashSet<string>> s_allowedKeys = new()
    {
        [FactKind.Person] = [.. s_commonKeys.Where(k => k != "title"), "name", "side", "roles", "statements"],
        [FactKind.Round] = [.. s_commonKeys, "number", "place", "japan", "us", "duration", "topics", "outcome"],
        [FactKind.Event] = [.. s_commonKeys, "in_force"],
        [FactKind.Figure] = [.. s_commonKeys, "amount", "status", "in_force"],
        [FactKind.Purchase] = [.. s_commonKeys, "amount", "status"],
    };

    private static readonly HashSet<string> s_sourceKeys = ["id", "publisher", "title", "url", "date", "note"];
    private static readonly HashSet<string> s_claimKeys = ["by", "text", "sources"];
    private static readonly HashSet<string> s_roleKeys = ["title", "from", "to", "sources"];
    private static readonly HashSet<string> s_statementKeys = ["date", "text", "sources"];
    private static readonly HashSet<string> s_amountKeys = ["value", "unit", "display", "converted"];
    private static readonly HashSet<string> s_overviewKeys = ["names", "parts"];
    private static readonly HashSet<string> s_inForceKeys = ["on", "from", "to"];

    public FactLoadResult Load(string directory)
    {
        var errors = new List<FactError>();
        if (!Directory.Exists(directory))
        {
            errors.Add(new FactError(directory, 0, "fact-base folder not found"));
            return new FactLoadResult(null, errors);
        }

        List<string> files;
        try
        {
            files = [.. Directory.GetFiles(directory, "*.yaml").Order(StringComparer.Ordinal)];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A folder swapped away mid-reload (git checkout, a mounted config being replaced): an error, not a crash.
            errors.Add(new FactError(directory, 0, $"cannot read the fact-base folder: {ex.Message}"));
            return new FactLoadResult(null, errors);
        }
        var sources = new List<(Source Source, int Line, string File)>();
        var facts = new List<Fact>();
        var canonical = new StringBuilder();
        var unreadFacts = 0;

        foreach (var path in files)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var display = DisplayPath(path);
            var reader = new FileReader(display, errors);
            var root = reader.Parse(path);
            if (root is null)
            {
                continue;
            }

            canonical.Append(name).Append('\n').Append(Canonicalize(root)).Append('\n');

            if (name == SourcesKey)
            {
                foreach (var item in reader.TopList(root, SourcesKey))
                {
                    if (reader.ReadSource(item) is { } source)
                    {
                        sources.Add((source, Line(item), display));
                    }
                }
            }
            else if (FileKinds.TryGetValue(name, out var kind))
            {
                foreach (var item in reader.TopList(root, name))
                {
                    if (reader.ReadFact(item, kind) is { } fact)
                    {
                        facts.Add(fact);
                    }
                    else
                    {
                        unreadFacts++;
                    }
                }
            }
            else
            {
                errors.Add(new FactError(display, 1, $"unexpected file '{name}.yaml'; expected one of: sources, {string.Join(", ", FileKinds.Keys)}"));
            }
        }

        if (!files.Any(f => Path.GetFileNameWithoutExtension(f) == SourcesKey))
        {
            errors.Add(new FactError(Path.Combine(directory, "sources.yaml"), 0, "sources.yaml is missing"));
        }

        // A fact that did not parse cites sources we cannot see; "source not cited" would then be noise.
        CheckReferences(facts, sources, errors, checkUnusedSources: unreadFacts == 0);

        if (errors.Count > 0)
        {
            return new FactLoadResult(null, [.. errors.OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line)]);
        }

        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical.ToString())));
        return new FactLoadResult(new FactBase(facts, [.. sources.Select(s => s.Source)], version, time.GetUtcNow()), []);
    }

    private static void CheckReferences(List<Fact> facts, List<(Source Source, int Line, string File)> sources, List<FactError> errors, bool checkUnusedSources)
    {
        var seen = new Dictionary<string, FactLocation>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            if (!seen.TryAdd(fact.Id, fact.Location))
            {
                errors.Add(new FactError(fact.Location.File, fact.Location.Line, $"duplicate id '{fact.Id}' (first defined at {seen[fact.Id]})"));
            }
        }

        var sourceIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (source, line, file) in sources)
        {
            if (!sourceIds.TryAdd(source.Id, line))
            {
                errors.Add(new FactError(file, line, $"duplicate source id '{source.Id}' (first defined at line {sourceIds[source.Id]})"));
            }
        }

        var people = facts.Where(f => f.Kind == FactKind.Person).Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            foreach (var id in fact.AllSourceIds)
            {
                used.Add(id);
                if (!sourceIds.ContainsKey(id))
                {
                    errors.Add(new FactError(fact.Location.File, fact.Location.Line, $"fact '{fact.Id}' cites unknown source '{id}'"));
                }
            }

            foreach (var part in fact.Overview?.Parts ?? [])
            {
                if (part == fact.Id || !seen.ContainsKey(part))
                {
                    errors.Add(new FactError(fact.Location.File, fact.Location.Line, part == fact.Id
                        ? $"fact '{fact.Id}' lists itself in its overview"
                        : $"fact '{fact.Id}' lists unknown fact '{part}' in its overview"));
                }
            }

            if (fact.Overview?.Parts.GroupBy(p => p, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            {
                errors.Add(new FactError(fact.Location.File, fact.Location.Line, $"fact '{fact.Id}' lists '{twice.Key}' twice in its overview"));
            }

            foreach (var person in fact.People.Concat(fact.JapanAttendees).Concat(fact.UsAttendees).Distinct(StringComparer.Ordinal))
            {
                if (!people.Contains(person))
                {
                    errors.Add(new FactError(fact.Location.File, fact.Location.Line, $"fact '{fact.Id}' names unknown person '{person}'"));
                }
            }
        }

        foreach (var (source, line, file) in sources.Where(s => checkUnusedSources && !used.Contains(s.Source.Id)))
        {
            errors.Add(new FactError(file, line, $"source '{source.Id}' is not cited by any fact"));
        }
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    /// <summary>A file's path relative to the working directory when it is under it, else in full.</summary>
    public static string DisplayPath(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? Path.GetFullPath(path) : relative;
    }

    /// <summary>
    /// A canonical text of the YAML tree: mapping keys sorted, scalars as plain values, so that the version
    /// changes with content, not with formatting or comments.
    /// </summary>
    private static string Canonicalize(YamlNode node) => node switch
    {
        YamlScalarNode s => "\"" + (s.Value ?? "").Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
        YamlSequenceNode seq => "[" + string.Join(",", seq.Children.Select(Canonicalize)) + "]",
        YamlMappingNode map => "{" + string.Join(",", map.Children
            .OrderBy(kv => ((YamlScalarNode)kv.Key).Value, StringComparer.Ordinal)
            .Select(kv => Canonicalize(kv.Key) + ":" + Canonicalize(kv.Value))) + "}",
        _ => "",
    };

    /// <summary>Reads one file's nodes, adding errors with file and line instead of throwing.</summary>
    private sealed class FileReader(string file, List<FactError> errors)
    {
        public YamlMappingNode? Parse(string path)
        {
            StreamReader reader;
            try
            {
                reader = new StreamReader(path, Encoding.UTF8);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // Deleted or renamed between listing and opening: report it; the last good snapshot keeps serving.
                Error(0, $"cannot read the file: {ex.Message}");
                return null;
            }

            using var _ = reader;
            var parser = new TrackingParser(new Parser(reader));
            try
            {
                var stream = new YamlStream();
                stream.Load(parser);
                if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
                {
                    Error(1, "expected a mapping with one top-level list");
                    return null;
                }

                return root;
            }
            catch (YamlException ex)
            {
                Error((int)ex.Start.Line, $"YAML syntax error: {ex.InnerException?.Message ?? ex.Message}");
                return null;
            }
            catch (InvalidOperationException ex)
            {
                // YamlDotNet's scanner throws this on some malformed input; the last event read tells where.
                Error(parser.LastLine, $"YAML syntax error after this line: {ex.Message}");
                return null;
            }
        }

        public IEnumerable<YamlMappingNode> TopList(YamlMappingNode root, string key)
        {
            foreach (var (k, _) in root.Children)
            {
                if (Scalar(k) != key)
                {
                    Error(Line(k), $"unknown top-level key '{Scalar(k)}'; expected '{key}'");
                }
            }

            if (!root.Children.TryGetValue(new YamlScalarNode(key), out var list))
            {
                Error(Line(root), $"missing top-level list '{key}'");
                yield break;
            }

            if (list is not YamlSequenceNode seq)
            {
                Error(Line(list), $"'{key}' must be a list");
                yield break;
            }

            foreach (var item in seq.Children)
            {
                if (item is YamlMappingNode map)
                {
                    yield return map;
                }
                else
                {
                    Error(Line(item), "each entry must be a mapping of keys to values");
                }
            }
        }

        public Source? ReadSource(YamlMappingNode node)
        {
            CheckKeys(node, s_sourceKeys, "source");
            var id = RequiredString(node, "id");
            var publisher = RequiredString(node, "publisher");
            var title = RequiredString(node, "title");
            var urlText = RequiredString(node, "url");
            var date = RequiredDate(node, "date");
            Uri? url = null;
            if (urlText is not null && !(Uri.TryCreate(urlText, UriKind.Absolute, out url) && url.Scheme is "http" or "https"))
            {
                Error(Line(Get(node, "url")!), $"url '{urlText}' is not an absolute http(s) address");
                url = null;
            }

            return id is null || publisher is null || title is null || url is null || date is null
                ? null
                : new Source(id, publisher, title, url, date.Value, OptionalString(node, "note"));
        }

        public Fact? ReadFact(YamlMappingNode node, FactKind kind)
        {
            CheckKeys(node, s_allowedKeys[kind], kind.ToString().ToLowerInvariant());
            var id = RequiredString(node, "id");
            if (id is not null && !IsKebab(id))
            {
                Error(Line(Get(node, "id")!), $"id '{id}' must be lowercase kebab-case (a-z, 0-9, '-')");
            }

            var title = RequiredString(node, kind == FactKind.Person ? "name" : "title");
            var text = RequiredString(node, "text");
            var asOf = RequiredDate(node, "as_of");
            var sources = StringList(node, "sources", required: true);
            var phrasings = StringList(node, "phrasings", required: true);
            if (phrasings is { Count: > MaxPhrasings })
            {
                Error(Line(Get(node, "phrasings")!), $"{phrasings.Count} phrasings, more than the {MaxPhrasings} a fact may have");
            }

            var date = kind is FactKind.Round or FactKind.Event ? RequiredDate(node, "date") : OptionalDate(node, "date");
            var endDate = OptionalDate(node, "end_date");
            if (date is not null && endDate is not null && endDate < date)
            {
                Error(Line(Get(node, "end_date")!), $"end_date {endDate} is before date {date}");
            }

            var side = kind == FactKind.Person ? ReadSide(node) : null;
            int? number = null;
            if (Get(node, "number") is { } numberNode)
            {
                if (int.TryParse(Scalar(numberNode), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
                {
                    number = n;
                }
                else
                {
                    Error(Line(numberNode), $"number '{Scalar(numberNode)}' must be a positive whole number");
                }
            }

            if (id is null || title is null || text is null || asOf is null || sources is null || phrasings is null)
            {
                return null;
            }

            return new Fact
            {
                Id = id,
                Kind = kind,
                Title = title,
                Text = text,
                Date = date,
                EndDate = endDate,
                AsOf = asOf.Value,
                SourceIds = sources,
                Phrasings = phrasings,
                Aliases = StringList(node, "aliases", required: false) ?? [],
                People = StringList(node, "people", required: false) ?? [],
                Claims = ReadList(node, "claims", ReadClaim),
                Side = side,
                Roles = ReadList(node, "roles", ReadRole),
                Statements = ReadList(node, "statements", ReadStatement),
                Number = number,
                Place = OptionalString(node, "place"),
                JapanAttendees = StringList(node, "japan", required: false) ?? [],
                UsAttendees = StringList(node, "us", required: false) ?? [],
                Duration = OptionalString(node, "duration"),
                Topics = StringList(node, "topics", required: false) ?? [],
                Outcome = OptionalString(node, "outcome"),
                Amount = Get(node, "amount") is { } amount ? ReadAmount(amount) : null,
                Status = OptionalString(node, "status"),
                Overview = Get(node, "overview") is { } overview ? ReadOverview(overview) : null,
                InForce = Get(node, "in_force") is { } inForce ? ReadInForce(inForce) : null,
                Location = new FactLocation(file, Line(node)),
            };
        }

        private Side? ReadSide(YamlMappingNode node)
        {
            var text = RequiredString(node, "side");
            switch (text)
            {
                case null:
                    return null;
                case "japan":
                    return Side.Japan;
                case "us":
                    return Side.UnitedStates;
                case "other":
                    return Side.Other;
                default:
                    Error(Line(Get(node, "side")!), $"side '{text}' must be one of: japan, us, other");
                    return null;
            }
        }

        private Claim? ReadClaim(YamlMappingNode node)
        {
            CheckKeys(node, s_claimKeys, "claim");
            var by = RequiredString(node, "by");
            var text = RequiredString(node, "text");
            var sources = StringList(node, "sources", required: true);
            return by is null || text is null || sources is null ? null : new Claim(by, text, sources);
        }

        private Role? ReadRole(YamlMappingNode node)
        {
            CheckKeys(node, s_roleKeys, "role");
            var title = RequiredString(node, "title");
            var from = OptionalDate(node, "from");
            var to = OptionalDate(node, "to");
            var sources = StringList(node, "sources", required: true);
            if (from is not null && to is not null && to < from)
            {
                Error(Line(Get(node, "to")!), $"role ends ({to}) before it starts ({from})");
            }

            return title is null || sources is null ? null : new Role(title, from, to, sources);
        }

        private Statement? ReadStatement(YamlMappingNode node)
        {
            CheckKeys(node, s_statementKeys, "statement");
            var date = RequiredDate(node, "date");
            var text = RequiredString(node, "text");
            var sources = StringList(node, "sources", required: true);
            return date is null || text is null || sources is null ? null : new Statement(date.Value, text, sources);
        }

        private Overview? ReadOverview(YamlNode node)
        {
            if (node is not YamlMappingNode map)
            {
                Error(Line(node), "overview must be a mapping with names and parts");
                return null;
            }

            CheckKeys(map, s_overviewKeys, "overview");
            var names = StringList(map, "names", required: true);
            var parts = StringList(map, "parts", required: true);
            return names is null || parts is null ? null : new Overview(names, parts);
        }

        private InForce? ReadInForce(YamlNode node)
        {
            if (node is not YamlMappingNode map)
            {
                Error(Line(node), "in_force must be a mapping with on (the goods) and, optionally, from and to");
                return null;
            }

            CheckKeys(map, s_inForceKeys, "in_force");
            var on = StringList(map, "on", required: true);
            var from = OptionalDate(map, "from");
            var to = OptionalDate(map, "to");
            if (from is not null && to is not null && to < from)
            {
                Error(Line(Get(map, "to")!), $"in_force ends ({to}) before it starts ({from})");
            }

            return on is null ? null : new InForce(on, from, to);
        }

        private Amount? ReadAmount(YamlNode node)
        {
            if (node is not YamlMappingNode map)
            {
                Error(Line(node), "amount must be a mapping with unit and display");
                return null;
            }

            CheckKeys(map, s_amountKeys, "amount");
            decimal? value = null;
            if (Get(map, "value") is { } valueNode)
            {
                if (decimal.TryParse(Scalar(valueNode), NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
                {
                    value = v;
                }
                else
                {
                    Error(Line(valueNode), $"amount value '{Scalar(valueNode)}' is not a number");
                }
            }

            var unit = RequiredString(map, "unit");
            var display = RequiredString(map, "display");
            return unit is null || display is null ? null : new Amount(value, unit, display, OptionalString(map, "converted"));
        }

        private List<T> ReadList<T>(YamlMappingNode node, string key, Func<YamlMappingNode, T?> read)
            where T : class
        {
            if (Get(node, key) is not { } list)
            {
                return [];
            }

            if (list is not YamlSequenceNode seq)
            {
                Error(Line(list), $"'{key}' must be a list");
                return [];
            }

            var items = new List<T>();
            foreach (var child in seq.Children)
            {
                if (child is not YamlMappingNode map)
                {
                    Error(Line(child), $"each entry of '{key}' must be a mapping");
                }
                else if (read(map) is { } item)
                {
                    items.Add(item);
                }
            }

            return items;
        }

        private void CheckKeys(YamlMappingNode node, HashSet<string> allowed, string what)
        {
            foreach (var (key, _) in node.Children)
            {
                var name = Scalar(key);
                if (name is null || !allowed.Contains(name))
                {
                    Error(Line(key), $"unknown key '{name}' in {what}; allowed: {string.Join(", ", allowed.Order(StringComparer.Ordinal))}");
                }
            }
        }

        private string? RequiredString(YamlMappingNode node, string key)
        {
            if (Get(node, key) is not { } value)
            {
                Error(Line(node), $"missing required key '{key}'");
                return null;
            }

            var text = Scalar(value);
            if (string.IsNullOrWhiteSpace(text))
            {
                Error(Line(value), $"'{key}' must be non-empty text");
                return null;
            }

            return text.Trim();
        }

        private string? OptionalString(YamlMappingNode node, string key)
        {
            if (Get(node, key) is not { } value)
            {
                return null;
            }

            var text = Scalar(value);
            if (string.IsNullOrWhiteSpace(text))
            {
                Error(Line(value), $"'{key}' must be non-empty text when present");
                return null;
            }

            return text.Trim();
        }

        private PartialDate? RequiredDate(YamlMappingNode node, string key)
        {
            if (Get(node, key) is null)
            {
                Error(Line(node), $"missing required date '{key}'");
                return null;
            }

            return OptionalDate(node, key);
        }

        private PartialDate? OptionalDate(YamlMappingNode node, string key)
        {
            if (Get(node, key) is not { } value)
            {
                return null;
            }

            var text = Scalar(value);
            if (!PartialDate.TryParse(text, out var date))
            {
                Error(Line(value), $"'{key}' has bad date '{text}'; expected YYYY-MM-DD, YYYY-MM or YYYY");
                return null;
            }

            return date;
        }

        private List<string>? StringList(YamlMappingNode node, string key, bool required)
        {
            if (Get(node, key) is not { } value)
            {
                if (required)
                {
                    Error(Line(node), $"missing required list '{key}'");
                }

                return null;
            }

            if (value is not YamlSequenceNode seq)
            {
                Error(Line(value), $"'{key}' must be a list");
                return null;
            }

            var items = new List<string>();
            foreach (var child in seq.Children)
            {
                var text = Scalar(child);
                if (string.IsNullOrWhiteSpace(text))
                {
                    Error(Line(child), $"'{key}' has an empty entry");
                }
                else
                {
                    items.Add(text.Trim());
                }
            }

            if (required && seq.Children.Count == 0)
            {
                Error(Line(value), $"'{key}' must not be empty");
                return null;
            }

            return items;
        }

        private static YamlNode? Get(YamlMappingNode node, string key) =>
            node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

        private static string? Scalar(YamlNode node) => node is YamlScalarNode s ? s.Value : null;

        private static bool IsKebab(string id) =>
            id.Length > 0 && id[0] is >= 'a' and <= 'z' or >= '0' and <= '9'
            && id.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-');

        private void Error(int line, string message) => errors.Add(new FactError(file, line, message));
    }

    /// <summary>Remembers the line of the last event read, for errors YamlDotNet reports without a position.</summary>
    private sealed class TrackingParser(IParser inner) : IParser
    {
        public int LastLine { get; private set; } = 1;

        public YamlDotNet.Core.Events.ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            var moved = inner.MoveNext();
            if (inner.Current is { } current)
            {
                LastLine = (int)current.End.Line;
            }

            return moved;
        }
    }
}
