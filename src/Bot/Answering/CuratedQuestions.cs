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

        // Matched word for word only as typed in English (a Japanese question is matched through its reading), and only
        // when it has a word the engine reads at all.
        var parsed = QuestionNormalizer.Words(question);
        if (JapaneseGlossary.HasJapanese(question))
        {
            return Refuse("A question in Japanese script is read through data/answering/japanese.yaml, not matched word for word: add the missing terms there instead.");
        }

        if (parsed.All(Analyzer.StopWords.Contains))
        {
            return Refuse("The question has no words to match.");
        }

        // One question, one fact: a question curated for two facts answers neither word for word.
        var words = string.Join(' ', parsed);
        if (facts.Facts.FirstOrDefault(f => f.Phrasings.Any(p => QuestionNormalizer.Text(p) == words)) is { } holder)
        {
            return holder.Id == fact.Id
                ? new CuratedQuestionOutcome(Changed: false, Refused: false, $"\"{question}\" is already a curated question of {fact.Id}.")
                : Refuse($"\"{question}\" is already a curated question of {holder.Id}; a question curated for two facts answers neither.");
        }

        // Nor but for filler words ("what is", "the"): another fact's question alike would stop answering both loosely.
        var loosely = FactIndex.Loosely(parsed);
        if (facts.Facts.FirstOrDefault(f => f.Id != fact.Id && f.Phrasings.Any(p => FactIndex.Loosely(QuestionNormalizer.Words(p)) == loosely)) is { } alike)
        {
            return Refuse($"\"{question}\" is, but for words such as \"what is\" and \"the\", a curated question of {alike.Id}; curated for two facts, it would answer neither.");
        }

        var file = Path.Combine(folder, Path.GetFileName(fact.Location.File));

        // One curator at a time per folder: two runs at once would each write the file as they read it, losing the other's.
        FileStream gate;
        try
        {
            gate = new FileStream(Path.Combine(folder, ".curating.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            return Refuse("Another curator is adding a question to this fact base; run this again in a moment.");
        }
        catch (UnauthorizedAccessException ex)
        {
            return Refuse($"{folder} cannot be written ({ex.Message}); run this in a checkout of the repository and commit data/facts.");
        }

        using (gate)
        {
            return Write(loader, folder, file, fact, question);
        }
    }

    private static CuratedQuestionOutcome Write(FactBaseLoader loader, string folder, string file, Fact fact, string question)
    {
        string original, edited;
        try
        {
            original = File.ReadAllText(file);
            edited = PhrasingWriter.Add(original, fact.Location.Line, question);
        }
        catch (InvalidDataException ex)
        {
            return Refuse($"{fact.Location.File}: {ex.Message}");
        }
        catch (IOException ex)
        {
            return Refuse($"{fact.Location.File} cannot be read ({ex.Message}).");
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
                var error = after.Errors.Count > 0 ? after.Errors[0].ToString().Replace(check.FullName, folder, StringComparison.Ordinal) : "the question did not end up among the fact's phrasings";
                return Refuse($"The edited {Path.GetFileName(file)} would not load as intended, so it was left as it was: {error}");
            }
        }
        finally
        {
            check.Delete(recursive: true);
        }

        // Write beside the file, then replace it: a reader (the service's watcher) never sees half a file. Not when the
        // file changed meanwhile (an editor, a pull): that change would be lost.
        var temporary = $"{file}.{Guid.NewGuid():N}.curating";
        try
        {
            if (File.ReadAllText(file) != original)
            {
                return Refuse($"{fact.Location.File} changed while the question was being added, so it was left as it is now; run this again.");
            }

            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                writer.Write(edited);
                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            return Refuse($"{fact.Location.File} cannot be written ({ex.Message}); run this in a checkout of the repository and commit data/facts.");
        }

        return new CuratedQuestionOutcome(Changed: true, Refused: false, $"Added \"{question}\" to the curated questions of {fact.Id} in {fact.Location.File}.");
    }

    private static CuratedQuestionOutcome Refuse(string message) => new(Changed: false, Refused: true, message);

    private static string First(IReadOnlyList<FactError> errors) => errors.Count > 0 ? errors[0].ToString() : "no error named";

}
