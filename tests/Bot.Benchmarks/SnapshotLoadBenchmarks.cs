using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Engines;
using Bot.Answering;
using Bot.Answering.Evaluation;
using Bot.Facts;

namespace Bot.Benchmarks;

/// <summary>
/// Loading a snapshot: the strict YAML load alone, then the answer index without embeddings, with embeddings from the
/// text-hash cache (a restart or a reload of unchanged facts), and with every fact text embedded afresh (first start).
/// The MiniLM model itself is loaded once per process (about a second; see the latency probe) and is not in these numbers.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
[Config(typeof(Percentiles))]
public class SnapshotLoadBenchmarks
{
    private string _cache = "";
    private string _facts = "";

    [GlobalSetup]
    public void Setup()
    {
        _facts = Repo.Facts;
        _cache = Path.Combine(Path.GetTempPath(), "talks-bot-bench", "snapshot-embeddings.bin");
        Directory.CreateDirectory(Path.GetDirectoryName(_cache)!);
        File.Delete(_cache);
        AnswerHarness.Create(AnswerHarness.LoadFacts(_facts), Repo.Options(semantic: true, _cache));
    }

    [Benchmark(Baseline = true)]
    public FactBase LoadFactsOnly() => AnswerHarness.LoadFacts(_facts);

    [Benchmark]
    public object LoadWithoutEmbeddings() => AnswerHarness.Create(AnswerHarness.LoadFacts(_facts), Repo.Options(semantic: false, null));

    [Benchmark]
    public object LoadWithCachedEmbeddings() => AnswerHarness.Create(AnswerHarness.LoadFacts(_facts), Repo.Options(semantic: true, _cache));

    [Benchmark]
    public object LoadEmbeddingEverything() => AnswerHarness.Create(AnswerHarness.LoadFacts(_facts), Repo.Options(semantic: true, null));

    private sealed class Percentiles : BenchmarkDotNet.Configs.ManualConfig
    {
        public Percentiles() => AddColumn(StatisticColumn.P95);
    }
}
