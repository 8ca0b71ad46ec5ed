namespace Bot.Answering;

/// <summary>Okapi BM25 over bags of terms (k1 = 1.2, b = 0.75). Immutable once built.</summary>
internal sealed class Bm25Index
{
    private const double K1 = 1.2;
    private const double B = 0.75;

    private readonly Dictionary<string, int>[] _termCounts;
    private readonly int[] _lengths;
    private readonly Dictionary<string, double> _idf = new(StringComparer.Ordinal);
    private readonly double _averageLength;

    public Bm25Index(IReadOnlyList<IReadOnlyList<string>> documents)
    {
        _termCounts = new Dictionary<string, int>[documents.Count];
        _lengths = new int[documents.Count];
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var d = 0; d < documents.Count; d++)
        {
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var term in documents[d])
            {
                counts[term] = counts.GetValueOrDefault(term) + 1;
            }

            foreach (var term in counts.Keys)
            {
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
            }

            _termCounts[d] = counts;
            _lengths[d] = documents[d].Count;
        }

        _averageLength = documents.Count == 0 ? 1 : Math.Max(1, _lengths.Average());
        var n = documents.Count;
        foreach (var (term, df) in documentFrequency)
        {
            _idf[term] = Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
        }

        MaxIdf = Math.Log(1 + ((n + 0.5) / 0.5));
    }

    public int Count => _lengths.Length;

    /// <summary>The idf a term that occurs in no document would have.</summary>
    public double MaxIdf { get; }

    public bool Contains(string term) => _idf.ContainsKey(term);

    public double Idf(string term) => _idf.TryGetValue(term, out var idf) ? idf : MaxIdf;

    public bool DocumentHas(int document, string term) => _termCounts[document].ContainsKey(term);

    /// <summary>Scores every document; repeated query terms count once.</summary>
    public double[] Score(IEnumerable<string> query)
    {
        var scores = new double[Count];
        foreach (var term in query.Distinct(StringComparer.Ordinal))
        {
            if (!_idf.TryGetValue(term, out var idf))
            {
                continue;
            }

            for (var d = 0; d < scores.Length; d++)
            {
                if (_termCounts[d].TryGetValue(term, out var tf))
                {
                    scores[d] += idf * (tf * (K1 + 1)) / (tf + (K1 * (1 - B + (B * _lengths[d] / _averageLength))));
                }
            }
        }

        return scores;
    }
}
