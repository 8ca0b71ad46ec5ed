using Bot.Discord;

namespace Bot.Tests.Discord;

public sealed class DiscordMarkdownTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("**bold** _it_ ~~s~~ `c` ||sp||", "\\*\\*bold\\*\\* \\_it\\_ \\~\\~s\\~\\~ \\`c\\` \\|\\|sp\\|\\|")]
    [InlineData("[x](https://evil.example)", "\\[x\\](https://evil.example)")]
    [InlineData("<@123> <#4> <@&5>", "\\<@123\\> \\<#4\\> \\<@&5\\>")]
    [InlineData("@everyone and @here", "@\u200Beveryone and @\u200Bhere")]
    [InlineData("@Everyone", "@\u200BEveryone")]
    [InlineData("me@example.org", "me@example.org")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("# Title\n## Sub\n-# small", "\\# Title\n\\## Sub\n\\-# small")]
    [InlineData("- item\n+ item\n> quote", "\\- item\n\\+ item\n\\> quote")]
    [InlineData("  - indented", "  \\- indented")]
    [InlineData("1. first\n12) twelfth", "1\\. first\n12\\) twelfth")]
    [InlineData("2025-05-30 in Washington", "2025-05-30 in Washington")]
    [InlineData("Japan-US talks - round 4", "Japan-US talks - round 4")]
    [InlineData("line\r\nbreak", "line\nbreak")]
    [InlineData("¥10兆 😀", "¥10兆 😀")]
    public void Escape_ShowsTheTextLiterally(string text, string expected)
    {
        Assert.Equal(expected, DiscordMarkdown.Escape(text));
    }

    [Fact]
    public void EscapeAndSanitize_LoneSurrogate_BecomesReplacementCharacter()
    {
        // Built in code: test-case attributes cannot carry a lone surrogate intact.
        var text = "lone " + (char)0xD83D + " high, " + (char)0xDC00 + " low";

        Assert.Equal("lone \uFFFD high, \uFFFD low", DiscordMarkdown.Escape(text));
        Assert.Equal("lone \uFFFD high, \uFFFD low", DiscordMarkdown.Sanitize(text));
    }

    [Theory]
    [InlineData("abcdef", 10, "abcdef")]
    [InlineData("abcdefghijkl", 10, "abcdefghi…")]
    [InlineData("abcdefgh\\*xyz", 10, "abcdefgh…")]
    [InlineData("abcdefg \\*xyz", 10, "abcdefg…")]
    [InlineData("abcdefgh😀xyz", 10, "abcdefgh…")]
    public void Truncate_NeverLeavesHalfAnEscapeOrSurrogatePair(string text, int max, string expected)
    {
        var cut = DiscordMarkdown.Truncate(text, max);

        Assert.True(cut.Length <= max);
        Assert.Equal(expected, cut);
    }

    [Fact]
    public void Split_LongText_PiecesWithinLimitAtWordOrLineBoundaries()
    {
        var text = DiscordMarkdown.Escape(string.Join('\n', Enumerable.Range(0, 300).Select(i => $"Line {i} with **markdown** and words")));

        var pieces = DiscordMarkdown.Split(text, 1024);

        Assert.All(pieces, p => Assert.InRange(p.Length, 1, 1024));
        Assert.All(pieces, p => Assert.StartsWith("Line ", p, StringComparison.Ordinal));
        Assert.Equal(text.Replace("\n", "", StringComparison.Ordinal), string.Concat(pieces).Replace("\n", "", StringComparison.Ordinal));
    }

    [Fact]
    public void Split_TextWithoutSpaces_CutsSafely()
    {
        var text = DiscordMarkdown.Escape(string.Concat(Enumerable.Repeat("*😀", 2000)));

        var pieces = DiscordMarkdown.Split(text, 1024);

        Assert.All(pieces, p => Assert.InRange(p.Length, 1, 1024));
        Assert.All(pieces, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.All(pieces, p => Assert.NotEqual('\\', p[^1]));
        Assert.Equal(text, string.Concat(pieces));
    }

    [Theory]
    [InlineData("https://example.org/a_(b)", "https://example.org/a_%28b%29")]
    [InlineData("https://example.org/a b", "https://example.org/a%20b")]
    public void LinkTarget_EncodesWhatWouldEndTheLink(string url, string expected)
    {
        Assert.Equal(expected, DiscordMarkdown.LinkTarget(new Uri(url)));
    }

    [Fact]
    public void LinkTarget_NonHttpAddress_IsNotLinked()
    {
        Assert.Null(DiscordMarkdown.LinkTarget(new Uri("ftp://example.org/x")));
    }

    [Theory]
    [InlineData("fine", "fine")]
    [InlineData("ends with \\", "ends with ")]
    [InlineData("ends with \\\\", "ends with \\\\")]
    public void Sanitize_EchoedMarkdown_DropsDanglingEscapesAndLoneSurrogates(string text, string expected)
    {
        Assert.Equal(expected, DiscordMarkdown.Sanitize(text));
    }
}
