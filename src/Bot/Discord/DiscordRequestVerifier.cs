using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using NSec.Cryptography;

namespace Bot.Discord;

/// <summary>Why a request was refused; anything but <see cref="Valid"/> means 401.</summary>
internal enum SignatureCheck
{
    Valid,
    MissingHeader,
    MalformedSignature,
    MalformedTimestamp,
    BadSignature,
    StaleTimestamp,
}

/// <summary>
/// Verifies Discord's request signature: Ed25519 by the application's public key over the bytes of the
/// <c>X-Signature-Timestamp</c> header followed by the raw body, exactly as received. Runs before anything parses
/// the body; malformed input is a refusal, never an exception.
/// </summary>
internal sealed class DiscordRequestVerifier
{
    public const string SignatureHeader = "X-Signature-Ed25519";
    public const string TimestampHeader = "X-Signature-Timestamp";

    private const int SignatureBytes = 64;
    private const int MaxTimestampDigits = 20;

    private static readonly SignatureAlgorithm s_ed25519 = SignatureAlgorithm.Ed25519;

    private readonly PublicKey? _key;
    private readonly TimeProvider _time;
    private readonly TimeSpan _maxSkew;

    public DiscordRequestVerifier(IOptions<DiscordOptions> options, TimeProvider time)
    {
        var o = options.Value;
        _key = o.Enabled ? ImportPublicKey(o.PublicKey!) : null;
        _time = time;
        _maxSkew = TimeSpan.FromSeconds(o.MaxTimestampSkewSeconds);
    }

    /// <summary>Imports a 64-hex-character Ed25519 public key; throws <see cref="FormatException"/> on anything else.</summary>
    public static PublicKey ImportPublicKey(string hex)
    {
        var trimmed = hex.Trim();
        if (trimmed.Length != 64 || !IsHex(trimmed))
        {
            throw new FormatException("An Ed25519 public key is 64 hex characters.");
        }

        return PublicKey.TryImport(s_ed25519, Convert.FromHexString(trimmed), KeyBlobFormat.RawPublicKey, out var key) && key is not null
            ? key
            : throw new FormatException("The value is not a valid Ed25519 public key.");
    }

    public SignatureCheck Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (_key is null)
        {
            return SignatureCheck.BadSignature;
        }

        if (string.IsNullOrEmpty(signatureHex) || string.IsNullOrEmpty(timestamp))
        {
            return SignatureCheck.MissingHeader;
        }

        if (signatureHex.Length != SignatureBytes * 2 || !IsHex(signatureHex))
        {
            return SignatureCheck.MalformedSignature;
        }

        if (timestamp.Length > MaxTimestampDigits || !timestamp.All(char.IsAsciiDigit))
        {
            return SignatureCheck.MalformedTimestamp;
        }

        // Signed bytes: UTF-8 of the timestamp header (ASCII digits, checked above) then the raw body.
        var signed = new byte[timestamp.Length + body.Length];
        Encoding.ASCII.GetBytes(timestamp, signed);
        body.CopyTo(signed.AsSpan(timestamp.Length));
        if (!VerifySignature(_key, signed, Convert.FromHexString(signatureHex)))
        {
            return SignatureCheck.BadSignature;
        }

        return IsFresh(timestamp) ? SignatureCheck.Valid : SignatureCheck.StaleTimestamp;
    }

    /// <summary>Plain Ed25519 verification of a detached signature; false for any length or content mismatch.</summary>
    public static bool VerifySignature(PublicKey key, ReadOnlySpan<byte> message, ReadOnlySpan<byte> signature) =>
        signature.Length == SignatureBytes && s_ed25519.Verify(key, message, signature);

    private bool IsFresh(string timestamp)
    {
        if (_maxSkew == TimeSpan.Zero)
        {
            return true;
        }

        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var now = _time.GetUtcNow().ToUnixTimeSeconds();
        return Math.Abs((decimal)now - seconds) <= (decimal)_maxSkew.TotalSeconds;
    }

    private static bool IsHex(string text) => text.All(char.IsAsciiHexDigit);
}
