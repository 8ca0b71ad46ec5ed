namespace Bot.Answering;

/// <summary>
/// A capital that stands for its government: "what did tokyo agree to", "did washington accept", "tokyo negotiator".
/// Read as its country, so the words meet the facts, which say "Japan" and "the US". A capital that is a place stays
/// one: "talks in tokyo", "akazawa flew to washington", "the tokyo summit". Only the grammar shows which it is, so a
/// capital counts as its country only with a sign that it acts: a verb after it ("tokyo agreed", "did tokyo agree"), a
/// noun for a government's people or dealings ("tokyo negotiator"), or the other country after "and" ("did tokyo and the
/// us agree"); never after a word that makes it a place ("to washington for tariff talks", "between tokyo and
/// washington"). A question's verb before it is no sign alone: "was tokyo the venue".
/// </summary>
internal static class Capitals
{
    private static readonly Dictionary<string, string> s_countries = new(StringComparer.Ordinal) { ["tokyo"] = "japan", ["washington"] = "us" };

    /// <summary>What a government does, after its capital ("tokyo agreed", "washington wants").</summary>
    private static readonly HashSet<string> s_acts =
    [
        "agree", "agrees", "agreed", "want", "wants", "wanted", "get", "gets", "got", "pay", "pays", "paid", "promise", "promises",
        "promised", "offer", "offers", "offered", "say", "says", "said", "push", "pushed", "propose", "proposes", "proposed", "ask",
        "asks", "asked", "demand", "demands", "demanded", "reject", "rejects", "rejected", "accept", "accepts", "accepted", "buy",
        "buys", "bought", "invest", "invests", "invested", "commit", "commits", "committed", "concede", "conceded", "give", "gives",
        "gave", "react", "reacted", "respond", "responded", "expect", "expects", "expected", "charge", "charges", "charged",
        "claim", "claims", "claimed", "insist", "insists", "insisted", "refuse", "refuses", "refused", "plan", "plans", "planned",
        "need", "needs", "needed", "import", "imports", "imported", "export", "exports", "exported", "sign", "signs", "signed",
        "negotiate", "negotiates", "negotiated", "win", "won", "lose", "lost", "gain", "gained", "face", "faces", "faced",
        "show", "shows", "showed", "hope", "hopes", "hoped", "scrap", "scraps", "scrapped", "cancel", "cancels",
        "cancelled", "canceled", "drag", "drags", "dragged", "date", "dates", "dated", "send", "sends", "sent", "decide", "decides",
        "decided", "deny", "denies", "denied", "seek", "seeks", "sought", "try", "tries", "tried", "put", "puts", "putting",
    ];

    /// <summary>A government's people and dealings, after its capital ("tokyo negotiator", "tokyo tariff"). Not its
    /// reaction, response or stance: "tokyo's reaction" mostly follows what it reacted to, and read as Japan's, a question
    /// asked after another got a confident answer about some other reaction.</summary>
    private static readonly HashSet<string> s_ofGovernment =
    [
        "negotiator", "negotiators", "government", "govt", "side", "officials", "team", "version", "account", "claim", "rate",
        "tariff", "tariffs", "exports", "imports", "surplus", "deficit", "minister", "ministers", "ministry", "pm", "prime",
        "cabinet", "envoy", "ambassador", "leader", "leaders", "president", "administration", "admin",
    ];

    /// <summary>Words for the other country, after "tokyo and" ("did tokyo and the us agree", "tokyo and washington").</summary>
    private static readonly Dictionary<string, HashSet<string>> s_other = new(StringComparer.Ordinal)
    {
        ["tokyo"] = ["us", "usa", "america", "washington"],
        ["washington"] = ["japan", "tokyo"],
    };

    /// <summary>Words before a capital that make it a place, whatever follows: "fly to washington for tariff talks",
    /// "talks in tokyo on tariffs", "between tokyo and washington".</summary>
    private static readonly HashSet<string> s_placeWords =
    [
        "in", "to", "at", "into", "from", "between", "via", "near", "toward", "towards", "visit", "visits", "visited", "visiting",
    ];

    /// <summary>Words that may stand between a capital and a government's post or dealings ("tokyo finance minister",
    /// "washington trade negotiator", "tokyo goods surplus").</summary>
    private static readonly HashSet<string> s_betweenWords =
    [
        "finance", "foreign", "trade", "chief", "top", "lead", "deputy", "economic", "economy", "defense", "defence", "prime",
        "commerce", "treasury", "tariff", "main", "goods", "car", "auto",
    ];

    /// <summary>The country a capital stands for when it acts ("tokyo" → "japan"); null for any other word.</summary>
    public static string? CountryOf(string word) => s_countries.GetValueOrDefault(word);

    /// <summary>Is <paramref name="country"/> what <paramref name="capital"/> is read as when it acts ("tokyo", "japan")?</summary>
    public static bool IsCountryOf(string capital, string country) => CountryOf(capital) == country;

    /// <summary>The words with each capital that acts as its government read as its country.</summary>
    public static List<string> AsCountries(List<string> words)
    {
        List<string>? read = null;
        for (var i = 0; i < words.Count; i++)
        {
            if (s_countries.TryGetValue(words[i], out var country) && Acts(words, i))
            {
                read ??= [.. words];
                read[i] = country;
            }
        }

        return read ?? words;
    }

    private static bool Acts(List<string> words, int at)
    {
        if (at + 1 >= words.Count || (at > 0 && s_placeWords.Contains(words[at - 1])))
        {
            return false;
        }

        // "tokyo agreed", "tokyo negotiator", and with a word for the post or goods between, "tokyo finance minister".
        var next = words[at + 1];
        // "tokyo has to commit", "did tokyo have a surplus", "washington had set 24%" act, unless what follows makes the
        // capital a venue: "washington had all 8 rounds", "tokyo has hosted", "how many summits has tokyo had".
        var has = next is "have" or "has" or "had"
            && !(at + 2 < words.Count && words[at + 2] is "all" or "hosted" or "held" or "seen")
            && !(next == "had" && at > 0 && words[at - 1] is "has" or "have");
        if (has || s_acts.Contains(next) || s_ofGovernment.Contains(next)
            || (s_betweenWords.Contains(next) && at + 2 < words.Count && s_ofGovernment.Contains(words[at + 2])))
        {
            return true;
        }

        // "tokyo and the us", "washington and tokyo": the two governments.
        var other = at + 2 < words.Count && words[at + 2] == "the" ? at + 3 : at + 2;
        return next == "and" && other < words.Count && s_other[words[at]].Contains(words[other]);
    }
}
