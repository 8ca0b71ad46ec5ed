using System.Text.Json;
using Bot.Answering;
using Bot.Answering.Evaluation;
using Bot.Commands;
using Bot.Console;
using Bot.Storage;
using Bot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;

namespace Bot.Tests.Console;

/// <summary>
/// <c>bot unanswered</c> as a curator runs it: the published binary on the service's SQLite file, as a table, JSON lines
/// or unlabelled gold questions that <c>bot eval</c> refuses until they are labelled; and <c>forget</c>.
/// </summary>
public sealed class UnansweredCliTests : IDisposable
{
    private static readonly DateTimeOffset s_now = DateTimeOffset.UtcNow;
    private readonly string _folder = TestFactBase.CreateTempFolder("unanswered-cli");

    private string DatabasePath => Path.Combine(_folder, "bot.db");

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private async Task RecordAsync(params UnansweredRecord[] questions)
    {
        using var store = new SqliteStore($"Data Source={DatabasePath}", new StorageLog(NullLogger<StorageLog>.Instance));
        await store.RecordUnansweredAsync(questions, s_now.AddDays(-90), default);
    }

    private Task<(int Exit, string Output)> RunAsync(params string[] args) => RunAsync(new Dictionary<string, string>
    {
        ["Storage__ConnectionString"] = $"Data Source={DatabasePath}",
    }, args);

    private async Task<(int Exit, string Output)> RunAsync(Dictionary<string, string> storage, params string[] args)
    {
        storage["Facts__Path"] = RepoPaths.Facts;
        storage["Answering__Semantic"] = "false";
        using var bot = BotProcess.Start(storage, _folder, ["unanswered", .. args]);
        var exit = await bot.WaitForExitAsync();
        return (exit, bot.Output);
    }

    private static UnansweredQuestion Asked(string question, DateTimeOffset at, params string[] suggestions) =>
        new(question, Platform.Discord, 0.42, suggestions, "v1", at);

    [Fact]
    public async Task Unanswered_ListsMostAskedFirstWithSuggestions()
    {
        await RecordAsync(
            Asked("who signed the deal", s_now.AddMinutes(-5), "robert-lighthizer", "mou-550bn-signed"),
            Asked("Who signed the deal?", s_now.AddMinutes(-1), "robert-lighthizer", "mou-550bn-signed"),
            Asked("weather in osaka", s_now),
            new UnansweredChoice(UnansweredQuestion.Tag("who signed the deal"), "mou-550bn-signed", s_now),
            new UnansweredChoice(UnansweredQuestion.Tag("who signed the deal"), "mou-550bn-signed", s_now));

        var (exit, output) = await RunAsync();

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("asked", lines[0], StringComparison.Ordinal);
        Assert.Matches(@"^\s+2  \d{4}-\d\d-\d\d \d\d:\d\d  0\.42  Who signed the deal\?  \[robert-lighthizer, mou-550bn-signed\]  \{mou-550bn-signed x2\}$", lines[1]);
        Assert.Matches(@"^\s+1  .*  weather in osaka$", lines[2]);
    }

    [Fact]
    public async Task UnansweredJson_WritesOneObjectPerQuestion()
    {
        await RecordAsync(Asked("car tariff \"now\"?", s_now, "tariff-japan-autos-15"), new UnansweredChoice(UnansweredQuestion.Tag("car tariff now"), "tariff-japan-autos-15", s_now));

        var (exit, output) = await RunAsync("--json");

        Assert.Equal(0, exit);
        using var json = JsonDocument.Parse(Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        var root = json.RootElement;
        Assert.Equal("car tariff \"now\"?", root.GetProperty("question").GetString());
        Assert.Equal(1, root.GetProperty("asked").GetInt32());
        Assert.Equal("discord", root.GetProperty("platform").GetString());
        Assert.Equal(0.42, root.GetProperty("confidence").GetDouble());
        Assert.Equal("tariff-japan-autos-15", Assert.Single(root.GetProperty("suggestions").EnumerateArray()).GetString());
        Assert.Equal("v1", root.GetProperty("fact_version").GetString());
        var chosen = Assert.Single(root.GetProperty("chosen").EnumerateArray());
        Assert.Equal(("tariff-japan-autos-15", 1), (chosen.GetProperty("fact").GetString(), chosen.GetProperty("times").GetInt32()));
    }

    [Fact]
    public async Task UnansweredYaml_IsRefusedByEvalUntilLabelled_ThenLoadsVerbatim()
    {
        const string tricky = "is the \"550bn\" c:\\real? # or not";
        await RecordAsync(
            Asked(tricky, s_now, "investment-550bn"), Asked("who won the world cup", s_now.AddMinutes(-1)),
            new UnansweredChoice(UnansweredQuestion.Tag(tricky), "investment-550bn", s_now));

        var (exit, output) = await RunAsync("--yaml");

        // What users chose is shown, as a comment: a curator still labels the question.
        Assert.Contains("expect: [], split: dev}  # asked 1x, last ", output, StringComparison.Ordinal);
        Assert.Contains("; suggested: investment-550bn; chosen: investment-550bn x1\n", output, StringComparison.Ordinal);

        Assert.Equal(0, exit);
        var file = Path.Combine(_folder, "labelled.yaml");
        await File.WriteAllTextAsync(file, output);
        var error = Assert.Throws<InvalidDataException>(() => GoldSet.Load(file));
        Assert.Contains(":5: give either 'expect' (fact ids) or 'abstain: true'", error.Message, StringComparison.Ordinal);

        var lines = output.Split('\n');
        var labelled = lines
            .Select(l => l.Contains("world cup", StringComparison.Ordinal) ? l.Replace("expect: []", "abstain: true", StringComparison.Ordinal) : l)
            .Select(l => l.Contains("550bn", StringComparison.Ordinal) ? l.Replace("expect: []", "expect: [investment-550bn]", StringComparison.Ordinal) : l);
        await File.WriteAllLinesAsync(file, labelled);
        var questions = GoldSet.Load(file);
        Assert.Equal([tricky, "who won the world cup"], questions.Select(q => q.Question));
        Assert.Equal(["investment-550bn"], questions[0].Expected);
        Assert.True(questions[1].Abstain);
    }

    [Theory]
    [InlineData("a\u2028b and c\u2029d")]
    [InlineData("next\u0085line")]
    [InlineData("- * & : 日本 🎌 # not a comment")]
    [InlineData("tab\tand\nnewline and \\ and \"")]
    [InlineData("bell\u0007 and \uFEFF and \uFFFE")]
    public void Quote_AnyText_ReadsBackExactly(string text)
    {
        var yaml = new YamlDotNet.RepresentationModel.YamlStream();
        yaml.Load(new StringReader("questions:\n  - {q: " + Bot.Facts.YamlText.Quote(text) + ", expect: [], split: dev}\n"));

        var root = (YamlDotNet.RepresentationModel.YamlMappingNode)yaml.Documents[0].RootNode;
        var item = (YamlDotNet.RepresentationModel.YamlMappingNode)((YamlDotNet.RepresentationModel.YamlSequenceNode)root["questions"])[0];
        Assert.Equal(text, ((YamlDotNet.RepresentationModel.YamlScalarNode)item["q"]).Value);
    }

    [Fact]
    public void Quote_LoneSurrogate_IsTheReplacementCharacter() =>
        Assert.Equal("\"a\\uFFFDb\"", Bot.Facts.YamlText.Quote("a\uD800b"));

    [Fact]
    public async Task Since_AMonth_ListsWhatWasLastAskedFromItsFirstDay()
    {
        var month = new DateTimeOffset(s_now.Year, s_now.Month, 1, 0, 0, 0, TimeSpan.Zero);
        await RecordAsync(Asked("asked the day before the month", month.AddMinutes(-1)), Asked("asked on its first day", month.AddMinutes(1)));

        var (exit, output) = await RunAsync("--since", month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), "--json");

        Assert.Equal(0, exit);
        Assert.Equal(["asked on its first day"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("question").GetString()));
    }

    /// <summary>A copy of the repository's fact base a test may edit, with the settings that point the bot at it.</summary>
    private Dictionary<string, string> EditableFacts(out string folder)
    {
        folder = Path.Combine(_folder, "facts");
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.GetFiles(RepoPaths.Facts, "*.yaml"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }

        return new Dictionary<string, string> { ["Storage__ConnectionString"] = $"Data Source={DatabasePath}", ["Facts__Path"] = folder };
    }

    private async Task<(int Exit, string Output)> RunBotAsync(Dictionary<string, string> settings, params string[] args)
    {
        settings["Answering__Semantic"] = "false";
        using var bot = BotProcess.Start(settings, _folder, args);
        var exit = await bot.WaitForExitAsync();
        return (exit, bot.Output);
    }

    [Fact]
    public async Task Accept_AddsTheQuestionToTheFactsCuratedQuestions_ThenItIsAnsweredAndOffTheList()
    {
        const string question = "is akazawa still running it under takaichi?";
        await RecordAsync(Asked(question, s_now, "trip-2026-02-washington"), Asked("weather in osaka", s_now),
            new UnansweredChoice(UnansweredQuestion.Tag(question), "ryosei-akazawa", s_now));
        var settings = EditableFacts(out var facts);
        var before = await File.ReadAllLinesAsync(Path.Combine(facts, "people.yaml"));
        var (_, unanswered) = await RunBotAsync(new(settings), "ask", "--json", question);
        using (var abstained = JsonDocument.Parse(unanswered.Split('\n').First(l => l.StartsWith('{'))))
        {
            Assert.True(abstained.RootElement.GetProperty("abstained").GetBoolean());
        }

        var (exit, output) = await RunBotAsync(new(settings), "unanswered", "accept", question, "--fact", "ryosei-akazawa");

        Assert.Equal(0, exit);
        Assert.Contains($"Added \"{question}\" to the curated questions of ryosei-akazawa", output, StringComparison.Ordinal);
        Assert.Contains("Taken off the list of unanswered questions.", output, StringComparison.Ordinal);
        var after = await File.ReadAllLinesAsync(Path.Combine(facts, "people.yaml"));
        Assert.Equal(before.Length + 1, after.Length);
        Assert.All(Directory.GetFiles(facts), f => Assert.EndsWith(".yaml", f, StringComparison.Ordinal));
        Assert.Equal($"      - \"{question}\"", Assert.Single(after.Except(before)));
        var (_, answer) = await RunBotAsync(new(settings), "ask", "--json", question);
        using var json = JsonDocument.Parse(answer.Split('\n').First(l => l.StartsWith('{')));
        Assert.False(json.RootElement.GetProperty("abstained").GetBoolean());
        Assert.Equal("ryosei-akazawa", Assert.Single(json.RootElement.GetProperty("facts").EnumerateArray()).GetString());
        var (_, listed) = await RunBotAsync(new(settings), "unanswered", "--json");
        Assert.DoesNotContain("akazawa", listed, StringComparison.Ordinal);
        Assert.Contains("weather in osaka", listed, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-fact", "what is the car tariff now", "No fact has the id 'no-such-fact'.")]
    [InlineData("round-4", "car tariff now?", "is already a curated question of tariff-japan-autos-15; a question curated for two facts answers neither.")]
    [InlineData("round-4", "so what is the car tariff now?", "is, but for words such as \"what is\" and \"the\", a curated question of tariff-japan-autos-15")]
    [InlineData("round-4", "???", "The question has no words to match.")]
    [InlineData("round-4", "what is the", "The question has no words to match.")]
    [InlineData("ryosei-akazawa", "赤沢さんは今どうしてる", "A question in Japanese script is read through data/answering/japanese.yaml")]
    public async Task Accept_RefusesWithTheReason_AndChangesNothing(string fact, string question, string expected)
    {
        var settings = EditableFacts(out var facts);
        var before = Directory.GetFiles(facts).Select(File.ReadAllText).ToList();

        var (exit, output) = await RunBotAsync(settings, "unanswered", "accept", question, "--fact", fact);

        Assert.Equal(1, exit);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(facts).Select(File.ReadAllText));
    }

    [Fact]
    public async Task Accept_WhileAnotherCuratorHoldsTheFactBase_WaitsForNobodyAndChangesNothing()
    {
        var settings = EditableFacts(out var facts);
        var before = await File.ReadAllTextAsync(Path.Combine(facts, "people.yaml"));
        using var other = new FileStream(Path.Combine(facts, ".curating.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);

        var (exit, output) = await RunBotAsync(settings, "unanswered", "accept", "is akazawa still running it under takaichi?", "--fact", "ryosei-akazawa");

        Assert.Equal(1, exit);
        Assert.Contains("Another curator is adding a question to this fact base", output, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(Path.Combine(facts, "people.yaml")));
    }

    [Fact]
    public async Task Accept_QuestionTheFactAlreadyHas_SaysSoAndChangesNothing()
    {
        var settings = EditableFacts(out var facts);
        var before = await File.ReadAllTextAsync(Path.Combine(facts, "figures.yaml"));

        var (exit, output) = await RunBotAsync(settings, "unanswered", "accept", "Car tariff now", "--fact", "tariff-japan-autos-15");

        Assert.Equal(0, exit);
        Assert.Contains("is already a curated question of tariff-japan-autos-15.", output, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllTextAsync(Path.Combine(facts, "figures.yaml")));
    }

    [Fact]
    public async Task Forget_BeforeADay_ThenAll()
    {
        await RecordAsync(Asked("old", s_now.AddDays(-10)), Asked("new", s_now));

        Assert.Equal((0, "Deleted 1 unanswered question.\n"), await RunAsync("forget", "--before", s_now.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal((0, "Deleted 1 unanswered question.\n"), await RunAsync("forget"));
        var (_, output) = await RunAsync();
        Assert.StartsWith("No unanswered questions recorded. Recording is off in this configuration", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData]
    [InlineData("forget")]
    public async Task DatabaseUnreachable_ExitsOneWithAClearMessage(params string[] args)
    {
        var (exit, output) = await RunAsync(
            new Dictionary<string, string>
            {
                ["Storage__Provider"] = "postgres",
                ["Storage__ConnectionString"] = "Host=127.0.0.1;Port=1;Username=bot;Password=bot;Database=bot;Timeout=2",
            },
            args);

        Assert.Equal(1, exit);
        Assert.Contains("The database cannot be reached, so nothing was read or changed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--since 2025-13-01", "--since: '2025-13-01' is not a date (YYYY, YYYY-MM or YYYY-MM-DD).")]
    [InlineData("--since 25-11", "--since: '25-11' is not a date (YYYY, YYYY-MM or YYYY-MM-DD).")]
    [InlineData("forget --before 2025-11-31", "--before: '2025-11-31' is not a date (YYYY, YYYY-MM or YYYY-MM-DD).")]
    [InlineData("--json --yaml", "Give --json or --yaml, not both.")]
    [InlineData("--limit 0", "--limit must be between 1 and 100000.")]
    public async Task BadOptions_ExitWithTheProblemNamed(string args, string expected)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var exit = await BotCli.RunAsync(["unanswered", .. args.Split(' ')], output, error);

        Assert.NotEqual(0, exit);
        Assert.Contains(expected, error.ToString() + output.ToString(), StringComparison.Ordinal);
    }
}
