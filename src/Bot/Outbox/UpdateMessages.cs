using System.Collections.Concurrent;
using Bot.Storage;
using Bot.Subscriptions;

namespace Bot.Outbox;

/// <summary>Builds a delivery's <see cref="UpdateMessage"/> from the recorded diffs of its versions (kept in memory once read).</summary>
internal sealed class UpdateMessages(ISubscriptionStore store)
{
    private readonly ConcurrentDictionary<string, (RecordedVersion Version, FactDiff Diff)> _versions = new(StringComparer.Ordinal);

    public async Task<UpdateMessage?> BuildAsync(Delivery delivery, CancellationToken ct)
    {
        var wanted = delivery.Items.Select(i => i.Version).Distinct(StringComparer.Ordinal).ToList();
        var missing = wanted.Where(v => !_versions.ContainsKey(v)).ToList();
        if (missing.Count > 0)
        {
            foreach (var version in await store.GetVersionsAsync(missing, ct))
            {
                _versions.TryAdd(version.Version, (version, UpdatePublisher.DeserializeDiff(version.DiffJson)));
            }
        }

        var versions = wanted
            .Select(v => _versions.TryGetValue(v, out var found) ? found : default)
            .Where(v => v.Version is not null)
            .OrderBy(v => v.Version.PublishedAt)
            .ToList();
        return UpdateMessageBuilder.Build(versions, delivery.Subscription.Topics, delivery.DigestSlot is not null);
    }
}
