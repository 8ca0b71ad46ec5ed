using System.Collections.Frozen;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Bot.Facts;

namespace Bot.Answering;

/// <summary>
/// Everything the engine needs about one fact-base snapshot: BM25 over each fact's names, questions and content,
/// person names for entity resolution, a spelling vocabulary, and (when available) sentence vectors of each fact's
/// statement and curated questions. Built once per snapshot; immutable.
/// </summary>
internal sealed class FactIndex
{
    private FactIndex(FactBase facts, Analyzer analyzer, Bm25Index bm25, SpellingCorrector speller, EntityResolver entities,
        float[][]? vectors, int[] vectorOwner, JapaneseAnswers japanese)
    {
        Translations = japanese;
        Mentions = [.. facts.Facts.Select(entities.Mentions)];
        StatedNumbers = [.. facts.Facts.Select(f => QuestionNormalizer.Words((f.Amount?.Display ?? "") + " " + f.Title).ToHashSet(StringComparer.Ordinal))];
        StatedOrdinals = [.. facts.Facts.Select(f => QuestionNormalizer.Ordinals(f.Title))];
        NumberedTitles = [.. facts.Facts.Select(f => QuestionNormalizer.NumberedTitle.Of(f.Title, f.Aliases))];
        var ownTexts = facts.Facts.Select(FactDocuments.OwnText).ToArray();
        var statedTexts = facts.Facts.Select((f, i) => StatedText(f, ownTexts[i])).ToArray();
        TextNumbers = [.. statedTexts.Select(TextNumbersOf)];
        YearsStated = [.. statedTexts.Select(YearsStatedOf)];
        // A round's outcome may give the time too ("announced it on Truth Social, posted 7:12 pm EST").
        StatesClockTime = [.. facts.Facts.Select((f, i) => s_clockTime.IsMatch(ownTexts[i]) || s_clockTime.IsMatch(f.Outcome ?? ""))];
        ClockClauses = [.. facts.Facts.Select((f, i) => StatesClockTime[i] ? ClockClausesOf(f, analyzer) : [])];
        StatesTopics = [.. facts.Facts.Select((f, i) => f.Topics.Count > 0 || s_topicMarker.IsMatch(ownTexts[i]))];
        UnnamedSayings = [.. facts.Facts.Select(f => UnnamedSayingsOf(f, analyzer, entities))];
        OtherPlaces = [.. facts.Facts.Select(f => analyzer.Scope.OtherPlaces(QuestionNormalizer.Words(f.Title + " " + f.Text)).ToHashSet(StringComparer.Ordinal))];
        PlacesStated = [.. facts.Facts.Select((f, i) => PlacesStatedOf(f, ownTexts[i], analyzer.Scope))];
        CuratedKeys = [.. facts.Facts.Select(f => FactDocuments.Names(f).Concat(f.Phrasings).Select(t => Key(analyzer.Terms(t))).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal))];
        Phrased = PhrasedOf(facts, QuestionNormalizer.Text);
        LooselyPhrased = PhrasedOf(facts, t => Loosely(QuestionNormalizer.Words(t)));
        TermPhrased = PhrasedOf(facts, t => TermKey(analyzer, QuestionNormalizer.Words(t)), withNames: true);
        Overviews = new OverviewQuestions(facts);
        Facts = facts;
        Analyzer = analyzer;
        Bm25 = bm25;
        Speller = speller;
        Entities = entities;
        Roles = new RoleTimes(facts, analyzer);
        Rates = new RatesInForce(facts, analyzer, Roles.Now, entities);
        Vectors = vectors;
        VectorOwner = vectorOwner;
        VectorCounts = new int[facts.Facts.Count];
        foreach (var owner in vectorOwner)
        {
            VectorCounts[owner]++;
        }
    }

    public FactBase Facts { get; }

    /// <summary>The facts in Japanese, for answers to questions asked in Japanese script.</summary>
    public JapaneseAnswers Translations { get; }
    public Analyzer Analyzer { get; }
    public Bm25Index Bm25 { get; }
    public SpellingCorrector Speller { get; }
    public EntityResolver Entities { get; }

    /// <summary>Who held which post when.</summary>
    public RoleTimes Roles { get; }

    /// <summary>Which tariff rate Japanese goods paid when.</summary>
    public RatesInForce Rates { get; }

    /// <summary>Per fact (same order as <see cref="FactBase.Facts"/>), the people and days it names.</summary>
    public FactMentions[] Mentions { get; }

    /// <summary>Per fact, the words of its amount and title, where a figure a question gives is looked for.</summary>
    public HashSet<string>[] StatedNumbers { get; }

    /// <summary>Per fact, the positions its title names as ordinals ("Tenth trip" → 10).</summary>
    public HashSet<string>[] StatedOrdinals { get; }

    /// <summary>Per fact, the occasions its title or aliases number ("Ninth trip", "First meeting of …", "first round"),
    /// for the rule that rules out another occurrence; <see cref="StatedOrdinals"/> is the ranking's (any ordinal the
    /// title states).</summary>
    public QuestionNormalizer.NumberedTitle[] NumberedTitles { get; }

    /// <summary>Per fact, every number its own words give (title, text, amount, claims, statements) or its names do
    /// (aliases: "Section 232 auto tariff", "EO 14345"), ordinals as numbers ("first" is 1).</summary>
    public HashSet<string>[] TextNumbers { get; }

    /// <summary>Per fact, the years its own words, amount and names give, alone or as a fiscal year ("FY2024"), and every
    /// year of a span they give ("FY2022–FY2026", "FY2023–2027"): a figure for a span is one for each year in it.</summary>
    public HashSet<int>[] YearsStated { get; }

    /// <summary>Per fact, the countries other than Japan and the US that its title and text name.</summary>
    public HashSet<string>[] OtherPlaces { get; }

    /// <summary>Per fact, the places its own words say things happened at (<see cref="PlacesStatedOf"/>).</summary>
    public HashSet<string>[] PlacesStated { get; }

    /// <summary>Per fact, does its own text (or a round's outcome) give a time of day ("7:12 pm EST", "12:01 am EDT", "at
    /// noon")?</summary>
    public bool[] StatesClockTime { get; }

    /// <summary>Per fact that gives a time of day, the terms of each of its clauses that does (of its text, outcome,
    /// claims and statements), with their roots (<see cref="WordForms.Of"/>); empty for any other fact.</summary>
    public IReadOnlyList<HashSet<string>>[] ClockClauses { get; }

    private static List<HashSet<string>> ClockClausesOf(Fact fact, Analyzer analyzer) =>
    [
        .. new[] { fact.Text, fact.Outcome ?? "" }.Concat(fact.Claims.Select(c => c.Text)).Concat(fact.Statements.Select(st => st.Text))
            .SelectMany(t => s_clauseEnd.Split(t)).Where(t => s_clockTime.IsMatch(t))
            .Select(t => WordForms.Of(analyzer.Terms(QuestionNormalizer.Words(t)))),
    ];

    /// <summary>Per fact that gives something as said by someone it does not name ("a government official said"), each
    /// of its clauses (a claim's, with who made it) as its terms with their roots (<see cref="WordForms.Of"/>), and
    /// whether it is such a saying with no named person saying it; empty for any other fact.</summary>
    public IReadOnlyList<(HashSet<string> Forms, bool Unnamed)>[] UnnamedSayings { get; }

    private static List<(HashSet<string> Forms, bool Unnamed)> UnnamedSayingsOf(Fact fact, Analyzer analyzer, EntityResolver entities)
    {
        var clauses = s_clauseEnd.Split(fact.Text).Concat(s_clauseEnd.Split(fact.Outcome ?? "")).Where(t => t.Length > 0)
            .Select(t => (Words: QuestionNormalizer.Words(t), Text: t))
            .Select(c => (c.Words, Unnamed: s_unnamedSpeaker.IsMatch(c.Text) && !NamedSpeaker(c.Words, entities)))
            // A claim's clause, with who made the claim, is said by someone unnamed when only someone unnamed made the
            // claim, or when the clause itself gives it so ("Asahi Shimbun (government sources) and Akazawa: … a
            // government official said…"); not when a named person says it in the clause.
            .Concat(fact.Claims.SelectMany(c =>
            {
                var byUnnamed = s_unnamedSpeaker.IsMatch(c.By) && entities.Resolve(QuestionNormalizer.Words(c.By)).People.Count == 0;
                return s_clauseEnd.Split(c.Text).Where(t => t.Length > 0).Select(t =>
                {
                    var own = QuestionNormalizer.Words(t);
                    return (Words: QuestionNormalizer.Words(c.By + ": " + t),
                        Unnamed: (byUnnamed || s_unnamedSpeaker.IsMatch(t)) && !NamedSpeaker(own, entities));
                });
            }))
            .ToList();
        return clauses.Any(c => c.Unnamed)
            ? [.. clauses.Select(c => (WordForms.Of(analyzer.Terms(c.Words)), c.Unnamed))]
            : [];
    }

    /// <summary>Verbs that give what someone said: "Akazawa said", "Hayashi denied".</summary>
    private static readonly HashSet<string> s_sayingVerbs =
        ["said", "says", "told", "tells", "stated", "explained", "denied", "confirmed", "added", "argued", "insisted", "announced", "wrote", "posted"];

    /// <summary>Does a person the fact base knows say something in these words: a name right before a saying verb?</summary>
    private static bool NamedSpeaker(List<string> words, EntityResolver entities)
    {
        for (var i = 1; i < words.Count; i++)
        {
            if (s_sayingVerbs.Contains(words[i]) && entities.Resolve(words[Math.Max(0, i - 2)..i]).People.Count > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where a sentence or a clause of its own ends: ". ", "; ", ", and ", ", while ".</summary>
    private static readonly Regex s_clauseEnd = new(@"(?<=[.;!?])\s+|,\s+(?:and|while|but)\s+", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>Per fact, does it say what was taken up: its topics, or its own words "discussed", "about" (not "about 45
    /// minutes"), "on the agenda", "agreed", "raised", "touched on", "came up", or what someone said, told, explained,
    /// pledged or warned there?</summary>
    public bool[] StatesTopics { get; }

    private static readonly Regex s_topicMarker = new(
        @"\b(discuss\w*|about(?!\s+(\d|\$|¥|an?\b|one\b|two\b|three\b|half\b))|agenda|topics?|raised|agreed?|cover\w*|focus\w*|cent(er|re)d on|touched|dealt with|turned to|took up|came up|come up|explain\w*|pledged|warned|told|briefed|said|says|instructed|confirm\w*|asked|signed|pressed|urged)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>Words that give what was said to someone unnamed: "a White House official told", "citing anonymous
    /// officials", "Asahi Shimbun (government sources)".</summary>
    private static readonly Regex s_unnamedSpeaker = new(
        @"\b(an?|one|two|three|several|some|senior|unnamed|anonymous|government)\s+(?:[a-z]+\s+){0,2}?(officials?|sources?|aides?)\b|\b(people|sources) familiar\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex s_clockTime = new(
        @"\b\d{1,2}:\d{2}\b|\b\d{1,2}\s*(am|pm|a\.m\.|p\.m\.)(?![a-z])|\bo'clock\b|\bmidnight\b|\bnoon\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>Words that put what follows them as where something happened: "in Tokyo", "at the White House", "on Truth
    /// Social", "trip to Washington", "visited Alaska".</summary>
    private static readonly HashSet<string> s_locative =
        ["in", "at", "on", "to", "from", "into", "inside", "outside", "near", "via", "across", "visit", "visited", "visiting", "toured", "held", "hosted", "told"];

    /// <summary>Ways of meeting, where they are wherever the fact names them ("talked by phone", "held online").</summary>
    private static readonly HashSet<string> s_waysOfMeeting = ["phone", "online", "video call", "videoconference", "telephone"];

    /// <summary>Occasions that a place named just before them locates ("their Tokyo summit", "a White House visit").</summary>
    private static readonly HashSet<string> s_occasions =
        ["summit", "summits", "visit", "visits", "trip", "trips", "meeting", "meetings", "talks", "conference", "dialogue"];

    /// <summary>The places a fact says things happened at (<see cref="ScopeTable.Places"/>): its place, and in its own words
    /// and outcome a place one or two words after a locative word ("met Ishiba at the Prime Minister's Office", "told
    /// CNBC") or just before an occasion ("their October 28 Tokyo summit", "a White House visit"), or a way of meeting
    /// anywhere ("online", "by phone"). A place named otherwise is not where ("Tokyo Gas", "Tokyo called the move", "the
    /// Prime Minister's Office dates it September 5", "the White House chart", "Pentagon policy chief").</summary>
    private static HashSet<string> PlacesStatedOf(Fact fact, string ownText, ScopeTable scope)
    {
        var words = QuestionNormalizer.Words(ownText + " " + fact.Outcome);
        var stated = scope.Places(words, i => AfterLocative(words, i, s_locative) || Before(words, i, s_occasions)).ToHashSet(StringComparer.Ordinal);
        stated.UnionWith(scope.Places(words, _ => true).Where(s_waysOfMeeting.Contains));
        stated.UnionWith(scope.Places(QuestionNormalizer.Words(fact.Place ?? ""), _ => true));
        return stated;
    }

    /// <summary>One of the three words after the place starting at <paramref name="i"/> is one of <paramref
    /// name="next"/> ("october 28 tokyo summit", "a white house visit").</summary>
    private static bool Before(List<string> words, int i, HashSet<string> next)
    {
        for (var j = i + 1; j <= i + 3 && j < words.Count; j++)
        {
            if (next.Contains(words[j]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One of <paramref name="locative"/> one or two words before <paramref name="i"/> ("in tokyo", "at the white
    /// house").</summary>
    internal static bool AfterLocative(IReadOnlyList<string> words, int i, IReadOnlySet<string> locative) =>
        (i >= 1 && locative.Contains(words[i - 1])) || (i >= 2 && locative.Contains(words[i - 2]));

    /// <summary>A fact's own words, its amount as shown and its aliases: where its numbers and years are read.</summary>
    private static string StatedText(Fact fact, string ownText) =>
        ownText + " " + (fact.Amount?.Display ?? "") + " " + string.Join(" ", fact.Aliases);

    private static HashSet<int> YearsStatedOf(string text)
    {
        var years = s_year.Matches(text).Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture)).ToHashSet();
        foreach (Match span in s_yearSpan.Matches(text))
        {
            var (from, to) = (int.Parse(span.Groups["from"].Value, CultureInfo.InvariantCulture), int.Parse(span.Groups["to"].Value, CultureInfo.InvariantCulture));
            for (var year = from + 1; year < to && to - from <= 20; year++)
            {
                years.Add(year);
            }
        }

        return years;
    }

    private static readonly Regex s_year = new(@"(?<!\d)(?:19|20)\d{2}(?!\d)", RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static readonly Regex s_yearSpan = new(
        @"(?<!\d)(?<from>(?:19|20)\d{2})\s*(?:–|—|-|to|through)\s*(?:FY\s?|fiscal\s+)?(?<to>(?:19|20)\d{2})(?!\d)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    private static HashSet<string> TextNumbersOf(string statedText) =>
        QuestionNormalizer.Words(statedText)
            .Where(w => w.Length > 0 && char.IsDigit(w[0])).ToHashSet(StringComparer.Ordinal);

    /// <summary>Unit vectors of <see cref="FactDocuments.SemanticTexts"/>, or null when semantic ranking is off.</summary>
    public float[][]? Vectors { get; }

    /// <summary>The fact (index into <see cref="FactBase.Facts"/>) each vector belongs to.</summary>
    public int[] VectorOwner { get; }

    public bool HasSemantic => Vectors is not null;

    /// <summary>Per fact, the term sets of its title, aliases and phrasings: a question with exactly those terms asks for it.</summary>
    public HashSet<string>[] CuratedKeys { get; }

    /// <summary>Each curated question, as normalised words, to the one fact that holds it: asked word for word, it is the
    /// question a curator wrote for that fact. Questions two facts hold are left out.</summary>
    public IReadOnlyDictionary<string, int> Phrased { get; }

    /// <summary>The same, each as its words less <see cref="s_filler"/>: "whats the car tariff now" is "car tariff now?".
    /// Keys that two facts' questions share are left out.</summary>
    public IReadOnlyDictionary<string, int> LooselyPhrased { get; }

    /// <summary>The same, and each fact's title and aliases too, each as its words but for <see cref="s_filler"/>, with
    /// synonyms and plurals read as one ("agreement" is "deal", "autos" is "car") and every other word as typed: "who
    /// signed the 2019 deal" is "who signed the 2019 agreement", but "who negotiated with japan" is not "who negotiated
    /// for japan", nor "car tariff now" "car tariff". Keys of fewer than two terms, and keys two facts share, are left
    /// out.</summary>
    public IReadOnlyDictionary<string, int> TermPhrased { get; }

    /// <summary>A question's words less <see cref="s_filler"/>, synonyms and plurals read as one, as one key; empty when
    /// fewer than two of them are terms (not stop words).</summary>
    internal static string TermKey(Analyzer analyzer, IReadOnlyList<string> words)
    {
        var terms = analyzer.Terms([.. words.Where(w => !s_filler.Contains(w))], keepStopWords: true);
        return terms.Count(t => !Analyzer.StopWords.Contains(t)) < 2 ? "" : string.Join(' ', terms);
    }

    /// <summary>Questions that ask for the whole of a fact with an overview ("what's the deal").</summary>
    public OverviewQuestions Overviews { get; }

    /// <summary>Words that change nothing a curated question asks: articles, "what is", greetings.</summary>
    private static readonly FrozenSet<string> s_filler = FrozenSet.ToFrozenSet(
        ["a", "an", "the", "what", "is", "are", "so", "ok", "okay", "hey", "hi", "please", "pls", "um", "uh", "lol"], StringComparer.Ordinal);

    /// <summary>A question's normalised words less <see cref="s_filler"/>: two questions alike but for them ask the same.</summary>
    internal static string Loosely(IEnumerable<string> words) => string.Join(' ', words.Where(w => !s_filler.Contains(w)));

    /// <summary>The fact a curator wrote the question for: asked word for word (<see cref="Phrased"/>), else but for
    /// filler words (<see cref="LooselyPhrased"/>).</summary>
    public bool TryCurated(string question, out int fact) => TryCurated(QuestionNormalizer.Words(question), out fact);

    /// <summary>As <see cref="TryCurated(string, out int)"/>, for a question already read into its normalised words.</summary>
    public bool TryCurated(IReadOnlyList<string> words, out int fact) =>
        Phrased.TryGetValue(string.Join(' ', words), out fact) || LooselyPhrased.TryGetValue(Loosely(words), out fact);

    /// <summary>The fact whose curated question, title or alias the question is in words of the same meaning
    /// (<see cref="TermPhrased"/>).</summary>
    public bool TryTermCurated(IReadOnlyList<string> words, out int fact) => TermPhrased.TryGetValue(TermKey(Analyzer, words), out fact);

    /// <summary>As <see cref="TryTermCurated(IReadOnlyList{string}, out int)"/>, for a question as typed.</summary>
    public bool TryTermCurated(string question, out int fact) => TryTermCurated(QuestionNormalizer.Words(question), out fact);

    private static FrozenDictionary<string, int> PhrasedOf(FactBase facts, Func<string, string> key, bool withNames = false)
    {
        var owners = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < facts.Facts.Count; i++)
        {
            foreach (var phrasing in withNames ? facts.Facts[i].Phrasings.Concat(FactDocuments.Names(facts.Facts[i])) : facts.Facts[i].Phrasings)
            {
                var text = key(phrasing);
                if (text.Length > 0)
                {
                    owners[text] = owners.TryGetValue(text, out var owner) && owner != i ? -1 : i;
                }
            }
        }

        return owners.Where(o => o.Value >= 0).ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>An order-free key of a bag of terms.</summary>
    public static string Key(IEnumerable<string> terms) => string.Join(' ', terms.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));

    public static FactIndex Build(FactBase facts, Analyzer analyzer, EmbeddingCache? embeddings, JapaneseAnswers? japanese, CancellationToken ct)
    {
        var documents = new List<IReadOnlyList<string>>(facts.Facts.Count);
        var vocabulary = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var fact in facts.Facts)
        {
            var terms = new List<string>();
            foreach (var name in FactDocuments.Names(fact))
            {
                var nameTerms = analyzer.Terms(name);
                terms.AddRange(nameTerms);
                terms.AddRange(nameTerms);
            }

            foreach (var content in FactDocuments.Content(fact, facts))
            {
                terms.AddRange(analyzer.Terms(content));
            }

            documents.Add(terms);
            foreach (var word in FactDocuments.SpellingTargets(fact).SelectMany(QuestionNormalizer.Words))
            {
                vocabulary[word] = vocabulary.GetValueOrDefault(word) + 1;
            }
        }

        foreach (var word in analyzer.Synonyms.Words)
        {
            vocabulary.TryAdd(word, 1);
        }

        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var word in facts.Facts.SelectMany(f => FactDocuments.Names(f).Concat(FactDocuments.Content(f, facts))).SelectMany(QuestionNormalizer.Words))
        {
            used[word] = used.GetValueOrDefault(word) + 1;
        }

        var known = new HashSet<string>(used.Keys, StringComparer.Ordinal);
        known.UnionWith(vocabulary.Keys);
        known.UnionWith(Analyzer.StopWords);
        known.UnionWith(analyzer.Scope.Words);
        known.UnionWith(known.Select(Analyzer.Stem).ToList());

        float[][]? vectors = null;
        var owners = new List<int>();
        if (embeddings is not null)
        {
            var texts = new List<string>();
            for (var i = 0; i < facts.Facts.Count; i++)
            {
                foreach (var text in FactDocuments.SemanticTexts(facts.Facts[i], facts))
                {
                    texts.Add(text);
                    owners.Add(i);
                }
            }

            vectors = embeddings.GetOrEmbed(texts, ct);
        }

        // Real words the fact base does not use (the English readings of the Japanese glossary) are never corrected into
        // fact words, yet stay unknown to the fact base.
        var dictionary = analyzer.Japanese.Words.ToHashSet(StringComparer.Ordinal);
        return new FactIndex(facts, analyzer, new Bm25Index(documents), new SpellingCorrector(vocabulary, known, dictionary, used, EnglishWords.Vocabulary), new EntityResolver(facts), vectors, [.. owners], japanese ?? JapaneseAnswers.Empty);
    }

    /// <summary>
    /// Per fact, the best cosine between the question and any of its vectors; and the owners of the question's
    /// <paramref name="neighbours"/> nearest vectors (statements, curated questions), nearest first.
    /// </summary>
    public double[] Semantic(float[] query, out int[] nearest, int neighbours = 10)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(neighbours);
        var scores = new double[Facts.Facts.Count];
        Array.Fill(scores, -1);
        if (Vectors is null)
        {
            nearest = [];
            return scores;
        }

        // The k nearest so far, best first, kept by insertion: k is small, so this beats sorting every cosine.
        var k = Math.Min(neighbours, Vectors.Length);
        var best = new double[k];
        var bestOwner = new int[k];
        var filled = 0;
        for (var v = 0; v < Vectors.Length; v++)
        {
            var cosine = Dot(query, Vectors[v]);
            var owner = VectorOwner[v];
            if (cosine > scores[owner])
            {
                scores[owner] = cosine;
            }

            if (k > 0 && !double.IsNaN(cosine) && (filled < k || cosine > best[k - 1]))
            {
                var at = filled < k ? filled++ : k - 1;
                for (; at > 0 && best[at - 1] < cosine; at--)
                {
                    best[at] = best[at - 1];
                    bestOwner[at] = bestOwner[at - 1];
                }

                best[at] = cosine;
                bestOwner[at] = owner;
            }
        }

        nearest = filled == k ? bestOwner : bestOwner[..filled];
        return scores;
    }

    /// <summary>Per fact, how many vectors it has (its statement, curated questions and quotes).</summary>
    public int[] VectorCounts { get; }

    internal static double Dot(float[] a, float[] b)
    {
        Debug.Assert(a.Length == b.Length, "vectors of one model have one length");
        var width = System.Numerics.Vector<float>.Count;
        var sum = System.Numerics.Vector<float>.Zero;
        var i = 0;
        for (; i <= a.Length - width; i += width)
        {
            sum += new System.Numerics.Vector<float>(a, i) * new System.Numerics.Vector<float>(b, i);
        }

        var total = System.Numerics.Vector.Sum(sum);
        for (; i < a.Length; i++)
        {
            total += a[i] * b[i];
        }

        return total;
    }
}
