using Bot.Facts;

namespace Bot.Commands;

/// <summary><c>timeline [from] [to]</c>: dated events and rounds in order, optionally within a date range.</summary>
internal sealed class TimelineCommand(IFactBaseProvider facts) : ICommandHandler
{
    public const string CommandName = CommandNames.Timeline;

    public string Name => CommandName;

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken ct)
    {
        var fb = facts.Current;
        var fromText = request.Option(OptionNames.From);
        var toText = request.Option(OptionNames.To);
        PartialDate? from = null, to = null;
        if (fromText is not null)
        {
            if (!PartialDate.TryParse(fromText, out var f))
            {
                return Task.FromResult(BadDate(fromText));
            }

            from = f;
        }

        if (toText is not null)
        {
            if (!PartialDate.TryParse(toText, out var t))
            {
                return Task.FromResult(BadDate(toText));
            }

            to = t;
        }

        var events = fb.Facts
            .Where(f => f.Kind is FactKind.Event or FactKind.Round && f.Date is not null)
            .Where(f => from is null || (f.EndDate ?? f.Date)!.Value.End >= from.Value.Start)
            .Where(f => to is null || f.Date!.Value.Start <= to.Value.End)
            .OrderBy(f => f.Date)
            .ThenBy(f => f.Id, StringComparer.Ordinal)
            .ToList();

        var span = (from, to) switch
        {
            (null, null) => "",
            ({ } f, null) => $" from {f.ToDisplay()}",
            (null, { } t) => $" up to {t.ToDisplay()}",
            ({ } f, { } t) => $" from {f.ToDisplay()} to {t.ToDisplay()}",
        };

        if (events.Count == 0)
        {
            return Task.FromResult(new Reply
            {
                Kind = ReplyKind.NotFound,
                Title = "Timeline",
                Body = $"No dated events{span}.",
            });
        }

        return Task.FromResult(FactReplies.ForList(fb, "Timeline", $"{events.Count} dated events{span}.", events,
            f => new ReplyField(FactReplies.DatedTitle(f), f.Text)));
    }

    private static Reply BadDate(string text) =>
        Reply.Rejected("Bad date", $"\"{FactReplies.Shorten(text, 40)}\" is not a date. Use YYYY-MM-DD, YYYY-MM or YYYY, e.g. 2025-05-01.");
}
