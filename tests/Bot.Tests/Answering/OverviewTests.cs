using Bot.Answering;
using Bot.Answering.Evaluation;
using Bot.Commands;

namespace Bot.Tests.Answering;

/// <summary>A question that asks for the whole of a fact with an overview ("what's the deal", "main points of the
/// agreement") is answered with that fact, then the facts its overview lists, with all their sources.</summary>
public sealed class OverviewTests : IDisposable
{
    private readonly FactFolder _folder = AnsweringTestFacts.Folder();
    private readonly AnswerHarness _harness;

    /// <summary>The test facts' deal-announced phrasings, which <see cref="WithDeal"/> replaces.</summary>
    private const string Phrasings = "    phrasings: [\"when was the deal announced\", \"when did they reach an agreement\"]";

    public OverviewTests() =>
        // The deal's overview: the car tariff and the deficit figure.
        _harness = WithDeal(_folder, Phrasings
            + "\n    overview:\n      names: [the deal, the agreement, the trade deal, what was agreed, what did japan and the us agree]\n      parts: [tariff-japan-autos-15, trade-deficit-seed]");

    /// <summary>The test facts with deal-announced's phrasings replaced by <paramref name="replacement"/>, under a model
    /// that answers nothing alone.</summary>
    private static AnswerHarness WithDeal(FactFolder folder, string replacement)
    {
        Assert.Contains(Phrasings, AnsweringTestFacts.Events, StringComparison.Ordinal);
        folder.Write("events.yaml", AnsweringTestFacts.Events.Replace(Phrasings, replacement, StringComparison.Ordinal));
        return AnswerHarness.Create(AnswerHarness.LoadFacts(folder.Path), AnsweringTestFacts.Options(semantic: true), new HashingEmbedder())
            .WithModel(ConfidenceModel.Default with { Threshold = 1.0 });
    }

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("what's the deal")]
    [InlineData("the deal?")]
    [InlineData("main points of the agreement")]
    [InlineData("summarize the us-japan trade deal")]
    [InlineData("tl;dr of the deal please")]
    [InlineData("what did japan and the us agree")]
    [InlineData("what's in the dael")]
    // A request put as a yes-or-no question.
    [InlineData("can you summarize the deal")]
    public void Answer_WholeOfAFactByAName_AnswersItWithItsParts(string question)
    {
        var result = _harness.Answer(question);

        Assert.False(result.Abstained);
        Assert.Equal(RecordAnswer.Overview, result.Record);
        Assert.Equal("deal-announced", result.Best!.Id);
        Assert.Equal(["tariff-japan-autos-15", "trade-deficit-seed"], result.Parts.Select(f => f.Id));
    }

    [Theory]
    // More than the name: a topic, a person, an opinion, a time; who, when or yes or no; a word the speller would turn
    // into filler ("wheat" is not "what"); a name no overview gives.
    [InlineData("what's the deal with cars")]
    [InlineData("what did bessent say about the deal")]
    [InlineData("is the deal good")]
    [InlineData("when was the deal announced")]
    [InlineData("who made the deal")]
    [InlineData("does japan agree with that")]
    // A pronoun points to something said before, which may be another whole.
    [InlineData("what did they agree")]
    [InlineData("what's in it")]
    [InlineData("wheat in the deal")]
    [InlineData("the 2019 deal")]
    [InlineData("what's the tariff")]
    public void Answer_QuestionThatAsksMoreThanTheWhole_IsNoOverview(string question)
    {
        var result = _harness.Answer(question);

        Assert.NotEqual(RecordAnswer.Overview, result.Record);
        Assert.Empty(result.Parts);
    }

    [Theory]
    [InlineData("when was the deal made")]
    [InlineData("what day did they strike the deal")]
    [InlineData("when was the us-japan trade deal reached")]
    [InlineData("when did the agreement come about")]
    public void Answer_OnlyWhenAWholeCameAbout_IsTheEventItsOverviewNames(string question)
    {
        var result = _harness.Answer(question);

        Assert.False(result.Abstained);
        Assert.Equal(RecordAnswer.DayOfTheWhole, result.Record);
        Assert.Equal("deal-announced", result.Best!.Id);
        // The day is asked, not the whole: its parts are not listed.
        Assert.Empty(result.Parts);
    }

    [Theory]
    // Signed, put in force or made public on other days; more than the name; not when.
    [InlineData("when was the deal signed")]
    [InlineData("when did the deal take effect")]
    [InlineData("when was the deal made public")]
    [InlineData("when did bessent announce the deal")]
    [InlineData("what's the deal")]
    [InlineData("when was the 2019 deal made")]
    // A word that asks for the whole asks for another day: the deal was explained after it was made.
    [InlineData("when was the deal explained")]
    public void Answer_NotOnlyWhenAWholeCameAbout_IsNotReadAsItsDay(string question) =>
        Assert.NotEqual(RecordAnswer.DayOfTheWhole, _harness.Answer(question).Record);

    [Fact]
    public void Answer_CuratedQuestionOfTheOverviewsFact_ListsItsParts()
    {
        // "When was the deal announced" is deal-announced's own curated question but asks when, not for the whole; a
        // curated question that is a name of the whole lists the parts as the name would.
        using var folder = AnsweringTestFacts.Folder();
        var harness = WithDeal(folder,
            "    phrasings: [\"when was the deal announced\", \"the trade agreement\"]\n    overview:\n      names: [the trade agreement]\n      parts: [trade-deficit-seed]");

        var named = harness.Answer("the trade agreement");
        var when = harness.Answer("when was the deal announced");

        Assert.Equal(RecordAnswer.Overview, named.Record);
        Assert.Equal(["trade-deficit-seed"], named.Parts.Select(f => f.Id));
        Assert.Equal("deal-announced", when.Best!.Id);
        Assert.Empty(when.Parts);
    }

    [Fact]
    public void Compose_Overview_ListsEachPartsFirstSentenceAndCitesThemAll()
    {
        var result = _harness.Answer("what's the deal");

        var reply = AnswerComposer.Compose(result);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.EndsWith("What it comprises, one fact each (ask about any of them for its details):", reply.Body, StringComparison.Ordinal);
        Assert.Equal(
            [
                ("US tariff on cars from Japan under the deal", "Under the deal the US tariff on Japanese cars fell to 15%, including the earlier 2.5%."),
                ("US goods trade deficit with Japan", "The US goods trade deficit with Japan is about ¥10 trillion a year."),
            ],
            reply.Fields.Select(f => (f.Name, f.Value)));
        Assert.Equal(["deal-announced", "tariff-japan-autos-15", "trade-deficit-seed"], reply.FactIds);
        var cited = new[] { "deal-announced", "tariff-japan-autos-15", "trade-deficit-seed" }
            .SelectMany(id => result.Facts.SourcesOf(result.Facts.Find(id)!)).Select(s => s.Id).Distinct();
        Assert.Equal(cited.Order(StringComparer.Ordinal), reply.Sources.Select(s => s.Id).Order(StringComparer.Ordinal));
        Assert.Empty(reply.Related);
    }

    [Theory]
    [InlineData("15% in total is the tariff. It replaced 27.5%.", "15% in total is the tariff.")]
    // Abbreviations and times read on; a sentence may end before a number.
    [InlineData("The U.S. side agreed. Then it ended.", "The U.S. side agreed.")]
    [InlineData("Posted at 7:12 p.m. EST on July 22. Japan replied.", "Posted at 7:12 p.m. EST on July 22.")]
    [InlineData("It rose to 25%. 2025 saw more.", "It rose to 25%.")]
    [InlineData("One sentence only.", "One sentence only.")]
    [InlineData("Mr. Akazawa met Lutnick. Then he left.", "Mr. Akazawa met Lutnick.")]
    [InlineData("It is the No. 1 issue. Next came rice.", "It is the No. 1 issue.")]
    [InlineData("The rest are Block V. They belong to the navy.", "The rest are Block V.")]
    [InlineData("He called it \"big progress.\" Talks went on.", "He called it \"big progress.\"")]
    [InlineData("It cost 1.5 trillion yen. $69 billion is the same.", "It cost 1.5 trillion yen.")]
    public void FirstSentence_EndsAtTheFirstFullStopThatEndsASentence(string text, string expected) =>
        Assert.Equal(expected, AnswerComposer.FirstSentence(text));
}
