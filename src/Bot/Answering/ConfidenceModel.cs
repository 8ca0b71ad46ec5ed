using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Bot.Answering;

/// <summary>What the confidence is computed from, for the best candidate of one question.</summary>
internal readonly record struct ConfidenceFeatures(
    double Fused, double Margin, double Semantic, double Coverage, double Unknown, double EntityAgreement, double RankAgreement,
    double SemanticMargin, double LexicalMargin, double OtherPlace, double CloseRelated = 0, double ProfileOfSeveral = 0, double SemanticVote = 0, double TopFits = 0, double SecondFits = 0, double Stability = 1, double Spread = 0, double Unstated = 0, double Speculative = 0, double Length = 1, double CountedAbsent = 0)
{
    public static readonly string[] Names =
    [
        "fused", "margin", "semantic", "coverage", "unknown", "entity", "agreement", "semantic_margin", "lexical_margin", "other_place",
        "close_related", "profile_of_several", "semantic_vote", "top_fits", "second_fits", "stability", "spread", "unstated", "speculative", "length", "counted_absent",
    ];

    public double[] ToArray() =>
        [Fused, Math.Sqrt(Math.Max(0, Margin)), Semantic, Coverage, Unknown, EntityAgreement, RankAgreement, SemanticMargin, LexicalMargin, OtherPlace, CloseRelated, ProfileOfSeveral, SemanticVote, TopFits, SecondFits, Stability, Spread, Unstated, Speculative, Length, CountedAbsent];
}

/// <summary>
/// Logistic confidence: p = σ(bias + Σ wᵢ·xᵢ), fitted on the dev split by <c>bot eval --calibrate</c> so that p is the
/// chance the top answer is right; the engine abstains below <see cref="Threshold"/>. Stored as YAML.
/// </summary>
internal sealed record ConfidenceModel(double Bias, IReadOnlyList<double> Weights, double Threshold)
{
    /// <summary>Hand-set starting weights, used when no calibration file exists.</summary>
    public static readonly ConfidenceModel Default = new(-9.0, [4.0, 4.0, 6.0, 5.0, -4.0, 1.5, 1.0, 1.0, 1.0, -4.0, -2.0, -2.0, 1.0, 1.0, -0.5, 1.0], 0.5);

    public double Confidence(ConfidenceFeatures features)
    {
        var x = features.ToArray();
        var z = Bias;
        for (var i = 0; i < x.Length && i < Weights.Count; i++)
        {
            z += Weights[i] * x[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>Does the named feature, at the value these features give it, lower the confidence (weight × value &lt; 0)?</summary>
    public bool CountsAgainst(ConfidenceFeatures features, string name)
    {
        var i = Array.IndexOf(ConfidenceFeatures.Names, name);
        return i >= 0 && i < Weights.Count && Weights[i] * features.ToArray()[i] < 0;
    }

    /// <summary>Fits bias and weights by gradient descent on log-loss with a little L2, for labelled feature rows.</summary>
    public static ConfidenceModel Fit(IReadOnlyList<(ConfidenceFeatures Features, bool Correct)> rows, double threshold)
    {
        var dims = ConfidenceFeatures.Names.Length;
        var w = new double[dims];
        var bias = 0.0;
        const double rate = 0.5;
        const double l2 = 0.001;
        var xs = rows.Select(r => r.Features.ToArray()).ToArray();
        var ys = rows.Select(r => r.Correct ? 1.0 : 0.0).ToArray();
        for (var epoch = 0; epoch < 4000; epoch++)
        {
            var gradient = new double[dims];
            var gradientBias = 0.0;
            for (var r = 0; r < xs.Length; r++)
            {
                var z = bias;
                for (var d = 0; d < dims; d++)
                {
                    z += w[d] * xs[r][d];
                }

                var error = (1 / (1 + Math.Exp(-z))) - ys[r];
                gradientBias += error;
                for (var d = 0; d < dims; d++)
                {
                    gradient[d] += error * xs[r][d];
                }
            }

            bias -= rate * gradientBias / xs.Length;
            for (var d = 0; d < dims; d++)
            {
                w[d] -= rate * ((gradient[d] / xs.Length) + (l2 * w[d]));
            }
        }

        return new ConfidenceModel(bias, w, threshold);
    }

    public static ConfidenceModel Load(string path)
    {
        if (!File.Exists(path))
        {
            return Default;
        }

        using var reader = File.OpenText(path);
        var stream = new YamlStream();
        stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents[0].RootNode;
        double Scalar(string key) => double.Parse(((YamlScalarNode)root[key]).Value!, CultureInfo.InvariantCulture);
        var weights = (YamlMappingNode)root["weights"];
        return new ConfidenceModel(
            Scalar("bias"),
            [.. ConfidenceFeatures.Names.Select(n => weights.Children.TryGetValue(new YamlScalarNode(n), out var v) ? double.Parse(((YamlScalarNode)v).Value!, CultureInfo.InvariantCulture) : 0)],
            Scalar("threshold"));
    }

    public void Save(string path, string comment)
    {
        using var writer = File.CreateText(path);
        writer.WriteLine($"# Confidence calibration, written by `bot eval --calibrate` ({comment}).");
        writer.WriteLine("# confidence = sigmoid(bias + sum(weight * feature)); the engine abstains below threshold.");
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bias: {Bias:R}"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threshold: {Threshold:R}"));
        writer.WriteLine("weights:");
        for (var i = 0; i < ConfidenceFeatures.Names.Length; i++)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ConfidenceFeatures.Names[i]}: {Weights[i]:R}"));
        }
    }
}
