using Bot.Answering;
using Bot.Answering.Evaluation;
using Bot.Commands;

namespace Bot.Tests.Answering;

/// <summary>A question that asks only for what one fact's record holds is answered with it whatever the model's
/// confidence: "what happened on july 22" with the one event or round the fact base dates that day, or with a list of
/// them when there are several; "was bessent at round 4" with that round.</summary>
public sealed class RecordAnswerTests
{
    /// <summary>A model that answers nothing on its own (a sigmoid never reaches 1): only the rule can answer.</summary>
    private static readonly AnswerHarness s_strict = AnsweringTestFacts.Harness.WithModel(ConfidenceModel.Default with { Threshold = 1.0 });

    [Theory]
    [InlineData("what happened on april 16", "round-1")]
    [InlineData("what happened on the 16th of april 2025", "round-1")]
    [InlineData("events on 2025-07-22", "deal-announced")]
    [InlineData("what happened on 30 may?", "round-4")]
    // A month with one occasion (the figure dated in July is none).
    [InlineData("what happened in april", "round-1")]
    [InlineData("what happened in july 2025", "deal-announced")]
    // Part of a month or a season with one occasion.
    [InlineData("what happened in late july", "deal-announced")]
    [InlineData("what happened in mid-april", "round-1")]
    [InlineData("what happened in the summer", "deal-announced")]
    public void Answer_OnlyWhatHappenedOnADayWithOneOccasion_AnswersIt(string question, string expected)
    {
        var result = s_strict.Answer(question);

        Assert.Equal(expected, result.Ranked[0].Fact.Id);
        Assert.False(result.Abstained);
        Assert.Equal(RecordAnswer.OnlyOccasionOfTheTime, result.Record);
        Assert.Equal(expected, result.Best!.Id);
        Assert.Equal(1.0, result.Confidence);
    }

    [Theory]
    // More than the day: what the question adds must count.
    [InlineData("what happened on april 16 in the oval office")]
    [InlineData("what did bessent say on april 16")]
    [InlineData("what was said on april 16")]
    [InlineData("any other events on april 16")]
    // Two days: the first day's one occasion is not the answer.
    [InlineData("what happened on april 16 and may 30")]
    [InlineData("what happened on april 16 or 17")]
    [InlineData("why april 16")]
    // A day with no occasion, a day only a figure is dated, a month with none, two months and a year.
    [InlineData("what happened on april 17")]
    [InlineData("what happened on september 16")]
    [InlineData("what happened in august")]
    [InlineData("what happened in april and may")]
    [InlineData("what happened in 2025")]
    // Part of a month with none: not the rest of the month.
    [InlineData("what happened in early july")]
    [InlineData("what happened in the first week of april")]
    // No such day: not the month either.
    [InlineData("what happened on june 31")]
    public void Answer_QuestionThatIsNotOnlyADayWithOneOccasion_IsLeftToTheModel(string question)
    {
        var result = s_strict.Answer(question);

        Assert.True(result.Abstained);
        Assert.Equal(RecordAnswer.None, result.Record);
    }

    /// <summary>The test facts with a second event on July 22 and one on May 30 (round 4's day), under a model that
    /// answers nothing alone.</summary>
    private static AnswerHarness WithMoreOccasions(FactFolder folder)
    {
        folder.Write("events.yaml", AnsweringTestFacts.Events + """

              - id: tokyo-reaction
                title: Japan reacts to the deal
                date: 2025-07-22
                text: Tokyo welcomed the deal the same day.
                claims:
                  - by: Tokyo
                    text: It welcomed the deal.
                    sources: [s2]
                  - by: Opposition
                    text: It was split.
                    sources: [s3]
                as_of: 2025-07-23
                sources: [s2]
                phrasings: ["how did tokyo react to the deal"]
              - id: may-briefing
                title: Akazawa briefs the cabinet
                date: 2025-05-30
                text: Akazawa briefed the cabinet on May 30, 2025.
                as_of: 2025-05-03
                sources: [s1]
                phrasings: ["when did akazawa brief the cabinet", "akazawa's cabinet briefing"]
            """);
        return AnswerHarness.Create(AnswerHarness.LoadFacts(folder.Path), AnsweringTestFacts.Options(semantic: true), new HashingEmbedder())
            .WithModel(ConfidenceModel.Default with { Threshold = 1.0 });
    }

    [Theory]
    [InlineData("what happened on july 22", "deal-announced", "tokyo-reaction")]
    [InlineData("what happened in may 2025", "may-briefing", "round-4")]
    [InlineData("what happened at the end of may", "may-briefing", "round-4")]
    [InlineData("what happened the week of july 21", "deal-announced", "tokyo-reaction")]
    public void Answer_OnlyWhatHappenedOnADayOrMonthWithSeveralOccasions_ListsThemInDateOrder(string question, string first, string second)
    {
        using var folder = AnsweringTestFacts.Folder();
        var result = WithMoreOccasions(folder).Answer(question);

        Assert.False(result.Abstained);
        Assert.Equal(RecordAnswer.OccasionsOfTheTime, result.Record);
        Assert.Equal([first, second], result.Occasions.Select(f => f.Id));
        Assert.Contains(result.Best!.Id, new[] { first, second });
    }

    [Fact]
    public void Compose_WhatHappenedInPartOfAMonth_ListsThemUnderTheDaysItRead()
    {
        using var folder = AnsweringTestFacts.Folder();
        var reply = AnswerComposer.Compose(WithMoreOccasions(folder).Answer("what happened the week of july 21"));

        Assert.Equal("What happened from July 21 to July 27, 2025", reply.Title);
        Assert.StartsWith("The fact base dates 2 events and rounds from July 21 to July 27, 2025:", reply.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("who negotiated for the us", new[] { "scott-bessent" })]
    [InlineData("who was on the american side", new[] { "scott-bessent" })]
    [InlineData("who negotiated for japan", new[] { "ryosei-akazawa" })]
    [InlineData("japan's negotiating team", new[] { "ryosei-akazawa" })]
    [InlineData("who led the talks for tokyo", new[] { "ryosei-akazawa" })]
    // Both sides, Japan first: none named, both, or the sides' names naming the talks.
    [InlineData("who are the negotiators", new[] { "ryosei-akazawa", "scott-bessent" })]
    [InlineData("who negotiated the us-japan deal", new[] { "ryosei-akazawa", "scott-bessent" })]
    [InlineData("who were the negotiators for the us and japan", new[] { "ryosei-akazawa", "scott-bessent" })]
    [InlineData("who took part in the talks", new[] { "ryosei-akazawa", "scott-bessent" })]
    // "Tell us" is no side.
    [InlineData("tell us who negotiated", new[] { "ryosei-akazawa", "scott-bessent" })]
    // The side after "with", or before a stranded "with", is the other side's.
    [InlineData("who negotiated with japan", new[] { "scott-bessent" })]
    [InlineData("who did the us negotiate with", new[] { "ryosei-akazawa" })]
    public void Answer_OnlyWhoNegotiated_ListsThePeopleOfTheSideAskedByTheRoundsRecords(string question, string[] expected)
    {
        var result = s_strict.Answer(question);

        Assert.False(result.Abstained);
        Assert.Equal(RecordAnswer.Negotiators, result.Record);
        Assert.Equal(expected, result.Negotiators.Select(n => n.Person.Id));
        Assert.Equal(expected[0], result.Best!.Id);
        // Both test rounds are numbered, and each side has one person at both.
        Assert.All(result.Negotiators, n => Assert.Equal([1, 4], n.Rounds));
        Assert.All(result.Negotiators, n => Assert.Equal(0, n.Later));
    }

    [Theory]
    // A deed, a person, a round, a time, or another subject: the ranking answers.
    [InlineData("who signed the deal")]
    [InlineData("who negotiated better, akazawa or bessent?")]
    [InlineData("who attended round 4")]
    [InlineData("who was at the talks on may 30")]
    [InlineData("how many officials were on the us negotiating team")]
    [InlineData("who was the government spokesman on the tariff negotiations")]
    [InlineData("who negotiates")]
    [InlineData("who negotiated with us")]
    [InlineData("who sat across the table from japan")]
    public void Answer_NotOnlyWhoNegotiated_IsNotTheList(string question)
    {
        var result = s_strict.Answer(question);

        Assert.NotEqual(RecordAnswer.Negotiators, result.Record);
        Assert.Empty(result.Negotiators);
    }

    [Theory]
    [InlineData("what's new")]
    [InlineData("any updates?")]
    [InlineData("what's the latest on the trade talks")]
    [InlineData("where do things stand in the talks")]
    [InlineData("news?")]
    [InlineData("what changed recently")]
    [InlineData("any changes lately?")]
    public void Answer_OnlyWhatIsNew_ListsTheLatestOccasionsNewestFirst(string question)
    {
        var result = s_strict.Answer(question);

        Assert.False(result.Abstained);
        Assert.Equal(RecordAnswer.Latest, result.Record);
        // The test facts' events and rounds, newest first; not the figures or people.
        Assert.Equal(["deal-announced", "round-4", "round-1"], result.Latest.Select(f => f.Id));
        Assert.Equal("deal-announced", result.Best!.Id);
    }

    [Theory]
    // A subject of its own, a time or another country: the ranking answers.
    [InlineData("new finance minister")]
    [InlineData("most recent meeting")]
    [InlineData("latest tariff")]
    [InlineData("what's new since may 30")]
    [InlineData("china tariffs latest")]
    // The deal's contents, not the latest events.
    [InlineData("is there a new deal")]
    [InlineData("what's new in the agreement")]
    [InlineData("any recent changes to the car tariff")]
    public void Answer_NotOnlyWhatIsNew_IsNotTheList(string question)
    {
        var result = s_strict.Answer(question);

        Assert.NotEqual(RecordAnswer.Latest, result.Record);
        Assert.Empty(result.Latest);
    }

    [Theory]
    [InlineData("what's disputed")]
    [InlineData("where do the sources disagree")]
    [InlineData("which facts are contested?")]
    [InlineData("any conflicting reports")]
    [InlineData("what do the reports contradict each other on")]
    [InlineData("how many facts are disputed")]
    // The talks as a whole, brought in by a preposition.
    [InlineData("what is disputed about the deal")]
    [InlineData("contested facts in the us-japan talks")]
    [InlineData("disagreements between japan and us accounts")]
    public void Answer_OnlyWhatIsDisputed_ListsEveryDisputedFactInDateOrder(string question)
    {
        using var folder = AnsweringTestFacts.Folder();

        var result = WithMoreOccasions(folder).Answer(question);

        Assert.False(result.Abstained);
        Assert.Equal(RecordAnswer.Disputes, result.Record);
        // Japan's reaction (July 22) before the defense purchases (July 23); no other test fact has claims.
        Assert.Equal(["tokyo-reaction", "us-defense-procurement-14-17bn"], result.Disputed.Select(f => f.Id));
        Assert.Contains(result.Best!.Id, result.Disputed.Select(f => f.Id));
    }

    [Theory]
    // A subject, a person or a time named: the ranking answers.
    [InlineData("is the deal disputed")]
    [InlineData("are the defense purchases disputed")]
    [InlineData("what does akazawa dispute")]
    [InlineData("what was disputed on july 22")]
    [InlineData("is the deal date disputed")]
    [InlineData("what is disputed about the car tariff")]
    [InlineData("what is disputed about the deal date")]
    [InlineData("which figures are disputed on tariffs")]
    // No word that says accounts differ, or other words.
    [InlineData("which facts do you have")]
    [InlineData("how do i resolve a git merge conflict")]
    // The two sides' disagreements, not the sources': a word that may say either needs a word for sources.
    [InlineData("what are the disagreements in the negotiations")]
    [InlineData("is there any conflict in the talks")]
    [InlineData("what issues remain disputed")]
    public void Answer_NotOnlyWhatIsDisputed_IsNotTheList(string question)
    {
        using var folder = AnsweringTestFacts.Folder();

        var result = WithMoreOccasions(folder).Answer(question);

        Assert.NotEqual(RecordAnswer.Disputes, result.Record);
        Assert.Empty(result.Disputed);
    }

    [Fact]
    public void Answer_WhoTookPartInTheTalksOfADayWithARoundAndAnEvent_AnswersTheRound()
    {
        using var folder = AnsweringTestFacts.Folder();
        var harness = WithMoreOccasions(folder);

        var talks = harness.Answer("the may 30 talks, who was there");
        var meeting = harness.Answer("who was at the may 30 meeting");

        Assert.Equal(RecordAnswer.WhoTookPartInTheRound, talks.Record);
        Assert.Equal("round-4", talks.Best!.Id);
        Assert.Equal(RecordAnswer.None, meeting.Record);
    }

    [Theory]
    // The number as the amount shows it, as converted, with its units, with words of the figure's own wording.
    [InlineData("what does 15% mean", "tariff-japan-autos-15")]
    [InlineData("where's the 69 billion from", "trade-deficit-seed")]
    [InlineData("what's the 10 trillion yen figure", "trade-deficit-seed")]
    [InlineData("the 15% on cars, what is it", "tariff-japan-autos-15")]
    [InlineData("14 billion?", "us-defense-procurement-14-17bn")]
    public void Answer_OnlyWhatAFigureIs_AnswersTheOneFactWhoseAmountGivesIt(string question, string expected)
    {
        var result = s_strict.Answer(question);

        Assert.False(result.Abstained);
        Assert.Equal(RecordAnswer.FigureNamed, result.Record);
        Assert.Equal(expected, result.Best!.Id);
    }

    [Theory]
    // Other units, another question (how much, yes or no, when), a word the figure's wording lacks, a stop word that
    // asks more, two numbers, a person named.
    [InlineData("what does 15 trillion mean")]
    [InlineData("how much is 15%")]
    [InlineData("was the car tariff 15%")]
    [InlineData("when was the 15% agreed")]
    [InlineData("what does 15% mean for rice")]
    [InlineData("what does 15% not cover")]
    [InlineData("what are 15% and 69 billion")]
    [InlineData("what did akazawa say about 15%")]
    public void Answer_QuestionThatIsNotOnlyWhatAFigureIs_IsLeftToTheModel(string question)
    {
        var result = s_strict.Answer(question);

        Assert.NotEqual(RecordAnswer.FigureNamed, result.Record);
    }

    [Theory]
    // A day or month typed: strictly after or before it.
    [InlineData("what was the last round before july 9", "round-4")]
    [InlineData("which round came right after april 16", "round-4")]
    [InlineData("the first round after april", "round-4")]
    [InlineData("the round before may 30", "round-1")]
    public void Answer_RoundPlacedByADay_AnswersTheRoundDatedFirstAfterOrLastBefore(string question, string expected)
    {
        var result = s_strict.Answer(question);

        Assert.False(result.Abstained);
        Assert.Equal(RecordAnswer.RoundPlaced, result.Record);
        Assert.Equal(expected, result.Best!.Id);
        Assert.Null(result.Placement!.Occasion);
    }

    [Fact]
    public void Answer_RoundPlacedByAnOccasion_AnswersTheRoundDatedBeforeItAsSurelyAsTheOccasionWasRead()
    {
        using var folder = AnsweringTestFacts.Folder();
        var harness = WithMoreOccasions(folder);

        // Round 4 is on the briefing's day, May 30: not before it.
        var result = harness.Answer("what was the last round before akazawa's cabinet briefing");
        var reply = AnswerComposer.Compose(result);

        Assert.Equal(RecordAnswer.RoundPlaced, result.Record);
        Assert.Equal("round-1", result.Best!.Id);
        Assert.Equal("may-briefing", result.Placement!.Occasion!.Id);
        Assert.False(result.Placement.After);
        Assert.Equal(result.Placement.Sure, result.Confidence);
        Assert.StartsWith("Round 1 was the last round before May 30, 2025 (Akazawa briefs the cabinet).\nRound 1: April 16, 2025", reply.Body, StringComparison.Ordinal);
        Assert.Equal(["round-1", "may-briefing"], reply.FactIds);
    }

    [Theory]
    // No round after the occasion (round 4 shares its day); an occasion that is a figure; no round before a day; a round
    // named by number (placed as "the round after round 1" is, by the ranking).
    [InlineData("which round came after akazawa's cabinet briefing")]
    [InlineData("the last round before tariff on japanese autos")]
    [InlineData("which round came before april")]
    [InlineData("the first round after round 1")]
    public void Answer_RoundNotPlacedByAnOccasionOrDay_IsLeftToTheModel(string question)
    {
        using var folder = AnsweringTestFacts.Folder();
        var result = WithMoreOccasions(folder).Answer(question);

        Assert.NotEqual(RecordAnswer.RoundPlaced, result.Record);
        Assert.Null(result.Placement);
    }

    [Theory]
    // More than the day, and a day with no occasion next to one with two.
    [InlineData("what did tokyo say on july 22")]
    [InlineData("what happened on july 22 and april 16")]
    [InlineData("what happened on july 23")]
    public void Answer_QuestionThatIsNotOnlyADayWithSeveralOccasions_IsLeftToTheModel(string question)
    {
        using var folder = AnsweringTestFacts.Folder();
        var result = WithMoreOccasions(folder).Answer(question);

        Assert.True(result.Abstained);
        Assert.Equal(RecordAnswer.None, result.Record);
        Assert.Empty(result.Occasions);
    }

    [Fact]
    public void Compose_SeveralOccasions_ListsEachWithItsDateTitleTextAndSources()
    {
        using var folder = AnsweringTestFacts.Folder();
        var result = WithMoreOccasions(folder).Answer("what happened on july 22");

        var reply = AnswerComposer.Compose(result);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal("What happened on July 22, 2025", reply.Title);
        Assert.Equal("The fact base dates 2 events and rounds on July 22, 2025:", reply.Body);
        Assert.Equal(["July 22, 2025 — Trade deal announced", "July 22, 2025 — Japan reacts to the deal"], reply.Fields.Select(f => f.Name));
        // Tokyo's reaction is disputed (its claims): the list says so.
        Assert.Equal("Tokyo welcomed the deal the same day. (disputed: accounts differ; ask about it for each with its sources)", reply.Fields[1].Value);
        Assert.DoesNotContain("disputed", reply.Fields[0].Value, StringComparison.Ordinal);
        Assert.Equal(["deal-announced", "tokyo-reaction"], reply.FactIds);
        Assert.Equal(result.Occasions.SelectMany(result.Facts.SourcesOf).Select(s => s.Id).Distinct(), reply.Sources.Select(s => s.Id));
    }

    [Theory]
    [InlineData("who attended round 4", "round-4")]
    [InlineData("was bessent at round 4?", "round-4")]
    [InlineData("who did akazawa meet in round 1", "round-1")]
    [InlineData("who was on the us side in the first round", "round-1")]
    // The last round of this fact base is round 4.
    [InlineData("who attended the final round", "round-4")]
    [InlineData("which delegations attended round 1", "round-1")]
    [InlineData("did bessent sit in on the final round", "round-4")]
    [InlineData("who took part in round 1", "round-1")]
    [InlineData("did akazawa show up for round 4", "round-4")]
    // The round named by its day, the one event or round of that day.
    [InlineData("the april 16 talks, who was there", "round-1")]
    [InlineData("who attended the may 30 round", "round-4")]
    public void Answer_OnlyWhoTookPartInARound_AnswersTheRound(string question, string expected)
    {
        var result = s_strict.Answer(question);

        Assert.False(result.Abstained);
        Assert.Equal(RecordAnswer.WhoTookPartInTheRound, result.Record);
        Assert.Equal(expected, result.Best!.Id);
    }

    [Theory]
    // More than who took part; a round the fact base does not have.
    [InlineData("was bessent angry at round 4")]
    [InlineData("why did bessent not attend round 4")]
    [InlineData("what did bessent say at round 4")]
    [InlineData("who attended the last round before the deadline")]
    [InlineData("who attended round 12")]
    // A day with no round, and a day with a round next to a round number.
    [InlineData("who was there on april 17")]
    [InlineData("who attended round 1 on may 30")]
    public void Answer_QuestionThatIsNotOnlyWhoTookPartInARound_IsLeftToTheModel(string question)
    {
        var result = s_strict.Answer(question);

        Assert.True(result.Abstained);
        Assert.Equal(RecordAnswer.None, result.Record);
    }

    [Theory]
    [InlineData("what happened in the fourth round", "round-4")]
    [InlineData("how did the first round of negotiations go", "round-1")]
    [InlineData("tell me about round 1", "round-1")]
    [InlineData("round 4 recap", "round-4")]
    [InlineData("what came out of round one?", "round-1")]
    // The last round of this fact base is round 4.
    [InlineData("what happened at the final round", "round-4")]
    // The round named by its day.
    [InlineData("how did the may 30 talks go", "round-4")]
    public void Answer_OnlyWhatHappenedAtARound_AnswersTheRound(string question, string expected)
    {
        var result = s_strict.Answer(question);

        Assert.False(result.Abstained);
        Assert.Equal(RecordAnswer.WhatHappenedAtTheRound, result.Record);
        Assert.Equal(expected, result.Best!.Id);
    }

    [Theory]
    // More than what happened: why, what someone said, a topic, a person; another round placed by this one; two
    // rounds; a round the fact base does not have; a day with no round.
    [InlineData("why did round 4 happen")]
    [InlineData("what did bessent say at round 4")]
    [InlineData("what happened at round 4 on rice")]
    [InlineData("what happened with akazawa at round 4")]
    [InlineData("what happened after round 1")]
    [InlineData("what happened at rounds 1 and 4")]
    [InlineData("what happened at round 12")]
    [InlineData("how did the april 17 talks go")]
    public void Answer_QuestionThatIsNotOnlyWhatHappenedAtARound_IsLeftToTheModel(string question)
    {
        var result = s_strict.Answer(question);

        Assert.True(result.Abstained);
        Assert.Equal(RecordAnswer.None, result.Record);
    }
}
