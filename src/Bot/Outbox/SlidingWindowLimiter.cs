namespace Bot.Outbox;

/// <summary>
/// Hands out send times so that no window of length <c>window</c> holds more than <c>limit</c> of them (a sliding
/// window, stricter than the fixed windows servers count in). Times are reserved in order under a lock, so concurrent
/// callers queue fairly; <see cref="PauseUntil"/> holds everyone back after a 429.
/// </summary>
internal sealed class SlidingWindowLimiter(TimeProvider time)
{
    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _reserved = new();
    private DateTimeOffset _last = DateTimeOffset.MinValue;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    /// <summary>Reserves the earliest allowed time and returns it (without waiting).</summary>
    public DateTimeOffset Reserve(int limit, TimeSpan window)
    {
        lock (_gate)
        {
            var at = Max(Max(time.GetUtcNow(), _pausedUntil), _last);
            while (true)
            {
                while (_reserved.Count > 0 && _reserved.Peek() <= at - window)
                {
                    _reserved.Dequeue();
                }

                if (_reserved.Count < limit)
                {
                    break;
                }

                at = _reserved.Peek() + window;
            }

            _reserved.Enqueue(at);
            _last = at;
            return at;
        }
    }

    /// <summary>
    /// Waits for a turn: returns at a time when one more request stays within the limit. A pause that began while
    /// waiting (a 429 on another request) is honoured too: the turn is taken again after it.
    /// </summary>
    public async ValueTask WaitAsync(int limit, TimeSpan window, CancellationToken ct)
    {
        while (true)
        {
            var at = Reserve(limit, window);
            var wait = at - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, ct);
            }

            if (PausedUntil <= time.GetUtcNow())
            {
                return;
            }
        }
    }

    public void PauseUntil(DateTimeOffset until)
    {
        lock (_gate)
        {
            _pausedUntil = Max(_pausedUntil, until);
        }
    }

    public DateTimeOffset PausedUntil
    {
        get
        {
            lock (_gate)
            {
                return _pausedUntil;
            }
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
