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

    /// <summary>Raised after a reload that failed; the errors it found. The current snapshot is unchanged.</summary>
    public event EventHandler<IReadOnlyList<FactError>>? ReloadFailed;

    /// <summary>Loads the folder; returns the errors (empty when the snapshot is current).</summary>
    public IReadOnlyList<FactError> Reload()
    {
        FactBaseChangedEventArgs? change = null;
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
            }
            else if (_current?.Version == next.Version)
            {
                _log.Unchanged(next.ShortVersion);
            }
            else
            {
                change = new FactBaseChangedEventArgs(_current, next);
                Volatile.Write(ref _current, next);
                _log.Loaded(next.ShortVersion, Path, next.Facts.Count, next.Sources.Count);
            }
        }

        if (change is null)
        {
            if (errors.Count > 0)
            {
                ReloadFailed?.Invoke(this, errors);
            }

            return errors;
        }

        // Each subscriber on its own: one that throws (say, storage down while publishing) must not keep the
        // others from seeing the new snapshot, nor fail the reload that already succeeded.
        foreach (var handler in Changed?.GetInvocationList().Cast<EventHandler<FactBaseChangedEventArgs>>() ?? [])
        {
            try
            {
                handler(this, change);
            }
            catch (Exception ex)
            {
                _log.SubscriberFailed(handler.Method.DeclaringType?.Name ?? "subscriber", ex);
            }
        }

        return errors;
    }
}
