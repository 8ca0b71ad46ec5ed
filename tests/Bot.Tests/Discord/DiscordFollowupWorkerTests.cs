using Bot.Discord;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bot.Tests.Discord;

public sealed class DiscordFollowupWorkerTests
{
    private const string Route = "PATCH /webhooks/{webhook_id}/{webhook_token}/messages/@original";

    private static DiscordFollowup Followup(Task<DiscordMessage> answer, string token = "tok") =>
        new("1300000000000000001", DiscordInteractionJson.ApplicationId, token, "ask", answer);

    private static Task<DiscordMessage> Answer(string title = "Late answer") => Task.FromResult(new DiscordMessage
    {
        Embeds = [new DiscordEmbed { Title = title }],
        Flags = DiscordBits.Ephemeral,
        Components = [],
    });

    private static DiscordFollowupWorker Worker(DiscordServices discord) =>
        discord.Services.GetServices<IHostedService>().OfType<DiscordFollowupWorker>().Single();

    [Fact]
    public async Task DeliverAsync_EditsTheOriginalResponseWithoutFlags()
    {
        await using var discord = await DiscordServices.StartAsync();

        await Worker(discord).DeliverAsync(Followup(Answer()), CancellationToken.None);

        var call = Assert.Single(discord.Api.Calls);
        Assert.Equal($"/api/v10/webhooks/{DiscordInteractionJson.ApplicationId}/tok/messages/@original", call.Path);
        Assert.Empty(call.Violations);
        Assert.Null(call.Body!["flags"]);
        Assert.Equal("Late answer", call.Body["embeds"]![0]!["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(404)]
    [InlineData(401)]
    [InlineData(400)]
    public async Task DeliverAsync_InteractionGoneOrRefused_DoesNotRetry(int status)
    {
        await using var discord = await DiscordServices.StartAsync();
        discord.Api.Script(Route, status);

        await Worker(discord).DeliverAsync(Followup(Answer()), CancellationToken.None);

        Assert.Equal(status, Assert.Single(discord.Api.Calls).Status);
    }

    [Fact]
    public async Task DeliverAsync_ServerError_RetriesAndDelivers()
    {
        await using var discord = await DiscordServices.StartAsync();
        discord.Api.Script(Route, 502);

        await Worker(discord).DeliverAsync(Followup(Answer()), CancellationToken.None);

        Assert.Equal([502, 200], discord.Api.Calls.Select(c => c.Status));
    }

    [Fact]
    public async Task DeliverAsync_RateLimitedTwice_WaitsRetryAfterEachTimeAndDelivers()
    {
        await using var discord = await DiscordServices.StartAsync();
        discord.Api.Script(Route, 429, retryAfter: 0.02);
        discord.Api.Script(Route, 429, retryAfter: 0.02);

        await Worker(discord).DeliverAsync(Followup(Answer()), CancellationToken.None);

        Assert.Equal([429, 429, 200], discord.Api.Calls.Select(c => c.Status));
    }

    [Fact]
    public async Task DeliverAsync_ManyFollowupsOnOneToken_StaysWithinTheWebhookRateLimit()
    {
        // The fake allows 5 requests per 2 s per webhook token and answers 429 beyond; every edit still lands.
        await using var discord = await DiscordServices.StartAsync();
        var worker = Worker(discord);

        await Task.WhenAll(Enumerable.Range(0, 7).Select(i => worker.DeliverAsync(Followup(Answer($"answer {i}"), token: "same"), CancellationToken.None)));

        Assert.Contains(discord.Api.Calls, c => c.Status == 429);
        var delivered = discord.Api.Calls.Where(c => c.Status == 200).Select(c => c.Body!["embeds"]![0]!["title"]!.GetValue<string>()).Order(StringComparer.Ordinal);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"answer {i}").Order(StringComparer.Ordinal), delivered);
    }

    [Fact]
    public async Task StopAsync_DeliversWhatIsQueuedBeforeStopping()
    {
        await using var discord = await DiscordServices.StartAsync();
        var worker = Worker(discord);
        var queue = discord.Services.GetRequiredService<DiscordFollowupQueue>();
        var answer = new TaskCompletionSource<DiscordMessage>(TaskCreationOptions.RunContinuationsAsynchronously);
        await worker.StartAsync(CancellationToken.None);
        Assert.True(queue.TryEnqueue(Followup(answer.Task)));

        var stopping = worker.StopAsync(CancellationToken.None);
        Assert.False(queue.TryEnqueue(Followup(Answer())));
        answer.SetResult(await Answer("Delivered while stopping"));
        await stopping;

        var call = Assert.Single(discord.Api.Calls);
        Assert.Equal("Delivered while stopping", call.Body!["embeds"]![0]!["title"]!.GetValue<string>());
    }
}

public sealed class DiscordFollowupQueueTests
{
    [Fact]
    public void TryEnqueue_WhenFull_Refuses()
    {
        var queue = new DiscordFollowupQueue(Microsoft.Extensions.Options.Options.Create(new DiscordOptions { FollowupQueueCapacity = 1 }));
        var followup = new DiscordFollowup("1", "2", "t", "ask", Task.FromResult(new DiscordMessage()));

        Assert.True(queue.TryEnqueue(followup));
        Assert.False(queue.TryEnqueue(followup));
        Assert.Equal(1, queue.Count);
    }

    [Fact]
    public void Followup_ToString_DoesNotShowTheToken()
    {
        var followup = new DiscordFollowup("1300000000000000001", "2", "secret-interaction-token", "ask", Task.FromResult(new DiscordMessage()));

        Assert.DoesNotContain("secret-interaction-token", followup.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret", new DiscordInteraction { Id = "1", Token = "secret" }.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_QueueFull_AnswersBusyInsteadOfDeferring()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handlers = new RecordingCommandHandlers(new Dictionary<string, Func<Bot.Commands.CommandRequest, Task<Bot.Commands.Reply>>>
        {
            [Bot.Commands.CommandNames.Ask] = async _ =>
            {
                await gate.Task;
                return new Bot.Commands.Reply { Kind = Bot.Commands.ReplyKind.Answer, Title = "late" };
            },
        });
        using var facts = DiscordTestFacts.Create();
        await using var host = await DiscordTestHost.StartAsync(facts.Path, DiscordTestHost.RecordingHandlers(handlers), new Dictionary<string, string?>
        {
            ["Discord:InlineBudgetMilliseconds"] = "100",
            ["Discord:FollowupQueueCapacity"] = "1",
            ["Discord:FollowupConcurrency"] = "1",
        });
        var queue = host.Services.GetRequiredService<DiscordFollowupQueue>();

        try
        {
            // The first is taken by the worker (which waits for its answer), the second waits in the queue, the third does not fit.
            DiscordAssert.ValidResponse(await host.PostAsync(Ask()), 5);
            while (queue.Count > 0)
            {
                await Task.Yield();
            }

            DiscordAssert.ValidResponse(await host.PostAsync(Ask()), 5);
            var busy = DiscordAssert.ValidResponse(await host.PostAsync(Ask()), 4);

            Assert.Contains("Too many questions at once", DiscordAssert.Text(busy["data"]), StringComparison.Ordinal);
            Assert.Contains(host.Logs.Lines, l => l.Id.Id == 4010);
        }
        finally
        {
            gate.SetResult();
        }

        await host.Api.WaitForCallsAsync(2);
        Assert.Equal(2, host.Api.Calls.Count);

        static System.Text.Json.Nodes.JsonObject Ask() =>
            DiscordInteractionJson.Command(Bot.Commands.CommandNames.Ask, DiscordInteractionJson.NewToken(), DiscordInteractionJson.PlainPermissions, ("question", "slow"));
    }
}
