using Bot.Facts;

namespace Bot.Tests.Facts;

/// <summary>A curated question added to one fact in its YAML file, every other line left as written.</summary>
public sealed class PhrasingWriterTests
{
    private const string Yaml = """
        # Rounds.
        rounds:
          - id: round-1
            title: Round 1
            phrasings:
              - "when was round 1"
              - "first round"

          - id: round-2
            title: Round 2
            aliases: [round 2]
          # ---- later rounds
          - id: round-3
            title: Round 3
            phrasings:
              - "round 3"
            sources: [s1]
        """;

    private static string Added(string yaml, int line, string question) => PhrasingWriter.Add(yaml, line, question);

    [Fact]
    public void Add_FactWithPhrasings_GoesAfterTheLastOne()
    {
        var result = Added(Yaml, 3, "when did they first meet");

        Assert.Equal(Yaml.Replace("      - \"first round\"\n", "      - \"first round\"\n      - \"when did they first meet\"\n", StringComparison.Ordinal), result);
    }

    [Fact]
    public void Add_FactWithoutPhrasings_IsRefused()
    {
        var error = Assert.Throws<InvalidDataException>(() => Added(Yaml, 9, "second round when"));

        Assert.Contains("no 'phrasings:' list", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n")]
    [InlineData("\n\n# the end\n")]
    public void Add_LastFactOfTheFile_GoesAfterItsLastPhrasing(string ending)
    {
        var yaml = "rounds:\n  - id: round-1\n    phrasings:\n      - \"round 1\"" + ending;

        Assert.Equal("rounds:\n  - id: round-1\n    phrasings:\n      - \"round 1\"\n      - \"first round\"" + ending, Added(yaml, 2, "first round"));
    }

    [Fact]
    public void Add_ListFollowedByAnotherKey_StaysInTheList()
    {
        var result = Added(Yaml, 13, "third round?");

        Assert.Contains("      - \"round 3\"\n      - \"third round?\"\n    sources: [s1]", result, StringComparison.Ordinal);
    }

    [Fact]
    public void Add_QuotesAndLineEndings_AreKept()
    {
        var crlf = Yaml.Replace("\n", "\r\n", StringComparison.Ordinal);

        var result = Added(crlf, 3, "is the \"550bn\" c:\\real? # or not");

        Assert.Contains("      - \"first round\"\r\n      - \"is the \\\"550bn\\\" c:\\\\real? # or not\"\r\n", result, StringComparison.Ordinal);
        Assert.DoesNotContain("\r\r", result, StringComparison.Ordinal);
        Assert.Equal(crlf.Split("\r\n").Length + 1, result.Split("\r\n").Length);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    [InlineData(99)]
    public void Add_LineThatStartsNoFact_IsRefused(int line) =>
        Assert.Throws<InvalidDataException>(() => Added(Yaml, line, "q"));

    [Fact]
    public void Add_PhrasingsInFlowStyle_IsRefusedToBeDoneByHand()
    {
        const string flow = "rounds:\n  - id: round-1\n    title: Round 1\n    phrasings: [\"round 1\"]\n";

        var error = Assert.Throws<InvalidDataException>(() => Added(flow, 2, "q"));

        Assert.Contains("line 4", error.Message, StringComparison.Ordinal);
    }
}
