using System.Collections.Frozen;

namespace Bot.Commands;

internal sealed class CommandDispatcher(IEnumerable<ICommandHandler> handlers, CommandsLog log) : ICommandDispatcher
{
    private readonly FrozenDictionary<string, ICommandHandler> _handlers =
        handlers.ToFrozenDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);

    public IReadOnlyCollection<string> Names => _handlers.Keys;

    public async Task<Reply> DispatchAsync(CommandRequest request, CancellationToken ct)
    {
        if (!_handlers.TryGetValue(request.Name, out var handler))
        {
            log.UnknownCommand(request.Name, request.Context.Platform);
            return new Reply
            {
                Kind = ReplyKind.Usage,
                Title = "Unknown command",
                Body = $"There is no \"{request.Name}\" command. Try: {string.Join(", ", _handlers.Keys.Order(StringComparer.Ordinal))}.",
                Suggestions = [CommandNames.Help],
            };
        }

        return await handler.HandleAsync(request, ct);
    }
}
