using Bot.Facts;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Answering.Evaluation;

/// <summary>
/// The engine without a host, for <c>bot eval</c>, the quality gate and the benchmarks: loads a fact-base folder,
/// the synonyms and calibration, and builds the index (with MiniLM vectors unless semantic ranking is off).
/// </summary>
internal sealed class AnswerHarness
{
    private AnswerHarness(FactBase facts, FactIndex index, Answerer answerer, EmbeddingCache? embeddings)
    {
        Facts = facts;
        Index = index;
        Answerer = answerer;
        Embeddings = embeddings;
    }

    public FactBase Facts { get; }
    public FactIndex Index { get; }
    public Answerer Answerer { get; }
    public EmbeddingCache? Embeddings { get; }

    public Evaluator Evaluator => new(Index, Answerer, Embeddings);

    public static FactBase LoadFacts(string path)
    {
        var result = new FactBaseLoader(TimeProvider.System).Load(path);
        return result.FactBase ?? throw new InvalidDataException(
            $"The fact base at {path} did not load:{Environment.NewLine}{string.Join(Environment.NewLine, result.Errors)}");
    }

    public static AnswerHarness Create(FactBase facts, AnsweringOptions options, ISentenceEmbedder? embedder = null, ConfidenceModel? model = null)
    {
        var (analyzer, calibrated) = AnswerEngine.Load(options);
        EmbeddingCache? cache = null;
        if (options.Semantic)
        {
            embedder ??= new MiniLmEmbedder(options.EmbeddingThreads);
            cache = new EmbeddingCache(embedder, options.ResolveCachePath(), new AnsweringLog(NullLogger<AnsweringLog>.Instance));
        }

        var japanese = JapaneseAnswers.LoadOrEmpty(AnsweringOptions.ResolveDataPath(options.JapaneseAnswersPath));
        var index = FactIndex.Build(facts, analyzer, cache, japanese, CancellationToken.None);
        return new AnswerHarness(facts, index, new Answerer(model ?? calibrated), cache);
    }

    public AnswerResult Answer(string question, CancellationToken ct = default) => Answerer.Answer(Index, question, Embed(ct));

    /// <summary>Answers a question that may follow on from <paramref name="previous"/>, as the service does.</summary>
    public FollowUpAnswer Answer(string question, PreviousQuestion? previous, CancellationToken ct = default) =>
        FollowUps.Answer(Index, question, previous, (q, inJapanese) => Answerer.Answer(Index, q, Embed(ct), inJapanese));

    private Func<string, float[]>? Embed(CancellationToken ct) => Embeddings is null ? null : text => Embeddings.Embed(text, ct);

    public AnswerHarness WithModel(ConfidenceModel model) => new(Facts, Index, new Answerer(model, Answerer.Weights), Embeddings);

    public AnswerHarness WithWeights(RankingWeights weights) => new(Facts, Index, new Answerer(Answerer.Model, weights), Embeddings);
}
