using Bot.Commands;

namespace Bot.Discord;

/// <summary>
/// The command definitions registered with Discord (<c>bot discord manifest</c> prints them): one CHAT_INPUT command
/// <c>/talks</c> whose subcommands are DESIGN §6. Subscribe and unsubscribe are subcommands, so Discord's
/// <c>default_member_permissions</c> (a whole-command setting) cannot guard them: the handler checks
/// <c>member.permissions</c> for Manage Channels instead.
/// </summary>
internal static class DiscordCommandManifest
{
    public const string CommandName = "talks";

    /// <summary>Longest free-text question accepted.</summary>
    public const int QuestionMaxLength = 300;

    /// <summary>Longest name, item or topic list accepted.</summary>
    public const int NameMaxLength = 100;

    private const int ContextGuild = 0;
    private const int ContextBotDm = 1;
    private const int GuildInstall = 0;

    public static IReadOnlyList<DiscordCommandDefinition> Commands { get; } =
    [
        new DiscordCommandDefinition
        {
            Name = CommandName,
            Description = "Facts about the 2025 Japan–US tariff negotiations, with sources.",
            Contexts = [ContextGuild, ContextBotDm],
            IntegrationTypes = [GuildInstall],
            Options =
            [
                Sub(CommandNames.Ask, "Ask a question in your own words.",
                    Text(OptionNames.Question, "What do you want to know?", required: true, QuestionMaxLength)),
                Sub(CommandNames.Who, "A person: side, titles over time, rounds attended, key statements.",
                    Text(OptionNames.Name, "Name, surname or title", autocomplete: true)),
                Sub(CommandNames.Round, "One negotiation round, or the list of rounds.",
                    new DiscordCommandOption
                    {
                        Type = OptionType.Integer, Name = OptionNames.Number, Description = "Round number (leave out for the list)",
                        Autocomplete = true, MinValue = 1, MaxValue = 99,
                    }),
                Sub(CommandNames.Timeline, "Dated events, optionally between two dates.",
                    Text(OptionNames.From, "First date, YYYY-MM-DD", maxLength: 10),
                    Text(OptionNames.To, "Last date, YYYY-MM-DD", maxLength: 10)),
                Sub(CommandNames.Purchases, "Purchase and investment plans with figures and status.",
                    Text(OptionNames.Item, "Item, e.g. rice, boeing, soybeans")),
                Sub(CommandNames.Figures, "Tariff rates, the deficit and investment figures.",
                    Text(OptionNames.Name, "Figure, e.g. auto tariff")),
                Sub(CommandNames.Changes, "What the fact base added or changed since a date.",
                    Text(OptionNames.Since, "Date, YYYY-MM-DD", maxLength: 10)),
                Sub(CommandNames.Sources, "What the fact base covers, its version and sources."),
                Sub(CommandNames.Subscribe, "Post fact-base updates in this channel (needs Manage Channels).",
                    Text(OptionNames.Topics, "Comma-separated: rounds, people, figures, purchases, events (default: all)"),
                    new DiscordCommandOption
                    {
                        Type = OptionType.Boolean, Name = OptionNames.Digest,
                        Description = "One daily digest instead of a post per change",
                    }),
                Sub(CommandNames.Unsubscribe, "Stop update posts in this channel (needs Manage Channels)."),
                Sub(CommandNames.Subscriptions, "This channel's subscription."),
                Sub(CommandNames.Help, "How to use /talks."),
            ],
        },
    ];

    private static DiscordCommandOption Sub(string name, string description, params DiscordCommandOption[] options) => new()
    {
        Type = OptionType.SubCommand,
        Name = name,
        Description = description,
        Options = options.Length > 0 ? options : null,
    };

    private static DiscordCommandOption Text(string name, string description, bool required = false, int maxLength = NameMaxLength, bool autocomplete = false) => new()
    {
        Type = OptionType.String,
        Name = name,
        Description = description,
        Required = required ? true : null,
        Autocomplete = autocomplete ? true : null,
        MinLength = 1,
        MaxLength = maxLength,
    };
}
