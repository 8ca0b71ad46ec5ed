using Bot.Commands;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Commands;

public sealed class CommandDispatcherTests
{
    private sealed class NamedHandler(string name, string title) : ICommandHandler
    {
        public string Name => name;

        public Task<Reply> HandleAsync(CommandRequest request, CancellationToken ct) =>
            Task.FromResult(new Reply { Kind = ReplyKind.Answer, Title = title });
    }

    [Fact]
    public async Task DispatchAsync_TwoHandlersForOneName_TheLastRegisteredAnswers()
    {
        var dispatcher = new CommandDispatcher(
            [new NamedHandler(CommandNames.Ask, "built in"), new NamedHandler("ASK", "replacement")],
            new CommandsLog(NullLogger<CommandsLog>.Instance));

        var reply = await dispatcher.DispatchAsync(CommandRequest.Create(CommandNames.Ask, CommandContext.Console), CancellationToken.None);

        Assert.Equal("replacement", reply.Title);
        Assert.Single(dispatcher.Names);
    }
}
