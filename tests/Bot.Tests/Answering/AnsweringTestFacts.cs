using Bot.Answering;
using Bot.Answering.Evaluation;
using Bot.Facts;

namespace Bot.Tests.Answering;

/// <summary>A small controlled fact base covering every kind, a disputed figure and a yen figure with a source conversion.</summary>
internal static class AnsweringTestFacts
{
    public const string Sources = """
        sources:
          - id: s1
            publisher: Test Wire
            title: Talks article
            url: https://example.org/a
            date: 2025-05-01
          - id: s2
            publisher: White House
            title: Fact sheet
            url: https://example.org/wh
            date: 2025-07-23
          - id: s3
            publisher: Kyodo
            title: Japan response
            url: https://example.org/kyodo
            date: 2025-07-24
        """;

    public const string People = """
        people:
          - id: ryosei-akazawa
            name: Ryosei Akazawa
            side: japan
            text: Japan's chief negotiator in the 2025 tariff talks with the United States.
            roles:
              - title: Minister in charge of economic revitalization
                from: 2024-10
                to: 2025-10-21
                sources: [s1]
              - title: Minister of Economy, Trade and Industry
                from: 2025-10-21
                sources: [s1]
            as_of: 2025-10-21
            sources: [s1]
            aliases: [Akazawa Ryosei, Akazawa, Japan's negotiator]
            phrasings: ["who is akazawa", "who negotiates for japan"]
          - id: scott-bessent
            name: Scott Bessent
            side: us
            text: US Treasury Secretary who led the US side in several rounds.
            roles:
              - title: Secretary of the Treasury
                from: 2025-01-28
                sources: [s1]
            as_of: 2025-05-01
            sources: [s1]
            aliases: [Bessent Scott, Bessent, Treasury Secretary]
            phrasings: ["who is bessent", "who is the treasury secretary"]
          - id: yoshimasa-hayashi
            name: Yoshimasa Hayashi
            side: japan
            text: Chief Cabinet Secretary, the government's top spokesman, who co-chaired the tariff task force.
            roles:
              - title: Chief Cabinet Secretary
                from: 2024-10-01
                sources: [s1]
            statements:
              - date: 2025-07-24
                text: Japan would not raise its host-nation support for US forces just because it was asked.
                sources: [s3]
            as_of: 2025-05-01
            sources: [s1]
            aliases: [Hayashi Yoshimasa, Hayashi, CCS]
            phrasings: ["who is hayashi"]
        """;

    public const string Rounds = """
        rounds:
          - id: round-1
            number: 1
            title: Round 1
            date: 2025-04-16
            place: Washington, D.C.
            japan: [ryosei-akazawa]
            us: [scott-bessent]
            outcome: Both sides agreed to meet again before the end of April.
            text: The first round, where President Trump joined the talks in the Oval Office.
            as_of: 2025-04-17
            sources: [s1]
            phrasings: ["what happened in the first round"]
          - id: round-4
            number: 4
            title: Round 4
            date: 2025-05-30
            place: Washington, D.C.
            japan: [ryosei-akazawa]
            us: [scott-bessent]
            duration: over two hours
            text: Akazawa met Bessent for over two hours; talks were progressing but no details were given.
            as_of: 2025-05-31
            sources: [s1]
            phrasings: ["what happened in round 4"]
        """;

    public const string Events = """
        events:
          - id: deal-announced
            title: Trade deal announced
            date: 2025-07-22
            text: President Trump announced a trade deal with Japan setting a 15% tariff.
            as_of: 2025-07-23
            sources: [s2]
            phrasings: ["when was the deal announced", "when did they reach an agreement"]
        """;

    public const string Figures = """
        figures:
          - id: tariff-japan-autos-15
            title: US tariff on cars from Japan under the deal
            amount:
              value: 15
              unit: percent
              display: 15%
            date: 2025-09-16
            text: Under the deal the US tariff on Japanese cars fell to 15%, including the earlier 2.5%.
            as_of: 2025-09-16
            sources: [s2]
            phrasings: ["what is the car tariff now", "tariff on japanese autos"]
            aliases: [auto tariff, car tariff]
          - id: trade-deficit-seed
            title: US goods trade deficit with Japan
            amount:
              value: 10
              unit: trillion JPY
              display: about ¥10 trillion
              converted: about $69 billion
            date: 2025-06
            text: The US goods trade deficit with Japan is about ¥10 trillion a year.
            as_of: 2025-06-01
            sources: [s1]
            phrasings: ["how big is the trade deficit"]
        """;

    public const string Purchases = """
        purchases:
          - id: us-defense-procurement-14-17bn
            title: US defense equipment purchases
            amount:
              unit: billion USD per year
              display: $14 billion to $17 billion a year
            status: disputed
            date: 2025-07-23
            text: Disputed. The White House says Japan will raise yearly purchases of US defense equipment; Japan says it only explained existing plans.
            claims:
              - by: White House
                text: Japan will raise annual purchases of US defense equipment from $14 billion to $17 billion.
                sources: [s2]
              - by: Government of Japan
                text: Purchases follow the existing defense buildup plan; nothing new was promised.
                sources: [s3]
            as_of: 2025-07-24
            sources: [s2, s3]
            phrasings: ["how much us military equipment will japan buy"]
            aliases: [defense purchases, weapons purchases]
        """;

    public static FactFolder Folder() => new FactFolder()
        .Write("sources.yaml", Sources)
        .Write("people.yaml", People)
        .Write("rounds.yaml", Rounds)
        .Write("events.yaml", Events)
        .Write("figures.yaml", Figures)
        .Write("purchases.yaml", Purchases);

    public static FactBase Load()
    {
        using var folder = Folder();
        return AnswerHarness.LoadFacts(folder.Path);
    }

    /// <summary>The answering engine over these facts, with the hashing embedder; shared, since it is immutable.</summary>
    public static AnswerHarness Harness { get; } = AnswerHarness.Create(Load(), Options(semantic: true), new HashingEmbedder());

    /// <summary>Options for the repository's synonyms, no calibration file (the default model) and no disk cache.</summary>
    public static AnsweringOptions Options(bool semantic) => new()
    {
        Semantic = semantic,
        EmbeddingCachePath = "none",
        SynonymsPath = Path.Combine(RepoPaths.Root, "data", "answering", "synonyms.yaml"),
        ScopePath = Path.Combine(RepoPaths.Root, "data", "answering", "scope.yaml"),
        JapanesePath = Path.Combine(RepoPaths.Root, "data", "answering", "japanese.yaml"),
        CalibrationPath = Path.Combine(RepoPaths.Root, "data", "answering", "no-calibration.yaml"),
        JapaneseAnswersPath = Path.Combine(RepoPaths.Root, "data", "answering", "no-japanese-answers.yaml"),
    };
}

/// <summary>
/// A deterministic stand-in for the sentence model (our own port): hashed bag of word stems, normalised, so similar
/// wording gives similar vectors. Counts calls to check caching.
/// </summary>
internal sealed class HashingEmbedder : ISentenceEmbedder
{
    private const int Dimensions = 256;
    private int _sentences;

    public string Model => "hashing-test";

    public int SentencesEmbedded => _sentences;

    public float[][] Embed(IReadOnlyList<string> sentences, CancellationToken ct)
    {
        Interlocked.Add(ref _sentences, sentences.Count);
        return [.. sentences.Select(Vector)];
    }

    private static float[] Vector(string text)
    {
        var vector = new float[Dimensions];
        foreach (var word in QuestionNormalizer.Words(text).Where(w => !Analyzer.StopWords.Contains(w)).Select(Analyzer.Stem))
        {
            vector[(int)((uint)StableHash(word) % Dimensions)] += 1;
        }

        var norm = MathF.Sqrt(vector.Sum(v => v * v));
        return norm == 0 ? vector : [.. vector.Select(v => v / norm)];
    }

    private static int StableHash(string s)
    {
        unchecked
        {
            var h = 17;
            foreach (var c in s)
            {
                h = (h * 31) + c;
            }

            return h;
        }
    }
}
