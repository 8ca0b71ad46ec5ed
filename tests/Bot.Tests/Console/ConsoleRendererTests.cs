using Bot.Commands;
using Bot.Console;

namespace Bot.Tests.Console;

public sealed class ConsoleRendererTests
{
    [Theory]
    [InlineData("Round 4", 7)]
    [InlineData("Ryosei Akazawa (赤沢亮正)", 25)]
    [InlineData("ｱｶｻﾞﾜ", 5)]
    [InlineData("ＵＳＴＲ", 8)]
    public void Columns_WideJapaneseCharacters_TakeTwo(string text, int columns) =>
        Assert.Equal(columns, ConsoleRenderer.Columns(text));

    [Fact]
    public void Write_Title_IsUnderlinedToItsWidthOnScreen()
    {
        using var output = new StringWriter();

        ConsoleRenderer.Write(output, new Reply { Kind = ReplyKind.Answer, Title = "Ryosei Akazawa (赤沢亮正)" }, json: false);

        Assert.StartsWith("Ryosei Akazawa (赤沢亮正)\n" + new string('=', 25) + "\n", output.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }
}
