namespace Bot.Facts;

/// <summary>Gives the current fact-base snapshot and says when a new one replaces it.</summary>
public interface IFactBaseProvider
{
    /// <summary>The last good snapshot. Never null once the host has started.</summary>
    FactBase Current { get; }

    /// <summary>Raised after a reload produced a new snapshot (a different version).</summary>
    event EventHandler<FactBaseChangedEventArgs>? Changed;
}

public sealed class FactBaseChangedEventArgs(FactBase? previous, FactBase current) : EventArgs
{
    public FactBase? Previous { get; } = previous;
    public FactBase Current { get; } = current;
}
