using Bot.Facts;
using Bot.Outbox;
using Bot.Storage;
using Bot.Subscriptions;

namespace Bot.Tests.Outbox;

public sealed class UpdateMessageBuilderTests
{
    private static readonly SourceRef s_source = new("Reuters", "US tariffs on Japan", "https://example.org/r", "2025-07-23");

    private static (RecordedVersion, FactDiff) Version(string version, int minute, params FactChange[] changes) =>
        (new RecordedVersion(version.PadRight(12, '0'), null, new DateTimeOffset(2025, 7, 23, 9, minute, 0, TimeSpan.Zero), 10, changes.Length, "{}"),
         new FactDiff("prev", version, changes));

    private static FactChange Added(string id, FactKind kind = FactKind.Round) => new(ChangeKind.Added, id, kind, $"Title {id}", $"Text {id}", [], [s_source]);

    private static FactChange Changed(string id, string field, string old, string @new, FactKind kind = FactKind.Figure) =>
        new(ChangeKind.Changed, id, kind, $"Title {id}", $"Text {id}", [new FieldChange(field, old, @new)], [s_source]);

    private static FactChange Removed(string id, FactKind kind = FactKind.Event) => new(ChangeKind.Removed, id, kind, $"Title {id}", $"Text {id}", [], [s_source]);

    [Fact]
    public void Build_OneVersion_ListsNewCorrectedAndRemovedWithOldAndNewValues()
    {
        var message = UpdateMessageBuilder.Build([Version("aaa", 0, Added("round-9"), Changed("auto", "Amount", "27.5%", "15%"), Removed("old"))], Topics.All, digest: false)!;

        Assert.Equal("Negotiations fact base updated", message.Title);
        Assert.Equal("1 new, 1 corrected, 1 removed (rounds, figures, events).", message.Summary);
        Assert.Equal(["New", "Corrected", "Removed"], message.Items.Select(i => i.Label));
        Assert.Equal("Text round-9", message.Items[0].Text);
        Assert.Equal(new FieldChange("Amount", "27.5%", "15%"), Assert.Single(message.Items[1].Corrections));
        Assert.Null(message.Items[1].Text);
        Assert.Equal(UpdateMessageBuilder.RemovedText, message.Items[2].Text);
        Assert.Empty(message.Items[2].Sources);
        Assert.StartsWith("Fact base version aaa000000000 · 2025-07-23 09:00 UTC", message.Footer, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_TopicsTheChannelDidNotAskFor_AreLeftOut()
    {
        var message = UpdateMessageBuilder.Build([Version("aaa", 0, Added("round-9"), Changed("auto", "Amount", "27.5%", "15%"))], Topics.Figures, digest: false)!;

        Assert.Equal(["Title auto"], message.Items.Select(i => i.Title));
    }

    [Fact]
    public void Build_NothingAboutTheChannelsTopics_IsNull() =>
        Assert.Null(UpdateMessageBuilder.Build([Version("aaa", 0, Added("round-9"))], Topics.People, digest: false));

    [Fact]
    public void Build_SeveralVersions_MergesEachFactIntoOneItem()
    {
        var message = UpdateMessageBuilder.Build(
        [
            Version("aaa", 0, Added("new-then-corrected"), Changed("twice", "Amount", "1", "2"), Added("added-then-removed")),
            Version("bbb", 5, Changed("new-then-corrected", "Text", "a", "b"), Changed("twice", "Amount", "2", "3"), Removed("added-then-removed")),
            Version("ccc", 9, Changed("back-and-forth", "Status", "x", "y")),
            Version("ddd", 12, Changed("back-and-forth", "Status", "y", "x")),
        ], Topics.All, digest: true)!;

        Assert.Equal("Daily digest: negotiations fact base", message.Title);
        Assert.Equal(["new-then-corrected", "twice"], message.Items.Select(i => i.Title["Title ".Length..]).Order());
        Assert.Equal("New", message.Items.Single(i => i.Title == "Title new-then-corrected").Label);
        Assert.Equal(new FieldChange("Amount", "1", "3"), Assert.Single(message.Items.Single(i => i.Title == "Title twice").Corrections));
        Assert.StartsWith("4 versions, latest ddd000000000", message.Footer, StringComparison.Ordinal);
    }
}
