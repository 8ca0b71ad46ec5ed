using System.Collections.Frozen;
using Bot.Facts;

namespace Bot.Answering;

/// <summary>
/// Questions that ask for the whole of a fact with an <see cref="Overview"/>: "what's the deal", "main points of the
/// agreement", "what did japan and the us agree", "summarize the $550 billion investment". Such a question is one of
/// the overview's names with nothing else but words that ask for a whole (<see cref="s_askWords"/>), filler, and words
/// that say whose it is (<see cref="s_whoseWords"/>): "what's the deal with boeing" names more, and is not one ("what's
/// the deal with rice" is the rice deal's overview, when a fact's overview is so named).
/// </summary>
internal sealed class OverviewQuestions
{
    /// <summary>Words that ask for the whole of something: "main points", "summary", "what's in it", "tl;dr".</summary>
    private static readonly FrozenSet<string> s_askWords = FrozenSet.ToFrozenSet(
    [
        "summary", "summarize", "summarise", "summarized", "overview", "rundown", "recap", "gist", "main", "key", "points",
        "highlights", "tldr", "tl", "dr", "terms", "details", "contain", "contains", "explain", "explained", "breakdown",
        // The normaliser reads some plurals as singular ("main points" is "main point").
        "point", "term", "detail", "highlight",
        "basics", "outline", "brief", "briefly", "nutshell", "short", "quick", "whole", "all", "everything", "content", "contents",
    ], StringComparer.Ordinal);

    /// <summary>Words that change nothing in what such a question asks: "what is", "tell me about", "the". Not pronouns
    /// ("what did they agree", "what's in it"): they point to something said before, which may be another whole.</summary>
    private static readonly FrozenSet<string> s_filler = FrozenSet.ToFrozenSet(
    [
        "what", "is", "are", "was", "were", "the", "a", "an", "of", "in", "on", "about", "me", "us", "tell", "give",
        "did", "does", "do", "and", "with", "w", "to", "please", "pls", "can", "you", "i", "want", "know", "so", "far", "s",
        "has", "have", "had", "by", "for", "again",
    ], StringComparer.Ordinal);

    /// <summary>Words that say whose the whole is, the two sides': "the us-japan deal" is "the deal". Not "trade" or
    /// "tariff", which name other things ("the rice tariff" is not rice as a whole): a name says them where they
    /// belong ("the trade deal").</summary>
    private static readonly FrozenSet<string> s_whoseWords = FrozenSet.ToFrozenSet(
    [
        "japan", "japanese", "us", "usa", "america", "american", "tokyo", "washington", "2", "countries", "between",
    ], StringComparer.Ordinal);

    /// <summary>Words that ask only when a whole came about: "when was the deal made", "what day did they strike the
    /// deal". Not "signed", "finalized" or "in force": the deal was made on one day and signed and put in force on others.</summary>
    private static readonly FrozenSet<string> s_whenWords = FrozenSet.ToFrozenSet(
    [
        "when", "day", "date", "which", "they", "made", "make", "struck", "strike", "reached", "reach", "agreed", "agree",
        "announced", "announce", "done", "get", "got", "happen", "happened", "come", "came", "finally", "exactly",
    ], StringComparer.Ordinal);

    /// <summary>Per fact with an overview, its position and each name's words that count.</summary>
    private readonly (int Fact, FrozenSet<string>[] Names)[] _overviews;

    public OverviewQuestions(FactBase facts)
    {
        _overviews =
        [
            .. facts.Facts.Select((f, i) => (Fact: f, Index: i)).Where(x => x.Fact.Overview is not null)
                .Select(x => (x.Index, x.Fact.Overview!.Names.Select(n => Counted(QuestionNormalizer.Words(n)).ToFrozenSet(StringComparer.Ordinal)).Where(n => n.Count > 0).ToArray())),
        ];
    }

    /// <summary>Does the word say what a question or name is about: is it none of filler, a word asking for a whole, or a
    /// word saying whose it is?</summary>
    private static bool Counts(string word) => !s_filler.Contains(word) && !s_askWords.Contains(word) && !s_whoseWords.Contains(word);

    /// <summary>Does the word say what a question asking when is about: is it none of filler or a word saying whose it is?</summary>
    private static bool CountsWhen(string word) => !s_filler.Contains(word) && !s_whoseWords.Contains(word);

    /// <summary>The words of a question or name that say what it is about, plurals read as singular.</summary>
    private static HashSet<string> Counted(IEnumerable<string> words) => words.Where(Counts).Select(Analyzer.Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>The fact whose overview the question asks for: the one whose name's words are the question's words that
    /// count, as a set; -1 when no fact's, or several facts', are. A word the speller changed counts as typed unless it
    /// became a word that counts: "wheat in the japan deal" is not "what in the japan deal".</summary>
    /// <param name="typed">The question's words before the speller, one for one with <paramref name="words"/>.</param>
    public int Asked(IReadOnlyList<string> words, IReadOnlyList<string> typed)
    {
        if (_overviews.Length == 0)
        {
            return -1;
        }

        var counted = Counted(AsTyped(words, typed, Counts));
        if (counted.Count == 0)
        {
            return -1;
        }

        return Named(counted);
    }

    /// <summary>The fact whose overview names what a question asks only the day of ("when was the deal made", "what day
    /// was the agreement reached"): besides one of its names, only filler, words saying whose it is, and
    /// <see cref="s_whenWords"/>; -1 when no fact's, or several facts', overview is so named.</summary>
    /// <param name="typed">The question's words before the speller, one for one with <paramref name="words"/>.</param>
    public int WhenAsked(IReadOnlyList<string> words, IReadOnlyList<string> typed)
    {
        if (_overviews.Length == 0 || !words.Any(w => w is "when" or "day" or "date"))
        {
            return -1;
        }

        // A when-word as typed is one, whatever the speller made of it. Words that ask for a whole count here: "when was the
        // deal explained" asks for another day.
        var pairs = words.Zip(typed).Where(p => !s_whenWords.Contains(p.First) && !s_whenWords.Contains(p.Second)).ToList();
        var counted = AsTyped([.. pairs.Select(p => p.First)], [.. pairs.Select(p => p.Second)], CountsWhen)
            .Where(CountsWhen).Select(Analyzer.Stem).ToHashSet(StringComparer.Ordinal);
        return counted.Count == 0 ? -1 : Named(counted);
    }

    /// <summary>The whole a question about purchases that names none asks about: the one named "the deal".</summary>
    private static readonly HashSet<string> s_theDeal = ["deal"];

    /// <summary>Words that ask what is bought: one must be in a question that asks for a whole's purchases.</summary>
    private static readonly FrozenSet<string> s_buyWords = FrozenSet.ToFrozenSet(
    [
        "buy", "buying", "buys", "bought", "purchase", "purchases", "purchasing", "purchased", "procure", "procuring",
        "procurement",
    ], StringComparer.Ordinal);

    /// <summary>The other words of a question that asks only what is bought under a whole ("what did japan agree to buy",
    /// "japan's purchase commitments", "what will tokyo buy from the us under the deal").</summary>
    private static readonly FrozenSet<string> s_buyFiller = FrozenSet.ToFrozenSet(
    [
        "which", "will", "would", "going", "gonna", "agree", "agreed", "agrees", "promise", "promised", "promises", "pledge",
        "pledged", "commit", "committed", "commitment", "commitments", "has",
        "from", "under", "as", "part", "more", "goods", "products", "things", "stuff", "they", "it", "its",
    ], StringComparer.Ordinal);

    /// <summary>
    /// The fact whose overview's purchases a question asks for ("what did japan agree to buy", "what purchases are in the
    /// deal", "what weapons is japan buying"): a word for buying, besides it only filler, words saying whose it is and
    /// <see cref="s_buyFiller"/>, and the words of one overview's name, or none; with none, the deal's (the overview named
    /// "the deal"). Japan's purchases: not what the US buys. -1 when the question asks something else or names no whole with
    /// several purchases among its parts.
    /// </summary>
    /// <param name="typed">The question's words before the speller, one for one with <paramref name="words"/>.</param>
    public int PurchasesAsked(IReadOnlyList<string> words, IReadOnlyList<string> typed, FactBase facts)
    {
        // A word for buying counts as the speller corrected it too.
        bool Buys(int i) => s_buyWords.Contains(words[i]) || s_buyWords.Contains(typed[i]);
        var buying = Enumerable.Range(0, words.Count).Where(Buys).DefaultIfEmpty(-1).First();
        if (_overviews.Length == 0 || buying < 0)
        {
            return -1;
        }

        // Not what someone said or told ("what weapons did japan tell the us it would buy"): that is a statement's. "Tell
        // me", "tell us" at the start ask.
        if (typed.Select((w, i) => w is "say" or "said" or "says" or "told" || (w == "tell" && !(i == 0 && typed.Count > 1 && typed[1] is "me" or "us"))).Any(said => said))
        {
            return -1;
        }

        // Japan's purchases: not what the US buys ("what will the us buy from japan").
        if (Enumerable.Range(0, buying).Any(i => words[i] is "us" or "usa" or "america" or "american" or "americans" or "washington" && (i == 0 || words[i - 1] is not ("from" or "to" or "tell"))))
        {
            return -1;
        }

        // The words that are neither buying nor filler name the whole, exactly, as its name does; or there are none.
        var rest = Enumerable.Range(0, words.Count).Where(i => !Buys(i) && !s_buyFiller.Contains(typed[i])).ToList();
        var counted = Counted(AsTyped([.. rest.Select(i => words[i])], [.. rest.Select(i => typed[i])], Counts));
        var whole = Named(counted.Count > 0 ? counted : s_theDeal);
        return whole >= 0 && PurchasesOf(facts.Facts[whole], facts).Skip(1).Any() ? whole : -1;
    }

    /// <summary>The facts an overview names as its parts, in its order.</summary>
    public static IEnumerable<Fact> PartsOf(Fact whole, FactBase facts) => whole.Overview!.Parts.Select(id => facts.Find(id)!);

    /// <summary>The purchases among <see cref="PartsOf"/>, in the overview's order.</summary>
    public static IEnumerable<Fact> PurchasesOf(Fact whole, FactBase facts) => PartsOf(whole, facts).Where(f => f.Kind == FactKind.Purchase);

    /// <summary>Each word as the speller left it, or as typed when the speller made a word that does not count of it: "wheat"
    /// stays "wheat", not "what".</summary>
    private static IEnumerable<string> AsTyped(IReadOnlyList<string> words, IReadOnlyList<string> typed, Func<string, bool> counts) =>
        words.Zip(typed, (w, t) => t != w && !counts(w) ? t : w);

    /// <summary>The one fact one of whose overview's names has exactly these words that count; -1 when none or several.</summary>
    private int Named(HashSet<string> counted)
    {
        var asked = _overviews.Where(o => o.Names.Any(n => n.SetEquals(counted))).Select(o => o.Fact).Distinct().ToList();
        return asked is [var only] ? only : -1;
    }
}
