using System.Globalization;
using System.Text;
using NSec.Cryptography;

namespace Bot.Tests.Discord;

/// <summary>
/// Signs requests exactly as Discord does: Ed25519 over the UTF-8 timestamp followed by the raw body, sent as
/// lowercase hex in <c>X-Signature-Ed25519</c> with the decimal unix-seconds <c>X-Signature-Timestamp</c>.
/// </summary>
internal sealed class DiscordSigner : IDisposable
{
    private readonly Key _key;

    public DiscordSigner()
    {
        _key = Key.Create(SignatureAlgorithm.Ed25519, new KeyCreationParameters { ExportPolicy = KeyExportPolicies.None });
        PublicKeyHex = Convert.ToHexStringLower(_key.PublicKey.Export(KeyBlobFormat.RawPublicKey));
    }

    /// <summary>The value for <c>Discord__PublicKey</c>.</summary>
    public string PublicKeyHex { get; }

    public static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    public string Sign(string timestamp, byte[] body)
    {
        var message = Encoding.UTF8.GetBytes(timestamp).Concat(body).ToArray();
        return Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(_key, message));
    }

    /// <summary>A POST to the interactions endpoint as Discord sends it.</summary>
    public HttpRequestMessage Request(string json, string? timestamp = null) => Request(Encoding.UTF8.GetBytes(json), timestamp);

    public HttpRequestMessage Request(byte[] body, string? timestamp = null)
    {
        timestamp ??= Now();
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/discord/interactions", UriKind.Relative))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("User-Agent", "Discord-Interactions/1.0 (+https://discord.com)");
        request.Headers.Add("X-Signature-Ed25519", Sign(timestamp, body));
        request.Headers.Add("X-Signature-Timestamp", timestamp);
        return request;
    }

    public void Dispose() => _key.Dispose();
}
