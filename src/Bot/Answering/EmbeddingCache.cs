using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Bot.Answering;

/// <summary>
/// Vectors by SHA-256 of (model, text), so a reload embeds only the texts that changed. Optionally persisted to one
/// file, so a restart embeds nothing it has seen before. A missing or unreadable file is just an empty cache.
/// </summary>
internal sealed class EmbeddingCache(ISentenceEmbedder embedder, string? path, AnsweringLog log)
{
    // Version 2 stores each vector's length with it (version 1 assumed one length for all, which a model change broke).
    private static readonly byte[] s_magic = "TALKSEMB2"u8.ToArray();
    private const int MaxDimensions = 8192;

    private readonly ConcurrentDictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly Lock _fileGate = new();
    private bool _fileRead;

    public int Count => _vectors.Count;

    public ISentenceEmbedder Embedder => embedder;

    /// <summary>Vectors for every text, embedding (in batches) only those not cached yet.</summary>
    public float[][] GetOrEmbed(IReadOnlyList<string> texts, CancellationToken ct)
    {
        ReadFileOnce();
        var keys = texts.Select(Key).ToArray();
        // Batches of similar length: the model pads every text of a batch to the longest one.
        var missing = keys.Select((k, i) => (k, i)).Where(x => !_vectors.ContainsKey(x.k)).DistinctBy(x => x.k)
            .OrderBy(x => texts[x.i].Length).ToList();
        if (missing.Count > 0)
        {
            const int batch = 16; // 16 measured fastest on 2 cores of 8, 16, 32 and 64 (snapshot-load benchmark)
            for (var start = 0; start < missing.Count; start += batch)
            {
                var chunk = missing.Skip(start).Take(batch).ToList();
                var vectors = embedder.Embed([.. chunk.Select(x => texts[x.i])], ct);
                for (var j = 0; j < chunk.Count; j++)
                {
                    _vectors[chunk[j].k] = vectors[j];
                }
            }

            log.Embedded(missing.Count, texts.Count);
            WriteFile();
        }

        return [.. keys.Select(k => _vectors[k])];
    }

    /// <summary>Does the cache hold a vector for every text (read from its file, if it has not been yet)?</summary>
    public bool Holds(IEnumerable<string> texts)
    {
        ReadFileOnce();
        return texts.All(t => _vectors.ContainsKey(Key(t)));
    }

    /// <summary>One vector, not cached (questions are rarely asked twice word for word).</summary>
    public float[] Embed(string text, CancellationToken ct) => embedder.Embed([text], ct)[0];

    private string Key(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(embedder.Model + "\n" + text)));

    private void ReadFileOnce()
    {
        lock (_fileGate)
        {
            if (_fileRead || string.IsNullOrEmpty(path))
            {
                _fileRead = true;
                return;
            }

            _fileRead = true;
            if (!File.Exists(path))
            {
                return;
            }

            try
            {
                using var reader = new BinaryReader(File.OpenRead(path));
                if (!reader.ReadBytes(s_magic.Length).AsSpan().SequenceEqual(s_magic))
                {
                    log.CacheUnreadable(path, "not a version-2 embedding cache (an older version, or another file); the texts are embedded again");
                    return;
                }

                var count = reader.ReadInt32();
                for (var i = 0; i < count; i++)
                {
                    var key = reader.ReadString();
                    var dimensions = reader.ReadInt32();
                    if (dimensions is <= 0 or > MaxDimensions)
                    {
                        throw new InvalidDataException($"vector {i} claims {dimensions} dimensions");
                    }

                    var vector = new float[dimensions];
                    for (var d = 0; d < dimensions; d++)
                    {
                        vector[d] = reader.ReadSingle();
                    }

                    _vectors[key] = vector;
                }

                log.CacheRead(count, path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or InvalidDataException)
            {
                log.CacheUnreadable(path, e.Message);
                _vectors.Clear();
            }
        }
    }

    private void WriteFile()
    {
        if (string.IsNullOrEmpty(path))
        {
            return;
        }

        lock (_fileGate)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                var snapshot = _vectors.ToArray();
                var temp = $"{path}.{Guid.NewGuid():N}.tmp";
                using (var writer = new BinaryWriter(File.Create(temp)))
                {
                    writer.Write(s_magic);
                    writer.Write(snapshot.Length);
                    foreach (var (key, vector) in snapshot)
                    {
                        writer.Write(key);
                        writer.Write(vector.Length);
                        foreach (var value in vector)
                        {
                            writer.Write(value);
                        }
                    }
                }

                File.Move(temp, path, overwrite: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                log.CacheUnwritable(path, e.Message);
            }
        }
    }
}
