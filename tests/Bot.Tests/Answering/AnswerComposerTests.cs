using System.Globalization;
using Bot.Answering;
using Bot.Answering.Evaluation;
using Bot.Commands;
using Bot.Facts;

namespace Bot.Tests.Answering;

public sealed class AnswerComposerTests
{
    private static readonly AnswerHarness s_harness = AnsweringTestFacts.Harness;

    private static readonly AnswerHarness s_alwaysAnswers = s_harness.WithModel(ConfidenceModel.Default with { Threshold = 0 });

    private static Reply Compose(string question) => AnswerComposer.Compose(s_alwaysAnswers.Answer(question));

    [Theory]
    [InlineData("2025-07-07", "2025-07-07", true, "on July 7, 2025", "2025年7月7日")]
    [InlineData("2025-07-01", "2025-07-31", false, "in July 2025", "2025年7月")]
    [InlineData("2025-07-21", "2025-07-31", false, "from July 21 to July 31, 2025", "2025年7月21日〜2025年7月31日")]
    [InlineData("2025-06-01", "2025-08-31", false, "from June to August 2025", "2025年6月〜2025年8月")]
    [InlineData("2025-09-01", "2026-04-30", false, "from September 2025 to April 2026", "2025年9月〜2026年4月")]
    [InlineData("2025-12-29", "2026-01-04", false, "from December 29, 2025 to January 4, 2026", "2025年12月29日〜2026年1月4日")]
    public void TimeAsked_NamesTheDayMonthOrSpanAsked(string from, string to, bool day, string english, string japanese)
    {
        var entities = new Entities(new HashSet<string>(), null, DateOnly.Parse(from, CultureInfo.InvariantCulture), DateOnly.Parse(to, CultureInfo.InvariantCulture), day);

        Assert.Equal((english, japanese), AnswerComposer.TimeAsked(entities));
    }

    [Theory]
    [InlineData("2025-04-03", "2025-09-15", "April 3, 2025 to September 15, 2025")]
    [InlineData("2025-04-09", "2025-04-09", "April 9, 2025")]
    [InlineData("2025-09-16", null, "since September 16, 2025")]
    [InlineData(null, "2025-04-02", "until April 2, 2025")]
    [InlineData("2025-06", null, "since June 2025")]
    [InlineData(null, null, "at all times the fact base has")]
    public void InForceDays_SaysTheDaysARateWasInForce(string? from, string? to, string expected) =>
        Assert.Equal(expected, AnswerComposer.InForceDays(new InForce(["cars"], Date(from), Date(to))));

    [Theory]
    [InlineData("2025-04-03", "2025-09-15", "2025年4月3日〜2025年9月15日")]
    [InlineData("2025-04-09", "2025-04-09", "2025年4月9日")]
    [InlineData("2025-09-16", null, "2025年9月16日から")]
    [InlineData(null, "2025-04-02", "2025年4月2日まで")]
    [InlineData("2025-06", null, "2025年6月から")]
    [InlineData(null, null, "収録データの全期間")]
    public void JapaneseInForceDays_SaysTheDaysTheJapaneseWay(string? from, string? to, string expected) =>
        Assert.Equal(expected, AnswerComposer.JapaneseInForceDays(new InForce(["cars"], Date(from), Date(to))));

    /// <summary>A date as the fact files write it ("2025-06"), or none.</summary>
    private static PartialDate? Date(string? text) => text is null ? null : PartialDate.TryParse(text, out var date) ? date : throw new ArgumentException(text);

    [Fact]
    public void Compose_Figure_PutsTheNumberFirstWithTheSourceConversion()
    {
        var reply = Compose("how big is the trade deficit");
        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.StartsWith("about ¥10 trillion (about $69 billion)", reply.Body, StringComparison.Ordinal);
        Assert.Equal(["trade-deficit-seed"], reply.FactIds);
        Assert.Equal("Test Wire", Assert.Single(reply.Sources).Publisher);
        Assert.Equal("2025-06-01", reply.AsOf.ToString());
    }

    [Fact]
    public void Compose_Person_PutsNameAndCurrentTitleFirst()
    {
        var firstLine = Compose("who is akazawa").Body.Split('\n')[0];
        Assert.Equal("Ryosei Akazawa: Minister of Economy, Trade and Industry since October 21, 2025; Japan side.", firstLine);
    }

    [Fact]
    public void Direct_PersonWhoseTitlesHaveAllEnded_GivesTheLastWithItsDates()
    {
        var akazawa = s_harness.Facts.Find("ryosei-akazawa")!;
        var former = akazawa with { Roles = [.. akazawa.Roles.Select(r => r with { To = r.To ?? new PartialDate(2026, 1, 5) })] };

        Assert.Equal(
            "Ryosei Akazawa: Minister of Economy, Trade and Industry from October 21, 2025 to January 5, 2026; Japan side.",
            AnswerComposer.Direct(former, QuestionType.Who, s_harness.Facts));
    }

    [Fact]
    public void Direct_PersonHoldingSeveralTitles_GivesEachInTheCuratorsOrder()
    {
        var bessent = s_harness.Facts.Find("scott-bessent")!;
        var twoPosts = bessent with
        {
            Roles = [bessent.Roles[0] with { From = null }, new Role("Chair of the committee (under the MOU)", new PartialDate(2025, 9, 4), null, ["s1"])],
        };

        Assert.Equal(
            "Scott Bessent: Secretary of the Treasury; Chair of the committee (under the MOU) since September 4, 2025; United States side.",
            AnswerComposer.Direct(twoPosts, QuestionType.Who, s_harness.Facts));
    }

    [Fact]
    public void Compose_Round_GivesItsTopicsAndOutcomeOnLinesOfTheirOwnBeforeTheText()
    {
        var round = s_harness.Facts.Find("round-1")! with { Topics = ["the reciprocal tariff", "autos"] };

        var lines = AnswerComposer.Direct(round, QuestionType.What, s_harness.Facts).Split('\n');

        Assert.Equal(
            ["Round 1: April 16, 2025, Washington, D.C. Japan: Ryosei Akazawa. US: Scott Bessent.", "Topics: the reciprocal tariff; autos.", "Outcome: Both sides agreed to meet again before the end of April."],
            lines);
    }

    [Fact]
    public void Direct_PersonWithAPastPostPlacedOnlyByItsTitle_LeavesItOut()
    {
        var bessent = s_harness.Facts.Find("scott-bessent")!;
        var later = bessent with { Roles = [bessent.Roles[0], new Role("Budget director (in office in January 2020)", null, null, ["s1"])] };

        Assert.Equal("Scott Bessent: Secretary of the Treasury since January 28, 2025; United States side.", AnswerComposer.Direct(later, QuestionType.Who, s_harness.Facts));
    }

    [Fact]
    public void Direct_DisputedRound_SaysTheAccountsDifferOnItsFirstLine()
    {
        var round = s_harness.Facts.Find("round-1")! with { Claims = [new Claim("Yomiuri", "It lasted 50 minutes.", ["s1"]), new Claim("AP", "It lasted 75 minutes.", ["s2"])] };

        Assert.Contains("(disputed: accounts differ, see below)", AnswerComposer.Direct(round, QuestionType.What, s_harness.Facts).Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_RoundAskedWhatCameOfIt_AnswersWithItsOutcome() =>
        Assert.Contains("Outcome: Both sides agreed to meet again before the end of April.", Compose("what came out of round 1").Body, StringComparison.Ordinal);

    [Fact]
    public void Compose_DisputedFigure_SaysTheAccountsDiffer() =>
        Assert.Contains("(disputed: accounts differ, see below)", Compose("how much us military equipment will japan buy").Body.Split('\n')[0], StringComparison.Ordinal);

    [Theory]
    [InlineData("what did hayashi say about host nation support", "Japan would not raise")]
    [InlineData("hayashi's comment on paying more for us forces?", "Japan would not raise")]
    [InlineData("what did hayashi say about the weather", null)]
    [InlineData("will hayashi raise host nation support for us forces", null)]
    public void Quoted_Person_IsTheStatementSharingTwoContentWordsWithTheQuestion(string question, string? start)
    {
        var hayashi = s_harness.Facts.Find("yoshimasa-hayashi")!;
        var quoted = AnswerComposer.Quoted(hayashi, Answerer.Interpret(s_harness.Index, question).Text);
        Assert.Equal(start, quoted?.Text[..start!.Length]);
    }

    [Fact]
    public void Compose_PersonAskedWhatTheySaid_QuotesTheStatementWithItsSource()
    {
        var reply = Compose("what did hayashi say about host nation support");
        Assert.Equal(["yoshimasa-hayashi"], reply.FactIds);
        Assert.Equal("On July 24, 2025: Japan would not raise its host-nation support for US forces just because it was asked.", reply.Body.Split('\n')[1]);
        Assert.Contains(reply.Sources, s => s.Publisher == "Kyodo");
    }

    [Fact]
    public void Compose_PersonAskedWhatTheyHaveSaidWithNoTopic_QuotesTheirLatestStatementsWithSources()
    {
        var hayashi = s_harness.Facts.Find("yoshimasa-hayashi")!;
        var said = hayashi with
        {
            Statements = [.. hayashi.Statements, new Statement(new PartialDate(2025, 8, null), "Talks would go on.", ["s2"])],
        };
        var result = s_alwaysAnswers.Answer("what has hayashi said");

        var reply = AnswerComposer.Compose(result with { Ranked = [result.Ranked[0] with { Fact = said }, .. result.Ranked.Skip(1)] });

        var lines = reply.Body.Split('\n');
        Assert.Equal("In August 2025: Talks would go on.", lines[1]);
        Assert.Equal("On July 24, 2025: Japan would not raise its host-nation support for US forces just because it was asked.", lines[2]);
        Assert.Contains(reply.Sources, s => s.Publisher == "Kyodo");
    }

    /// <summary>Hayashi with five dated statements (July 24 is the fixture's), asked <paramref name="question"/>.</summary>
    private static IReadOnlyList<Statement> SaidByHayashi(string question)
    {
        var hayashi = s_harness.Facts.Find("yoshimasa-hayashi")!;
        var many = hayashi with
        {
            Statements =
            [
                .. hayashi.Statements,
                new Statement(new PartialDate(2025, 5, 2), "Talks were constructive.", ["s1"]),
                new Statement(new PartialDate(2025, 6, null), "Japan would keep talking.", ["s1"]),
                new Statement(new PartialDate(2025, 8, 28), "Some issues needed more talks.", ["s1"]),
                new Statement(new PartialDate(2025, 9, 1), "The order was welcome.", ["s1"]),
            ],
        };
        return AnswerComposer.Said(many, s_alwaysAnswers.Answer(question));
    }

    [Theory]
    // No topic: the latest three, or those of the time asked about (a day wants statements dated to the day).
    [InlineData("what has hayashi said", new[] { "2025-09-01", "2025-08-28", "2025-07-24" })]
    [InlineData("what has hayashi said lately", new[] { "2025-09-01", "2025-08-28", "2025-07-24" })]
    [InlineData("what did hayashi say in june", new[] { "2025-06" })]
    [InlineData("what did hayashi say on june 10", new string[0])]
    [InlineData("what did hayashi say on may 1", new string[0])]
    // A topic no statement is about: nothing quoted, rather than statements about something else.
    [InlineData("what did hayashi say about the weather", new string[0])]
    public void Said_PersonAskedWhatTheySaid_QuotesWhatTheQuestionAllows(string question, string[] dates) =>
        Assert.Equal(dates, SaidByHayashi(question).Select(st => st.Date.ToString()));

    [Fact]
    public void Direct_PersonWhoseDatedTitlesHaveAllEnded_IgnoresAPastPostPlacedOnlyByItsTitle()
    {
        var akazawa = s_harness.Facts.Find("ryosei-akazawa")!;
        var former = akazawa with
        {
            Roles = [.. akazawa.Roles.Select(r => r with { To = r.To ?? new PartialDate(2026, 1, 5) }), new Role("Parliamentary vice-minister (in office in 2012)", null, null, ["s1"])],
        };

        Assert.StartsWith("Ryosei Akazawa: Minister of Economy, Trade and Industry from October 21, 2025 to January 5, 2026;", AnswerComposer.Direct(former, QuestionType.Who, s_harness.Facts), StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_PersonAskedWhoTheyAre_QuotesNothing()
    {
        var reply = Compose("who is hayashi, japan's host nation support man for us forces");
        Assert.Equal(["yoshimasa-hayashi"], reply.FactIds);
        Assert.DoesNotContain("On July 24", reply.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(reply.Sources, s => s.Publisher == "Kyodo");
    }

    [Fact]
    public void Compose_Round_GivesDatePlaceAndAttendees()
    {
        var firstLine = Compose("round 4").Body.Split('\n')[0];
        Assert.Equal("Round 4: May 30, 2025, Washington, D.C. Japan: Ryosei Akazawa. US: Scott Bessent.", firstLine);
    }

    [Fact]
    public void Compose_WhenQuestion_PutsTheDateFirst() =>
        Assert.StartsWith("July 22, 2025: Trade deal announced.", Compose("when was the deal announced").Body, StringComparison.Ordinal);

    [Theory]
    [InlineData(new[] { 2, 3, 8 }, 4, "Rounds 2, 3 and 8, and 4 later meetings.")]
    [InlineData(new[] { 1, 8 }, 0, "Rounds 1 and 8.")]
    [InlineData(new[] { 8 }, 1, "Round 8, and 1 later meeting.")]
    [InlineData(new int[0], 2, "2 later meetings.")]
    [InlineData(new int[0], 0, "")]
    public void Attended_SaysTheRoundsAndHowManyLaterMeetings(int[] rounds, int later, string expected) =>
        Assert.Equal(expected, AnswerComposer.Attended(new Negotiator(AnsweringTestFacts.Load().Find("ryosei-akazawa")!, Bot.Facts.Side.Japan, rounds, later)));

    [Theory]
    [InlineData(new[] { 2, 3, 8 }, 4, "第2・3・8回、その後の会談4回。")]
    [InlineData(new[] { 8 }, 0, "第8回。")]
    [InlineData(new int[0], 1, "その後の会談1回。")]
    [InlineData(new int[0], 0, "")]
    public void AttendedInJapanese_SaysTheRoundsAndLaterMeetingsTheJapaneseWay(int[] rounds, int later, string expected) =>
        Assert.Equal(expected, AnswerComposer.AttendedInJapanese(new Negotiator(AnsweringTestFacts.Load().Find("ryosei-akazawa")!, Bot.Facts.Side.Japan, rounds, later)));

    [Theory]
    [InlineData("赤沢氏は日本の首席交渉官。2025年4月に任命された。", "赤沢氏は日本の首席交渉官。")]
    [InlineData("句点のない文", "句点のない文")]
    public void FirstJapaneseSentence_IsTheTextUpToItsFirstFullStop(string text, string expected) =>
        Assert.Equal(expected, AnswerComposer.FirstJapaneseSentence(text));

    [Theory]
    // The first sentence says it: nothing more.
    [InlineData("The date is disputed. It was in April.", "The date is disputed.")]
    // A later sentence says it: the first, then that one.
    [InlineData("Round 1 was in April. Trump came. Sources differ on how long it lasted. AP quoted him.", "Round 1 was in April. Sources differ on how long it lasted.")]
    [InlineData("About ¥80 trillion is the yen value. One report printed ¥8 trillion instead.", "About ¥80 trillion is the yen value. One report printed ¥8 trillion instead.")]
    // None says it: the first sentence.
    [InlineData("The deal was made. Both sides welcomed it.", "The deal was made.")]
    public void WhatDiffers_GivesTheFirstSentenceAndTheOneThatSaysWhatDiffers(string text, string expected) =>
        Assert.Equal(expected, AnswerComposer.WhatDiffers(text));

    [Theory]
    [InlineData("日付については見解が分かれている。4月だった。", "日付については見解が分かれている。")]
    [InlineData("第1回交渉は4月だった。トランプ氏も出席した。会談時間については情報源によって異なる。", "第1回交渉は4月だった。会談時間については情報源によって異なる。")]
    [InlineData("合意が成立した。双方が歓迎した。", "合意が成立した。")]
    [InlineData("句点のない文", "句点のない文")]
    public void WhatDiffersInJapanese_GivesTheFirstSentenceAndTheOneThatSaysWhatDiffers(string text, string expected) =>
        Assert.Equal(expected, AnswerComposer.WhatDiffersInJapanese(text));

    [Fact]
    public void Compose_DisputedFact_ShowsEveryClaimWithItsSource()
    {
        var reply = Compose("how much us military equipment will japan buy");
        Assert.Equal(["us-defense-procurement-14-17bn"], reply.FactIds);
        Assert.Contains("disputed", reply.Body.Split('\n')[0], StringComparison.Ordinal);
        Assert.Contains("- White House: Japan will raise annual purchases of US defense equipment from $14 billion to $17 billion. (White House, July 23, 2025)", reply.Body, StringComparison.Ordinal);
        Assert.Contains("- Government of Japan: Purchases follow the existing defense buildup plan; nothing new was promised. (Kyodo, July 24, 2025)", reply.Body, StringComparison.Ordinal);
        Assert.Equal(2, reply.Sources.Count);
    }

    [Fact]
    public void Compose_Abstention_SaysSoWithSuggestions()
    {
        var never = s_harness.WithModel(ConfidenceModel.Default with { Threshold = 1.01 });
        var reply = AnswerComposer.Compose(never.Answer("akazawa negotiator"));
        Assert.Equal(ReplyKind.Abstained, reply.Kind);
        Assert.Equal(AnswerComposer.AbstainTitle, reply.Title);
        Assert.Empty(reply.FactIds);
        Assert.Contains("who is akazawa", reply.Suggestions);
        Assert.InRange(reply.Suggestions.Count, 1, 3);
    }

    private static Bot.Facts.Fact Event(string title, string? place = null, params string[] people) => new()
    {
        Id = "summit", Kind = Bot.Facts.FactKind.Event, Title = title, Text = "A meeting.", AsOf = new Bot.Facts.PartialDate(2025, 6, 1),
        Date = new Bot.Facts.PartialDate(2025, 5, 30), SourceIds = ["s1"], Phrasings = [], Place = place, People = people, Location = new Bot.Facts.FactLocation("events.yaml", 1),
    };

    [Theory]
    [InlineData("Summit", null, new string[0], "May 30, 2025: Summit.")]
    [InlineData("Summit held in Washington, D.C.", null, new string[0], "May 30, 2025: Summit held in Washington, D.C.")]
    [InlineData("Summit", "Tokyo", new[] { "ryosei-akazawa", "scott-bessent" }, "May 30, 2025: Summit (Tokyo). People involved: Ryosei Akazawa, Scott Bessent.")]
    [InlineData("Summit", null, new[] { "ryosei-akazawa", "someone-not-in-the-facts" }, "May 30, 2025: Summit. People involved: Ryosei Akazawa, someone-not-in-the-facts.")]
    public void Direct_Event_GivesDatePlaceAndThePeopleInvolved(string title, string? place, string[] people, string expected) =>
        Assert.Equal(expected, AnswerComposer.Direct(Event(title, place, people), QuestionType.What, s_harness.Facts));

    private static Bot.Facts.Fact Purchase(string title, string display) => Event(title) with
    {
        Id = "purchase", Kind = Bot.Facts.FactKind.Purchase, Amount = new Bot.Facts.Amount(100, "aircraft", display, null),
    };

    [Theory]
    // A title that starts with the figure says it once; any other gives the figure first.
    [InlineData("100 Boeing aircraft", QuestionType.HowMany, "100 Boeing aircraft, May 30, 2025.")]
    [InlineData("100 Boeing aircraft", QuestionType.When, "May 30, 2025: 100 Boeing aircraft.")]
    [InlineData("Boeing order", QuestionType.HowMany, "100 Boeing aircraft: Boeing order, May 30, 2025.")]
    [InlineData("Boeing order", QuestionType.When, "May 30, 2025: Boeing order, 100 Boeing aircraft.")]
    public void Direct_Figure_GivesTheFigureOnce(string title, QuestionType type, string expected) =>
        Assert.Equal(expected, AnswerComposer.Direct(Purchase(title, "100 Boeing aircraft"), type, s_harness.Facts));

    [Theory]
    [InlineData("$10 billion fund")]
    [InlineData("$1.5 billion fund")]
    [InlineData("$1,000 bonds")]
    public void Direct_FigureThatOnlyStartsTheTitlesFirstNumber_IsStillGiven(string title) =>
        Assert.Equal($"$1: {title}, May 30, 2025.", AnswerComposer.Direct(Purchase(title, "$1"), QuestionType.HowMuch, s_harness.Facts));
}
