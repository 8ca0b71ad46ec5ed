using Bot.Commands;
using Microsoft.Extensions.Options;

namespace Bot.Slack;

/// <summary>
/// Answers queued Slack commands: dispatches each to the command layer in a fresh scope, renders the reply, and either
/// hands it to the HTTP request still waiting for it or posts it to the job's <c>response_url</c>.
/// </summary>
internal sealed class SlackReplyWorker(
    SlackReplyQueue queue,
    IServiceScopeFactory scopes,
    IOptions<SlackOptions> options,
    SlackLog log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.ReplyWorkers).Select(_ => ConsumeAsync(stoppingToken)));

    private async Task ConsumeAsync(CancellationToken ct)
    {
        try
        {
            await foreach (var job in queue.Reader.ReadAllAsync(ct))
            {
                try
                {
                    await ProcessAsync(job, ct);
                }
#pragma warning disable CA1031 // One failed reply must not stop the loop (nor, through it, the host).
                catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
#pragma warning restore CA1031
                {
                    log.ReplyJobFailed(job.Request.Name, ex);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Host stopping.
        }
    }

    internal async Task ProcessAsync(SlackReplyJob job, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        SlackMessage message;
        try
        {
            var reply = await scope.ServiceProvider.GetRequiredService<ICommandDispatcher>().DispatchAsync(job.Request, ct);
            // A follow-up's Share and page buttons ask the whole question it was read as.
            var view = reply.AskedAs is { } whole ? job.View with { CommandText = SlackCommandText.ForSuggestion(CommandNames.Ask, whole) } : job.View;
            message = SlackRenderer.Render(reply, job.Request.Name, view);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // The adapter boundary: a bug in a handler becomes an apology, not a lost reply.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            log.CommandFailed(job.Request.Name, ex);
            message = SlackRenderer.Apology;
        }

        if (job.TryAnswerInline(message))
        {
            return;
        }

        var delivered = await scope.ServiceProvider.GetRequiredService<SlackResponder>()
            .RespondAsync(job.ResponseUrl, job.ReceivedAt, message with { ReplaceOriginal = job.ReplaceOriginal }, ct);
        log.Delivered(job.Request.Name, job.View.Audience, delivered);
    }
}
