using Microsoft.Extensions.Options;

namespace Bot.Facts;

/// <summary>
/// Holds the last good snapshot. <see cref="Reload"/> loads the folder again and swaps the snapshot only when the
/// load succeeds and the version differs; a failed reload logs every error and keeps serving the old snapshot.
/// </summary>
public sealed class FactBaseProvider : IFactBaseProvider
{
    private readonly FactBaseLoader _loader;
    private readonly FactsLog _log;
    private readonly Lock _gate = new();
    private FactBase? _current;

    internal FactBaseProvider(FactBaseLoader loader, IOptions<FactsOptions> options, FactsLog log)
    {
        _loader = loader;
        _log = log;
        Path = options.Value.ResolvePath();
    }

    public string Path { get; }

    public FactBase Current => Volatile.Read(ref _current)
        ?? throw new InvalidOperationException($"The fact base at {Path} has not loaded; run `bot validate --facts {Path}`.");

    public bool IsLoaded => Volatile.Read(ref _current) is not null;

    public event EventHandler<FactBaseChangedEventArgs>? Changed;

    /// <summary>Loads the folder; returns the errors (empty when the snapshot is current).</summary>
    public IReadOnlyList<FactError> Reload()
    {
        FactBaseChangedEventArgs? change;
        IReadOnlyList<FactError> errors;
        lock (_gate)
        {
            var result = _loader.Load(Path);
            errors = result.Errors;
            if (result.FactBase is not { } next)
            {
                foreach (var error in errors)
                {
                    _log.LoadError(error.ToString());
                }

                _log.ReloadFailed(errors.Count, _current?.ShortVersion ?? "nothing", errors.Count > 0 ? errors[0].ToString() : "");
                return errors;
            }

            var previous = _current;
            if (previous?.Version == next.Version)
            {
                _log.Unchanged(next.ShortVersion);
                return errors;
            }

            Volatile.Write(ref _current, next);
            _log.Loaded(next.ShortVersion, Path, next.Facts.Count, next.Sources.Count);
            change = new FactBaseChangedEventArgs(previous, next);
        }

        Changed?.Invoke(this, change);
        return errors;
    }
}
