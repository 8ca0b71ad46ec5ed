using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using Bot.Commands;

namespace Bot.Discord;

/// <summary>What a button of ours asks for when clicked; parsed from its <c>custom_id</c>.</summary>
internal abstract record DiscordButton
{
    /// <summary>Show page <paramref name="Target"/> of the reply to <paramref name="Command"/> with <paramref name="Options"/>.</summary>
    public sealed record Page(int Target, string Command, IReadOnlyDictionary<string, string> Options) : DiscordButton;

    /// <summary>Answer a "did you mean" suggestion offered by a reply to <paramref name="Command"/>; <paramref name="ChoiceFor"/>
    /// is the tag of the kept question it was offered for, if any.</summary>
    public sealed record Suggestion(string Command, string Text, string? ChoiceFor = null) : DiscordButton;

    /// <summary>Post the message the button is on publicly.</summary>
    public sealed record Share : DiscordButton;
}

/// <summary>
/// Encodes and validates the <c>custom_id</c>s of our buttons. A custom_id carries everything a click needs (Discord
/// keeps no state for us, and any replica may receive the click), fits in 100 characters, and is parsed as untrusted
/// input: only read-only commands and their own options are accepted, never subscribe or unsubscribe.
/// <list type="bullet">
/// <item><c>pg:{n|p}{page}:{command}:{key=value&amp;...}</c> next/previous page</item>
/// <item><c>sg:{command}:{text}</c> a suggestion offered by a reply to command</item>
/// <item><c>sc:{tag}:{command}:{text}</c> the same, offered for the kept unanswered question with that tag</item>
/// <item><c>sh</c> share</item>
/// </list>
/// Values are percent-encoded, except printable characters past ASCII (kana, kanji, accented letters), which are
/// kept as they are: a question in Japanese then fits (「第4回交渉はいつ」 is 8 characters, not 72).
/// </summary>
internal static class DiscordCustomId
{
    public const string ShareId = "sh";
    private const string PagePrefix = "pg";
    private const string SuggestionPrefix = "sg";
    private const string ChoicePrefix = "sc";
    private const int MaxPage = 999;

    /// <summary>Commands a button may run again, with the options each accepts.</summary>
    private static readonly FrozenDictionary<string, FrozenSet<string>> s_readOnly = new Dictionary<string, string[]>
    {
        [CommandNames.Ask] = [OptionNames.Question],
        [CommandNames.Explain] = [OptionNames.Question],
        [CommandNames.Who] = [OptionNames.Name],
        [CommandNames.Round] = [OptionNames.Number],
        [CommandNames.Timeline] = [OptionNames.From, OptionNames.To],
        [CommandNames.Purchases] = [OptionNames.Item],
        [CommandNames.Figures] = [OptionNames.Name],
        [CommandNames.Changes] = [OptionNames.Since],
        [CommandNames.Sources] = [],
        [CommandNames.Subscriptions] = [],
        [CommandNames.Help] = [],
    }.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenSet(StringComparer.Ordinal), StringComparer.Ordinal);

    public static bool IsReadOnly(string command) => s_readOnly.ContainsKey(command);

    /// <summary>The custom_id of a page button, or null when the request cannot be carried in 100 characters.</summary>
    public static string? ForPage(CommandRequest origin, int target, bool forward)
    {
        var command = origin.Name.ToLowerInvariant();
        if (!s_readOnly.TryGetValue(command, out var allowed) || target is < 0 or > MaxPage)
        {
            return null;
        }

        var options = string.Join('&', origin.Options
            .Where(o => allowed.Contains(o.Key.ToLowerInvariant()))
            .OrderBy(o => o.Key, StringComparer.OrdinalIgnoreCase)
            .Select(o => o.Key.ToLowerInvariant() + "=" + Escape(o.Value)));
        var id = string.Create(CultureInfo.InvariantCulture, $"{PagePrefix}:{(forward ? 'n' : 'p')}{target}:{command}:{options}");
        return id.Length <= DiscordLimits.CustomId ? id : null;
    }

    /// <summary>The custom_id of a suggestion button, or null when it does not fit. With <paramref name="choiceFor"/>,
    /// a kept question's tag, when that still fits: the click then also keeps the user's choice.</summary>
    public static string? ForSuggestion(string originCommand, string text, string? choiceFor = null)
    {
        var command = originCommand.ToLowerInvariant();
        if (!s_readOnly.ContainsKey(command) || string.IsNullOrWhiteSpace(text))
        {
            command = CommandNames.Ask;
        }

        var escaped = Escape(text.Trim());
        if (Answering.UnansweredQuestion.IsTag(choiceFor) && $"{ChoicePrefix}:{choiceFor}:{command}:{escaped}" is { Length: <= DiscordLimits.CustomId } choice)
        {
            return choice;
        }

        var id = $"{SuggestionPrefix}:{command}:{escaped}";
        return id.Length <= DiscordLimits.CustomId ? id : null;
    }

    public static bool TryParse(string? customId, [NotNullWhen(true)] out DiscordButton? button)
    {
        button = null;
        if (string.IsNullOrEmpty(customId) || customId.Length > DiscordLimits.CustomId)
        {
            return false;
        }

        if (customId == ShareId)
        {
            button = new DiscordButton.Share();
            return true;
        }

        var parts = customId.Split(':', 4);
        switch (parts)
        {
            case [PagePrefix, var page, var command, var options]
                when page.Length >= 2 && page[0] is 'n' or 'p'
                && int.TryParse(page.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var target)
                && target <= MaxPage
                && s_readOnly.TryGetValue(command, out var allowed)
                && TryParseOptions(options, allowed, out var parsed):
                button = new DiscordButton.Page(target, command, parsed);
                return true;

            case [SuggestionPrefix, var command, var text]
                when s_readOnly.ContainsKey(command) && TryUnescape(text, out var suggestion) && suggestion.Length > 0:
                button = new DiscordButton.Suggestion(command, suggestion);
                return true;

            case [ChoicePrefix, var tag, var command, var text]
                when Answering.UnansweredQuestion.IsTag(tag) && s_readOnly.ContainsKey(command) && TryUnescape(text, out var suggestion) && suggestion.Length > 0:
                button = new DiscordButton.Suggestion(command, suggestion, tag);
                return true;

            default:
                return false;
        }
    }

    private static bool TryParseOptions(string text, FrozenSet<string> allowed, out IReadOnlyDictionary<string, string> options)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        options = result;
        if (text.Length == 0)
        {
            return true;
        }

        foreach (var pair in text.Split('&'))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !allowed.Contains(pair[..eq]) || !TryUnescape(pair[(eq + 1)..], out var value)
                || value.Length == 0 || !result.TryAdd(pair[..eq], value))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Percent-encodes the UTF-8 of every character but the printable ASCII the parser takes as it is and the
    /// printable characters past ASCII (<see cref="IsKeptAsIs"/>).</summary>
    internal static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        Span<byte> utf8 = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.IsBmp && (IsPlainAscii((char)rune.Value) || IsKeptAsIs((char)rune.Value)))
            {
                sb.Append((char)rune.Value);
                continue;
            }

            var length = rune.EncodeToUtf8(utf8);
            foreach (var b in utf8[..length])
            {
                sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return sb.ToString();
    }

    /// <summary>Printable ASCII that needs no escape: not a space, '%', or the separators ':', '&amp;' and '='.</summary>
    private static bool IsPlainAscii(char c) => c is > ' ' and < '\u007f' and not ('%' or '&' or '=' or ':');

    /// <summary>A printable character past ASCII: not a control, format, space, surrogate or private-use character.</summary>
    private static bool IsKeptAsIs(char c) =>
        c >= '\u00a0' && !char.IsWhiteSpace(c) && CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format
            or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned);

    /// <summary>Percent-decodes; refuses malformed escapes, invalid UTF-8 and control characters.</summary>
    private static bool TryUnescape(string text, out string value)
    {
        value = "";
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '%')
            {
                if (i + 2 >= text.Length || !byte.TryParse(text.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
                {
                    return false;
                }

                bytes.Add(b);
                i += 2;
            }
            else if (IsPlainAscii(c))
            {
                bytes.Add((byte)c);
            }
            else if (IsKeptAsIs(c))
            {
                bytes.AddRange(Encoding.UTF8.GetBytes([c]));
            }
            else
            {
                return false;
            }
        }

        try
        {
            value = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString([.. bytes]);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        return !value.Any(char.IsControl);
    }
}
