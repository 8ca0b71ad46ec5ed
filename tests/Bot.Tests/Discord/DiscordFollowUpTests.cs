using System.Text.Json.Nodes;
using Bot.Commands;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Discord;

/// <summary>Follow-up questions over signed Discord interactions, on the real fact base, in a host of their own (the
/// asker's last question is part of its state), on a fake clock: the conversation memory's budget for a read or a
/// write (250 ms) never runs out because the machine is busy, which would read the follow-up alone.</summary>
public sealed class DiscordFollowUpTests
{
    [Fact]
    public async Task Ask_FollowUpFromTheSameUser_IsReadWithTheirLastQuestion()
    {
        await using var host = await DiscordTestHost.StartAsync(RepoPaths.Facts, time: new FakeTimeProvider(DateTimeOffset.UtcNow));
        await host.Services.GetRequiredService<Bot.Answering.IAnswerEngine>().WarmUpAsync(default);

        var first = await host.AnsweredAsync(Ask("when was round 4"));
        var followUp = await host.AnsweredAsync(Ask("and round 6?"));

        Assert.Equal("Round 4", first["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("Round 6", followUp["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Contains("Following on from \"when was round 4\": read as \"when was round 6\"", DiscordAssert.Text(followUp), StringComparison.Ordinal);
    }

    private static JsonObject Ask(string question) =>
        DiscordInteractionJson.Command(CommandNames.Ask, DiscordInteractionJson.NewToken(), DiscordInteractionJson.PlainPermissions, ("question", question));
}
