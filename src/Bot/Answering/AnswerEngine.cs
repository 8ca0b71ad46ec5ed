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
    private string? _version;
    private Task<FactIndex>? _index;

    public AnswerEngine(IFactBaseProvider provider, IOptions<AnsweringOptions> options, ISentenceEmbedder embedder, JapaneseGlossary glossary, AnsweringLog log)
        : this(provider, Load(options.Value, glossary), options.Value.Semantic ? new EmbeddingCache(embedder, options.Value.ResolveCachePath(), log) : null, log)
    {
    }

    internal AnswerEngine(IFactBaseProvider provider, (Analyzer Analyzer, ConfidenceModel Model) setup, EmbeddingCache? embeddings, AnsweringLog log)
    {
        _provider = provider;
        _analyzer = setup.Analyzer;
        _answerer = new Answerer(setup.Model);
        _embeddings = embeddings;
        _log = log;
    }

    public async Task<AnswerResult> AnswerAsync(string question, CancellationToken ct)
    {
        var index = await IndexAsync().WaitAsync(ct);
        var result = _answerer.Answer(index, question, _embeddings is null ? null : text => _embeddings.Embed(text, ct));
        _log.Answered(result.Best?.Id, result.Confidence, result.Abstained);
        return result;
    }

    public Task WarmUpAsync(CancellationToken ct) => IndexAsync().WaitAsync(ct);

    internal Task<FactIndex> IndexAsync()
    {
        var current = _provider.Current;
        lock (_gate)
        {
            if (_index is null || _version != current.Version || _index.IsFaulted)
            {
                _version = current.Version;
                _index = Task.Run(() => Build(current));
            }

            return _index;
        }
    }

    private FactIndex Build(FactBase facts)
    {
        var watch = Stopwatch.StartNew();
        FactIndex index;
        try
        {
            index = FactIndex.Build(facts, _analyzer, _embeddings, CancellationToken.None);
        }
        catch (Exception e) when (_embeddings is not null && e is not OutOfMemoryException)
        {
            _log.SemanticUnavailable(e);
            index = FactIndex.Build(facts, _analyzer, null, CancellationToken.None);
        }

        _log.IndexBuilt(facts.ShortVersion, watch.ElapsedMilliseconds, facts.Facts.Count, index.Vectors?.Length ?? 0, index.HasSemantic);
        return index;
    }

    /// <summary>The analyzer and confidence model from the data files the options name (the glossary too, unless given,
    /// and the facts in Japanese).</summary>
    internal static (Analyzer, ConfidenceModel) Load(AnsweringOptions options, JapaneseGlossary? glossary = null)
    {
        var synonymsPath = AnsweringOptions.ResolveDataPath(options.SynonymsPath);
        var synonyms = File.Exists(synonymsPath) ? SynonymTable.Load(synonymsPath) : SynonymTable.Empty;
        var scopePath = AnsweringOptions.ResolveDataPath(options.ScopePath);
        var scope = File.Exists(scopePath) ? ScopeTable.Load(scopePath) : ScopeTable.Empty;
        var japanese = glossary ?? JapaneseGlossary.LoadOrEmpty(AnsweringOptions.ResolveDataPath(options.JapanesePath));
        var answers = JapaneseAnswers.LoadOrEmpty(AnsweringOptions.ResolveDataPath(options.JapaneseAnswersPath));
        return (new Analyzer(synonyms, scope, japanese, answers), ConfidenceModel.Load(AnsweringOptions.ResolveDataPath(options.CalibrationPath)));
    }
}
