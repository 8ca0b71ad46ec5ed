using System.Text;
using Bot.Slack;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Slack;

public sealed class SlackRequestVerifierTests
{
    // Slack's published example (api.slack.com "Verifying requests from Slack"; also python-slack-sdk's test vector).
    private const string DocSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    private const string DocTimestamp = "1531420618";
    private const string DocSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly byte[] s_docBody = Encoding.UTF8.GetBytes(
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c");

    private static SlackRequestVerifier VerifierAt(long unixSeconds, string secret = DocSecret) =>
        new(secret, new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    [Fact]
    public void Verify_SlackDocumentedVector_IsValid()
    {
        Assert.Equal(362, s_docBody.Length);
        Assert.Equal(SlackVerification.Valid, VerifierAt(1531420618).Verify(DocTimestamp, DocSignature, s_docBody));
    }

    [Fact]
    public void Sign_SlackDocumentedVector_ProducesTheDocumentedHeader() =>
        Assert.Equal(DocSignature, VerifierAt(1531420618).Sign(DocTimestamp, s_docBody));

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    [InlineData(0)]
    public void Verify_TimestampWithinFiveMinutesEitherWay_IsValid(int offset) =>
        Assert.Equal(SlackVerification.Valid, VerifierAt(1531420618 + offset).Verify(DocTimestamp, DocSignature, s_docBody));

    [Fact]
    public void Verify_StaleTimestamp_IsRefused() =>
        Assert.Equal(SlackVerification.StaleTimestamp, VerifierAt(1531420618 + 301).Verify(DocTimestamp, DocSignature, s_docBody));

    [Fact]
    public void Verify_FutureTimestamp_IsRefused() =>
        Assert.Equal(SlackVerification.FutureTimestamp, VerifierAt(1531420618 - 301).Verify(DocTimestamp, DocSignature, s_docBody));

    [Fact]
    public void Verify_RealClockAgainstOldVector_IsStale() =>
        Assert.Equal(SlackVerification.StaleTimestamp, new SlackRequestVerifier(DocSecret, TimeProvider.System).Verify(DocTimestamp, DocSignature, s_docBody));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Verify_MissingTimestamp_IsRefused(string? timestamp) =>
        Assert.Equal(SlackVerification.MissingTimestamp, VerifierAt(1531420618).Verify(timestamp, DocSignature, s_docBody));

    [Theory]
    [InlineData("1531420618.5")]
    [InlineData("-1531420618")]
    [InlineData("+1531420618")]
    [InlineData(" 1531420618")]
    [InlineData("abc")]
    [InlineData("99999999999999999999")]
    public void Verify_MalformedTimestamp_IsRefused(string timestamp) =>
        Assert.Equal(SlackVerification.MalformedTimestamp, VerifierAt(1531420618).Verify(timestamp, DocSignature, s_docBody));

    [Fact]
    public void Verify_EveryChangedBodyByte_IsRefused()
    {
        var verifier = VerifierAt(1531420618);
        for (var i = 0; i < s_docBody.Length; i++)
        {
            var body = (byte[])s_docBody.Clone();
            body[i] ^= 0x01;
            Assert.Equal(SlackVerification.SignatureMismatch, verifier.Verify(DocTimestamp, DocSignature, body));
        }
    }

    [Fact]
    public void Verify_AppendedBody_IsRefused() =>
        Assert.Equal(SlackVerification.SignatureMismatch, VerifierAt(1531420618).Verify(DocTimestamp, DocSignature, [.. s_docBody, .. "------"u8]));

    [Fact]
    public void Verify_TimestampChangedButFresh_IsRefused() =>
        Assert.Equal(SlackVerification.SignatureMismatch, VerifierAt(1531420619).Verify("1531420619", DocSignature, s_docBody));

    [Fact]
    public void Verify_WrongSecret_IsRefused() =>
        Assert.Equal(SlackVerification.SignatureMismatch, VerifierAt(1531420618, "8f742231b10e8888abcd99yyyzzz85a6").Verify(DocTimestamp, DocSignature, s_docBody));

    [Theory]
    [InlineData(null, "MissingSignature")]
    [InlineData("", "MissingSignature")]
    [InlineData("a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "MalformedSignature")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "MalformedSignature")]
    [InlineData("v0=A2114D57B48EAC39B9AD189DD8316235A7B4A8D21A10BD27519666489C69B503", "MalformedSignature")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b50", "MalformedSignature")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b5033", "MalformedSignature")]
    [InlineData("v0=z2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "MalformedSignature")]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503,v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "MalformedSignature")]
    [InlineData("v0=b2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", "SignatureMismatch")]
    public void Verify_MalformedOrWrongSignatureHeader_IsRefused(string? signature, string expected) =>
        Assert.Equal(Enum.Parse<SlackVerification>(expected), VerifierAt(1531420618).Verify(DocTimestamp, signature, s_docBody));

    [Fact]
    public void Verify_EmptyBodySignedCorrectly_IsValid()
    {
        var verifier = VerifierAt(1531420618);
        Assert.Equal(SlackVerification.Valid, verifier.Verify(DocTimestamp, SlackSigner.Signature(DocSecret, DocTimestamp, []), []));
    }

    [Fact]
    public void Verify_TestSignerAgreesWithTheDocumentedVector() =>
        Assert.Equal(DocSignature, SlackSigner.Signature(DocSecret, DocTimestamp, s_docBody));
}
