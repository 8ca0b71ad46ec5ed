using Bot.Answering;
using Bot.Answering.Evaluation;
using Bot.Facts;

namespace Bot.Tests.Answering;

/// <summary>Behaviour of the real engine over the repository's fact base that the gold set alone would not pin down.</summary>
[Collection(RealEngineGroup.Name)]
public sealed class RealEngineTests(RealEngineFixture engine)
{
    [Theory]
    [InlineData("who is the president of france", "france")]
    [InlineData("tariffs on india", "india")]
    public void Interpret_OtherCountry_IsNotSpellCorrectedIntoAFactWord(string question, string place) =>
        Assert.Contains(place, Answerer.Interpret(engine.Harness.Index, question).Words);

    [Theory]
    // A prime minister's or president's name before "cabinet", "government" or "administration", or after "under", names
    // that government and its time, not the person; anyone else's name stays theirs ("kihara cabinet secretary").
    [InlineData("what post does hayashi hold in the takaichi cabinet", "yoshimasa-hayashi", "sanae-takaichi")]
    [InlineData("what did the trump administration officials say about rice", null, "donald-trump")]
    [InlineData("kihara cabinet secretary since when", "minoru-kihara", null)]
    [InlineData("ishiba govt chief cabinet secretary", null, "shigeru-ishiba")]
    [InlineData("hayashi under takaichi", "yoshimasa-hayashi", "sanae-takaichi")]
    [InlineData("chief cabinet secretary under takaichi", null, "sanae-takaichi")]
    [InlineData("hayashi's post under ishiba", "yoshimasa-hayashi", "shigeru-ishiba")]
    // By a title too: "under" before a head's title is their government, not a lesser post.
    [InlineData("who was chief cabinet secretary under prime minister takaichi", null, "sanae-takaichi")]
    [InlineData("chief cabinet secretary under pm ishiba", null, "shigeru-ishiba")]
    [InlineData("who ran commerce under president trump", null, "donald-trump")]
    [InlineData("who ran commerce under potus", null, "donald-trump")]
    [InlineData("who ran commerce under us president donald trump", null, "donald-trump")]
    [InlineData("chief cabinet secretary under japan pm takaichi", null, "sanae-takaichi")]
    // A head's name before a post in their government, in any word order of the post's name.
    [InlineData("who was ishiba's defense minister", null, "shigeru-ishiba")]
    [InlineData("takaichi's finance minister", null, "sanae-takaichi")]
    [InlineData("trump's commerce secretary", null, "donald-trump")]
    [InlineData("who was ishiba's minister of defense", null, "shigeru-ishiba")]
    [InlineData("trump's ambassador to japan", null, "donald-trump")]
    public void Resolve_NameOfAGovernment_IsNotThePerson(string question, string? named, string? government)
    {
        var entities = engine.Harness.Index.Entities.Resolve(Bot.Answering.QuestionNormalizer.Words(question));
        var people = entities.People;
        if (government is not null)
        {
            Assert.Equal([government], entities.Governments);
        }

        if (named is not null)
        {
            Assert.Contains(named, people);
        }

        if (government is not null)
        {
            Assert.DoesNotContain(government, people);
        }
    }

    [Theory]
    // Before a head of government's own post, or anything but a post, the name is the person's.
    [InlineData("when did ishiba become prime minister", "shigeru-ishiba")]
    [InlineData("ishiba prime minister", "shigeru-ishiba")]
    [InlineData("trump president since when", "donald-trump")]
    [InlineData("ishiba's defense policy", "shigeru-ishiba")]
    public void Resolve_NameBeforeAHeadsPostOrNoPost_IsThePerson(string question, string person)
    {
        var entities = engine.Harness.Index.Entities.Resolve(Bot.Answering.QuestionNormalizer.Words(question));

        Assert.Contains(person, entities.People);
        Assert.Empty(entities.Governments);
    }

    [Theory]
    // Speculation cues are known words: the real vocabulary has "letter" and "product" for them to be corrected into.
    [InlineData("who negotiated better, akazawa or lutnick", "better")]
    [InlineData("predict the next tariff on japan", "predict")]
    public void Interpret_SpeculationCue_IsNotSpellCorrected(string question, string cue) =>
        Assert.Contains(cue, Answerer.Interpret(engine.Harness.Index, question).Words);

    [Theory]
    // Japanese script, read through data/answering/japanese.yaml.
    [InlineData("赤沢亮正は誰？", "ryosei-akazawa")]
    [InlineData("石破首相はいつ辞任した？", "ishiba-resignation")]
    [InlineData("7月22日に何が起きた", "deal-announced")]
    // Written as in a report: a ministerial round by its ordinal, and the glossary's formal words (選出, 何機, 出席者).
    [InlineData("第2回閣僚交渉は、いつ、どこで行われたか。", "round-2")]
    [InlineData("高市早苗氏が首相に選出されたのはいつか。", "takaichi-elected-pm")]
    [InlineData("日本政府が購入を表明したボーイング機は何機か。", "boeing-100-aircraft")]
    [InlineData("第1回閣僚交渉において、米国側の出席者は誰であったか。", "round-1")]
    [InlineData("石破首相とトランプ大統領の初の首脳会談はいつ行われたか。", "ishiba-trump-summit-2025-02")]
    [InlineData("コルビー国防次官が日本に要求した防衛費の対GDP比は何パーセントか。", "defense-request-3-5pct")]
    // 求めた ("asked for"): what the US asked, not Japan's own 2% target, which it answered before.
    [InlineData("米国が日本に求めた防衛費の水準は対GDP比で何パーセントか。", "defense-request-3-5pct")]
    [InlineData("国際協力銀行はどのような役割を果たすのか。", "investment-vehicle-550bn")]
    // 対策本部 is the headquarters (the Comprehensive Response Headquarters, whose numbered meetings these are), not the
    // task force it set up (タスクフォース).
    [InlineData("総合対策本部の第6回会合では何が話し合われた", "hq-sixth-meeting")]
    [InlineData("対策本部の第7回会合はいつ", "eo-published-hq-seventh-meeting")]
    [InlineData("タスクフォースは何人", "task-force-2025-04")]
    public void Answer_QuestionInJapaneseScript_AnswersTheFact(string question, string expected)
    {
        var result = engine.Harness.Answer(question);

        Assert.False(result.Abstained);
        Assert.Equal(expected, result.Best!.Id);
    }

    [Theory]
    // Each is declined with its preface left in (0.04 to 0.85); the words after it are answered.
    [InlineData("quick question: who is akazawa", "ryosei-akazawa")]
    [InlineData("noob question: who is akazawa", "ryosei-akazawa")]
    [InlineData("one more thing: when was the deal announced", "deal-announced")]
    [InlineData("off topic, who is bessent", "scott-bessent")]
    [InlineData("ok diff question, when did takaichi become pm", "sanae-takaichi")]
    [InlineData("random question, how much rice will japan buy", "us-rice-plus-75")]
    [InlineData("i want to know the car tariff now", "tariff-japan-autos-15")]
    // A capital that acts is its country: each was declined (0.42 to 0.84) with the capital read as a place.
    [InlineData("who is tokyo's tariff negotiator", "ryosei-akazawa")]
    [InlineData("how many negotiating rounds did tokyo and the us hold", "talks-rounds-count")]
    public void Answer_QuestionAfterAPrefaceOrWithACapitalForItsCountry_AnswersAsWithout(string question, string expected)
    {
        var result = engine.Harness.Answer(question);

        Assert.False(result.Abstained);
        Assert.Equal(expected, result.Best!.Id);
    }

    [Fact]
    public void Compose_QuestionInJapaneseScript_AnswersInJapaneseAndShowsWhatItWasReadAs()
    {
        var answered = AnswerComposer.Compose(engine.Harness.Answer("赤沢亮正は誰？"));
        var abstained = AnswerComposer.Compose(engine.Harness.Answer("天気は？"));
        var english = AnswerComposer.Compose(engine.Harness.Answer("who is ryosei akazawa"));

        Assert.Equal("赤沢亮正 (Ryosei Akazawa)", answered.Title);
        Assert.StartsWith("赤沢亮正は、2025年の米国との関税交渉における日本の首席交渉官である。", answered.Body, StringComparison.Ordinal);
        Assert.EndsWith("\n(Read as: \"ryosei akazawa who\")", answered.Body, StringComparison.Ordinal);
        Assert.Equal(english.Sources, answered.Sources);
        Assert.Equal("Ryosei Akazawa", english.Title);
        Assert.Equal(AnswerComposer.AbstainTitleJapanese, abstained.Title);
        Assert.Equal("(Read as: \"weather\")\n収録データの対象は2025年の日米関税交渉（人物、交渉回、出来事、数値、購入計画）です。/talks help をお試しください。", abstained.Body);
        Assert.DoesNotContain("Read as", english.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_QuestionInJapaneseScriptWithoutCurrentJapanese_AnswersInEnglishWithTheJapaneseName()
    {
        // As when the English has changed since the Japanese was written (see JapaneseAnswersTests).
        var reply = AnswerComposer.Compose(engine.Harness.Answer("赤沢亮正は誰？") with { Japanese = null });

        Assert.Equal("Ryosei Akazawa (赤沢亮正)", reply.Title);
        Assert.StartsWith("Ryosei Akazawa: ", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_QuestionInJapaneseScriptAboutWhatSomeoneSaid_QuotesThemInEnglish()
    {
        // Their words as published: the statement is in English, so the answer is too.
        var result = engine.Harness.Answer("野田の自動車関税についての発言");
        var reply = AnswerComposer.Compose(result);

        Assert.Equal("yoshihiko-noda", result.Best!.Id);
        Assert.NotNull(result.Japanese);
        Assert.Equal("Yoshihiko Noda (野田佳彦)", reply.Title);
        Assert.Contains("\nOn July 23, 2025: The new 15% car tariff is six times the 2.5% rate that applied before.\n", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_EventInJapanese_NamesThePeopleItInvolvesInJapanese()
    {
        var reply = AnswerComposer.Compose(engine.Harness.Answer("2月の石破トランプ首脳会談"));

        Assert.Equal(["ishiba-trump-summit-2025-02"], reply.FactIds);
        Assert.Contains("\n関係者: 石破茂、ドナルド・トランプ、", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_AbstentionToAQuestionInJapaneseScript_HasNoJapanese()
    {
        var result = engine.Harness.Answer("天気は？");

        Assert.True(result.Abstained);
        Assert.Null(result.Japanese);
    }

    [Fact]
    public void Answer_FollowUpInJapaneseScript_IsAnsweredInJapanese()
    {
        var answer = engine.Harness.Answer("第4回は？", new PreviousQuestion("第1回交渉はいつ", "round-1"));

        Assert.Equal("round-4", answer.Result.Best?.Id);
        Assert.NotNull(answer.Result.Japanese);
        Assert.Contains("第4回交渉", AnswerComposer.Compose(answer.Result).Body, StringComparison.Ordinal);
    }

    [Theory]
    // A round named by its ordinal before "talks", in any script, is embedded as "round N" and answered.
    [InlineData("when were the 4th talks")]
    [InlineData("第4回交渉はいつ")]
    public void Answer_RoundNamedByOrdinalBeforeTalks_AnswersTheRound(string question)
    {
        var result = engine.Harness.Answer(question);

        Assert.False(result.Abstained);
        Assert.Equal("round-4", result.Best!.Id);
    }

    [Theory]
    // Abe's and Kishida's terms are not dated in the fact base: their governments place a post in no time the engine
    // can read, and a present-tense question is not read as now either.
    [InlineData("who is the chief cabinet secretary in the abe cabinet")]
    [InlineData("who is ccs under kishida")]
    public void Frame_GovernmentWithoutDatedTerm_IsNoTime(string question)
    {
        var words = Bot.Answering.QuestionNormalizer.Words(question);
        var index = engine.Harness.Index;

        Assert.Null(index.Roles.Frame(words, index.Analyzer.Terms(words), index.Entities.Resolve(words)));
        Assert.NotEqual("minoru-kihara", engine.Harness.Answer(question).Ranked[0].Fact.Id);
    }

    [Fact]
    public void Answer_EverySuggestionAskedBack_AnswersItsFact()
    {
        // A "did you mean" button asks its text again: it must answer, and with the fact it was offered for.
        var facts = engine.Harness.Index.Facts.Facts;
        var offered = facts.Where(f => f.Phrasings.Count > 0).Select(f => (f.Id, Asked: AnswerComposer.Suggestion(f))).ToList();

        var missed = offered.Select(o => (o.Id, o.Asked, Result: engine.Harness.Answer(o.Asked)))
            .Where(o => o.Result.Abstained || o.Result.Best!.Id != o.Id)
            .Select(o => $"{o.Id}: \"{o.Asked}\" -> {(o.Result.Abstained ? "abstained" : o.Result.Best!.Id)}").ToList();

        Assert.True(offered.Count > 100);
        Assert.Empty(missed);
    }

    [Fact]
    public void Answer_CuratedQuestionWordForWord_AnswersItsFactAtLeastAtTheThreshold()
    {
        // A threshold the model alone does not reach (so the test does not depend on the last refit).
        var strict = engine.Harness.WithModel(engine.Harness.Answerer.Model with { Threshold = 0.9999 });

        var result = strict.Answer("car tariff now?");
        var loosely = strict.Answer("whats the car tariff now, please?");
        var uncurated = strict.Answer("car tariff now for trucks?");

        Assert.True(strict.Answerer.Model.Confidence(result.Features) < 0.9999);
        Assert.False(result.Abstained);
        Assert.Equal("tariff-japan-autos-15", result.Best!.Id);
        Assert.Equal(0.9999, result.Confidence);
        Assert.Equal("tariff-japan-autos-15", loosely.Best!.Id);
        Assert.True(uncurated.Abstained);
    }

    [Theory]
    // Read through the glossary, which drops a word it does not know (a made-up one here): the reading is a curated
    // question, the question is not.
    [InlineData("ホゲホゲの自動車関税いま？", "car tariff now")]
    // Spelling-corrected into a curated question.
    [InlineData("car tarif now", null)]
    public void Answer_CuratedQuestionOnlyAfterReadingOrCorrecting_KeepsTheModelsConfidence(string question, string? readAs)
    {
        var result = engine.Harness.Answer(question);

        Assert.Equal(readAs, result.ReadAs);
        Assert.Equal(engine.Harness.Answerer.Model.Confidence(result.Features), result.Confidence);
    }

    [Theory]
    // Romanized Japanese as the real synonym table reads it; an honorific after a name is no word at all.
    [InlineData("hakko date of the 2019 kyotei", new[] { "start", "deal" })]
    [InlineData("motegi-san gaimu daijin", new[] { "motegi", "foreign_minister" })]
    [InlineData("keisan daijin now", new[] { "meti" })]
    [InlineData("10 cho en", new[] { "yen" })]
    [InlineData("105 ki of f35", new[] { "plane" })]
    public void Terms_RomanizedJapanese_AreReadAsTheFactsSayIt(string question, string[] expected)
    {
        var terms = engine.Harness.Index.Analyzer.Terms(question);

        Assert.All(expected, t => Assert.Contains(t, terms));
        Assert.DoesNotContain("san", terms);
    }

    [Theory]
    // Another country in katakana is read as that country, and the question is then not about Japan's tariff.
    [InlineData("タイの自動車関税いま", "thailand")]
    [InlineData("オーストラリアの自動車関税いま？", "australia")]
    public void Answer_OtherCountryInJapanese_IsReadAndNotAnsweredAsJapans(string question, string country)
    {
        var result = engine.Harness.Answer(question);

        Assert.Contains(country, result.ReadAs!.Split(' '));
        Assert.True(result.Abstained);
    }

    [Theory]
    [InlineData("自動車関税の発効のタイミングは？", "when", "thailand")]
    [InlineData("タイヤの関税は？", "tires", "thailand")]
    [InlineData("投資マインドは？", "sentiment", "india")]
    [InlineData("インド太平洋の枠組み", "pacific", "india")]
    public void Answer_KatakanaWordHoldingACountrysName_IsReadAsItself(string question, string word, string country)
    {
        var result = engine.Harness.Answer(question);

        Assert.Contains(word, result.ReadAs!.Split(' '));
        Assert.DoesNotContain(country, result.ReadAs!.Split(' '));
    }

    [Fact]
    public void Compose_Event_NamesThePeopleItInvolves()
    {
        var reply = AnswerComposer.Compose(engine.Harness.Answer("first ishiba trump summit"));

        Assert.Equal("ishiba-trump-summit-2025-02", Assert.Single(reply.FactIds));
        Assert.StartsWith("February 7, 2025: First Ishiba–Trump summit. People involved: Shigeru Ishiba, Donald Trump, Takeshi Iwaya, JD Vance.\n", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_QuestionAboutAnotherCountrysLeader_Abstains() =>
        Assert.True(engine.Harness.Answer("who is the president of france").Abstained);

    [Fact]
    public void Answer_RunnerUpThatOverlapsTheAnswerAndRanksClose_IsOfferedAsRelated()
    {
        var result = engine.Harness.Answer("is the steel levy still 50");

        Assert.False(result.Abstained);
        Assert.Equal("tariff-steel-aluminum", result.Best!.Id);
        var related = Assert.Single(result.Related);
        Assert.Equal("steel-aluminum-doubled-2025-06", related.Id);
        Assert.Equal([related.Phrasings[0]], AnswerComposer.Compose(result).Related);
    }

    [Theory]
    // A lesser post names nobody, nor does a shorter post or title inside its name ("treasury").
    [InlineData("who is the deputy secretary of the treasury")]
    [InlineData("who is the deputy united states secretary of defense")]
    public void Resolve_LesserPost_NamesNobody(string question) =>
        Assert.Empty(engine.Harness.Index.Entities.Resolve(Bot.Answering.QuestionNormalizer.Words(question)).People);

    [Fact]
    public void Answer_LesserPost_RanksItsHolderNotTheHolderOfThePostItsLastWordsName() =>
        Assert.Equal("elbridge-colby", engine.Harness.Answer("who is the under secretary of defense").Ranked[0].Fact.Id);

    [Theory]
    // A clear answer has no runner-up close enough; an abstention offers "did you mean" instead.
    [InlineData("who is yoji muto", false)]
    [InlineData("who is the president of france", true)]
    public void Answer_ClearAnswerOrAbstention_OffersNothingRelated(string question, bool abstains)
    {
        var result = engine.Harness.Answer(question);

        Assert.Equal(abstains, result.Abstained);
        Assert.Empty(result.Related);
    }

    [Theory]
    // "Take office" and "sworn in" are one phrase: the profile dates the post.
    [InlineData("when did takaichi take office", "sanae-takaichi")]
    [InlineData("when was takaichi sworn in", "sanae-takaichi")]
    public void Answer_WhenSomeoneTookOffice_IsTheirProfile(string question, string expected)
    {
        var result = engine.Harness.Answer(question);

        Assert.False(result.Abstained, $"abstained at {result.Confidence:F2}");
        Assert.Equal(expected, result.Best!.Id);
    }

    [Theory]
    // A post only one person in the fact base held names them; "under" makes it another, lesser post.
    [InlineData("who is the us secretary of defense", "pete-hegseth")]
    [InlineData("who is the under secretary of defense for policy", "elbridge-colby")]
    // A post several held is left to the question's time: now, in the present tense.
    [InlineData("who is the chief cabinet secretary", "minoru-kihara")]
    [InlineData("who is the us ambassador to japan", "george-glass")]
    public void Answer_PostOnlyOnePersonHeld_AnswersThem(string question, string expected)
    {
        var result = engine.Harness.Answer(question);

        Assert.False(result.Abstained);
        Assert.Equal(expected, result.Best!.Id);
    }

    [Theory]
    [InlineData("who is the current prime minister", "sanae-takaichi")]
    [InlineData("who was prime minister during the tariff talks", "shigeru-ishiba")]
    [InlineData("finance minister now", "satsuki-katayama")]
    [InlineData("who was finance minister during the negotiations", "katsunobu-kato")]
    // A government named by its head places the post in that government's time (not the handover day).
    [InlineData("chief cabinet secretary under takaichi", "minoru-kihara")]
    [InlineData("who was chief cabinet secretary under ishiba", "yoshimasa-hayashi")]
    [InlineData("finance minister in the ishiba cabinet", "katsunobu-kato")]
    [InlineData("finance minister in the takaichi cabinet", "satsuki-katayama")]
    [InlineData("who is the current foreign minister", "toshimitsu-motegi")]
    public void Answer_PostAndTime_RanksWhoHeldThePostThenFirstWithTheRoleBonus(string question, string expected) =>
        AssertRankedFirstWithBonus(question, expected, w => w with { RoleTime = 0 }, RankingWeights.Default.RoleTime);

    [Theory]
    [InlineData("who is the current foreign minister", "toshimitsu-motegi", 1)]
    [InlineData("who is the current foreign minister", "takeshi-iwaya", -1)]
    [InlineData("who was defense minister during the talks", "gen-nakatani", 1)]
    [InlineData("who was defense minister during the talks", "shinjiro-koizumi", -1)]
    [InlineData("who was defense minister in 2015", "gen-nakatani", 0)]
    [InlineData("who is the current president", "sanae-takaichi", 0)]
    [InlineData("current ldp president", "sanae-takaichi", 1)]
    [InlineData("who chairs the investment committee now", "howard-lutnick", 1)]
    [InlineData("who was japan's defense minister in january 2024", "minoru-kihara", 1)]
    [InlineData("who was the us ambassador to japan in january 2024", "rahm-emanuel", 1)]
    // Romanized titles read through the synonyms must still name the post.
    [InlineData("who is boei daijin now", "shinjiro-koizumi", 1)]
    [InlineData("gaimu daijin now", "toshimitsu-motegi", 1)]
    [InlineData("zaimu daijin during the talks", "katsunobu-kato", 1)]
    [InlineData("who was us amb to japan in jan 2024", "rahm-emanuel", 1)]
    public void RoleFit_RealPeople_ReadsTheirDatedPosts(string question, string person, int expected)
    {
        var index = engine.Harness.Index;
        Assert.Equal(expected, RoleTimesTests.Fit(index.Roles, index.Analyzer, index.Entities, engine.Harness.Facts, question, person));
    }

    [Theory]
    [InlineData("who replaced nakatani as defense minister", "shinjiro-koizumi")]
    [InlineData("who did akazawa replace as meti minister", "yoji-muto")]
    [InlineData("who was finance minister before katayama", "katsunobu-kato")]
    [InlineData("iwaya's successor at the foreign ministry", "toshimitsu-motegi")]
    [InlineData("who was chief cabinet secretary after hayashi", "minoru-kihara")]
    public void Answer_Succession_RanksTheNextOrPreviousHolderFirstWithTheAdjacentBonus(string question, string expected) =>
        AssertRankedFirstWithBonus(question, expected, w => w with { Adjacent = 0 }, RankingWeights.Default.Adjacent);

    [Theory]
    [InlineData("who was japan's pm when the deal got done", "shigeru-ishiba")]
    [InlineData("pm now?", "sanae-takaichi")]
    [InlineData("who's fm now", "toshimitsu-motegi")]
    [InlineData("who was the finance minister when the deal was made", "katsunobu-kato")]
    [InlineData("who was chief cabinet secretary when the deal was made", "yoshimasa-hayashi")]
    [InlineData("japanese finance minister during the talks?", "katsunobu-kato")]
    [InlineData("new japan finance minister", "satsuki-katayama")]
    // Kishida is known as prime minister only in December 2022; Ishiba's term began in October 2024, so Kishida had left
    // by then: one prime minister at a time.
    [InlineData("who was pm during the talks", "shigeru-ishiba")]
    [InlineData("who was the pm in june", "shigeru-ishiba")]
    // A government's time: the one holder all through it.
    [InlineData("who was ishiba's defense minister", "gen-nakatani")]
    [InlineData("takaichi's finance minister", "satsuki-katayama")]
    [InlineData("finance minister in the ishiba cabinet", "katsunobu-kato")]
    [InlineData("finance minister in the ishiba naikaku", "katsunobu-kato")]
    // A post named by a phrase whose words name no post alone ("cab sec"), or by a short form of a person noun.
    [InlineData("current chief cab sec?", "minoru-kihara")]
    [InlineData("who was cab sec when the deal was done", "yoshimasa-hayashi")]
    [InlineData("current fm", "toshimitsu-motegi")]
    // Holding a post put as running, heading or leading what it heads.
    [InlineData("who runs meti now", "ryosei-akazawa")]
    [InlineData("who heads the government", "sanae-takaichi")]
    [InlineData("who leads meti", "ryosei-akazawa")]
    // "Heads" is read as "chair" (the investment committee's), which names no part of the post asked.
    [InlineData("who heads the ldp", "sanae-takaichi")]
    public void Answer_WhoHeldAPostThen_IsTheOneHolderTheDatesGive(string question, string expected) =>
        AssertAnsweredByRecord(question, expected, RecordAnswer.PostHolder);

    [Theory]
    // People of both sides are ambassadors; "to japan" may say where the post is rather than whose it is.
    [InlineData("who is the us ambassador to japan now")]
    // Asks for another person, or for more than the post.
    [InlineData("who did the pm meet in february")]
    [InlineData("who was the pm that resigned")]
    // Kato and Katayama both held the post that month; Kato took it in October 2024, and the fact base has not who held
    // it before.
    [InlineData("who was japan's finance minister in october 2025")]
    [InlineData("who was japan's finance minister in 2024")]
    // A second "who" asks more: the pm who got the deal done is not "the pm now".
    [InlineData("who is the pm who got the deal done")]
    // Between Kishida's known December 2022 and Ishiba's October 2024 start, the dates cannot say.
    [InlineData("who was pm in 2023")]
    // The deal was not signed on the day of the last round: the MOU and the order were, in September.
    [InlineData("who chaired the investment committee when the deal was signed")]
    // "Sec" of time, not a secretary; and a ministry's head that the fact base has no post for.
    [InlineData("how many sec did the call last")]
    [InlineData("who heads the foreign ministry now")]
    public void Answer_NotOnlyWhoHeldAPost_IsNotReadAsThePostsHolder(string question) =>
        Assert.NotEqual(RecordAnswer.PostHolder, engine.Harness.Answer(question).Record);

    [Theory]
    [InlineData("who took over at meti from muto", "ryosei-akazawa")]
    [InlineData("who did takaichi replace as pm", "shigeru-ishiba")]
    public void Answer_WhoCameBeforeOrAfter_IsTheAdjacentHolder(string question, string expected) =>
        AssertAnsweredByRecord(question, expected, RecordAnswer.Succession);

    [Theory]
    [InlineData("what do japanese autos pay now", "tariff-japan-autos-15")]
    [InlineData("what rate do japanese imports face now", "tariff-japan-reciprocal-15")]
    [InlineData("whats the tarif on japan now", "tariff-japan-reciprocal-15")]
    [InlineData("what was the car tariff in may", "tariff-japan-cars-27-5")]
    [InlineData("what was the tariff on japanese goods in june 2025", "tariff-baseline-10")]
    [InlineData("auto parts tariff now", "tariff-japan-autos-15")]
    [InlineData("what tariff do japanese autos pay from september 16, 2025", "tariff-japan-autos-15")]
    [InlineData("what rate do japanese cars pay during the talks", "tariff-japan-cars-27-5")]
    [InlineData("今の自動車関税は？", "tariff-japan-autos-15")]
    [InlineData("car duty before the trade deal", "tariff-japan-cars-27-5")]
    [InlineData("steel tariff under the agreement", "tariff-steel-aluminum")]
    [InlineData("car tariff before april", "tariff-japan-cars-pre-2025")]
    [InlineData("what rate did japan pay between april and august", "tariff-baseline-10")]
    [InlineData("is the car tariff still 27.5%?", "tariff-japan-autos-15")]
    [InlineData("what's the status of the car tariff", "tariff-japan-autos-15")]
    [InlineData("car tariff status", "tariff-japan-autos-15")]
    // A time named is the status's time.
    [InlineData("what was the status of the car tariff in june", "tariff-japan-cars-27-5")]
    [InlineData("自動車関税の状況は？", "tariff-japan-autos-15")]
    // Paid in the present tense, or asked with no verb and no time: now.
    [InlineData("what tariff does japan pay", "tariff-japan-reciprocal-15")]
    [InlineData("what rate do japanese cars pay", "tariff-japan-autos-15")]
    [InlineData("japan tariff rate", "tariff-japan-reciprocal-15")]
    [InlineData("tariff on japanese auto parts", "tariff-japan-autos-15")]
    public void Answer_RateOnSomeGoodsAtATime_IsTheOneRateInForceThen(string question, string expected) =>
        AssertAnsweredByRecord(question, expected, RecordAnswer.RateInForce);

    private static string Field(Bot.Commands.Reply reply, string name) => Assert.Single(reply.Fields, f => f.Name == name).Value;

    [Fact]
    public void Answer_WhoNegotiatedForTheUs_ListsThePeopleAtTheRoundsMostRoundsFirst()
    {
        var answer = engine.Harness.Answer("who negotiated for the us");

        var reply = AnswerComposer.Compose(answer);

        Assert.Equal(RecordAnswer.Negotiators, answer.Record);
        Assert.Equal(["howard-lutnick", "scott-bessent", "jamieson-greer", "donald-trump", "marco-rubio"], reply.FactIds);
        Assert.Equal("Who negotiated for the US", reply.Title);
        Assert.StartsWith("By the records of the 8 numbered rounds (April 16, 2025 to July 22, 2025) and the 4 meetings after them, who was at them for the US", reply.Body, StringComparison.Ordinal);
        Assert.StartsWith("Rounds 2, 3, 4, 5, 6, 7 and 8, and 4 later meetings. Howard Lutnick is the US Commerce Secretary", Field(reply, "Howard Lutnick (US)"), StringComparison.Ordinal);
        Assert.StartsWith("Round 8. ", Field(reply, "Marco Rubio (US)"), StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_WhoNegotiatedAskedInJapanese_ListsThemInJapanese()
    {
        var answer = engine.Harness.Answer("米国側の交渉担当者は");

        var reply = AnswerComposer.Compose(answer);

        Assert.Equal(RecordAnswer.Negotiators, answer.Record);
        Assert.Equal("米国側の交渉担当者", reply.Title);
        Assert.StartsWith("番号付きの8回の交渉（2025年4月16日〜2025年7月22日）とその後の4回の会談の記録による、米国側の出席者", reply.Body, StringComparison.Ordinal);
        Assert.StartsWith("第2・3・4・5・6・7・8回、その後の会談4回。", Field(reply, "ハワード・ラトニック（米国）"), StringComparison.Ordinal);
        // A name the glossary lacks is the Japanese profile's title.
        Assert.StartsWith("第8回。", Field(reply, "マルコ・ルビオ（米国）"), StringComparison.Ordinal);
    }

    [Theory]
    // The person named is across the table from the one asked for: not their own profile, however short the question.
    [InlineData("who is akazawa's counterpart")]
    [InlineData("akazawa counterpart")]
    [InlineData("who was akazawa's us counterpart")]
    public void Answer_CounterpartOfOnePerson_IsSomeoneOfTheOtherSide(string question)
    {
        var result = engine.Harness.Answer(question);

        Assert.False(result.Abstained, $"abstained at {result.Confidence:F2}");
        // The fact base says Lutnick became Akazawa's main counterpart.
        Assert.Equal("howard-lutnick", result.Ranked[0].Fact.Id);
    }

    [Fact]
    public void Answer_CounterpartOfOnePerson_IsNeverThatPerson()
    {
        // Lutnick's own text calls him Akazawa's counterpart; asked for his, his profile is not the answer.
        var result = engine.Harness.Answer("who is lutnick's japanese counterpart");

        Assert.NotEqual("howard-lutnick", result.Ranked[0].Fact.Id);
    }

    [Theory]
    // The sources call Bessent the lead US negotiator; Lutnick was at more rounds: asked for one person, the records
    // cannot say who.
    [InlineData("who led the us side")]
    [InlineData("who is the us negotiator")]
    // The side after "with" is the other side's; "with us" may be the asker.
    [InlineData("who negotiated with us")]
    public void Answer_OnePersonOfASideSeveralPeopleWereAt_IsLeftToTheModel(string question) =>
        Assert.NotEqual(RecordAnswer.Negotiators, engine.Harness.Answer(question).Record);

    [Theory]
    [InlineData("who are the main us negotiators", "howard-lutnick")]
    [InlineData("who led the talks for tokyo", "ryosei-akazawa")]
    [InlineData("who negotiated with japan", "howard-lutnick")]
    [InlineData("who did the us negotiate with", "ryosei-akazawa")]
    public void Answer_NegotiatorsOfASide_IsTheList(string question, string first) =>
        AssertAnsweredByRecord(question, first, RecordAnswer.Negotiators);

    [Fact]
    public void Answer_WhatIsNew_ListsTheFiveLatestOccasionsNewestFirstAfterTheFactBasesLastDay()
    {
        var answer = engine.Harness.Answer("what's new");

        var reply = AnswerComposer.Compose(answer);

        Assert.Equal(RecordAnswer.Latest, answer.Record);
        Assert.Equal(["trip-2026-02-washington", "consultation-committee-first-meeting", "takaichi-trump-summit", "trip-2025-10-tokyo", "takaichi-us-goods-plan"], reply.FactIds);
        Assert.Equal("Latest in the talks", reply.Title);
        Assert.StartsWith("The fact base runs to February 13, 2026. Its 5 latest events and rounds, newest first", reply.Body, StringComparison.Ordinal);
        Assert.StartsWith("February 12, 2026 — ", reply.Fields[0].Name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what did japan agree to buy")]
    [InlineData("what is japan buying from the us")]
    [InlineData("japan's purchase commitments")]
    [InlineData("what purchases are in the deal")]
    [InlineData("tell me what japan is buying")]
    public void Answer_WhatIsBought_ListsTheDealsPurchases(string question)
    {
        var answer = engine.Harness.Answer(question);

        var reply = AnswerComposer.Compose(answer);

        Assert.Equal(RecordAnswer.Purchases, answer.Record);
        Assert.False(answer.Abstained);
        // The deal, then the purchases among its overview's parts, in the overview's order.
        Assert.Equal(["deal-announced", "us-rice-plus-75", "us-farm-goods-8bn", "boeing-100-aircraft", "us-defense-procurement-14-17bn", "us-energy-7bn", "us-cars-access"], reply.FactIds);
        Assert.Equal("Purchases", reply.Title);
        Assert.StartsWith("6 purchases are part of the deal (\"Trump announces the Japan deal\", July 22, 2025)", reply.Body, StringComparison.Ordinal);
        // The disputed one says so.
        Assert.StartsWith("Disputed: ", Field(reply, "Defense purchases from US companies (disputed)"), StringComparison.Ordinal);
        Assert.Contains(reply.Sources, s => engine.Harness.Index.Facts.Find("deal-announced")!.AllSourceIds.Contains(s.Id));
    }

    [Fact]
    public void Answer_WhatIsBoughtAskedInJapanese_ListsThePurchasesInJapanese()
    {
        var answer = engine.Harness.Answer("日本は何を買うことに合意した？");

        var reply = AnswerComposer.Compose(answer);

        Assert.Equal(RecordAnswer.Purchases, answer.Record);
        Assert.Equal(["deal-announced", "us-rice-plus-75", "us-farm-goods-8bn", "boeing-100-aircraft", "us-defense-procurement-14-17bn", "us-energy-7bn", "us-cars-access"], reply.FactIds);
        Assert.Equal("購入", reply.Title);
        Assert.StartsWith("「トランプ氏、日本との合意を発表」（2025年7月22日）に含まれる購入は6件です", reply.Body, StringComparison.Ordinal);
        // The disputed one: its Japanese opens by saying views differ, then says what each side says.
        var disputed = Field(reply, "米企業からの防衛装備品の調達（見解に相違）");
        Assert.StartsWith("見解が分かれている。ホワイトハウスは、", disputed, StringComparison.Ordinal);
        Assert.DoesNotContain("（主張が分かれている）", disputed, StringComparison.Ordinal);
    }

    [Fact]
    public void Answer_WhatWeaponsAreBought_ListsTheDefensePurchases()
    {
        var reply = AnswerComposer.Compose(engine.Harness.Answer("what weapons is japan buying"));

        Assert.Equal(["us-defense-procurement-14-17bn", "us-defense-equipment-plan", "tomahawk-missiles", "f35-105-additional"], reply.FactIds);
    }

    [Theory]
    // Whether, not what: a statement may answer it.
    [InlineData("did japan promise to buy more us weapons")]
    // What someone said, an amount, a day, a plan by name, a person.
    [InlineData("what weapons did japan tell the us it would buy")]
    [InlineData("how much rice is japan buying")]
    [InlineData("when did japan buy tomahawks")]
    [InlineData("japan plan to buy us weapons")]
    [InlineData("what did akazawa agree to buy")]
    // What the US buys; every purchase there is (the purchases command lists them), not the deal's.
    [InlineData("what will the us buy from japan")]
    [InlineData("list all purchases")]
    public void Answer_NotOnlyWhatIsBought_IsNotThePurchasesList(string question) =>
        Assert.NotEqual(RecordAnswer.Purchases, engine.Harness.Answer(question).Record);

    [Theory]
    [InlineData("最新情報は？")]
    [InlineData("最近の動きは？")]
    [InlineData("交渉の現状は？")]
    public void Answer_WhatIsNewAskedInJapanese_ListsTheLatestOccasionsInJapanese(string question)
    {
        var answer = engine.Harness.Answer(question);

        var reply = AnswerComposer.Compose(answer);

        Assert.Equal(RecordAnswer.Latest, answer.Record);
        Assert.Equal(["trip-2026-02-washington", "consultation-committee-first-meeting", "takaichi-trump-summit", "trip-2025-10-tokyo", "takaichi-us-goods-plan"], reply.FactIds);
        Assert.Equal("交渉の最新情報", reply.Title);
        Assert.StartsWith("収録データは2026年2月13日までです。最新の出来事・交渉回5件", reply.Body, StringComparison.Ordinal);
        Assert.Equal("2026年2月12日 — 赤沢氏とラトニック氏のワシントンでの会談（2026年2月）", reply.Fields[0].Name);
        // A disputed one says so, as the English list does.
        Assert.EndsWith("（主張が分かれている）", reply.Fields[1].Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("情報源で食い違いがあるのは？")]
    [InlineData("報道で食い違っている点は？")]
    [InlineData("異論のある点は？")]
    public void Answer_WhatIsDisputedAskedInJapanese_ListsEveryDisputedFactInJapanese(string question)
    {
        var answer = engine.Harness.Answer(question);
        var disputed = engine.Harness.Index.Facts.Facts.Where(f => f.IsDisputed).ToList();

        var reply = AnswerComposer.Compose(answer);

        Assert.Equal(RecordAnswer.Disputes, answer.Record);
        Assert.Equal(disputed.Select(f => f.Id).Order(StringComparer.Ordinal), reply.FactIds.Order(StringComparer.Ordinal));
        Assert.Equal(["tomahawk-missiles", "akazawa-named-negotiator", "round-1"], reply.FactIds.Take(3));
        Assert.Equal("情報源で説明が異なる事実", reply.Title);
        Assert.StartsWith($"{disputed.Count}件の事実で、情報源の説明が異なります。", reply.Body, StringComparison.Ordinal);
        // Round 1's first sentence, then the one that says what differs, then who gives each account.
        Assert.Equal(
            "第1回交渉は2025年4月16日にワシントンで行われた。トランプ氏との会談時間については情報源によって異なる。説明：Yomiuri Shimbun and Asahi Shimbun、NHK。",
            Field(reply, "2025年4月16日 — 第1回交渉"));
    }

    [Theory]
    // Not only what is new or disputed: the ranking answers.
    [InlineData("最新の自動車関税は？")]
    [InlineData("新しい財務大臣は？")]
    [InlineData("第1回交渉で食い違いがあるのは？")]
    public void Answer_JapaneseQuestionWithASubject_IsNotAList(string question) =>
        Assert.DoesNotContain(engine.Harness.Answer(question).Record, new[] { RecordAnswer.Latest, RecordAnswer.Disputes });

    [Fact]
    public void Answer_WhatIsDisputed_ListsEveryDisputedFactInDateOrderWithWhatDiffersAndWhoSaysWhat()
    {
        var answer = engine.Harness.Answer("what's disputed");
        var disputed = engine.Harness.Index.Facts.Facts.Where(f => f.IsDisputed).ToList();

        var reply = AnswerComposer.Compose(answer);

        Assert.Equal(RecordAnswer.Disputes, answer.Record);
        Assert.Equal(disputed.Select(f => f.Id).Order(StringComparer.Ordinal), reply.FactIds.Order(StringComparer.Ordinal));
        // In date order: the Tomahawk contract (January 2024), Akazawa's appointment (April 2025), round 1 (April 16).
        Assert.Equal(["tomahawk-missiles", "akazawa-named-negotiator", "round-1"], reply.FactIds.Take(3));
        Assert.Equal("What the sources disagree on", reply.Title);
        Assert.StartsWith($"The sources give different accounts of {disputed.Count} facts.", reply.Body, StringComparison.Ordinal);
        // Round 1's first sentence gives its date; the sentence that says what differs follows, then who gives each account.
        Assert.Equal(
            "Round 1 took place in Washington on April 16, 2025. Sources differ on how long the Trump meeting lasted. Accounts: Yomiuri Shimbun and Asahi Shimbun; NHK.",
            Field(reply, "April 16, 2025 — Round 1"));
        Assert.Equal(disputed.SelectMany(f => f.AllSourceIds).Distinct().Order(StringComparer.Ordinal), reply.Sources.Select(s => s.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Answer_HowMuchOfAWholeAskedInJapanese_IsItsAmount() =>
        AssertAnsweredByRecord("対米投資はいくら", "investment-550bn", RecordAnswer.AmountOfTheWhole);

    [Fact]
    public void Answer_HowMuchOfAWhole_OpensWithTheAmount() =>
        Assert.StartsWith("$550 billion: ", AnswerComposer.Compose(engine.Harness.Answer("how much is the investment")).Body, StringComparison.Ordinal);

    [Theory]
    [InlineData("which rounds did greer attend", "By the rounds' records, Jamieson Greer was at: Rounds 1, 2 and 3. Not at: rounds 4, 5, 6, 7 and 8.")]
    [InlineData("how many rounds did lutnick attend", "By the rounds' records, Howard Lutnick was at: Rounds 2, 3, 4, 5, 6, 7 and 8, and 4 later meetings. Not at: round 1.")]
    [InlineData("which rounds was trump at", "By the rounds' records, Donald Trump was at: Rounds 1 and 8. Not at: rounds 2, 3, 4, 5, 6 and 7.")]
    // Akazawa was at every one: nothing missed.
    [InlineData("which rounds did akazawa attend", "By the rounds' records, Ryosei Akazawa was at: Rounds 1, 2, 3, 4, 5, 6, 7 and 8, and 4 later meetings.")]
    [InlineData("was vance at any round", "The rounds' records put JD Vance at none of the 8 numbered rounds or the meetings after them.")]
    // Several rounds by number (not who took part in one round): the record says of each.
    [InlineData("was bessent at rounds 1 and 4", "By the rounds' records, Scott Bessent was at: Rounds 1, 2, 4, 5, 6 and 8, and 1 later meeting. Not at: rounds 3 and 7.")]
    [InlineData("did bessent show up for rounds 3 and 7?", "By the rounds' records, Scott Bessent was at: Rounds 1, 2, 4, 5, 6 and 8, and 1 later meeting. Not at: rounds 3 and 7.")]
    public void Answer_WhichRoundsAPersonWasAt_OpensWithTheRoundsTheRecordsPutThemAt(string question, string line)
    {
        var result = engine.Harness.Answer(question);

        Assert.False(result.Abstained);
        Assert.Equal(RecordAnswer.RoundsAttended, result.Record);
        Assert.StartsWith(line + "\n", AnswerComposer.Compose(result).Body, StringComparison.Ordinal);
    }

    [Theory]
    // Two people, a round named, more words.
    [InlineData("which rounds did bessent and lutnick both attend")]
    [InlineData("was lutnick at round 4")]
    [InlineData("was bessent at round 3 or 7")]
    [InlineData("what did greer say in the rounds he attended")]
    public void Answer_NotOnlyWhichRoundsAPersonWasAt_IsNotReadSo(string question) =>
        Assert.NotEqual(RecordAnswer.RoundsAttended, engine.Harness.Answer(question).Record);

    [Theory]
    // Lutnick is not in Round 1's record (AP's report that he would come is not confirmed): they first met at Round 2.
    [InlineData("first akazawa lutnick meeting", "round-2", "By the rounds' records, the first of the 11 rounds and meetings Ryosei Akazawa and Howard Lutnick were both at:")]
    [InlineData("when did akazawa first meet lutnick", "round-2", "By the rounds' records, the first of the 11 rounds and meetings Ryosei Akazawa and Howard Lutnick were both at:")]
    [InlineData("when did akazawa and lutnick meet for the second time", "round-3", "By the rounds' records, the second of the 11 rounds and meetings Ryosei Akazawa and Howard Lutnick were both at:")]
    // The people named are of both sides: events that put them all at one meeting count too (Akazawa was with Ishiba when
    // he met Trump at the G7; he was present when Bessent met Ishiba in Tokyo, and hosted him at the Osaka Expo).
    [InlineData("when did akazawa meet trump a second time", "g7-kananaskis-meeting", "By the rounds' and events' records, the second of the 3 rounds and meetings Ryosei Akazawa and Donald Trump were both at:")]
    [InlineData("sixth akazawa bessent meeting", "bessent-meets-ishiba-tokyo", "By the rounds' and events' records, the sixth of the 9 rounds and meetings Ryosei Akazawa and Scott Bessent were both at:")]
    // "The first time …", a question about that meeting, and "last".
    [InlineData("when was the first time akazawa met lutnick", "round-2", "By the rounds' records, the first of the 11 rounds and meetings Ryosei Akazawa and Howard Lutnick were both at:")]
    [InlineData("what happened at the second akazawa lutnick meeting", "round-3", "By the rounds' records, the second of the 11 rounds and meetings Ryosei Akazawa and Howard Lutnick were both at:")]
    [InlineData("when did akazawa and lutnick last meet", "trip-2026-02-washington", "By the rounds' records, the eleventh of the 11 rounds and meetings Ryosei Akazawa and Howard Lutnick were both at:")]
    [InlineData("akazawa's first meeting", "round-1", "By the rounds' records, the first of the 12 rounds and meetings Ryosei Akazawa was at:")]
    [InlineData("the very first akazawa lutnick meeting", "round-2", "By the rounds' records, the first of the 11 rounds and meetings Ryosei Akazawa and Howard Lutnick were both at:")]
    public void Answer_OneMeetingOfThePeopleNamedByItsNumber_IsThatOneOfTheMeetingsTheRecordsPutThemAt(string question, string expected, string line)
    {
        AssertAnsweredByRecord(question, expected, RecordAnswer.NumberedMeeting);
        Assert.StartsWith(line + "\n", AnswerComposer.Compose(engine.Harness.Answer(question)).Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how many times did akazawa meet lutnick", "trip-2026-02-washington", "By the rounds' records, Ryosei Akazawa and Howard Lutnick were both at 11 rounds and meetings: Round 2, May 1, 2025; Round 3, May 23, 2025;")]
    [InlineData("how often did akazawa and trump meet", "round-8", "By the rounds' and events' records, Ryosei Akazawa and Donald Trump were both at 3 rounds and meetings: Round 1, April 16, 2025;")]
    public void Answer_HowManyTimesThePeopleNamedMet_ListsTheMeetingsTheRecordsPutThemAtAndTheLatestAnswers(string question, string expected, string opening)
    {
        AssertAnsweredByRecord(question, expected, RecordAnswer.NumberedMeeting);
        Assert.StartsWith(opening, AnswerComposer.Compose(engine.Harness.Answer(question)).Body, StringComparison.Ordinal);
    }

    [Theory]
    // A place, or a trip (Lutnick's trip to Tokyo is no round of his), asks for another meeting; "first" alone numbers none.
    [InlineData("first akazawa lutnick meeting in tokyo")]
    [InlineData("lutnick's first trip to japan")]
    [InlineData("who did akazawa meet first")]
    // More meetings than the records have.
    [InlineData("the 20th akazawa lutnick meeting")]
    // "Last" as a verb after "how long", and "second to last": no one meeting the rule counts.
    [InlineData("how long did the akazawa lutnick meeting last")]
    [InlineData("second to last akazawa lutnick meeting")]
    // No one of Japan's side named: the rounds are not a US official's meetings with Japan (Muto saw Lutnick and Greer
    // in March 2025, Ishiba saw Trump in February) nor among themselves.
    [InlineData("trump's first meeting with japan")]
    [InlineData("lutnick's first meeting with japan")]
    [InlineData("when did bessent and lutnick first meet")]
    public void Answer_NotOnlyOneMeetingOfThePeopleNamed_IsNotReadSo(string question) =>
        Assert.NotEqual(RecordAnswer.NumberedMeeting, engine.Harness.Answer(question).Record);

    [Theory]
    // Akazawa and Lutnick's records list 11 meetings: the February 2026 one is not their 12th.
    [InlineData("12th akazawa lutnick meeting")]
    [InlineData("when did akazawa and lutnick meet for the twelfth time")]
    public void Answer_AMeetingNumberedPastTheRecords_RulesThemOut(string question) =>
        Assert.Equal(RuledOut.OtherOccurrence, engine.Harness.Answer(question).RuledOut);

    [Theory]
    // "Last minute" (the cancelled trip's) is one term: "last" alone asks for the latest.
    [InlineData("akazawa's last trip to washington")]
    [InlineData("when was akazawa last in washington")]
    public void Answer_LastAsLatest_IsNotTheLastMinuteCancellation(string question)
    {
        var result = engine.Harness.Answer(question);
        Assert.True(result.Abstained || result.Ranked[0].Fact.Id != "akazawa-trip-cancelled-2025-08",
            $"answered with the cancelled trip at {result.Confidence:F2}");
        Assert.Equal("trip-2026-02-washington", result.Suggestions.Concat(result.Ranked.Select(r => r.Fact)).First().Id);
    }

    [Theory]
    // Round 8's title states 8 and the count of rounds gives 8, but not in billions.
    [InlineData("what's the 8 billion", "us-farm-goods-8bn")]
    [InlineData("what's the 7 billion", "us-energy-7bn")]
    public void Answer_WhatAFigureIs_TheUnitsRuleOutOtherFactsStatingTheNumber(string question, string expected) =>
        AssertAnsweredByRecord(question, expected, RecordAnswer.FigureNamed);

    [Theory]
    [InlineData("how much is the investment", "investment-550bn")]
    [InlineData("how big is the investment", "investment-550bn")]
    [InlineData("how much rice", "us-rice-plus-75")]
    [InlineData("how much are the defense purchases", "us-defense-procurement-14-17bn")]
    public void Answer_HowMuchOfAWholeNamedByItsOverview_IsItsAmount(string question, string expected) =>
        AssertAnsweredByRecord(question, expected, RecordAnswer.AmountOfTheWhole);

    [Theory]
    // A count, which an amount does not give; a whole with no amount (the deal is Trump's announcement); more words.
    [InlineData("how many weapons")]
    [InlineData("how much is the deal")]
    [InlineData("how much rice did japan buy in 2024")]
    public void Answer_NotOnlyHowMuchOfAWhole_IsNotReadSo(string question) =>
        Assert.NotEqual(RecordAnswer.AmountOfTheWhole, engine.Harness.Answer(question).Record);

    [Theory]
    // A time compared with now: each rate from then to now, with its days.
    [InlineData("car tariff before the deal vs now", new[] { "tariff-japan-cars-27-5", "tariff-japan-autos-15" })]
    [InlineData("steel tariff before june vs now", new[] { "steel-aluminum-tariff-2025-03", "tariff-steel-aluminum" })]
    [InlineData("car tariff in may and now", new[] { "tariff-japan-cars-27-5", "tariff-japan-autos-15" })]
    public void Answer_RateThenComparedWithNow_ListsEachRateFromThenToNow(string question, string[] expected)
    {
        var result = engine.Harness.Answer(question);
        var reply = AnswerComposer.Compose(result);

        Assert.False(result.Abstained);
        Assert.Equal(RecordAnswer.RatesOverTime, result.Record);
        Assert.Equal(expected, reply.FactIds);
    }

    [Fact]
    public void Answer_SeveralChangesOfTheKindAsked_ListsEachRate()
    {
        // Steel went up twice: to 25% on March 12, 2025 and to 50% on June 4.
        var result = engine.Harness.Answer("when did the steel tariff go up");
        var reply = AnswerComposer.Compose(result);

        Assert.False(result.Abstained);
        Assert.Equal(RecordAnswer.RatesOverTime, result.Record);
        Assert.Equal(["steel-aluminum-tariff-2025-03", "tariff-steel-aluminum"], reply.FactIds);
        Assert.Equal(["March 12, 2025 to June 3, 2025", "since June 4, 2025"], reply.Fields.Select(f => f.Name.Split(" — ")[0]));
    }

    [Theory]
    // The rate then, not the steel figure's display, which gives both of its rates ("25% from March 12…").
    [InlineData("is the steel tariff still 50%?", "Yes: 50%, since June 4, 2025.")]
    [InlineData("is the steel tariff still 25%?", "No: 50%, since June 4, 2025.")]
    [InlineData("is the car tariff still 27.5%?", "No: 15%, since September 16, 2025.")]
    public void Compose_WhetherTheRateIsANumber_SaysYesOrNoAndTheRateFirst(string question, string opening)
    {
        var result = engine.Harness.Answer(question);

        Assert.Equal(RecordAnswer.RateInForce, result.Record);
        Assert.Equal(opening, AnswerComposer.Compose(result).Body.Split('\n')[0]);
    }

    [Fact]
    public void Compose_WhetherTheRateIsOneOfTwoNumbers_SaysNeither()
    {
        var result = engine.Harness.Answer("is the car tariff 25% or 15% now");

        Assert.Equal(RecordAnswer.RateInForce, result.Record);
        Assert.Null(result.RateCheck);
        Assert.StartsWith("15%", AnswerComposer.Compose(result).Body, StringComparison.Ordinal);
    }

    [Theory]
    // The day the rate changed, and the event dated that day about those goods says what changed.
    [InlineData("when did the car tariff come down", "auto-tariff-15-in-force")]
    [InlineData("when did the car tariff go up", "auto-tariff-in-force-2025-04")]
    [InlineData("自動車関税はいつ下がった", "auto-tariff-15-in-force")]
    // No event that day is about auto parts (the 15% car tariff's is about cars): the rate, which covers both.
    [InlineData("when did the tariff on auto parts come down", "tariff-japan-autos-15")]
    // Asked when it ended: the rate itself, which gives its last day.
    [InlineData("when did the 27.5% end", "tariff-japan-cars-27-5")]
    public void Answer_WhenTheRateOnSomeGoodsChanged_IsTheFactAboutThatDay(string question, string expected) =>
        AssertAnsweredByRecord(question, expected, RecordAnswer.RateChanged);

    [Theory]
    [InlineData("when did they strike the deal")]
    [InlineData("what day was the trade agreement reached")]
    [InlineData("合意はいつ")]
    public void Answer_OnlyWhenTheDealWasMade_IsTheDealsAnnouncement(string question) =>
        AssertAnsweredByRecord(question, "deal-announced", RecordAnswer.DayOfTheWhole);

    [Theory]
    [InlineData("what happened in april 2026")]
    [InlineData("what did akazawa do on may 5, 2026")]
    // Nor a rule's answer: the 15% has no end in its record, but the fact base cannot say it still held then.
    [InlineData("car tariff in march 2026")]
    // The February 2026 meeting's record mentions Takaichi's March 19 visit, as planned: what came of it, or whether it
    // took place, is after the fact base.
    [InlineData("what happened on march 19 2026")]
    [InlineData("what came out of takaichi's white house visit on march 19, 2026?")]
    [InlineData("did takaichi visit the white house on march 19 2026")]
    public void Answer_TimeAfterTheFactBase_IsRuledOutUnlessTheFactMentionsIt(string question)
    {
        // The fact base runs to February 2026.
        var result = AnswerRuledOut(question, RuledOut.AfterTheFactBase);

        Assert.StartsWith("The fact base runs to February 13, 2026.", AnswerComposer.Compose(result).Body, StringComparison.Ordinal);
    }

    [Theory]
    // What was planned for a later day, or when it is: the record that mentions it says.
    [InlineData("when is takaichi's white house visit", "trip-2026-02-washington")]
    [InlineData("what was planned for march 19 2026", "trip-2026-02-washington")]
    public void Answer_PlanForATimeAfterTheFactBase_IsNotRuledOut(string question, string expected)
    {
        var result = engine.Harness.Answer(question);

        Assert.Equal(RuledOut.None, result.RuledOut);
        Assert.Equal(expected, result.Best?.Id ?? result.Suggestions[0].Id);
    }

    [Theory]
    // The committee's fact is its first meeting (a weak report of a second is only a line in Chris Wright's profile).
    [InlineData("550bn consultation committee 3rd meeting when", "consultation-committee-first-meeting")]
    [InlineData("when was the second meeting of the 550 billion consultation committee", "consultation-committee-first-meeting")]
    [InlineData("when did the consultation committee meet for the second time", "consultation-committee-first-meeting")]
    // "550bn" is the title's "$550 billion".
    [InlineData("second $550bn consultation committee meeting date", "consultation-committee-first-meeting")]
    // An alias naming the body, not an occasion ("Japan-US consultation committee"), names the same series.
    [InlineData("when was the second japan-us consultation committee meeting held", "consultation-committee-first-meeting")]
    // "First White House summit" is an alias of the first Ishiba-Trump summit: it numbers the first, not a second.
    [InlineData("ishiba's second white house summit", "ishiba-trump-summit-2025-02")]
    // A summit asked as a visit or a meeting.
    [InlineData("ishiba's second white house visit", "ishiba-trump-summit-2025-02")]
    [InlineData("when did ishiba visit the white house a second time", "ishiba-trump-summit-2025-02")]
    // "As" before a post does not open another clause.
    [InlineData("did ishiba visit the white house as pm a second time", "ishiba-trump-summit-2025-02")]
    // "Takaichi–Trump summit in Tokyo" numbers nothing; its alias "first Takaichi Trump summit" numbers the first.
    [InlineData("when was the second takaichi trump summit", "takaichi-trump-summit")]
    [InlineData("takaichi's second meeting with trump", "takaichi-trump-summit")]
    // The fact base knows one cancelled trip (its alias "cancelled trip"): its first is this fact, a second is not.
    [InlineData("when was akazawa's second cancelled trip", "akazawa-trip-cancelled-2025-08")]
    public void Answer_AnotherOccurrenceThanTheFactNumbers_IsRuledOut(string question, string fact) =>
        Assert.Equal(fact, AnswerRuledOut(question, RuledOut.OtherOccurrence).Ranked[0].Fact.Id);

    [Theory]
    [InlineData("when did the 550 billion consultation committee hold its first meeting")]
    // A day of the month written as an ordinal numbers no occurrence.
    [InlineData("what did the consultation committee do on december 17th")]
    public void Answer_TheOccurrenceTheFactsTitleNumbers_IsNotRuledOut(string question)
    {
        var result = engine.Harness.Answer(question);
        Assert.Equal(RuledOut.None, result.RuledOut);
        Assert.Equal("consultation-committee-first-meeting", result.Ranked[0].Fact.Id);
    }

    [Theory]
    // 'First' as 'earlier', as an adverb, or a day of the month: no occurrence of the title's occasion is asked for.
    [InlineData("which happened first, akazawa's cancelled trip or ishiba's resignation")]
    [InlineData("what did akazawa sign first on his september trip")]
    [InlineData("was the stacking problem first raised on the august trip")]
    [InlineData("was this the first time akazawa cancelled a trip")]
    [InlineData("why did akazawa cancel his trip on thursday the 28th")]
    [InlineData("eo 14345 published on 9th?")]
    [InlineData("who was at the committee meeting of the 17th")]
    // "For the first time" of a later verb numbers no trip.
    [InlineData("akazawa went to washington in september and for the first time an mou was signed")]
    // An alias that numbers nothing names a narrower series: the first cancelled trip is not the tenth trip.
    [InlineData("when was akazawa's first cancelled trip")]
    // An alias numbering an occasion the title does not name numbers another thing: Ishiba's briefing on the deal was
    // the "sixth HQ meeting", and the first one about the deal.
    [InlineData("ishiba's first headquarters meeting about the deal")]
    public void Answer_OrdinalsThatNumberNoOtherOccurrence_AreNotRuledOut(string question)
    {
        var result = engine.Harness.Answer(question);
        Assert.Equal(RuledOut.None, result.RuledOut);
        Assert.False(result.Abstained);
    }

    [Fact]
    public void Answer_LaterTimeAFactMentions_IsNotRuledOut()
    {
        // The MOU's deadline is a later day the fact base states.
        var result = engine.Harness.Answer("will japan commit the money by january 2029");
        Assert.False(result.Abstained);
        Assert.Equal(RuledOut.None, result.RuledOut);
        Assert.Equal("investment-deadline-2029", result.Ranked[0].Fact.Id);
    }

    [Theory]
    // A day on which something happened to the car tariff asks what happened: the extra 25% took effect that day.
    [InlineData("april 3 car tariff")]
    // Japan's own tariffs on American goods are not the rates the fact base dates.
    [InlineData("what is the tariff on us cars now")]
    // The pharma cap is a ceiling on a tariff announced for later, not a rate the fact base says is in force.
    [InlineData("japan meds tariff now")]
    // Asked "from" a day when most goods paid 10% for six more days: the rate set for then (the July letter's 25%) is
    // not one in force, and no one rate was from then on.
    [InlineData("what rate was japan facing from august 1")]
    // Paid in the past with no time named: no one rate.
    [InlineData("what tariff did japan pay")]
    public void Answer_NotOnlyTheRateInForce_IsNotReadAsIt(string question)
    {
        var result = engine.Harness.Answer(question);
        Assert.NotEqual(RecordAnswer.RateInForce, result.Record);
        // Nor answered with a rate of the goods asked at another time.
        Assert.True(result.Abstained || result.Ranked[0].Fact.InForce is null, result.Ranked[0].Fact.Id);
    }

    [Fact]
    public void Subject_AbstentionOnWhoOfferingAPerson_IsThatPersonForTheNextQuestionsPronouns()
    {
        var first = engine.Harness.Answer("who was pm when japan approved 105 more f-35s");
        Assert.True(first.Abstained);
        Assert.Equal("shinzo-abe", first.Suggestions[0].Id);

        Assert.Equal("shinzo-abe", first.Subject?.Id);
        Assert.Equal("who was shinzo abe chief cabinet secretary", FollowUps.Readings(engine.Harness.Index, "who was his chief cabinet secretary", new PreviousQuestion(first.Question, first.Subject?.Id))[0]);
    }

    [Fact]
    public void Subject_UnsureAbstentionOnAnythingButWho_IsNothing()
    {
        var result = engine.Harness.Answer("what's section 301");

        Assert.True(result.Abstained);
        Assert.True(result.Confidence < 0.7);
        Assert.Null(result.Subject);
    }

    [Fact]
    public void Subject_NearMissAbstention_IsTheFactSuggestedFirst()
    {
        // Just under the threshold: "those" in the next question is most likely the fact offered first.
        var first = engine.Harness.Answer("how many f-35s did abe approve in 2018");
        var next = engine.Harness.Answer("hw many of those r f35b", new PreviousQuestion(first.Question, first.Subject?.Id));

        Assert.True(first.Abstained);
        Assert.True(first.Confidence >= 0.7);
        Assert.Equal(first.Suggestions[0].Id, first.Subject?.Id);
        Assert.NotNull(next.WholeQuestion);
        Assert.DoesNotContain("those", next.WholeQuestion);
        Assert.False(next.Result.Abstained);
        Assert.Equal(first.Subject!.Id, next.Result.Best!.Id);
    }

    [Theory]
    // The goods a rate was asked for swapped for the follow-up's, general goods words too.
    [InlineData("car tariff now?", "and steel?", "steel tariff now")]
    [InlineData("what rate do japanese imports face now", "what about cars", "what rate do japanese cars face now")]
    [InlineData("what was the car tariff in june 2025", "and auto parts?", "what was the auto parts tariff in june 2025")]
    public void Readings_FollowUpNamingOtherGoods_AsksTheSameRateOfThem(string previous, string question, string expected)
    {
        Assert.Equal(expected, FollowUps.Readings(engine.Harness.Index, question, new PreviousQuestion(previous, null))[0]);
        var answered = engine.Harness.Answer(question, new PreviousQuestion(previous, null));
        Assert.False(answered.Result.Abstained);
        Assert.Equal(RecordAnswer.RateInForce, answered.Result.Record);
    }

    [Fact]
    public void Readings_FollowUpNamingOtherGoodsAfterWhenTheRateChanged_AsksTheSameOfThem()
    {
        var previous = new PreviousQuestion("when did the car tariff come down", null);
        Assert.Equal(["when did the auto parts tariff come down"], FollowUps.Readings(engine.Harness.Index, "and auto parts?", previous));
        var answered = engine.Harness.Answer("and auto parts?", previous);
        Assert.False(answered.Result.Abstained);
        Assert.Equal("tariff-japan-autos-15", answered.Result.Ranked[0].Fact.Id);
        Assert.Equal(RecordAnswer.RateChanged, answered.Result.Record);
    }

    [Fact]
    public void Readings_FollowUpNamingGoodsAfterAnotherQuestion_SwapsNothing()
    {
        // Not a rate question: "cars" does not take the place of "export".
        Assert.DoesNotContain("how much did japan cars in 2024", FollowUps.Readings(engine.Harness.Index, "and cars?", new PreviousQuestion("how much did japan export in 2024", null)));
        // Two dates: "now" takes the place of neither.
        Assert.DoesNotContain("what was the car tariff between now", FollowUps.Readings(engine.Harness.Index, "and now?", new PreviousQuestion("what was the car tariff between april and june 2025", null)));
    }

    [Theory]
    [InlineData("car tariff in 2025")]
    [InlineData("how has the car tariff changed")]
    public void Answer_RateThatChangedOverTheTimeAsked_ListsEachRateInOrder(string question)
    {
        // The car tariff was 2.5% until April 2, 2025, 27.5% until September 15 and 15% since.
        var result = engine.Harness.Answer(question);
        var reply = AnswerComposer.Compose(result);

        Assert.False(result.Abstained);
        Assert.Equal(RecordAnswer.RatesOverTime, result.Record);
        Assert.Equal("tariff-japan-autos-15", result.Ranked[0].Fact.Id);
        Assert.Equal(["tariff-japan-cars-pre-2025", "tariff-japan-cars-27-5", "tariff-japan-autos-15"], reply.FactIds);
        Assert.Equal(
            ["until April 2, 2025 — US tariff on Japanese cars before 2025", "April 3, 2025 to September 15, 2025 — Total tariff on Japanese cars before the deal",
                "since September 16, 2025 — Agreed tariff on Japanese cars and parts"],
            reply.Fields.Select(f => f.Name));
        Assert.StartsWith("The fact base has 3 rates on Japanese cars over that time", reply.Body, StringComparison.Ordinal);
        // Every rate's sources.
        Assert.All(reply.FactIds, id => Assert.Subset(reply.Sources.Select(s => s.Id).ToHashSet(), engine.Harness.Facts.Find(id)!.SourceIds.ToHashSet()));
    }

    [Theory]
    [InlineData("自動車関税の推移")]
    [InlineData("2025年の自動車関税は")]
    public void Answer_RatesOverTimeAskedInJapanese_ListsEachRateInJapanese(string question)
    {
        var result = engine.Harness.Answer(question);
        var reply = AnswerComposer.Compose(result);

        Assert.False(result.Abstained);
        Assert.Equal(RecordAnswer.RatesOverTime, result.Record);
        Assert.Equal(["tariff-japan-cars-pre-2025", "tariff-japan-cars-27-5", "tariff-japan-autos-15"], reply.FactIds);
        Assert.Equal("日本の自動車への米国の関税：税率の推移", reply.Title);
        Assert.StartsWith("収録データでは、その期間の日本の自動車への税率は3件です（発効順）：", reply.Body, StringComparison.Ordinal);
        // Japanese days, and each rate's Japanese title (all three are translated).
        var index = engine.Harness.Index;
        Assert.Equal(
            reply.FactIds.Zip(["2025年4月2日まで", "2025年4月3日〜2025年9月15日", "2025年9月16日から"],
                (id, days) => $"{days} — {JapaneseFacts.For(index.Translations, index.Facts.Find(id)!, index.Facts)!.Title}"),
            reply.Fields.Select(f => f.Name));
    }

    [Fact]
    public void Answer_RateNotInForceAtTheTimeAsked_IsRuledOut()
    {
        // Cars paid 27.5% and parts the extra 25% in May 2025: no one rate for both, and the 15% came in September.
        var result = AnswerRuledOut("what did japanese cars and auto parts pay in may 2025", RuledOut.RateNotInForceThen);

        Assert.Equal("tariff-japan-autos-15", result.Ranked[0].Fact.Id);
        Assert.DoesNotContain(result.Suggestions, f => ReferenceEquals(f, result.Ranked[0].Fact));
    }

    [Theory]
    // Steel paid 25% from March 12, 2025 and 50% from June 4.
    [InlineData("steel tariff in may 2025", "steel-aluminum-tariff-2025-03", RecordAnswer.RateInForce)]
    [InlineData("steel tariff in 2025", "tariff-steel-aluminum", RecordAnswer.RatesOverTime)]
    // Asked from a time: the rate in force from then to now.
    [InlineData("what rate do cars pay from october 2025", "tariff-japan-autos-15", RecordAnswer.RateInForce)]
    public void Answer_RateAtATime_ByTheDaysEachWasInForce(string question, string expected, RecordAnswer record) =>
        AssertAnsweredByRecord(question, expected, record);

    /// <summary>The question's answer, declined because its top fact was ruled out for <paramref name="reason"/>.</summary>
    private AnswerResult AnswerRuledOut(string question, RuledOut reason)
    {
        var result = engine.Harness.Answer(question);
        Assert.True(result.Abstained);
        Assert.Equal(reason, result.RuledOut);
        return result;
    }

    private void AssertAnsweredByRecord(string question, string expected, RecordAnswer record)
    {
        var result = engine.Harness.Answer(question);
        Assert.False(result.Abstained, $"abstained at {result.Confidence:F2}");
        Assert.Equal(expected, result.Ranked[0].Fact.Id);
        Assert.Equal(record, result.Record);
    }

    [Fact]
    public void Answer_SuccessionAtATime_IsNotReadAsOnlySuccession() =>
        // Akazawa took over in October, after the talks: the time is part of what is asked.
        Assert.NotEqual(RecordAnswer.Succession, engine.Harness.Answer("who replaced muto at meti during the talks").Record);

    [Theory]
    // Japan's ambassador in Washington now is not in the fact base; the US ambassador to Japan is not it.
    [InlineData("who is japan's ambassador to the us now")]
    [InlineData("who is the japanese ambassador now")]
    public void Answer_OneSidesHolderAsked_RulesOutThePeopleOfTheOtherSide(string question)
    {
        Assert.Equal(Side.UnitedStates, AnswerRuledOut(question, RuledOut.OtherSide).Ranked[0].Fact.Side);
    }

    [Fact]
    public void Answer_WhoCameBeforeSomeoneTheDatesDoNotPlace_IsNotThatPerson()
    {
        // The fact base dates no prime minister's term that ended when Ishiba's began.
        var result = AnswerRuledOut("who was pm before ishiba", RuledOut.IsThePersonNamed);
        Assert.Equal("shigeru-ishiba", result.Ranked[0].Fact.Id);
        Assert.DoesNotContain(result.Suggestions, f => f.Id == "shigeru-ishiba");

        // The same in Japanese, which reads "ishiba before prime minister": the name comes first.
        AnswerRuledOut("石破の前の首相は誰", RuledOut.IsThePersonNamed);

        // A curated question of the person's own fact is still answered by it: her profile says whom she succeeded.
        var curated = engine.Harness.Answer("takaichi replaced who");
        Assert.False(curated.Abstained);
        Assert.Equal("sanae-takaichi", curated.Ranked[0].Fact.Id);
        Assert.Equal(RuledOut.None, curated.RuledOut);
    }

    [Theory]
    [InlineData("until when was kato finance minister", "katsunobu-kato", "satsuki-katayama")]
    [InlineData("since when is koizumi japan's defense minister", "shinjiro-koizumi", "gen-nakatani")]
    [InlineData("when did motegi become japan's top diplomat", "toshimitsu-motegi", "takeshi-iwaya")]
    // "secretary" is part of the name here, not a kind of person asked for.
    [InlineData("the treasury secretary at the osaka expo", "osaka-expo-us-day", "christopher-landau")]
    public void Answer_NamesSomeoneAndAsksNoPerson_PassesOverOtherPeople(string question, string expected, string other)
    {
        Assert.Equal(expected, engine.Harness.Answer(question).Ranked[0].Fact.Id);
        var unpenalised = Score(engine.Harness.WithWeights(RankingWeights.Default with { OtherPerson = 0 }), question, other);
        Assert.NotNull(unpenalised);
        // Penalised, the other person either drops out of the ten kept or keeps their place with exactly the penalty off.
        var penalised = Score(engine.Harness, question, other);
        Assert.True(penalised is null || Math.Abs(unpenalised.Value - RankingWeights.Default.OtherPerson - penalised.Value) < 1e-6, $"{penalised} vs {unpenalised}");
    }

    [Theory]
    [InlineData("what was the most recent meeting")]
    [InlineData("the latest round of talks")]
    [InlineData("most recent trip")]
    [InlineData("what's the latest")]
    [InlineData("latest news?")]
    public void Answer_LatestOccasion_RanksTheLastRoundOrTripFirstWithTheLatestBonus(string question)
    {
        // Curated phrasings may put the last trip first on their own; the bonus must still be part of its score.
        var last = engine.Harness.Facts.Rounds[^1].Id;
        Assert.Equal(last, engine.Harness.Answer(question).Ranked[0].Fact.Id);
        var with = Score(engine.Harness, question, last);
        var without = Score(engine.Harness.WithWeights(RankingWeights.Default with { Latest = 0 }), question, last);
        Assert.NotNull(with);
        Assert.NotNull(without);
        Assert.Equal(RankingWeights.Default.Latest, with.Value - without.Value, 6);
    }

    [Fact]
    public void Answer_LatestRound_AnswersOrSuggestsTheLastOccasionEvenWithLittleWordingInCommon()
    {
        // The last trip shares few words with "latest round"; the evidence that puts it first still makes it a suggestion.
        var result = engine.Harness.Answer("latest round");
        var last = engine.Harness.Facts.Rounds[^1];
        Assert.Equal(last, result.Ranked[0].Fact);
        Assert.Contains(last, result.Abstained ? result.Suggestions : [result.Best!]);
    }

    [Theory]
    [InlineData("latest car tariff", false)]
    [InlineData("most recent round", true)]
    [InlineData("newest talks", true)]
    [InlineData("recent meeting with trump", true)]
    [InlineData("when was the first meeting", false)]
    [InlineData("what's the latest", true)]
    [InlineData("any latest news?", true)]
    [InlineData("latest on rice", false)]
    public void AsksLatest_NeedsAnOccasion(string question, bool expected)
    {
        var words = QuestionNormalizer.Words(question);
        Assert.Equal(expected, Answerer.AsksLatest(words, engine.Harness.Index.Analyzer.Terms(words)));
    }

    [Theory]
    [InlineData("car tariff now?", "tariff-japan-autos-15", "tariff-japan-cars-27-5")]
    [InlineData("what is japan's reciprocal rate now", "tariff-japan-reciprocal-15", "tariff-japan-reciprocal-24")]
    public void Answer_RateNow_PassesOverRatesThatEnded(string question, string expected, string ended)
    {
        Assert.Equal(expected, engine.Harness.Answer(question).Ranked[0].Fact.Id);
        var unpenalised = Score(engine.Harness.WithWeights(RankingWeights.Default with { EndedNow = 0 }), question, ended);
        Assert.NotNull(unpenalised);
        if (Score(engine.Harness, question, ended) is { } penalised)
        {
            Assert.Equal(unpenalised.Value - RankingWeights.Default.EndedNow, penalised, 6);
        }
    }

    [Theory]
    [InlineData("all-in car tariff in may 2025", "tariff-japan-cars-27-5")]
    [InlineData("japan's reciprocal rate in april", "tariff-japan-reciprocal-24")]
    public void Answer_RateAtADate_RanksTheRateThatAppliedThenFirst(string question, string expected) =>
        Assert.Equal(expected, engine.Harness.Answer(question).Ranked[0].Fact.Id);

    /// <summary>The expected fact ranks first, and scores exactly <paramref name="bonus"/> more than with that bonus off.</summary>
    private void AssertRankedFirstWithBonus(string question, string expected, Func<RankingWeights, RankingWeights> off, double bonus)
    {
        Assert.Equal(expected, engine.Harness.Answer(question).Ranked[0].Fact.Id);
        var without = engine.Harness.WithWeights(off(RankingWeights.Default));
        Assert.Equal(bonus, Score(engine.Harness, question, expected)!.Value - Score(without, question, expected)!.Value, 6);
    }

    /// <summary>The fused score of a fact among the ranked candidates, or null when it is not among them.</summary>
    private static double? Score(AnswerHarness harness, string question, string id) =>
        harness.Answer(question).Ranked.FirstOrDefault(r => r.Fact.Id == id)?.Score;

    [Theory]
    // Placed by an occasion the engine answers its words with, by a day typed, and a trip placed by an occasion.
    [InlineData("what was the last round before the upper house election", "round-7", "upper-house-election-2025")]
    [InlineData("which round came right after japan called off the 2+2", "round-7", "two-plus-two-called-off")]
    [InlineData("last round before the july 9 deadline", "round-7", null)]
    [InlineData("the first trip after the upper house election", "round-8", "upper-house-election-2025")]
    // Only occasions may answer the words: the letter, not the 25% rate it set.
    [InlineData("last round before the tariff letter", "round-7", "trump-letter-2025-07-07")]
    [InlineData("last round before ishiba resigned", "round-8", "ishiba-resignation")]
    // A day with other words is part of what names the occasion: the g7 in June, not the whole of June.
    [InlineData("which round came after the g7 in june", "round-7", "ishiba-trump-call-2025-06")]
    // An ordinal before "of july" is a day, not a round.
    [InlineData("the last round before the 9th of july", "round-7", null)]
    // An occasion named by its overview's name: the deal is Trump's announcement (round 8 was that day, not before).
    [InlineData("which round came before the deal", "round-7", "deal-announced")]
    [InlineData("first trip after the deal", "trip-2025-08-washington", "deal-announced")]
    public void Answer_RoundPlacedByAnOccasionOrDay_IsTheRoundDatedFirstAfterOrLastBefore(string question, string expected, string? occasion)
    {
        var answer = engine.Harness.Answer(question);

        Assert.False(answer.Abstained);
        Assert.Equal(RecordAnswer.RoundPlaced, answer.Record);
        Assert.Equal(expected, answer.Best!.Id);
        Assert.Equal(occasion, answer.Placement!.Occasion?.Id);
    }

    [Theory]
    // Which came first: the earlier; yes or no: the first named, and the answer says yes or no first.
    [InlineData("which came first, the tariff letter or round 7", "round-7", "Round 7 (June 27, 2025) came before Trump's tariff letter to Ishiba (July 7, 2025).")]
    [InlineData("did liberation day come before round 1", "liberation-day-2025-04", "Yes: \"Liberation Day\" tariffs announced (April 2, 2025) came before Round 1 (April 16, 2025).")]
    [InlineData("was round 3 held before liberation day", "round-3", "No: \"Liberation Day\" tariffs announced (April 2, 2025) came before Round 3 (May 23, 2025).")]
    // An occasion named by its overview's name.
    [InlineData("which came first, the deal or the mou", "deal-announced", "Trump announces the Japan deal (July 22, 2025) came before Joint statement and MOU on the $550 billion signed (September 4, 2025).")]
    // The same day: neither came first (the first named answers).
    [InlineData("which came first, round 8 or trump's deal announcement", "round-8", "Round 8 (the deal) (July 22, 2025) and Trump announces the Japan deal (July 22, 2025) were at the same time: neither came first.")]
    public void Answer_TwoOccasionsInOrder_SaysWhichCameFirstWithBothDates(string question, string top, string line)
    {
        var answer = engine.Harness.Answer(question);
        var reply = AnswerComposer.Compose(answer);

        Assert.False(answer.Abstained);
        Assert.Equal(RecordAnswer.OccasionsInOrder, answer.Record);
        Assert.Equal(top, answer.Best!.Id);
        Assert.Equal(line, reply.Body);
        Assert.Equal(2, reply.Fields.Count);
        Assert.Equal(Math.Max(engine.Harness.Answerer.Model.Confidence(answer.Features), answer.Order!.Sure), answer.Confidence);
    }

    [Theory]
    // The deal as a whole: both governments' accounts first, then its terms, each its own fact.
    [InlineData("what's the deal", "deal-announced", "ishiba-confirms-deal")]
    [InlineData("what did japan and the us agree", "deal-announced", "ishiba-confirms-deal")]
    [InlineData("main points of the agreement?", "deal-announced", "ishiba-confirms-deal")]
    [InlineData("summarize the $550bn investment", "investment-550bn", "investment-550bn-in-yen")]
    // "The deal with rice" is the rice deal.
    [InlineData("what's the deal with rice", "us-rice-plus-75", "rice-minimum-access-quota")]
    public void Answer_WholeOfASubject_ListsItsParts(string question, string top, string firstPart)
    {
        var answer = engine.Harness.Answer(question);
        var reply = AnswerComposer.Compose(answer);

        Assert.False(answer.Abstained);
        Assert.Equal(RecordAnswer.Overview, answer.Record);
        Assert.Equal(top, answer.Best!.Id);
        Assert.Equal(firstPart, answer.Parts[0].Id);
        Assert.Equal(answer.Best.Overview!.Parts, reply.FactIds.Skip(1));
        Assert.Equal(answer.Parts.Count, reply.Fields.Count);
    }

    [Fact]
    public void Overviews_EveryNameAsAQuestion_IsItsOwnFactsOverview()
    {
        var index = engine.Harness.Index;
        var facts = index.Facts.Facts;
        var named = facts.Where(f => f.Overview is not null).SelectMany(f => f.Overview!.Names.Select(n => (Fact: f, Name: n))).ToList();

        var wrong = named.Where(x => Answerer.Interpret(index, x.Name) is var read && index.Overviews.Asked(read.Words, read.Typed) != Answerer.IndexOf(facts, x.Fact))
            .Select(x => $"{x.Fact.Id}: \"{x.Name}\"").ToList();

        Assert.True(named.Count >= 40);
        Assert.Empty(wrong);
    }

    [Theory]
    [InlineData("what's the deal with boeing", "boeing-100-aircraft")]
    [InlineData("when was the deal announced", "deal-announced")]
    [InlineData("550 billion in yen", "investment-550bn-in-yen")]
    public void Answer_QuestionAboutPartOfTheWhole_IsAnsweredByThatFactAlone(string question, string expected)
    {
        var answer = engine.Harness.Answer(question);

        Assert.Equal(expected, answer.Best!.Id);
        Assert.NotEqual(RecordAnswer.Overview, answer.Record);
        Assert.Empty(answer.Parts);
    }

    [Theory]
    [InlineData("what time did the may 1 round start", true)]
    [InlineData("at what hour did round 2 begin", true)]
    [InlineData("deal post on truth social, what o'clock", true)]
    [InlineData("what time frame does japan have to invest", false)]
    [InlineData("when did round 2 start", false)]
    // A part of the year, not of the day.
    [InlineData("what time of year was the upper house election", false)]
    [InlineData("what time of the month did round 3 take place", false)]
    [InlineData("what time of day did trump post the deal", true)]
    public void AsksClockTime_TimeOfDayOnly(string question, bool expected) =>
        Assert.Equal(expected, Answerer.AsksClockTime(Answerer.Interpret(engine.Harness.Index, question).Words));

    [Fact]
    public void Answer_TimeOfDayTheFactDoesNotState_CountsAsUnstated()
    {
        // Round 2's record gives the day and the place, not the hour; the car tariff cut states "12:01 am EDT".
        var round = engine.Harness.Answer("what time did the may 1 round start");
        var cars = engine.Harness.Answer("at what hour on september 16 did the lower car tariff start");

        Assert.Equal(1, round.Features.Unstated);
        Assert.True(round.Abstained);
        Assert.Equal(0, cars.Features.Unstated);
        Assert.Contains(cars.Best!.Id, new[] { "auto-tariff-15-in-force", "tariff-japan-autos-15" });
    }

    [Theory]
    // Round 2's record gives the day and the place, not the hour.
    [InlineData("what time did round 2 start", RuledOut.TimeOfDayNotStated, "round-2", "The fact base does not give the time of day. These are close:")]
    [InlineData("at what hour did the may 1 round begin", RuledOut.TimeOfDayNotStated, "round-2", "The fact base does not give the time of day.")]
    // Round 8's outcome gives the time the deal was posted (7:12 pm), not when the Oval Office meeting began.
    [InlineData("what time did the oval office meeting start in round 8", RuledOut.TimeOfDayNotStated, "round-8", "The fact base does not give the time of day.")]
    // Dated to December 2022, and its text names no day.
    [InlineData("what day in december 2022 did the cabinet approve the tomahawk budget", RuledOut.DayNotStated, "tomahawk-fy2023-budget", "The fact base does not give the day.")]
    // The Asahi report is dated to the month; Matsuo's profile names no day (his roles have none either).
    [InlineData("exact date asahi reported japan offering fighter jets as bargaining chips", RuledOut.DayNotStated, "defense-bargaining-chip-report", "The fact base does not give the day")]
    [InlineData("on what date did matsuo attend the alaska lng conference", RuledOut.DayNotStated, "takehiko-matsuo", "The fact base does not give the day")]
    // Akazawa's economic revitalization post is dated from October 2024 (its end, October 21, 2025, is to the day; his
    // statements' days are not about the post).
    [InlineData("what date did akazawa become economic revitalization minister", RuledOut.DayNotStated, "ryosei-akazawa", "The fact base does not give the day")]
    // The Alaska fact is dated to Tokyo Gas's day in October; JERA's letter is "September 2025", its pact "May 2025".
    [InlineData("what day in september did jera sign with alaska", RuledOut.DayNotStated, "alaska-lng", "The fact base does not give the day")]
    [InlineData("what day in may did jera sign its preliminary alaska pact", RuledOut.DayNotStated, "alaska-lng", "The fact base does not give the day")]
    // The committee's record says when, who and where; the calls' how long: neither what was taken up.
    [InlineData("what was discussed at the first consultation committee meeting", RuledOut.TopicsNotStated, "consultation-committee-first-meeting", "The fact base does not say what was discussed.")]
    [InlineData("what did akazawa and lutnick discuss on their july 3 call", RuledOut.TopicsNotStated, "akazawa-lutnick-calls-july", "The fact base does not say what was discussed.")]
    // Said by "a White House official" or "anonymous officials", or the state minister named by his surname only.
    [InlineData("who was the white house official that told yomiuri the pharma rate is capped", RuledOut.NameNotGiven, "pharma-tariff-cap", "The fact base does not give that person's name.")]
    [InlineData("which official said trump needs to be shown the numbers", RuledOut.NameNotGiven, "defense-bargaining-chip-report", "The fact base does not give that person's name.")]
    [InlineData("who were kyodo's sources on the mid-june deal", RuledOut.NameNotGiven, "mid-june-understanding-report", "The fact base does not give that person's name.")]
    [InlineData("whats ogushi's first name", RuledOut.NameNotGiven, "task-force-2025-04", "The fact base does not give that person's name.")]
    // Weighed by its rarer words ("yomiuri"), and with "cap" found in "capped", the question is the official's clause,
    // not Akazawa's "covered by that cap".
    [InlineData("name of the wh official who told yomiuri about the pharma cap", RuledOut.NameNotGiven, "pharma-tariff-cap", "The fact base does not give that person's name.")]
    // Round 5's record lists Akazawa alone for Japan.
    [InlineData("who else was on japan's team at round 5 besides akazawa", RuledOut.NoOneElseNamed, "round-5", "The fact base names no one else there.")]
    // A figure for 2024 (the year it gives), asked of 2025 or 2023.
    [InlineData("how much were japan's car exports to the us in 2025", RuledOut.YearNotCovered, "japan-vehicle-exports-us", "The fact base does not give that figure for that year.")]
    [InlineData("us imports of japanese vehicles and parts in 2023", RuledOut.YearNotCovered, "us-vehicle-imports-japan-2024", "The fact base does not give that figure for that year.")]
    // A month of another year: the 2024 figure says nothing of August 2025.
    [InlineData("how much did japan's car exports to the us fall in august 2025", RuledOut.YearNotCovered, "japan-vehicle-exports-us", "The fact base does not give that figure for that year.")]
    [InlineData("japan's car exports to the us after the april 2025 tariffs", RuledOut.YearNotCovered, "japan-vehicle-exports-us", "The fact base does not give that figure for that year.")]
    // "Jets" is "plane", which is no form of "plan" (Akazawa's "multi-year plan"): the jets and missiles are the Asahi
    // clause's, where an official is quoted unnamed.
    [InlineData("who said japan offered jets and missiles", RuledOut.NameNotGiven, "defense-bargaining-chip-report", "The fact base does not give that person's name.")]
    // Kato and Bessent's talks, the 2019 agreement's signing and the MOU are dated but placed nowhere; the Tokyo meeting's
    // place is the Tokyo the question gives as where ("in tokyo"), so where in Tokyo is not said.
    [InlineData("where did kato meet bessent on currency", RuledOut.PlaceNotStated, "kato-bessent-currency", "The fact base does not say where.")]
    [InlineData("where was the 2019 trade agreement signed", RuledOut.PlaceNotStated, "us-japan-trade-agreement-2019", "The fact base does not say where.")]
    [InlineData("where was the mou on investment signed", RuledOut.PlaceNotStated, "mou-550bn-signed", "The fact base does not say where.")]
    [InlineData("where did akazawa and lutnick tour in tokyo", RuledOut.PlaceNotStated, "trip-2025-10-tokyo", "The fact base does not say where.")]
    // Places named but not as where it happened: "Tokyo called the move", the White House "chart", the Prime Minister's
    // Office that dates the signing.
    [InlineData("where did trump announce the car tariffs", RuledOut.PlaceNotStated, "auto-tariff-announced-2025-03", "The fact base does not say where.")]
    [InlineData("where did trump sign eo 14345", RuledOut.PlaceNotStated, "eo-14345-signed", "The fact base does not say where.")]
    // Posts given with no date at the end asked: the profile says who holds the post, not since or until when.
    [InlineData("when did george glass become ambassador", RuledOut.PostTimeNotStated, "george-glass", "The fact base does not say when that post began or ended.")]
    [InlineData("when did bessent become treasury secretary", RuledOut.PostTimeNotStated, "scott-bessent", "The fact base does not say when that post began or ended.")]
    [InlineData("when was greer confirmed as ustr", RuledOut.PostTimeNotStated, "jamieson-greer", "The fact base does not say when that post began or ended.")]
    [InlineData("since when is rubio secretary of state", RuledOut.PostTimeNotStated, "marco-rubio", "The fact base does not say when that post began or ended.")]
    [InlineData("when did greer take office as ustr", RuledOut.PostTimeNotStated, "jamieson-greer", "The fact base does not say when that post began or ended.")]
    // Read from Japanese: "になった" is "became".
    [InlineData("ベッセント氏はいつ財務長官になったか", RuledOut.PostTimeNotStated, "scott-bessent", "(Read as: \"bessent when treasury secretary became\")")]
    // Kato's post is dated only at its end (October 21, 2025, when Katayama succeeded him).
    [InlineData("when did kato become finance minister", RuledOut.PostTimeNotStated, "katsunobu-kato", "The fact base does not say when that post began or ended.")]
    // No one in the fact base holds an agriculture or health post, and the closest facts name none.
    [InlineData("what did japan's agriculture minister say about taking 75% more american rice?", RuledOut.PostNotKnown, "us-rice-plus-75", "The fact base has no one in that post.")]
    [InlineData("what did the ag secretary say about corn", RuledOut.PostNotKnown, "us-farm-goods-8bn", "The fact base has no one in that post.")]
    public void Answer_DetailTheFactDoesNotGive_IsRuledOutAndTheFactSuggestedFirst(string question, RuledOut reason, string closest, string opening)
    {
        var result = AnswerRuledOut(question, reason);

        Assert.Equal(closest, result.Suggestions[0].Id);
        Assert.StartsWith(opening, AnswerComposer.Compose(result).Body, StringComparison.Ordinal);
    }

    [Theory]
    // The deal's announcement states "posted 7:12 pm EST", in its text and in Round 8's outcome.
    [InlineData("what time did trump post the deal", "deal-announced")]
    [InlineData("what time did trump post round 8", "round-8")]
    [InlineData("what time was the deal announced", "deal-announced")]
    [InlineData("what time did the parts tariff start", "auto-parts-tariff-2025-05")]
    // Dated to the day, or a person whose post began on a day the record gives.
    [InlineData("what day was round 2", "round-2")]
    [InlineData("what day did the tomahawk contract get signed", "tomahawk-contract-signed-2024")]
    [InlineData("what date did takaichi become prime minister", "sanae-takaichi")]
    [InlineData("what date did akazawa become meti minister", "ryosei-akazawa")]
    [InlineData("what date did akazawa leave the economic revitalization job", "ryosei-akazawa")]
    [InlineData("which day did trump announce the deal", "deal-announced")]
    // A day in the month asked, in the text (Trump's "joint venture" on July 22) or the fact's own date; a month that names
    // something else is no month the day is asked in (Kyodo reported the mid-June understanding on July 26).
    [InlineData("what date in july did trump talk about an alaska joint venture", "alaska-lng")]
    [InlineData("which day in april did kato and bessent meet", "kato-bessent-currency")]
    [InlineData("what day did kyodo report the mid-june understanding", "mid-june-understanding-report")]
    // A post dated at the end asked.
    [InlineData("when did akazawa become meti minister", "ryosei-akazawa")]
    [InlineData("when did lutnick start chairing the investment committee", "howard-lutnick")]
    // "Only a few remarks touched on tariffs", the Tokyo meeting's topics, "tariffs did not come up", "discussed the
    // Israel–Iran conflict", what Ishiba pledged and Trump warned: each says what was taken up.
    [InlineData("did bessent and ishiba discuss tarrifs in july", "bessent-meets-ishiba-tokyo")]
    [InlineData("what did akazawa and lutnick discuss in tokyo", "trip-2025-10-tokyo")]
    [InlineData("what did bessent and akazawa talk about at the expo", "osaka-expo-us-day")]
    [InlineData("what did ishiba and trump discuss on june 13", "ishiba-trump-call-2025-06")]
    [InlineData("what did ishiba and trump discuss at their first summit", "ishiba-trump-summit-2025-02")]
    // "When did … discuss" asks the day, not what was taken up.
    [InlineData("when did akazawa discuss the investment on nhk", "akazawa-nhk-explains-deal")]
    // The White House and Trump claim the 90–10 split (an unnamed Japanese official speaks of contribution and risk);
    // Akazawa, not the White House official, said chips are covered too.
    [InlineData("who said profits would be split 90 10", "investment-profit-split")]
    [InlineData("who said chips and drugs are covered by the cap", "pharma-tariff-cap")]
    [InlineData("who said japan was spoiled", "trump-rice-spoiled-remarks")]
    // Asked whom the unnamed official told, and who reported what anonymous officials said: Yomiuri, Kyodo.
    [InlineData("who did a white house official tell about the pharma cap", "pharma-tariff-cap")]
    [InlineData("who reported that anonymous officials said the core deal was reached in mid-june", "mid-june-understanding-report")]
    [InlineData("what time of year was the upper house election", "upper-house-election-2025")]
    // Round 5's record lists Lutnick and Bessent besides Akazawa, Round 2's Bessent; the record answers who else.
    [InlineData("who else was at round 5 besides akazawa", "round-5")]
    [InlineData("besides akazawa, who was at round 2", "round-2")]
    [InlineData("who else from the us was at round 5 besides lutnick", "round-5")]
    [InlineData("who did akazawa meet in round 4 besides bessent", "round-4")]
    [InlineData("who else was at round 3 besides akazawa and lutnick", "round-3")]
    // The figure's own year, and a rate (in force from a day, with no end) asked of a later year.
    [InlineData("japan's car exports to the us in 2024", "japan-vehicle-exports-us")]
    [InlineData("us imports of japanese vehicles and parts in 2024", "us-vehicle-imports-japan-2024")]
    // A figure for a span of fiscal years (FY2022–FY2026) is one for each year in it.
    [InlineData("how much host nation support did japan pay in 2025", "host-nation-support")]
    [InlineData("how much did japan pay in host nation support in april 2024", "host-nation-support")]
    // A month and year that date something else, not the period asked: the 2024 figure is the one before the tariffs,
    // reported in March 2025, the latest as of July 2025.
    [InlineData("how big were japan's car exports to the us before the april 2025 tariffs", "japan-vehicle-exports-us")]
    [InlineData("what were japan's car exports to the us, as reported in march 2025", "japan-vehicle-exports-us")]
    [InlineData("how much us japan goods trade was there as of july 2025", "total-goods-trade-230bn")]
    // Where: a round's place, a city, a summit, a medium, and places that name what is asked about rather than where
    // ("the osaka expo us day" is at the Osaka Expo); a disputed place (Washington or online) is a place given.
    [InlineData("where was round 2 held", "round-2")]
    [InlineData("where did takaichi meet trump", "takaichi-trump-summit")]
    [InlineData("where did ishiba meet trump in june", "g7-kananaskis-meeting")]
    [InlineData("where did trump post about the deal", "deal-announced")]
    [InlineData("where did akazawa explain the deal on tv", "akazawa-nhk-explains-deal")]
    [InlineData("where did the expo us national day take place", "osaka-expo-us-day")]
    [InlineData("where was the consultation committee held", "consultation-committee-first-meeting")]
    [InlineData("where did akazawa go in september", "trip-2025-09-washington")]
    // A place just before the occasion ("their Tokyo summit"), and the medium someone "told".
    [InlineData("where did takaichi and trump hold their summit", "takaichi-trump-summit")]
    public void Answer_DetailTheFactGives_IsAnswered(string question, string expected)
    {
        var result = engine.Harness.Answer(question);

        Assert.Equal(RuledOut.None, result.RuledOut);
        Assert.False(result.Abstained, $"abstained at {result.Confidence:F2}");
        Assert.Equal(expected, result.Best!.Id);
    }

    [Theory]
    // Dated at the end asked, to the month ("from October 2024" will do for "when"), and a "when" that dates something
    // else asked of someone (whether Rubio was there, not when he took a post).
    [InlineData("when did kato leave the finance ministry")]
    [InlineData("when did ishiba become prime minister")]
    [InlineData("was rubio secretary of state when the deal was made")]
    [InlineData("when bessent became treasury secretary, what did he say about japan")]
    public void Answer_PostDatedAtTheEndAsked_IsNotRuledOutForItsTime(string question) =>
        Assert.NotEqual(RuledOut.PostTimeNotStated, engine.Harness.Answer(question).RuledOut);

    [Theory]
    // Posts of people the fact base profiles, under other names ("internal affairs", "govt spokesman", "deputy secretary");
    // a post that describes the person named ("tariff minister"); and a group, not a post ("told senators").
    [InlineData("what did the internal affairs minister do")]
    [InlineData("did japan promise new us weapons purchases, according to the govt spokesman")]
    [InlineData("what did the deputy secretary of state do at the expo")]
    [InlineData("akazawa appointed tariff minister april")]
    [InlineData("who told senators he and bessent would negotiate with japan")]
    // The talks' own subject says what part the holder has in them: the chief negotiator, the government spokesman.
    [InlineData("who is the japanese tariff envoy")]
    [InlineData("what did the tariff talks spokesman say")]
    public void Answer_PostOfSomeoneTheFactBaseHasOrNoPostAtAll_IsNotRuledOutAsUnknown(string question) =>
        Assert.NotEqual(RuledOut.PostNotKnown, engine.Harness.Answer(question).RuledOut);

    [Fact]
    public void Answer_WhoElseBesidesThePersonWhoseProfileIsClosest_IsNotThatPerson()
    {
        // Takaichi's own profile ranked first (0.92): whoever else has been prime minister, it is not she.
        var result = engine.Harness.Answer("who other than takaichi has been prime minister");

        Assert.Equal(RuledOut.IsThePersonNamed, result.RuledOut);
        Assert.True(result.Abstained);
    }

    [Fact]
    public void Answer_WhoElseBesidesAPersonWhoseProfileIsClosest_IsNotSaidToNameNoOneElse() =>
        // Hegseth's profile is no record of the 2+2, whose fact names Rubio on the US side too.
        Assert.NotEqual(RuledOut.NoOneElseNamed, engine.Harness.Answer("who else was on the us side of the 2+2 besides hegseth").RuledOut);

    [Theory]
    [InlineData("cap", "capped", true)]
    [InlineData("offered", "offering", true)]
    [InlineData("rate", "rated", true)]
    [InlineData("use", "used", true)]
    [InlineData("sign", "signing", true)]
    [InlineData("plan", "plane", false)]
    [InlineData("off", "offer", false)]
    [InlineData("see", "seek", false)]
    [InlineData("see", "seed", false)]
    [InlineData("join", "joint", false)]
    [InlineData("us", "use", false)]
    public void SameWord_FormsOfOneWordOnly(string a, string b, bool expected)
    {
        Assert.Equal(expected, WordForms.SameWord(a, b));
        Assert.Equal(expected, WordForms.SameWord(b, a));
        // The lookup in a clause's forms, built once at snapshot load, agrees.
        Assert.Equal(expected, WordForms.IsFormIn(a, WordForms.Roots(a), WordForms.Of([b])));
        Assert.Equal(expected, WordForms.IsFormIn(b, WordForms.Roots(b), WordForms.Of([a])));
    }

    [Theory]
    [InlineData("who else was there", true)]
    [InlineData("anyone else from japan at round 8", true)]
    [InlineData("who was at round 5 besides akazawa", true)]
    [InlineData("who other than lutnick met akazawa", true)]
    [InlineData("who was at round 5", false)]
    [InlineData("what else did japan agree to", false)]
    // Not a who-question: "besides" sets aside a thing, not people.
    [InlineData("what did japan buy besides rice", false)]
    public void AsksWhoElse_ForPeopleBesidesThoseNamed(string question, bool expected)
    {
        var words = Answerer.Interpret(engine.Harness.Index, question).Words;
        Assert.Equal(expected, Answerer.AsksWhoElse(words, QuestionClassifier.Classify(words)));
    }

    [Theory]
    [InlineData("where did akazawa meet lutnick", true, true)]
    [InlineData("where was the mou signed", false, true)]
    [InlineData("where were the talks held in june", false, true)]
    [InlineData("in what city were the talks held", false, true)]
    [InlineData("at which venue did they sign it", false, true)]
    [InlineData("where did lutnick go", true, true)]
    // Where things go or stand, or will be, or come from: no place where something happened. Money goes somewhere
    // else than a person does.
    [InlineData("where does the 550bn go", false, false)]
    [InlineData("where did the $550 billion go", false, false)]
    [InlineData("where are the talks now", false, false)]
    [InlineData("where will the alaska lng come from", false, false)]
    [InlineData("where did the 700% rice tariff claim come from", false, false)]
    [InlineData("where did japan buy tomahawks from", false, false)]
    [InlineData("where did ishiba stand on mixing security and trade", true, false)]
    [InlineData("where did the talks end up", false, false)]
    [InlineData("when did akazawa go to washington", true, false)]
    public void AsksWhereItHappened_ForThePlaceOfWhatHappened(string question, bool namesPerson, bool expected) =>
        Assert.Equal(expected, Answerer.AsksWhereItHappened(Answerer.Interpret(engine.Harness.Index, question).Words, namesPerson));

    [Theory]
    [InlineData("what day was round 2", true)]
    [InlineData("on what date did matsuo attend the conference", true)]
    [InlineData("the exact date of the asahi report", true)]
    [InlineData("which day did trump announce the deal", true)]
    [InlineData("when was round 2", false)]
    [InlineData("what happened on liberation day", false)]
    [InlineData("what dates were the rounds", false)]
    public void AsksDay_ForTheVeryDayOnly(string question, bool expected) =>
        Assert.Equal(expected, Answerer.AsksDay(Answerer.Interpret(engine.Harness.Index, question).Words));

    [Theory]
    [InlineData("which official said trump needs to see the numbers", true)]
    [InlineData("who told yomiuri the rate is capped", true)]
    [InlineData("who were kyodo's sources", true)]
    [InlineData("who attended round 2", false)]
    [InlineData("what did the official say", false)]
    // Who was told, or who said something else of a saying: the speaker asked about is not the unnamed one.
    [InlineData("who did a white house official tell about the pharma cap", false)]
    [InlineData("who reported that anonymous officials said the core deal was reached in mid-june", false)]
    [InlineData("who said that trump needs to see the numbers", true)]
    [InlineData("who was the official that told yomiuri the rate is capped", true)]
    public void AsksWhoSaid_ForTheSpeaker(string question, bool expected) =>
        Assert.Equal(expected, Answerer.AsksWhoSaid(Answerer.Interpret(engine.Harness.Index, question).Words));

    [Theory]
    [InlineData("whats ogushis first name", true)]
    [InlineData("full name of the state minister", true)]
    [InlineData("what was the task force's name", false)]
    public void AsksFullName_ForAPersonsName(string question, bool expected) =>
        Assert.Equal(expected, Answerer.AsksFullName(Answerer.Interpret(engine.Harness.Index, question).Words));

    [Theory]
    // A profiled person's name, or a thing's name its fact gives in full ("Executive Order 14345…", "Medium Term Defense
    // Program"): whatever the closest fact, the fact base does not lack it. A closest fact less likely than not the one
    // meant says nothing of what the fact base lacks either ("what time of year": not the executive order's hour).
    [InlineData("what is akazawa's full name")]
    [InlineData("what is bessent's first name")]
    [InlineData("what is the full name of eo 14345")]
    [InlineData("what is the full name of the mtdp")]
    [InlineData("what time of year did the talks start")]
    public void Answer_DetailTheFactBaseMayGive_IsNotSaidToBeMissing(string question)
    {
        var result = engine.Harness.Answer(question);

        Assert.False(result.RuledOut.LeavesOutTheDetail(), $"ruled out: {result.RuledOut}");
    }

    [Theory]
    // A fact's own name (an alias) in words of the same meaning ("car" for "auto") is a curated question of it.
    [InlineData("section 232 car tariff", "tariff-autos-section-232")]
    // A curated question in other words: "deal" for "agreement".
    [InlineData("who signed the 2019 deal", "us-japan-trade-agreement-2019")]
    public void TryTermCurated_NameOrQuestionInWordsOfTheSameMeaning_IsThatFacts(string question, string fact)
    {
        Assert.False(engine.Harness.Index.TryCurated(question, out _));
        Assert.True(engine.Harness.Index.TryTermCurated(question, out var owner));
        Assert.Equal(fact, engine.Harness.Index.Facts.Facts[owner].Id);
        Assert.False(engine.Harness.Answer(question).Abstained);
    }

    [Fact]
    public void Answer_HowMuch_AnEventWhoseTitleStatesTheFigureAnswersIt()
    {
        // "Pharma tariff capped at 15% for Japan" is an event, with no amount of its own, but its title states the rate.
        var result = engine.Harness.Answer("how much is the tariff on japanese pharmaceuticals");

        Assert.False(result.Abstained);
        Assert.Equal("pharma-tariff-cap", result.Best!.Id);
    }

    [Theory]
    // "Section 232" and "EO 14345" are in the facts' names (their aliases), not in their text: a number a fact is
    // named by is one it states. A section number no fact is named by still counts against the answer.
    [InlineData("what is section 232", "tariff-autos-section-232", 0)]
    [InlineData("what is section 301", "tariff-autos-section-232", 1)]
    public void Answer_NumberInAFactsName_IsStated(string question, string top, double unstated)
    {
        var result = engine.Harness.Answer(question);

        Assert.Equal(top, result.Ranked[0].Fact.Id);
        Assert.Equal(unstated, result.Features.Unstated);
    }

    [Theory]
    // The task force's record counts it in members: "people" are what it counts; trucks are not.
    [InlineData("how many people are on japan's tariff task force", 0)]
    [InlineData("how many trucks are on japan's tariff task force", 1)]
    public void Answer_CountingPeopleAFactCountsAsMembers_IsNotCountedAbsent(string question, double absent)
    {
        var result = engine.Harness.Answer(question);

        Assert.Equal("task-force-2025-04", result.Ranked[0].Fact.Id);
        Assert.Equal(absent, result.Features.CountedAbsent);
    }

    [Fact]
    public void Answer_WhatHappenedOnADayOnlyARecordTellsOf_AnswersThatRecordAndSaysSo()
    {
        // Round 6 was on June 13; its record says a call followed on June 14, a day no fact begins or ends on.
        var day = engine.Harness.Answer("what happened on june 14 2025");
        var after = engine.Harness.Answer("what happened the day after", new PreviousQuestion("round 6 date", "round-6"));
        // A day to come that a record names as a deadline is not something that happened.
        var deadline = engine.Harness.Answer("what happens on jan 19 2029");

        Assert.False(day.Abstained);
        Assert.Equal(RecordAnswer.OnlyOccasionTellingOfTheDay, day.Record);
        Assert.Equal("round-6", day.Best!.Id);
        Assert.StartsWith("The fact base dates no event or round on June 14, 2025; the record of Round 6 tells of that day.", AnswerComposer.Compose(day).Body);
        Assert.Equal("what happened on june 14 2025", after.WholeQuestion);
        Assert.Equal("round-6", after.Result.Best!.Id);
        Assert.NotEqual(RecordAnswer.OnlyOccasionTellingOfTheDay, deadline.Record);
    }
}
