namespace Bot.Commands;

/// <summary>One handler per subcommand; <see cref="Name"/> is one of <see cref="CommandNames"/>.</summary>
public interface ICommandHandler
{
    string Name { get; }

    Task<Reply> HandleAsync(CommandRequest request, CancellationToken ct);
}

/// <summary>Dispatches a <see cref="CommandRequest"/> to its handler. Unknown names get usage, never an exception.</summary>
public interface ICommandDispatcher
{
    IReadOnlyCollection<string> Names { get; }

    Task<Reply> DispatchAsync(CommandRequest request, CancellationToken ct);
}
