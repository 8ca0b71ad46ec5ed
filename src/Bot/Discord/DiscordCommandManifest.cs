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

    /// <summary>
    /// The descriptions in Japanese, which Discord shows to users whose client is set to Japanese (the bot answers
    /// questions asked in Japanese in Japanese). Keyed by subcommand, or subcommand and option; the command and option
    /// names stay as they are, since the handlers match them. Declared before <see cref="Commands"/>, which reads it.
    /// </summary>
    private static readonly Dictionary<string, string> s_japanese = new(StringComparer.Ordinal)
    {
        [CommandName] = "2025年の日米関税交渉に関するファクト（出典付き）。",
        [CommandNames.Ask] = "自由に質問する（日本語の質問にも対応）。",
        [$"{CommandNames.Ask}.{OptionNames.Question}"] = "知りたいことは？",
        [CommandNames.Who] = "人物：日米どちら側か、役職の変遷、出席した交渉回、主な発言。",
        [$"{CommandNames.Who}.{OptionNames.Name}"] = "氏名、姓、または役職",
        [CommandNames.Round] = "特定の交渉回、または全回の一覧。",
        [$"{CommandNames.Round}.{OptionNames.Number}"] = "第何回か（省略すると一覧）",
        [CommandNames.Timeline] = "時系列の出来事（期間の指定も可）。",
        [$"{CommandNames.Timeline}.{OptionNames.From}"] = "開始日 YYYY-MM-DD",
        [$"{CommandNames.Timeline}.{OptionNames.To}"] = "終了日 YYYY-MM-DD",
        [CommandNames.Purchases] = "購入・投資計画（数値と進捗状況）。",
        [$"{CommandNames.Purchases}.{OptionNames.Item}"] = "品目（例：コメ、大豆、ボーイング、rice）",
        [CommandNames.Figures] = "関税率、貿易赤字、投資などの数値。",
        [$"{CommandNames.Figures}.{OptionNames.Name}"] = "項目名（例：自動車関税、auto tariff）",
        [CommandNames.Changes] = "指定日以降に追加・変更された収録データ。",
        [$"{CommandNames.Changes}.{OptionNames.Since}"] = "日付 YYYY-MM-DD",
        [CommandNames.Sources] = "収録データの範囲、バージョン、出典。",
        [CommandNames.Subscribe] = "このチャンネルに収録データの更新を投稿する（「チャンネルの管理」権限が必要）。",
        [$"{CommandNames.Subscribe}.{OptionNames.Topics}"] = "カンマ区切り：rounds（交渉回）, people（人物）, figures（数値）, purchases（購入）, events（出来事）。省略時はすべて",
        [$"{CommandNames.Subscribe}.{OptionNames.Digest}"] = "変更ごとではなく、1日1回まとめて投稿する",
        [CommandNames.Unsubscribe] = "このチャンネルへの更新の投稿を停止する（「チャンネルの管理」権限が必要）。",
        [CommandNames.Subscriptions] = "このチャンネルの購読設定。",
        [CommandNames.Help] = "/talks の使い方。",
    };

    public static IReadOnlyList<DiscordCommandDefinition> Commands { get; } =
    [
        new DiscordCommandDefinition
        {
            Name = CommandName,
            Description = "Facts about the 2025 Japan–US tariff negotiations, with sources.",
            DescriptionLocalizations = Japanese(CommandName),
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
        DescriptionLocalizations = Japanese(name),
        Options = options.Length > 0 ? [.. options.Select(o => o with { DescriptionLocalizations = Japanese($"{name}.{o.Name}") })] : null,
    };

    private static Dictionary<string, string>? Japanese(string key) =>
        s_japanese.TryGetValue(key, out var text) ? new Dictionary<string, string>(StringComparer.Ordinal) { ["ja"] = text } : null;

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
