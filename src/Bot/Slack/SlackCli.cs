using System.CommandLine;

namespace Bot.Slack;

/// <summary><c>bot slack manifest --url BASE_URL</c>: prints the app manifest (JSON) for a deployment.</summary>
internal static class SlackCli
{
    public static Command Create()
    {
        var url = new Option<string>("--url")
        {
            Description = "Public base URL of the service, e.g. https://talks.example.org (Slack calls BASE_URL/slack/commands and BASE_URL/slack/interactions).",
            Required = true,
        };
        var manifest = new Command("manifest", "Print the Slack app manifest (JSON) to paste into \"Create New App → From an app manifest\".") { url };
        manifest.SetAction(parse =>
        {
            var baseUrl = parse.GetValue(url) ?? "";
            if (SlackManifestBuilder.Build(baseUrl) is not { } built)
            {
                parse.InvocationConfiguration.Error.WriteLine($"--url must be an absolute http(s) URL without query or fragment, e.g. https://talks.example.org; got \"{baseUrl}\".");
                return 1;
            }

            if (!baseUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                parse.InvocationConfiguration.Error.WriteLine("warning: Slack requires https request URLs for installed apps; use http only behind a TLS-terminating proxy you address by https.");
            }

            parse.InvocationConfiguration.Output.WriteLine(SlackManifestBuilder.ToJson(built));
            return 0;
        });

        return new Command("slack", "Slack app helpers.") { manifest };
    }
}
