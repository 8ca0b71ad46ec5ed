using Bot.Facts;

namespace Bot.Commands;

/// <summary><c>sources</c>: what the fact base covers, its version and its sources.</summary>
internal sealed class SourcesCommand(IFactBaseProvider facts) : ICommandHandler
{
    public const string CommandName = CommandNames.Sources;

    public string Name => CommandName;

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken ct) => Task.FromResult(For(facts.Current));

    /// <summary>The reply: what <paramref name="fb"/> covers, then its sources, newest first.</summary>
    internal static Reply For(FactBase fb) => new()
    {
        Kind = ReplyKind.Answer,
        Title = "What this bot knows",
        Body = Summary(fb),
        Fields = [.. fb.Sources.OrderByDescending(s => s.Date).ThenBy(s => s.Publisher, StringComparer.Ordinal)
            .Select(s => new ReplyField($"{s.Publisher} ({s.Date})", $"{s.Title} — {s.Url}"))],
        AsOf = fb.AsOf,
    };

    /// <summary>How far <paramref name="fb"/> runs, for a question that asks how up to date the bot is ("how up to date
    /// is this", "when were you last updated"): the day it runs to, its version, its latest dated fact, and where to see
    /// what changed.</summary>
    internal static Reply Freshness(FactBase fb)
    {
        var last = fb.Facts.Where(f => f.Date is not null).MaxBy(f => f.Date!.Value);
        return new Reply
        {
            Kind = ReplyKind.Answer,
            Title = "How up to date the facts are",
            Body = $"The fact base runs to {fb.AsOf?.ToDisplay() ?? "an unknown day"} (version {fb.ShortVersion}), with {fb.Facts.Count} facts from {fb.Sources.Count} sources. "
                + (last is null ? "" : $"Its latest dated fact: {last.Title}, {last.Date!.Value.ToDisplay()}. ")
                + "/talks changes lists what was added or corrected since a date, /talks sources lists the sources, and /talks subscribe posts every update to a channel.",
            AsOf = fb.AsOf,
        };
    }

    /// <summary>What <paramref name="fb"/> covers: its facts by kind, the disputed ones, its sources, its span and version.</summary>
    private static string Summary(FactBase fb)
    {
        var counts = string.Join(", ", fb.Facts.GroupBy(f => f.Kind).OrderBy(g => g.Key).Select(g => $"{g.Count()} {Plural(g.Key)}"));
        var dated = fb.Facts.Where(f => f.Date is not null).Select(f => f.Date!.Value).ToList();
        var span = dated.Count == 0 ? "" : $" Events run from {dated.Min().ToDisplay()} to {dated.Max().ToDisplay()}.";
        var disputed = fb.Facts.Count(f => f.IsDisputed);
        return $"{fb.Facts.Count} curated facts ({counts}), {disputed} of them disputed and shown with every side, from {fb.Sources.Count} sources.{span} "
            + $"Fact-base version {fb.ShortVersion}, as of {fb.AsOf?.ToDisplay() ?? "unknown"}.";
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
