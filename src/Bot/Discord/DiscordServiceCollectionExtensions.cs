using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Discord;

public static class DiscordServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Discord adapter: options (validated at start), the signature verifier, the interaction handler,
    /// the renderer, autocomplete, the follow-up queue and its worker, and the typed REST client. Everything is
    /// registered even when <c>Discord__PublicKey</c> is absent; the endpoint then answers 404.
    /// </summary>
    public static IHostApplicationBuilder AddDiscord(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DiscordOptions>()
            .BindConfiguration(DiscordOptions.Section)
            .ValidateDataAnnotations()
            .Validate(HasUsablePublicKey, "Discord:PublicKey is not a valid Ed25519 public key.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<DiscordLog>();
        services.AddSingleton<DiscordRequestVerifier>();
        services.AddSingleton<DiscordAutocomplete>();
        services.AddSingleton<DiscordInteractionHandler>();
        services.AddSingleton<DiscordFollowupQueue>();
        services.AddHostedService<DiscordFollowupWorker>();

        services.AddTransient<DiscordAuthenticationHandler>();
        services.AddHttpClient<DiscordClient>((sp, http) => DiscordClient.Configure(http, sp.GetRequiredService<IOptions<DiscordOptions>>().Value))
            .AddHttpMessageHandler<DiscordAuthenticationHandler>()
            // The default HttpClient logs print request URIs, and interaction webhook URIs contain the interaction token.
            .RemoveAllLoggers();
        return builder;
    }

    private static bool HasUsablePublicKey(DiscordOptions options)
    {
        if (!options.Enabled)
        {
            return true;
        }

        try
        {
            _ = DiscordRequestVerifier.ImportPublicKey(options.PublicKey!);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
