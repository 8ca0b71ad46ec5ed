using Bot.Facts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Facts;

public sealed class FactBaseProviderTests
{
    private static FactBaseProvider Create(FactFolder folder) => new(
        new FactBaseLoader(TimeProvider.System),
        Options.Create(new FactsOptions { Path = folder.Path }),
        new FactsLog(NullLogger<FactsLog>.Instance));

    [Fact]
    public void Reload_BrokenFile_KeepsServingLastGoodSnapshot()
    {
        using var folder = FactFolder.Minimal();
        var provider = Create(folder);
        Assert.Empty(provider.Reload());
        var good = provider.Current;
        var changes = 0;
        provider.Changed += (_, _) => changes++;

        folder.Write("people.yaml", FactFolder.MinimalPeople.Replace("    side: japan", "    side: japan\n    typo_key: 1", StringComparison.Ordinal));
        var errors = provider.Reload();

        Assert.Contains(errors, e => e.Message.Contains("typo_key", StringComparison.Ordinal));
        Assert.Same(good, provider.Current);
        Assert.Equal(0, changes);
    }

    [Fact]
    public void Reload_ChangedContent_SwapsSnapshotAndRaisesChanged()
    {
        using var folder = FactFolder.Minimal();
        var provider = Create(folder);
        provider.Reload();
        var first = provider.Current;
        FactBaseChangedEventArgs? raised = null;
        provider.Changed += (_, e) => raised = e;

        folder.Write("people.yaml", FactFolder.MinimalPeople.Replace("chief negotiator", "lead negotiator", StringComparison.Ordinal));
        provider.Reload();

        Assert.NotSame(first, provider.Current);
        Assert.NotNull(raised);
        Assert.Same(first, raised.Previous);
        Assert.Same(provider.Current, raised.Current);
        Assert.Contains("lead negotiator", provider.Current.Find("ryosei-akazawa")!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_SubscriberThrows_OtherSubscribersStillSeeTheNewSnapshot()
    {
        using var folder = FactFolder.Minimal();
        var provider = Create(folder);
        provider.Reload();
        FactBase? seen = null;
        provider.Changed += (_, _) => throw new InvalidOperationException("storage down");
        provider.Changed += (_, e) => seen = e.Current;

        folder.Write("people.yaml", FactFolder.MinimalPeople.Replace("chief negotiator", "lead negotiator", StringComparison.Ordinal));
        var errors = provider.Reload();

        Assert.Empty(errors);
        Assert.Same(provider.Current, seen);
        Assert.Contains("lead negotiator", provider.Current.Find("ryosei-akazawa")!.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_SameContent_KeepsSnapshotAndRaisesNothing()
    {
        using var folder = FactFolder.Minimal();
        var provider = Create(folder);
        provider.Reload();
        var first = provider.Current;
        var changes = 0;
        provider.Changed += (_, _) => changes++;

        provider.Reload();

        Assert.Same(first, provider.Current);
        Assert.Equal(0, changes);
    }

    [Fact]
    public void Current_BeforeAnyLoad_ThrowsWithValidateHint()
    {
        using var folder = FactFolder.Minimal();
        var provider = Create(folder);

        var ex = Assert.Throws<InvalidOperationException>(() => provider.Current);
        Assert.Contains("bot validate", ex.Message, StringComparison.Ordinal);
    }
}
