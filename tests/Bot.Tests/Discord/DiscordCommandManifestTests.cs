using System.Text.Json;
using System.Text.Json.Nodes;
using Bot.Commands;
using Bot.Discord;

namespace Bot.Tests.Discord;

public sealed class DiscordCommandManifestTests
{
    private static JsonNode Manifest() =>
        JsonNode.Parse(JsonSerializer.Serialize(DiscordCommandManifest.Commands, DiscordJsonContext.Default.IReadOnlyListDiscordCommandDefinition))!;

    [Theory]
    [InlineData("/applications/{application_id}/commands")]
    [InlineData("/applications/{application_id}/guilds/{guild_id}/commands")]
    public void Commands_ValidateAgainstSpecBulkOverwriteSchema(string path)
    {
        Assert.Empty(DiscordOpenApi.Instance.ValidateRequest("PUT", path, Manifest()));
    }

    [Fact]
    public void Commands_MeetDocumentedCommandLimits()
    {
        Assert.Empty(DiscordDocumentedLimits.CheckCommands(Manifest()));
    }

    [Fact]
    public void SpecValidator_BrokenCommand_IsRejected()
    {
        var broken = Manifest();
        broken[0]!["name"] = new string('a', 33);
        broken[0]!["options"]![0]!["options"]![0]!["max_length"] = 7000;

        var errors = DiscordOpenApi.Instance.ValidateRequest("PUT", "/applications/{application_id}/commands", broken);

        Assert.Contains(errors, e => e.StartsWith("/0/name ", StringComparison.Ordinal) && e.Contains("maxLength", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("/0/options/0/options/0/max_length ", StringComparison.Ordinal));
        Assert.Contains(DiscordDocumentedLimits.CheckCommands(broken), e => e.Contains("aaaaaaaaa", StringComparison.Ordinal));
    }

    [Fact]
    public void Commands_OneTalksCommandWithEverySubcommandOfDesign()
    {
        var talks = Assert.Single(DiscordCommandManifest.Commands);
        Assert.Equal("talks", talks.Name);
        Assert.Equal(RecordingCommandHandlers.Names.Order(StringComparer.Ordinal), talks.Options!.Select(o => o.Name).Order(StringComparer.Ordinal));
        Assert.All(talks.Options!, o => Assert.Equal(1, o.Type));
    }

    [Fact]
    public void Commands_EverySubcommandAndOption_HasAJapaneseDescriptionAndNoOtherLocale()
    {
        // The bot answers questions in Japanese in Japanese; its command list reads in Japanese for those users too.
        var talks = Assert.Single(DiscordCommandManifest.Commands);
        var described = new[] { talks.DescriptionLocalizations }
            .Concat(talks.Options!.Select(o => o.DescriptionLocalizations))
            .Concat(talks.Options!.SelectMany(o => o.Options ?? []).Select(o => o.DescriptionLocalizations))
            .ToList();

        Assert.All(described, d =>
        {
            Assert.NotNull(d);
            var japanese = Assert.Single(d, kv => kv.Key == "ja").Value;
            Assert.InRange(japanese.Length, 1, 100);
            Assert.Contains(japanese, c => c is >= '\u3040' and <= '\u30FF' or >= '\u4E00' and <= '\u9FFF');
        });
    }

    [Theory]
    [InlineData(CommandNames.Ask, OptionNames.Question, 3, true, false)]
    [InlineData(CommandNames.Who, OptionNames.Name, 3, false, true)]
    [InlineData(CommandNames.Round, OptionNames.Number, 4, false, true)]
    [InlineData(CommandNames.Timeline, OptionNames.From, 3, false, false)]
    [InlineData(CommandNames.Timeline, OptionNames.To, 3, false, false)]
    [InlineData(CommandNames.Purchases, OptionNames.Item, 3, false, false)]
    [InlineData(CommandNames.Figures, OptionNames.Name, 3, false, false)]
    [InlineData(CommandNames.Changes, OptionNames.Since, 3, false, false)]
    [InlineData(CommandNames.Subscribe, OptionNames.Topics, 3, false, false)]
    [InlineData(CommandNames.Subscribe, OptionNames.Digest, 5, false, false)]
    public void Commands_SubcommandOption_HasTypeRequirednessAndAutocomplete(string sub, string option, int type, bool required, bool autocomplete)
    {
        var definition = DiscordCommandManifest.Commands[0].Options!.Single(o => o.Name == sub).Options!.Single(o => o.Name == option);

        Assert.Equal(type, definition.Type);
        Assert.Equal(required, definition.Required ?? false);
        Assert.Equal(autocomplete, definition.Autocomplete ?? false);
    }

    [Theory]
    [InlineData(CommandNames.Sources)]
    [InlineData(CommandNames.Unsubscribe)]
    [InlineData(CommandNames.Subscriptions)]
    [InlineData(CommandNames.Help)]
    public void Commands_SubcommandWithoutOptions_HasNone(string sub)
    {
        Assert.Null(DiscordCommandManifest.Commands[0].Options!.Single(o => o.Name == sub).Options);
    }

    [Fact]
    public void Commands_NoDefaultMemberPermissions_SoEveryoneCanLookUpAndTheHandlerGuardsSubscribe()
    {
        Assert.DoesNotContain("default_member_permissions", Manifest().ToJsonString(), StringComparison.Ordinal);
    }
}
