using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Bot.Commands;
using Bot.Discord;

namespace Bot.Tests.Discord;

/// <summary>One host for the endpoint tests: synthetic facts, recording command handlers, Discord enabled by a test key.</summary>
public sealed class DiscordEndpointsFixture : IAsyncLifetime
{
    private FactFolder? _facts;

    internal DiscordTestHost Host { get; private set; } = null!;

    internal RecordingCommandHandlers Handlers { get; } = new();

    public async Task InitializeAsync()
    {
        _facts = DiscordTestFacts.Create();
        Host = await DiscordTestHost.StartAsync(_facts.Path, DiscordTestHost.RecordingHandlers(Handlers));
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        _facts?.Dispose();
    }
}

public sealed class DiscordEndpointsTests(DiscordEndpointsFixture fixture) : IClassFixture<DiscordEndpointsFixture>
{
    private DiscordTestHost Host => fixture.Host;

    private int Dispatched => fixture.Handlers.All.Sum(h => h.Requests.Count);

    [Fact]
    public async Task Post_SignedPing_AnswersPongAsJson()
    {
        var result = await Host.PostAsync(JsonNode.Parse(DiscordInteractionJson.Ping())!);

        DiscordAssert.ValidResponse(result, expectedType: 1);
        Assert.Equal("""{"type":1}""", result.Text);
    }

    [Fact]
    public async Task Post_SignedPingWithDiscordsExactBytes_AnswersPong()
    {
        // The raw bytes as Discord sent them (no re-serialization by the test).
        var result = await Host.SendAsync(Host.Signer.Request(DiscordInteractionJson.Ping()));

        Assert.Equal(HttpStatusCode.OK, result.Status);
        Assert.Equal("""{"type":1}""", result.Text);
    }

    public static TheoryData<string> SignatureFailures =>
    [
        "no signature header", "no timestamp header", "no headers", "empty signature", "non-hex signature", "signature 126 hex",
        "signature 130 hex", "signature of another key", "body byte changed", "body byte appended", "timestamp changed by one",
        "two signature headers", "stale timestamp", "zero signature",
    ];

    [Theory]
    [MemberData(nameof(SignatureFailures))]
    public async Task Post_SignatureFailure_Answers401BeforeParsing(string failure)
    {
        var before = Dispatched;
        var json = DiscordInteractionJson.Command(CommandNames.Help, DiscordInteractionJson.NewToken()).ToJsonString();
        var body = Encoding.UTF8.GetBytes(json);
        var timestamp = DiscordSigner.Now();
        var signature = Host.Signer.Sign(timestamp, body);
        using var otherKey = new DiscordSigner();

        var request = failure switch
        {
            "no signature header" => DiscordRawRequests.Unsigned(json, ("X-Signature-Timestamp", timestamp)),
            "no timestamp header" => DiscordRawRequests.Unsigned(json, ("X-Signature-Ed25519", signature)),
            "no headers" => DiscordRawRequests.Unsigned(json),
            "empty signature" => DiscordRawRequests.Unsigned(json, ("X-Signature-Ed25519", ""), ("X-Signature-Timestamp", timestamp)),
            "non-hex signature" => DiscordRawRequests.Unsigned(json, ("X-Signature-Ed25519", "g" + signature[1..]), ("X-Signature-Timestamp", timestamp)),
            "signature 126 hex" => DiscordRawRequests.Unsigned(json, ("X-Signature-Ed25519", signature[..126]), ("X-Signature-Timestamp", timestamp)),
            "signature 130 hex" => DiscordRawRequests.Unsigned(json, ("X-Signature-Ed25519", signature + "ab"), ("X-Signature-Timestamp", timestamp)),
            "signature of another key" => DiscordRawRequests.Unsigned(json, ("X-Signature-Ed25519", otherKey.Sign(timestamp, body)), ("X-Signature-Timestamp", timestamp)),
            "body byte changed" => DiscordRawRequests.Unsigned(json.Replace("\"help\"", "\"hflp\"", StringComparison.Ordinal), ("X-Signature-Ed25519", signature), ("X-Signature-Timestamp", timestamp)),
            "body byte appended" => DiscordRawRequests.Unsigned(json + " ", ("X-Signature-Ed25519", signature), ("X-Signature-Timestamp", timestamp)),
            "timestamp changed by one" => DiscordRawRequests.Unsigned(json, ("X-Signature-Ed25519", signature), ("X-Signature-Timestamp", (long.Parse(timestamp, System.Globalization.CultureInfo.InvariantCulture) + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))),
            "two signature headers" => DiscordRawRequests.Unsigned(json, ("X-Signature-Ed25519", signature), ("X-Signature-Ed25519", signature), ("X-Signature-Timestamp", timestamp)),
            "stale timestamp" => Host.Signer.Request(body, (DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 3600).ToString(System.Globalization.CultureInfo.InvariantCulture)),
            "zero signature" => DiscordRawRequests.Unsigned(json, ("X-Signature-Ed25519", new string('0', 128)), ("X-Signature-Timestamp", timestamp)),
            _ => throw new ArgumentOutOfRangeException(nameof(failure)),
        };

        var result = await Host.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, result.Status);
        Assert.Equal(before, Dispatched);
    }

    [Fact]
    public async Task Post_InvalidJsonWithBadSignature_Answers401Not400()
    {
        var result = await Host.SendAsync(DiscordRawRequests.Unsigned("{not json", ("X-Signature-Ed25519", new string('a', 128)), ("X-Signature-Timestamp", DiscordSigner.Now())));

        Assert.Equal(HttpStatusCode.Unauthorized, result.Status);
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"ping\"")]
    [InlineData("""{"type":"one"}""")]
    [InlineData("""{"type":99,"id":"1","application_id":"2","token":"t","data":{}}""")]
    [InlineData("""{"id":"1","application_id":"2","token":"t"}""")]
    [InlineData("""{"type":6,"id":"1","application_id":"2","token":"t"}""")]
    [InlineData("""{"type":2,"id":"1","application_id":"2","token":"t"}""")]
    [InlineData("""{"type":2,"id":"abc","application_id":"2","token":"t","data":{"name":"talks"}}""")]
    [InlineData("""{"type":2,"id":"1","application_id":"2","token":"../../x","data":{"name":"talks"}}""")]
    [InlineData("""{"type":2,"id":"1","application_id":"2","data":{"name":"talks"}}""")]
    [InlineData("""{"type":2,"id":"1","application_id":"2","token":"t","data":{"name":"talks","options":"x"}}""")]
    [InlineData("""{"type":3,"id":"1","application_id":"2","token":"t","guild_id":"g1","data":{"custom_id":"sh","component_type":2}}""")]
    public async Task Post_SignedButMalformed_Answers400(string body)
    {
        var before = Dispatched;

        var result = await Host.SendAsync(Host.Signer.Request(body));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
        Assert.Equal(before, Dispatched);
    }

    [Fact]
    public async Task Post_SignedButNestedTooDeep_Answers400()
    {
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);

        var result = await Host.SendAsync(Host.Signer.Request(deep));

        Assert.Equal(HttpStatusCode.BadRequest, result.Status);
    }

    [Fact]
    public async Task Post_BodyOverLimit_Answers413WithoutVerifying()
    {
        var body = new byte[300 * 1024];
        Array.Fill(body, (byte)' ');

        var result = await Host.SendAsync(Host.Signer.Request(body));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, result.Status);
    }

    [Fact]
    public async Task Post_ChunkedBodyOverLimit_Answers413()
    {
        var body = new byte[300 * 1024];
        using var request = Host.Signer.Request(body);
        request.Content = new StreamContent(new NonSeekableStream(body));
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var result = await Host.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, result.Status);
    }

    [Fact]
    public async Task Post_GetInsteadOfPost_IsNotAnInteraction()
    {
        using var response = await Host.Client.GetAsync(new Uri("/discord/interactions", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Fact]
    public async Task Post_ProbeWithRandomSignature_Answers401AndLogsNoError()
    {
        var random = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));

        var result = await Host.SendAsync(DiscordRawRequests.Unsigned(DiscordInteractionJson.Ping(), ("X-Signature-Ed25519", random), ("X-Signature-Timestamp", DiscordSigner.Now())));

        Assert.Equal(HttpStatusCode.Unauthorized, result.Status);
        Assert.DoesNotContain(Host.Logs.Lines, l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Error);
    }

    /// <summary>A body stream of unknown length, so the request is sent chunked.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}

public sealed class DiscordEndpointsDisabledTests
{
    [Fact]
    public async Task Post_WithoutPublicKey_Answers404AndSaysSoInTheLog_ServiceStillRuns()
    {
        using var facts = DiscordTestFacts.Create();
        await using var host = await DiscordTestHost.StartAsync(facts.Path, enabled: false);

        var result = await host.PostAsync(JsonNode.Parse(DiscordInteractionJson.Ping())!);
        using var health = await host.Client.GetAsync(new Uri("/health/ready", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, result.Status);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Contains(host.Logs.Lines, l => l.Id.Id == 4000 && l.Text.Contains("Discord__PublicKey is not set", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Discord:PublicKey", "not-a-key", "PublicKey")]
    [InlineData("Discord:PublicKey", "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511", "PublicKey")]
    [InlineData("Discord:ApiBaseUrl", "https://discord.com/api/v10", "ApiBaseUrl")]
    [InlineData("Discord:InlineBudgetMilliseconds", "2900", "InlineBudgetMilliseconds")]
    public async Task Start_InvalidDiscordOption_StopsWithTheOptionNamed(string key, string value, string expected)
    {
        // Started as a generic host with the same registrations: a web host that fails to start under
        // WebApplicationFactory can surface an ObjectDisposedException instead of the validation error.
        using var facts = DiscordTestFacts.Create();
        var settings = new Dictionary<string, string?>
        {
            ["Discord:PublicKey"] = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a",
            ["Discord:ApplicationId"] = DiscordInteractionJson.ApplicationId,
            ["Discord:BotToken"] = FakeDiscordApi.BotToken,
            [key] = value,
        };

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => CoreHost.StartAsync(facts.Path, settings, builder => builder.AddDiscord()));

        Assert.Contains(expected, ex.ToString(), StringComparison.Ordinal);
    }
}
