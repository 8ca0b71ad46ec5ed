using System.Diagnostics;
using System.Globalization;
using Bot.Answering;
using Bot.Answering.Evaluation;

namespace Bot.Benchmarks;

/// <summary>
/// Percentiles BenchmarkDotNet does not give for a mixed set: every gold question answered several times in a
/// shuffled order, each timed alone; also the model's first load and the first question after it; and the follow-ups
/// of data/eval/followups*.yaml asked in context and alone.
/// </summary>
internal static class LatencyProbe
{
    public static int Run(TextWriter output)
    {
        var model = Stopwatch.StartNew();
        var embedder = new MiniLmEmbedder();
        embedder.Embed(["warm up"], CancellationToken.None);
        var modelLoad = model.Elapsed.TotalMilliseconds;

        var cold = Stopwatch.StartNew();
        AnswerHarness.Create(AnswerHarness.LoadFacts(Repo.Facts), Repo.Options(semantic: true, null), embedder);
        var coldLoad = cold.Elapsed.TotalMilliseconds;

        var load = Stopwatch.StartNew();
        var harness = AnswerHarness.Create(AnswerHarness.LoadFacts(Repo.Facts), Repo.Options(semantic: true, Path.Combine(Path.GetTempPath(), "talks-bot-bench", "embeddings.bin")), embedder);
        var snapshot = load.Elapsed.TotalMilliseconds;

        var questions = GoldSet.Load(Repo.Questions).Select(q => q.Question).ToList();
        foreach (var q in questions)
        {
            harness.Answer(q);
        }

        var random = new Random(42);
        var times = new List<double>();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        for (var pass = 0; pass < 5; pass++)
        {
            foreach (var q in questions.OrderBy(_ => random.Next()))
            {
                var watch = Stopwatch.StartNew();
                harness.Answer(q);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var perQuestion = (GC.GetAllocatedBytesForCurrentThread() - allocated) / (double)times.Count;
        times.Sort();
        double P(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model load + first embedding: {modelLoad:F0} ms; snapshot load embedding every text: {coldLoad:F0} ms; with cached vectors: {snapshot:F0} ms"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{times.Count} answers ({questions.Count} gold questions x 5, shuffled): mean {times.Average():F2} ms, p50 {P(0.50):F2}, p95 {P(0.95):F2}, p99 {P(0.99):F2}, max {times[^1]:F2} ms; {perQuestion / 1024:F0} KB allocated per answer"));
        // Follow-ups: each asked after its conversation's first question (every reading answered in turn, as the
        // service does) and, side by side in the same run, alone.
        var conversations = new[] { "followups.yaml", "followups2.yaml" }
            .SelectMany(f => FollowUpSet.Load(Path.Combine(Path.GetDirectoryName(Repo.Questions)!, f)))
            .Select(c => (Previous: new PreviousQuestion(c.First, harness.Answer(c.First).Best?.Id), Question: c.FollowUp.Question))
            .ToList();
        var inContext = new List<double>();
        var alone = new List<double>();
        for (var pass = 0; pass < 5; pass++)
        {
            foreach (var (previous, question) in conversations.OrderBy(_ => random.Next()))
            {
                var watch = Stopwatch.StartNew();
                harness.Answer(question, previous);
                inContext.Add(watch.Elapsed.TotalMilliseconds);
                watch.Restart();
                harness.Answer(question);
                alone.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        foreach (var (name, series) in new[] { ("follow-ups in context", inContext), ("the same alone", alone) })
        {
            series.Sort();
            double Q(double p) => series[Math.Min(series.Count - 1, (int)Math.Ceiling(p * series.Count) - 1)];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{series.Count} {name} ({conversations.Count} conversations x 5, shuffled): mean {series.Average():F2} ms, p50 {Q(0.50):F2}, p95 {Q(0.95):F2}, p99 {Q(0.99):F2}, max {series[^1]:F2} ms"));
        }

        // The follow-up memory's cost per question on the default database: one read and one write on a SQLite file.
        var folder = Directory.CreateTempSubdirectory("talks-bot-memory");
        try
        {
            using var store = new Bot.Storage.SqliteStore($"Data Source={Path.Combine(folder.FullName, "bot.db")}", new Bot.Storage.StorageLog(Microsoft.Extensions.Logging.Abstractions.NullLogger<Bot.Storage.StorageLog>.Instance));
            var memory = new Bot.Commands.ConversationMemory(store, TimeProvider.System, new Bot.Commands.CommandsLog(Microsoft.Extensions.Logging.Abstractions.NullLogger<Bot.Commands.CommandsLog>.Instance));
            var askers = Enumerable.Range(0, 200).Select(i => new Bot.Commands.CommandContext(Bot.Commands.Platform.Discord, "guild", "channel", $"{100000000000000000 + i}", false)).ToList();
            memory.RememberAsync(askers[0], new PreviousQuestion("warm up", null), CancellationToken.None).GetAwaiter().GetResult();
            var turns = new List<double>();
            for (var pass = 0; pass < 5; pass++)
            {
                foreach (var asker in askers)
                {
                    var watch = Stopwatch.StartNew();
                    memory.RecallAsync(asker, CancellationToken.None).GetAwaiter().GetResult();
                    memory.RememberAsync(asker, new PreviousQuestion("when was round 4", "round-4"), CancellationToken.None).GetAwaiter().GetResult();
                    turns.Add(watch.Elapsed.TotalMilliseconds);
                }
            }

            turns.Sort();
            double T(double p) => turns[Math.Min(turns.Count - 1, (int)Math.Ceiling(p * turns.Count) - 1)];
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{turns.Count} follow-up memory turns (recall + remember, SQLite file): mean {turns.Average():F2} ms, p50 {T(0.50):F2}, p95 {T(0.95):F2}, p99 {T(0.99):F2} ms"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }

        output.WriteLine($"machine: {Environment.ProcessorCount} logical cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, {System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription}");
        return 0;
    }
}
