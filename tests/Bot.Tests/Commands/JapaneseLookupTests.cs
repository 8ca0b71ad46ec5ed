using Bot.Answering;
using Bot.Commands;
using Bot.Facts;

namespace Bot.Tests.Commands;

/// <summary>
/// The lookups (<c>who</c>, <c>round</c>, <c>purchases</c>, <c>figures</c>) typed in Japanese script answer with the
/// fact's Japanese where it has a current translation, over the bundled fact base and its Japanese file.
/// </summary>
public sealed class JapaneseLookupTests(RealFactBaseFixture fixture) : IClassFixture<RealFactBaseFixture>
{
    private static readonly JapaneseAnswers s_bundled = JapaneseAnswers.Load(Path.Combine(RepoPaths.Root, "data", "answering", "japanese-answers.yaml"));

    private Fact Fact(string id) => fixture.Host.Facts.Find(id)!;

    [Fact]
    public async Task Who_TypedInJapanese_GivesTheProfileInJapaneseAndTheTitlesAsTheyAre()
    {
        var reply = await fixture.Host.RunAsync(CommandNames.Who, (OptionNames.Name, "赤沢"));

        var japanese = s_bundled.For(Fact("ryosei-akazawa"))!;
        Assert.Equal(["ryosei-akazawa"], reply.FactIds);
        Assert.Equal($"{japanese.Title} (Ryosei Akazawa)", reply.Title);
        Assert.Equal(japanese.Text.ReplaceLineEndings(" ").Trim(), reply.Body);
        Assert.Contains(reply.Fields, f => f.Name == "所属" && f.Value == "日本");
        Assert.Contains(reply.Fields, f => f.Name == "肩書き（英語）" && f.Value.Contains("Minister of Economy, Trade and Industry", StringComparison.Ordinal));
        Assert.Contains(reply.Fields, f => f.Name == "出席した交渉（英語）");
        Assert.NotEmpty(reply.Sources);
    }

    [Fact]
    public async Task Who_TypedInEnglish_StaysInEnglish()
    {
        var reply = await fixture.Host.RunAsync(CommandNames.Who, (OptionNames.Name, "akazawa"));

        Assert.Equal("Ryosei Akazawa", reply.Title);
        Assert.Equal(Fact("ryosei-akazawa").Text, reply.Body);
    }

    [Theory]
    [InlineData("2025年5月30日", 2025, 5, 30)]
    [InlineData("2019年10月", 2019, 10, null)]
    [InlineData("2018年", 2018, null, null)]
    public void JapaneseDate_WritesYearMonthDayAsGiven(string expected, int year, int? month, int? day) =>
        Assert.Equal(expected, FactReplies.JapaneseDate(new PartialDate(year, month, day)));

    [Theory]
    [InlineData("第4回")]
    [InlineData("第四回交渉")]
    public async Task Round_TypedInJapanese_GivesTheRoundInJapanese(string typed)
    {
        var reply = await fixture.Host.RunAsync(CommandNames.Round, (OptionNames.Number, typed));

        var japanese = s_bundled.For(Fact("round-4"))!;
        Assert.Equal(["round-4"], reply.FactIds);
        Assert.Equal(japanese.Title, reply.Title);
        Assert.StartsWith(japanese.Text.ReplaceLineEndings(" ").Trim(), reply.Body, StringComparison.Ordinal);
        Assert.Contains(reply.Fields, f => f.Name == "日付" && f.Value == "2025年5月30日");
    }

    [Fact]
    public async Task Round_DisputedTypedInJapanese_GivesEachClaimInJapaneseWithItsSources()
    {
        var reply = await fixture.Host.RunAsync(CommandNames.Round, (OptionNames.Number, "第1回"));

        var round = Fact("round-1");
        var japanese = s_bundled.For(round)!;
        Assert.True(round.IsDisputed);
        Assert.Contains("主張が分かれている:", reply.Body, StringComparison.Ordinal);
        foreach (var (claim, text) in round.Claims.Zip(japanese.Claims))
        {
            Assert.Contains($"- {claim.By}: {text}", reply.Body, StringComparison.Ordinal);
        }

        // The claims are in the text, in Japanese, and not again as English fields.
        Assert.DoesNotContain(reply.Fields, f => f.Name.StartsWith("Claim", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Purchases_TypedInJapanese_GivesTheStatusInJapaneseAndTheFigure()
    {
        var reply = await fixture.Host.RunAsync(CommandNames.Purchases, (OptionNames.Item, "ボーイング"));

        var fact = Assert.Single(reply.FactIds) is { } id ? Fact(id) : null;
        var japanese = s_bundled.For(fact!)!;
        Assert.NotNull(fact!.Status);
        Assert.Equal(japanese.Title, reply.Title);
        Assert.Contains($"状況: {japanese.Status}", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.Fields, f => f.Name is "Status" or "状況");
        Assert.Contains(reply.Fields, f => f.Name == "数値（英語）" && f.Value.StartsWith(fact.Amount!.Display, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Who_NobodyTypedInJapanese_SaysSoInJapaneseWithTheClosestNames()
    {
        var reply = await fixture.Host.RunAsync(CommandNames.Who, (OptionNames.Name, "赤坂太郎"));

        Assert.Equal(ReplyKind.NotFound, reply.Kind);
        Assert.Equal("「赤坂太郎」に該当する人物は見つかりません", reply.Title);
        Assert.Contains("`who` だけで一覧", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Round_NumberNotRecordedTypedInJapanese_GivesTheRangeInJapanese()
    {
        var numbers = fixture.Host.Facts.Rounds.Where(r => r.Number is not null).Select(r => r.Number!.Value).ToList();

        var reply = await fixture.Host.RunAsync(CommandNames.Round, (OptionNames.Number, "第99回"));

        Assert.Equal(ReplyKind.NotFound, reply.Kind);
        Assert.Equal("「第99回」に該当する交渉回は見つかりません", reply.Title);
        Assert.Equal($"第99回は収録データにありません（収録は第{numbers.Min()}回〜第{numbers.Max()}回）。第{numbers.Max()}回より後の会談は番号がなく、`round` だけで表示される一覧にあります。", reply.Body);
        Assert.Equal($"round {numbers.Max()}", reply.Suggestions[0]);
    }

    [Fact]
    public async Task Round_NumberNotRecordedTypedInEnglish_StaysInEnglish()
    {
        var reply = await fixture.Host.RunAsync(CommandNames.Round, (OptionNames.Number, "99"));

        Assert.Equal("No round matches \"99\"", reply.Title);
    }

    [Fact]
    public async Task Figures_TypedInJapanese_GivesTheFigureInJapanese()
    {
        var reply = await fixture.Host.RunAsync(CommandNames.Figures, (OptionNames.Name, "自動車関税"));

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        var fact = Fact(Assert.Single(reply.FactIds));
        var japanese = s_bundled.For(fact)!;
        Assert.Equal(japanese.Title, reply.Title);
        Assert.StartsWith(japanese.Text.ReplaceLineEndings(" ").Trim(), reply.Body, StringComparison.Ordinal);
        Assert.Contains(reply.Fields, f => f.Name == "数値（英語）" && f.Value.StartsWith(fact.Amount!.Display, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Purchases_WithPeopleTypedInJapanese_KeepsThePeople()
    {
        var withPeople = fixture.Host.Facts.OfKind(FactKind.Purchase).First(f => f.People.Count > 0 && s_bundled.For(f) is not null);

        var reply = await fixture.Host.RunAsync(CommandNames.Purchases, (OptionNames.Item, s_bundled.For(withPeople)!.Title));

        Assert.Equal([withPeople.Id], reply.FactIds);
        var people = Assert.Single(reply.Fields, f => f.Name == "関係者（英語）").Value;
        Assert.All(withPeople.People, id => Assert.Contains(Fact(id).Title, people, StringComparison.Ordinal));
    }
}

/// <summary>The lookups over a fact folder with its own Japanese file, which the tests edit while the host runs.</summary>
public sealed class JapaneseLookupFileTests : IAsyncLifetime
{
    private readonly FactFolder _folder = FactFolder.Minimal();
    private readonly string _japanese = Path.Combine(Path.GetTempPath(), $"japanese-answers-{Guid.NewGuid():N}.yaml");
    private CoreHost? _host;

    private CoreHost Host => _host!;

    public async Task InitializeAsync() =>
        _host = await CoreHost.StartAsync(_folder.Path, new Dictionary<string, string?> { ["Answering:JapaneseAnswersPath"] = _japanese });

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _folder.Dispose();
        File.Delete(_japanese);
    }

    private void WriteJapanese(string of, string title, DateTime writtenAt)
    {
        File.WriteAllText(_japanese, $"facts:\n  - id: ryosei-akazawa\n    of: {of}\n    title: {title}\n    text: 日本の首席交渉官。\n");
        File.SetLastWriteTimeUtc(_japanese, writtenAt);
    }

    private Task<Reply> WhoAsync() => Host.RunAsync(CommandNames.Who, (OptionNames.Name, "赤沢"));

    [Fact]
    public async Task Who_JapaneseEditedWhileRunning_ServesTheEditAndKeepsTheLastGoodWhenBroken()
    {
        var of = JapaneseAnswers.Fingerprint(Host.Facts.Find("ryosei-akazawa")!);
        var now = DateTime.UtcNow;

        // No file yet: English, saying so in Japanese.
        var english = await WhoAsync();
        Assert.Equal("Ryosei Akazawa", english.Title);
        Assert.EndsWith(FactReplies.NoJapaneseYet, english.Body, StringComparison.Ordinal);

        WriteJapanese(of, "赤沢亮正", now.AddSeconds(1));
        var reply = await WhoAsync();
        Assert.Equal("赤沢亮正 (Ryosei Akazawa)", reply.Title);
        Assert.Equal("日本の首席交渉官。", reply.Body);

        WriteJapanese(of, "赤沢亮正氏", now.AddSeconds(2));
        Assert.Equal("赤沢亮正氏 (Ryosei Akazawa)", (await WhoAsync()).Title);

        File.WriteAllText(_japanese, "facts:\n  - id: [broken\n");
        File.SetLastWriteTimeUtc(_japanese, now.AddSeconds(3));
        Assert.Equal("赤沢亮正氏 (Ryosei Akazawa)", (await WhoAsync()).Title);
    }

    [Fact]
    public async Task Who_JapaneseOfOtherEnglish_AnswersInEnglish()
    {
        WriteJapanese("0123456789abcdef", "赤沢亮正", DateTime.UtcNow.AddSeconds(1));

        var reply = await WhoAsync();

        Assert.Equal("Ryosei Akazawa", reply.Title);
        Assert.Equal(Host.Facts.Find("ryosei-akazawa")!.Text + "\n" + FactReplies.NoJapaneseYet, reply.Body);
    }
}
