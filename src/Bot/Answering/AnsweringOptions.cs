using System.ComponentModel.DataAnnotations;

namespace Bot.Answering;

/// <summary>The <c>Answering</c> configuration section.</summary>
public sealed class AnsweringOptions
{
    public const string Section = "Answering";

    /// <summary>Synonym groups (YAML). Relative paths resolve like <c>Facts__Path</c>.</summary>
    [Required]
    public string SynonymsPath { get; set; } = "data/answering/synonyms.yaml";

    /// <summary>Places outside the talks (YAML), a confidence feature.</summary>
    [Required]
    public string ScopePath { get; set; } = "data/answering/scope.yaml";

    /// <summary>Japanese terms and their English readings (YAML), for questions in Japanese script.</summary>
    [Required]
    public string JapanesePath { get; set; } = "data/answering/japanese.yaml";

    /// <summary>The facts in Japanese (YAML), for answering questions asked in Japanese script.</summary>
    [Required]
    public string JapaneseAnswersPath { get; set; } = "data/answering/japanese-answers.yaml";

    /// <summary>Confidence weights and threshold fitted by <c>bot eval --calibrate</c> on the dev split.</summary>
    [Required]
    public string CalibrationPath { get; set; } = "data/answering/calibration.yaml";

    /// <summary>Rank with sentence embeddings as well as BM25. Off: lexical only (and lower confidence).</summary>
    public bool Semantic { get; set; } = true;

    /// <summary>File of cached fact vectors keyed by text hash; empty: a file in the temp folder; "none": memory only.</summary>
    public string? EmbeddingCachePath { get; set; }

    /// <summary>ONNX Runtime intra-op threads for the embedding model; 0: its default.</summary>
    [Range(0, 64)]
    public int EmbeddingThreads { get; set; }

    /// <summary>
    /// Keep the questions Discord and Slack users ask that the engine abstains on (the words, platform, time, confidence
    /// and suggestions; never who asked or where), for <c>bot unanswered</c>. Off by default: an operator turns it on
    /// and tells the users.
    /// </summary>
    public bool RecordUnanswered { get; set; }

    /// <summary>
    /// Read a Discord or Slack question with the asker's last one in the channel ("and round 6?" after "when was round
    /// 4"), which is then kept in the database for ten minutes under a hash of who asked where. On by default; off, every
    /// question stands alone and none is kept.
    /// </summary>
    public bool FollowUps { get; set; } = true;

    /// <summary>Days an unanswered question is kept after it was last asked.</summary>
    [Range(1, 3650)]
    public int UnansweredRetentionDays { get; set; } = 90;

    public string? ResolveCachePath() => EmbeddingCachePath switch
    {
        null or "" => Path.Combine(Path.GetTempPath(), "talks-bot", "embeddings-minilm.bin"),
        "none" => null,
        var path => path,
    };

    /// <summary>A relative data path against the working directory and its parents, then the app folder.</summary>
    public static string ResolveDataPath(string path)
    {
        if (Path.IsPathRooted(path))
        {
            return path;
        }

        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, path);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return Path.Combine(AppContext.BaseDirectory, path);
    }
}
