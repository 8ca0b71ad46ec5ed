using System.Diagnostics;
using Bot.Facts;
using Microsoft.Extensions.Options;

namespace Bot.Answering;

/// <summary>
/// Keeps one <see cref="FactIndex"/> per fact-base snapshot: built on first use or by the warm-up, rebuilt when the
/// snapshot changes (vectors of unchanged texts come from the cache). Questions on an old snapshot's index finish
/// on it; the next question uses the new one.
/// </summary>
internal sealed class AnswerEngine : IAnswerEngine
{
    private readonly IFactBaseProvider _provider;
    private readonly Analyzer _analyzer;
    private readonly Answerer _answerer;
    private readonly EmbeddingCache? _embeddings;
    private readonly AnsweringLog _log;
    private readonly Lock _gate = new();
    private string? _factsVersion;
    private long _japaneseGeneration = -1;
    private Task<FactIndex>? _index;
    private readonly JapaneseFacts _japanese;

    public AnswerEngine(IFactBaseProvider provider, IOptions<AnsweringOptions> options, ISentenceEmbedder embedder, JapaneseGlossary glossary, JapaneseFacts japanese,
        AnsweringLog log)
        : this(provider, Load(options.Value, glossary), options.Value.Semantic ? new EmbeddingCache(embedder, options.Value.ResolveCachePath(), log) : null, log, japanese)
    {
    }

    /// <param name="japanese">The facts in Japanese; none when null.</param>
    internal AnswerEngine(IFactBaseProvider provider, (Analyzer Analyzer, ConfidenceModel Model) setup, EmbeddingCache? embeddings, AnsweringLog log, JapaneseFacts? japanese = null)
    {
        _provider = provider;
        _analyzer = setup.Analyzer;
        _answerer = new Answerer(setup.Model);
        _embeddings = embeddings;
        _log = log;
        _japanese = japanese ?? JapaneseFacts.None;
    }

    public async Task<AnswerResult> AnswerAsync(string question, CancellationToken ct)
    {
        var (_, result) = await AnswerOnIndexAsync(question, ct);
        _log.Answered(result.Best?.Id, result.Confidence, result.Abstained);
        return result;
    }

    public async Task<FollowUpAnswer> AnswerAsync(string question, PreviousQuestion? previous, CancellationToken ct)
    {
        var index = await IndexAsync().WaitAsync(ct);
        var answer = FollowUps.Answer(index, question, previous, (q, inJapanese) => _answerer.Answer(index, q, _embeddings is null ? null : text => _embeddings.Embed(text, ct), inJapanese));
        _log.Answered(answer.Result.Best?.Id, answer.Result.Confidence, answer.Result.Abstained);
        return answer;
    }

    public async Task<AnswerExplanation> ExplainAsync(string question, CancellationToken ct)
    {
        var (index, result) = await AnswerOnIndexAsync(question, ct);
        return AnswerExplainer.Explain(index, result, _answerer.Model);
    }

    private async Task<(FactIndex, AnswerResult)> AnswerOnIndexAsync(string question, CancellationToken ct)
    {
        var index = await IndexAsync().WaitAsync(ct);
        return (index, _answerer.Answer(index, question, _embeddings is null ? null : text => _embeddings.Embed(text, ct)));
    }

    public Task WarmUpAsync(CancellationToken ct) => IndexAsync().WaitAsync(ct);

    internal Task<FactIndex> IndexAsync()
    {
        lock (_gate)
        {
            // Read under the lock, so that no thread holding an older snapshot or an older reading of the facts in
            // Japanese (edited apart from the fact base: a newer file is a new index too) replaces a newer index.
            var current = _provider.Current;
            var (japanese, generation) = _japanese.Read();
            if (_index is null || _index.IsFaulted || _factsVersion != current.Version || generation > _japaneseGeneration)
            {
                (_factsVersion, _japaneseGeneration) = (current.Version, generation);
                _index = Task.Run(() => Build(current, japanese));
            }

            return _index;
        }
    }

    private FactIndex Build(FactBase facts, JapaneseAnswers japanese)
    {
        var watch = Stopwatch.StartNew();
        if (_japanese.Path is { } path)
        {
            var (inJapanese, stale, missing) = japanese.Tally(facts);
            _log.JapaneseAnswersRead(inJapanese, stale, missing, path);
        }

        FactIndex index;
        try
        {
            index = FactIndex.Build(facts, _analyzer, _embeddings, japanese, CancellationToken.None);
        }
        catch (Exception e) when (_embeddings is not null && e is not OutOfMemoryException)
        {
            _log.SemanticUnavailable(e);
            index = FactIndex.Build(facts, _analyzer, null, japanese, CancellationToken.None);
        }

        _log.IndexBuilt(facts.ShortVersion, watch.ElapsedMilliseconds, facts.Facts.Count, index.Vectors?.Length ?? 0, index.HasSemantic);
        return index;
    }

    /// <summary>The analyzer and confidence model from the data files the options name (the glossary too, unless given).</summary>
    internal static (Analyzer, ConfidenceModel) Load(AnsweringOptions options, JapaneseGlossary? glossary = null)
    {
        var synonymsPath = AnsweringOptions.ResolveDataPath(options.SynonymsPath);
        var synonyms = File.Exists(synonymsPath) ? SynonymTable.Load(synonymsPath) : SynonymTable.Empty;
        var scopePath = AnsweringOptions.ResolveDataPath(options.ScopePath);
        var scope = File.Exists(scopePath) ? ScopeTable.Load(scopePath) : ScopeTable.Empty;
        var japanese = glossary ?? JapaneseGlossary.LoadOrEmpty(AnsweringOptions.ResolveDataPath(options.JapanesePath));
        return (new Analyzer(synonyms, scope, japanese), ConfidenceModel.Load(AnsweringOptions.ResolveDataPath(options.CalibrationPath)));
    }
}
