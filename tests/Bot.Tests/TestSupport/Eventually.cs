using System.Diagnostics;

namespace Bot.Tests.TestSupport;

/// <summary>
/// Waits for a condition that background work makes true. The timeout is a guard against a hung test, not a speed
/// assertion: it is generous, and the failure message says what was still missing.
/// </summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(4);

    public static async Task TrueAsync(Func<Task<bool>> condition, Func<Task<string>> describe, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var watch = Stopwatch.StartNew();
        while (!await condition())
        {
            if (watch.Elapsed > limit)
            {
                Assert.Fail($"Gave up waiting after {limit.TotalSeconds:0} s: {await describe()}");
            }

            await Task.Delay(100);
        }
    }
}
