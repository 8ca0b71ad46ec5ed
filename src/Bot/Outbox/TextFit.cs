namespace Bot.Outbox;

/// <summary>Fits text into a platform's length limit after escaping, cutting at a safe place and marking the cut with "…".</summary>
internal static class TextFit
{
    public const string Ellipsis = "…";

    /// <summary>
    /// Escapes <paramref name="raw"/> and returns it if it fits <paramref name="max"/> characters; otherwise the longest
    /// prefix whose escaped form plus "…" fits. Never cuts an escape sequence or a surrogate pair in half.
    /// </summary>
    public static string Fit(string raw, int max, Func<string, string> escape)
    {
        var escaped = escape(raw);
        if (escaped.Length <= max)
        {
            return escaped;
        }

        var n = Math.Min(raw.Length, max - Ellipsis.Length);
        while (n > 0)
        {
            if (char.IsHighSurrogate(raw[n - 1]))
            {
                n--;
                continue;
            }

            var candidate = escape(raw[..n].TrimEnd()) + Ellipsis;
            if (candidate.Length <= max)
            {
                return candidate;
            }

            n -= Math.Max(1, candidate.Length - max);
        }

        return max >= Ellipsis.Length ? Ellipsis : "";
    }

    public static string Plain(string text) => text;
}

/// <summary>Retry delays: exponential backoff with jitter, bounded.</summary>
internal static class Backoff
{
    /// <summary>The delay before retry number <paramref name="failures"/> (1-based): base·2^(n-1), capped, times a random 0.5–1.0.</summary>
    public static TimeSpan After(int failures, OutboxOptions options)
    {
        var exponential = options.RetryBaseSeconds * Math.Pow(2, Math.Clamp(failures - 1, 0, 30));
        var capped = Math.Min(options.RetryMaxSeconds, exponential);
        return TimeSpan.FromSeconds(capped * (0.5 + (Random.Shared.NextDouble() / 2)));
    }

    /// <summary>A small random extra wait so that many rate-limited deliveries do not come back at the same instant.</summary>
    public static TimeSpan Jitter(TimeSpan max) => TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * max.TotalMilliseconds);
}
