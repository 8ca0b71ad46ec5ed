using Bot.Answering;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Answering;

public sealed class EmbeddingCacheTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "emb-" + Guid.NewGuid().ToString("N") + ".bin");
    private static readonly AnsweringLog s_log = new(NullLogger<AnsweringLog>.Instance);

    [Fact]
    public void GetOrEmbed_SameTextsTwice_EmbedsOnce()
    {
        var embedder = new HashingEmbedder();
        var cache = new EmbeddingCache(embedder, null, s_log);
        var first = cache.GetOrEmbed(["round 4", "car tariff"], CancellationToken.None);
        var second = cache.GetOrEmbed(["car tariff", "round 4"], CancellationToken.None);
        Assert.Equal(2, embedder.SentencesEmbedded);
        Assert.Equal(first[0], second[1]);
    }

    [Fact]
    public void GetOrEmbed_OneTextChanged_EmbedsOnlyThatText()
    {
        var embedder = new HashingEmbedder();
        var cache = new EmbeddingCache(embedder, null, s_log);
        cache.GetOrEmbed(["a fact", "another fact", "third fact"], CancellationToken.None);
        cache.GetOrEmbed(["a fact", "another fact, edited", "third fact"], CancellationToken.None);
        Assert.Equal(4, embedder.SentencesEmbedded);
    }

    [Fact]
    public void GetOrEmbed_NewProcessWithSameFile_EmbedsNothing()
    {
        new EmbeddingCache(new HashingEmbedder(), _path, s_log).GetOrEmbed(["round 4", "car tariff"], CancellationToken.None);
        var fresh = new HashingEmbedder();
        var vectors = new EmbeddingCache(fresh, _path, s_log).GetOrEmbed(["round 4", "car tariff"], CancellationToken.None);
        Assert.Equal(0, fresh.SentencesEmbedded);
        Assert.Equal(2, vectors.Length);
    }

    [Fact]
    public void GetOrEmbed_CorruptFile_IsIgnoredAndRewritten()
    {
        File.WriteAllText(_path, "not a cache");
        var embedder = new HashingEmbedder();
        new EmbeddingCache(embedder, _path, s_log).GetOrEmbed(["round 4"], CancellationToken.None);
        Assert.Equal(1, embedder.SentencesEmbedded);
        var again = new HashingEmbedder();
        new EmbeddingCache(again, _path, s_log).GetOrEmbed(["round 4"], CancellationToken.None);
        Assert.Equal(0, again.SentencesEmbedded);
    }

    public void Dispose()
    {
        if (File.Exists(_path))
        {
            File.Delete(_path);
        }
    }
}
