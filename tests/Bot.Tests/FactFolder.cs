namespace Bot.Tests;

/// <summary>A temporary fact-base folder for tests; files are written verbatim so line numbers are known.</summary>
internal sealed class FactFolder : IDisposable
{
    public const string MinimalSources = """
        sources:
          - id: s1
            publisher: Test Wire
            title: A test article
            url: https://example.org/a
            date: 2025-05-01
        """;

    public const string MinimalPeople = """
        people:
          - id: ryosei-akazawa
            name: Ryosei Akazawa
            side: japan
            text: Japan's chief negotiator.
            roles:
              - title: Minister in charge of economic revitalization
                from: 2024-10
                to: 2025-10-21
                sources: [s1]
            as_of: 2025-05-01
            sources: [s1]
            aliases: [Akazawa Ryosei, Akazawa]
            phrasings: ["who is akazawa"]
        """;

    public FactFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "facts-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public static FactFolder Minimal()
    {
        var folder = new FactFolder();
        folder.Write("sources.yaml", MinimalSources);
        folder.Write("people.yaml", MinimalPeople);
        return folder;
    }

    public FactFolder Write(string file, string content)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, file), content.ReplaceLineEndings("\n") + "\n");
        return this;
    }

    /// <summary>The path the loader reports for a file of this folder (relative to the working directory).</summary>
    public string Display(string file) => Bot.Facts.FactBaseLoader.DisplayPath(System.IO.Path.Combine(Path, file));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind harms nothing.
        }
    }
}
