namespace Bot.Tests;

/// <summary>Finds the repository's folders from the test's output directory.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Facts => Path.Combine(Root, "data", "facts");

    public static string Source => Path.Combine(Root, "src", "Bot");

    /// <summary>The platforms' own specs (Discord OpenAPI, Slack Web API and manifest schemas), kept in the repository.</summary>
    public static string Specs => Path.Combine(Root, "specs");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Bot.sln not found above " + AppContext.BaseDirectory);
    }
}
