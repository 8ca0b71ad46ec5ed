using System.CommandLine;
using Bot.Answering;
using Bot.Commands;
using Bot.Facts;
using Bot.Hosting;

namespace Bot.Console;

/// <summary>
/// The command line (DESIGN §7): <c>serve</c> (the default) starts the web host; every other command runs once
/// against a host without a web server and exits.
/// </summary>
public static class BotCli
{
    private const string ServeCommand = "serve";

    /// <summary>Serve when there is no command, when it is <c>serve</c>, or when only host options (<c>--urls</c>) are given.</summary>
    public static bool IsServe(string[] args) => args.Length == 0 || args[0] == ServeCommand || args[0].StartsWith("--", StringComparison.Ordinal)
        && args[0] is not ("--help" or "-h" or "--version");

    public static string[] ServeArguments(string[] args) => args.Length > 0 && args[0] == ServeCommand ? args[1..] : args;

    public static Task<int> RunAsync(string[] args) => BuildRoot().Parse(args).InvokeAsync();

    /// <summary>Runs a command with its output and errors captured (tests, embedding).</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error) =>
        BuildRoot().Parse(args).InvokeAsync(new InvocationConfiguration { Output = output, Error = error });

    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand("Answers questions about the 2025 Japan–US tariff negotiations from a curated, sourced fact base.");
        root.Subcommands.Add(new Command(ServeCommand, "Run the HTTP service (Discord and Slack endpoints, health checks). The default."));
        root.Subcommands.Add(ValidateCommand());
        root.Subcommands.Add(Bot.Discord.DiscordCli.Create());
        root.Subcommands.Add(HealthCommand());
        root.Subcommands.Add(Bot.Slack.SlackCli.Create());
        root.Subcommands.Add(AskCli.Create());
        root.Subcommands.Add(EvalCli.Create());
        root.Subcommands.Add(UnansweredCli.Create());
        root.Subcommands.Add(EmbedCommand());
        foreach (var command in LookupCommands())
        {
            root.Subcommands.Add(command);
        }

        foreach (var command in Subscriptions.SubscriptionsCli.Commands())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    /// <summary>
    /// <c>embed [--facts DIR] [--cache FILE]</c>: builds the fact base's answer index and writes its sentence vectors to
    /// the embedding cache, so a host started with that cache loads them instead of embedding every text (the Dockerfile
    /// runs it when the image is built). Fails when semantic ranking is off, the cache is memory only, or the model fails.
    /// </summary>
    private static Command EmbedCommand()
    {
        var facts = new Option<string?>("--facts") { Description = "Fact-base folder (default: Facts__Path or data/facts)." };
        var cache = new Option<string?>("--cache") { Description = "Cache file (default: Answering__EmbeddingCachePath, else a file in the temp folder)." };
        var command = new Command("embed", "Embed the fact base into the vector cache, so that a start with that cache skips the embedding.") { facts, cache };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new Dictionary<string, string?>(StringComparer.Ordinal);
            if (parse.GetValue(facts) is { } factsPath)
            {
                settings[$"{FactsOptions.Section}:{nameof(FactsOptions.Path)}"] = Path.GetFullPath(factsPath);
            }

            if (parse.GetValue(cache) is { } cachePath)
            {
                settings[$"{Answering.AnsweringOptions.Section}:{nameof(Answering.AnsweringOptions.EmbeddingCachePath)}"] = Path.GetFullPath(cachePath);
            }

            await using var host = await ConsoleHost.StartAsync(settings, ct);
            var options = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Answering.AnsweringOptions>>().Value;
            var error = parse.InvocationConfiguration.Error;
            if (!options.Semantic || options.ResolveCachePath() is not { } path)
            {
                error.WriteLine("nothing to write: semantic ranking is off (Answering__Semantic) or the cache is memory only (\"none\")");
                return 1;
            }

            var index = await host.Services.GetRequiredService<Answering.AnswerEngine>().IndexAsync().WaitAsync(ct);
            if (index.Vectors is not { } vectors)
            {
                error.WriteLine("the embedding model failed; see the log above");
                return 1;
            }

            // Read back from disk: a cache that could not be written is only logged by the engine.
            var written = new Answering.EmbeddingCache(host.Services.GetRequiredService<Answering.ISentenceEmbedder>(), path, host.Services.GetRequiredService<Answering.AnsweringLog>());
            if (!written.Holds(index.Facts.Facts.SelectMany(f => Answering.FactDocuments.SemanticTexts(f, index.Facts))))
            {
                error.WriteLine($"the vectors could not be written to {path}; see the log above");
                return 1;
            }

            parse.InvocationConfiguration.Output.WriteLine($"{vectors.Length} vectors of fact base {index.Facts.ShortVersion} are in {path}");
            return 0;
        });
        return command;
    }

    private static Command ValidateCommand()
    {
        var facts = new Option<string?>("--facts") { Description = "Fact-base folder (default: Facts__Path or data/facts)." };
        var command = new Command("validate", "Check the fact base; exit 0, or 1 with file:line: message lines.") { facts };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(facts) ?? new FactsOptions().ResolvePath();
            var result = new FactBaseLoader(TimeProvider.System).Load(path);
            foreach (var error in result.Errors)
            {
                parse.InvocationConfiguration.Error.WriteLine(error.ToString());
            }

            if (result.FactBase is { } fb)
            {
                parse.InvocationConfiguration.Output.WriteLine(
                    $"ok: {fb.Facts.Count} facts ({string.Join(", ", fb.Facts.GroupBy(f => f.Kind).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"))}), {fb.Sources.Count} sources, version {fb.ShortVersion}");
                return ValidateJapanese(fb, path, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            }

            parse.InvocationConfiguration.Error.WriteLine($"{result.Errors.Count} error(s) in {path}");
            return 1;
        });
        return command;
    }

    /// <summary>
    /// The facts in Japanese that go with this fact base (<c>Answering__JapaneseAnswersPath</c> if set, else
    /// <c>answering/japanese-answers.yaml</c> beside its folder, as in the repository and the image) against it: an
    /// entry whose English has changed is not shown (the fact is answered in English) until a curator updates it, so
    /// each is listed with the English's fingerprint now, as is a fact with no entry. Notes, not errors. A file that does not load is an error: it names the file and line.
    /// </summary>
    private static int ValidateJapanese(FactBase facts, string factsPath, TextWriter output, TextWriter error)
    {
        var configured = Environment.GetEnvironmentVariable("Answering__JapaneseAnswersPath");
        var beside = Path.GetDirectoryName(Path.GetFullPath(factsPath).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar));
        var path = configured is { Length: > 0 } ? AnsweringOptions.ResolveDataPath(configured) : beside is null ? "" : Path.Combine(beside, "answering", "japanese-answers.yaml");
        if (!File.Exists(path))
        {
            return 0;
        }

        try
        {
            var japanese = JapaneseAnswers.Load(path);
            foreach (var problem in japanese.Problems(facts, path))
            {
                output.WriteLine($"note: {problem}");
            }

            var (current, stale, missing) = japanese.Tally(facts);
            if (stale + missing > 0)
            {
                output.WriteLine($"note: {current} facts are answered in Japanese; {stale + missing} in English until their Japanese is brought up to date");
            }

            return 0;
        }
        catch (InvalidDataException e)
        {
            error.WriteLine(e.Message);
            return 1;
        }
    }

    /// <summary>
    /// <c>health --url URL [--timeout SECONDS]</c>: exit 0 when the URL answers 200 within the timeout (3 s unless
    /// given). The container's HEALTHCHECK uses it, since the runtime image has no curl.
    /// </summary>
    private static Command HealthCommand()
    {
        var url = new Option<string>("--url") { Description = "Health endpoint to check.", DefaultValueFactory = _ => "http://127.0.0.1:8080/health/ready" };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for the answer (1 to 300).", DefaultValueFactory = _ => 3 };
        var command = new Command("health", "Check a running bot's health endpoint; exit 0 when healthy.") { url, timeout };
        command.SetAction(async (parse, ct) =>
        {
            if (!Uri.TryCreate(parse.GetValue(url), UriKind.Absolute, out var address))
            {
                parse.InvocationConfiguration.Error.WriteLine($"--url must be an absolute address, not '{parse.GetValue(url)}'");
                return 2;
            }

            if (parse.GetValue(timeout) is not (>= 1 and <= 300) and var seconds)
            {
                parse.InvocationConfiguration.Error.WriteLine($"--timeout must be 1 to 300 seconds, not {seconds}");
                return 2;
            }

            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout)) };
            try
            {
                using var response = await http.GetAsync(address, ct);
                parse.InvocationConfiguration.Output.WriteLine($"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                return response.IsSuccessStatusCode ? 0 : 1;
            }
            catch (HttpRequestException ex)
            {
                parse.InvocationConfiguration.Error.WriteLine($"unhealthy: {ex.Message}");
                return 1;
            }
            catch (TaskCanceledException)
            {
                parse.InvocationConfiguration.Error.WriteLine("unhealthy: timed out");
                return 1;
            }
        });
        return command;
    }

    /// <summary>The read-only subcommands of /talks, as console commands that dispatch through the command layer.</summary>
    private static IEnumerable<Command> LookupCommands()
    {
        yield return Lookup(CommandNames.Who, "A person: side, titles over time, rounds attended, key statements.", Arg(OptionNames.Name, "Name, surname or title"));
        yield return Lookup(CommandNames.Round, "One negotiation round, or the list of rounds.", Arg(OptionNames.Number, "Round number"));
        yield return Lookup(CommandNames.Timeline, "Dated events, optionally between two dates.", Opt(OptionNames.From, "First date (YYYY-MM-DD)"), Opt(OptionNames.To, "Last date (YYYY-MM-DD)"));
        yield return Lookup(CommandNames.Purchases, "Purchase and investment plans.", Arg(OptionNames.Item, "Item, e.g. rice, boeing, tomahawk"));
        yield return Lookup(CommandNames.Figures, "Tariff rates, the deficit and investment figures.", Arg(OptionNames.Name, "Figure, e.g. auto tariff"));
        yield return Lookup(CommandNames.Sources, "What the fact base covers, its version and sources.");
        yield return Lookup(CommandNames.Help, "Usage.");
    }

    private static Command Lookup(string name, string description, params Symbol[] inputs) =>
        DispatchCommand(name, description, parse => inputs.Select(i => (i.Name.TrimStart('-'), i switch
        {
            Argument<string[]> a => string.Join(' ', parse.GetValue(a) ?? []),
            Option<string?> o => parse.GetValue(o),
            _ => null,
        })), inputs);

    /// <summary>
    /// A console command that maps its inputs to a <see cref="CommandRequest"/>, dispatches it through the command layer
    /// in a host without a web server, and prints the reply (text, or JSON with <c>--json</c>). Exit 0 for an answer,
    /// usage or confirmation; 2 when nothing was found or the request was refused.
    /// </summary>
    internal static Command DispatchCommand(string name, string description, Func<ParseResult, IEnumerable<(string Key, string? Value)>> read, params Symbol[] inputs)
    {
        var json = new Option<bool>("--json") { Description = "Write the reply as JSON." };
        var command = new Command(name, description) { json };
        foreach (var input in inputs)
        {
            switch (input)
            {
                case Argument a:
                    command.Arguments.Add(a);
                    break;
                case Option o:
                    command.Options.Add(o);
                    break;
            }
        }

        command.SetAction(async (parse, ct) =>
        {
            await using var host = await ConsoleHost.StartAsync(ct);
            var reply = await host.DispatchAsync(CommandRequest.Create(name, CommandContext.Console, [.. read(parse)]), ct);
            ConsoleRenderer.Write(parse.InvocationConfiguration.Output, reply, parse.GetValue(json));
            return reply.Kind is ReplyKind.Answer or ReplyKind.Usage or ReplyKind.Confirmation ? 0 : 2;
        });
        return command;
    }

    private static Argument<string[]> Arg(string name, string description) =>
        new(name) { Description = description, Arity = ArgumentArity.ZeroOrMore };

    private static Option<string?> Opt(string name, string description) => new("--" + name) { Description = description };
}
