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

    /// <summary>Resolves <see cref="Path"/>: as given if it exists, else relative to the app's folder (where the bundled copy is).</summary>
    public string ResolvePath()
    {
        if (System.IO.Path.IsPathRooted(Path) || Directory.Exists(Path))
        {
            return System.IO.Path.GetFullPath(Path);
        }

        var bundled = System.IO.Path.Combine(AppContext.BaseDirectory, Path);
        return Directory.Exists(bundled) ? bundled : System.IO.Path.GetFullPath(Path);
    }
}
