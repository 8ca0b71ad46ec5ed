using Bot.Facts;
using Microsoft.Extensions.Options;

namespace Bot.Answering;

/// <summary>
/// The facts in Japanese as the service serves them, to answers and lookups alike: the file
/// (<c>Answering__JapaneseAnswersPath</c>) is read on first use and again whenever its write time changes, so a
/// curator's update is served without a restart. A file that does not read keeps the last one that did, and the log
/// says why; a stale entry is never shown anyway (<see cref="JapaneseAnswers.For"/>).
/// </summary>
internal sealed class JapaneseFacts
{
    /// <summary>No facts in Japanese: every answer is in English.</summary>
    public static readonly JapaneseFacts None = new((string?)null, null);

    private readonly string? _path;
    private readonly AnsweringLog? _log;
    private readonly Lock _gate = new();
    private long? _stamp;
    private JapaneseAnswers _answers = JapaneseAnswers.Empty;

    public JapaneseFacts(IOptions<AnsweringOptions> options, AnsweringLog log)
        : this(AnsweringOptions.ResolveDataPath(options.Value.JapaneseAnswersPath), log)
    {
    }

    /// <param name="path">The file; none when null.</param>
    internal JapaneseFacts(string? path, AnsweringLog? log)
    {
        _path = path;
        _log = log;
    }

    public string? Path => _path;

    /// <summary>
    /// The facts in Japanese now, and the write time of the file they were read from (0 when there is none), which is
    /// part of the answer index's version: a newer file is a new index even when the facts have not changed.
    /// </summary>
    public (JapaneseAnswers Answers, long Stamp) Read()
    {
        if (_path is null)
        {
            return (JapaneseAnswers.Empty, 0);
        }

        var stamp = WriteTime(_path);
        lock (_gate)
        {
            if (stamp != _stamp)
            {
                // Tried once per write: a broken file is not read again on every question.
                _stamp = stamp;
                try
                {
                    _answers = JapaneseAnswers.LoadOrEmpty(_path);
                }
                catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
                {
                    _log?.JapaneseAnswersUnreadable(_path, e.Message);
                }
            }

            return (_answers, stamp);
        }
    }

    /// <summary>
    /// The fact in Japanese, with the people an event involves by their Japanese names (in Latin letters where a person
    /// has none); null without a current translation.
    /// </summary>
    public JapaneseAnswer? For(Fact fact, FactBase facts) => For(Read().Answers, fact, facts);

    /// <summary>The fact in Japanese for a lookup whose text was typed in Japanese script; null for one typed in English,
    /// or without a current translation.</summary>
    public JapaneseAnswer? ForLookup(string? typed, Fact fact, FactBase facts) =>
        typed is not null && typed.Any(JapaneseGlossary.IsJapanese) ? For(fact, facts) : null;

    internal static JapaneseAnswer? For(JapaneseAnswers answers, Fact fact, FactBase facts) =>
        answers.For(fact) is not { } japanese ? null
        : fact.Kind != FactKind.Event ? japanese
        : japanese with
        {
            People = [.. fact.People.Select(id => facts.Find(id) is { } person ? answers.For(person)?.Title ?? person.Title : id)],
        };

    private static long WriteTime(string path)
    {
        try
        {
            return File.Exists(path) ? File.GetLastWriteTimeUtc(path).Ticks : 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
