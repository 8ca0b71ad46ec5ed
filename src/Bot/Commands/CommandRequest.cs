namespace Bot.Commands;

/// <summary>Where a command came from.</summary>
public enum Platform
{
    Console,
    Discord,
    Slack,
}

/// <summary>
/// Who asked and where: the adapter fills this from the platform's payload.
/// <see cref="CanManageChannel"/> is the adapter's verdict on the caller's permission
/// (Discord: Manage Channels in <c>member.permissions</c>; Slack: an admin id or any member when none is configured).
/// </summary>
public sealed record CommandContext(
    Platform Platform,
    string? WorkspaceId,
    string? ChannelId,
    string? UserId,
    bool CanManageChannel)
{
    /// <summary>
    /// Whether the bot itself can post in the channel, when the platform says so with the request (Discord's
    /// <c>app_permissions</c>); null when unknown.
    /// </summary>
    public bool? BotCanPost { get; init; }

    /// <summary>
    /// The tag of the kept unanswered question whose "did you mean" button sent this request (<see cref="Reply.SuggestionsFor"/>);
    /// null otherwise. From a button, so untrusted: only a well-formed tag is taken.
    /// </summary>
    public string? ChoiceFor { get; init; }

    public static CommandContext Console { get; } = new(Platform.Console, null, null, null, CanManageChannel: true);
}

/// <summary>A platform-neutral command: a name from <see cref="CommandNames"/> and its options.</summary>
public sealed record CommandRequest(string Name, IReadOnlyDictionary<string, string> Options, CommandContext Context)
{
    public static CommandRequest Create(string name, CommandContext context, params (string Key, string? Value)[] options) =>
        new(
            name,
            options.Where(o => !string.IsNullOrWhiteSpace(o.Value))
                .ToDictionary(o => o.Key, o => o.Value!.Trim(), StringComparer.OrdinalIgnoreCase),
            context);

    public string? Option(string key) => Options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;
}

/// <summary>The subcommand names of <c>/talks</c> (DESIGN §6) and their option names.</summary>
public static class CommandNames
{
    public const string Ask = "ask";
    public const string Who = "who";
    public const string Round = "round";
    public const string Timeline = "timeline";
    public const string Purchases = "purchases";
    public const string Figures = "figures";
    public const string Changes = "changes";
    public const string Sources = "sources";
    public const string Subscribe = "subscribe";
    public const string Unsubscribe = "unsubscribe";
    public const string Subscriptions = "subscriptions";
    public const string Help = "help";

    /// <summary>Why <c>ask</c> answered a question as it did. Not a slash subcommand: an answer's "Why?" button runs it,
    /// and the console's <c>bot ask --explain</c>.</summary>
    public const string Explain = "explain";
}

public static class OptionNames
{
    public const string Question = "question";
    public const string Name = "name";
    public const string Number = "number";
    public const string From = "from";
    public const string To = "to";
    public const string Item = "item";
    public const string Since = "since";
    public const string Topics = "topics";
    public const string Digest = "digest";
}
