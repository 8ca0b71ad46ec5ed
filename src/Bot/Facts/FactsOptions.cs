using System.ComponentModel.DataAnnotations;

namespace Bot.Facts;

/// <summary>The <c>Facts</c> configuration section.</summary>
public sealed class FactsOptions
{
    public const string Section = "Facts";

    /// <summary>Folder of the fact-base YAML files. Relative paths are tried against the working directory, then the app folder.</summary>
    [Required]
    public string Path { get; set; } = "data/facts";

    /// <summary>Reload when a file in the folder changes.</summary>
    public bool Watch { get; set; } = true;

    /// <summary>Quiet period after a file change before reloading, so an editor's save-in-steps loads once.</summary>
    [Range(0, 60_000)]
    public int ReloadDelayMilliseconds { get; set; } = 500;

    /// <summary>
    /// Resolves <see cref="Path"/>: an absolute path as given; a relative one against the working directory and its
    /// parents (so <c>dotnet run --project src/Bot</c> finds the repository's <c>data/facts</c> and reloads on edits),
    /// then against the app's folder, where the build copies the bundled fact base.
    /// </summary>
    public string ResolvePath()
    {
        if (System.IO.Path.IsPathRooted(Path))
        {
            return Path;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, Path);
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, "*.yaml").Any())
            {
                return candidate;
            }
        }

        return System.IO.Path.Combine(AppContext.BaseDirectory, Path);
    }
}
