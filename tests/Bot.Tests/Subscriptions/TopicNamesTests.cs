using Bot.Facts;
using Bot.Subscriptions;

namespace Bot.Tests.Subscriptions;

public sealed class TopicNamesTests
{
    [Theory]
    [InlineData(null, (int)(Topics.All), false)]
    [InlineData("", (int)(Topics.All), false)]
    [InlineData("all", (int)(Topics.All), false)]
    [InlineData("rounds,figures", (int)(Topics.Rounds | Topics.Figures), false)]
    [InlineData("Rounds  Figures", (int)(Topics.Rounds | Topics.Figures), false)]
    [InlineData("round person purchase event figure", (int)(Topics.All), false)]
    [InlineData("figures digest", (int)(Topics.Figures), true)]
    [InlineData("daily", (int)(Topics.All), true)]
    public void TryParse_WhatUsersType_GivesTopicsAndDigest(string? text, int expected, bool expectedDigest)
    {
        Assert.True(TopicNames.TryParse(text, out var topics, out var digest, out _));

        Assert.Equal((Topics)expected, topics);
        Assert.Equal(expectedDigest, digest);
    }

    [Fact]
    public void TryParse_UnknownTopic_NamesItAndListsTheValidOnes()
    {
        Assert.False(TopicNames.TryParse("rounds,weather", out _, out _, out var error));

        Assert.Contains("\"weather\"", error, StringComparison.Ordinal);
        Assert.Contains("rounds, people, figures, purchases, events", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FactKind.Round, (int)Topics.Rounds)]
    [InlineData(FactKind.Person, (int)Topics.People)]
    [InlineData(FactKind.Figure, (int)Topics.Figures)]
    [InlineData(FactKind.Purchase, (int)Topics.Purchases)]
    [InlineData(FactKind.Event, (int)Topics.Events)]
    public void Of_EveryFactKind_HasItsTopic(FactKind kind, int topic) => Assert.Equal((Topics)topic, TopicNames.Of(kind));

    [Fact]
    public void Describe_AllOrSome_ReadsNaturally()
    {
        Assert.Equal("all topics", TopicNames.Describe(Topics.All));
        Assert.Equal("rounds, purchases", TopicNames.Describe(Topics.Purchases | Topics.Rounds));
    }
}
