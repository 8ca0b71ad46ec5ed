using Bot.Facts;

namespace Bot.Answering;

/// <summary>What adding a curated question came to: added, already there, or refused (with why).</summary>
internal sealed record CuratedQuestionOutcome(bool Changed, bool Refused, string Message);

/// <summary>
/// A curator's answer to an unanswered question: the question becomes one of the curated questions of the fact that
/// answers it, in that fact's YAML file, so the engine answers it word for word from then on (and ranks it better when
/// worded a little differently). The file is changed only when the whole fact base still loads with it.
/// </summary>
internal static class CuratedQuestions
{
    public static CuratedQuestionOutcome Add(string folder, string factId, string question)
    {
        var loader = new FactBaseLoader(TimeProvider.System);
        var loaded = loader.Load(folder);
        if (loaded.FactBase is not { } facts)
        {
            return Refuse($"The fact base does not load, so nothing was changed: {First(loaded.Errors)}");
        }

        if (facts.Find(factId) is not { } fact)
        {
            return Refuse($"No fact has the id '{factId}'.");
        }

        // One question, one fact: a question curated for two facts answers neither word for word.
        var words = string.Join(' ', QuestionNormalizer.Words(question));
        if (words.Length == 0)
        {
            return Refuse("The question has no words to match.");
        }

        if (facts.Facts.FirstOrDefault(f => f.Phrasings.Any(p => string.Join(' ', QuestionNormalizer.Words(p)) == words)) is { } holder)
        {
            return holder.Id == fact.Id
                ? new CuratedQuestionOutcome(Changed: false, Refused: false, $"\"{question}\" is already a curated question of {fact.Id}.")
                : Refuse($"\"{question}\" is already a curated question of {holder.Id}; a question curated for two facts answers neither.");
        }

        var file = Path.Combine(folder, Path.GetFileName(fact.Location.File));
        string edited;
        try
        {
            edited = PhrasingWriter.Add(File.ReadAllText(file), fact.Location.Line, question);
        }
        catch (InvalidDataException ex)
        {
            return Refuse($"{fact.Location.File}: {ex.Message}");
        }

        // Load the whole fact base with the edit, in a copy, before touching the real file.
        var check = Directory.CreateTempSubdirectory("bot-curate-");
        try
        {
            foreach (var yaml in Directory.GetFiles(folder, "*.yaml"))
            {
                File.Copy(yaml, Path.Combine(check.FullName, Path.GetFileName(yaml)));
            }

            File.WriteAllText(Path.Combine(check.FullName, Path.GetFileName(file)), edited);
            var after = loader.Load(check.FullName);
            if (after.FactBase?.Find(fact.Id) is not { } changed || !changed.Phrasings.Contains(question, StringComparer.Ordinal))
            {
                return Refuse($"The edited {Path.GetFileName(file)} would not load as intended, so it was left as it was: {First(after.Errors)}");
            }
        }
        finally
        {
            check.Delete(recursive: true);
        }

        // Write beside the file, then replace it: a reader (the service's watcher) never sees half a file.
        var temporary = file + ".curating";
        File.WriteAllText(temporary, edited);
        File.Move(temporary, file, overwrite: true);
        return new CuratedQuestionOutcome(Changed: true, Refused: false, $"Added \"{question}\" to the curated questions of {fact.Id} in {fact.Location.File}.");
    }

    private static CuratedQuestionOutcome Refuse(string message) => new(Changed: false, Refused: true, message);

    private static string First(IReadOnlyList<FactError> errors) => errors.Count > 0 ? errors[0].ToString() : "no error named";
}
