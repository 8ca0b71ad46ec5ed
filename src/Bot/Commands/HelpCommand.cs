namespace Bot.Commands;

/// <summary><c>help</c>: usage of every subcommand.</summary>
internal sealed class HelpCommand : ICommandHandler
{
    public const string CommandName = CommandNames.Help;

    private static readonly ReplyField[] s_usage =
    [
        new("ask QUESTION", "Ask anything about the talks in your own words: \"who is akazawa\", \"when was round 6\", \"car tariff now?\", \"who negotiated for the us\", \"what's new\", \"what's disputed\". Under an answer, or under \"I don't have that\", the Why? button shows how the bot decided (console: ask --explain)."),
        new("who [NAME]", "A person: side, titles over time, rounds attended, key statements. Without a name: everyone."),
        new("round [NUMBER]", "One negotiation round (date, place, attendees, outcome), or the list."),
        new("timeline [FROM] [TO]", "Dated events, optionally between two dates (YYYY-MM-DD)."),
        new("purchases [ITEM]", "Purchase and investment plans (rice, Boeing, Tomahawk, LNG, the $550 billion…)."),
        new("figures [NAME]", "Tariff rates, the trade deficit, investment figures, with units and dates."),
        new("changes [SINCE]", "What the fact base added or corrected since a date."),
        new("sources", "What the fact base covers, its version and its sources."),
        new("subscribe [TOPICS]", "Post fact-base updates to this channel (rounds, people, figures, purchases, events; default all). Needs Manage Channels."),
        new("unsubscribe", "Stop posting updates to this channel."),
        new("subscriptions", "This channel's subscription and its state."),
    ];

    public string Name => CommandName;

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken ct) => Task.FromResult(Usage);

    /// <summary>The reply: what the bot is, and every subcommand's usage.</summary>
    internal static Reply Usage { get; } = new()
    {
        Kind = ReplyKind.Usage,
        Title = "How to use /talks",
        Body = "Answers about the 2025 Japan–US tariff negotiations from a curated fact base. Every answer names its sources and their dates; answers are private to you until you press Share.",
        Fields = s_usage,
    };
}
