using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Bot.Slack;

/// <summary>Why a request was accepted or refused; every value but <see cref="Valid"/> means 401.</summary>
internal enum SlackVerification
{
    Valid,
    MissingTimestamp,
    MalformedTimestamp,
    StaleTimestamp,
    FutureTimestamp,
    MissingSignature,
    MalformedSignature,
    SignatureMismatch,
}

/// <summary>
/// Verifies Slack's request signature on the raw body bytes: <c>X-Slack-Signature</c> must equal
/// <c>v0=</c> + lowercase hex HMAC-SHA256(signing secret, <c>v0:{X-Slack-Request-Timestamp}:{body}</c>),
/// compared in constant time, and the timestamp must be within 300 s of now in either direction.
/// </summary>
internal sealed class SlackRequestVerifier
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";

    /// <summary>Slack's replay window: requests more than five minutes away from our clock are refused.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromSeconds(300);

    private const string Version = "v0";
    private const int HexLength = 64;

    private static readonly SearchValues<char> s_lowerHex = SearchValues.Create("0123456789abcdef");

    private readonly byte[] _key;
    private readonly TimeProvider _time;

    public SlackRequestVerifier(IOptions<SlackOptions> options, TimeProvider time)
        : this(options.Value.SigningSecret ?? "", time)
    {
    }

    internal SlackRequestVerifier(string signingSecret, TimeProvider time)
    {
        _key = Encoding.UTF8.GetBytes(signingSecret);
        _time = time;
    }

    public SlackVerification Verify(string? timestamp, string? signature, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(timestamp))
        {
            return SlackVerification.MissingTimestamp;
        }

        // Slack sends whole seconds since the epoch; anything else (signs, spaces, fractions, 20 digits) is not Slack.
        if (timestamp.Length > 12 || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return SlackVerification.MalformedTimestamp;
        }

        var skew = _time.GetUtcNow().ToUnixTimeSeconds() - seconds;
        if (skew > MaxClockSkew.TotalSeconds)
        {
            return SlackVerification.StaleTimestamp;
        }

        if (-skew > MaxClockSkew.TotalSeconds)
        {
            return SlackVerification.FutureTimestamp;
        }

        if (string.IsNullOrEmpty(signature))
        {
            return SlackVerification.MissingSignature;
        }

        if (!IsWellFormed(signature))
        {
            return SlackVerification.MalformedSignature;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(timestamp, body));
        var actual = Encoding.ASCII.GetBytes(signature);
        return CryptographicOperations.FixedTimeEquals(expected, actual)
            ? SlackVerification.Valid
            : SlackVerification.SignatureMismatch;
    }

    /// <summary>The header value Slack would send for this timestamp and body.</summary>
    public string Sign(string timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(Encoding.ASCII.GetBytes($"{Version}:{timestamp}:"));
        hmac.AppendData(body);
        Span<byte> hash = stackalloc byte[32];
        hmac.GetHashAndReset(hash);
        return $"{Version}={Convert.ToHexStringLower(hash)}";
    }

    /// <summary><c>v0=</c> and 64 lowercase hex digits, exactly what Slack sends; the format is public, so checking it leaks nothing.</summary>
    private static bool IsWellFormed(string signature) =>
        signature.Length == Version.Length + 1 + HexLength
        && signature.StartsWith(Version + "=", StringComparison.Ordinal)
        && signature.AsSpan(Version.Length + 1).IndexOfAnyExcept(s_lowerHex) < 0;
}
