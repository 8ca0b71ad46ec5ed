using System.Collections.Frozen;

namespace Bot.Commands;

internal sealed class CommandDispatcher(IEnumerable<ICommandHandler> handlers, CommandsLog log) : ICommandDispatcher
{
    // The last registration of a name wins, as with any DI service, so a host (or a test) can replace a handler.
    private readonly FrozenDictionary<string, ICommandHandler> _handlers =
        handlers.GroupBy(h => h.Name, StringComparer.OrdinalIgnoreCase).ToFrozenDictionary(g => g.Key, g => g.Last(), StringComparer.OrdinalIgnoreCase);

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
