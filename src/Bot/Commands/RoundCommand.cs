using System.Globalization;
using Bot.Answering;
using Bot.Facts;

namespace Bot.Commands;

/// <summary><c>round [number]</c>: one round (date, place, attendees, outcome), or the list of rounds and later trips.
/// Japanese works too ("第4回", "第四回交渉"), read through the glossary.</summary>
internal sealed class RoundCommand(IFactBaseProvider facts, JapaneseGlossary? glossary = null, JapaneseFacts? japanese = null) : ICommandHandler
{
    public const string CommandName = CommandNames.Round;

    private static readonly string[] s_numbers = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];

    public string Name => CommandName;

    public Task<Reply> HandleAsync(CommandRequest request, CancellationToken ct)
    {
        var fb = facts.Current;
        var text = (glossary ?? JapaneseGlossary.Empty).Read(request.Option(OptionNames.Number));
        if (text is null)
        {
            return Task.FromResult(FactReplies.ForList(fb, "Negotiation rounds", "The numbered rounds of 2025 and the later trips. Ask `round N` for one.", fb.Rounds,
                r => new ReplyField($"{r.Title} — {FactReplies.DateRange(r)}", $"{r.Place ?? "place not reported"}. {r.Outcome ?? FactReplies.Shorten(r.Text, 200)}")));
        }

        var numbered = fb.NumberedRounds;
        var range = numbered.Count == 0 ? "none are recorded" : $"rounds are numbered {numbered.Min(r => r.Number)}–{numbered.Max(r => r.Number)}";
        var rangeJapanese = numbered.Count == 0 ? "収録なし" : $"第{numbered.Min(r => r.Number)}回〜第{numbered.Max(r => r.Number)}回";
        if (ParseNumber(text) is { } number)
        {
            var round = numbered.FirstOrDefault(r => r.Number == number);
            return Task.FromResult(round is not null
                ? FactReplies.ForLookup(fb, round, request.Option(OptionNames.Number), japanese)
                : FactReplies.NotFound(request.Option(OptionNames.Number),
                    ("round", text, $"Round {number} is not in the fact base: {range}; later trips are listed by `round`."),
                    ("交渉回", numbered.Count == 0
                        ? $"第{number}回は収録データにありません（番号の付いた交渉回は未収録）。`round` だけで一覧を表示できます。"
                        : $"第{number}回は収録データにありません（収録は{rangeJapanese}）。第{numbered.Max(r => r.Number)}回より後の会談は番号がなく、`round` だけで表示される一覧にあります。"),
                    numbered.OrderBy(r => Math.Abs(r.Number!.Value - number)).Select(r => $"round {r.Number}")));
        }

        if (PartialDate.TryParse(text, out var date))
        {
            var onDate = fb.Rounds.FirstOrDefault(r => r.Date <= date && (r.EndDate ?? r.Date) >= date);
            if (onDate is not null)
            {
                return Task.FromResult(FactReplies.ForLookup(fb, onDate, request.Option(OptionNames.Number), japanese));
            }
        }

        var ranked = FactMatcher.Rank(fb.Rounds, text);
        return Task.FromResult(FactMatcher.Best(ranked) is { } match
            ? FactReplies.ForLookup(fb, match.Fact, request.Option(OptionNames.Number), japanese)
            : FactReplies.NotFound(request.Option(OptionNames.Number),
                ("round", text, $"Give a round number ({range}) or a date (YYYY-MM-DD), or `round` for the list."),
                ("交渉回", $"交渉回の番号（{rangeJapanese}）または日付（YYYY-MM-DD）で探すか、`round` だけで一覧を表示してください。"),
                ranked.Select(m => m.Fact.Number is { } n ? $"round {n}" : m.Fact.Title)));
    }

    /// <summary>"4", "#4", "4th", "fourth", "four", "round 4", "round four", "4th talks".</summary>
    internal static int? ParseNumber(string text)
    {
        var tokens = TextNormalizer.Tokens(text).Where(t => t is not ("round" or "no" or "number" or "talks" or "session")).ToArray();
        if (tokens.Length != 1)
        {
            return null;
        }

        var token = tokens[0];
        var digits = token.TrimEnd('s', 't', 'n', 'd', 'r', 'h');
        if (digits.Length > 0 && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 1000)
        {
            return n;
        }

        var ordinal = Array.IndexOf(AnswerComposer.OrdinalWords, token);
        if (ordinal >= 0)
        {
            return ordinal + 1;
        }

        var word = Array.IndexOf(s_numbers, token);
        return word >= 0 ? word + 1 : null;
    }
}
