using System.Threading.Channels;
using Bot.Facts;
using Bot.Subscriptions;
using Microsoft.Extensions.Options;

namespace Bot.Outbox;

/// <summary>
/// Publishes the fact base when the service starts and after every reload that produced a new snapshot (file change,
/// SIGHUP). A storage outage is retried with backoff; the version is published once it is reachable again.
/// </summary>
internal sealed class PublishingService(
    IFactBaseProvider facts,
    UpdatePublisher publisher,
    OutboxSignal signal,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    OutboxLog log) : BackgroundService
{
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        facts.Changed += OnChanged;
        try
        {
            _changes.Writer.TryWrite(true);
            await foreach (var _ in _changes.Reader.ReadAllAsync(stoppingToken))
            {
                await PublishCurrentAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            facts.Changed -= OnChanged;
        }
    }

    private async Task PublishCurrentAsync(CancellationToken ct)
    {
        var delay = TimeSpan.FromSeconds(options.Value.RetryBaseSeconds);
        while (true)
        {
            var current = facts.Current;
            try
            {
                var result = await publisher.PublishAsync(current, ct);
                if (result.Enqueued > 0)
                {
                    signal.Notify();
                }

                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.PublishFailed(ex, current.ShortVersion, delay.TotalMilliseconds);
                await Task.Delay(delay, time, ct);
                delay = TimeSpan.FromSeconds(Math.Min(60, delay.TotalSeconds * 2));
            }
        }
    }

    private void OnChanged(object? sender, FactBaseChangedEventArgs e) => _changes.Writer.TryWrite(true);
}
