using Bot.Answering;
using Bot.Facts;

namespace Bot.Commands;

/// <summary>
/// The shared logic of <c>purchases [item]</c> and <c>figures [name]</c>: with no query, the list of facts of one kind;
/// with a query, the best-matching fact, or "did you mean". A query in Japanese script is read through the glossary.
/// </summary>
internal abstract class CatalogCommand(IFactBaseProvider facts, FactKind kind, string optionName, string listTitle, string what, string whatInJapanese, JapaneseGlossary? glossary, JapaneseFacts? japanese)
    : ICommandHandler
{
    public abstract string Name { get; }

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken ct)
    {
        var fb = facts.Current;
        var items = fb.OfKind(kind).OrderBy(f => f.Date ?? f.AsOf).ToList();
        var query = (glossary ?? JapaneseGlossary.Empty).Read(request.Option(optionName));
        if (query is null)
        {
            return Task.FromResult(FactReplies.ForList(fb, listTitle, $"{items.Count} entries. Add a name to see one in full.", items,
                f => new ReplyField(f.Title, f.Amount is { } a ? $"{FactReplies.FormatAmount(a)}{(f.Status is { } s ? $" — {s}" : "")}" : FactReplies.Shorten(f.Text, 300))));
        }

        var ranked = FactMatcher.Rank(items, query);
        if (FactMatcher.Best(ranked) is { } match)
        {
            return Task.FromResult(FactReplies.ForLookup(fb, match.Fact, request.Option(optionName), japanese));
        }

        // Several entries share a word ("tariff", "rice"): list those whose names contain every word typed.
        var words = TextNormalizer.Tokens(query);
        var containing = items.Where(f => words.All(w => FactMatcher.Names(f).Any(n => n.Split(' ').Contains(w, StringComparer.Ordinal)))).ToList();
        if (containing.Count > 1)
        {
            return Task.FromResult(FactReplies.ForList(fb, $"{listTitle}: \"{FactReplies.Shorten(query, 60)}\"", $"{containing.Count} entries match.", containing,
                f => new ReplyField(f.Title, f.Amount is { } a ? FactReplies.FormatAmount(a) : FactReplies.Shorten(f.Text, 300))));
        }

        return Task.FromResult(FactReplies.NotFound(request.Option(optionName), (what, query, $"Try `{Name}` for the list."),
            (whatInJapanese, $"一覧は `{Name}` だけで表示できます。"), ranked.Select(m => m.Fact.Title)));
    }
}

/// <summary><c>purchases [item]</c>: purchase and investment plans with figures and status.</summary>
internal sealed class PurchasesCommand(IFactBaseProvider facts, JapaneseGlossary? glossary = null, JapaneseFacts? japanese = null)
    : CatalogCommand(facts, FactKind.Purchase, OptionNames.Item, "Purchase and investment plans", "purchase", "購入・投資計画", glossary, japanese)
{
    public const string CommandName = CommandNames.Purchases;

    public override string Name => CommandName;
}

/// <summary><c>figures [name]</c>: tariff rates, deficit and investment figures with units and dates.</summary>
internal sealed class FiguresCommand(IFactBaseProvider facts, JapaneseGlossary? glossary = null, JapaneseFacts? japanese = null)
    : CatalogCommand(facts, FactKind.Figure, OptionNames.Name, "Figures", "figure", "数値", glossary, japanese)
{
    public const string CommandName = CommandNames.Figures;

    public override string Name => CommandName;
}
