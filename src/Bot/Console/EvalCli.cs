using System.CommandLine;
using Bot.Answering;
using Bot.Answering.Evaluation;
using Bot.Facts;

namespace Bot.Console;

/// <summary>
/// <c>bot eval [--questions FILE]... [--facts DIR] [--calibrate] [--tune] [--misses] [--features FILE]</c>: quality of the engine and of a plain
/// BM25 baseline on the gold questions, per file and split. <c>--calibrate</c> refits the confidence on every dev question and saves it.
/// </summary>
internal static class EvalCli
{
    public static Command Create()
    {
        var questions = new Option<string[]>("--questions") { Description = $"Gold question files; repeat for several (default: {string.Join(", ", GoldSet.DefaultFiles)})." };
        var facts = new Option<string?>("--facts") { Description = "Fact-base folder (default: Facts__Path or data/facts)." };
        var calibrate = new Option<bool>("--calibrate") { Description = "Fit the confidence on the dev questions of every file and write the calibration file." };
        var tune = new Option<bool>("--tune") { Description = "Search the ranking weights on the dev split and print the best (they are set in code)." };
        var misses = new Option<bool>("--misses") { Description = "List the dev questions the engine gets wrong (never the test split)." };
        var features = new Option<string?>("--features") { Description = "Write each dev question's confidence features and whether its top fact is right, as TSV, for calibration work (with --phrasings, the held-out phrasings' too)." };
        var phrasings = new Option<bool>("--phrasings") { Description = "Also ask every curated phrasing of an index that does not hold it (5 folds), and report it as a third split." };
        var followUps = new Option<string[]>("--followups") { Description = $"Also ask two-turn conversations' follow-ups, in context and alone, from these files; repeat for several (e.g. {FollowUpSet.DefaultFile})." };
        var command = new Command("eval", "Top-1, MRR@5, out-of-scope abstention and confident-but-wrong answers, engine vs BM25 baseline.")
        {
            questions, facts, calibrate, tune, misses, features, phrasings, followUps,
        };
        command.SetAction((parse, ct) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var files = parse.GetValue(questions) is { Length: > 0 } given ? given : GoldSet.DefaultFiles;
            var gold = files.SelectMany(f => GoldSet.Load(AnsweringOptions.ResolveDataPath(f))).ToList();
            var factBase = AnswerHarness.LoadFacts(parse.GetValue(facts) ?? new FactsOptions().ResolvePath());
            var conversations = (parse.GetValue(followUps) ?? []).SelectMany(f => FollowUpSet.Load(AnsweringOptions.ResolveDataPath(f))).ToList();
            var unknown = Evaluator.UnknownIds(factBase, [.. gold, .. conversations.Select(c => c.FollowUp)]).ToList();
            foreach (var error in unknown)
            {
                parse.InvocationConfiguration.Error.WriteLine(error);
            }

            if (unknown.Count > 0)
            {
                return Task.FromResult(1);
            }

            var options = new AnsweringOptions();
            var harness = AnswerHarness.Create(factBase, options);
            var current = harness;
            if (parse.GetValue(tune))
            {
                var weights = harness.Evaluator.Tune([.. gold.Where(q => q.Split == GoldSet.Dev)], output, ct);
                current = harness = harness.WithWeights(weights);
            }

            if (parse.GetValue(calibrate))
            {
                var devOutcomes = harness.Evaluator.RunEngine(gold.Where(q => q.Split == GoldSet.Dev), ct);
                var model = Evaluator.Calibrate(devOutcomes, out var outOfFold);
                // Next to the synonyms the engine read, i.e. the repository's data/answering when run from the repository.
                var path = Path.Combine(Path.GetDirectoryName(AnsweringOptions.ResolveDataPath(options.SynonymsPath))!, Path.GetFileName(options.CalibrationPath));
                model.Save(path, $"{devOutcomes.Count} dev questions, fact base {factBase.ShortVersion}");
                output.WriteLine(FormattableString.Invariant(
                    $"calibration written to {path}: threshold {model.Threshold}; out of fold there, per repetition: utility {outOfFold.Utility:F1}, {outOfFold.Right:F1} right and {outOfFold.Wrong:F1} wrong answers of {devOutcomes.Count}"));
                current = harness.WithModel(model);
            }

            var rows = new List<EvalMetrics>();
            // One row pair per file and split: every file's dev split first, then every file's test split, each in file order.
            var splits = gold.GroupBy(q => q.Label).OrderBy(g => g.First().Split == GoldSet.Test)
                .Select(g => (Split: g.Key, Questions: (IReadOnlyList<GoldQuestion>)[.. g])).ToList();
            if (parse.GetValue(phrasings))
            {
                splits.Add((Evaluator.Phrasing, []));
            }

            var analysed = new List<EvalOutcome>();
            foreach (var (split, subset) in splits)
            {
                var engine = split == Evaluator.Phrasing ? current.Evaluator.RunHeldOutPhrasings(Evaluator.PhrasingFolds, ct) : current.Evaluator.RunEngine(subset, ct);
                rows.Add(EvalMetrics.From(Evaluator.Engine, split, engine));
                rows.Add(EvalMetrics.From(Evaluator.Baseline, split, current.Evaluator.RunBaseline(split == Evaluator.Phrasing ? [.. engine.Select(o => o.Gold)] : subset)));
                if (conversations.Count > 0 && split != Evaluator.Phrasing)
                {
                    // What context costs questions that stand alone: each asked after the one before it in its file.
                    var chained = subset.Select((q, i) => new GoldConversation(i == 0 ? "" : subset[i - 1].Question, q));
                    var afterPrevious = current.Evaluator.RunFollowUps([.. chained], inContext: true, ct);
                    rows.Add(EvalMetrics.From(AfterPrevious, split, afterPrevious));
                    if (parse.GetValue(misses) && subset.Count > 0 && subset[0].Split == GoldSet.Dev)
                    {
                        // Never the test split: a dev question that context turned into a miss.
                        for (var i = 1; i < subset.Count; i++)
                        {
                            if ((afterPrevious[i].Missed && !engine[i].Missed) || (afterPrevious[i].ConfidentWrong && !engine[i].ConfidentWrong) || afterPrevious[i].RankedFirst != engine[i].RankedFirst)
                            {
                                var previous = new PreviousQuestion(subset[i - 1].Question, current.Answer(subset[i - 1].Question, ct).Subject?.Id);
                                output.WriteLine($"context miss {split} line {subset[i].Line}: \"{subset[i - 1].Question}\" then \"{subset[i].Question}\" got {(afterPrevious[i].Abstained ? "abstain " : "")}{string.Join(", ", afterPrevious[i].Ranked.Take(2))}; readings: {string.Join(" | ", FollowUps.Readings(current.Index, subset[i].Question, previous))}");
                            }
                        }
                    }
                }

                if (subset.Count == 0 || subset[0].Split != GoldSet.Test)
                {
                    // Never the test split: it is only reported.
                    analysed.AddRange(engine);
                }
            }

            foreach (var split in conversations.GroupBy(c => c.FollowUp.Label).OrderBy(g => g.First().FollowUp.Split == GoldSet.Test))
            {
                var inContext = current.Evaluator.RunFollowUps(split, inContext: true, ct);
                rows.Add(EvalMetrics.From(InContext, split.Key, inContext));
                rows.Add(EvalMetrics.From(Alone, split.Key, current.Evaluator.RunFollowUps(split, inContext: false, ct)));
                if (parse.GetValue(misses) && split.First().FollowUp.Split == GoldSet.Dev)
                {
                    foreach (var (c, o) in split.Zip(inContext))
                    {
                        if (o.Missed)
                        {
                            output.WriteLine($"miss {o.Gold.Label} line {o.Gold.Line}: \"{c.First}\" then \"{o.Gold.Question}\" expected {(o.Gold.Abstain ? "abstain" : string.Join("|", o.Gold.Expected))}, got {(o.Abstained ? "abstain " : "")}{string.Join(", ", o.Ranked.Take(3))} conf {o.Confidence:F2}; readings: {string.Join(" | ", FollowUps.Readings(current.Index, c.FollowUp.Question, new PreviousQuestion(c.First, current.Answer(c.First, ct).Subject?.Id)))}");
                        }
                    }
                }
            }

            if (parse.GetValue(features) is { } featuresPath)
            {
                WriteFeatures(featuresPath, analysed);
            }

            if (parse.GetValue(misses))
            {
                foreach (var o in analysed.Where(o => o.Gold.Split == GoldSet.Dev ? o.Missed : !o.RankedFirst))
                {
                    output.WriteLine($"miss {o.Gold.Label} line {o.Gold.Line}: \"{o.Gold.Question}\" expected {(o.Gold.Abstain ? "abstain" : string.Join("|", o.Gold.Expected))}, got {(o.Abstained ? "abstain " : "")}{string.Join(", ", o.Ranked.Take(3))} conf {o.Confidence:F2} [{string.Join(' ', o.Features.ToArray().Select(f => f.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))}]");
                }
            }

            output.WriteLine($"fact base {factBase.ShortVersion}: {factBase.Facts.Count} facts; {gold.Count} gold questions");
            Evaluator.WriteTable(output, rows);
            return Task.FromResult(0);
        });
        return command;
    }

    /// <summary>The follow-up asked after its conversation's first question, as the service asks it.</summary>
    private const string InContext = "in-context";

    /// <summary>A gold question asked after the one before it, as a follow-up would be.</summary>
    private const string AfterPrevious = "after-previous";

    /// <summary>The follow-up asked as if it were the asker's first question.</summary>
    private const string Alone = "alone";

    private static void WriteFeatures(string path, IReadOnlyList<EvalOutcome> outcomes)
    {
        using var writer = File.CreateText(path);
        writer.WriteLine(string.Join('\t', ConfidenceFeatures.Names.Prepend("line").Prepend("split").Append("oos").Append("right").Append("top").Append("second").Append("expected").Append("related")));
        foreach (var o in outcomes)
        {
            var values = o.Features.ToArray().Select(f => f.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteLine(string.Join('\t', values.Prepend(o.Gold.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)).Prepend(o.Gold.Label)
                .Append(o.Gold.Abstain ? "1" : "0").Append(o.RankedFirst ? "1" : "0")
                .Append(o.Ranked.Count > 0 ? o.Ranked[0] : "").Append(o.Ranked.Count > 1 ? o.Ranked[1] : "").Append(string.Join('|', o.Gold.Expected)).Append(string.Join('|', o.Related))));
        }
    }
}
