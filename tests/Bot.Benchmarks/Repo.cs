using Bot.Answering;

namespace Bot.Benchmarks;

/// <summary>The repository's data folders, found from the working directory upward.</summary>
internal static class Repo
{
    public static string Root { get; } = Find();

    public static string Facts => Path.Combine(Root, "data", "facts");

    public static string Questions => Path.Combine(Root, "data", "eval", "questions.yaml");

    public static AnsweringOptions Options(bool semantic, string? cache) => new()
    {
        Semantic = semantic,
        EmbeddingCachePath = cache ?? "none",
        SynonymsPath = Path.Combine(Root, "data", "answering", "synonyms.yaml"),
        ScopePath = Path.Combine(Root, "data", "answering", "scope.yaml"),
        JapanesePath = Path.Combine(Root, "data", "answering", "japanese.yaml"),
        CalibrationPath = Path.Combine(Root, "data", "answering", "calibration.yaml"),
    };

    private static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("Run the benchmarks from inside the repository (Bot.sln not found).");
    }
}
