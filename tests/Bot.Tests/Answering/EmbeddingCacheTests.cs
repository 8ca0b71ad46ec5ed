using Bot.Answering;
using Microsoft.Extensions.Logging;
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

    [Fact]
    public void GetOrEmbed_TwoModelsOfDifferentWidthsShareAFile_BothReadBack()
    {
        new EmbeddingCache(new HashingEmbedder(), _path, s_log).GetOrEmbed(["round 4"], CancellationToken.None);
        new EmbeddingCache(new ConstantEmbedder(), _path, s_log).GetOrEmbed(["round 4"], CancellationToken.None);
        var hashing = new HashingEmbedder();
        var constant = new ConstantEmbedder();
        var narrow = new EmbeddingCache(constant, _path, s_log).GetOrEmbed(["round 4"], CancellationToken.None);
        var wide = new EmbeddingCache(hashing, _path, s_log).GetOrEmbed(["round 4"], CancellationToken.None);
        Assert.Equal((0, 0), (hashing.SentencesEmbedded, constant.Embedded));
        Assert.Equal(ConstantEmbedder.Width, narrow[0].Length);
        Assert.NotEqual(ConstantEmbedder.Width, wide[0].Length);
    }

    [Theory]
    [InlineData(new byte[] { 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF })]
    [InlineData(new byte[] { 1, 0, 0, 0, 1, (byte)'k', 0xFF, 0xFF, 0xFF, 0x7F })]
    public void GetOrEmbed_GarbageAfterAValidHeader_IsAnEmptyCache(byte[] body)
    {
        File.WriteAllBytes(_path, [.. "TALKSEMB2"u8.ToArray(), .. body]);
        var embedder = new HashingEmbedder();
        var vectors = new EmbeddingCache(embedder, _path, s_log).GetOrEmbed(["round 4"], CancellationToken.None);
        Assert.Equal(1, embedder.SentencesEmbedded);
        Assert.Single(vectors);
    }

    [Fact]
    public void GetOrEmbed_FileOfAnOlderVersion_IsReembeddedAndSaysSo()
    {
        File.WriteAllBytes(_path, [.. "TALKSEMB1"u8.ToArray(), 0, 0, 0, 0]);
        using var logs = new Bot.Tests.Slack.CapturingLoggerProvider();
        using var factory = LoggerFactory.Create(b => b.AddProvider(logs));
        var embedder = new HashingEmbedder();
        new EmbeddingCache(embedder, _path, new AnsweringLog(factory.CreateLogger<AnsweringLog>())).GetOrEmbed(["round 4"], CancellationToken.None);
        Assert.Equal(1, embedder.SentencesEmbedded);
        Assert.Contains(logs.Lines, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("not a version-2 embedding cache", StringComparison.Ordinal));
    }

    private sealed class ConstantEmbedder : ISentenceEmbedder
    {
        public const int Width = 3;

        public int Embedded { get; private set; }

        public string Model => "constant-test";

        public float[][] Embed(IReadOnlyList<string> sentences, CancellationToken ct)
        {
            Embedded += sentences.Count;
            return [.. sentences.Select(_ => new float[] { 1, 0, 0 })];
        }
    }

    public void Dispose()
    {
        if (File.Exists(_path))
        {
            File.Delete(_path);
        }
    }
}
