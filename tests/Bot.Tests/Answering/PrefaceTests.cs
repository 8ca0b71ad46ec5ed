using Bot.Answering;

namespace Bot.Tests.Answering;

public sealed class PrefaceTests
{
    private static string Stripped(string question) => string.Join(' ', Preface.Strip(QuestionNormalizer.Words(question)));

    [Theory]
    [InlineData("quick question: who is akazawa", "who is akazawa")]
    [InlineData("quick q who is akazawa", "who is akazawa")]
    [InlineData("dumb question but who is bessent", "who is bessent")]
    [InlineData("ok diff question, when did takaichi become pm", "when did takaichi become pm")]
    [InlineData("sorry, another question: when was round 3", "when was round 3")]
    [InlineData("one more question - who signed the mou", "who signed the mou")]
    [InlineData("hey bot quick question for you, when was round 6", "when was round 6")]
    [InlineData("btw who is akazawa", "who is akazawa")]
    [InlineData("unrelated but when was round 3", "when was round 3")]
    [InlineData("off topic, who is bessent", "who is bessent")]
    [InlineData("by the way, who is bessent", "who is bessent")]
    [InlineData("changing the subject: what is the car tariff now", "what is the car tariff now")]
    [InlineData("i'd like to know who signed the mou", "who signed the mou")]
    [InlineData("remind me who akazawa is", "who akazawa is")]
    [InlineData("can you tell me us reaction to the first round", "us reaction to the 1 round")]
    [InlineData("does anyone know who signed the mou", "who signed the mou")]
    [InlineData("can i ask you who signed the mou", "who signed the mou")]
    [InlineData("fact check: japan pays 15% on cars", "japan pays 15 percent on cars")]
    [InlineData("i heard that japan is buying 100 boeing jets", "japan is buying 100 boeing jets")]
    [InlineData("someone told me that akazawa is the negotiator", "akazawa is the negotiator")]
    [InlineData("true or false: the deal was announced on july 22", "the deal was announced on july 22")]
    [InlineData("hmm when was round 3", "when was round 3")]
    [InlineData("so who is akazawa anyway", "who is akazawa")]
    [InlineData("when was round 3 thx", "when was round 3")]
    [InlineData("why did ishiba step down tho", "why did ishiba step down")]
    [InlineData("but why did ishiba step down though", "why did ishiba step down")]
    [InlineData("japan pays 15% on cars, right?", "japan pays 15 percent on cars")]
    [InlineData("the deal was announced on july 22, is that true", "the deal was announced on july 22")]
    // Asked whether the sources agree: every answer shows each source's claim where they differ.
    [InlineData("how far can a tomahawk fly, do the sources agree", "how far can a tomahawk fly")]
    [InlineData("when was the mou signed do reports differ", "when was the mou signed")]
    public void Strip_PrefaceOrClosingWords_AreTakenOff(string question, string expected) =>
        Assert.Equal(expected, Stripped(question));

    [Theory]
    // Words that only look like a preface say what the question is about.
    [InlineData("new tariff on japan")]
    [InlineData("last round date")]
    [InlineData("quick summary of the deal")]
    [InlineData("so far how much has japan invested")]
    // Before "if" or "whether" the phrase asks whether.
    [InlineData("do you know if the deal was signed")]
    // "and" opens a follow-up, which follow-ups read.
    [InlineData("and what about steel")]
    public void Strip_WordsThatAreThePoint_AreKept(string question) =>
        Assert.Equal(string.Join(' ', QuestionNormalizer.Words(question)), Stripped(question));

    [Theory]
    [InlineData("ok and what about steel", "and what about steel")]
    [InlineData("hmm also round 5?", "also round 5")]
    public void Strip_InterjectionBeforeAFollowUpLead_KeepsTheLead(string question, string expected) =>
        Assert.Equal(expected, Stripped(question));

    [Theory]
    // Nothing, or too little, would be left.
    [InlineData("quick question")]
    [InlineData("ok thanks")]
    [InlineData("btw rice")]
    // Too short a question before "do sources agree" to be one: it asks what is disputed.
    [InlineData("which facts do sources disagree")]
    // "right" is what "is that right" asks about.
    [InlineData("is that right")]
    [InlineData("was it correct")]
    public void Strip_TooLittleLeft_KeepsTheWords(string question) =>
        Assert.Equal(string.Join(' ', QuestionNormalizer.Words(question)), Stripped(question));
}
