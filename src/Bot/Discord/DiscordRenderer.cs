using System.Globalization;
using Bot.Commands;
using Bot.Facts;

namespace Bot.Discord;

/// <summary>
/// Renders a <see cref="Reply"/> as Discord messages: one embed per page (title, description, fields, a "Sources"
/// field with links, a footer with the sources and the as-of date), paginated with buttons when it does not fit, with
/// "did you mean", related-question and Share buttons, ephemeral unless shared, and
/// <c>allowed_mentions: {"parse": []}</c> on every message. Every limit of <see cref="DiscordLimits"/> holds for any
/// reply, however long.
/// </summary>
internal static class DiscordRenderer
{
    /// <summary>Fields on one page before the next begins, for readability; Discord allows 25.</summary>
    public const int FieldsPerPage = 10;

    private const int FooterBudget = 400;
    private const string EmptyText = "\u200B";

    /// <summary>Room kept in every page for the page number and a "more pages not shown" note in the footer.</summary>
    private const int FooterReserve = 100;

    /// <summary>Number of pages the reply needs.</summary>
    public static int PageCount(Reply reply) => Paginate(reply).Count;

    /// <summary>All pages as embeds, without buttons (channel posts, tests).</summary>
    public static IReadOnlyList<DiscordEmbed> RenderPages(Reply reply) => Paginate(reply);

    /// <summary>
    /// One page of the reply as a message, with page buttons (when <paramref name="origin"/> can be carried in a
    /// custom_id), suggestion buttons, and a Share button on ephemeral answers.
    /// </summary>
    public static DiscordMessage Render(Reply reply, CommandRequest? origin, int page, bool ephemeral)
    {
        var pages = Paginate(reply);
        page = Math.Clamp(page, 0, pages.Count - 1);
        var embed = pages[page];
        var rows = new List<DiscordComponent>();
        var first = new List<DiscordComponent>();

        if (pages.Count > 1)
        {
            var previous = origin is null ? null : DiscordCustomId.ForPage(origin, Math.Max(page - 1, 0), forward: false);
            var next = origin is null ? null : DiscordCustomId.ForPage(origin, Math.Min(page + 1, pages.Count - 1), forward: true);
            if (previous is not null && next is not null)
            {
                first.Add(DiscordComponent.Button("◀ Previous", previous, disabled: page == 0));
                first.Add(DiscordComponent.Button("Next ▶", next, ComponentType.StylePrimary, disabled: page == pages.Count - 1));
            }
            else
            {
                // The request is too long to carry in a button; say that the rest is not shown.
                embed = embed with
                {
                    Footer = new DiscordEmbedFooter(DiscordMarkdown.TruncatePlain(
                        $"{embed.Footer?.Text} · {pages.Count - 1} more page(s) not shown: narrow the request", DiscordLimits.FooterText)),
                };
            }
        }

        if (ephemeral && reply.Kind == ReplyKind.Answer)
        {
            first.Add(DiscordComponent.Button("Share", DiscordCustomId.ShareId));
        }

        // Why the bot answered (or did not), for the asker: a new message, the answer stays.
        if (ephemeral && reply.Explains is { } question && DiscordCustomId.ForSuggestion(CommandNames.Explain, question) is { } why)
        {
            first.Add(DiscordComponent.Button("Why?", why));
        }

        if (first.Count > 0)
        {
            rows.Add(DiscordComponent.Row(first));
        }

        var suggestions = Buttons(reply.Suggestions, origin?.Name ?? CommandNames.Ask, reply.SuggestionsFor, ComponentType.StylePrimary);
        if (suggestions.Count > 0)
        {
            rows.Add(DiscordComponent.Row(suggestions));
        }

        // Questions to ask next, for the asker only: a shared answer is the answer alone.
        var related = ephemeral ? Buttons(reply.Related, CommandNames.Ask, null, ComponentType.StyleSecondary) : [];
        if (related.Count > 0)
        {
            rows.Add(DiscordComponent.Row(related));
        }

        return new DiscordMessage
        {
            Embeds = [embed],
            Flags = ephemeral ? DiscordBits.Ephemeral : null,
            Components = rows,
        };
    }

    /// <summary>One button per question that fits a custom_id, each asking it again with <paramref name="command"/>.</summary>
    private static List<DiscordComponent> Buttons(IReadOnlyList<string> questions, string command, string? choiceFor, int style) =>
    [
        .. questions
            .Where(s => !string.IsNullOrWhiteSpace(s))
            .Select(s => (Label: DiscordMarkdown.TruncatePlain(s.Trim(), DiscordLimits.ButtonLabel), Id: DiscordCustomId.ForSuggestion(command, s, choiceFor)))
            .Where(s => s.Id is not null)
            .DistinctBy(s => s.Id)
            .Take(DiscordLimits.ButtonsPerRow)
            .Select(s => DiscordComponent.Button(s.Label, s.Id!, style)),
    ];

    /// <summary>A short message of our own (errors, refusals), ephemeral.</summary>
    public static DiscordMessage Notice(string title, string text) => new()
    {
        Embeds = [new DiscordEmbed
        {
            Title = DiscordMarkdown.Truncate(DiscordMarkdown.Escape(title), DiscordLimits.EmbedTitle),
            Description = DiscordMarkdown.Truncate(DiscordMarkdown.Escape(text), DiscordLimits.EmbedDescription),
            Color = ColorOf(ReplyKind.Rejected),
        }],
        Flags = DiscordBits.Ephemeral,
        Components = [],
    };

    /// <summary>
    /// A public copy of a message of ours for Share: its embeds (from the interaction's <c>message</c>) clamped to every
    /// limit again, no buttons, and a "Shared by" line whose mention pings nobody.
    /// </summary>
    public static DiscordMessage Share(IReadOnlyList<DiscordEmbed> embeds, string? userId)
    {
        var total = 0;
        var kept = new List<DiscordEmbed>();
        foreach (var embed in embeds.Take(DiscordLimits.EmbedsPerMessage))
        {
            var title = Clamp(embed.Title, DiscordLimits.EmbedTitle);
            var description = Clamp(embed.Description, DiscordLimits.EmbedDescription);
            var footer = embed.Footer?.Text is { Length: > 0 } f ? DiscordMarkdown.TruncatePlain(DiscordMarkdown.Sanitize(f), DiscordLimits.FooterText) : null;
            var size = (title?.Length ?? 0) + (description?.Length ?? 0) + (footer?.Length ?? 0);
            if (total + size > DiscordLimits.EmbedTotal)
            {
                continue;
            }

            var fields = new List<DiscordEmbedField>();
            foreach (var field in embed.Fields ?? [])
            {
                var name = Clamp(field.Name, DiscordLimits.FieldName) ?? EmptyText;
                var value = Clamp(field.Value, DiscordLimits.FieldValue) ?? EmptyText;
                if (fields.Count == DiscordLimits.EmbedFields || total + size + name.Length + value.Length > DiscordLimits.EmbedTotal)
                {
                    break;
                }

                fields.Add(new DiscordEmbedField(name, value, field.Inline));
                size += name.Length + value.Length;
            }

            if (size == 0)
            {
                continue;
            }

            total += size;
            kept.Add(new DiscordEmbed
            {
                Title = title,
                Description = description,
                Url = embed.Url is { Length: <= DiscordLimits.EmbedUrl } url && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme == "https" ? url : null,
                Color = embed.Color is >= 0 and <= DiscordLimits.MaxColor ? embed.Color : null,
                Fields = fields.Count > 0 ? fields : null,
                Footer = footer is null ? null : new DiscordEmbedFooter(footer),
            });
        }

        return new DiscordMessage
        {
            Content = userId is not null && userId.All(char.IsAsciiDigit) && userId.Length is > 0 and <= 20 ? $"Shared by <@{userId}>" : null,
            Embeds = kept,
            Components = [],
        };

        static string? Clamp(string? text, int max) =>
            string.IsNullOrWhiteSpace(text) ? null : DiscordMarkdown.Truncate(DiscordMarkdown.Sanitize(text.Trim()), max);
    }

    private static List<DiscordEmbed> Paginate(Reply reply)
    {
        var title = DiscordMarkdown.Truncate(DiscordMarkdown.Escape(string.IsNullOrWhiteSpace(reply.Title) ? "talks" : reply.Title.Trim()), DiscordLimits.EmbedTitle);
        var footer = Footer(reply);
        var budget = DiscordLimits.EmbedTotal - title.Length - footer.Length - FooterReserve;
        var color = ColorOf(reply.Kind);

        var pages = new List<(string? Description, List<DiscordEmbedField> Fields, int Size)>();
        (string? Description, List<DiscordEmbedField> Fields, int Size) current = (null, [], 0);

        void Flush()
        {
            pages.Add(current);
            current = (null, [], 0);
        }

        foreach (var block in Blocks(reply))
        {
            if (block.Field is null)
            {
                if (current.Description is not null || current.Fields.Count > 0)
                {
                    Flush();
                }

                current.Description = block.Description;
                current.Size += block.Description!.Length;
                continue;
            }

            var size = block.Field.Name.Length + block.Field.Value.Length;
            if (current.Fields.Count >= FieldsPerPage || current.Size + size > budget)
            {
                Flush();
            }

            current.Fields.Add(block.Field);
            current.Size += size;
        }

        if (current.Description is not null || current.Fields.Count > 0 || pages.Count == 0)
        {
            Flush();
        }

        return [.. pages.Select((p, i) => new DiscordEmbed
        {
            Title = title,
            Description = p.Description,
            Color = color,
            Fields = p.Fields.Count > 0 ? p.Fields : null,
            Footer = pages.Count > 1
                ? new DiscordEmbedFooter(string.Create(CultureInfo.InvariantCulture, $"{footer} · Page {i + 1}/{pages.Count}").TrimStart(' ', '·'))
                : footer.Length > 0 ? new DiscordEmbedFooter(footer) : null,
        })];
    }

    private sealed record Block(string? Description, DiscordEmbedField? Field);

    private static IEnumerable<Block> Blocks(Reply reply)
    {
        foreach (var piece in DiscordMarkdown.Split(DiscordMarkdown.Escape(reply.Body), DiscordLimits.EmbedDescription))
        {
            yield return new Block(piece, null);
        }

        var suggestions = reply.Suggestions.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => "• " + DiscordMarkdown.Escape(s.Trim()));
        foreach (var field in Fields("Did you mean", suggestions, inline: false))
        {
            yield return new Block(null, field);
        }

        foreach (var field in reply.Fields)
        {
            var name = DiscordMarkdown.Escape(string.IsNullOrWhiteSpace(field.Name) ? EmptyText : field.Name.Trim()).Replace('\n', ' ');
            var pieces = DiscordMarkdown.Split(DiscordMarkdown.Escape(field.Value), DiscordLimits.FieldValue);
            if (pieces.Count == 0)
            {
                pieces.Add(EmptyText);
            }

            for (var i = 0; i < pieces.Count; i++)
            {
                var label = i == 0 ? name : name + " (continued)";
                yield return new Block(null, new DiscordEmbedField(
                    DiscordMarkdown.Truncate(label, DiscordLimits.FieldName), pieces[i], field.Inline && pieces.Count == 1 ? true : null));
            }
        }

        var links = reply.Sources
            .DistinctBy(s => s.Id)
            .Select(s => (Source: s, Target: DiscordMarkdown.LinkTarget(s.Url)))
            .Select(s =>
            {
                var label = DiscordMarkdown.Truncate(DiscordMarkdown.EscapeLinkLabel($"{s.Source.Publisher}: {s.Source.Title}"), 300);
                return s.Target is null || s.Target.Length > 600
                    ? $"{label} ({s.Source.Date})"
                    : $"[{label}]({s.Target}) ({s.Source.Date})";
            });
        foreach (var field in Fields("Sources", links, inline: false))
        {
            yield return new Block(null, field);
        }
    }

    /// <summary>Packs lines into as few fields as the value limit allows, named "Name", "Name (continued)", ...</summary>
    private static IEnumerable<DiscordEmbedField> Fields(string name, IEnumerable<string> lines, bool inline)
    {
        var value = new System.Text.StringBuilder();
        var first = true;
        foreach (var raw in lines)
        {
            var line = DiscordMarkdown.Truncate(raw, DiscordLimits.FieldValue);
            if (value.Length > 0 && value.Length + 1 + line.Length > DiscordLimits.FieldValue)
            {
                yield return new DiscordEmbedField(first ? name : name + " (continued)", value.ToString(), inline ? true : null);
                first = false;
                value.Clear();
            }

            if (value.Length > 0)
            {
                value.Append('\n');
            }

            value.Append(line);
        }

        if (value.Length > 0)
        {
            yield return new DiscordEmbedField(first ? name : name + " (continued)", value.ToString(), inline ? true : null);
        }
    }

    /// <summary>"Sources: Reuters, Asahi Shimbun +2 more · As of May 30, 2025 · Confidence 82%": plain text, footers show no markdown.</summary>
    private static string Footer(Reply reply)
    {
        var parts = new List<string>();
        var publishers = reply.Sources.Select(s => s.Publisher.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (publishers.Count > 0)
        {
            var shown = new List<string>();
            var length = 0;
            foreach (var publisher in publishers)
            {
                if (length + publisher.Length > FooterBudget / 2 && shown.Count > 0)
                {
                    break;
                }

                shown.Add(DiscordMarkdown.TruncatePlain(publisher, 80));
                length += publisher.Length + 2;
            }

            var more = publishers.Count - shown.Count;
            parts.Add("Sources: " + string.Join(", ", shown) + (more > 0 ? $" +{more} more" : ""));
        }

        if (reply.AsOf is { } asOf)
        {
            parts.Add("As of " + asOf.ToDisplay());
        }

        if (reply.Confidence is { } confidence)
        {
            parts.Add($"Confidence {Reply.Percent(confidence)}");
        }

        return DiscordMarkdown.TruncatePlain(string.Join(" · ", parts).ReplaceLineEndings(" "), FooterBudget);
    }

    private static int ColorOf(ReplyKind kind) => kind switch
    {
        ReplyKind.Answer => 0x5865F2,
        ReplyKind.Confirmation => 0x57F287,
        ReplyKind.NotFound or ReplyKind.Abstained => 0xFEE75C,
        ReplyKind.Rejected => 0xED4245,
        _ => 0x99AAB5,
    };
}
