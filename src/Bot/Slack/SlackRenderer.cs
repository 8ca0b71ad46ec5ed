using System.Globalization;
using System.Text;
using Bot.Commands;
using Bot.Facts;

namespace Bot.Slack;

/// <summary>Who sees a rendered reply: the caller only (with buttons), or the whole channel (after Share, no buttons).</summary>
internal enum SlackAudience
{
    Ephemeral,
    Channel,
}

/// <summary>Which page of which command's reply to render, and for whom.</summary>
internal sealed record SlackView(string CommandText, int Page, SlackAudience Audience);

/// <summary>Block Kit limits we render within (Slack's block reference; see shared/research/slack.md §1.7).</summary>
internal static class SlackLimits
{
    public const int Blocks = 50;
    public const int SectionText = 3000;
    public const int SectionFields = 10;
    public const int SectionFieldText = 2000;
    public const int HeaderText = 150;
    public const int ContextElements = 10;
    public const int ContextText = 2000;
    public const int ActionsElements = 25;
    public const int ButtonText = 75;
    public const int ActionId = 255;
    public const int ButtonValue = 2000;

    /// <summary>Top-level <c>text</c>: Slack refuses messages with about 4,000 characters; we stay at 3,000.</summary>
    public const int FallbackText = 3000;
}

/// <summary>
/// Renders our <see cref="Reply"/> as a Slack message: a header, the body and fields as mrkdwn sections, "did you mean"
/// or related-question buttons, a context block with the sources and the as-of date, and Previous / Next / Share
/// buttons. Long replies are split into pages. Every piece of our text is escaped (<c>&amp;</c>, <c>&lt;</c>,
/// <c>&gt;</c>) and marked <c>verbatim</c>, so nothing in a fact or a question becomes a mention or a link.
/// </summary>
internal static class SlackRenderer
{
    public const string ShareAction = "talks.share";
    public const string PreviousPageAction = "talks.page.previous";
    public const string NextPageAction = "talks.page.next";
    public const string SuggestionActionPrefix = "talks.suggest.";

    /// <summary>A related question offered with an answer: its click answers in a new message, keeping the answer.</summary>
    public const string RelatedActionPrefix = "talks.related.";

    /// <summary>"Why?" on an answer or abstention: its value is the question, explained in a new message.</summary>
    public const string ExplainAction = "talks.explain";

    /// <summary>Fields (list items) per page: a screenful that stays readable.</summary>
    public const int FieldsPerPage = 10;

    /// <summary>Characters of section text per page: well below Slack's undocumented ~12,000 total.</summary>
    public const int PageTextBudget = 6000;

    private const int MaxSuggestions = 5;

    public static SlackMessage Working { get; } = new()
    {
        ResponseType = SlackMessage.Ephemeral,
        Text = "Working on it…",
    };

    public static SlackMessage Busy { get; } = new()
    {
        ResponseType = SlackMessage.Ephemeral,
        Text = "Sorry, I'm busy right now. Please try again in a moment.",
    };

    public static SlackMessage Apology { get; } = new()
    {
        ResponseType = SlackMessage.Ephemeral,
        Text = "Sorry, something went wrong while answering. It has been logged; please try again.",
    };

    /// <summary>Escapes the three control characters of Slack text, and nothing else.</summary>
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    public static int PageCount(Reply reply) => Paginate(reply).Count;

    /// <summary>One page of the reply. A page past the end shows the last page (the fact base may have changed since the button was drawn).</summary>
    public static SlackMessage Render(Reply reply, string commandName, SlackView view)
    {
        var pages = Paginate(reply);
        var page = Math.Clamp(view.Page, 0, pages.Count - 1);
        var ephemeral = view.Audience == SlackAudience.Ephemeral;
        var blocks = new List<SlackBlock>();

        var title = reply.Title.Trim();
        if (title.Length > 0)
        {
            blocks.Add(new SlackHeaderBlock(SlackText.Plain(Truncate(title, SlackLimits.HeaderText))));
        }

        blocks.AddRange(pages[page]);

        if (ephemeral && Buttons(reply.Suggestions, commandName, n => SuggestionAction(n, reply.SuggestionsFor)) is { Count: > 0 } suggestions)
        {
            blocks.Add(new SlackActionsBlock(suggestions));
        }

        // Questions to ask next, for the asker only.
        if (ephemeral && Buttons(reply.Related, CommandNames.Ask, RelatedAction) is { Count: > 0 } related)
        {
            blocks.Add(new SlackActionsBlock(related));
        }

        if (Context(reply, page, pages.Count) is { Count: > 0 } context)
        {
            blocks.Add(new SlackContextBlock(context));
        }

        if (ephemeral && Navigation(reply, view.CommandText, page, pages.Count) is { Count: > 0 } navigation)
        {
            blocks.Add(new SlackActionsBlock(navigation));
        }

        return new SlackMessage
        {
            ResponseType = ephemeral ? SlackMessage.Ephemeral : SlackMessage.InChannel,
            Text = Fallback(reply),
            Blocks = blocks.Count > 0 ? blocks : null,
        };
    }

    /// <summary>
    /// Splits plain text into escaped pieces of at most <paramref name="max"/> characters, breaking at a line end or a
    /// space where one is near, never inside an escape or a surrogate pair.
    /// </summary>
    public static IReadOnlyList<string> SplitEscaped(string plain, int max)
    {
        var chunks = new List<string>();
        var rest = plain.Trim();
        while (rest.Length > 0)
        {
            int n = 0, length = 0;
            while (n < rest.Length && length + EscapedLength(rest[n]) <= max)
            {
                length += EscapedLength(rest[n]);
                n++;
            }

            if (n < rest.Length)
            {
                var cut = rest.LastIndexOf('\n', n);
                if (cut < n / 2)
                {
                    cut = rest.LastIndexOf(' ', n);
                }

                n = cut >= n / 2 && cut > 0 ? cut : n;
                if (n > 0 && char.IsHighSurrogate(rest[n - 1]))
                {
                    n--;
                }
            }

            var piece = rest[..n].TrimEnd();
            if (piece.Length > 0)
            {
                chunks.Add(Escape(piece));
            }

            rest = rest[n..].TrimStart();
        }

        return chunks;
    }

    private static int EscapedLength(char c) => c switch
    {
        '&' => 5,
        '<' or '>' => 4,
        _ => 1,
    };

    private static string Truncate(string plain, int max)
    {
        if (plain.Length <= max)
        {
            return plain;
        }

        var n = max - 1;
        if (char.IsHighSurrogate(plain[n - 1]))
        {
            n--;
        }

        return plain[..n] + "…";
    }

    /// <summary>Escaped text of at most <paramref name="max"/> characters, with an ellipsis when cut.</summary>
    private static string EscapedPrefix(string plain, int max)
    {
        var pieces = SplitEscaped(plain, max - 1);
        return pieces.Count switch
        {
            0 => "",
            1 when Escape(plain.Trim()).Length <= max => pieces[0],
            _ => pieces[0] + "…",
        };
    }

    private static string Fallback(Reply reply)
    {
        var plain = reply.Body.Length > 0 ? $"{reply.Title}: {reply.Body}" : reply.Title;
        var text = EscapedPrefix(plain, SlackLimits.FallbackText);
        return text.Length > 0 ? text : "(no text)";
    }

    /// <summary>Content blocks per page: the body first, then the fields, at most <see cref="FieldsPerPage"/> and <see cref="PageTextBudget"/> a page.</summary>
    private static List<List<SlackBlock>> Paginate(Reply reply)
    {
        var units = new List<(SlackBlock Block, int Items, int Chars)>();
        foreach (var chunk in SplitEscaped(reply.Body, SlackLimits.SectionText))
        {
            units.Add((new SlackSectionBlock { Text = SlackText.Mrkdwn(chunk) }, 0, chunk.Length));
        }

        var inline = new List<string>();
        void FlushInline()
        {
            if (inline.Count > 0)
            {
                units.Add((new SlackSectionBlock { Fields = [.. inline.Select(SlackText.Mrkdwn)] }, inline.Count, inline.Sum(t => t.Length)));
                inline.Clear();
            }
        }

        foreach (var field in reply.Fields)
        {
            var name = field.Name.Trim().Length > 0 ? $"*{Escape(field.Name.Trim())}*" : "";
            var value = Escape(field.Value.Trim());
            var whole = name.Length > 0 && value.Length > 0 ? $"{name}\n{value}" : name + value;
            if (whole.Length == 0)
            {
                continue;
            }

            if (field.Inline && whole.Length <= SlackLimits.SectionFieldText)
            {
                inline.Add(whole);
                if (inline.Count == SlackLimits.SectionFields)
                {
                    FlushInline();
                }

                continue;
            }

            FlushInline();
            if (whole.Length <= SlackLimits.SectionText)
            {
                units.Add((new SlackSectionBlock { Text = SlackText.Mrkdwn(whole) }, 1, whole.Length));
                continue;
            }

            // A field longer than a section: its name heads the first piece.
            var pieces = SplitEscaped(field.Value, SlackLimits.SectionText - name.Length - 1);
            for (var i = 0; i < pieces.Count; i++)
            {
                var text = i == 0 && name.Length > 0 ? $"{name}\n{pieces[i]}" : pieces[i];
                units.Add((new SlackSectionBlock { Text = SlackText.Mrkdwn(text) }, i == 0 ? 1 : 0, text.Length));
            }
        }

        FlushInline();

        var pages = new List<List<SlackBlock>> { new() };
        int items = 0, chars = 0;
        foreach (var (block, unitItems, unitChars) in units)
        {
            if (pages[^1].Count > 0 && (items + unitItems > FieldsPerPage || chars + unitChars > PageTextBudget))
            {
                pages.Add([]);
                items = chars = 0;
            }

            pages[^1].Add(block);
            items += unitItems;
            chars += unitChars;
        }

        return pages;
    }

    /// <summary>
    /// <c>talks.suggest.{n}</c>, or <c>talks.suggest.{n}.{tag}</c> for suggestions offered for a kept unanswered question
    /// (<see cref="Reply.SuggestionsFor"/>): the click then also keeps the user's choice.
    /// </summary>
    internal static string SuggestionAction(int index, string? choiceFor) =>
        string.Create(CultureInfo.InvariantCulture, $"{SuggestionActionPrefix}{index}{(Answering.UnansweredQuestion.IsTag(choiceFor) ? "." + choiceFor : "")}");

    /// <summary>The kept question's tag a suggestion button's action_id carries, or null.</summary>
    internal static string? ChoiceFor(string actionId) =>
        actionId.StartsWith(SuggestionActionPrefix, StringComparison.Ordinal)
        && actionId[SuggestionActionPrefix.Length..].Split('.') is [_, var tag] && Answering.UnansweredQuestion.IsTag(tag)
            ? tag
            : null;

    /// <summary><c>talks.related.{n}</c>.</summary>
    internal static string RelatedAction(int index) => string.Create(CultureInfo.InvariantCulture, $"{RelatedActionPrefix}{index}");

    /// <summary>One button per question whose command text fits a button's value, each running it with <paramref name="commandName"/>.</summary>
    private static List<SlackButton> Buttons(IReadOnlyList<string> questions, string commandName, Func<int, string> actionId)
    {
        var buttons = new List<SlackButton>();
        foreach (var suggestion in questions.Select(s => s.Trim()).Where(s => s.Length > 0).Take(MaxSuggestions))
        {
            var value = SlackActionValue.Encode(0, SlackCommandText.ForSuggestion(commandName, suggestion));
            if (value.Length <= SlackLimits.ButtonValue)
            {
                buttons.Add(new SlackButton(SlackText.Plain(Truncate(suggestion, SlackLimits.ButtonText)), actionId(buttons.Count), value));
            }
        }

        return buttons;
    }

    private static List<SlackButton> Navigation(Reply reply, string commandText, int page, int pageCount)
    {
        var buttons = new List<SlackButton>();
        var here = SlackActionValue.Encode(page, commandText);
        if (here.Length > SlackLimits.ButtonValue - 8)
        {
            // The command text is too long to carry in a button; the reply is still shown, without buttons.
            return buttons;
        }

        if (page > 0)
        {
            buttons.Add(new SlackButton(SlackText.Plain("◀ Previous"), PreviousPageAction, SlackActionValue.Encode(page - 1, commandText)));
        }

        if (page < pageCount - 1)
        {
            buttons.Add(new SlackButton(SlackText.Plain("Next ▶"), NextPageAction, SlackActionValue.Encode(page + 1, commandText)));
        }

        if (reply.Kind == ReplyKind.Answer)
        {
            buttons.Add(new SlackButton(SlackText.Plain("Share"), ShareAction, here) { Style = "primary" });
        }

        if (reply.Explains is { } question && SlackActionValue.Encode(0, question.Trim()) is { Length: <= SlackLimits.ButtonValue } why)
        {
            buttons.Add(new SlackButton(SlackText.Plain("Why?"), ExplainAction, why));
        }

        return buttons;
    }

    private static List<SlackText> Context(Reply reply, int page, int pageCount)
    {
        var elements = new List<SlackText>();
        if (reply.Sources.Count > 0)
        {
            elements.Add(SlackText.Mrkdwn(SourcesText(reply.Sources)));
        }

        var notes = new List<string>();
        if (reply.AsOf is { } asOf)
        {
            notes.Add($"As of {asOf.ToDisplay()}");
        }

        if (reply.Confidence is { } confidence)
        {
            notes.Add($"confidence {Reply.Percent(confidence)}");
        }

        if (pageCount > 1)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"page {page + 1} of {pageCount}"));
        }

        if (notes.Count > 0)
        {
            elements.Add(SlackText.Mrkdwn(Escape(string.Join(" · ", notes))));
        }

        return elements;
    }

    private static string SourcesText(IReadOnlyList<Source> sources)
    {
        var sb = new StringBuilder(sources.Count == 1 ? "Source: " : "Sources: ");
        for (var i = 0; i < sources.Count; i++)
        {
            var s = sources[i];
            var label = Escape(Truncate($"{s.Publisher}: {s.Title}", 150));
            var entry = Link(s.Url, label) + $" ({Escape(s.Date.ToString())})";
            var separator = i == 0 ? "" : "; ";
            var more = sources.Count - i - 1;
            var reserve = more > 0 ? 24 : 0;
            if (sb.Length + separator.Length + entry.Length + reserve > SlackLimits.ContextText)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{separator}and {sources.Count - i} more");
                break;
            }

            sb.Append(separator).Append(entry);
        }

        return sb.ToString();
    }

    /// <summary><c>&lt;url|label&gt;</c> for an absolute http(s) address; the (already escaped) label alone otherwise.</summary>
    internal static string Link(Uri url, string label) =>
        url.IsAbsoluteUri && url.Scheme is "https" or "http" ? $"<{LinkUrl(url)}|{label}>" : label;

    /// <summary>A URL inside <c>&lt;url|label&gt;</c>: the characters that end or split the link are percent-encoded, <c>&amp;</c> escaped.</summary>
    private static string LinkUrl(Uri url) => url.AbsoluteUri
        .Replace("&", "&amp;", StringComparison.Ordinal)
        .Replace("<", "%3C", StringComparison.Ordinal)
        .Replace(">", "%3E", StringComparison.Ordinal)
        .Replace("|", "%7C", StringComparison.Ordinal);
}

/// <summary>
/// What a button carries: the page and the command text to run again (<c>"2|timeline 2025-04"</c>). It comes back from the
/// client, so it is parsed like any input and never trusted for permissions (those come from the clicking user).
/// </summary>
internal static class SlackActionValue
{
    public const int MaxPage = 999;

    public static string Encode(int page, string commandText) => string.Create(CultureInfo.InvariantCulture, $"{page}|{commandText}");

    public static bool TryDecode(string? value, out int page, out string commandText)
    {
        page = 0;
        commandText = "";
        var bar = value?.IndexOf('|', StringComparison.Ordinal) ?? -1;
        if (value is null || bar is < 1 or > 3
            || !int.TryParse(value.AsSpan(0, bar), NumberStyles.None, CultureInfo.InvariantCulture, out page)
            || page > MaxPage)
        {
            return false;
        }

        commandText = value[(bar + 1)..];
        return true;
    }
}
