using Bot.Answering;
using Bot.Answering.Evaluation;
using Bot.Facts;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Answering;

public sealed class AnswerEngineTests
{
    private static readonly AnsweringLog s_log = new(NullLogger<AnsweringLog>.Instance);

    /// <summary>A provider whose snapshot the test swaps, as a reload would.</summary>
    private sealed class SwappableProvider(FactBase current) : IFactBaseProvider
    {
        public FactBase Current { get; set; } = current;

        public event EventHandler<FactBaseChangedEventArgs>? Changed;

        public void Swap(FactBase next)
        {
            var previous = Current;
            Current = next;
            Changed?.Invoke(this, new FactBaseChangedEventArgs(previous, next));
        }
    }

    private static AnswerEngine Engine(IFactBaseProvider provider, HashingEmbedder embedder) =>
        new(provider, AnswerEngine.Load(AnsweringTestFacts.Options(semantic: true)), new EmbeddingCache(embedder, null, s_log), s_log);

    [Fact]
    public async Task AnswerAsync_AfterReloadWithOneEditedFact_EmbedsOnlyTheChangedText()
    {
        var before = AnsweringTestFacts.Load();
        var embedder = new HashingEmbedder();
        var provider = new SwappableProvider(before);
        var engine = Engine(provider, embedder);
        await engine.WarmUpAsync(CancellationToken.None);
        var first = embedder.SentencesEmbedded;

        using var folder = AnsweringTestFacts.Folder();
        var edited = File.ReadAllText(Path.Combine(folder.Path, "events.yaml")).Replace("setting a 15% tariff", "setting a 15% tariff on most goods", StringComparison.Ordinal);
        folder.Write("events.yaml", edited);
        var after = AnswerHarness.LoadFacts(folder.Path);
        Assert.NotEqual(before.Version, after.Version);
        provider.Swap(after);

        var result = await engine.AnswerAsync("when was the deal announced", CancellationToken.None);

        Assert.Equal("deal-announced", result.Ranked[0].Fact.Id);
        Assert.Same(after, result.Facts);
        // One changed fact text, plus the question itself (questions are embedded, never cached).
        Assert.Equal(first + 1 + 1, embedder.SentencesEmbedded);
    }

    [Fact]
    public async Task AnswerAsync_FactsInJapanese_AnEditIsServedWithOrWithoutANewSnapshotAndABrokenFileKeepsTheLastGood()
    {
        using var folder = AnsweringTestFacts.Folder();
        var before = AnswerHarness.LoadFacts(folder.Path);
        var akazawa = before.Find("ryosei-akazawa")!;
        var path = Path.Combine(folder.Path, "..", $"japanese-answers-{Guid.NewGuid():N}.yaml");
        var written = DateTime.UtcNow.AddMinutes(-10);
        void Write(string content)
        {
            // Each write a distinct write time: the service looks at the file when its time or length changes.
            File.WriteAllText(path, content);
            File.SetLastWriteTimeUtc(path, written = written.AddSeconds(1));
        }

        void WriteJapanese(string title) =>
            Write($"facts:\n  - id: ryosei-akazawa\n    of: {JapaneseAnswers.Fingerprint(akazawa)}\n    title: {title}\n    text: 日本の首席交渉官。\n");
        try
        {
            WriteJapanese("赤沢亮正");
            var provider = new SwappableProvider(before);
            var engine = new AnswerEngine(provider, AnswerEngine.Load(AnsweringTestFacts.Options(semantic: true)), new EmbeddingCache(new HashingEmbedder(), null, s_log), s_log, new JapaneseFacts(path, s_log));
            async Task<string?> TitleAsync() => (await engine.AnswerAsync("赤沢亮正は誰？", CancellationToken.None)).Japanese?.Title;
            Assert.Equal("赤沢亮正", await TitleAsync());

            // A reload after the curator's edit serves the new Japanese.
            WriteJapanese("赤沢亮正（経産相）");
            Reload(" on most goods");
            Assert.Equal("赤沢亮正（経産相）", await TitleAsync());

            // A broken file keeps the last good one.
            Write("facts:\n  - id: [broken\n");
            Reload(" on most goods from Japan");
            Assert.Equal("赤沢亮正（経産相）", await TitleAsync());

            // The Japanese alone edited, the facts as they were: served too.
            WriteJapanese("赤沢亮正氏");
            Assert.Equal("赤沢亮正氏", await TitleAsync());

            // A new snapshot of the facts: another event's text edited, as a curator would.
            void Reload(string edit)
            {
                var events = Path.Combine(folder.Path, "events.yaml");
                folder.Write("events.yaml", File.ReadAllText(events).Replace("setting a 15% tariff", "setting a 15% tariff" + edit, StringComparison.Ordinal));
                var next = AnswerHarness.LoadFacts(folder.Path);
                Assert.NotEqual(provider.Current.Version, next.Version);
                provider.Swap(next);
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task AnswerAsync_SameSnapshot_ReusesTheIndex()
    {
        var embedder = new HashingEmbedder();
        var engine = Engine(new SwappableProvider(AnsweringTestFacts.Load()), embedder);
        await engine.AnswerAsync("round 4", CancellationToken.None);
        var afterFirst = embedder.SentencesEmbedded;
        await engine.AnswerAsync("round 1", CancellationToken.None);
        Assert.Equal(afterFirst + 1, embedder.SentencesEmbedded);
    }

    [Fact]
    public async Task AnswerAsync_EmbedderFails_AnswersWithLexicalRankingOnly()
    {
        var engine = new AnswerEngine(
            new SwappableProvider(AnsweringTestFacts.Load()),
            AnswerEngine.Load(AnsweringTestFacts.Options(semantic: true)),
            new EmbeddingCache(new FailingEmbedder(), null, s_log),
            s_log);
        var result = await engine.AnswerAsync("round 4", CancellationToken.None);
        Assert.Equal("round-4", result.Ranked[0].Fact.Id);
        Assert.Equal(0, result.Ranked[0].Semantic);
    }

    private sealed class FailingEmbedder : ISentenceEmbedder
    {
        public string Model => "broken";

        public float[][] Embed(IReadOnlyList<string> sentences, CancellationToken ct) => throw new InvalidOperationException("model missing");
    }
}
