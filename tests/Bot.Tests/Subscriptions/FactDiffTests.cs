using Bot.Facts;
using Bot.Subscriptions;
using Bot.Tests.TestSupport;

namespace Bot.Tests.Subscriptions;

public sealed class FactDiffTests : IDisposable
{
    private readonly string _folder = TestFactBase.CreateTempFolder("diff");

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private FactSnapshot Snapshot(TestFactBase facts)
    {
        facts.WriteTo(_folder);
        var loaded = new FactBaseLoader(TimeProvider.System).Load(_folder);
        Assert.Empty(loaded.Errors);
        return FactSnapshot.From(loaded.FactBase!);
    }

    [Fact]
    public void Compute_AddedCorrectedAndRemovedFacts_ListsEachWithOldAndNewValues()
    {
        var facts = new TestFactBase();
        var before = Snapshot(facts);
        facts.Figures[0] = (facts.Figures[0].Id, facts.Figures[0].Title, "15%", facts.Figures[0].Text);
        facts.Rounds.Add((3, "2025-05-23", "Washington, D.C.", "Agreed to speed up talks."));
        facts.Purchases.Clear();
        facts.Purchases.Add(("rice", "More US rice", "75% more", "agreed"));
        var after = Snapshot(facts);

        var diff = FactDiff.Compute(before, after);

        Assert.Equal(before.Version, diff.FromVersion);
        Assert.Equal(after.Version, diff.ToVersion);
        var corrected = Assert.Single(diff.Changes, c => c.Kind == ChangeKind.Changed);
        Assert.Equal("auto-tariff", corrected.FactId);
        Assert.Equal(new FieldChange("Amount", "27.5%", "15%"), Assert.Single(corrected.Fields));
        Assert.Equal(["rice", "round-3"], diff.Changes.Where(c => c.Kind == ChangeKind.Added).Select(c => c.FactId).Order());
        Assert.Equal("boeing-aircraft", Assert.Single(diff.Changes, c => c.Kind == ChangeKind.Removed).FactId);
        Assert.Equal(Topics.Rounds | Topics.Figures | Topics.Purchases, diff.Topics);
    }

    [Fact]
    public void Compute_SameFacts_IsEmpty()
    {
        var facts = new TestFactBase();

        var diff = FactDiff.Compute(Snapshot(facts), Snapshot(facts));

        Assert.True(diff.IsEmpty);
        Assert.Equal(Topics.None, diff.Topics);
    }

    [Fact]
    public void Compute_OnlySearchPhrasingsChanged_IsNotNews()
    {
        var facts = new TestFactBase();
        var before = Snapshot(facts);
        var file = Path.Combine(_folder, "rounds.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("what happened in round 1", "what was round one about", StringComparison.Ordinal));
        var loaded = new FactBaseLoader(TimeProvider.System).Load(_folder).FactBase!;

        var diff = FactDiff.Compute(before, FactSnapshot.From(loaded));

        Assert.NotEqual(before.Version, loaded.Version);
        Assert.True(diff.IsEmpty);
    }

    [Fact]
    public void Baseline_FirstVersion_AnnouncesNothing()
    {
        var diff = FactDiff.Baseline("abc");

        Assert.Null(diff.FromVersion);
        Assert.True(diff.IsEmpty);
    }
}
