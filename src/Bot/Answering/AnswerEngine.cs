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
    private readonly string? _japanesePath;

    /// <summary>The facts in Japanese as last read without error (kept when a later read fails), and by which build.</summary>
    private JapaneseAnswers _japanese = JapaneseAnswers.Empty;
    private long _japaneseGeneration;

    /// <summary>Counts the index builds started, so a late one cannot undo a newer one's reading.</summary>
    private long _generation;

    public AnswerEngine(IFactBaseProvider provider, IOptions<AnsweringOptions> options, ISentenceEmbedder embedder, JapaneseGlossary glossary, AnsweringLog log)
        : this(provider, Load(options.Value, glossary), options.Value.Semantic ? new EmbeddingCache(embedder, options.Value.ResolveCachePath(), log) : null, log,
            AnsweringOptions.ResolveDataPath(options.Value.JapaneseAnswersPath))
    {
    }

    /// <param name="japanesePath">The facts in Japanese (<see cref="JapaneseAnswers"/>), read again for each snapshot; none
    /// when null.</param>
    internal AnswerEngine(IFactBaseProvider provider, (Analyzer Analyzer, ConfidenceModel Model) setup, EmbeddingCache? embeddings, AnsweringLog log, string? japanesePath = null)
    {
        _provider = provider;
        _analyzer = setup.Analyzer;
        _answerer = new Answerer(setup.Model);
        _embeddings = embeddings;
        _log = log;
        _japanesePath = japanesePath;
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

        // The facts in Japanese are edited apart from the fact base (a curator brings a stale entry up to date): a newer
        // file is a new snapshot too.
        var version = _japanesePath is null ? current.Version : $"{current.Version} {JapaneseStamp(_japanesePath)}";
        lock (_gate)
        {
            if (_index is null || _version != version || _index.IsFaulted)
            {
                _version = version;
                var generation = ++_generation;
                _index = Task.Run(() => Build(current, generation));
            }

            return _index;
        }
    }

    private static long JapaneseStamp(string path)
    {
        try
        {
            return File.GetLastWriteTimeUtc(path).Ticks;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private FactIndex Build(FactBase facts, long generation)
    {
        var watch = Stopwatch.StartNew();
        var japanese = ReadJapanese(facts, generation);
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

    /// <summary>
    /// The facts in Japanese, read with each snapshot, so a curator's update of the Japanese is served without a restart;
    /// a file that does not read keeps the last one that did (a stale entry is never shown anyway). A build that started
    /// earlier than the one that last read the file does not replace what that one read. The log says how many facts
    /// are answered in Japanese.
    /// </summary>
    private JapaneseAnswers ReadJapanese(FactBase facts, long generation)
    {
        if (_japanesePath is null)
        {
            return JapaneseAnswers.Empty;
        }

        JapaneseAnswers japanese;
        try
        {
            japanese = JapaneseAnswers.LoadOrEmpty(_japanesePath);
            lock (_gate)
            {
                if (generation > _japaneseGeneration)
                {
                    (_japanese, _japaneseGeneration) = (japanese, generation);
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            _log.JapaneseAnswersUnreadable(_japanesePath, e.Message);
            lock (_gate)
            {
                japanese = _japanese;
            }
        }

        var (current, stale, missing) = japanese.Tally(facts);
        _log.JapaneseAnswersRead(current, stale, missing, _japanesePath);
        return japanese;
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
