using Bot.Answering;
using Bot.Answering.Evaluation;
using Bot.Commands;
using Bot.Facts;

namespace Bot.Tests.Answering;

public sealed class JapaneseAnswersTests
{
    private static readonly AnswerHarness s_harness = AnsweringTestFacts.Harness;

    private static readonly AnswerHarness s_alwaysAnswers = s_harness.WithModel(ConfidenceModel.Default with { Threshold = 0 });

    private static Fact Fact(string id) => s_harness.Facts.Find(id)!;

    /// <summary>A translations file with one entry per (id, of, extra YAML lines).</summary>
    private static JapaneseAnswers Load(string yaml)
    {
        var path = Path.Combine(Path.GetTempPath(), $"japanese-answers-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        try
        {
            return JapaneseAnswers.Load(path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Entry(string id, string of, string title = "題", string text = "本文。", string? status = null, params string[] claims) =>
        $"  - id: {id}\n    of: {of}\n    title: {title}\n    text: {text}\n"
        + (status is null ? "" : $"    status: {status}\n")
        + (claims.Length == 0 ? "" : "    claims:\n" + string.Concat(claims.Select(c => $"      - {c}\n")));

    [Fact]
    public void For_TranslationOfTheEnglishAsItIs_IsGiven()
    {
        var akazawa = Fact("ryosei-akazawa");
        var answers = Load("facts:\n" + Entry("ryosei-akazawa", JapaneseAnswers.Fingerprint(akazawa), "赤沢亮正", "赤沢亮正は日本の交渉担当者。"));

        var answer = answers.For(akazawa);
        Assert.NotNull(answer);
        Assert.Equal(("赤沢亮正", "赤沢亮正は日本の交渉担当者。"), (answer.Title, answer.Text));
        Assert.Empty(answer.Claims);
    }

    [Fact]
    public void For_EnglishChangedSinceTheTranslation_IsNothing()
    {
        var akazawa = Fact("ryosei-akazawa");
        var answers = Load("facts:\n" + Entry("ryosei-akazawa", JapaneseAnswers.Fingerprint(akazawa)));

        Assert.Null(answers.For(akazawa with { Text = akazawa.Text + " He also met Lutnick." }));
        Assert.Null(answers.For(akazawa with { Title = "Ryosei Akazawa (METI)" }));
        Assert.NotNull(answers.For(akazawa with { Phrasings = ["who is he"] }));
    }

    [Fact]
    public void For_DisputedFactWhoseClaimsChangedOrDoNotMatchInNumber_IsNothing()
    {
        var disputed = Fact("us-defense-procurement-14-17bn");
        var of = JapaneseAnswers.Fingerprint(disputed);
        var both = Load("facts:\n" + Entry(disputed.Id, of, status: "見解に相違", claims: ["米国の主張。", "日本の主張。"]));
        var one = Load("facts:\n" + Entry(disputed.Id, of, status: "見解に相違", claims: ["米国の主張。"]));
        var noStatus = Load("facts:\n" + Entry(disputed.Id, of, claims: ["米国の主張。", "日本の主張。"]));

        Assert.Equal(["米国の主張。", "日本の主張。"], both.For(disputed)!.Claims);
        Assert.Null(both.For(disputed with { Claims = [disputed.Claims[0] with { Text = "Japan will buy more." }, disputed.Claims[1]] }));
        Assert.Null(both.For(disputed with { Status = "confirmed" }));
        Assert.Null(both.For(disputed with { Amount = disputed.Amount! with { Display = "$20 billion a year" } }));
        Assert.Null(one.For(disputed));
        Assert.Null(noStatus.For(disputed));
    }

    [Fact]
    public void Problems_NameUnknownStaleMismatchedAndMissingTranslations()
    {
        var akazawa = Fact("ryosei-akazawa");
        var disputed = Fact("us-defense-procurement-14-17bn");
        var answers = Load("facts:\n"
            + Entry("ryosei-akazawa", JapaneseAnswers.Fingerprint(akazawa))
            + Entry("no-such-fact", "0123456789abcdef")
            + Entry("scott-bessent", "0123456789abcdef")
            + Entry(disputed.Id, JapaneseAnswers.Fingerprint(disputed), status: "見解に相違", claims: ["一つだけ。"]));

        var problems = answers.Problems(s_harness.Facts, "ja.yaml");

        Assert.Contains("ja.yaml:6: no fact 'no-such-fact' in the fact base", problems);
        Assert.Contains(problems, p => p.StartsWith("ja.yaml:10: 'scott-bessent' was translated from other English (of: 0123456789abcdef); the English is now of: ", StringComparison.Ordinal));
        Assert.Contains($"ja.yaml:14: '{disputed.Id}' has 1 claims in Japanese, the fact 2", problems);
        var round = Fact("round-1");
        Assert.Contains($"{round.Location.File}:{round.Location.Line}: 'round-1' has no Japanese in ja.yaml; it is answered in English", problems);
        Assert.Equal((1, 2, s_harness.Facts.Facts.Count - 3), answers.Tally(s_harness.Facts));
        Assert.DoesNotContain(problems, p => p.Contains("'ryosei-akazawa'", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("facts:\n  - id: a\n    of: 0123456789abcdef\n    title: 題\n", ":2: 'text' is required")]
    [InlineData("facts:\n  - id: a\n    of: 0123\n    title: 題\n    text: 本文\n", ":2: 'of' is the 16 hex digits")]
    [InlineData("facts:\n  - id: a\n    of: 0123456789abcdef\n    title: 題\n    text: 本文\n    note: x\n", ":6: unknown key 'note'")]
    [InlineData("facts:\n  - id: a\n    of: 0123456789abcdef\n    title: 題\n    text: 本文\n    claims: 一つ\n", ":6: 'claims' is a list of texts")]
    [InlineData("facts:\n  - id: a\n    of: 0123456789abcdef\n    title: 題\n    text: 本文\n  - id: a\n    of: 0123456789abcdef\n    title: 題\n    text: 本文\n", ":6: 'a' is translated twice")]
    [InlineData("terms:\n  a: b\n", ":1: expected a mapping with a 'facts' list")]
    [InlineData("facts:\n  - id: [a\n", ".yaml:3: ")]
    public void Load_BrokenFile_NamesTheLine(string yaml, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => Load(yaml));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_QuestionInJapaneseScriptWithATranslation_AnswersInJapanese()
    {
        var english = s_alwaysAnswers.Answer("who is akazawa");
        var result = english with { ReadAs = "akazawa who", Japanese = new JapaneseAnswer("赤沢亮正", "赤沢亮正は日本の交渉担当者。", []) };

        var reply = AnswerComposer.Compose(result);

        Assert.Equal("赤沢亮正 (Ryosei Akazawa)", reply.Title);
        Assert.Equal("赤沢亮正は日本の交渉担当者。\n(Read as: \"akazawa who\")", reply.Body);

        // Related questions are curated in English: none under a Japanese answer.
        var withRelated = result with { Related = [english.Facts.Find("round-1")!] };
        Assert.Empty(AnswerComposer.Compose(withRelated).Related);
        Assert.NotEmpty(AnswerComposer.Compose(withRelated with { Japanese = null, ReadAs = null }).Related);
        Assert.Equal(AnswerComposer.Compose(english).Sources, reply.Sources);
        Assert.Equal(["ryosei-akazawa"], reply.FactIds);
    }

    [Fact]
    public void Compose_DisputedFactInJapanese_GivesEachClaimWithWhoMakesItAndItsSources()
    {
        var english = s_alwaysAnswers.Answer("how much us military equipment will japan buy");
        Assert.Equal("us-defense-procurement-14-17bn", english.Best!.Id);
        var result = english with { ReadAs = "us defense equipment", Japanese = new JapaneseAnswer("米国製防衛装備品の購入", "見解が分かれている。", ["米国の主張。", "日本の主張。"], "見解に相違") };

        var lines = AnswerComposer.Compose(result).Body.Split('\n');

        Assert.Equal("米国製防衛装備品の購入", AnswerComposer.Compose(result).Title);
        Assert.Equal(
            ["見解が分かれている。", "状況: 見解に相違", "主張が分かれている:", "- White House: 米国の主張。 (White House, July 23, 2025)", "- Government of Japan: 日本の主張。 (Kyodo, July 24, 2025)", "(Read as: \"us defense equipment\")"],
            lines);
    }

    [Fact]
    public void Fingerprint_IsTheSameOnEveryMachineAndIgnoresLineBreaksAliasesAndQuestions()
    {
        var akazawa = Fact("ryosei-akazawa");

        // Pinned: a change to what is fingerprinted makes every entry stale, and must be made knowingly.
        Assert.Equal("9462e9998f7a6548", JapaneseAnswers.Fingerprint(akazawa));
        Assert.Equal(JapaneseAnswers.Fingerprint(akazawa), JapaneseAnswers.Fingerprint(akazawa with { Text = akazawa.Text.Replace(" the ", " the\r\n", StringComparison.Ordinal) }));
        Assert.Equal(JapaneseAnswers.Fingerprint(akazawa), JapaneseAnswers.Fingerprint(akazawa with { Aliases = ["the negotiator"], Phrasings = ["who is he"] }));
        Assert.NotEqual(JapaneseAnswers.Fingerprint(akazawa), JapaneseAnswers.Fingerprint(akazawa with { Date = new PartialDate(2025, 4, 7) }));
    }

    [Fact]
    public void RepositoryFile_LoadsAndEveryEntryIsOfAFactWithItsParts()
    {
        // Stale entries and facts without Japanese are notes (bot validate), answered in English; these are errors.
        var path = Path.Combine(RepoPaths.Root, "data", "answering", "japanese-answers.yaml");
        var facts = AnswerHarness.LoadFacts(RepoPaths.Facts);

        var problems = JapaneseAnswers.Load(path).Problems(facts, path);

        Assert.DoesNotContain(problems, p => p.Contains("no fact", StringComparison.Ordinal) || p.Contains(" claims in Japanese", StringComparison.Ordinal) || p.Contains(" status", StringComparison.Ordinal));
    }
}
