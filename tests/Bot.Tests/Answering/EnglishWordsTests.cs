using Bot.Answering;

namespace Bot.Tests.Answering;

public sealed class EnglishWordsTests
{
    [Fact]
    public void Vocabulary_FromTheSentenceModelsPackage_HasItsWholeWords()
    {
        var english = EnglishWords.Vocabulary;

        Assert.InRange(english.Count, 20_000, 25_000);
        Assert.True(english.Knows("flown"));
        Assert.False(english.Knows("hpapened"));
        Assert.False(english.Knows("cls")); // "[CLS]", a marker, is no word.
    }

    [Theory]
    [InlineData("drags")]
    [InlineData("visited")]
    [InlineData("making")]
    [InlineData("tries")]
    public void Knows_InflectionOfAWord_IsTrue(string word) => Assert.True(EnglishWords.Vocabulary.Knows(word));

    [Theory]
    // A base of two letters is a fragment of the vocabulary ("ki", "br"), not a word.
    [InlineData("kiing")]
    [InlineData("brs")]
    public void Knows_InflectionOfAFragment_IsFalse(string word) => Assert.False(EnglishWords.Vocabulary.Knows(word));
}
