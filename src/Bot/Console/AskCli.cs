using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Commands;

namespace Bot.Console;

/// <summary>
/// <c>bot ask [QUESTION] [--json]</c> (DESIGN §7): one question, or with no QUESTION one question per line from stdin,
/// answered by one host that loads once. <c>--json</c> writes one object per line.
/// </summary>
internal static class AskCli
{
    /// <summary>Readable JSON: quotes, apostrophes and non-ASCII (¥, –) as themselves; still one valid object per line.</summary>
    private static readonly AskJsonContext s_json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static Command Create()
    {
        var question = new Argument<string[]>(OptionNames.Question) { Description = "The question; omit to read one question per line from stdin.", Arity = ArgumentArity.ZeroOrMore };
        var json = new Option<bool>("--json") { Description = "One JSON object per question: question, answer, abstained, confidence, facts, sources, suggestions." };
        var explain = new Option<bool>("--explain")
        {
            Description = "After each answer, why: what the question was read as and named, the fact ranked first and its confidence against the threshold, its closest curated question, the facts ranked next. Not with --json.",
        };
        var command = new Command(CommandNames.Ask, "Answer a free-text question from the fact base, or abstain.") { question, json, explain };
        command.Validators.Add(result =>
        {
            if (result.GetValue(json) && result.GetValue(explain))
            {
                result.AddError("--explain writes text; it does not go with --json.");
            }
        });
        command.SetAction(async (parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var asJson = parse.GetValue(json);
            var explaining = parse.GetValue(explain);
            var words = parse.GetValue(question) ?? [];
            await using var host = await ConsoleHost.StartAsync(ct);
            if (words.Length > 0)
            {
                var reply = await AskAsync(host, string.Join(' ', words), ct);
                Write(output, string.Join(' ', words), reply, asJson);
                await ExplainAsync(host, output, explaining, reply, string.Join(' ', words), ct);
                return reply.Kind == ReplyKind.Answer ? 0 : 2;
            }

            var input = System.Console.In;
            while (await input.ReadLineAsync(ct) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                var reply = await AskAsync(host, line, ct);
                Write(output, line.Trim(), reply, asJson);
                await ExplainAsync(host, output, explaining, reply, line, ct);
                if (!asJson)
                {
                    output.WriteLine();
                }
            }

            return 0;
        });
        return command;
    }

    private static Task<Reply> AskAsync(ConsoleHost host, string question, CancellationToken ct) =>
        host.DispatchAsync(CommandRequest.Create(CommandNames.Ask, CommandContext.Console, (OptionNames.Question, question)), ct);

    /// <summary>With <c>--explain</c>, why the reply to <paramref name="question"/> was given or withheld; nothing after a
    /// refusal or a reply about the bot itself (the sources, help), which the engine did not give.</summary>
    private static async Task ExplainAsync(ConsoleHost host, TextWriter output, bool explaining, Reply reply, string question, CancellationToken ct)
    {
        if (explaining && reply.Explains is not null)
        {
            output.WriteLine();
            ConsoleRenderer.Write(output, await host.DispatchAsync(CommandRequest.Create(CommandNames.Explain, CommandContext.Console, (OptionNames.Question, question)), ct), json: false);
        }
    }

    internal static void Write(TextWriter output, string question, Reply reply, bool json)
    {
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(AskJson.From(question, reply), s_json.AskJson));
            return;
        }

        output.WriteLine($"Q: {question}");
        ConsoleRenderer.Write(output, reply, json: false);
        if (reply.Confidence is { } confidence)
        {
            output.WriteLine($"Confidence: {confidence:F2}");
        }
    }
}

/// <summary>The DESIGN §7 shape of one <c>ask --json</c> line. Exactly these keys.</summary>
internal sealed record AskJson(
    string Question,
    string Answer,
    bool Abstained,
    double Confidence,
    IReadOnlyList<string> Facts,
    IReadOnlyList<AskJsonSource> Sources,
    IReadOnlyList<string> Suggestions)
{
    public static AskJson From(string question, Reply reply) => new(
        question,
        reply.Kind == ReplyKind.Answer ? Text(reply) : string.IsNullOrEmpty(reply.Body) ? reply.Title : $"{reply.Title}. {reply.Body}",
        reply.Kind != ReplyKind.Answer,
        reply.Confidence ?? 0,
        reply.FactIds,
        [.. reply.Sources.Select(s => new AskJsonSource(s.Publisher, s.Title, s.Url.ToString(), s.Date.ToString()))],
        reply.Suggestions);

    /// <summary>An answer's text: its body, then a listed answer's entries ("what happened on july 22" lists the day's
    /// events and rounds), one per line.</summary>
    private static string Text(Reply reply) =>
        string.Join("\n", reply.Fields.Select(f => $"{f.Name}: {f.Value}").Prepend(reply.Body));
}

internal sealed record AskJsonSource(string Publisher, string Title, string Url, string Date);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = false)]
[JsonSerializable(typeof(AskJson))]
internal sealed partial class AskJsonContext : JsonSerializerContext;
