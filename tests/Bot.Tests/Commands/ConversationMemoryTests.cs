using Bot.Answering;
using Bot.Commands;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Commands;

public sealed class ConversationMemoryTests
{
    private static readonly CommandContext s_alice = new(Platform.Discord, "guild", "channel", "alice", CanManageChannel: false);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Recall_WithinTheLifetime_IsTheLastQuestion()
    {
        var memory = new ConversationMemory(_time);
        memory.Remember(s_alice, new PreviousQuestion("who is akazawa", "ryosei-akazawa"));
        memory.Remember(s_alice, new PreviousQuestion("when was round 4", "round-4"));

        _time.Advance(ConversationMemory.Lifetime - TimeSpan.FromSeconds(1));

        Assert.Equal(new PreviousQuestion("when was round 4", "round-4"), memory.Recall(s_alice));
    }

    [Fact]
    public void Recall_PastTheLifetime_IsNothing()
    {
        var memory = new ConversationMemory(_time);
        memory.Remember(s_alice, new PreviousQuestion("who is akazawa", "ryosei-akazawa"));

        _time.Advance(ConversationMemory.Lifetime);

        Assert.Null(memory.Recall(s_alice));
    }

    [Fact]
    public void Recall_AnotherAskerChannelOrPlatform_IsNothing()
    {
        var memory = new ConversationMemory(_time);
        memory.Remember(s_alice, new PreviousQuestion("who is akazawa", "ryosei-akazawa"));

        Assert.Null(memory.Recall(s_alice with { UserId = "bob" }));
        Assert.Null(memory.Recall(s_alice with { ChannelId = "other" }));
        Assert.Null(memory.Recall(s_alice with { WorkspaceId = "other" }));
        Assert.Null(memory.Recall(s_alice with { Platform = Platform.Slack }));
    }

    [Fact]
    public void Remember_OnTheConsoleOrWithNoUser_KeepsNothing()
    {
        var memory = new ConversationMemory(_time);
        memory.Remember(CommandContext.Console, new PreviousQuestion("who is akazawa", null));
        memory.Remember(s_alice with { UserId = null }, new PreviousQuestion("who is akazawa", null));

        Assert.Equal(0, memory.Count);
        Assert.Null(memory.Recall(CommandContext.Console));
    }

    [Fact]
    public void Remember_PastCapacity_ForgetsTheOldestFirst()
    {
        var memory = new ConversationMemory(_time);
        for (var i = 0; i <= ConversationMemory.Capacity; i++)
        {
            memory.Remember(s_alice with { UserId = $"user{i}" }, new PreviousQuestion("who is akazawa", null));
            _time.Advance(TimeSpan.FromMilliseconds(1));
        }

        Assert.True(memory.Count <= ConversationMemory.Capacity, $"{memory.Count} remembered");
        Assert.Null(memory.Recall(s_alice with { UserId = "user0" }));
        Assert.NotNull(memory.Recall(s_alice with { UserId = $"user{ConversationMemory.Capacity}" }));
    }
}
