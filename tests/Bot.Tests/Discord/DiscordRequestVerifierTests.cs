using System.Globalization;
using System.Text;
using Bot.Discord;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSec.Cryptography;

namespace Bot.Tests.Discord;

public sealed class DiscordRequestVerifierTests : IDisposable
{
    // RFC 8032 §7.1, Ed25519 TEST 1-3: secret key (seed), public key, message, signature.
    public static TheoryData<string, string, string, string> Rfc8032Vectors => new()
    {
        {
            "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
            "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            "",
            "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"
        },
        {
            "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
            "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c",
            "72",
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"
        },
        {
            "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
            "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025",
            "af82",
            "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"
        },
    };

    private const string Timestamp = "1760000000";
    private static readonly byte[] s_body = Encoding.UTF8.GetBytes("""{"type":2,"id":"1300000000000000001","data":{"name":"talks"},"token":"abc"}""");

    private readonly DiscordSigner _signer = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(long.Parse(Timestamp, CultureInfo.InvariantCulture)));

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void VerifySignature_Rfc8032Vector_Accepts(string secret, string publicKey, string message, string signature)
    {
        var key = DiscordRequestVerifier.ImportPublicKey(publicKey);

        Assert.True(DiscordRequestVerifier.VerifySignature(key, Convert.FromHexString(message), Convert.FromHexString(signature)));

        // The vector is what it claims: the seed derives this public key and signs the message to exactly this signature.
        using var seed = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString(secret), KeyBlobFormat.RawPrivateKey);
        Assert.Equal(publicKey, Convert.ToHexStringLower(seed.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        Assert.Equal(signature, Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(seed, Convert.FromHexString(message))));
    }

    [Theory]
    [MemberData(nameof(Rfc8032Vectors))]
    public void VerifySignature_Rfc8032VectorWithOneBitFlipped_Rejects(string secret, string publicKey, string message, string signature)
    {
        _ = secret;
        var key = DiscordRequestVerifier.ImportPublicKey(publicKey);
        var sig = Convert.FromHexString(signature);
        var msg = Convert.FromHexString(message);

        var flippedSignature = (byte[])sig.Clone();
        flippedSignature[10] ^= 0x01;
        Assert.False(DiscordRequestVerifier.VerifySignature(key, msg, flippedSignature));

        var longerMessage = msg.Append((byte)0).ToArray();
        Assert.False(DiscordRequestVerifier.VerifySignature(key, longerMessage, sig));
        Assert.False(DiscordRequestVerifier.VerifySignature(key, msg, sig.AsSpan(0, 63)));
    }

    [Fact]
    public void Verify_Rfc8032Test1KeySigningTimestampAndBody_Accepts()
    {
        using var seed = Key.Import(SignatureAlgorithm.Ed25519, Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"), KeyBlobFormat.RawPrivateKey);
        var verifier = Verifier("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        var signature = SignatureAlgorithm.Ed25519.Sign(seed, [.. Encoding.ASCII.GetBytes(Timestamp), .. s_body]);

        Assert.Equal(SignatureCheck.Valid, verifier.Verify(Convert.ToHexStringLower(signature), Timestamp, s_body));
    }

    [Fact]
    public void Verify_SignedAsDiscordSigns_Accepts()
    {
        Assert.Equal(SignatureCheck.Valid, Verifier().Verify(_signer.Sign(Timestamp, s_body), Timestamp, s_body));
    }

    [Fact]
    public void Verify_UpperCaseHexSignature_Accepts()
    {
        Assert.Equal(SignatureCheck.Valid, Verifier().Verify(_signer.Sign(Timestamp, s_body).ToUpperInvariant(), Timestamp, s_body));
    }

    [Fact]
    public void Verify_MultibyteUtf8Body_Accepts()
    {
        var body = Encoding.UTF8.GetBytes("""{"type":2,"data":{"name":"talks","options":[{"name":"ask","value":"赤沢 — ¥10兆 ✓"}]}}""");

        Assert.Equal(SignatureCheck.Valid, Verifier().Verify(_signer.Sign(Timestamp, body), Timestamp, body));
    }

    [Fact]
    public void Verify_EachBodyByteChanged_Rejects()
    {
        var verifier = Verifier();
        var signature = _signer.Sign(Timestamp, s_body);
        for (var i = 0; i < s_body.Length; i++)
        {
            var tampered = (byte[])s_body.Clone();
            tampered[i] ^= 0x01;
            Assert.Equal(SignatureCheck.BadSignature, verifier.Verify(signature, Timestamp, tampered));
        }
    }

    [Fact]
    public void Verify_TrailingNewlineNotSigned_Rejects()
    {
        var signature = _signer.Sign(Timestamp, s_body);

        Assert.Equal(SignatureCheck.BadSignature, Verifier().Verify(signature, Timestamp, [.. s_body, (byte)'\n']));
    }

    [Fact]
    public void Verify_ReserializedBody_Rejects()
    {
        var signature = _signer.Sign(Timestamp, s_body);
        var reserialized = Encoding.UTF8.GetBytes(System.Text.Json.Nodes.JsonNode.Parse(s_body)!.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));

        Assert.Equal(SignatureCheck.BadSignature, Verifier().Verify(signature, Timestamp, reserialized));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(-1)]
    public void Verify_TimestampChangedByOne_Rejects(int delta)
    {
        var signature = _signer.Sign(Timestamp, s_body);
        var other = (long.Parse(Timestamp, CultureInfo.InvariantCulture) + delta).ToString(CultureInfo.InvariantCulture);

        Assert.Equal(SignatureCheck.BadSignature, Verifier().Verify(signature, other, s_body));
    }

    [Fact]
    public void Verify_SignatureOfAnotherKey_Rejects()
    {
        using var other = new DiscordSigner();

        Assert.Equal(SignatureCheck.BadSignature, Verifier().Verify(other.Sign(Timestamp, s_body), Timestamp, s_body));
    }

    [Fact]
    public void Verify_SignatureOfEmptyBodyReplayedOnAnotherBody_Rejects()
    {
        Assert.Equal(SignatureCheck.BadSignature, Verifier().Verify(_signer.Sign(Timestamp, []), Timestamp, s_body));
    }

    [Theory]
    [InlineData(null, Timestamp, nameof(SignatureCheck.MissingHeader))]
    [InlineData("", Timestamp, nameof(SignatureCheck.MissingHeader))]
    [InlineData("SIG", null, nameof(SignatureCheck.MissingHeader))]
    [InlineData("SIG", "", nameof(SignatureCheck.MissingHeader))]
    [InlineData("SIG", "17600000OO", nameof(SignatureCheck.MalformedTimestamp))]
    [InlineData("SIG", "-1760000000", nameof(SignatureCheck.MalformedTimestamp))]
    [InlineData("SIG", " 1760000000", nameof(SignatureCheck.MalformedTimestamp))]
    [InlineData("SIG", "176000000000000000000000", nameof(SignatureCheck.MalformedTimestamp))]
    public void Verify_MissingOrMalformedHeaders_Rejects(string? signature, string? timestamp, string expected)
    {
        var valid = _signer.Sign(Timestamp, s_body);

        Assert.Equal(Enum.Parse<SignatureCheck>(expected), Verifier().Verify(signature == "SIG" ? valid : signature, timestamp, s_body));
    }

    [Theory]
    [InlineData("odd")]
    [InlineData("short")]
    [InlineData("long")]
    [InlineData("nonhex")]
    [InlineData("spaces")]
    [InlineData("base64")]
    public void Verify_MalformedSignature_Rejects(string kind)
    {
        var valid = _signer.Sign(Timestamp, s_body);
        var signature = kind switch
        {
            "odd" => valid[..127],
            "short" => valid[..126],
            "long" => valid + "00",
            "nonhex" => "zz" + valid[2..],
            "spaces" => " " + valid[1..],
            _ => Convert.ToBase64String(Convert.FromHexString(valid)).PadRight(128, '='),
        };

        Assert.Equal(SignatureCheck.MalformedSignature, Verifier().Verify(signature, Timestamp, s_body));
    }

    [Fact]
    public void Verify_ZeroSignature_Rejects()
    {
        Assert.Equal(SignatureCheck.BadSignature, Verifier().Verify(new string('0', 128), Timestamp, s_body));
    }

    [Theory]
    [InlineData(601)]
    [InlineData(-601)]
    [InlineData(86_400)]
    public void Verify_TimestampOutsideSkewWindow_RejectsAsStale(int secondsLater)
    {
        var signature = _signer.Sign(Timestamp, s_body);
        var time = new FakeTimeProvider(_time.GetUtcNow().AddSeconds(secondsLater));

        Assert.Equal(SignatureCheck.StaleTimestamp, Verifier(time: time).Verify(signature, Timestamp, s_body));
    }

    [Theory]
    [InlineData(599)]
    [InlineData(-599)]
    [InlineData(0)]
    public void Verify_TimestampWithinSkewWindow_Accepts(int secondsLater)
    {
        var signature = _signer.Sign(Timestamp, s_body);
        var time = new FakeTimeProvider(_time.GetUtcNow().AddSeconds(secondsLater));

        Assert.Equal(SignatureCheck.Valid, Verifier(time: time).Verify(signature, Timestamp, s_body));
    }

    [Fact]
    public void Verify_SkewCheckTurnedOff_AcceptsOldSignedRequest()
    {
        var signature = _signer.Sign(Timestamp, s_body);
        _time.Advance(TimeSpan.FromDays(30));

        Assert.Equal(SignatureCheck.Valid, Verifier(skewSeconds: 0).Verify(signature, Timestamp, s_body));
    }

    [Fact]
    public void Verify_NoPublicKeyConfigured_RejectsEverything()
    {
        var verifier = new DiscordRequestVerifier(Options.Create(new DiscordOptions()), _time);

        Assert.NotEqual(SignatureCheck.Valid, verifier.Verify(_signer.Sign(Timestamp, s_body), Timestamp, s_body));
    }

    [Theory]
    [InlineData("")]
    [InlineData("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511")]
    [InlineData("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a00")]
    [InlineData("x75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")]
    public void ImportPublicKey_NotA64HexKey_Throws(string hex)
    {
        Assert.Throws<FormatException>(() => DiscordRequestVerifier.ImportPublicKey(hex));
    }

    private DiscordRequestVerifier Verifier(string? publicKey = null, int skewSeconds = 600, TimeProvider? time = null) =>
        new(Options.Create(new DiscordOptions { PublicKey = publicKey ?? _signer.PublicKeyHex, MaxTimestampSkewSeconds = skewSeconds }), time ?? _time);

    public void Dispose() => _signer.Dispose();
}
