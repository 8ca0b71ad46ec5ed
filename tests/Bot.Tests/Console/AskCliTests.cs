using System.Diagnostics;
using System.Text.Json;
using Bot.Commands;
using Bot.Console;
using Bot.Facts;

namespace Bot.Tests.Console;

public sealed class AskCliTests
{
    private static readonly Source s_source = new("s1", "Test Wire", "Talks article", new Uri("https://example.org/a"), new PartialDate(2025, 5, null), null);

    [Fact]
    public void Write_Json_HasExactlyTheContractKeys()
    {
        var reply = new Reply
        {
            Kind = ReplyKind.Answer,
            Title = "Round 4",
            Body = "Round 4: May 30, 2025.",
            Sources = [s_source],
            FactIds = ["round-4"],
            Confidence = 0.93,
            AsOf = new PartialDate(2025, 5, 31),
        };
        using var output = new StringWriter();
        AskCli.Write(output, "round 4?", reply, json: true);

        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var doc = JsonDocument.Parse(line);
        var root = doc.RootElement;
        Assert.Equal(["question", "answer", "abstained", "confidence", "facts", "sources", "suggestions"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("round 4?", root.GetProperty("question").GetString());
        Assert.False(root.GetProperty("abstained").GetBoolean());
        Assert.Equal(0.93, root.GetProperty("confidence").GetDouble());
        Assert.Equal("round-4", root.GetProperty("facts")[0].GetString());
        var source = root.GetProperty("sources")[0];
        Assert.Equal(["publisher", "title", "url", "date"], source.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2025-05", source.GetProperty("date").GetString());
    }

    [Fact]
    public void Write_JsonOfAListedAnswer_GivesEachEntryOnALineOfItsOwn()
    {
        var reply = new Reply
        {
            Kind = ReplyKind.Answer,
            Title = "What happened on July 22, 2025",
            Body = "The fact base dates 2 events and rounds on July 22, 2025:",
            Fields = [new ReplyField("July 22, 2025 — Round 8", "The deal was reached."), new ReplyField("July 22, 2025 — Deal announced", "Trump posted it.")],
            FactIds = ["round-8", "deal-announced"],
            Confidence = 0.87,
        };
        using var output = new StringWriter();
        AskCli.Write(output, "what happened on july 22", reply, json: true);

        using var doc = JsonDocument.Parse(output.ToString());
        Assert.Equal(
            "The fact base dates 2 events and rounds on July 22, 2025:\nJuly 22, 2025 — Round 8: The deal was reached.\nJuly 22, 2025 — Deal announced: Trump posted it.",
            doc.RootElement.GetProperty("answer").GetString());
        Assert.Equal(["round-8", "deal-announced"], doc.RootElement.GetProperty("facts").EnumerateArray().Select(f => f.GetString()));
    }

    [Fact]
    public void Write_Json_KeepsQuotesAndYenReadableAndEscapesLineBreaks()
    {
        var reply = new Reply { Kind = ReplyKind.Answer, Title = "Deficit", Body = "about ¥10 trillion\nTrump's \"deficit\"", Confidence = 0.9 };
        using var output = new StringWriter();
        AskCli.Write(output, "who's right?", reply, json: true);
        var text = output.ToString();
        Assert.Contains("about ¥10 trillion\\nTrump's \\\"deficit\\\"", text, StringComparison.Ordinal);
        Assert.Equal("about ¥10 trillion\nTrump's \"deficit\"", JsonDocument.Parse(text).RootElement.GetProperty("answer").GetString());
    }

    [Fact]
    public async Task Run_AskJsonWithoutQuestion_AnswersEveryStdinLineAsOneJsonObject()
    {
        var (exit, output, _) = await RunAsync(["ask", "--json"], "who's akazawa?\n\nwhat's the weather in osaka\nround four\n");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var replies = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["who's akazawa?", "what's the weather in osaka", "round four"], replies.Select(r => r.GetProperty("question").GetString()));
        Assert.Equal("ryosei-akazawa", replies[0].GetProperty("facts")[0].GetString());
        Assert.True(replies[1].GetProperty("abstained").GetBoolean());
        Assert.Equal("round-4", replies[2].GetProperty("facts")[0].GetString());
    }

    [Fact]
    public void Write_JsonAbstention_IsMarkedWithSuggestions()
    {
        var reply = new Reply { Kind = ReplyKind.Abstained, Title = "I don't have that", Body = "These are close:", Confidence = 0.12, Suggestions = ["who is akazawa"] };
        using var output = new StringWriter();
        AskCli.Write(output, "akazawa weather", reply, json: true);
        using var doc = JsonDocument.Parse(output.ToString());
        Assert.True(doc.RootElement.GetProperty("abstained").GetBoolean());
        Assert.Empty(doc.RootElement.GetProperty("facts").EnumerateArray());
        Assert.Equal("who is akazawa", doc.RootElement.GetProperty("suggestions")[0].GetString());
    }

    [Fact]
    public async Task Run_AskExplain_WritesTheAnswerThenWhy()
    {
        var (exit, output, _) = await RunAsync("ask", "--explain", "who's akazwa?");

        Assert.Equal(0, exit);
        var answer = output.IndexOf("Ryosei Akazawa", StringComparison.Ordinal);
        var why = output.IndexOf("Why: \"who's akazwa?\"", StringComparison.Ordinal);
        Assert.True(answer >= 0 && why > answer, output);
        Assert.Contains("akazwa → akazawa", output[why..], StringComparison.Ordinal);
        Assert.Contains("[ryosei-akazawa]", output[why..], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AskExplainOfARejectedQuestion_SaysTheRefusalOnce()
    {
        var (_, output, _) = await RunAsync("ask", "--explain", new string('a', 501));

        Assert.Equal(2, output.Split("Question too long").Length);
        Assert.DoesNotContain("Why:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_AskExplainWithJson_IsAUsageError()
    {
        var (exit, output, error) = await RunAsync("ask", "--json", "--explain", "round 4");

        Assert.NotEqual(0, exit);
        Assert.DoesNotContain("{", output, StringComparison.Ordinal);
        Assert.Contains("--explain", error, StringComparison.Ordinal);
    }

    private static Task<(int Exit, string Output, string Error)> RunAsync(params string[] args) => RunAsync(args, "");

    /// <summary>Runs the built <c>bot</c> over the test facts, with <paramref name="input"/> on stdin.</summary>
    private static async Task<(int Exit, string Output, string Error)> RunAsync(string[] args, string input)
    {
        using var facts = Bot.Tests.Answering.AnsweringTestFacts.Folder();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "bot.dll"), .. args])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = facts.Path,
        };
        start.Environment["Facts__Path"] = facts.Path;
        start.Environment["Answering__EmbeddingCachePath"] = "none";
        using var process = Process.Start(start)!;
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
