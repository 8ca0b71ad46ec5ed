using Bot.Commands;
using Bot.Tests.Answering;

namespace Bot.Tests.Commands;

/// <summary><c>ask</c> through the real core host (fact base, MiniLM, dispatcher) over a controlled fact base.</summary>
public sealed class AskCommandTests : IAsyncLifetime
{
    private readonly FactFolder _folder = AnsweringTestFacts.Folder();
    private CoreHost? _host;

    private CoreHost Host => _host!;

    public async Task InitializeAsync() =>
        _host = await CoreHost.StartAsync(_folder.Path, new Dictionary<string, string?> { ["Answering:EmbeddingCachePath"] = "none" });

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
    }

    [Fact]
    public async Task HandleAsync_OverlongQuestion_IsRejected()
    {
        var reply = await Host.RunAsync(CommandNames.Ask, (OptionNames.Question, new string('a', 501)));
        Assert.Equal(ReplyKind.Rejected, reply.Kind);
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
}
