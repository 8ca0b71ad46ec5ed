using Bot.Outbox;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Outbox;

public sealed class SlidingWindowLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 7, 23, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Reserve_ManyCallers_NeverPutsMoreThanTheLimitInAnyWindow()
    {
        var limiter = new SlidingWindowLimiter(_time);
        var window = TimeSpan.FromSeconds(1);

        var times = Enumerable.Range(0, 500).Select(_ => limiter.Reserve(50, window)).ToList();

        Assert.Equal(times.Order(), times);
        for (var i = 50; i < times.Count; i++)
        {
            Assert.True(times[i] - times[i - 50] >= window, $"request {i} is within a second of request {i - 50}");
        }

        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromSeconds(9), times[^1]);
    }

    [Fact]
    public void Reserve_Concurrently_StillKeepsTheLimit()
    {
        var limiter = new SlidingWindowLimiter(_time);
        var window = TimeSpan.FromSeconds(1);

        var times = Enumerable.Range(0, 400).AsParallel().Select(_ => limiter.Reserve(20, window)).Order().ToList();

        Assert.All(Enumerable.Range(20, times.Count - 20), i => Assert.True(times[i] - times[i - 20] >= window));
    }

    [Fact]
    public async Task WaitAsync_AfterPauseUntil_WaitsForThePauseToEnd()
    {
        var limiter = new SlidingWindowLimiter(_time);
        limiter.PauseUntil(_time.GetUtcNow() + TimeSpan.FromSeconds(2));

        var wait = limiter.WaitAsync(50, TimeSpan.FromSeconds(1), default).AsTask();
        _time.Advance(TimeSpan.FromSeconds(1.9));
        Assert.False(wait.IsCompleted);
        _time.Advance(TimeSpan.FromSeconds(0.1));
        await wait;
    }
}
