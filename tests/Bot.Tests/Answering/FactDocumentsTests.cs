using Bot.Answering;

namespace Bot.Tests.Answering;

/// <summary>What of a fact's structured fields its searchable text holds.</summary>
public sealed class FactDocumentsTests
{
    private static readonly Bot.Facts.FactBase s_facts = AnsweringTestFacts.Load();

    [Fact]
    public void Content_RoundWithDelegationsAndDuration_SaysWhoAttendedAndHowLongItLasted()
    {
        var content = FactDocuments.Content(s_facts.Find("round-4")!, s_facts).ToList();

        Assert.Contains("attended by", content);
        Assert.Contains("lasted over two hours", content);
        Assert.Contains("Scott Bessent", content);
    }

    [Fact]
    public void Content_PersonWithTitles_SaysTheyAreTitlesAndPositions()
    {
        var content = FactDocuments.Content(s_facts.Find("scott-bessent")!, s_facts).ToList();

        Assert.Contains("Secretary of the Treasury", content);
        Assert.Contains("title position", content);
        Assert.DoesNotContain("title position", FactDocuments.Content(s_facts.Find("round-4")!, s_facts));
    }

    [Fact]
    public void Content_EventWithNoPeopleOrOne_HasNoAttendanceLabel()
    {
        var deal = s_facts.Find("deal-announced")!;

        Assert.DoesNotContain("attended by", FactDocuments.Content(deal, s_facts));
        Assert.DoesNotContain("attended by", FactDocuments.Content(deal with { People = ["scott-bessent"] }, s_facts));
    }

    [Fact]
    public void Documents_EventWithSeveralPeople_SayWhoTookPart()
    {
        var meeting = s_facts.Find("deal-announced")! with { People = ["ryosei-akazawa", "scott-bessent"] };

        Assert.Contains("attended by", FactDocuments.Content(meeting, s_facts));
        Assert.Equal("Who took part in Trade deal announced: Ryosei Akazawa, Scott Bessent", FactDocuments.SemanticTexts(meeting, s_facts).Last());
    }

    [Fact]
    public void SemanticTexts_Round_EndWithWhoTookPartByName() =>
        Assert.Equal("Who took part in Round 4: Ryosei Akazawa, Scott Bessent", FactDocuments.SemanticTexts(s_facts.Find("round-4")!, s_facts).Last());

    [Fact]
    public void SemanticTexts_FactWithNoOneTakingPart_AreItsTextAndQuestions() =>
        Assert.Equal(
            ["Trade deal announced. President Trump announced a trade deal with Japan setting a 15% tariff.", "when was the deal announced", "when did they reach an agreement"],
            FactDocuments.SemanticTexts(s_facts.Find("deal-announced")!, s_facts));

    [Fact]
    public void Index_RoundsDocument_HoldsTheWordAQuestionAboutWhoAttendedUses()
    {
        var index = AnsweringTestFacts.Harness.Index;
        var round = index.Facts.Facts.ToList().FindIndex(f => f.Id == "round-4");

        var terms = index.Analyzer.Terms(["attended"]);

        Assert.NotEmpty(terms);
        Assert.All(terms, t => Assert.True(index.Bm25.DocumentHas(round, t)));
    }
}
