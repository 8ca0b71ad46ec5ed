using Bot.Answering;
using Bot.Commands;

namespace Bot.Tests.Answering;

/// <summary>"Why?": the explanation of an answer over the real engine says what was read, what ranked first and next,
/// and how sure the engine was, consistently with the answer itself.</summary>
[Collection(RealEngineGroup.Name)]
public sealed class ExplainTests(RealEngineFixture engine)
{
    private const string RankedNext = "Ranked next (gap in ranking score, not confidence)";

    private string Threshold => Reply.Percent(engine.Harness.Answerer.Model.Threshold);

    private Reply Explain(string question)
    {
        var harness = engine.Harness;
        return ExplainCommand.Compose(AnswerExplainer.Explain(harness.Index, harness.Answer(question), harness.Answerer.Model));
    }

    private static string Field(Reply reply, string name) => Assert.Single(reply.Fields, f => f.Name == name).Value;

    [Fact]
    public void Explain_Answer_SaysWhatWasReadWhatCameFirstAndHowSure()
    {
        const string Question = "when did akazwa meet lutnick in tokio";
        var answer = engine.Harness.Answer(Question);
        Assert.False(answer.Abstained);

        var reply = Explain(Question);

        var top = answer.Ranked[0].Fact;
        Assert.Equal([top.Id], reply.FactIds);
        Assert.Null(reply.Confidence);
        Assert.StartsWith($"Answered with {top.Title} [{top.Id}]: the bot put the chance that it picked the right fact at {Reply.Percent(answer.Confidence)} (it answers from {Threshold}).", reply.Body, StringComparison.Ordinal);
        Assert.Contains("akazwa → akazawa", Field(reply, "Read as"), StringComparison.Ordinal);
        Assert.Contains("tokio → tokyo", Field(reply, "Read as"), StringComparison.Ordinal);
        Assert.Equal("when", Field(reply, "Question type"));
        Assert.Equal("person: Howard Lutnick\nperson: Ryosei Akazawa", Field(reply, "Recognised"));
        Assert.Contains("lutnick", Field(reply, "Words this fact uses"), StringComparison.Ordinal);
        Assert.DoesNotContain("以下の詳細", reply.Body, StringComparison.Ordinal);

        // The facts ranked next are the engine's, in its order, each with its gap in ranking score.
        var next = Field(reply, RankedNext).Split('\n');
        Assert.Equal(answer.Ranked.Skip(1).Take(AnswerExplainer.RunnersUp).Select(r => $"{r.Fact.Title} [{r.Fact.Id}]: {ExplainCommand.Gap(answer.Ranked[0].Score - r.Score, false)}"), next);

        // A way forward, as the answer offers it: its related questions.
        Assert.Equal(answer.Related.Select(AnswerComposer.Suggestion), reply.Related);

        // The closest text is one of the top fact's own curated questions.
        var closest = Field(reply, "Closest curated question");
        Assert.Contains(top.Phrasings, p => closest.StartsWith($"\"{p}\" (closeness in meaning ", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_Abstention_NamesTheClosestFactTheThresholdAndTheWordsNoFactUses()
    {
        const string Question = "what is the total tonnage of rice";
        var answer = engine.Harness.Answer(Question);
        Assert.True(answer.Abstained);

        var reply = Explain(Question);

        var top = answer.Ranked[0].Fact;
        Assert.Equal($"No answer. The closest fact, {top.Title} [{top.Id}], had a {Reply.Percent(answer.Confidence)} chance of being the one you meant; the bot answers only from {Threshold}.", reply.Body);
        Assert.Equal("tonnage", Field(reply, "Words no fact uses"));

        // An abstention's way forward is its own "did you mean" questions.
        Assert.Equal(answer.Suggestions.Select(AnswerComposer.Suggestion), reply.Related);
        Assert.NotEmpty(reply.Related);

        // Listed once: a word no fact uses is not also "not in its wording".
        var uses = Field(reply, "Words this fact uses");
        Assert.StartsWith("rice; not in its wording: total", uses, StringComparison.Ordinal);
        Assert.DoesNotContain("tonnage", uses, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_WordsReadAsSynonymsOrFromAPhrase_ShowHowTheyWereRead()
    {
        var uses = Field(Explain("who negotiated the purchases of boeing airplanes"), "Words this fact uses");
        Assert.Contains("purchases (as buy)", uses, StringComparison.Ordinal);
        Assert.Contains("boeing", uses, StringComparison.Ordinal);

        // A phrase's term is shown as words.
        Assert.Contains("foreign minister (read from a phrase)", Field(Explain("who is the gaimu daijin"), "Words this fact uses"), StringComparison.Ordinal);

        // "import tax" is read as "tariff": neither word is said to be missing.
        var phrase = Field(Explain("what is the import tax on cars"), "Words this fact uses");
        Assert.Contains("tariff (read from a phrase)", phrase, StringComparison.Ordinal);
        Assert.DoesNotContain("import", phrase, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_CuratedQuestion_SaysSoAndGivesTheModelsOwnFigure()
    {
        var fact = engine.Harness.Facts.Find("round-4")!;
        var curated = fact.Phrasings.First(p => engine.Harness.Index.Phrased.TryGetValue(QuestionNormalizer.Text(p), out _));
        var answer = engine.Harness.Answer(curated);

        var reply = Explain(curated);

        Assert.Equal(["round-4"], reply.FactIds);
        Assert.Contains("one a curator wrote for this fact, so the bot answers it whatever the score", reply.Body, StringComparison.Ordinal);
        Assert.EndsWith($"at {Reply.Percent(engine.Harness.Answerer.Model.Confidence(answer.Features))}).", reply.Body, StringComparison.Ordinal);
        Assert.Equal("the question itself, word for word, but for words such as \"what is\" and \"the\", or in words of the same meaning (\"deal\" for \"agreement\")", Field(reply, "Closest curated question"));
    }

    [Fact]
    public void Explain_OnlyWhatHappenedOnADay_SaysItIsTheDaysOneOccasionAndGivesTheModelsOwnFigure()
    {
        // Bessent's meeting with Ishiba is the one event or round the fact base dates July 18, 2025.
        var answer = engine.Harness.Answer("what happened on july 18");

        var reply = Explain("what happened on july 18");

        Assert.Equal(RecordAnswer.OnlyOccasionOfTheTime, answer.Record);
        Assert.Equal(["bessent-meets-ishiba-tokyo"], reply.FactIds);
        Assert.Contains("asks only what happened at one time (a day, a month, part of one, a season), and this is the one event or round the fact base dates then", reply.Body, StringComparison.Ordinal);
        Assert.EndsWith($"at {Reply.Percent(engine.Harness.Answerer.Model.Confidence(answer.Features))}).", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_OnlyWhatHappenedOnADayWithSeveralOccasions_SaysTheAnswerListsThemAll()
    {
        // Round 8 and Trump's announcement of the deal are both dated July 22, 2025.
        var answer = engine.Harness.Answer("what happened on july 22");

        var reply = Explain("what happened on july 22");

        Assert.Equal(RecordAnswer.OccasionsOfTheTime, answer.Record);
        Assert.Equal(["deal-announced", "round-8"], answer.Occasions.Select(f => f.Id));
        Assert.Contains("asks only what happened at one time (a day, a month, part of one, a season), and the answer lists every event and round the fact base dates then", reply.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("who negotiated for the us", "asks only who negotiated, and the answer lists who the rounds' records put at them for the side or sides asked")]
    [InlineData("what's new", "asks only what is new, and the answer lists the latest events and rounds the fact base dates, this one the newest")]
    [InlineData("what's disputed", "asks only what the sources disagree on, and the answer lists every fact whose accounts differ")]
    [InlineData("which rounds did greer attend", "asks only which rounds this person was at, and the rounds' records say which")]
    [InlineData("how much is the investment", "asks only how much of something there is, by a name this fact's overview gives, and this fact gives its amount")]
    [InlineData("米国側の交渉担当者は", "回答：質問は交渉担当者が誰かだけを尋ねており")]
    [InlineData("対米投資はいくら", "回答：質問は概要の名前で呼ばれるものの規模")]
    [InlineData("what did japan agree to buy", "asks only what is bought under a whole (with none named, the deal), and the answer lists the purchases")]
    [InlineData("最新情報は？", "回答：質問は新しい動きだけを尋ねており")]
    [InlineData("情報源で食い違いがあるのは？", "回答：質問は情報源の説明が異なる点だけを尋ねており")]
    public void Explain_ListOrRecordReading_SaysWhichRuleAnswered(string question, string verdict) =>
        Assert.Contains(verdict, Explain(question).Body, StringComparison.Ordinal);

    [Fact]
    public void Compose_SeveralOccasionsAskedInJapanese_ListsThemInJapanese()
    {
        var reply = AnswerComposer.Compose(engine.Harness.Answer("7月22日に何があった？"));

        Assert.Equal("2025年7月22日の出来事", reply.Title);
        Assert.StartsWith("収録データでは、2025年7月22日の出来事・交渉回は2件です：", reply.Body, StringComparison.Ordinal);
        Assert.All(reply.Fields, f => Assert.StartsWith("2025年7月22日 — ", f.Name, StringComparison.Ordinal));
        Assert.Contains(reply.Fields, f => f.Name.Contains("第8回交渉", StringComparison.Ordinal));
        Assert.Equal(["deal-announced", "round-8"], reply.FactIds);
    }

    [Fact]
    public void Explain_RoundPlacedByAnOccasion_SaysWhatTheOccasionWasReadAsAndHowSurely()
    {
        var answer = engine.Harness.Answer("what was the last round before the upper house election");

        var reply = Explain("what was the last round before the upper house election");

        Assert.Contains(
            $"asks which round came last before an occasion, read as Ruling coalition loses upper house majority [upper-house-election-2025] (July 20, 2025) with {Reply.Percent(answer.Placement!.Sure!.Value)} confidence",
            reply.Body, StringComparison.Ordinal);
        Assert.Equal(["round-7"], reply.FactIds);
    }

    [Fact]
    public void Explain_TwoOccasionsInOrder_SaysWhatBothWereReadAs()
    {
        var reply = Explain("which came first, the tariff letter or round 7");

        Assert.Contains("asks in which order two occasions came, read as Trump's tariff letter to Ishiba [trump-letter-2025-07-07] and Round 7 [round-7]", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_OnlyWhatAFigureIs_SaysTheOneFigureWhoseAmountGivesIt()
    {
        var answer = engine.Harness.Answer("what does 27.5% mean");
        // Fifteen percent is the amount of several facts: no one figure is it.
        var several = engine.Harness.Answer("what's 15%");

        var reply = Explain("what does 27.5% mean");

        Assert.Equal(RecordAnswer.FigureNamed, answer.Record);
        Assert.Equal(["tariff-japan-cars-27-5"], reply.FactIds);
        Assert.Contains("asks only what a figure it gives is, and this is the one figure whose amount gives it", reply.Body, StringComparison.Ordinal);
        Assert.NotEqual(RecordAnswer.FigureNamed, several.Record);
    }

    [Fact]
    public void Explain_OnlyWhoTookPartInARound_SaysTheRoundsRecordListsWhoDid()
    {
        var answer = engine.Harness.Answer("was greer at round 3");

        var reply = Explain("was greer at round 3");

        Assert.Equal(RecordAnswer.WhoTookPartInTheRound, answer.Record);
        Assert.Equal(["round-3"], reply.FactIds);
        Assert.Contains("asks only who took part in this round, and its record lists who did", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_Overview_SaysTheAnswerListsTheOverviewsFacts()
    {
        var reply = Explain("what's the deal");

        Assert.Equal("deal-announced", reply.FactIds[0]);
        Assert.Contains("asks only for the whole of this fact, by a name its overview gives, and the answer lists the facts the overview names", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_OnlyWhatHappenedAtARound_SaysTheRoundsRecordSaysWhatDid()
    {
        var answer = engine.Harness.Answer("what happened at round 3");

        var reply = Explain("what happened at round 3");

        Assert.Equal(RecordAnswer.WhatHappenedAtTheRound, answer.Record);
        Assert.Equal(["round-3"], reply.FactIds);
        Assert.Contains("asks only what happened at this round, and its record says what did", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_WhoHeldAPostThen_SaysTheDatesMakeThisPersonTheHolder()
    {
        var reply = Explain("who was japan's pm when the deal got done");

        Assert.Equal("shigeru-ishiba", reply.FactIds[0]);
        Assert.Contains("asks only who held a post at a time, and the dates of everyone's posts of that name make this person the one who held it then", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_WhoHeldAPostAskedInJapanese_SaysSoInJapanese()
    {
        var reply = Explain("現在の首相は誰ですか");

        Assert.Equal("sanae-takaichi", reply.FactIds[0]);
        Assert.StartsWith("回答：質問はある時点で役職に就いていた人物だけを尋ねており", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_DayOfTheWhole_SaysTheOverviewNamesThisEvent()
    {
        var reply = Explain("when was the deal made");

        Assert.Equal("deal-announced", reply.FactIds[0]);
        Assert.Contains("asks only when something happened, by a name this event's overview gives, and the fact base dates this event", reply.Body, StringComparison.Ordinal);
        Assert.StartsWith("回答：質問は概要の名前で呼ばれる出来事がいつだったかだけを尋ねており", Explain("合意はいつ").Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_RateInForce_SaysTheDatesMakeThisTheRateThen()
    {
        var reply = Explain("what rate do japanese imports face now");
        var japanese = Explain("今の自動車関税は？");

        Assert.Equal("tariff-japan-reciprocal-15", reply.FactIds[0]);
        Assert.Contains("asks only for the tariff rate on some goods at a time, and the dates the fact base gives its rates make this the one in force on them all through that time", reply.Body, StringComparison.Ordinal);
        Assert.Equal("tariff-japan-autos-15", japanese.FactIds[0]);
        Assert.StartsWith("回答：質問はある時点で品目にかかっていた関税率だけを尋ねており", japanese.Body, StringComparison.Ordinal);
        Assert.Contains("asks only for the tariff rate on some goods over a time in which it changed, or how it went, and the answer lists every rate the fact base has on them then, this one in force at its end",
            Explain("how has the car tariff changed").Body, StringComparison.Ordinal);
        Assert.StartsWith("回答：質問はある期間に品目にかかっていた関税率（またはその推移）を尋ねており", Explain("自動車関税の推移").Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_RateChanged_SaysTheDatesMakeThisTheFactAboutThatDay()
    {
        var reply = Explain("when did the car tariff come down");

        Assert.Equal("auto-tariff-15-in-force", reply.FactIds[0]);
        Assert.Contains("asks only when the tariff rate on some goods began, changed or ended, and the dates the fact base gives its rates make this the fact about that day", reply.Body, StringComparison.Ordinal);
        Assert.StartsWith("回答：質問は品目にかかる関税率がいつ始まった（変わった・終わった）かだけを尋ねており", Explain("自動車関税はいつ下がった").Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_RuledOut_SaysWhyTheClosestFactCannotBeIt()
    {
        var reply = Explain("who was pm before ishiba");

        Assert.Contains("cannot be the one you meant: the question asks who came before or after this person, or who else besides them, which is someone else", reply.Body, StringComparison.Ordinal);
        Assert.Contains("cannot be the one you meant: the question asks for one side's holder of a post, and this person is of the other side",
            Explain("who is japan's ambassador to the us now").Body, StringComparison.Ordinal);
        Assert.Contains("cannot be the one you meant: the question asks for the tariff rate on some goods at a time, and by the dates the fact base gives its rates, this one was not the rate on them then",
            Explain("what did japanese cars and auto parts pay in may 2025").Body, StringComparison.Ordinal);
        Assert.Contains("cannot be the one you meant: the question asks about a time after the fact base's last, and this fact is not dated then: it does not mention that time, or it mentions only what was planned for it and the question asks what came of it",
            Explain("what happened in april 2026").Body, StringComparison.Ordinal);
        Assert.StartsWith("回答なし：質問は収録データの最終時点より後の時期について尋ねていますが", Explain("2026年4月に何があった").Body, StringComparison.Ordinal);
        Assert.Contains("cannot be the one you meant: the question asks about one occurrence by its number (\"the 3rd meeting\"), and this fact's title or name numbers another",
            Explain("550bn consultation committee 3rd meeting when").Body, StringComparison.Ordinal);
        Assert.StartsWith("回答なし：質問は何回目かを示して特定の回", Explain("5500億ドルの協議委員会の第3回会合はいつ").Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what time did round 2 start", "Round 2 [round-2], may be what you meant but does not give what was asked: the question asks for a time of day, and this fact states none")]
    [InlineData("what day in december 2022 did the cabinet approve the tomahawk budget", "may be what you meant but does not give what was asked: the question asks for the day, and this fact is dated only to the month or year (or not at all) and gives no day")]
    [InlineData("what was discussed at the first consultation committee meeting", "may be what you meant but does not give what was asked: the question asks what an occasion took up")]
    [InlineData("which official said trump needs to be shown the numbers", "may be what you meant but does not give what was asked: the question asks who said something or someone's full name, and this fact names no one for it")]
    [InlineData("where did kato meet bessent on currency", "Kato and Bessent discuss currency [kato-bessent-currency], may be what you meant but does not give what was asked: the question asks where something happened, and this fact says it happened at no place but those the question gives")]
    [InlineData("when did bessent become treasury secretary", "Scott Bessent [scott-bessent], may be what you meant but does not give what was asked: the question asks when the person it names took or left a post, and this profile gives that post no date at that end")]
    [InlineData("what did the ag secretary say about corn", "may be what you meant but does not give what was asked: the question asks about someone by a post that no one in the fact base holds, and this fact does not name that post")]
    public void Explain_RuledOutForADetailNotGiven_SaysTheClosestFactMayBeItButDoesNotGiveIt(string question, string expected) =>
        Assert.Contains(expected, Explain(question).Body, StringComparison.Ordinal);

    [Theory]
    // Read whole, the Japanese asks what happened that day; "円安" (the weak yen) is not read, so what it asks is unknown.
    [InlineData("7月18日に何があった", RecordAnswer.OnlyOccasionOfTheTime)]
    [InlineData("7月18日の円安は？", RecordAnswer.None)]
    public void Answer_JapaneseReadingThatLeftWordsOut_IsNoRecordQuestion(string question, RecordAnswer expected) =>
        Assert.Equal(expected, engine.Harness.Answer(question).Record);

    [Fact]
    public void Explain_GovernmentAndDate_AreRecognisedAsSuch()
    {
        var recognised = Field(Explain("chief cabinet secretary under ishiba on may 30"), "Recognised").Split('\n');

        Assert.Contains("government of Shigeru Ishiba (its time in office, not the person)", recognised);
        Assert.Contains("date: May 30, 2025", recognised);
        Assert.DoesNotContain("person: Shigeru Ishiba", recognised);
    }

    [Fact]
    public void Explain_OtherCountry_IsCountedAgainstTheAnswer()
    {
        var reply = Explain("what tariff did trump put on thailand");

        Assert.Contains("the question names a country other than Japan and the US that this fact does not", Field(reply, "Counted against it").Split('\n'));
    }

    [Fact]
    public void Explain_NothingTheFactBaseUses_SaysSoWithoutCandidates()
    {
        var reply = Explain("what is it?");

        Assert.StartsWith("No answer: once common words", reply.Body, StringComparison.Ordinal);
        Assert.Empty(reply.FactIds);
        Assert.DoesNotContain(reply.Fields, f => f.Name == RankedNext);
    }

    [Fact]
    public void Explain_QuestionInJapanese_ShowsItsEnglishReadingAndTheWordsItCouldNotRead()
    {
        var reply = Explain("第4回交渉の趣味はいつ");

        var read = Field(reply, "Read as");
        Assert.StartsWith($"\"{engine.Harness.Answer("第4回交渉の趣味はいつ").ReadAs}\" (the Japanese read through the glossary)", read, StringComparison.Ordinal);
        Assert.Equal("趣味", Field(reply, "Not read (not in the glossary)"));
        Assert.Equal("round 4", Field(reply, "Recognised"));

        // The verdict in Japanese first, saying the details are English; then the English verdict.
        var answer = engine.Harness.Answer("第4回交渉の趣味はいつ");
        var lines = reply.Body.Split('\n');
        Assert.StartsWith(answer.Abstained ? "回答なし：" : "回答：", lines[0], StringComparison.Ordinal);
        Assert.Contains(Reply.Percent(answer.Confidence), lines[0], StringComparison.Ordinal);
        Assert.EndsWith("以下の詳細は英語です。", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(answer.Abstained ? "No answer." : "Answered with", lines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.004, false, "tied")]
    [InlineData(0.09, false, "0.09 lower")]
    [InlineData(-0.25, true, "scored 0.25 higher, but your question is one a curator wrote for the answer")]
    public void Gap_SaysLowerTiedOrHigher(double gap, bool curated, string expected) =>
        Assert.Equal(expected, ExplainCommand.Gap(gap, curated));

    [Theory]
    [InlineData(0.866, "86%")]
    [InlineData(0.87, "87%")]
    [InlineData(0.57, "57%")]
    [InlineData(0.999, "99%")]
    [InlineData(1.2, "100%")]
    public void Percent_RoundsConfidenceDownSoItNeverReadsAsTheThreshold(double p, string expected) =>
        Assert.Equal(expected, Reply.Percent(p));

}
