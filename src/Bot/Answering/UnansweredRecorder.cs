using System.Data.Common;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Answering;

/// <summary>
/// Keeps the questions platform users asked that the engine abstained on (<c>Answering__RecordUnanswered</c>), and the
/// "did you mean" suggestions they then chose, so a curator can list them with <c>bot unanswered</c> and add the
/// missing fact, phrasing or synonym. Runs in the service
/// only (<see cref="AnsweringServiceCollectionExtensions.AddUnansweredRecording"/>).
/// <list type="bullet">
/// <item>An answer never waits for the database: questions go into a bounded queue that this service writes in batches;
/// when the queue is full a question is dropped and the log says so.</item>
/// <item>While the database is down a batch is retried with back-off, and new questions wait in the queue. A batch the
/// database refuses for good (not a transient error) is written one question at a time, and a question it still
/// refuses, while others go in, is dropped and logged: one bad row never stops the recording.</item>
/// <item>On shutdown what is queued is written, for up to a few seconds.</item>
/// <item>Questions last asked more than <see cref="AnsweringOptions.UnansweredRetentionDays"/> ago are deleted at start
/// and every few hours, also when recording is off, so turning it off does not keep old questions for ever.</item>
/// </list>
/// </summary>
internal sealed class UnansweredRecorder(IUnansweredStore store, IOptions<AnsweringOptions> options, TimeProvider time, AnsweringLog log)
    : BackgroundService, IUnansweredRecorder
{
    /// <summary>Questions waiting to be written; beyond this many, new ones are dropped.</summary>
    public const int QueueCapacity = 1000;

    private const int BatchSize = 100;
    private static readonly TimeSpan s_flushOnStop = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_forgetEvery = TimeSpan.FromHours(6);
    private static readonly TimeSpan s_firstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_lastRetry = TimeSpan.FromSeconds(60);

    private readonly Channel<UnansweredRecord> _queue = Channel.CreateBounded<UnansweredRecord>(new BoundedChannelOptions(QueueCapacity)
    {
        // Wait, not a Drop mode: only then does TryWrite say false when the queue is full.
        FullMode = BoundedChannelFullMode.Wait,
        SingleReader = true,
    });

    /// <summary>The questions taken from the queue and not yet written. Only <see cref="ExecuteAsync"/> touches it, or
    /// <see cref="StopAsync"/> once that has ended.</summary>
    private readonly List<UnansweredRecord> _batch = new(BatchSize);
    private readonly bool _enabled = options.Value.RecordUnanswered;
    private int _dropped;

    private DateTimeOffset ForgetBefore => time.GetUtcNow().AddDays(-options.Value.UnansweredRetentionDays);

    public bool TryRecord(UnansweredRecord record)
    {
        if (!_enabled)
        {
            return false;
        }

        if (_queue.Writer.TryWrite(record))
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
        var forgetting = ForgetLoopAsync(stoppingToken);
        if (_enabled)
        {
            await WriteLoopAsync(stoppingToken);
            await DrainAsync();
        }

        await forgetting;
    }

    /// <summary>Stops the writer, then writes what is still queued if the writer never ran (a stop right after the
    /// start). While the writer is still busy past the host's shutdown time, the queue is left to it.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_enabled && (ExecuteTask is null || ExecuteTask.IsCompleted))
        {
            await DrainAsync();
        }
    }

    private async Task WriteLoopAsync(CancellationToken stoppingToken)
    {
        var delay = s_firstRetry;
        try
        {
            // A batch kept after a failure is retried even when no new question arrives.
            while (_batch.Count > 0 || await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                Fill();
                try
                {
                    // Not cancelled by the stop: a write cut short might still commit, and the batch would then be
                    // written twice. Writes are short; the database's own timeouts bound them.
                    await WriteAsync(CancellationToken.None);
                    delay = s_firstRetry;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    if (ex is DbException { IsTransient: false } or ArgumentException or System.Text.EncoderFallbackException
                        && await WriteOneByOneAsync())
                    {
                        continue;
                    }

                    // Keep the batch and try again: the questions are not lost while the database is away.
                    log.UnansweredWriteFailed(ex, delay.TotalSeconds);
                    await Task.Delay(delay, time, stoppingToken);
                    delay = TimeSpan.FromSeconds(Math.Min(s_lastRetry.TotalSeconds, delay.TotalSeconds * 2));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Writes the batch one question at a time after the database refused it as a whole. True when some went in: the
    /// ones refused alone are then bad rows, dropped and logged. False when none went in (the database, not a row, is
    /// the problem): the batch is kept.
    /// </summary>
    private async Task<bool> WriteOneByOneAsync()
    {
        var refused = new List<(UnansweredRecord Record, Exception Error)>();
        var written = 0;
        foreach (var record in _batch)
        {
            try
            {
                await store.RecordUnansweredAsync([record], ForgetBefore, CancellationToken.None);
                written++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                refused.Add((record, ex));
            }
        }

        if (written == 0)
        {
            return false;
        }

        foreach (var (_, error) in refused)
        {
            log.UnansweredRefused(error);
        }

        _batch.Clear();
        return true;
    }

    /// <summary>Writes what is left in the batch and the queue, for up to <see cref="s_flushOnStop"/>.</summary>
    private async Task DrainAsync()
    {
        Fill(int.MaxValue);
        if (_batch.Count == 0)
        {
            return;
        }

        using var flush = new CancellationTokenSource(s_flushOnStop);
        try
        {
            await WriteAsync(flush.Token);
        }
        catch (Exception ex)
        {
            log.UnansweredLostOnStop(ex, _batch.Count);
            _batch.Clear();
        }
    }

    private async Task ForgetLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await store.ForgetUnansweredAsync(ForgetBefore, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    log.UnansweredForgetFailed(ex);
                }

                await Task.Delay(s_forgetEvery, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Moves queued questions into the batch, up to <paramref name="max"/> in it.</summary>
    private void Fill(int max = BatchSize)
    {
        while (_batch.Count < max && _queue.Reader.TryRead(out var record))
        {
            _batch.Add(record);
        }
    }

    /// <summary>Writes the batch and empties it; on failure the batch is kept.</summary>
    private async Task WriteAsync(CancellationToken ct)
    {
        await store.RecordUnansweredAsync(_batch, ForgetBefore, ct);
        _batch.Clear();
        Interlocked.Exchange(ref _dropped, 0);
    }
}
