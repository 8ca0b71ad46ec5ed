using Bot.Answering.Evaluation;

namespace Bot.Tests.Answering;

public sealed class FollowUpSetTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "followups-" + Guid.NewGuid().ToString("N") + ".yaml");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Load_Conversations_ReadsTheFollowUpAsTheGoldQuestion()
    {
        File.WriteAllText(_path, """
            conversations:
              - {first: "who is akazawa", then: "when did he take office", expect: [ryosei-akazawa], split: dev}
              - {first: "when was round 4", then: "what did he eat", abstain: true, split: test}
            """);

        var conversations = FollowUpSet.Load(_path);

        Assert.Equal(2, conversations.Count);
        Assert.Equal(("who is akazawa", "when did he take office", "dev", 2), (conversations[0].First, conversations[0].FollowUp.Question, conversations[0].FollowUp.Split, conversations[0].FollowUp.Line));
        Assert.Equal(["ryosei-akazawa"], conversations[0].FollowUp.Expected);
        Assert.True(conversations[1].FollowUp.Abstain);
    }

    [Theory]
    [InlineData("""{first: "a", expect: [x], split: dev}""", "'then' is required")]
    [InlineData("""{first: "a", then: "b", split: dev}""", "give either 'expect'")]
    [InlineData("""{first: "a", then: "b", expect: [x], split: later}""", "split must be dev or test")]
    [InlineData("""{first: "a", then: "b", expect: [x], split: dev, q: "c"}""", "unknown key 'q'")]
    public void Load_BrokenEntry_NamesTheFileAndLine(string entry, string message)
    {
        File.WriteAllText(_path, "conversations:\n  - " + entry + "\n");

        var error = Assert.Throws<InvalidDataException>(() => FollowUpSet.Load(_path));

        Assert.StartsWith($"{_path}:2:", error.Message, StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("followups.yaml", 80)]
    [InlineData("followups2.yaml", 100)]
    [InlineData("followups3.yaml", 80)]
    public void Load_TheRepositorysFiles_HaveEveryConversation(string name, int count) =>
        Assert.Equal(count, FollowUpSet.Load(Path.Combine(RepoPaths.Root, "data", "eval", name)).Count);
}
