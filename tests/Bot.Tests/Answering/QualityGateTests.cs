using Bot.Answering;
using Bot.Answering.Evaluation;

namespace Bot.Tests.Answering;

/// <summary>
/// The real engine (MiniLM loaded once for the whole run) over the repository's fact base, synonyms and calibration.
/// Vectors are cached on disk by text hash, so only the first run on a machine embeds the facts.
/// </summary>
public sealed class RealEngineFixture
{
    public RealEngineFixture()
    {
        Options = new AnsweringOptions
        {
            SynonymsPath = Path.Combine(RepoPaths.Root, "data", "answering", "synonyms.yaml"),
            ScopePath = Path.Combine(RepoPaths.Root, "data", "answering", "scope.yaml"),
            JapanesePath = Path.Combine(RepoPaths.Root, "data", "answering", "japanese.yaml"),
            JapaneseAnswersPath = Path.Combine(RepoPaths.Root, "data", "answering", "japanese-answers.yaml"),
            CalibrationPath = Path.Combine(RepoPaths.Root, "data", "answering", "calibration.yaml"),
        };
        Harness = AnswerHarness.Create(AnswerHarness.LoadFacts(RepoPaths.Facts), Options);
        Gold = GoldSet.Load(Path.Combine(RepoPaths.Root, "data", "eval", "questions.yaml"));
    }

    public AnsweringOptions Options { get; }

    internal AnswerHarness Harness { get; }

    internal IReadOnlyList<GoldQuestion> Gold { get; }
}

[CollectionDefinition(Name)]
public sealed class RealEngineGroup : ICollectionFixture<RealEngineFixture>
{
    public const string Name = "real answering engine";
}

/// <summary>
/// The quality gate: the held-out test split of the gold questions, the held-out sets data/eval/fresh2.yaml, fresh6.yaml,
/// fresh8.yaml and fresh9.yaml, the held-out parts of data/eval/everyday.yaml and japanese.yaml, and the held-out curated phrasings
/// must keep the quality reached when this gate was set, so a fact-base or engine change that breaks answers fails CI. Thresholds are the measured values, not goals.
/// </summary>
[Collection(RealEngineGroup.Name)]
public sealed class QualityGateTests(RealEngineFixture engine)
{
    // Measured on the test split (300 questions: the first 179, plus 121 from the second batch of independently written
    // questions; threshold 0.87, confidence fitted on 1,934 dev questions) when the gate was last set (fifth session of
    // 2026-11-26): top-1 79.8% (210/263), ranked first 92.4% (243/263), out-of-scope abstention 97.3% (36/37), 7 confident
    // wrong, 15.2 points over BM25 (64.6%). The floors allow about one question of slack for floating-point differences
    // between machines; the confident-wrong ceiling has none (it is not raised to make room). Clean-machine CI runs have
    // reproduced every reading exactly so far.
    // Floors have been loosened five times, deliberately, never to let a regression through:
    // - when the gate moved to this larger test split and the threshold to the one the 601-question dev split's cost
    //   rule picks (a wrong answer costs ten right ones); the first gate, on 179 questions at threshold 0.75, was top-1
    //   89%, 12 confident wrong, 15 points;
    // - when the threshold came to be picked on out-of-fold confidences (it had been picked on the very questions the
    //   confidence was fitted on, which let through more wrong answers on new questions): at that step 0.90 instead of
    //   0.81, so the engine answered fewer questions. By the cost rule the test split then scored 198 - 10 x 9 = 108,
    //   against 105 for the gate before (205 - 10 x 10);
    // - when 422 more curated phrasings went in and the confidence was refitted by that same rule (threshold 0.91 to
    //   0.85, then 0.87 after the next change): top-1 rose from 199 to 216 and the lead from 10.6 to 17.1 points with
    //   9 confident wrong as before, but out-of-scope abstention went from 36/37 to 35/37 and ranked-first from 243 to
    //   242; those two floors moved by what they measured;
    // - when the synonyms for chat abbreviations and romanized Japanese titles and 939 more phrasings in three new
    //   styles went in (2026-11-26), chosen on dev (ranked first there: questions.yaml 95.6 -> 95.6%, a new writer's
    //   set 85.3 -> 91.3%): this split's ranked-first went from 242 to 240, so its floor moved from 241 to 239. Measured
    //   afterwards, not used to choose: the held-out fresh2 went 91.3 -> 92.0%; top-1 here rose from 216 to 223 and
    //   out-of-scope abstention from 35 to 36 of 37 in the same session;
    // - when the confidence learnt question length and was refitted, by the same cost rule, on 1,934 dev questions
    //   (2026-11-26, third session: 678 more from four new writers, data/eval/fresh5.yaml and fresh7.yaml), with 462
    //   short chat-style phrasings and romanized Japanese terms. Length was checked first on fresh5 before any tuning on
    //   it: at the threshold each model's dev data picked, cost-rule utility 39 -> 90 there (189 right and 15 wrong
    //   answers -> 180 and 9). With the new questions in dev the rule picks 0.87 to 0.89 (was 0.84; it moved within that
    //   range from step to step, and held-out counts moved by a few questions with it): the engine answers fewer
    //   questions and gets fewer wrong. Here top-1 went 223 -> 206, confident wrong 9 -> 6, ranked first 239 -> 243, the
    //   lead over BM25 20.2 -> 13.7 points, so utility 133 -> 146. The top-1 floor moved 222 -> 205 and the lead floor
    //   0.19 -> 0.13; the confident-wrong ceiling went 10 -> 7 and ranked first rose to 242.
    // - Fourth session of 2026-11-26 (posts asked for now, stale posts, the Japanese glossary, threshold 0.87): top-1
    //   206, ranked first 243, out-of-scope 36/37, lead 13.7 points, all unchanged; confident wrong 6 -> 7 after the
    //   last refit (one in-scope question answered wrongly instead of abstained on; dev unchanged at 710.6). The
    //   ceiling stays 7, now with no slack: it is not raised to make room.
    // - Fifth session of 2026-11-26 (curated questions asked word for word, governments as time frames, "who is X in
    //   the …" as a profile, event answers naming their people, four dev labels that these answers now satisfy, a refit
    //   at 0.87): top-1 206 -> 209, lead 13.7 -> 14.8 points, confident wrong 7, ranked first 243, out of scope 36/37.
    //   The top-1 floor rose 205 -> 208 and the lead floor 0.13 -> 0.14. After the counted_absent feature and a last
    //   refit: top-1 210 (79.8%), lead 15.2 points (the issue's 15 met), 7 confident wrong, ranked first 243, out of
    //   scope 36/37; the top-1 floor rose to 209. Ninth session (record rules, dates, documents): top-1 212 (80.6%),
    //   7 confident wrong, ranked first 243; the top-1 floor rose to 211. Eleventh session (rounds placed by an occasion,
    //   occasions in order, figures named by their number, curated questions but for filler words): top-1 213 (81.0%),
    //   7 confident wrong, ranked first 244; the top-1 floor rose to 212. Twelfth session (what happened at a round,
    //   overviews): top-1 214 (81.4%), 7 confident wrong, ranked first 244; the top-1 floor rose to 213. Twentieth
    //   session (prefaces, typos in ordinary words, capitals for governments, parts of months, "first" as an adverb):
    //   top-1 218 (82.9%), 7 confident wrong, ranked first 245; the top-1 floor rose to 216. Twenty-first session
    //   (sitting in on a round as taking part, "how far" as range, "do the sources agree" after a question): top-1 219
    //   (83.3%), 7 confident wrong, ranked first 245; the top-1 floor rose to 217. Twenty-second session (a curated
    //   question, title or alias asked in words of the same meaning is that question): top-1 221 (84.0%), 7 confident
    //   wrong, ranked first 245; the top-1 floor rose to 219. Twenty-fourth session (synonyms from words no fact used,
    //   capitals that act, another occurrence ruled out): top-1 222 (84.4%), 7 confident wrong, ranked first 245; the
    //   top-1 floor rose to 220.
    // Ranked-first does not depend on the threshold, so it guards the ranking itself. Of the issue's targets the
    // out-of-scope abstention (95%) and, since the fifth session, the lead over BM25 (15 points) are met; top-1 95% and no
    // confident wrong answer are not: from here, raise these as the engine improves, never lower them to pass.
    private const double MinTop1 = 220.0 / 263;
    private const double MinRankedFirst = 242.0 / 263;
    private const double MinOutOfScopeAbstention = 35.0 / 37;
    private const int MaxConfidentWrong = 7;
    private const double MinLeadOverBaseline = 0.14;

    private IReadOnlyList<GoldQuestion> TestSplit => [.. engine.Gold.Where(q => q.Split == GoldSet.Test)];

    [Fact]
    public void GoldSet_HasEnoughQuestionsOfEveryKindAndAHeldOutSplit()
    {
        Assert.True(engine.Gold.Count >= 200, $"{engine.Gold.Count} gold questions");
        Assert.True(engine.Gold.Count(q => q.Abstain) >= 40, "at least 40 out-of-scope questions");
        Assert.True(TestSplit.Count >= engine.Gold.Count * 0.3, "test split at least 30%");
        var expected = engine.Gold.SelectMany(q => q.Expected).ToHashSet(StringComparer.Ordinal);
        foreach (var kind in Enum.GetValues<Bot.Facts.FactKind>())
        {
            Assert.Contains(engine.Harness.Facts.OfKind(kind), f => expected.Contains(f.Id));
        }

        Assert.All(engine.Harness.Facts.Rounds, r => Assert.Contains(r.Id, expected));
        Assert.All(engine.Harness.Facts.Facts.Where(f => f.IsDisputed), f => Assert.Contains(f.Id, expected));
    }

    [Fact]
    public void GoldSet_EveryExpectedIdExistsInTheFactBase() =>
        Assert.Empty(Evaluator.UnknownIds(engine.Harness.Facts, engine.Gold));

    [Fact]
    public void Eval_TestSplit_MeetsTheQualityGate()
    {
        var evaluator = engine.Harness.Evaluator;
        var outcomes = evaluator.RunEngine(TestSplit, CancellationToken.None);
        var metrics = EvalMetrics.From(Evaluator.Engine, GoldSet.Test, outcomes);
        var baseline = EvalMetrics.From(Evaluator.Baseline, GoldSet.Test, evaluator.RunBaseline(TestSplit));
        var failures = Failures(outcomes);

        Assert.True(metrics.Top1 >= MinTop1, $"top-1 {metrics.Top1:P1} < {MinTop1:P0}: {failures}");
        Assert.True(metrics.RankedFirst >= MinRankedFirst, $"ranked first {metrics.RankedFirst:P1} < {MinRankedFirst:P0}: {failures}");
        Assert.True(metrics.OutOfScopeAbstention >= MinOutOfScopeAbstention, $"out-of-scope abstention {metrics.OutOfScopeAbstention:P1}: {failures}");
        Assert.True(metrics.ConfidentWrong <= MaxConfidentWrong, $"{metrics.ConfidentWrong} confident wrong answers: {failures}");
        Assert.True(metrics.Top1 - baseline.Top1 >= MinLeadOverBaseline, $"engine {metrics.Top1:P1} vs baseline {baseline.Top1:P1}");
    }

    // The held-out set data/eval/fresh2.yaml: 199 questions from two writers who read only the fact files (one writes
    // like a chat user, one like an analyst), never tuned on. Measured when it was written, with the engine of the
    // session before: ranked first 91.3% (137/150), top-1 72.0% (108/150), out-of-scope abstention 91.8% (45/49),
    // 5 confident wrong; BM25 79.3% top-1. When this gate was set (fact base 097c4d1f3ea7, threshold 0.84): ranked first
    // 92.0% (138/150), top-1 76.7% (115/150), out-of-scope 93.9% (46/49), 3 confident wrong. Its top-1 is below BM25's
    // because the engine abstains on in-scope questions, nearly all with the right fact suggested.
    // data/eval/fresh.yaml had this role before; it is dev now, calibration data in a new writer's wording.
    // One question of slack each. Loosened once: with the everyday questions (2026-11-26, chosen on dev, where out-of-fold
    // utility on 1,256 dev questions rose 550.0 -> 558.4 and everyday dev ranked first 86.4 -> 90.9%; fact base
    // f53de909649d, threshold 0.84) it measured ranked first 92.0% (138), top-1 75.3% (113, was 115), out-of-scope 93.9%
    // (46), 4 confident wrong (was 3), so the top-1 floor moved from 114 to 112 and the ceiling from 4 to 5. Re-set in
    // the third session of 2026-11-26 (question length in the confidence, fresh5 and fresh7 in dev, threshold 0.87; see
    // the test split above): ranked first 92.7% (139), top-1 76.0% (114), out-of-scope 93.9% (46), 3 confident wrong
    // (utility 84, against 73 at that session's start); it abstains on 36 in-scope questions, 35 with the right fact
    // suggested. Over the session's steps it read top-1 111 to 116, out of scope 46 to 47 and 2 to 3 wrong as the
    // threshold moved between 0.87 and 0.89. The ranked-first floor rose 137 -> 138, the top-1 floor 112 -> 113 and the
    // ceiling fell 5 -> 4; the out-of-scope floor stays 45. Fourth session of 2026-11-26 (posts asked for now, the
    // Japanese glossary's words kept from spelling correction, threshold 0.87): ranked first 139, top-1 76.7% (115),
    // out-of-scope 46, 3 confident wrong; the top-1 floor rose to 114. Fifth session (see the test split): ranked first
    // 140, top-1 78.0% (117), out-of-scope 46, 4 confident wrong (utility 77, was 85: one more wrong, two more right);
    // the ranked-first floor rose to 139 and the top-1 floor to 116; the ceiling stays 4, with no slack. After the
    // session's last refit (counted_absent): ranked first 140, top-1 116, out-of-scope 46, 4 confident wrong; the top-1
    // floor was loosened back to 115, one below that final reading (it had passed at 116, with no slack).
    private const double MinFresh2RankedFirst = 139.0 / 150;
    private const double MinFresh2Top1 = 116.0 / 150; // 117 (78.0%) in the tenth session
    private const double MinFresh2OutOfScopeAbstention = 45.0 / 49;
    private const int MaxFresh2ConfidentWrong = 4;

    [Fact]
    public void Eval_Fresh2HeldOutSet_MeetsItsGate() =>
        AssertHeldOutGate(HeldOutFile("fresh2.yaml", 199), MinFresh2RankedFirst, MinFresh2Top1, MinFresh2OutOfScopeAbstention, MaxFresh2ConfidentWrong);

    // The held-out part of data/eval/everyday.yaml: 100 short everyday questions (status, overview and "what about X"
    // questions, typed fast) from a writer who read only the fact files and wrote as a Slack user at work, never tuned
    // on. Measured with the engine before the everyday changes: ranked first 82.4% (56/68), top-1 55.9% (38/68),
    // out-of-scope abstention 87.5% (28/32), 4 confident wrong; BM25 54.4%. When this gate was set (fact base
    // f53de909649d, threshold 0.84): ranked first 85.3% (58/68), top-1 58.8% (40/68), out-of-scope 84.4% (27/32),
    // 5 confident wrong; BM25 54.4%. Loosened once, in the third session of 2026-11-26 (question length in the
    // confidence, fresh5 and fresh7 in dev, short phrasings, threshold 0.87; see the test split above): ranked first
    // 86.8% (59, was 58), top-1 51.5% (35, was 40), out-of-scope 100% (32/32, was 27), no confident wrong (was 5), so
    // cost-rule utility 35 against -10. The top-1 floor moved 39 -> 34, the ranked-first floor rose to 58, the
    // out-of-scope floor to 31 and the ceiling fell 6 -> 1. Short questions are the engine's weakest: it abstains on 33
    // of the 68 in-scope ones, 32 of them with the right fact suggested. One question of slack each.
    private const double MinEverydayRankedFirst = 58.0 / 68;
    private const double MinEverydayTop1 = 34.0 / 68;
    private const double MinEverydayOutOfScopeAbstention = 31.0 / 32;
    private const int MaxEverydayConfidentWrong = 1;

    [Fact]
    public void Eval_EverydayHeldOutPart_MeetsItsGate() =>
        AssertHeldOutGate(HeldOutPart("everyday.yaml", 100), MinEverydayRankedFirst, MinEverydayTop1, MinEverydayOutOfScopeAbstention, MaxEverydayConfidentWrong);

    // The held-out set data/eval/fresh6.yaml: 239 questions from two more writers who read only the fact files (a
    // journalist checking details, a reader writing English as a second language), labels checked by a third reader
    // before the engine saw them, never tuned on. Measured when it was written (threshold 0.89): ranked first 91.8%
    // (156/170), top-1 71.8% (122/170), out-of-scope abstention 87.0% (60/69), 10 confident wrong; BM25 69.4% top-1.
    // Measured twice more in the same session, after the romanized Japanese terms and fresh7 went into dev: at 0.88,
    // 157 / 119 / 61 / 9; when this gate was set, after review fixes and at 0.87, ranked first 92.4% (157), top-1 71.8%
    // (122), out-of-scope 85.5% (59), 11 confident wrong. One question of slack each on that last reading. Fourth
    // session of 2026-11-26: ranked first 92.9% (158), top-1 122, out-of-scope 59, 11 confident wrong; the ranked-first
    // floor rose to 157. Fifth session: ranked first 158, top-1 72.4% (123), out-of-scope 87.0% (60), 10 confident
    // wrong; the top-1 floor rose to 122, the out-of-scope floor to 59 and the ceiling fell 12 -> 11. After the last
    // refit: 158 / 124 / 60 / 10; the top-1 floor rose to 123.
    private const double MinFresh6RankedFirst = 157.0 / 170;
    private const double MinFresh6Top1 = 127.0 / 170; // 127 (74.7%) in the ninth session, 128 (75.3%) in the tenth
    private const double MinFresh6OutOfScopeAbstention = 59.0 / 69;
    private const int MaxFresh6ConfidentWrong = 11;

    [Fact]
    public void Eval_Fresh6HeldOutSet_MeetsItsGate() =>
        AssertHeldOutGate(HeldOutFile("fresh6.yaml", 239), MinFresh6RankedFirst, MinFresh6Top1, MinFresh6OutOfScopeAbstention, MaxFresh6ConfidentWrong);

    // The held-out set data/eval/fresh8.yaml: 287 questions from two more writers who read only the fact files (an
    // Iowa farm exporter in a farmers' Discord, an auto-parts procurement manager in a company Slack), labels checked by
    // a third reader before the engine saw them, never tuned on. Measured once when it was written (fact base
    // f4a81f6c279f, threshold 0.87): ranked first 94.0% (189/201), top-1 62.2% (125/201), out-of-scope abstention 94.2%
    // (81/86), 5 confident wrong; BM25 70.6% top-1 (it never abstains: 142 confident wrong). The engine abstains on 76
    // of the 201 in-scope questions, 71 of them with the right fact suggested. One question of slack each. Measured
    // again at the end of that session, after the Japanese glossary, posts asked for now and a refit (threshold 0.87):
    // ranked first 189, top-1 61.7% (124), out-of-scope 96.5% (83), 3 confident wrong (utility 94, was 75). The
    // top-1 floor moved 124 -> 123 (loosened by one, on that reading), the out-of-scope floor rose to 82 and the
    // ceiling fell 6 -> 4. Fifth session: ranked first 189, top-1 62.7% (126), out-of-scope 95.3% (82), 4 confident
    // wrong (utility 86, was 94); the top-1 floor rose to 125; the out-of-scope floor and the ceiling are at the reading.
    // After the last refit: 189 / 127 / 82 / 4; the top-1 floor rose to 126.
    private const double MinFresh8RankedFirst = 188.0 / 201;
    private const double MinFresh8Top1 = 128.0 / 201; // 128 (63.7%) in the ninth session, 129 (64.2%) in the tenth
    private const double MinFresh8OutOfScopeAbstention = 82.0 / 86;
    private const int MaxFresh8ConfidentWrong = 4;

    [Fact]
    public void Eval_Fresh8HeldOutSet_MeetsItsGate() =>
        AssertHeldOutGate(HeldOutFile("fresh8.yaml", 287), MinFresh8RankedFirst, MinFresh8Top1, MinFresh8OutOfScopeAbstention, MaxFresh8ConfidentWrong);

    // The held-out set data/eval/fresh9.yaml: 295 questions from two more writers who read only the fact files (a retail
    // investor in a finance Discord, a congressional trade staffer writing a briefing memo), labels checked by a third
    // reader before the engine saw them, never tuned on. Measured once when it was written (fifth session of 2026-11-26,
    // fact base f4a81f6c279f, threshold 0.87): ranked first 95.2% (200/210), top-1 78.1% (164/210), out-of-scope
    // abstention 80.0% (68/85), 19 confident wrong (17 of them questions no fact answers); BM25 82.4% top-1 (121 confident
    // wrong). The engine of that session's start read 200 / 162 / 67 / 19 on it. One question of slack each.
    private const double MinFresh9RankedFirst = 199.0 / 210;
    private const double MinFresh9Top1 = 168.0 / 210; // 165 (78.6%) in the ninth session, 167 (79.5%) in the tenth, 169 (80.5%) in the eleventh
    private const double MinFresh9OutOfScopeAbstention = 67.0 / 85;
    private const int MaxFresh9ConfidentWrong = 20;

    [Fact]
    public void Eval_Fresh9HeldOutSet_MeetsItsGate() =>
        AssertHeldOutGate(HeldOutFile("fresh9.yaml", 295), MinFresh9RankedFirst, MinFresh9Top1, MinFresh9OutOfScopeAbstention, MaxFresh9ConfidentWrong);

    // The held-out part of data/eval/japanese.yaml: 70 questions in Japanese script from a writer who read only the fact
    // files (a student writing a seminar paper, formal, official terms), labels checked by a third reader, never tuned
    // on. Without the glossary the engine ranked the right fact first for 28.0% (14/50) and answered 4.0% (2/50). With
    // the glossary as first written (before either Japanese file existed): ranked first 88.0% (44/50), top-1 58.0%
    // (29/50), out-of-scope 85.0% (17/20), 4 confident wrong. When this gate was set, after the glossary grew on the dev
    // part: ranked first 94.0% (47/50), top-1 64.0% (32/50), out-of-scope 85.0% (17/20), 3 confident wrong; BM25 0%.
    // After the review's fixes (full-width digits and half-width kana folded by hand, compounds such as コメント and
    // 後任, every person named): ranked first 96.0% (48), top-1 66.0% (33), out-of-scope 17, 3 confident wrong.
    // One question of slack each. Fifth session: ranked first 48, top-1 68.0% (34), out-of-scope 18, 2 confident wrong;
    // the top-1 floor rose to 33, the out-of-scope floor to 17 and the ceiling fell 4 -> 3. Twenty-third session (a
    // round named with words for its kind between the ordinal and "talks", 「第2回閣僚交渉」, and the glossary's formal
    // question words, 日付, 理由, 選出, 何機, 出席者, written from how a report asks, not from these questions): ranked
    // first 49 (98.0%), top-1 76.0% (38), out-of-scope 18, 2 confident wrong; the floors rose to 48 and 37. Then with
    // 出た and 来た read as "attended" and "came", and いつまでに as "by when": out-of-scope 19, 1 confident wrong; the
    // out-of-scope floor rose to 18 and the ceiling fell to 2. Then with spans of time read ("90日" is "90 days"):
    // ranked first 50 (100%), top-1 78.0% (39); the floors rose to 49 and 38. Then with more formal words (割合, 提示,
    // 基本税率, 開かれ) and the synonyms initial, initially, original, originally: top-1 80.0% (40); the floor rose to 39.
    private const double MinJapaneseRankedFirst = 49.0 / 50;
    private const double MinJapaneseTop1 = 39.0 / 50;
    private const double MinJapaneseOutOfScopeAbstention = 18.0 / 20;
    private const int MaxJapaneseConfidentWrong = 2;

    [Fact]
    public void Eval_JapaneseHeldOutPart_MeetsItsGate() =>
        AssertHeldOutGate(HeldOutPart("japanese.yaml", 70), MinJapaneseRankedFirst, MinJapaneseTop1, MinJapaneseOutOfScopeAbstention, MaxJapaneseConfidentWrong);

    /// <summary>The held-out (test) part of a question file that also has a dev part; none lost.</summary>
    private static List<GoldQuestion> HeldOutPart(string name, int count)
    {
        var heldOut = GoldSet.Load(Path.Combine(RepoPaths.Root, "data", "eval", name)).Where(q => q.Split == GoldSet.Test).ToList();
        Assert.Equal(count, heldOut.Count);
        return heldOut;
    }

    /// <summary>A question file that is held out whole: every question of it in the test split, none lost.</summary>
    private static IReadOnlyList<GoldQuestion> HeldOutFile(string name, int count)
    {
        var questions = GoldSet.Load(Path.Combine(RepoPaths.Root, "data", "eval", name));
        Assert.Equal(count, questions.Count);
        Assert.All(questions, q => Assert.Equal(GoldSet.Test, q.Split));
        return questions;
    }

    /// <summary>A held-out question set keeps its floors: ranked first, top-1, out-of-scope abstention, confident wrong.</summary>
    private void AssertHeldOutGate(IReadOnlyList<GoldQuestion> questions, double minRankedFirst, double minTop1, double minOutOfScope, int maxWrong)
    {
        Assert.Empty(Evaluator.UnknownIds(engine.Harness.Facts, questions));
        var outcomes = engine.Harness.Evaluator.RunEngine(questions, CancellationToken.None);
        var metrics = EvalMetrics.From(Evaluator.Engine, GoldSet.Test, outcomes);
        var failures = Failures(outcomes);

        Assert.True(metrics.RankedFirst >= minRankedFirst, $"ranked first {metrics.RankedFirst:P1}: {failures}");
        Assert.True(metrics.Top1 >= minTop1, $"top-1 {metrics.Top1:P1}: {failures}");
        Assert.True(metrics.OutOfScopeAbstention >= minOutOfScope, $"out-of-scope abstention {metrics.OutOfScopeAbstention:P1}: {failures}");
        Assert.True(metrics.ConfidentWrong <= maxWrong, $"{metrics.ConfidentWrong} confident wrong: {failures}");
    }

    // Measured when this floor was set (fact base f4a81f6c279f): 84.5% of the 3,255 curated phrasings rank their own
    // fact first when asked of an index without them (before the 462 short phrasings of 2026-11-26: 2,352 of 2,793,
    // 84.2%; before the 939 of the session before: 1,503 of 1,829, 82.2%). One fact-base edit that leaves a fact's other
    // names and questions covering less of it shows here.
    private const int MinHeldOutPhrasingsFirst = 2741;

    [Fact]
    public void Eval_HeldOutPhrasings_StillFindTheirOwnFact()
    {
        var outcomes = engine.Harness.Evaluator.RunHeldOutPhrasings(Evaluator.PhrasingFolds, CancellationToken.None);
        var first = outcomes.Count(o => o.RankedFirst);
        Assert.True(first >= MinHeldOutPhrasingsFirst, $"{first} of {outcomes.Count} held-out phrasings rank their fact first");
    }

    // The held-out half of data/eval/followups.yaml (40 two-turn conversations from a writer who read only the facts),
    // measured when follow-ups were built (2026-11-26, eighth session; fact base 01c222487eb3, threshold 0.87): each
    // follow-up asked after its first question answers 62.9% right (22/35), against 20.0% (7/35) asked alone; 6
    // confident wrong (alone: 1), out of scope 4/5. Its aggregates were seen six times while the rules were built on
    // the dev half and on data/eval/followups2.yaml, never its questions, so read 62.9% as optimistic: a new held-out
    // set of follow-ups is the honest measure. One question of slack on top-1, none on wrong.
    private const double MinFollowUpTop1 = 21.0 / 35;
    private const int MaxFollowUpConfidentWrong = 6;
    private const double MinFollowUpLeadOverAlone = 0.35;

    // data/eval/followups3.yaml: 80 more held-out conversations from two new writers (a terse trade lawyer, a casual
    // student), written after the rules were built and measured once (2026-11-26, eighth session): 31.4% right in
    // context (22/70) against 18.6% alone (13/70), 2 confident wrong (alone: 3), out of scope 9/10, ranked first 72.9%
    // against 52.9%. The honest measure of follow-ups: on new writers the rules gain less than on the set above. Ninth
    // session: 34.3% (24/70), 2 confident wrong; the floor rose to 23.
    private const double MinFollowUp3Top1 = 23.0 / 70;
    private const int MaxFollowUp3ConfidentWrong = 2;
    private const double MinFollowUp3LeadOverAlone = 0.10;

    [Theory]
    [InlineData("followups.yaml", 40, MinFollowUpTop1, MaxFollowUpConfidentWrong, MinFollowUpLeadOverAlone)]
    [InlineData("followups3.yaml", 80, MinFollowUp3Top1, MaxFollowUp3ConfidentWrong, MinFollowUp3LeadOverAlone)]
    public void Eval_FollowUpsHeldOut_MeetTheirGate(string file, int count, double minTop1, int maxWrong, double minLeadOverAlone)
    {
        var conversations = FollowUpSet.Load(Path.Combine(RepoPaths.Root, "data", "eval", file))
            .Where(c => c.FollowUp.Split == GoldSet.Test).ToList();
        Assert.Equal(count, conversations.Count);
        Assert.Empty(Evaluator.UnknownIds(engine.Harness.Facts, conversations.Select(c => c.FollowUp)));
        var inContext = engine.Harness.Evaluator.RunFollowUps(conversations, inContext: true, CancellationToken.None);
        var alone = EvalMetrics.From("alone", GoldSet.Test, engine.Harness.Evaluator.RunFollowUps(conversations, inContext: false, CancellationToken.None));
        var metrics = EvalMetrics.From("in-context", GoldSet.Test, inContext);
        var failures = Failures(inContext);

        Assert.True(metrics.Top1 >= minTop1, $"follow-ups top-1 {metrics.Top1:P1}: {failures}");
        Assert.True(metrics.ConfidentWrong <= maxWrong, $"{metrics.ConfidentWrong} confident wrong follow-ups: {failures}");
        Assert.True(metrics.Top1 - alone.Top1 >= minLeadOverAlone, $"in context {metrics.Top1:P1} vs alone {alone.Top1:P1}");
    }

    [Fact]
    public void Eval_TestSplitAskedOneAfterAnother_ChangesNoAnswer()
    {
        // Context must cost questions that read whole nothing: each test question asked after the one before it is
        // answered (or abstained on) exactly as when asked first.
        var test = TestSplit;
        var chained = test.Select((q, i) => new GoldConversation(i == 0 ? "" : test[i - 1].Question, q)).ToList();
        var afterPrevious = engine.Harness.Evaluator.RunFollowUps(chained, inContext: true, CancellationToken.None);
        var alone = engine.Harness.Evaluator.RunEngine(test, CancellationToken.None);

        var changed = afterPrevious.Zip(alone)
            .Where(p => p.First.Abstained != p.Second.Abstained || Top(p.First) != Top(p.Second))
            .Select(p => $"line {p.First.Gold.Line}")
            .ToList();
        Assert.True(changed.Count == 0, $"answers changed by the question before: {string.Join(", ", changed)}");

        static string? Top(EvalOutcome o) => o.Ranked.Count > 0 ? o.Ranked[0] : null;
    }

    /// <summary>The questions a split got wrong, by line, for a failing gate's message.</summary>
    private static string Failures(IEnumerable<EvalOutcome> outcomes) =>
        string.Join("; ", outcomes.Where(o => o.Missed)
            .Select(o => $"{o.Gold.Set} line {o.Gold.Line} → {(o.Abstained ? "abstained" : o.Ranked[0])}"));

    [Fact]
    public void Answer_Anything_HasConfidenceInRangeAndAtMostThreeSuggestions()
    {
        foreach (var question in engine.Gold.Select(q => q.Question))
        {
            var result = engine.Harness.Answer(question);
            Assert.InRange(result.Confidence, 0, 1);
            Assert.True(result.Suggestions.Count <= Answerer.MaxSuggestions);
            Assert.Equal(result.Abstained, result.Best is null);
        }
    }
}
