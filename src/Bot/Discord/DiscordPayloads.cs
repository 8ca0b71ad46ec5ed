using System.Text.Json;

namespace Bot.Discord;

// The wire format of Discord's HTTP API, only the parts this bot reads or writes.
// Property names map to snake_case through DiscordJsonContext; null members are left out.

/// <summary>Interaction types (receiving-and-responding, "Interaction Type").</summary>
internal static class InteractionType
{
    public const int Ping = 1;
    public const int ApplicationCommand = 2;
    public const int MessageComponent = 3;
    public const int ApplicationCommandAutocomplete = 4;
}

/// <summary>Interaction callback types (receiving-and-responding, "Interaction Callback Type").</summary>
internal static class CallbackType
{
    public const int Pong = 1;
    public const int ChannelMessageWithSource = 4;
    public const int DeferredChannelMessageWithSource = 5;
    public const int DeferredUpdateMessage = 6;
    public const int UpdateMessage = 7;
    public const int AutocompleteResult = 8;
}

/// <summary>Application command option types.</summary>
internal static class OptionType
{
    public const int SubCommand = 1;
    public const int SubCommandGroup = 2;
    public const int String = 3;
    public const int Integer = 4;
    public const int Boolean = 5;
    public const int Number = 10;
}

/// <summary>Message flags and permission bits we use.</summary>
internal static class DiscordBits
{
    public const int Ephemeral = 1 << 6;
    public const ulong Administrator = 1UL << 3;
    public const ulong ManageChannels = 1UL << 4;
    public const ulong ViewChannel = 1UL << 10;
    public const ulong SendMessages = 1UL << 11;
    public const ulong EmbedLinks = 1UL << 14;
}

/// <summary>Component types and button styles.</summary>
internal static class ComponentType
{
    public const int ActionRow = 1;
    public const int Button = 2;
    public const int StylePrimary = 1;
    public const int StyleSecondary = 2;
}

// ---------------------------------------------------------------- inbound

/// <summary>An interaction as Discord posts it to the Interactions Endpoint URL.</summary>
internal sealed record DiscordInteraction
{
    public string? Id { get; init; }
    public string? ApplicationId { get; init; }
    public int Type { get; init; }
    public string? Token { get; init; }
    public InteractionData? Data { get; init; }
    public string? GuildId { get; init; }
    public string? ChannelId { get; init; }

    /// <summary>The bot's own permissions in the channel the interaction came from.</summary>
    public string? AppPermissions { get; init; }

    /// <summary>The invoker in a guild, with their permissions in the channel.</summary>
    public DiscordMember? Member { get; init; }

    /// <summary>The invoker in a DM.</summary>
    public DiscordUser? User { get; init; }

    /// <summary>For components: the message the component is attached to.</summary>
    public DiscordReceivedMessage? Message { get; init; }

    /// <summary>Never printed: the token authorizes replies to this interaction.</summary>
    public override string ToString() => $"interaction {Id} type {Type}";
}

internal sealed record InteractionData
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public int? Type { get; init; }
    public IReadOnlyList<InteractionOption>? Options { get; init; }
    public string? CustomId { get; init; }
    public int? ComponentType { get; init; }
}

/// <summary>An option in the command tree: a subcommand (with options) or a value.</summary>
internal sealed record InteractionOption
{
    public string? Name { get; init; }
    public int Type { get; init; }
    public JsonElement? Value { get; init; }
    public IReadOnlyList<InteractionOption>? Options { get; init; }
    public bool? Focused { get; init; }
}

internal sealed record DiscordMember
{
    public DiscordUser? User { get; init; }

    /// <summary>The member's total permissions in the channel, a decimal bit set as a string.</summary>
    public string? Permissions { get; init; }
}

internal sealed record DiscordUser
{
    public string? Id { get; init; }
    public string? Username { get; init; }
}

internal sealed record DiscordReceivedMessage
{
    public string? Id { get; init; }
    public IReadOnlyList<DiscordEmbed>? Embeds { get; init; }
    public int? Flags { get; init; }
}

// ---------------------------------------------------------------- outbound

/// <summary>A message: interaction responses, followups, edits of the original response and channel posts.</summary>
internal sealed record DiscordMessage
{
    public string? Content { get; init; }
    public IReadOnlyList<DiscordEmbed>? Embeds { get; init; }

    /// <summary>Always present and empty: nothing we send pings anyone.</summary>
    public DiscordAllowedMentions AllowedMentions { get; init; } = DiscordAllowedMentions.None;

    public int? Flags { get; init; }
    public IReadOnlyList<DiscordComponent>? Components { get; init; }
}

/// <summary>Create Message on a channel: a message plus an idempotency nonce.</summary>
internal sealed record DiscordChannelMessage
{
    public string? Content { get; init; }
    public IReadOnlyList<DiscordEmbed>? Embeds { get; init; }
    public DiscordAllowedMentions AllowedMentions { get; init; } = DiscordAllowedMentions.None;
    public int? Flags { get; init; }

    /// <summary>At most 25 characters; with <see cref="EnforceNonce"/> a retry returns the first message instead of posting twice.</summary>
    public string? Nonce { get; init; }

    public bool? EnforceNonce { get; init; }

    public static DiscordChannelMessage From(DiscordMessage message, string? nonce) => new()
    {
        Content = message.Content,
        Embeds = message.Embeds,
        Flags = message.Flags is { } f && (f & ~DiscordBits.Ephemeral) != 0 ? f & ~DiscordBits.Ephemeral : null,
        Nonce = nonce,
        EnforceNonce = nonce is null ? null : true,
    };
}

internal sealed record DiscordAllowedMentions(IReadOnlyList<string> Parse)
{
    public static DiscordAllowedMentions None { get; } = new([]);
}

internal sealed record DiscordEmbed
{
    public string? Title { get; init; }
    public string? Description { get; init; }
    public string? Url { get; init; }
    public int? Color { get; init; }
    public IReadOnlyList<DiscordEmbedField>? Fields { get; init; }
    public DiscordEmbedFooter? Footer { get; init; }
}

internal sealed record DiscordEmbedField(string Name, string Value, bool? Inline = null);

internal sealed record DiscordEmbedFooter(string Text);

/// <summary>An action row (type 1) holding buttons (type 2).</summary>
internal sealed record DiscordComponent
{
    public int Type { get; init; }
    public int? Style { get; init; }
    public string? Label { get; init; }
    public string? CustomId { get; init; }
    public bool? Disabled { get; init; }
    public IReadOnlyList<DiscordComponent>? Components { get; init; }

    public static DiscordComponent Row(params IReadOnlyList<DiscordComponent> buttons) =>
        new() { Type = ComponentType.ActionRow, Components = buttons };

    public static DiscordComponent Button(string label, string customId, int style = ComponentType.StyleSecondary, bool disabled = false) =>
        new() { Type = ComponentType.Button, Style = style, Label = label, CustomId = customId, Disabled = disabled ? true : null };
}

/// <summary>The body of our HTTP response to an interaction (types 1, 4, 5, 6, 7).</summary>
internal sealed record DiscordInteractionResponse(int Type, DiscordMessage? Data = null)
{
    public static DiscordInteractionResponse Pong { get; } = new(CallbackType.Pong);
}

/// <summary>The response to an autocomplete interaction (type 8).</summary>
internal sealed record DiscordAutocompleteResponse(int Type, DiscordAutocompleteData Data);

internal sealed record DiscordAutocompleteData(IReadOnlyList<DiscordChoice> Choices);

/// <summary>An autocomplete or option choice; <see cref="Value"/> is a string or an integer, matching the option's type.</summary>
internal sealed record DiscordChoice(string Name, JsonElement Value);

/// <summary>A CHAT_INPUT command definition for the bulk-overwrite registration.</summary>
internal sealed record DiscordCommandDefinition
{
    public required string Name { get; init; }
    public int Type { get; init; } = 1;
    public required string Description { get; init; }

    /// <summary>The description in other languages, by Discord locale ("ja"): shown to users whose client uses it.</summary>
    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }
    public IReadOnlyList<DiscordCommandOption>? Options { get; init; }
    public IReadOnlyList<int>? Contexts { get; init; }
    public IReadOnlyList<int>? IntegrationTypes { get; init; }
}

internal sealed record DiscordCommandOption
{
    public required int Type { get; init; }
    public required string Name { get; init; }
    public required string Description { get; init; }

    /// <summary>The description in other languages, by Discord locale ("ja").</summary>
    public IReadOnlyDictionary<string, string>? DescriptionLocalizations { get; init; }
    public bool? Required { get; init; }
    public bool? Autocomplete { get; init; }
    public int? MinLength { get; init; }
    public int? MaxLength { get; init; }
    public long? MinValue { get; init; }
    public long? MaxValue { get; init; }
    public IReadOnlyList<DiscordCommandOption>? Options { get; init; }
}

/// <summary>Discord's error body: <c>{"code": 50035, "message": "...", "errors": {...}}</c>, or a 429's <c>retry_after</c>.</summary>
internal sealed record DiscordErrorBody
{
    public int? Code { get; init; }
    public string? Message { get; init; }
    public double? RetryAfter { get; init; }
    public bool? Global { get; init; }
    public JsonElement? Errors { get; init; }
}

/// <summary>Our own 4xx body for requests we refuse.</summary>
internal sealed record DiscordRefusal(string Error);

/// <summary>An entry of the list Discord returns after a bulk overwrite.</summary>
internal sealed record DiscordRegisteredCommand
{
    public string? Id { get; init; }
    public string? Name { get; init; }
}
