using Bot.Facts;

namespace Bot.Commands;

/// <summary><c>sources</c>: what the fact base covers, its version and its sources.</summary>
internal sealed class SourcesCommand(IFactBaseProvider facts) : ICommandHandler
{
    public const string CommandName = CommandNames.Sources;

    public string Name => CommandName;

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken ct)
    {
        var fb = facts.Current;
        var counts = string.Join(", ", fb.Facts.GroupBy(f => f.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Plural(g.Key)}"));
        var dated = fb.Facts.Where(f => f.Date is not null).Select(f => f.Date!.Value).ToList();
        var span = dated.Count == 0 ? "" : $" Events run from {dated.Min().ToDisplay()} to {dated.Max().ToDisplay()}.";
        var disputed = fb.Facts.Count(f => f.IsDisputed);
        return Task.FromResult(new Reply
        {
            Kind = ReplyKind.Answer,
            Title = "What this bot knows",
            Body = $"{fb.Facts.Count} curated facts ({counts}), {disputed} of them disputed and shown with every side, from {fb.Sources.Count} sources.{span} "
                + $"Fact-base version {fb.ShortVersion}, as of {fb.AsOf?.ToDisplay() ?? "unknown"}.",
            Fields = [.. fb.Sources.OrderByDescending(s => s.Date).ThenBy(s => s.Publisher, StringComparer.Ordinal)
                .Select(s => new ReplyField($"{s.Publisher} ({s.Date})", $"{s.Title} — {s.Url}"))],
            AsOf = fb.AsOf,
        });
    }

    private static string Plural(FactKind kind) => kind switch
    {
        FactKind.Person => "people",
        FactKind.Round => "rounds and trips",
        FactKind.Event => "events",
        FactKind.Figure => "figures",
        FactKind.Purchase => "purchase plans",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
