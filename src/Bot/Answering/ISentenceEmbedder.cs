namespace Bot.Answering;

/// <summary>Turns sentences into unit-length vectors whose dot product is their cosine similarity.</summary>
public interface ISentenceEmbedder
{
    /// <summary>A name for the model; cached vectors are kept per model.</summary>
    string Model { get; }

    float[][] Embed(IReadOnlyList<string> sentences, CancellationToken ct);
}
