using System.Text.Json.Nodes;
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

        var first = await AnswerAsync(host, "when was round 4");
        var followUp = await AnswerAsync(host, "and round 6?");

        Assert.Equal("Round 4", first["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Equal("Round 6", followUp["embeds"]![0]!["title"]!.GetValue<string>());
        Assert.Contains("Following on from \"when was round 4\": read as \"when was round 6\"", DiscordAssert.Text(followUp), StringComparison.Ordinal);
    }

    /// <summary>The message answering <c>/talks ask</c>: the inline response's, or, when the host deferred it (a busy
    /// machine past the inline budget, as Discord allows), the edit of the original response it then sends. The test is
    /// about how the question is read, not about how fast.</summary>
    private static async Task<JsonNode> AnswerAsync(DiscordTestHost host, string question)
    {
        var token = DiscordInteractionJson.NewToken();
        var result = await host.PostAsync(DiscordInteractionJson.Command(CommandNames.Ask, token, DiscordInteractionJson.PlainPermissions, ("question", question)));
        if (result.Body?["type"]?.GetValue<int>() != 5)
        {
            return DiscordAssert.ValidResponse(result, 4)["data"]!;
        }

        DiscordAssert.ValidResponse(result, 5);
        DiscordApiCall? edit;
        while ((edit = host.Api.Calls.LastOrDefault(c => c.Method == "PATCH" && c.Path.Contains(token, StringComparison.Ordinal))) is null)
        {
            await host.Api.WaitForCallsAsync(host.Api.Calls.Count + 1);
        }

        Assert.Empty(edit.Violations);
        return edit.Body!;
    }
}
