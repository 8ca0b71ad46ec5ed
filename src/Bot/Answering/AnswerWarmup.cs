using Bot.Facts;
using Microsoft.Extensions.Hosting;

namespace Bot.Answering;

/// <summary>
/// Builds the answer index in the background once the fact base has loaded, and again after each reload, so the host
/// starts at once and questions rarely wait for embeddings.
/// </summary>
internal sealed class AnswerWarmup(IAnswerEngine engine, IFactBaseProvider provider) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var reloads = System.Threading.Channels.Channel.CreateBounded<bool>(new System.Threading.Channels.BoundedChannelOptions(1)
        {
            FullMode = System.Threading.Channels.BoundedChannelFullMode.DropOldest,
        });
        void OnChanged(object? sender, FactBaseChangedEventArgs e) => reloads.Writer.TryWrite(true);
        provider.Changed += OnChanged;
        try
        {
            await engine.WarmUpAsync(stoppingToken);
            while (await reloads.Reader.WaitToReadAsync(stoppingToken))
            {
                reloads.Reader.TryRead(out _);
                await engine.WarmUpAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            provider.Changed -= OnChanged;
        }
    }
}
