using Bot.Answering;
using Bot.Console;
using Bot.Discord;
using Bot.Hosting;
using Bot.Slack;

if (!BotCli.IsServe(args))
{
    return await BotCli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(BotCli.ServeArguments(args));
builder.AddHosting();
builder.AddBotCore();
builder.AddDiscord();
builder.AddSlack();
builder.AddUpdateDelivery();
builder.AddUnansweredRecording();
builder.AddConversationSweeping();

var app = builder.Build();
app.MapHealth();
app.MapDiscord();
app.MapSlack();

await app.RunAsync();
return 0;

/// <summary>The entry point; public so <c>WebApplicationFactory&lt;Program&gt;</c> can host it in tests.</summary>
public partial class Program;
