using Bot.Answering;
using Bot.Answering.Evaluation;

namespace Bot.Tests.Answering;

/// <summary>How a follow-up is read with the asker's previous question, on the controlled fact base.</summary>
public sealed class FollowUpsTests
{
    private static readonly AnswerHarness s_harness = AnsweringTestFacts.Harness;

    private static IReadOnlyList<string> Readings(string previous, string question, string? answeredBy = null) =>
        FollowUps.Readings(s_harness.Index, question, new PreviousQuestion(previous, answeredBy));

    [Theory]
    // The follow-up's round, person or date takes the place of the previous question's.
    [InlineData("when was round 1", "and round 4?", "when was round 4")]
    [InlineData("when was the first round", "what about the fourth round", "when was the 4 round")]
    [InlineData("who did akazawa meet in round 1", "what about bessent", "who did bessent meet in round 1")]
    [InlineData("what happened on april 16 2025", "and on may 30 2025?", "what happened on may 30 2025")]
    [InlineData("who did akazawa meet in round 1", "round 4 too?", "who did akazawa meet in round 4")]
    // A new subject keeps the previous question's opening words.
    [InlineData("how much is the car tariff", "how about the trade deficit", "how much is the trade deficit")]
    // A pronoun for one person is the person the previous question named.
    [InlineData("who is akazawa", "when did he become minister", "when did ryosei akazawa become minister")]
    [InlineData("akazawa profile", "what is his job now", "what is ryosei akazawa job now")]
    // A follow-up at another time drops the previous "now"; a lone number takes the place of the previous one.
    [InlineData("what is the car tariff now", "and before the deal?", "what is the car tariff before the deal")]
    // "and now?": the previous question's day, month or year, with the word before it, swapped for now.
    [InlineData("what was the car tariff in june 2025", "and now?", "what was the car tariff now")]
    [InlineData("who was finance minister on may 1 2025", "what about right now", "who was finance minister now")]
    [InlineData("what was the car tariff in june of 2025", "and now?", "what was the car tariff now")]
    [InlineData("what happened in the 4 session", "and the 1st?", "what happened in the 1 session")]
    // A bare question word asks the previous question another way.
    [InlineData("when did akazawa meet bessent", "why?", "why did akazawa meet bessent")]
    [InlineData("when did akazawa meet bessent", "and why?", "why did akazawa meet bessent")]
    [InlineData("what is the car tariff", "from what date", "from what date is the car tariff")]
    // After a question that named two people, "he" is each in turn.
    [InlineData("did akazawa meet bessent in round 4", "what did he say after", "what did ryosei akazawa say after")]
    [InlineData("did akazawa meet bessent in round 4", "what did he say after", "what did scott bessent say after")]
    // The verb after a bare question word is part of what the previous question asked.
    [InlineData("who signed the deal", "same for the trade deficit?", "who signed the trade deficit")]
    // "who else" asks who took part in the occasion just asked about: its round, else the occasion its answer was
    // about, else its day; a day pointed to is that day.
    [InlineData("when was the final round", "who else was in the oval office", "who was in the oval office in round 4")]
    [InlineData("what happened on april 16 2025", "who else was there", "who was there on april 16 2025")]
    [InlineData("what happened on may 30 2025", "who else was in the room that day", "who was in the room on may 30 2025")]
    // "the day after", "the next day", "the day before that": the day next to the previous question's day.
    [InlineData("what happened on may 30 2025", "and the day after?", "what happened on may 31 2025")]
    [InlineData("what happened on may 30 2025", "what happened the next day", "what happened on may 31 2025")]
    [InlineData("what happened on may 30 2025", "what about the day before that", "what happened on may 29 2025")]
    [InlineData("what happened on may 1 2025", "and the previous day", "what happened on april 30 2025")]
    // A preface on either question ("ok", "quick question:") is no part of the reading.
    [InlineData("quick question: when was round 1", "ok and round 4?", "when was round 4")]
    [InlineData("btw who is akazawa", "hmm when did he become minister", "when did ryosei akazawa become minister")]
    public void Readings_FollowUp_ReadAsTheWholeQuestion(string previous, string question, string expected) =>
        Assert.Contains(expected, Readings(previous, question));

    [Fact]
    public void Readings_PronounAfterAnAnswer_IsTheAnswersPerson()
    {
        // "who is the treasury secretary" named no one by name, but its answer was Bessent's profile.
        Assert.Contains("when did scott bessent take office", Readings("who is the treasury secretary", "when did he take office", "scott-bessent"));

        // After a round, "that round" is the round.
        Assert.Contains("who attended round 4", Readings("what happened at the may 30 talks", "who attended that round", "round-4"));

        // After a dated event, "that day" is its day.
        Assert.Contains("what else happened on july 22 2025", Readings("when was the deal announced", "what else happened that day", "deal-announced"));
    }

    [Theory]
    // "one" is a word here, not a number typed: no round 1, no 1 percent. "and so?" says nothing about what.
    [InlineData("when was round 4", "and this one?", "when was round 1")]
    [InlineData("what is the 15 percent tariff", "and the other one?", "what is the 1 percent tariff")]
    [InlineData("when was round 4", "and so?", "when was round 4 so")]
    public void Readings_WordsThatAreNotASubject_AreNotSwappedIn(string previous, string question, string wrong) =>
        Assert.DoesNotContain(wrong, Readings(previous, question));

    [Fact]
    public void Readings_ThatThoseOrThere_PointBackAsPronounsOnly()
    {
        Assert.Contains("is round 4 in washington", Readings("what happened in round 4", "and is that in washington", "round-4"));
        Assert.Contains("is round 4 in washington", Readings("what happened in round 4", "is that in washington", "round-4"));
        Assert.Contains("does tokyo agree with round 4", Readings("what happened in round 4", "does tokyo agree with that", "round-4"));

        // "those" with no noun after it points back without a lead; before a noun it is the question's own.
        Assert.Contains("how many of round 4 were in washington", Readings("what happened in round 4", "how many of those were in washington", "round-4"));
        Assert.Empty(Readings("what happened in round 4", "are those tariffs still on", "round-4"));

        // "all this" is the whole matter, and so is "this" after a preposition; "whos that" asks about the question's own
        // subject; "is there" asks whether something exists.
        Assert.Empty(Readings("what happened in round 4", "greer's role in all this", "round-4"));
        Assert.Empty(Readings("what happened in round 4", "jbic nexi what do they do in this", "round-4"));
        Assert.Empty(Readings("what happened in round 4", "muto - whos that", "round-4"));
        // With no subject of its own, "what is that" asks what the previous answer was.
        Assert.Contains("what is round 4", Readings("what happened in round 4", "and what is that", "round-4"));
        Assert.Empty(Readings("what happened in round 4", "and what tariffs are there", "round-4"));
        Assert.Empty(Readings("what happened in round 4", "is there a quota", "round-4"));
    }

    [Theory]
    // "there" is the occasion just asked about, with or without a lead: its round, else the event its answer was
    // about, else its day.
    [InlineData("what happened in round 4", "was bessent actually there", "round-4", "was bessent actually in round 4")]
    [InlineData("what happened in round 4", "and was bessent actually there", "round-4", "was bessent actually in round 4")]
    [InlineData("what did trump announce", "was akazawa there too", "deal-announced", "was akazawa at trade deal announced too")]
    public void Readings_There_IsTheOccasionJustAskedAbout(string previous, string question, string answeredBy, string expected) =>
        Assert.Contains(expected, Readings(previous, question, answeredBy));

    [Theory]
    // An occasion of its own, or a pointer to one; nothing to point back to.
    [InlineData("what happened in round 4", "was bessent there on april 16", "round-4")]
    [InlineData("what happened in round 4", "was bessent there that day", "round-4")]
    [InlineData("who is akazawa", "was bessent there", "ryosei-akazawa")]
    // "there is…", and a figure, which is nowhere to be.
    [InlineData("what happened in round 4", "if there is a quota on rice how much is it", "round-4")]
    [InlineData("what happened in round 4", "who said there would be a deal", "round-4")]
    [InlineData("what is the car tariff now", "who was there", "tariff-japan-autos-15")]
    public void Readings_ThereWithAnOccasionOfItsOwnOrNoneToPointTo_IsNotTheOccasionJustAskedAbout(string previous, string question, string answeredBy) =>
        Assert.DoesNotContain(Readings(previous, question, answeredBy), r => !r.Contains("there", StringComparison.Ordinal));

    [Theory]
    // "who attended", "who joined": who took part in the occasion just asked about, its round or the event its answer
    // was about.
    [InlineData("when was round 3", "who attended", "round-3", "who attended in round 3")]
    [InlineData("when was round 3", "who joined for the us side", "round-3", "who joined for the us side in round 3")]
    [InlineData("what did trump announce", "who took part in it", "deal-announced", "who took part at trade deal announced")]
    public void Readings_WhoTookPart_IsAtTheOccasionJustAskedAbout(string previous, string question, string answeredBy, string expected) =>
        Assert.Contains(expected, Readings(previous, question, answeredBy));

    [Theory]
    // A figure is nothing to take part in; a question with a subject of its own, or a round of its own.
    [InlineData("what is the car tariff now", "who attended", "tariff-japan-autos-15")]
    [InlineData("when was round 3", "who attended the g7 summit", "round-3")]
    [InlineData("when was round 3", "who attended round 4", "round-3")]
    [InlineData("who is akazawa", "who attended", "ryosei-akazawa")]
    public void Readings_WhoTookPartWithNothingToPointTo_IsNotRead(string previous, string question, string answeredBy) =>
        Assert.DoesNotContain(Readings(previous, question, answeredBy), r => r.StartsWith(question + " ", StringComparison.Ordinal));

    [Fact]
    public void Readings_ElseAfterAnAnswer_IsAtTheEventItWasAboutNeverAFigure()
    {
        Assert.Contains("who was there at trade deal announced", Readings("what did trump announce", "who else was there", "deal-announced"));
        // A figure is nothing to be at: its day stands in for it.
        Assert.Equal(["who was there on september 16 2025"], Readings("what is the car tariff now", "who else was there", "tariff-japan-autos-15"));
    }

    [Fact]
    public void Readings_ThingPronounAfterALead_IsThePreviousAnswer()
    {
        Assert.Contains("when was trade deal announced", Readings("what did trump announce on july 22", "and when was it", "deal-announced"));

        // Without a lead, "it" may be the question's own: "will it rain" is not about the deal.
        Assert.Empty(Readings("what did trump announce on july 22", "will it rain in washington this weekend", "deal-announced"));

        // As the last word, the object of the question's verb, "it" points back with no lead; not "what time is it".
        Assert.Contains("wat time did he post trade deal announced", Readings("when did trump announce the japan deal", "wat time did he post it", "deal-announced"));
        Assert.Empty(Readings("when did trump announce the japan deal", "what time is it", "deal-announced"));
        Assert.DoesNotContain(Readings("when did trump announce the japan deal", "is that it", "deal-announced"), r => r.EndsWith("trade deal announced", StringComparison.Ordinal));
    }

    [Theory]
    // Questions that read whole stand alone, whatever came before.
    [InlineData("who is akazawa", "when was round 4")]
    [InlineData("who is akazawa", "and when was round 4")]
    [InlineData("who is akazawa", "what is the car tariff now")]
    // A pronoun with a person of its own, or with no one to stand for, is left as it is.
    [InlineData("who is bessent", "when did bessent say he would meet")]
    [InlineData("what is the car tariff now", "what did he say")]
    // Times are the question's own ("this week"), and a long question after "and" is a question of its own.
    [InlineData("when was round 4", "what happened this week")]
    [InlineData("when was round 4", "and the rice piece by how much is japan upping american rice inside the quota")]
    // A Japanese question that asks something of its own ("後任は誰？" has 誰, who); "else" with a round or day of its
    // own, or nothing to point back to.
    [InlineData("石破首相はいつ辞任した？", "赤沢さんは誰？")]
    [InlineData("第2回交渉はいつ", "第4回交渉で誰が出席した？")]
    [InlineData("who is akazawa", "who else was there")]
    [InlineData("what happened on april 16 2025", "what else happened")]
    public void Readings_QuestionThatStandsAlone_HasNone(string previous, string question) =>
        Assert.Empty(Readings(previous, question));

    [Theory]
    // Japanese script is read into English words first; "Xは？" asks the same of X, "Xも？" asks it too, and a round's
    // ordinal is read as "round N" (a bare number names no round in the English reading).
    [InlineData("第1回交渉はいつ", "第4回は？", "round 4 when")]
    [InlineData("第1回交渉はいつ", "では第4回はどう？", "round 4 when")]
    [InlineData("赤沢さんは何の大臣？", "林さんは？", "hayashi what minister")]
    [InlineData("鉄鋼の関税は？", "アルミも？", "steel tariff aluminum")]
    [InlineData("when was round 1", "第4回は？", "when was round 4")]
    [InlineData("第1回交渉はいつ", "第4回会合は？", "when round 4 meeting")]
    public void Readings_FollowUpInJapaneseScript_ReadAsTheWholeQuestionInEnglish(string previous, string question, string expected) =>
        Assert.Contains(expected, Readings(previous, question));

    [Theory]
    // 彼 and 彼女 are "he" and "she": the person the previous answer was about.
    [InlineData("赤沢さんって誰？", "彼はいつ大臣になった？", "ryosei akazawa when minister became")]
    public void Readings_PronounInJapaneseScript_IsTheAnswersPerson(string previous, string question, string expected) =>
        Assert.Contains(expected, Readings(previous, question, "ryosei-akazawa"));

    [Theory]
    // Longer terms keep pointers from being read inside other words: その日米 is not その日 ("that day"), 彼ら not 彼.
    [InlineData("第4回交渉はいつ", "その日米合意の内容は？", "day")]
    [InlineData("赤沢さんって誰？", "彼らはいつ会った？", "akazawa")]
    public void Readings_PointerInsideALongerJapaneseWord_DoesNotPointBack(string previous, string question, string pointedTo) =>
        Assert.DoesNotContain(Readings(previous, question, "ryosei-akazawa"), r => r.Contains(pointedTo, StringComparison.Ordinal));

    [Fact]
    public void Answer_FollowUpInJapaneseScript_AnswersInJapanese()
    {
        var answer = s_harness.Answer("第4回は？", new PreviousQuestion("第1回交渉はいつ", "round-1"));

        Assert.Equal("round-4", answer.Result.Best?.Id);
        Assert.Equal("round 4 when", answer.WholeQuestion);
        // Answered as a question in Japanese script: the words it was read as are shown, as for any such question.
        Assert.Equal("round 4 when", answer.Result.ReadAs);
    }

    [Fact]
    public void Answer_FollowUp_AnswersTheWholeQuestionAndSaysSo()
    {
        var answer = s_harness.Answer("and round 4?", new PreviousQuestion("what happened in round 1", "round-1"));

        Assert.Equal("what happened in round 4", answer.WholeQuestion);
        Assert.Equal("round-4", answer.Result.Best?.Id);
    }

    [Theory]
    // "hayashi too?" alone would be Hayashi's profile, which nobody asked for: when every reading abstains, so does
    // the ellipsis. A pronoun question answered alone keeps its answer when its readings abstain, and so does an ellipsis
    // answered alone by something other than a profile ("and boeing?" after a question about rice says what it is about).
    [InlineData("hayashi too?", "yoshimasa-hayashi", true)]
    [InlineData("when did he say it", "deal-announced", false)]
    [InlineData("the car tariff too?", "tariff-japan-autos-15", false)]
    public void Answer_EveryReadingAbstains_AnEllipsisAbstainsUnlessAnsweredAloneByNoProfile(string question, string aloneAnswer, bool abstains)
    {
        var previous = new PreviousQuestion("was bessent at round 4", "scott-bessent");
        Assert.NotEmpty(FollowUps.Readings(s_harness.Index, question, previous));

        // Stand-in answers: the question as typed is answered, every reading abstained on.
        var answer = FollowUps.Answer(s_harness.Index, question, previous, (q, _) => Result(q, abstained: q != question, aloneAnswer));

        Assert.Equal(abstains, answer.Result.Abstained);
        Assert.Equal(abstains, answer.WholeQuestion is not null);
    }

    [Theory]
    // "was bessent actually there" alone is Bessent's profile, surer than round 1's record, which the question points
    // back to: a profile answers who he is, which the question does not ask. An answer alone that is no profile keeps
    // its place when it is surer.
    [InlineData("scott-bessent", "round-1")]
    [InlineData("deal-announced", "deal-announced")]
    public void Answer_ProfileAloneWhereAReadingFindsSomethingElse_TakesTheReading(string aloneAnswer, string expected)
    {
        const string question = "was bessent actually there";
        var previous = new PreviousQuestion("what was discussed in round 1", "round-1");
        Assert.Contains("was bessent actually in round 1", FollowUps.Readings(s_harness.Index, question, previous));

        var answer = FollowUps.Answer(s_harness.Index, question, previous, (q, _) => q == question
            ? Result(q, abstained: false, aloneAnswer) with { Confidence = 0.97 }
            : Result(q, abstained: false, "round-1"));

        Assert.Equal(expected, answer.Result.Best?.Id);
    }

    private static AnswerResult Result(string question, bool abstained, string best) => new()
    {
        Question = question,
        Facts = s_harness.Facts,
        Ranked = [new RankedFact(s_harness.Facts.Find(best)!, 1, 1, 1)],
        Confidence = abstained ? 0.5 : 0.9,
        Abstained = abstained,
        Type = QuestionType.Other,
    };

    [Fact]
    public void Answer_NoPreviousQuestion_IsTheQuestionAlone()
    {
        var answer = s_harness.Answer("and round 4?", previous: null);

        Assert.Null(answer.WholeQuestion);
        Assert.Equal(s_harness.Answer("and round 4?").Confidence, answer.Result.Confidence);
    }
}
