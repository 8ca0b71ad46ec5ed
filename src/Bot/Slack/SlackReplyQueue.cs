using System.Threading.Channels;
using Bot.Commands;
using Microsoft.Extensions.Options;

namespace Bot.Slack;

/// <summary>
/// One command to answer: the request, how to render it, and where the answer goes. Either the HTTP request that
/// carried it takes the rendered answer inline (when ready in time), or the worker posts it to <see cref="ResponseUrl"/>;
/// exactly one of the two, decided atomically.
/// </summary>
internal sealed class SlackReplyJob(CommandRequest request, SlackView view, Uri responseUrl, DateTimeOffset receivedAt, bool replaceOriginal)
{
    private const int Waiting = 0;
    private const int AnsweredInline = 1;
    private const int Deferred = 2;

    private readonly TaskCompletionSource<SlackMessage> _inline = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _state;

    public CommandRequest Request { get; } = request;
    public SlackView View { get; } = view;
    public Uri ResponseUrl { get; } = responseUrl;
    public DateTimeOffset ReceivedAt { get; } = receivedAt;

    /// <summary>When delivered through the response_url: replace the message the button was on, or the acknowledgement.</summary>
    public bool ReplaceOriginal { get; } = replaceOriginal;

    public Task<SlackMessage> InlineAnswer => _inline.Task;

    /// <summary>The worker offers the answer to the waiting request; false when the request has stopped waiting.</summary>
    public bool TryAnswerInline(SlackMessage message)
    {
        if (Interlocked.CompareExchange(ref _state, AnsweredInline, Waiting) != Waiting)
        {
            return false;
        }

        _inline.SetResult(message);
        return true;
    }

    /// <summary>The request stops waiting; false when the answer arrived first (then <see cref="InlineAnswer"/> has it).</summary>
    public bool TryDefer() => Interlocked.CompareExchange(ref _state, Deferred, Waiting) == Waiting;
}

/// <summary>The bounded queue between the endpoints and <see cref="SlackReplyWorker"/>; full means "busy", never unbounded memory.</summary>
internal sealed class SlackReplyQueue(IOptions<SlackOptions> options)
{
    private readonly Channel<SlackReplyJob> _channel = Channel.CreateBounded<SlackReplyJob>(
        new BoundedChannelOptions(options.Value.ReplyQueueCapacity) { FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<SlackReplyJob> Reader => _channel.Reader;

    public bool TryEnqueue(SlackReplyJob job) => _channel.Writer.TryWrite(job);
}
