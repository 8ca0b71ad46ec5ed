using Bot.Answering;
using Bot.Answering.Evaluation;

namespace Bot.Tests.Answering;

/// <summary>
/// Whatever people type reaches the normaliser, the entity resolver and the ranking: none of it may throw. Questions are
/// generated from pieces that have broken parsers before (dates and fractions in numbers, money, ordinals, round
/// numbers, non-ASCII digits, CJK, emoji, stray punctuation), with a fixed seed so a failure reproduces.
/// </summary>
public sealed class AnswererRobustnessTests
{
    private static readonly AnswerHarness s_harness = AnsweringTestFacts.Harness;

    private static readonly string[] s_pieces =
    [
        "0000/1/1", "2025/2/30", "9999/12/31", "2025-07-22", "2025.7.22", "7/22", "22/7/25", "1/2/3", "24/7", "3/4 of", "$1/2", "1/2%",
        "¥80tn", "$550bn", "550 billion", "27.5%", "2.5 percent", "twenty seven point five", "two and a half", "4th", "twenty-first",
        "rd7", "rnd-3", "round #2", "round 99", "final round", "F-35A", "f35s", "٢٠٢٥/٧/٢٢", "１２３", "赤沢", "は誰", "🚗", "—", "…", "'s", "s'",
        "who", "when", "how much", "akazawa", "bessent", "takaichi cabinet", "trump administration", "may", "in may", "july 22nd", "2025",
        "?", "!!", ",", ".", "-", "/", "#", "%", "$", "'", "\"", "(", ")", "\t", "  ", "did", "the", "car", "tariff", "now",
    ];

    public static TheoryData<int> Seeds => [.. Enumerable.Range(0, 8)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Answer_RandomMixOfTrickyPieces_NeverThrowsAndStaysInRange(int seed)
    {
        var random = new Random(seed);
        for (var n = 0; n < 250; n++)
        {
            var question = string.Join(random.Next(3) == 0 ? "" : " ", Enumerable.Range(0, random.Next(1, 9)).Select(_ => s_pieces[random.Next(s_pieces.Length)]));

            var result = s_harness.Answer(question);

            Assert.InRange(result.Confidence, 0, 1);
            Assert.Equal(result.Abstained, result.Best is null);
            Assert.True(result.Suggestions.Count <= Answerer.MaxSuggestions, question);
        }
    }

    [Fact]
    public void Answer_VeryLongQuestion_Answers()
    {
        var question = string.Join(' ', Enumerable.Repeat("what is the car tariff on japanese cars 2025/7/22 $550bn", 200));

        Assert.InRange(s_harness.Answer(question).Confidence, 0, 1);
    }
}
