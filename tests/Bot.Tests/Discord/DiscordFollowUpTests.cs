using Bot.Commands;
using Microsoft.Extensions.DependencyInjection;

namespace Bot.Tests.Discord;

/// <summary>Follow-up questions over signed Discord interactions, on the real fact base, in a host of their own (the
/// asker's last question is part of its state).</summary>
public sealed class DiscordFollowUpTests
{
    [Fact]
    public async Task Ask_FollowUpFromTheSameUser_IsReadWithTheirLastQuestion()
    {
        await using var host = await DiscordTestHost.StartAsync(RepoPaths.Facts);
        await host.Services.GetRequiredService<Bot.Answering.IAnswerEngine>().WarmUpAsync(default);

        var first = DiscordAssert.ValidResponse(await host.PostAsync(
            DiscordInteractionJson.Command(CommandNames.Ask, DiscordInteractionJson.NewToken(), DiscordInteractionJson.PlainPermissions, ("question", "when was round 4"))), 4);
        var followUp = DiscordAssert.ValidResponse(await host.PostAsync(
            DiscordInteractionJson.Command(CommandNames.Ask, DiscordInteractionJson.NewToken(), DiscordInteractionJson.PlainPermissions, ("question", "and round 6?"))), 4);

        Assert.Equal("Round 4", first["data"]!["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("Round 6", followUp["data"]!["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Contains("Following on from \"when was round 4\": read as \"when was round 6\"", DiscordAssert.Text(followUp["data"]), StringComparison.Ordinal);
    }
}
