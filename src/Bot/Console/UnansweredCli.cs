using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Bot.Answering;
using Bot.Facts;

namespace Bot.Console;

/// <summary>
/// <c>bot unanswered [--since DATE] [--limit N] [--json | --yaml]</c>: the questions Discord and Slack users asked that the
/// bot abstained on (kept when <c>Answering__RecordUnanswered</c> is on), most asked first, with the facts it suggested.
/// A curator reads them to add a missing fact, phrasing or synonym. <c>--yaml</c> writes them as unlabelled gold questions
/// (<c>expect: []</c>, which <c>bot eval</c> refuses until each gets fact ids or <c>abstain: true</c>), to label into a
/// question file. <c>bot unanswered forget [--before DATE]</c> deletes them (all, or those last asked before the date).
/// </summary>
internal static class UnansweredCli
{
    public const int DefaultLimit = 50;

    private static readonly UnansweredJsonContext s_json = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static Command Create()
    {
        var since = new Option<string?>("--since") { Description = "Only questions last asked on or after this date (YYYY, YYYY-MM or YYYY-MM-DD, UTC)." };
        var limit = new Option<int>("--limit") { Description = "At most this many questions.", DefaultValueFactory = _ => DefaultLimit };
        limit.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 100_000)
            {
                r.AddError("--limit must be between 1 and 100000.");
            }
        });
        var json = new Option<bool>("--json") { Description = "One JSON object per question." };
        var yaml = new Option<bool>("--yaml") { Description = "Unlabelled gold questions (expect: []) to label into a data/eval file." };
        var command = new Command("unanswered", "Questions users asked that the bot abstained on (Answering__RecordUnanswered), most asked first.")
        {
            since, limit, json, yaml,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(json) && r.GetValue(yaml))
            {
                r.AddError("Give --json or --yaml, not both.");
            }
        });
        command.SetAction(async (parse, ct) =>
        {
            if (!TryDay(parse, since, out var from))
            {
                return 1;
            }

            await using var host = await ConsoleHost.StartAsync(ct);
            var store = host.Services.GetRequiredService<IUnansweredStore>();
            var answering = host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AnsweringOptions>>().Value;

            // Past their retention they are as good as deleted, even before the service has got round to it.
            var kept = DateTimeOffset.UtcNow.AddDays(-answering.UnansweredRetentionDays);
            if (await ReachAsync(parse, () => store.ListUnansweredAsync(from is { } day && day > kept ? day : kept, parse.GetValue(limit), ct)) is not { } entries)
            {
                return 1;
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                foreach (var entry in entries)
                {
                    output.WriteLine(JsonSerializer.Serialize(UnansweredJson.From(entry), s_json.UnansweredJson));
                }
            }
            else if (parse.GetValue(yaml))
            {
                output.Write(Yaml(entries));
            }
            else
            {
                output.Write(Table(entries, answering.RecordUnanswered));
            }

            return 0;
        });

        var before = new Option<string?>("--before") { Description = "Only questions last asked before this date (YYYY, YYYY-MM or YYYY-MM-DD, UTC); default: all." };
        var forget = new Command("forget", "Delete recorded unanswered questions: all, or those last asked before a day.") { before };
        forget.SetAction(async (parse, ct) =>
        {
            if (!TryDay(parse, before, out var cutoff))
            {
                return 1;
            }

            await using var host = await ConsoleHost.StartAsync(ct);
            var store = host.Services.GetRequiredService<IUnansweredStore>();
            if (await ReachAsync(parse, async () => (int?)await store.ForgetUnansweredAsync(cutoff, ct)) is not { } removed)
            {
                return 1;
            }

            parse.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Deleted {removed} unanswered question{(removed == 1 ? "" : "s")}."));
            return 0;
        });
        command.Subcommands.Add(forget);
        command.Subcommands.Add(Accept());
        return command;
    }

    /// <summary>
    /// <c>bot unanswered accept QUESTION --fact ID</c>: a curator's answer to a kept question. The question becomes a
    /// curated question of the fact (in its YAML file, which a running service reloads), and leaves the list with its
    /// picks.
    /// </summary>
    private static Command Accept()
    {
        var question = new Argument<string>("question") { Description = "The question as users asked it (as `bot unanswered` lists it)." };
        var fact = new Option<string>("--fact") { Description = "The id of the fact that answers it.", Required = true };
        var facts = new Option<string?>("--facts") { Description = "Fact-base folder to edit (default: Facts__Path or data/facts); a checkout's, to commit." };
        var accept = new Command("accept", "Add a question to the curated questions of the fact that answers it, and take it off the list.")
        {
            question, fact, facts,
        };
        accept.SetAction(async (parse, ct) =>
        {
            var text = UnansweredQuestion.Clean(parse.GetValue(question) ?? "");
            if (text.Length == 0)
            {
                parse.InvocationConfiguration.Error.WriteLine("The question is empty.");
                return 1;
            }

            await using var host = await ConsoleHost.StartAsync(ct);
            var folder = parse.GetValue(facts) ?? host.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FactsOptions>>().Value.ResolvePath();
            var outcome = CuratedQuestions.Add(folder, parse.GetValue(fact)!, text);
            (outcome.Refused ? parse.InvocationConfiguration.Error : parse.InvocationConfiguration.Output).WriteLine(outcome.Message);
            if (outcome.Refused)
            {
                return 1;
            }

            var store = host.Services.GetRequiredService<IUnansweredStore>();
            try
            {
                var listed = await store.ForgetUnansweredQuestionAsync(text, ct);
                parse.InvocationConfiguration.Output.WriteLine(listed ? "Taken off the list of unanswered questions." : "It was not on the list of unanswered questions.");
                return 0;
            }
            catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException or IOException or UnauthorizedAccessException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"The fact base has the question, but the database cannot be reached to take it off the list ({ex.Message}). Run this again when it can.");
                return 1;
            }
        });
        return accept;
    }

    /// <summary>The store's answer, or null (with a message on stderr) when the database cannot be reached.</summary>
    private static async Task<T?> ReachAsync<T>(ParseResult parse, Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or TimeoutException or IOException or UnauthorizedAccessException)
        {
            parse.InvocationConfiguration.Error.WriteLine($"The database cannot be reached, so nothing was read or changed ({ex.Message}). Check Storage__Provider and Storage__ConnectionString.");
            return default;
        }
    }

    /// <summary>A date option as UTC midnight of its first day ("2026-11" is November 1), as <c>changes</c> and
    /// <c>timeline</c> read dates; false (with a message on stderr) when it is none of YYYY, YYYY-MM, YYYY-MM-DD.</summary>
    private static bool TryDay(ParseResult parse, Option<string?> option, out DateTimeOffset? day)
    {
        day = null;
        if (parse.GetValue(option) is not { } text)
        {
            return true;
        }

        if (!PartialDate.TryParse(text, out var date))
        {
            parse.InvocationConfiguration.Error.WriteLine($"{option.Name}: '{text}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD).");
            return false;
        }

        day = new DateTimeOffset(date.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        return true;
    }

    internal static string Table(IReadOnlyList<UnansweredEntry> entries, bool recording)
    {
        var text = new StringBuilder();
        if (entries.Count == 0)
        {
            text.AppendLine(recording
                ? "No unanswered questions recorded."
                : "No unanswered questions recorded. Recording is off in this configuration; the service keeps them with Answering__RecordUnanswered=true.");
            return text.ToString();
        }

        text.AppendLine("asked  last asked (UTC)  conf  question  [suggested]  {chosen by users}");
        foreach (var e in entries)
        {
            text.Append(CultureInfo.InvariantCulture, $"{e.Asked,5}  {e.LastAskedAt.UtcDateTime:yyyy-MM-dd HH:mm}  {e.Confidence:0.00}  {e.Question}");
            if (e.Suggestions.Count > 0)
            {
                text.Append("  [").Append(string.Join(", ", e.Suggestions)).Append(']');
            }

            if (e.Chosen.Count > 0)
            {
                text.Append("  {").Append(Chosen(e)).Append('}');
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    internal static string Yaml(IReadOnlyList<UnansweredEntry> entries)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Unanswered questions from `bot unanswered --yaml`, {entries.Count} of them. Label each: fact ids in");
        text.AppendLine("# expect, or abstain: true instead of expect; choose its split; then add it to a question file in data/eval.");
        text.AppendLine("# \"chosen\" lists the suggestions users clicked and were answered with: their word, to check, not a label.");
        text.AppendLine("questions:");
        foreach (var e in entries)
        {
            text.Append("  - {q: ").Append(YamlText.Quote(e.Question)).Append(", expect: [], split: dev}");
            text.Append(CultureInfo.InvariantCulture, $"  # asked {e.Asked}x, last {e.LastAskedAt.UtcDateTime:yyyy-MM-dd}");
            if (e.Suggestions.Count > 0)
            {
                text.Append("; suggested: ").Append(string.Join(", ", e.Suggestions));
            }

            if (e.Chosen.Count > 0)
            {
                text.Append("; chosen: ").Append(Chosen(e));
            }

            text.AppendLine();
        }

        return text.ToString();
    }

    /// <summary>"investment-550bn x3, mou-550bn-signed x1".</summary>
    private static string Chosen(UnansweredEntry e) =>
        string.Join(", ", e.Chosen.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.FactId} x{c.Times}")));

}

internal sealed record UnansweredJson(
    string Question, int Asked, DateTimeOffset FirstAskedAt, DateTimeOffset LastAskedAt, string Platform, double Confidence,
    IReadOnlyList<string> Suggestions, string FactVersion, IReadOnlyList<UnansweredChosenJson> Chosen)
{
    public static UnansweredJson From(UnansweredEntry e) => new(
        e.Question, e.Asked, e.FirstAskedAt, e.LastAskedAt, e.Platform.ToString().ToLowerInvariant(), Math.Round(e.Confidence, 3), e.Suggestions, e.FactVersion,
        [.. e.Chosen.Select(c => new UnansweredChosenJson(c.FactId, c.Times))]);
}

/// <summary>A fact users chose for the question through a "did you mean" button, and how many times.</summary>
internal sealed record UnansweredChosenJson(string Fact, int Times);

[JsonSerializable(typeof(UnansweredJson))]
internal sealed partial class UnansweredJsonContext : JsonSerializerContext;
