using Bot.Facts;

namespace Bot.Tests.Facts;

public sealed class FactBaseWatcherTests
{
    [Fact]
    public async Task FileChange_ReloadsAndRaisesChanged_ThenABrokenEditKeepsTheNewSnapshot()
    {
        using var folder = FactFolder.Minimal();
        await using var host = await CoreHost.StartAsync(folder.Path, new Dictionary<string, string?>
        {
            ["Facts:Watch"] = "true",
            ["Facts:ReloadDelayMilliseconds"] = "50",
        });
        var provider = (FactBaseProvider)host.Services.GetService(typeof(FactBaseProvider))!;
        var changed = new TaskCompletionSource<FactBaseChangedEventArgs>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.Changed += (_, e) => changed.TrySetResult(e);

        folder.Write("people.yaml", FactFolder.MinimalPeople.Replace("chief negotiator", "lead negotiator", StringComparison.Ordinal));
        var e = await changed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("lead negotiator", e.Current.Find("ryosei-akazawa")!.Text, StringComparison.Ordinal);
        Assert.Same(e.Current, provider.Current);

        var failed = new TaskCompletionSource<IReadOnlyList<FactError>>(TaskCreationOptions.RunContinuationsAsynchronously);
        provider.ReloadFailed += (_, errors) => failed.TrySetResult(errors);
        folder.Write("people.yaml", "people: [");
        var errors = await failed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains(errors, error => error.Message.StartsWith("YAML syntax error", StringComparison.Ordinal));
        Assert.Same(e.Current, provider.Current);
    }
}
