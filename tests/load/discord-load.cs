#:package NSec.Cryptography
using System.Diagnostics;
using System.Globalization;
using System.Text;
using NSec.Cryptography;

// Load run of POST /discord/interactions against a running bot on loopback: signed requests exactly as Discord
// sends them (Ed25519 over timestamp + body), latency percentiles and throughput per kind of interaction.
// Not part of `dotnet test`. Start the bot with the public key of the RFC 8032 test-1 seed, then run this:
//
//   Discord__PublicKey=d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a Facts__Watch=false \
//     Logging__LogLevel__Default=Warning dotnet run -c Release --project src/Bot -- serve --urls http://127.0.0.1:18181 &
//   dotnet run tests/load/discord-load.cs -- 9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60 \
//     http://127.0.0.1:18181/ 5000 8
//
// Arguments: SEED_HEX BASE_URL REQUESTS_PER_KIND CONCURRENCY. Every response status is checked (200, or 401 for the
// bad signature); a wrong one stops the run.
var seed = Convert.FromHexString(args[0]);
var baseUrl = new Uri(args[1]);
var n = int.Parse(args[2], CultureInfo.InvariantCulture);
var concurrency = int.Parse(args[3], CultureInfo.InvariantCulture);
using var key = Key.Import(SignatureAlgorithm.Ed25519, seed, KeyBlobFormat.RawPrivateKey);
using var http = new HttpClient { BaseAddress = baseUrl };

string Cmd(string sub, string opts) => "{\"type\":2,\"id\":\"1300000000000000001\",\"application_id\":\"1200000000000000000\",\"token\":\"aW50ZXJhY3Rpb24" + new string('x', 150) + "\",\"version\":1,\"guild_id\":\"1100000000000000000\",\"channel_id\":\"1100000000000000050\",\"member\":{\"user\":{\"id\":\"900000000000000001\",\"username\":\"alice\"},\"permissions\":\"104189504\"},\"data\":{\"id\":\"1\",\"name\":\"talks\",\"type\":1,\"options\":[{\"type\":1,\"name\":\"" + sub + "\",\"options\":[" + opts + "]}]}}";
var cases = new (string Name, string Body, bool Sign)[]
{
    ("ping", "{\"type\":1,\"id\":\"1\",\"application_id\":\"2\",\"token\":\"t\",\"version\":1}", true),
    ("bad signature", "{\"type\":1,\"id\":\"1\",\"application_id\":\"2\",\"token\":\"t\",\"version\":1}", false),
    ("who akazawa", Cmd("who", "{\"type\":3,\"name\":\"name\",\"value\":\"akazawa\"}"), true),
    ("round 4", Cmd("round", "{\"type\":4,\"name\":\"number\",\"value\":4}"), true),
    ("timeline (page 1)", Cmd("timeline", ""), true),
    ("autocomplete who 'ak'", Cmd("who", "{\"type\":3,\"name\":\"name\",\"value\":\"ak\",\"focused\":true}").Replace("\"type\":2,", "\"type\":4,"), true),
};
foreach (var (name, body, sign) in cases)
{
    var bytes = Encoding.UTF8.GetBytes(body);
    async Task<double> One()
    {
        var ts = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var sig = sign ? Convert.ToHexStringLower(SignatureAlgorithm.Ed25519.Sign(key, Encoding.ASCII.GetBytes(ts).Concat(bytes).ToArray())) : new string('0', 128);
        using var req = new HttpRequestMessage(HttpMethod.Post, "discord/interactions") { Content = new ByteArrayContent(bytes) };
        req.Content.Headers.ContentType = new("application/json");
        req.Headers.Add("X-Signature-Ed25519", sig);
        req.Headers.Add("X-Signature-Timestamp", ts);
        var sw = Stopwatch.StartNew();
        using var res = await http.SendAsync(req);
        await res.Content.ReadAsByteArrayAsync();
        sw.Stop();
        if ((int)res.StatusCode != (sign ? 200 : 401)) throw new InvalidOperationException($"{name}: {(int)res.StatusCode}");
        return sw.Elapsed.TotalMilliseconds;
    }
    for (var i = 0; i < 200; i++) await One(); // warm-up
    var times = new System.Collections.Concurrent.ConcurrentBag<double>();
    var total = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (_, _) => times.Add(await One()));
    total.Stop();
    var sorted = times.Order().ToArray();
    double P(double q) => sorted[(int)Math.Min(sorted.Length - 1, Math.Ceiling(q * sorted.Length) - 1)];
    Console.WriteLine($"{name,-24} n={n} c={concurrency}  p50 {P(0.5):F2} ms  p95 {P(0.95):F2} ms  p99 {P(0.99):F2} ms  max {sorted[^1]:F2} ms  {n / total.Elapsed.TotalSeconds:F0} req/s");
}
