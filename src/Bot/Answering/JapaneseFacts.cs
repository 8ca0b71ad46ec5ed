using System.Security.Cryptography;
using System.Text;
using Bot.Facts;
using Microsoft.Extensions.Options;

namespace Bot.Answering;

/// <summary>
/// The facts in Japanese as the service serves them, to answers and lookups alike: the file
/// (<c>Answering__JapaneseAnswersPath</c>) is read on first use and again whenever its write time or length changes, so
/// a curator's update is served without a restart. A file that does not read keeps the last one that did, and the log
/// says why; a stale entry is never shown anyway (<see cref="JapaneseAnswers.For"/>).
/// </summary>
internal sealed class JapaneseFacts
{
    /// <summary>No facts in Japanese: every answer is in English.</summary>
    public static readonly JapaneseFacts None = new((string?)null, null);

    private readonly string? _path;
    private readonly AnsweringLog? _log;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();

    /// <summary>The file's write time and length when last read and settled; null to read it at the next call.</summary>
    private (long Ticks, long Length)? _stamp;

    /// <summary>The stamp last seen and when it was first seen: a file is read again until its stamp has held for
    /// <see cref="s_settle"/>, in case a save was still under way (its rest landing within one tick of the file
    /// system's clock, at the same length).</summary>
    private (long Ticks, long Length) _seen = (-1, -1);
    private DateTimeOffset _seenAt;

    /// <summary>The SHA-256 of the content last read, whether it loaded or not, and the last error logged.</summary>
    private byte[] _hash = [];
    private string? _logged;
    private JapaneseAnswers _answers = JapaneseAnswers.Empty;
    private long _generation;

    private static readonly TimeSpan s_settle = TimeSpan.FromSeconds(2);

    public JapaneseFacts(IOptions<AnsweringOptions> options, AnsweringLog log, TimeProvider time)
        : this(AnsweringOptions.ResolveDataPath(options.Value.JapaneseAnswersPath), log, time)
    {
    }

    /// <param name="path">The file; none when null.</param>
    internal JapaneseFacts(string? path, AnsweringLog? log, TimeProvider? time = null)
    {
        _path = path;
        _log = log;
        _time = time ?? TimeProvider.System;
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

            var now = _time.GetUtcNow();
            if (stamp != _seen)
            {
                (_seen, _seenAt) = (stamp, now);
            }

            try
            {
                var content = file.Exists ? File.ReadAllBytes(_path) : [];
                _stamp = now - _seenAt >= s_settle ? stamp : null;
                var hash = SHA256.HashData(content);
                if (!hash.AsSpan().SequenceEqual(_hash))
                {
                    _hash = hash;
                    // The bytes hashed are the bytes parsed (a byte-order mark skipped, as File.OpenText does).
                    using var reader = new StreamReader(new MemoryStream(content), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
                    _answers = file.Exists ? JapaneseAnswers.Load(reader, _path) : JapaneseAnswers.Empty;
                    _generation++;
                    _logged = null;
                }
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                // A file that cannot be read now (locked, no permission) is tried again at the next call; a broken one
                // when its content changes. Either is logged once.
                if (e is not InvalidDataException)
                {
                    _stamp = null;
                }

                if (_logged != e.Message)
                {
                    _logged = e.Message;
                    _log?.JapaneseAnswersUnreadable(_path, e.Message);
                }
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
