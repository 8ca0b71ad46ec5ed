using Bot.Console;
using Bot.Hosting;

if (!BotCli.IsServe(args))
{
    return await BotCli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(BotCli.ServeArguments(args));
builder.AddHosting();
builder.AddBotCore();
builder.AddUpdateDelivery();

var app = builder.Build();
app.MapHealth();

await app.RunAsync();
return 0;

/// <summary>The entry point; public so <c>WebApplicationFactory&lt;Program&gt;</c> can host it in tests.</summary>
public partial class Program;
