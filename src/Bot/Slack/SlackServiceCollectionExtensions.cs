using Microsoft.Extensions.Options;

namespace Bot.Slack;

public static class SlackServiceCollectionExtensions
{
    private static readonly string s_userAgent =
        $"TalksBot/{typeof(SlackServiceCollectionExtensions).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"} (+Japan-US talks fact bot; .NET)";

    /// <summary>
    /// Registers the Slack adapter: options (validated at start), the verifier, the renderer, the reply queue and its
    /// worker, and typed clients for response_urls and the Web API. Without a signing secret the adapter is registered
    /// but <see cref="SlackEndpoints.MapSlack"/> maps nothing.
    /// </summary>
    public static IHostApplicationBuilder AddSlack(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SlackOptions>().BindConfiguration(SlackOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SlackLog>();
        services.AddSingleton<SlackRequestVerifier>();
        services.AddSingleton<SlackResponseUrls>();
        services.AddSingleton<SlackReplyQueue>();
        services.AddHostedService<SlackReplyWorker>();

        // The response_url is a credential and IHttpClientFactory's loggers write request URIs: none on this client.
        services.AddHttpClient<SlackResponder>(http =>
        {
            http.DefaultRequestHeaders.UserAgent.ParseAdd(s_userAgent);
            http.Timeout = TimeSpan.FromSeconds(10);
        }).RemoveAllLoggers();

        services.AddTransient<SlackAuthHandler>();
        services.AddHttpClient<SlackClient>((sp, http) =>
        {
            http.BaseAddress = sp.GetRequiredService<IOptions<SlackOptions>>().Value.ApiBaseUrl;
            http.DefaultRequestHeaders.UserAgent.ParseAdd(s_userAgent);
            http.Timeout = TimeSpan.FromSeconds(10);
        }).AddHttpMessageHandler<SlackAuthHandler>();

        return builder;
    }
}
