using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Facts;

/// <summary>Reloads the fact base when a YAML file changes (debounced) or the process gets SIGHUP.</summary>
internal sealed class FactBaseWatcher(FactBaseProvider provider, IOptions<FactsOptions> options, FactsLog log, TimeProvider time)
    : BackgroundService
{
    private readonly SemaphoreSlim _signal = new(0);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            log.ReloadRequested("SIGHUP");
            _signal.Release();
        });

        using var watcher = options.Value.Watch && Directory.Exists(provider.Path) ? CreateWatcher() : null;

        while (!stoppingToken.IsCancellationRequested)
        {
            await _signal.WaitAsync(stoppingToken);

            // Debounce: editors and git write several files in a burst; load once after it settles.
            await Task.Delay(TimeSpan.FromMilliseconds(options.Value.ReloadDelayMilliseconds), time, stoppingToken);
            while (_signal.CurrentCount > 0)
            {
                await _signal.WaitAsync(stoppingToken);
            }

            provider.Reload();
        }
    }

    private FileSystemWatcher CreateWatcher()
    {
        var watcher = new FileSystemWatcher(provider.Path, "*.yaml")
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size,
        };
        FileSystemEventHandler onChange = (_, e) =>
        {
            log.ReloadRequested(e.Name ?? "file change");
            _signal.Release();
        };
        watcher.Changed += onChange;
        watcher.Created += onChange;
        watcher.Deleted += onChange;
        watcher.Renamed += (_, e) => onChange(watcher, e);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    public override void Dispose()
    {
        _signal.Dispose();
        base.Dispose();
    }
}
