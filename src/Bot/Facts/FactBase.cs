using System.Collections.Frozen;

namespace Bot.Facts;

/// <summary>
/// An immutable snapshot of the curated fact base. Its <see cref="Version"/> is the SHA-256 of the
/// canonical content, so two loads of the same files have the same version on every replica.
/// </summary>
public sealed class FactBase
{
    private readonly FrozenDictionary<string, Fact> _byId;
    private readonly FrozenDictionary<string, Source> _sources;

    public FactBase(IReadOnlyList<Fact> facts, IReadOnlyList<Source> sources, string version, DateTimeOffset loadedAt)
    {
        Facts = facts;
        Sources = sources;
        Version = version;
        LoadedAt = loadedAt;
        _byId = facts.ToFrozenDictionary(f => f.Id, StringComparer.Ordinal);
        _sources = sources.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
        People = [.. facts.Where(f => f.Kind == FactKind.Person)];
        Rounds = [.. facts.Where(f => f.Kind == FactKind.Round).OrderBy(f => f.Date)];
        NumberedRounds = [.. Rounds.Where(r => r.Number is not null)];
        AsOf = facts.Count == 0 ? null : facts.Max(f => f.AsOf);
    }

    public IReadOnlyList<Fact> Facts { get; }
    public IReadOnlyList<Source> Sources { get; }
    public IReadOnlyList<Fact> People { get; }

    /// <summary>Rounds and later trips in date order.</summary>
    public IReadOnlyList<Fact> Rounds { get; }

    /// <summary>The numbered rounds of <see cref="Rounds"/> (not the later trips), in date order.</summary>
    public IReadOnlyList<Fact> NumberedRounds { get; }

    /// <summary>Hex SHA-256 of the canonical content.</summary>
    public string Version { get; }

    /// <summary>The short form of <see cref="Version"/> shown to users.</summary>
    public string ShortVersion => Version[..12];

    public DateTimeOffset LoadedAt { get; }

    /// <summary>The latest as-of date of any fact.</summary>
    public PartialDate? AsOf { get; }

    public Fact? Find(string id) => _byId.GetValueOrDefault(id);

    public Source? FindSource(string id) => _sources.GetValueOrDefault(id);

    public IReadOnlyList<Source> SourcesOf(Fact fact) =>
        [.. fact.AllSourceIds.Select(FindSource).OfType<Source>()];

    public IEnumerable<Fact> OfKind(FactKind kind) => Facts.Where(f => f.Kind == kind);
}
