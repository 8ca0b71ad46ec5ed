namespace Bot.Answering;

/// <summary>
/// Forms of one word, for reading a question's words in a fact's clauses: "cap" in "capped", "post" in "posted". Only
/// "-ed" and "-ing" forms; the analyzer has already taken off a plural "-s".
/// </summary>
internal static class WordForms
{
    /// <summary>Are two terms forms of one word: the same, or the same once an ending ("-ed", "-ing") is taken off either
    /// ("cap", "capped"; "offered", "offering"; "rate", "rated"; "use", "used")? Not a word that merely begins another
    /// ("plan", "plane"; "off", "offer"; "see", "seek"; "join", "joint"). Words under three letters only as they are.</summary>
    public static bool SameWord(string a, string b) => a == b || Roots(a).Overlaps(Roots(b));

    /// <summary>A word's possible roots of three letters or more: itself, and without "-ing" or "-ed" (the analyzer has
    /// already taken off a plural "-s"), as it is, with an "e" put back ("rated" → "rate") or a doubled last letter undone
    /// ("capped" → "cap"); "used" → "use", but not "seed" → "see".</summary>
    public static HashSet<string> Roots(string word)
    {
        var roots = new HashSet<string>(StringComparer.Ordinal);
        if (word.Length < 3)
        {
            return roots;
        }

        roots.Add(word);
        foreach (var ending in (string[])["ing", "ed"])
        {
            if (!word.EndsWith(ending, StringComparison.Ordinal))
            {
                continue;
            }

            if (ending == "ed" && !word.EndsWith("eed", StringComparison.Ordinal) && word.Length - 1 >= 3)
            {
                roots.Add(word[..^1]);
            }

            var root = word[..^ending.Length];
            if (root.Length < 3)
            {
                continue;
            }

            roots.Add(root);
            roots.Add(root + "e");
            if (root.Length >= 4 && root[^1] == root[^2])
            {
                roots.Add(root[..^1]);
            }
        }

        return roots;
    }

    /// <summary>The terms and every root of each (<see cref="Roots"/>), built once for a clause so that a question's term
    /// is looked up in it (<see cref="IsFormIn"/>) rather than compared with each of its terms.</summary>
    public static HashSet<string> Of(IEnumerable<string> terms)
    {
        var forms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            forms.Add(term);
            forms.UnionWith(Roots(term));
        }

        return forms;
    }

    /// <summary>Is the term, whose <paramref name="roots"/> are given, a form of one of the words whose
    /// <paramref name="forms"/> these are: <see cref="SameWord"/> with any of them?</summary>
    public static bool IsFormIn(string term, HashSet<string> roots, IReadOnlySet<string> forms) => forms.Contains(term) || roots.Overlaps(forms);
}
