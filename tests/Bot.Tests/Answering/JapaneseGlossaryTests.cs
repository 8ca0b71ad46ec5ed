using Bot.Answering;

namespace Bot.Tests.Answering;

/// <summary>Questions in Japanese script read into the engine's English words: longest match, counters, dates, and a
/// glossary file that fails with its line when it is wrong.</summary>
public sealed class JapaneseGlossaryTests
{
    private static readonly JapaneseGlossary s_glossary = new(new Dictionary<string, string>
    {
        ["赤沢"] = "akazawa",
        ["赤沢亮正"] = "ryosei akazawa",
        ["誰"] = "who",
        ["関税"] = "tariff",
        ["自動車"] = "car",
        ["自動車関税"] = "car tariff",
        ["交渉"] = "talks",
        ["いつ"] = "when",
        ["いま"] = "now",
        ["いくら"] = "how much",
        ["億"] = "oku",
        ["ドル"] = "dollars",
        ["対米投資"] = "investment in the us",
        ["トランプ"] = "trump",
        ["何"] = "what",
    });

    private static string Read(string question) => string.Join(' ', QuestionNormalizer.Words(s_glossary.Gloss(question)));

    [Theory]
    [InlineData("Ryosei Akazawa", "赤沢亮正")]
    [InlineData("Donald Trump", null)]
    [InlineData("Scott Bessent", null)]
    public void NameOf_Person_IsTheLongestTermReadingAsTheWholeName(string name, string? japanese)
    {
        var glossary = new JapaneseGlossary(new Dictionary<string, string>
        {
            ["赤澤亮正"] = "ryosei akazawa", ["赤沢亮正"] = "ryosei akazawa", ["赤沢"] = "akazawa", ["トランプ"] = "trump",
        });

        Assert.Equal(japanese, glossary.NameOf(name));
    }

    [Theory]
    [InlineData("赤沢亮正は誰？", "ryosei akazawa who")]
    [InlineData("赤沢さんは誰", "akazawa who")]
    [InlineData("自動車関税いまいくら", "car tariff now how much")]
    [InlineData("自動車の関税", "car tariff")]
    [InlineData("ドナルド・トランプ", "trump")]
    [InlineData("ＵＳＴＲのグリアは誰", "ustr who")]
    // Full-width digits and signs, half-width katakana: folded by hand (the app runs with invariant globalization).
    [InlineData("第４回交渉", "4 talks")]
    [InlineData("７月２２日", "july 22")]
    // Part of a month.
    [InlineData("7月下旬", "late july")]
    [InlineData("6月中旬", "mid june")]
    [InlineData("5月末", "late may")]
    [InlineData("9月上旬", "early september")]
    [InlineData("関税15％", "tariff 15 percent")]
    [InlineData("関税２７．５％？", "tariff 27.5 percent")]
    [InlineData("ﾄﾗﾝﾌﾟ", "trump")]
    [InlineData("ｼﾞｮｰｼﾞ", "")]
    public void Gloss_Terms_AreReadByLongestMatchAndTheRestDropped(string question, string read) =>
        Assert.Equal(read, Read(question));

    [Theory]
    // Ordinals lose their suffix in the words ("4th" is "4") and are kept apart as ordinals.
    [InlineData("第4回交渉はいつ", "4 talks when", "4")]
    [InlineData("第四回交渉", "4 talks", "4")]
    [InlineData("第十二回", "12", "12")]
    [InlineData("3回目の交渉", "3 talks", "3")]
    [InlineData("二回目の交渉", "2 talks", "2")]
    [InlineData("5500億ドルの対米投資", "550 billion dollars investment in the us", null)]
    [InlineData("2025年7月22日に何が", "july 22 2025 what", null)]
    [InlineData("7月の交渉", "july talks", null)]
    // A year alone, and a fiscal year (the facts say "fiscal 2023").
    [InlineData("2025年の交渉", "2025 talks", null)]
    [InlineData("2023年度", "fiscal 2023", null)]
    // Spans of time; a day alone ("22日", the 22nd) is no span unless no month has that many days.
    [InlineData("90日の停止", "90 days", null)]
    [InlineData("5日間", "5 days", null)]
    [InlineData("22日に", "22", null)]
    [InlineData("3か月", "3 months", null)]
    [InlineData("2ヶ月間", "2 months", null)]
    [InlineData("5年間", "5 years", null)]
    [InlineData("2週間", "2 weeks", null)]
    [InlineData("3ヵ月", "3 months", null)]
    [InlineData("1.5か月", "1.5 months", null)]
    public void Gloss_CountersAndDates_AreReadAsTheEngineReadsThem(string question, string read, string? ordinal)
    {
        Assert.Equal(read, Read(question));
        Assert.Equal(ordinal is null ? [] : [ordinal], QuestionNormalizer.Ordinals(s_glossary.Gloss(question)));
    }

    [Theory]
    [InlineData("who is akazawa")]
    [InlineData("car tariff now?")]
    public void Gloss_NoJapaneseScript_LeavesTheQuestionAlone(string question) =>
        Assert.Same(question, s_glossary.Gloss(question));

    [Theory]
    [InlineData("赤沢さん", "akazawa")]
    [InlineData("トランプ大統領", "trump")]
    [InlineData("bessent", "bessent")]
    [InlineData("のの", "のの")]
    [InlineData(null, null)]
    public void Read_LookupText_IsTheEnglishReadingOrLeftAsTyped(string? text, string? read) =>
        Assert.Equal(read, s_glossary.Read(text));

    [Theory]
    // What the reading left out, without the particles and endings around it; kana-only runs are particles, not words.
    [InlineData("赤沢の趣味は何？", new[] { "趣味" })]
    [InlineData("タイの自動車関税いま", new[] { "タイ" })]
    [InlineData("赤沢・トランプの会談、会談はいつ", new[] { "会談" })]
    [InlineData("赤沢は誰ですか", new string[0])]
    [InlineData("who is akazawa", new string[0])]
    public void Unread_WordsTheGlossaryLacks_AreListedOnceWithoutParticles(string question, string[] unread) =>
        Assert.Equal(unread, s_glossary.Unread(question));

    [Fact]
    public void Load_RepositoryGlossary_NamesEveryPersonOfTheFactBase()
    {
        var glossary = JapaneseGlossary.Load(Path.Combine(RepoPaths.Root, "data", "answering", "japanese.yaml"));
        var facts = Bot.Answering.Evaluation.AnswerHarness.LoadFacts(RepoPaths.Facts);
        var entities = new EntityResolver(facts);

        // Each person can be asked about in Japanese: some term reads as a name that resolves to them.
        var named = glossary.Readings.SelectMany(r => entities.Resolve(QuestionNormalizer.Words(r)).People).ToHashSet(StringComparer.Ordinal);
        var unnamed = facts.People.Select(p => p.Id).Except(named).ToList();
        Assert.True(unnamed.Count == 0, "no Japanese term names " + string.Join(", ", unnamed));
        Assert.Equal("ryosei akazawa who", string.Join(' ', QuestionNormalizer.Words(glossary.Gloss("赤沢亮正は誰"))));
    }

    [Theory]
    // Longer terms of the repository's glossary win over the short words inside them.
    [InlineData("関税率はなんですか", "tariff what")]
    [InlineData("石破さんなんで辞めたの", "ishiba why resigned")]
    [InlineData("話し合いはいつ", "talks when")]
    [InlineData("その日米合意", "japan us deal")]
    public void Gloss_RepositoryGlossary_LongerTermsWin(string question, string read)
    {
        var glossary = JapaneseGlossary.Load(Path.Combine(RepoPaths.Root, "data", "answering", "japanese.yaml"));
        Assert.Equal(read, string.Join(' ', QuestionNormalizer.Words(glossary.Gloss(question))));
    }

    [Theory]
    [InlineData("terms:\n  赤沢: akazawa\n  赤沢: akazawa\n", ":3: ")]
    [InlineData("terms:\n  akazawa: akazawa\n", ":2: 'akazawa' must be Japanese script only")]
    [InlineData("terms:\n  赤沢: 赤沢\n", ":2: '赤沢' must be Japanese script only and '赤沢' must have none")]
    [InlineData("terms:\n  赤沢: [akazawa]\n", ":2: each term maps Japanese text to English words")]
    [InlineData("terms: [赤沢]\n", ":1: expected a mapping with a 'terms' mapping")]
    public void Load_BrokenGlossary_NamesTheFileAndLine(string yaml, string expected)
    {
        var path = Path.Combine(Path.GetTempPath(), $"japanese-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        try
        {
            var error = Assert.Throws<InvalidDataException>(() => JapaneseGlossary.Load(path));
            Assert.Contains(Path.GetFileName(path) + expected, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
