using System.Security.Cryptography;
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

    /// <summary>The file's write time and length when last looked at; null to look again at the next read.</summary>
    private (long Ticks, long Length)? _stamp;

    /// <summary>The SHA-256 of the content last read, whether it loaded or not.</summary>
    private byte[] _hash = [];
    private JapaneseAnswers _answers = JapaneseAnswers.Empty;
    private long _generation;

    /// <summary>A file written this recently may still be being written (within one tick of its clock): it is looked at
    /// again at the next read.</summary>
    private static readonly TimeSpan s_settle = TimeSpan.FromSeconds(2);

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
    /// The facts in Japanese now, and a generation that grows by one each time they change: part of the answer index's
    /// version, so that a newer file makes a new index even when the facts have not changed, and an older reading never
    /// replaces a newer one. The file is looked at when its write time or length changes, and read again only if its
    /// content did; a file that does not load keeps the last one that did, and the log says why, once per content.
    /// </summary>
    public (JapaneseAnswers Answers, long Generation) Read()
    {
        if (_path is null)
        {
            return (JapaneseAnswers.Empty, 0);
        }

        lock (_gate)
        {
            var file = new FileInfo(_path);
            var stamp = file.Exists ? (file.LastWriteTimeUtc.Ticks, file.Length) : (0L, 0L);
            if (stamp == _stamp)
            {
                return (_answers, _generation);
            }

            _stamp = file.Exists && DateTime.UtcNow - file.LastWriteTimeUtc < s_settle ? null : stamp;
            try
            {
                var content = file.Exists ? File.ReadAllBytes(_path) : [];
                var hash = SHA256.HashData(content);
                if (!hash.AsSpan().SequenceEqual(_hash))
                {
                    _hash = hash;
                    _answers = content.Length == 0 && !file.Exists ? JapaneseAnswers.Empty : JapaneseAnswers.Load(_path);
                    _generation++;
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                _log?.JapaneseAnswersUnreadable(_path, e.Message);
            }

            return (_answers, _generation);
        }
    }

    /// <summary>
    /// The fact in Japanese, with the people an event involves by their Japanese names (in Latin letters where a person
    /// has none); null without a current translation.
    /// </summary>
    public JapaneseAnswer? For(Fact fact, FactBase facts) => For(Read().Answers, fact, facts);

    internal static JapaneseAnswer? For(JapaneseAnswers answers, Fact fact, FactBase facts) =>
        answers.For(fact) is not { } japanese ? null
        : fact.Kind != FactKind.Event ? japanese
        : japanese with
        {
            People = [.. fact.People.Select(id => facts.Find(id) is { } person ? answers.For(person)?.Title ?? person.Title : id)],
        };
}
