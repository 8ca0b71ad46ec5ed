using System.Runtime.InteropServices;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Facts;

/// <summary>Reloads the fact base when a YAML file changes (debounced) or the process gets SIGHUP.</summary>
internal sealed class FactBaseWatcher(FactBaseProvider provider, IOptions<FactsOptions> options, FactsLog log, TimeProvider time)
    : BackgroundService
{
    private readonly SemaphoreSlim _signal = new(0);
    private PosixSignalRegistration? _sighup;
    private FileSystemWatcher? _watcher;

    /// <summary>
    /// Starts listening before the host finishes starting (ExecuteAsync runs on the thread pool), then checks once
    /// for edits made between the first load and now.
    /// </summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
        {
            context.Cancel = true;
            log.ReloadRequested("SIGHUP");
            _signal.Release();
        });
        if (options.Value.Watch && Directory.Exists(provider.Path))
        {
            _watcher = CreateWatcher();
        }

        _signal.Release();
        return base.StartAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await _signal.WaitAsync(stoppingToken);

            // Debounce: editors and git write several files in a burst; load once after it settles.
            await Task.Delay(TimeSpan.FromMilliseconds(options.Value.ReloadDelayMilliseconds), time, stoppingToken);
            while (_signal.CurrentCount > 0)
            {
                await _signal.WaitAsync(stoppingToken);
            }

            try
            {
                provider.Reload();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A reload must never stop the host: the last good snapshot keeps serving.
                log.ReloadCrashed(ex);
            }
        }
    }

    private FileSystemWatcher CreateWatcher()
    {
        var watcher = new FileSystemWatcher(provider.Path, "*.yaml")
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size,
        };
        watcher.Changed += OnChange;
        watcher.Created += OnChange;
        watcher.Deleted += OnChange;
        watcher.Renamed += (sender, e) => OnChange(sender, e);
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        log.ReloadRequested(e.Name ?? "file change");
        _signal.Release();
    }

    public override void Dispose()
    {
        _watcher?.Dispose();
        _sighup?.Dispose();
        _signal.Dispose();
        base.Dispose();
    }
}
