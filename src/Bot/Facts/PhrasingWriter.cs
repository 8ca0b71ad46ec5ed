namespace Bot.Facts;

/// <summary>
/// Adds a curated question to one fact in its YAML file, after the fact's last phrasing, leaving every other line as
/// written (comments, order, folding, line endings). The caller checks that the result still loads.
/// </summary>
internal static class PhrasingWriter
{
    /// <summary>The file's text with <paramref name="question"/> added to the fact whose item starts on
    /// <paramref name="factLine"/> (1-based, the <c>- id:</c> line).</summary>
    /// <exception cref="InvalidDataException">The line does not start a fact, or it has no phrasings as a block list.</exception>
    public static string Add(string yaml, int factLine, string question)
    {
        var newline = yaml.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = yaml.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var start = factLine - 1;
        if (start < 0 || start >= lines.Count || lines[start].TrimStart() is not { } first || !first.StartsWith("- id:", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"line {factLine} does not start a fact ('- id: ...')");
        }

        var itemIndent = Indent(lines[start]);
        var keyIndent = itemIndent + 2;

        // The fact ends before the next line (not blank) indented no deeper than its "- id:": the next fact, a comment
        // heading the next group, or the next top-level key.
        var end = start + 1;
        while (end < lines.Count && (lines[end].Trim().Length == 0 || Indent(lines[end]) > itemIndent))
        {
            end++;
        }

        var key = Enumerable.Range(start + 1, end - start - 1).FirstOrDefault(i => Indent(lines[i]) == keyIndent && lines[i].TrimStart().StartsWith("phrasings:", StringComparison.Ordinal), -1);
        if (key < 0)
        {
            // The loader requires every fact to have phrasings, so a fact without a list is not one it loaded.
            throw new InvalidDataException($"line {factLine}: this fact has no 'phrasings:' list");
        }

        if (lines[key].Trim() != "phrasings:")
        {
            throw new InvalidDataException($"line {key + 1}: the phrasings of this fact are not a block list ('- \"...\"' lines); add the question by hand");
        }

        // After the list's last line: the items and any continuation lines, all indented deeper than the key; at the
        // indent of its items.
        var after = key + 1;
        var lastItem = key;
        var indent = keyIndent + 2;
        while (after < end && (lines[after].Trim().Length == 0 || Indent(lines[after]) > keyIndent))
        {
            if (lines[after].Trim().Length > 0)
            {
                lastItem = after;
                if (lines[after].TrimStart().StartsWith("- ", StringComparison.Ordinal))
                {
                    indent = Indent(lines[after]);
                }
            }

            after++;
        }

        lines.Insert(lastItem + 1, new string(' ', indent) + "- " + YamlText.Quote(question));
        return string.Join(newline, lines);
    }

    private static int Indent(string line) => line.Length - line.TrimStart(' ').Length;
}
