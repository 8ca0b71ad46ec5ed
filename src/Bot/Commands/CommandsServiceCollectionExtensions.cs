using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Commands;

public static class CommandsServiceCollectionExtensions
{
    /// <summary>Registers the dispatcher and the lookup handlers, one sealed class per subcommand.</summary>
    public static IHostApplicationBuilder AddCommands(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<CommandsLog>();
        services.AddSingleton<ICommandDispatcher, CommandDispatcher>();
        services.AddSingleton<ICommandHandler, WhoCommand>();
        services.AddSingleton<ICommandHandler, RoundCommand>();
        services.AddSingleton<ICommandHandler, TimelineCommand>();
        services.AddSingleton<ICommandHandler, PurchasesCommand>();
        services.AddSingleton<ICommandHandler, FiguresCommand>();
        services.AddSingleton<ICommandHandler, SourcesCommand>();
        services.AddSingleton<ICommandHandler, HelpCommand>();
        return builder;
    }
}
