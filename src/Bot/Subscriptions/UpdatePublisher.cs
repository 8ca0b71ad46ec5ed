using System.Text.Json;
using Bot.Facts;
using Bot.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Subscriptions;

/// <summary>
/// Records a fact-base version not yet in storage, with its fact-level diff against the latest recorded version, and
/// enqueues one update per matching subscription, in one transaction (DESIGN §8). The version's unique key makes this
/// happen once, whichever replica gets there first; the others find it recorded and do nothing.
/// </summary>
internal sealed class UpdatePublisher(ISubscriptionStore store, IOptions<SubscriptionsOptions> options, TimeProvider time, SubscriptionsLog log)
{
    private const int MaxRounds = 5;

    public async Task<PublishResult> PublishAsync(FactBase facts, CancellationToken ct)
    {
        var snapshot = FactSnapshot.From(facts);
        for (var round = 0; ; round++)
        {
            var latest = await store.GetLatestVersionAsync(ct);
            if (latest?.Version == facts.Version)
            {
                log.AlreadyRecorded(facts.ShortVersion);
                return new PublishResult(PublishOutcome.AlreadyRecorded, 0);
            }

            var diff = latest is null
                ? FactDiff.Baseline(facts.Version)
                : FactDiff.Compute(DeserializeSnapshot(latest.SnapshotJson), snapshot);
            var now = time.GetUtcNow();
            var record = new VersionRecord(
                facts.Version,
                latest?.Version,
                now,
                facts.Facts.Count,
                diff.Changes.Count,
                JsonSerializer.Serialize(diff, SubscriptionsJsonContext.Default.FactDiff),
                JsonSerializer.Serialize(snapshot, SubscriptionsJsonContext.Default.FactSnapshot));
            var result = await store.PublishAsync(record, diff.Topics, now, NextDigestSlot(now), ct);
            switch (result.Outcome)
            {
                case PublishOutcome.Published when latest is null:
                    log.Baseline(facts.ShortVersion);
                    return result;
                case PublishOutcome.Published:
                    log.Published(facts.ShortVersion, diff.Count(ChangeKind.Added), diff.Count(ChangeKind.Changed), diff.Count(ChangeKind.Removed), result.Enqueued);
                    return result;
                case PublishOutcome.AlreadyRecorded:
                    log.AlreadyRecorded(facts.ShortVersion);
                    return result;
                case PublishOutcome.StalePrevious when round < MaxRounds:
                    log.StalePrevious(facts.ShortVersion);
                    continue;
                default:
                    return result;
            }
        }
    }

    /// <summary>The next digest time strictly after <paramref name="now"/>: today's or tomorrow's configured UTC hour.</summary>
    public DateTimeOffset NextDigestSlot(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        var today = new DateTimeOffset(utc.Year, utc.Month, utc.Day, options.Value.DigestHourUtc, 0, 0, TimeSpan.Zero);
        return today > utc ? today : today.AddDays(1);
    }

    public static FactDiff DeserializeDiff(string json) =>
        JsonSerializer.Deserialize(json, SubscriptionsJsonContext.Default.FactDiff) ?? throw new JsonException("empty diff");

    private static FactSnapshot DeserializeSnapshot(string json) =>
        JsonSerializer.Deserialize(json, SubscriptionsJsonContext.Default.FactSnapshot) ?? throw new JsonException("empty snapshot");
}
