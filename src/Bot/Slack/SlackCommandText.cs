using System.Collections.Frozen;
using Bot.Commands;

namespace Bot.Slack;

/// <summary>
/// Turns the <c>text</c> of <c>/talks …</c> into a <see cref="CommandRequest"/>: the first word names the subcommand
/// (<c>round 4</c>, <c>who bessent</c>, <c>ask …</c>); text that starts with no subcommand is a question for <c>ask</c>;
/// empty text or <c>help</c> is usage. Commands with several options also take <c>key:value</c> words
/// (<c>timeline from:2025-04 to:2025-07</c>, <c>subscribe topics:rounds,figures digest:daily</c>).
/// </summary>
internal static class SlackCommandText
{
    private static readonly FrozenSet<string> s_subcommands = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        CommandNames.Ask, CommandNames.Who, CommandNames.Round, CommandNames.Timeline, CommandNames.Purchases,
        CommandNames.Figures, CommandNames.Changes, CommandNames.Sources, CommandNames.Subscribe,
        CommandNames.Unsubscribe, CommandNames.Subscriptions, CommandNames.Help);

    /// <summary>First words after which <c>who …</c> is a question, not a name: "who is akazawa", "who signed the deal".</summary>
    private static readonly FrozenSet<string> s_questionWords = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "is", "was", "are", "were", "did", "does", "do", "has", "have", "had", "will", "would", "can", "could", "should",
        "said", "says", "say", "signed", "signs", "led", "leads", "leading", "negotiated", "negotiates", "represented",
        "represents", "met", "meets", "attended", "the", "in", "from", "on", "at", "for", "of", "visited", "announced");

    private static readonly char[] s_space = [' ', '\t', '\n', '\r'];

    public static bool IsSubcommand(string word) => s_subcommands.Contains(word);

    /// <summary>
    /// Slack escapes <c>&amp;</c>, <c>&lt;</c> and <c>&gt;</c> in command text; our core takes plain text
    /// (adapters escape again on the way out).
    /// </summary>
    public static string Unescape(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal)
            .Replace("&gt;", ">", StringComparison.Ordinal)
            .Replace("&amp;", "&", StringComparison.Ordinal);

    /// <summary>Maps already-unescaped command text to a request.</summary>
    public static CommandRequest Parse(string text, CommandContext context)
    {
        var trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            return CommandRequest.Create(CommandNames.Help, context);
        }

        var space = trimmed.IndexOfAny(s_space);
        var first = space < 0 ? trimmed : trimmed[..space];
        var rest = space < 0 ? "" : trimmed[(space + 1)..].Trim();
        if (!IsSubcommand(first))
        {
            return Ask(trimmed, context);
        }

        switch (first.ToLowerInvariant())
        {
            case CommandNames.Ask:
                return Ask(rest, context);
            case CommandNames.Who:
                return LooksLikeName(rest)
                    ? CommandRequest.Create(CommandNames.Who, context, (OptionNames.Name, rest))
                    : Ask(trimmed, context);
            case CommandNames.Round:
                // "round 4", "round fourth", "round 2025-05-30"; "round of talks in may?" is a question.
                return rest.IndexOfAny(s_space) < 0 && !rest.EndsWith('?')
                    ? CommandRequest.Create(CommandNames.Round, context, (OptionNames.Number, rest.TrimStart('#')))
                    : Ask(trimmed, context);
            case CommandNames.Timeline:
                return Timeline(rest, context);
            case CommandNames.Purchases:
                return CommandRequest.Create(CommandNames.Purchases, context, (OptionNames.Item, rest));
            case CommandNames.Figures:
                return CommandRequest.Create(CommandNames.Figures, context, (OptionNames.Name, rest));
            case CommandNames.Changes:
                return CommandRequest.Create(CommandNames.Changes, context, (OptionNames.Since, KeyValue(rest, OptionNames.Since) ?? rest));
            case CommandNames.Subscribe:
                return Subscribe(rest, context);
            default:
                // sources, unsubscribe, subscriptions, help: no options.
                return CommandRequest.Create(first.ToLowerInvariant(), context);
        }
    }

    /// <summary>The command text a "did you mean" button runs: the suggestion as a command of its own, or for the same command.</summary>
    public static string ForSuggestion(string origin, string suggestion)
    {
        var first = suggestion.Split(s_space, 2)[0];
        return origin.Equals(CommandNames.Ask, StringComparison.OrdinalIgnoreCase) || !IsSubcommand(first)
            ? $"{(IsSubcommand(origin) ? origin : CommandNames.Ask)} {suggestion}"
            : suggestion;
    }

    private static CommandRequest Ask(string question, CommandContext context) =>
        CommandRequest.Create(CommandNames.Ask, context, (OptionNames.Question, question));

    private static bool LooksLikeName(string rest)
    {
        if (rest.Length == 0)
        {
            return true;
        }

        var words = rest.Split(s_space, StringSplitOptions.RemoveEmptyEntries);
        return words.Length <= 3 && !rest.EndsWith('?') && !s_questionWords.Contains(words[0]);
    }

    private static CommandRequest Timeline(string rest, CommandContext context)
    {
        string? from = null, to = null;
        var words = rest.Split(s_space, StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < words.Length; i++)
        {
            var (key, value) = Split(words[i]);
            if (key is null && i + 1 < words.Length && words[i].ToLowerInvariant() is "from" or "since" or "to" or "until")
            {
                key = words[i].ToLowerInvariant() is "from" or "since" ? OptionNames.From : OptionNames.To;
                value = words[++i];
            }

            switch (key?.ToLowerInvariant())
            {
                case OptionNames.From or "since":
                    from = value;
                    break;
                case OptionNames.To or "until":
                    to = value;
                    break;
                default:
                    if (from is null)
                    {
                        from = words[i];
                    }
                    else
                    {
                        to ??= words[i];
                    }

                    break;
            }
        }

        return CommandRequest.Create(CommandNames.Timeline, context, (OptionNames.From, from), (OptionNames.To, to));
    }

    private static CommandRequest Subscribe(string rest, CommandContext context)
    {
        var topics = new List<string>();
        string? digest = null;
        foreach (var word in rest.Split(s_space, StringSplitOptions.RemoveEmptyEntries))
        {
            var (key, value) = Split(word);
            switch (key?.ToLowerInvariant())
            {
                case OptionNames.Topics:
                    topics.Add(value);
                    break;
                case OptionNames.Digest:
                    digest = value;
                    break;
                default:
                    switch (word.ToLowerInvariant())
                    {
                        case "digest" or "daily":
                            digest = "true";
                            break;
                        case "immediate" or "instant" or "live":
                            digest = "false";
                            break;
                        default:
                            // Topic names, alone or comma-separated; the handler rejects unknown ones with the list.
                            topics.Add(word.Trim(','));
                            break;
                    }

                    break;
            }
        }

        var topicList = string.Join(',', topics.SelectMany(t => t.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)));
        return CommandRequest.Create(CommandNames.Subscribe, context, (OptionNames.Topics, topicList), (OptionNames.Digest, digest));
    }

    private static string? KeyValue(string rest, string key)
    {
        var (k, v) = Split(rest);
        return k is not null && k.Equals(key, StringComparison.OrdinalIgnoreCase) ? v : null;
    }

    /// <summary><c>key:value</c> or <c>key=value</c> → (key, value); anything else → (null, word).</summary>
    private static (string? Key, string Value) Split(string word)
    {
        var at = word.IndexOfAny([':', '=']);
        return at > 0 && at < word.Length - 1 && word[..at].All(char.IsAsciiLetter)
            ? (word[..at], word[(at + 1)..])
            : (null, word);
    }
}
