using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Answering;

/// <summary>
/// Keeps the questions platform users asked that the engine abstained on (<c>Answering__RecordUnanswered</c>), so a
/// curator can list them with <c>bot unanswered</c> and add the missing fact, phrasing or synonym. An answer never
/// waits for the database: questions go into a bounded queue that this service writes in batches. While the database
/// is down a batch is retried with back-off and new questions wait in the queue; when the queue is full a question is
/// dropped and the log says so. On shutdown what is queued is written, for up to a few seconds.
/// </summary>
internal sealed class UnansweredRecorder(IUnansweredStore store, IOptions<AnsweringOptions> options, TimeProvider time, AnsweringLog log)
    : BackgroundService, IUnansweredRecorder
{
    /// <summary>Questions waiting to be written; beyond this many, new ones are dropped.</summary>
    public const int QueueCapacity = 1000;

    private const int BatchSize = 100;
    private static readonly TimeSpan s_flushOnStop = TimeSpan.FromSeconds(5);

    private readonly Channel<UnansweredQuestion> _queue = Channel.CreateBounded<UnansweredQuestion>(new BoundedChannelOptions(QueueCapacity)
    {
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    /// <summary>The questions taken from the queue and not yet written; only the writer (then the stop) touches it.</summary>
    private readonly List<UnansweredQuestion> _batch = new(BatchSize);
    private readonly bool _enabled = options.Value.RecordUnanswered;
    private int _dropped;

    public bool TryRecord(UnansweredQuestion question)
    {
        if (!_enabled)
        {
            return false;
        }

        if (_queue.Writer.TryWrite(question))
        {
            return true;
        }

        // One warning per run of drops, not one per question.
        if (Interlocked.Increment(ref _dropped) == 1)
        {
            log.UnansweredDropped(QueueCapacity);
        }

        return false;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_enabled)
        {
            return;
        }

        var delay = TimeSpan.FromSeconds(1);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                Fill();
                try
                {
                    // Not cancelled by the stop: a write cut short might still commit, and the batch would then be
                    // written twice. Writes are short; the database's own timeouts bound them.
                    await WriteAsync(CancellationToken.None);
                    delay = TimeSpan.FromSeconds(1);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Keep the batch and try again: the questions are not lost while the database is away.
                    log.UnansweredWriteFailed(ex, delay.TotalSeconds);
                    await Task.Delay(delay, time, stoppingToken);
                    delay = TimeSpan.FromSeconds(Math.Min(60, delay.TotalSeconds * 2));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Stops the writer, then writes what is still queued (it may never have started).</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!_enabled)
        {
            return;
        }

        Fill(int.MaxValue);
        if (_batch.Count == 0)
        {
            return;
        }

        using var flush = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        flush.CancelAfter(s_flushOnStop);
        try
        {
            await WriteAsync(flush.Token);
        }
        catch (Exception ex)
        {
            log.UnansweredLostOnStop(ex, _batch.Count);
        }
    }

    /// <summary>Moves queued questions into the batch, up to <paramref name="max"/> in it.</summary>
    private void Fill(int max = BatchSize)
    {
        while (_batch.Count < max && _queue.Reader.TryRead(out var question))
        {
            _batch.Add(question);
        }
    }

    /// <summary>Writes the batch and empties it; on failure the batch is kept.</summary>
    private async Task WriteAsync(CancellationToken ct)
    {
        var forgetBefore = time.GetUtcNow().AddDays(-options.Value.UnansweredRetentionDays);
        await store.RecordUnansweredAsync(_batch, forgetBefore, ct);
        _batch.Clear();
        Interlocked.Exchange(ref _dropped, 0);
    }
}
