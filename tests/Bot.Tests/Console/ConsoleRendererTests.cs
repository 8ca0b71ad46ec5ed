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

    [Fact]
    public void Write_AnswerWithRelatedQuestions_ListsThemButNotInJson()
    {
        var reply = new Reply { Kind = ReplyKind.Answer, Title = "Steel", Body = "50%.", Related = ["when did steel tariffs go to 50", "who is akazawa"] };
        using var text = new StringWriter();
        using var json = new StringWriter();

        ConsoleRenderer.Write(text, reply, json: false);
        ConsoleRenderer.Write(json, reply, json: true);

        Assert.Contains("\nRelated: when did steel tariffs go to 50 · who is akazawa\n", text.ToString().ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.DoesNotContain("Did you mean", text.ToString(), StringComparison.Ordinal);

        // The JSON keeps the fields DESIGN §7 lists: related questions are not among them.
        Assert.DoesNotContain("akazawa", json.ToString(), StringComparison.Ordinal);
    }
}
