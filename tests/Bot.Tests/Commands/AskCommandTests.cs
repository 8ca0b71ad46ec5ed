using Bot.Answering;
using Bot.Commands;
using Bot.Tests.Answering;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Bot.Tests.Commands;

/// <summary><c>ask</c> through the real core host (fact base, MiniLM, dispatcher) over a controlled fact base.</summary>
public sealed class AskCommandTests : IAsyncLifetime
{
    private readonly FactFolder _folder = AnsweringTestFacts.Folder();
    private readonly Mock<IUnansweredRecorder> _unanswered = new();
    private CoreHost? _host;

    private CoreHost Host => _host!;

    public async Task InitializeAsync() =>
        _host = await CoreHost.StartAsync(
            _folder.Path,
            new Dictionary<string, string?> { ["Answering:EmbeddingCachePath"] = "none" },
            b => b.Services.AddSingleton(_unanswered.Object));

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task HandleAsync_NoQuestion_ExplainsUsage()
    {
        var reply = await Host.RunAsync(CommandNames.Ask);
        Assert.Equal(ReplyKind.Usage, reply.Kind);
        Assert.Contains("Japanese works too", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_OverlongQuestion_IsRejected()
    {
        var reply = await Host.RunAsync(CommandNames.Ask, (OptionNames.Question, new string('a', 501)));
        Assert.Equal(ReplyKind.Rejected, reply.Kind);
    }

    [Theory]
    [InlineData("who's akazawa?")]
    [InlineData("will it rain in osaka tomorrow")]
    public async Task HandleAsync_AnswerOrAbstention_CarriesTheQuestionForWhy(string question)
    {
        var reply = await Host.RunAsync(CommandNames.Ask, (OptionNames.Question, question));

        Assert.Equal(question, reply.Explains);
    }

    [Fact]
    public async Task HandleAsync_AskedForTheSources_GivesTheSourcesReply()
    {
        var sources = await Host.RunAsync(CommandNames.Sources);

        var reply = await Host.RunAsync(CommandNames.Ask, (OptionNames.Question, "what are your sources?"));

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(sources.Title, reply.Title);
        Assert.Equal(sources.Body, reply.Body);
        Assert.Equal(sources.Fields, reply.Fields);
        // A lookup: no confidence, no Why.
        Assert.Null(reply.Confidence);
        Assert.Null(reply.Explains);
    }

    [Fact]
    public async Task HandleAsync_QuestionAboutTheBotBetweenFollowUps_LeavesTheLastQuestionAsItWas()
    {
        var alice = new CommandContext(Platform.Discord, "guild", "channel", "alice", CanManageChannel: false);
        await Host.RunAsync(alice, CommandNames.Ask, (OptionNames.Question, "what happened in round 1"));
        await Host.RunAsync(alice, CommandNames.Ask, (OptionNames.Question, "what are your sources?"));

        var reply = await Host.RunAsync(alice, CommandNames.Ask, (OptionNames.Question, "and round 4?"));

        Assert.Equal(["round-4"], reply.FactIds);
        Assert.Contains("(Following on from \"what happened in round 1\"", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_AskedHowUpToDate_GivesTheDayTheFactBaseRunsTo()
    {
        var facts = Host.Facts;

        var reply = await Host.RunAsync(CommandNames.Ask, (OptionNames.Question, "how up to date is this"));

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.StartsWith($"The fact base runs to {facts.AsOf!.Value.ToDisplay()} (version {facts.ShortVersion})", reply.Body, StringComparison.Ordinal);
        Assert.Contains("/talks changes", reply.Body, StringComparison.Ordinal);
        Assert.Equal(facts.AsOf, reply.AsOf);
    }

    [Fact]
    public async Task HandleAsync_AskedWhatItCanDo_GivesHelpAndKeepsNothing()
    {
        var help = await Host.RunAsync(CommandNames.Help);
        var bob = new CommandContext(Platform.Slack, "team", "channel", "bob", CanManageChannel: false);

        var reply = await Host.RunAsync(bob, CommandNames.Ask, (OptionNames.Question, "hi bot what can u do"));

        Assert.Equal(ReplyKind.Usage, reply.Kind);
        Assert.Equal(help.Fields, reply.Fields);
        _unanswered.Verify(u => u.TryRecord(It.IsAny<UnansweredQuestion>()), Times.Never);
    }

    [Fact]
    public async Task HandleAsync_FollowUpOnAPlatform_IsReadWithTheAskersLastQuestion()
    {
        var alice = new CommandContext(Platform.Discord, "guild", "channel", "alice", CanManageChannel: false);
        await Host.RunAsync(alice, CommandNames.Ask, (OptionNames.Question, "what happened in round 1"));

        var reply = await Host.RunAsync(alice, CommandNames.Ask, (OptionNames.Question, "and round 4?"));

        Assert.Equal(["round-4"], reply.FactIds);
        Assert.Contains("(Following on from \"what happened in round 1\": read as \"what happened in round 4\")", reply.Body, StringComparison.Ordinal);
        // "Why?" explains the whole question, and the next follow-up leans on it.
        Assert.Equal("what happened in round 4", reply.Explains);
        Assert.Equal("what happened in round 4", reply.AskedAs);
        var next = await Host.RunAsync(alice, CommandNames.Ask, (OptionNames.Question, "what about round 1"));
        Assert.Contains("read as \"what happened in round 1\"", next.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HandleAsync_FollowUpsTurnedOff_EveryQuestionStandsAlone()
    {
        await using var host = await CoreHost.StartAsync(_folder.Path, new Dictionary<string, string?>
        {
            ["Answering:EmbeddingCachePath"] = "none",
            ["Answering:FollowUps"] = "false",
        });
        var erin = new CommandContext(Platform.Discord, "guild", "channel", "erin", CanManageChannel: false);
        await host.RunAsync(erin, CommandNames.Ask, (OptionNames.Question, "what happened in round 1"));

        var reply = await host.RunAsync(erin, CommandNames.Ask, (OptionNames.Question, "and round 4?"));

        Assert.DoesNotContain("Following on from", reply.Body, StringComparison.Ordinal);
        Assert.Null(reply.AskedAs);
    }

    [Fact]
    public async Task HandleAsync_FollowUpAbstainedOn_IsKeptAsTyped()
    {
        var dave = new CommandContext(Platform.Slack, "team", "channel", "dave", CanManageChannel: false);
        await Host.RunAsync(dave, CommandNames.Ask, (OptionNames.Question, "who is akazawa"));

        var reply = await Host.RunAsync(dave, CommandNames.Ask, (OptionNames.Question, "what about the weather in osaka <@U0123>?"));

        // Kept as the user typed it, mention hidden: not the reading, which holds the earlier question.
        Assert.Equal(ReplyKind.Abstained, reply.Kind);
        _unanswered.Verify(u => u.TryRecord(It.Is<UnansweredQuestion>(q => q.Question == "what about the weather in osaka @someone?")), Times.Once);
        Assert.DoesNotContain("u0123", reply.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task HandleAsync_FollowUpOfAnotherAskerOrOnTheConsole_StandsAlone()
    {
        var alice = new CommandContext(Platform.Slack, "team", "channel", "alice", CanManageChannel: false);
        await Host.RunAsync(alice, CommandNames.Ask, (OptionNames.Question, "what happened in round 1"));
        await Host.RunAsync(CommandContext.Console, CommandNames.Ask, (OptionNames.Question, "what happened in round 1"));

        var bob = await Host.RunAsync(alice with { UserId = "bob" }, CommandNames.Ask, (OptionNames.Question, "and round 4?"));
        var console = await Host.RunAsync(CommandContext.Console, CommandNames.Ask, (OptionNames.Question, "and round 4?"));

        foreach (var reply in new[] { bob, console })
        {
            Assert.DoesNotContain("Following on from", reply.Body, StringComparison.Ordinal);
            Assert.Equal("and round 4?", reply.Explains);
        }
    }

    [Fact]
    public async Task HandleAsync_QuestionThatReadsWhole_IsNotReadWithTheLastOne()
    {
        var carol = new CommandContext(Platform.Discord, "guild", "channel", "carol", CanManageChannel: false);
        await Host.RunAsync(carol, CommandNames.Ask, (OptionNames.Question, "who is bessent"));

        var reply = await Host.RunAsync(carol, CommandNames.Ask, (OptionNames.Question, "who's akazawa?"));

        Assert.Equal(["ryosei-akazawa"], reply.FactIds);
        Assert.DoesNotContain("Following on from", reply.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_TheSameQuestion_NamesTheSameFactAndConfidence()
    {
        var answer = await Host.RunAsync(CommandNames.Ask, (OptionNames.Question, "who's akazawa?"));

        var why = await Host.RunAsync(CommandNames.Explain, (OptionNames.Question, "who's akazawa?"));

        Assert.Equal(ReplyKind.Usage, why.Kind);
        Assert.Equal(answer.FactIds, why.FactIds);
        Assert.Contains($"at {Reply.Percent(answer.Confidence!.Value)}", why.Body, StringComparison.Ordinal);

        // The body gives the confidence, rounded down; no footer figure to contradict it, no Why? of a Why?.
        Assert.Null(why.Confidence);
        Assert.Null(why.Explains);
    }

    [Theory]
    [InlineData(null, "Nothing to explain")]
    [InlineData(501, "Question too long")]
    public async Task Explain_NoOrOverlongQuestion_IsRejected(int? length, string title)
    {
        var reply = length is { } n
            ? await Host.RunAsync(CommandNames.Explain, (OptionNames.Question, new string('a', n)))
            : await Host.RunAsync(CommandNames.Explain);

        Assert.Equal((ReplyKind.Rejected, title), (reply.Kind, reply.Title));
    }

    [Fact]
    public async Task HandleAsync_PersonQuestion_AnswersWithFactSourceAndDate()
    {
        var reply = await Host.RunAsync(CommandNames.Ask, (OptionNames.Question, "who's akazawa?"));
        Assert.Equal(ReplyKind.Answer, reply.Kind);
        Assert.Equal(["ryosei-akazawa"], reply.FactIds);
        Assert.StartsWith("Ryosei Akazawa:", reply.Body, StringComparison.Ordinal);
        Assert.NotEmpty(reply.Sources);
        Assert.NotNull(reply.AsOf);
        Assert.InRange(reply.Confidence!.Value, 0, 1);
    }

    [Fact]
    public async Task HandleAsync_Weather_Abstains()
    {
        var reply = await Host.RunAsync(CommandNames.Ask, (OptionNames.Question, "will it rain in osaka tomorrow"));
        Assert.Equal(ReplyKind.Abstained, reply.Kind);
        Assert.Empty(reply.FactIds);
        Assert.True(reply.Suggestions.Count <= 3);
    }

    private Task<Reply> AskFromAsync(Platform platform, string question, string? choiceFor = null) =>
        Host.Services.GetRequiredService<ICommandDispatcher>().DispatchAsync(
            CommandRequest.Create(CommandNames.Ask, new CommandContext(platform, "G1", "C1", "U1", CanManageChannel: false) { ChoiceFor = choiceFor }, (OptionNames.Question, question)),
            CancellationToken.None);

    [Fact]
    public async Task HandleAsync_KeptQuestion_NamesItForTheSuggestionButtons()
    {
        _unanswered.Setup(r => r.TryRecord(It.IsAny<UnansweredRecord>())).Returns(true);

        var kept = await AskFromAsync(Platform.Discord, "will it rain in osaka tomorrow");
        _unanswered.Setup(r => r.TryRecord(It.IsAny<UnansweredRecord>())).Returns(false);
        var notKept = await AskFromAsync(Platform.Discord, "will it rain in osaka tomorrow");

        Assert.Equal(UnansweredQuestion.Tag("will it rain in osaka tomorrow"), kept.SuggestionsFor);
        Assert.Null(notKept.SuggestionsFor);
    }

    [Fact]
    public async Task HandleAsync_SuggestionChosenForAKeptQuestion_IsKeptAsTheChoiceWithTheFactItAnswered()
    {
        UnansweredRecord? recorded = null;
        _unanswered.Setup(r => r.TryRecord(It.IsAny<UnansweredRecord>())).Callback((UnansweredRecord r) => recorded = r).Returns(true);
        var tag = UnansweredQuestion.Tag("the japan guy");

        var reply = await AskFromAsync(Platform.Slack, "who's akazawa?", tag);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        var choice = Assert.IsType<UnansweredChoice>(recorded);
        Assert.Equal(tag, choice.QuestionTag);
        Assert.Equal("ryosei-akazawa", choice.FactId);
        Assert.DoesNotContain(AskCommand.NotedForCurators, reply.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ABCDEF12")]
    [InlineData("abc")]
    [InlineData("zzzzzzzz")]
    public async Task HandleAsync_MalformedChoiceTag_KeepsNoChoice(string tag)
    {
        var reply = await AskFromAsync(Platform.Discord, "who's akazawa?", tag);

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        _unanswered.Verify(r => r.TryRecord(It.IsAny<UnansweredChoice>()), Times.Never);
    }

    [Fact]
    public async Task HandleAsync_SuggestionThatAbstainsAgain_KeepsTheNewQuestionNotAChoice()
    {
        _unanswered.Setup(r => r.TryRecord(It.IsAny<UnansweredRecord>())).Returns(true);

        await AskFromAsync(Platform.Discord, "will it rain in osaka tomorrow", UnansweredQuestion.Tag("weather"));

        _unanswered.Verify(r => r.TryRecord(It.IsAny<UnansweredQuestion>()), Times.Once);
        _unanswered.Verify(r => r.TryRecord(It.IsAny<UnansweredChoice>()), Times.Never);
    }

    [Fact]
    public async Task HandleAsync_PlatformQuestionInJapaneseItAbstainsOn_SaysInJapaneseThatItWasNoted()
    {
        _unanswered.Setup(r => r.TryRecord(It.IsAny<UnansweredRecord>())).Returns(true);

        var reply = await AskFromAsync(Platform.Discord, "明日の大阪の天気は？");

        Assert.Equal(ReplyKind.Abstained, reply.Kind);
        Assert.Equal(AnswerComposer.AbstainTitleJapanese, reply.Title);
        Assert.EndsWith("\n" + AskCommand.NotedForCuratorsJapanese, reply.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Platform.Discord)]
    [InlineData(Platform.Slack)]
    public async Task HandleAsync_PlatformQuestionItAbstainsOn_IsRecordedWithoutWhoOrWhere(Platform platform)
    {
        UnansweredQuestion? recorded = null;
        _unanswered.Setup(r => r.TryRecord(It.IsAny<UnansweredRecord>())).Callback((UnansweredRecord q) => recorded = (UnansweredQuestion)q).Returns(true);

        var reply = await AskFromAsync(platform, "will it rain in osaka tomorrow");

        Assert.Equal(ReplyKind.Abstained, reply.Kind);
        Assert.EndsWith("\n" + AskCommand.NotedForCurators, reply.Body, StringComparison.Ordinal);
        Assert.NotNull(recorded);
        Assert.Equal("will it rain in osaka tomorrow", recorded.Question);
        Assert.Equal(platform, recorded.Platform);
        // The reply shows the confidence cut to three decimals; the record keeps it whole.
        Assert.Equal(reply.Confidence!.Value, Reply.Shown(recorded.Confidence));
        Assert.Equal(reply.Suggestions.Count, recorded.Suggestions.Count);
        Assert.Equal(Host.Facts.Version, recorded.FactVersion);
        // The record has no member for a user, channel or workspace: only the words, platform and time are kept.
        Assert.DoesNotContain(typeof(UnansweredQuestion).GetProperties(), p => p.Name.Contains("User", StringComparison.Ordinal) || p.Name.Contains("Channel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HandleAsync_RecordingOffOrQueueFull_SaysNothingAboutKeepingTheQuestion()
    {
        _unanswered.Setup(r => r.TryRecord(It.IsAny<UnansweredQuestion>())).Returns(false);

        var reply = await AskFromAsync(Platform.Slack, "will it rain in osaka tomorrow");

        Assert.Equal(ReplyKind.Abstained, reply.Kind);
        Assert.DoesNotContain(AskCommand.NotedForCurators, reply.Body, StringComparison.Ordinal);
        _unanswered.Verify(r => r.TryRecord(It.IsAny<UnansweredQuestion>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_AnsweredPlatformQuestion_IsNotRecorded()
    {
        var reply = await AskFromAsync(Platform.Discord, "who's akazawa?");

        Assert.Equal(ReplyKind.Answer, reply.Kind);
        _unanswered.Verify(r => r.TryRecord(It.IsAny<UnansweredQuestion>()), Times.Never);
    }

    [Fact]
    public async Task HandleAsync_ConsoleQuestionItAbstainsOn_IsNotRecorded()
    {
        var reply = await Host.RunAsync(CommandNames.Ask, (OptionNames.Question, "will it rain in osaka tomorrow"));

        Assert.Equal(ReplyKind.Abstained, reply.Kind);
        _unanswered.Verify(r => r.TryRecord(It.IsAny<UnansweredQuestion>()), Times.Never);
    }
}
