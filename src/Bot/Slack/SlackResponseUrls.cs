using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Bot.Slack;

/// <summary>
/// Guards <c>response_url</c>s, which are credentials: only Slack's hosts over https (plus loopback when a test allows it),
/// and at most 5 uses within 30 minutes of the request that carried the URL, as Slack allows. Uses are counted in this
/// process, keyed by a hash of the URL (the URL itself is neither stored nor logged).
/// </summary>
internal sealed class SlackResponseUrls(IOptions<SlackOptions> options, TimeProvider time)
{
    public const int MaxUses = 5;
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private readonly ConcurrentDictionary<string, Ledger> _ledgers = new(StringComparer.Ordinal);

    public bool IsAllowed(Uri? url)
    {
        if (url is null || !url.IsAbsoluteUri || url.UserInfo.Length > 0)
        {
            return false;
        }

        var o = options.Value;
        if (o.AllowLoopbackResponseUrls && url.IsLoopback && url.Scheme is "http" or "https")
        {
            return true;
        }

        return url.Scheme == Uri.UriSchemeHttps
            && url.IsDefaultPort
            && o.EffectiveResponseUrlHosts.Contains(url.IdnHost, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Takes one use of the URL, counting its lifetime from <paramref name="receivedAt"/>; false when used up or expired.</summary>
    public bool TryUse(Uri url, DateTimeOffset receivedAt)
    {
        var now = time.GetUtcNow();
        Prune(now);
        var ledger = _ledgers.GetOrAdd(Key(url), _ => new Ledger(receivedAt));
        lock (ledger)
        {
            if (now - ledger.ReceivedAt > Lifetime || ledger.Uses >= MaxUses)
            {
                return false;
            }

            ledger.Uses++;
            return true;
        }
    }

    private void Prune(DateTimeOffset now)
    {
        if (_ledgers.Count < 1024)
        {
            return;
        }

        foreach (var (key, ledger) in _ledgers)
        {
            if (now - ledger.ReceivedAt > Lifetime)
            {
                _ledgers.TryRemove(key, out _);
            }
        }
    }

    private static string Key(Uri url) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri)));

    private sealed class Ledger(DateTimeOffset receivedAt)
    {
        public DateTimeOffset ReceivedAt { get; } = receivedAt;
        public int Uses { get; set; }
    }
}
