using Bot.Answering;
using Bot.Commands;

namespace Bot.Tests.Answering;

/// <summary>"Why?": the explanation of an answer over the real engine says what was read, what ranked first and next,
/// and how sure the engine was, consistently with the answer itself.</summary>
[Collection(RealEngineGroup.Name)]
public sealed class ExplainTests(RealEngineFixture engine)
{
    private Reply Explain(string question)
    {
        var harness = engine.Harness;
        return ExplainCommand.Compose(AnswerExplainer.Explain(harness.Index, harness.Answer(question), harness.Answerer.Model.Threshold));
    }

    private static string Field(Reply reply, string name) => Assert.Single(reply.Fields, f => f.Name == name).Value;

    [Fact]
    public void Explain_Answer_SaysWhatWasReadWhatCameFirstAndHowSure()
    {
        const string Question = "when did akazwa meet lutnick in tokio";
        var answer = engine.Harness.Answer(Question);
        Assert.False(answer.Abstained);

        var reply = Explain(Question);

        Assert.Equal([answer.Ranked[0].Fact.Id], reply.FactIds);
        Assert.Equal(Math.Round(answer.Confidence, 3), reply.Confidence);
        Assert.StartsWith($"Answered with {answer.Ranked[0].Fact.Title} [{answer.Ranked[0].Fact.Id}] at a confidence of ", reply.Body, StringComparison.Ordinal);
        Assert.Contains("akazwa → akazawa", Field(reply, "Read as"), StringComparison.Ordinal);
        Assert.Contains("tokio → tokyo", Field(reply, "Read as"), StringComparison.Ordinal);
        Assert.EndsWith("asks when", Field(reply, "Read as"), StringComparison.Ordinal);
        Assert.Equal("person: Howard Lutnick; person: Ryosei Akazawa", Field(reply, "Recognised"));
        Assert.Contains("lutnick", Field(reply, "Words in common"), StringComparison.Ordinal);

        // The facts ranked next are the engine's, in its order, each with how far behind it scored.
        var next = Field(reply, "Ranked next").Split('\n');
        Assert.Equal(answer.Ranked.Skip(1).Take(AnswerExplainer.RunnersUp).Select(r => $"[{r.Fact.Id}]"), next.Select(l => l[l.IndexOf('[', StringComparison.Ordinal)..l.IndexOf(']', StringComparison.Ordinal)] + "]"));
        Assert.Matches(@"\d\.\d\d behind$", next[0]);

        // The closest text is one of the top fact's own curated questions.
        var closest = Field(reply, "Closest curated question");
        Assert.Contains(answer.Ranked[0].Fact.Phrasings, p => closest.StartsWith($"\"{p}\" (similarity ", StringComparison.Ordinal));
    }

    [Fact]
    public void Explain_Abstention_NamesTheBestMatchTheThresholdAndTheWordsNoFactUses()
    {
        const string Question = "what is the yearly tonnage of rice";
        var answer = engine.Harness.Answer(Question);
        Assert.True(answer.Abstained);

        var reply = Explain(Question);

        Assert.StartsWith($"No answer. The best match, {answer.Ranked[0].Fact.Title} [{answer.Ranked[0].Fact.Id}], had a confidence of ", reply.Body, StringComparison.Ordinal);
        Assert.Contains($"below the {engine.Harness.Answerer.Model.Threshold:0.00} the bot answers at", reply.Body, StringComparison.Ordinal);
        Assert.Equal("tonnage", Field(reply, "Words no fact uses"));
        Assert.Contains("not in this fact: ", Field(reply, "Words in common"), StringComparison.Ordinal);
        Assert.Contains("tonnage", Field(reply, "Words in common").Split("not in this fact: ")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_WordsReadAsSynonyms_ShowTheWordAndItsReading()
    {
        var shared = Field(Explain("who negotiated the purchases of boeing airplanes"), "Words in common");

        Assert.Contains("purchases (as buy)", shared, StringComparison.Ordinal);
        Assert.Contains("boeing", shared, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_CuratedQuestion_SaysSo()
    {
        var fact = engine.Harness.Facts.Find("round-4")!;
        var curated = fact.Phrasings.First(p => engine.Harness.Index.Phrased.TryGetValue(QuestionNormalizer.Text(p), out _));

        var reply = Explain(curated);

        Assert.Equal(["round-4"], reply.FactIds);
        Assert.StartsWith("the question itself, word for word", Field(reply, "Closest curated question"), StringComparison.Ordinal);
        Assert.Equal("round 4", Field(reply, "Recognised"));
    }

    [Fact]
    public void Explain_GovernmentAndDate_AreRecognisedAsSuch()
    {
        var recognised = Field(Explain("chief cabinet secretary under ishiba on may 30"), "Recognised");

        Assert.Contains("government of Shigeru Ishiba (a time)", recognised, StringComparison.Ordinal);
        Assert.Contains("date: May 30, 2025", recognised, StringComparison.Ordinal);
        Assert.DoesNotContain("person: Shigeru Ishiba", recognised, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_NothingTheFactBaseUses_SaysSoWithoutCandidates()
    {
        var reply = Explain("??? !!!");

        Assert.Equal("No answer: the question has no word or name the fact base uses.", reply.Body);
        Assert.Empty(reply.FactIds);
        Assert.DoesNotContain(reply.Fields, f => f.Name == "Ranked next");
    }

    [Fact]
    public void Explain_QuestionInJapanese_ShowsItsEnglishReading()
    {
        var reply = Explain("第4回交渉はいつ");

        var read = Field(reply, "Read as");
        Assert.StartsWith($"\"{engine.Harness.Answer("第4回交渉はいつ").ReadAs}\" (the Japanese read through the glossary)", read, StringComparison.Ordinal);
        Assert.Contains("when", read, StringComparison.Ordinal);
        Assert.Equal("round 4", Field(reply, "Recognised"));
    }
}
