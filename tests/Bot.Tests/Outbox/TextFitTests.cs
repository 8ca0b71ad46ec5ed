using Bot.Discord;
using Bot.Outbox;

namespace Bot.Tests.Outbox;

public sealed class TextFitTests
{
    [Fact]
    public void Fit_ShortText_IsOnlyEscaped() => Assert.Equal("a \\*b\\*", TextFit.Fit("a *b*", 100, DiscordMarkdown.Escape));

    [Fact]
    public void Fit_LongEscapedText_IsCutWithAnEllipsisWithinTheLimitAndNeverMidEscape()
    {
        var raw = string.Concat(Enumerable.Repeat("*_", 200));

        var fitted = TextFit.Fit(raw, 101, DiscordMarkdown.Escape);

        Assert.True(fitted.Length <= 101);
        Assert.EndsWith("…", fitted, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?<!\\)\\…$", fitted);
        Assert.Equal(0, fitted.TrimEnd('…').Length % 2);
    }

    [Fact]
    public void Fit_SurrogatePairAtTheCut_IsNotSplit()
    {
        var fitted = TextFit.Fit("ab😀😀😀😀", 5, TextFit.Plain);

        Assert.Equal("ab😀…", fitted);
    }

    [Fact]
    public void Backoff_After_GrowsAndStaysWithinTheCapWithJitter()
    {
        var options = new OutboxOptions { RetryBaseSeconds = 2, RetryMaxSeconds = 60 };

        Assert.InRange(Backoff.After(1, options).TotalSeconds, 1, 2);
        Assert.InRange(Backoff.After(3, options).TotalSeconds, 4, 8);
        Assert.InRange(Backoff.After(30, options).TotalSeconds, 30, 60);
    }
}
