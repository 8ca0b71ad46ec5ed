using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Discord;

/// <summary>
/// <c>bot discord manifest</c> prints the command definitions; <c>bot discord register [--guild ID]</c> overwrites the
/// application's commands with them, globally or in one guild (guild commands update at once; use them for testing).
/// </summary>
internal static class DiscordCli
{
    /// <param name="configure">Extra configuration sources (tests point the API base address at a fake).</param>
    public static Command Create(Action<IConfigurationBuilder>? configure = null)
    {
        var manifest = new Command("manifest", "Print the /talks command definitions (JSON) that `register` sends.");
        manifest.SetAction(parse =>
        {
            // Readable output: characters such as "–" as themselves, not \u escapes (the JSON is the same).
            var options = new JsonSerializerOptions(DiscordManifestJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
            parse.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(
                DiscordCommandManifest.Commands,
                (JsonTypeInfo<IReadOnlyList<DiscordCommandDefinition>>)options.GetTypeInfo(typeof(IReadOnlyList<DiscordCommandDefinition>))));
            return 0;
        });

        var guild = new Option<string?>("--guild") { Description = "Register in this guild only (updates at once). Default: global." };
        var register = new Command("register", "Register /talks with Discord (needs Discord__ApplicationId and Discord__BotToken).") { guild };
        register.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var guildId = parse.GetValue(guild);
            if (guildId is not null && !DiscordInteractionHandler.IsSnowflake(guildId))
            {
                error.WriteLine($"--guild must be a numeric guild id, not '{guildId}'.");
                return 1;
            }

            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            configure?.Invoke(builder.Configuration);
            builder.AddDiscord();
            using var host = builder.Build();

            DiscordOptions options;
            try
            {
                options = host.Services.GetRequiredService<IOptions<DiscordOptions>>().Value;
            }
            catch (OptionsValidationException ex)
            {
                error.WriteLine($"Invalid Discord configuration: {ex.Message}");
                return 1;
            }

            if (string.IsNullOrWhiteSpace(options.ApplicationId) || string.IsNullOrWhiteSpace(options.BotToken))
            {
                error.WriteLine("Set Discord__ApplicationId and Discord__BotToken (Developer Portal → your application → General Information and Bot).");
                return 1;
            }

            var client = host.Services.GetRequiredService<DiscordClient>();
            var commands = DiscordCommandManifest.Commands;
            var result = await client.BulkOverwriteCommandsAsync(options.ApplicationId.Trim(), guildId, commands, ct);
            var scope = guildId is null ? "globally" : $"in guild {guildId}";
            if (!result.IsSuccess)
            {
                error.WriteLine($"Registration {scope} failed: {result}");
                return 1;
            }

            output.WriteLine($"Registered {commands.Count} command(s) {scope} for application {options.ApplicationId.Trim()}: "
                + string.Join(", ", commands.Select(c => "/" + c.Name)) + (guildId is null ? " (global commands can take a few minutes to appear)." : "."));
            return 0;
        });

        return new Command("discord", "Discord: print or register the slash command definitions.") { manifest, register };
    }
}
