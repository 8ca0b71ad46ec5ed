using Bot.Answering;
using Bot.Facts;

namespace Bot.Commands;

/// <summary><c>who [name]</c>: a person's side, titles over time, rounds attended and key statements; the list without a name.
/// A name in Japanese script is read through the glossary ("赤沢" is Akazawa, "ベッセント" Bessent).</summary>
internal sealed class WhoCommand(IFactBaseProvider facts, JapaneseGlossary? glossary = null, JapaneseFacts? japanese = null) : ICommandHandler
{
    public const string CommandName = CommandNames.Who;

    public string Name => CommandName;

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken ct)
    {
        var fb = facts.Current;
        var name = (glossary ?? JapaneseGlossary.Empty).Read(request.Option(OptionNames.Name));
        if (name is null)
        {
            var people = fb.People.OrderBy(p => p.Side).ThenBy(p => p.Title, StringComparer.Ordinal).ToList();
            return Task.FromResult(FactReplies.ForList(fb, "People in the talks", $"{people.Count} people. Ask `who NAME` for one of them.", people,
                p => new ReplyField(p.Title, (fb.AsOf is { } asOf ? FactReplies.CurrentTitle(p, asOf) : null) ?? FactReplies.Shorten(p.Text, 200))));
        }

        var ranked = FactMatcher.Rank(fb.People, name);
        return Task.FromResult(FactMatcher.Best(ranked) is { } match
            ? FactReplies.ForLookup(fb, match.Fact, request.Option(OptionNames.Name), japanese)
            : FactReplies.NotFound(request.Option(OptionNames.Name),
                ("person", name, "Try a surname (\"akazawa\") or a title (\"treasury secretary\"), or `who` for the list."),
                ("人物", "姓（例：赤沢）や役職（例：財務長官）で探すか、`who` だけで一覧を表示してください。"),
                ranked.Select(m => m.Fact.Title)));
    }
}
