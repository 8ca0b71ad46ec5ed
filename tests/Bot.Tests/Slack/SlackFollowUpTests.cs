using Bot.Commands;
using Bot.Slack;

namespace Bot.Tests.Slack;

/// <summary>Follow-up questions over signed Slack slash commands, in a host of their own (the asker's last question is
/// part of its state), on the service's clock.</summary>
public sealed class SlackFollowUpTests
{
    [Fact]
    public async Task Ask_FollowUpWithinTenMinutes_IsReadWithTheLastQuestion_AndNotAfter()
    {
        await using var host = await SlackTestHost.StartAsync();
        await SlackTestHost.MessageAsync(await host.CommandAsync("ask who is akazawa"));

        var message = await SlackTestHost.MessageAsync(await host.CommandAsync("ask what about bessent?"));
        var followUp = SlackTestHost.AllText(message);
        Assert.Contains("Scott Bessent", followUp, StringComparison.Ordinal);
        Assert.Contains("Following on from \"who is akazawa\": read as \"who is bessent\"", followUp, StringComparison.Ordinal);

        // Share asks the whole question again, not "what about bessent?", which would lean on whatever was asked since.
        var share = SlackTestHost.Buttons(message).Single(b => b["action_id"]!.GetValue<string>() == SlackRenderer.ShareAction);
        Assert.EndsWith("ask who is bessent", share["value"]!.GetValue<string>(), StringComparison.Ordinal);

        // Another user in the channel has no previous question.
        var other = SlackTestHost.AllText(await SlackTestHost.MessageAsync(await host.CommandAsync("ask what about akazawa?", userId: "U0OTHER01")));
        Assert.DoesNotContain("Following on from", other, StringComparison.Ordinal);

        // Past the lifetime the last question is forgotten.
        host.Time.Advance(ConversationMemory.Lifetime);
        var later = SlackTestHost.AllText(await SlackTestHost.MessageAsync(await host.CommandAsync("ask what about akazawa?")));
        Assert.DoesNotContain("Following on from", later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_FollowUpInJapaneseScript_IsReadWithTheLastQuestion_AndSaysItsReadingOnce()
    {
        await using var host = await SlackTestHost.StartAsync();
        await SlackTestHost.MessageAsync(await host.CommandAsync("ask 第1回交渉はいつ"));

        // "第4回は？" is "and round 4?": read in English words, said once (not also as the composer's "Read as" line). The
        // test facts have no Japanese, so the answer is in English here; RealEngineTests checks it in Japanese.
        var followUp = SlackTestHost.AllText(await SlackTestHost.MessageAsync(await host.CommandAsync("ask 第4回は？")));
        Assert.Contains("May 30, 2025", followUp, StringComparison.Ordinal);
        Assert.Contains("(Following on from \"第1回交渉はいつ\": read as \"round 4 when\")", followUp, StringComparison.Ordinal);
        Assert.DoesNotContain("(Read as:", followUp, StringComparison.Ordinal);
    }
}
