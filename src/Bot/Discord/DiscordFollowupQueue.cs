using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace Bot.Discord;

/// <summary>
/// An answer that was not ready within the inline budget: the interaction was deferred and the answer, still being
/// computed, goes to Discord by editing the original response. Holds the interaction token, so it has no
/// printable members.
/// </summary>
internal sealed class DiscordFollowup(string? interactionId, string applicationId, string interactionToken, string command, Task<DiscordMessage> answer)
{
    public string? InteractionId { get; } = interactionId;
    public string ApplicationId { get; } = applicationId;
    public string InteractionToken { get; } = interactionToken;
    public string Command { get; } = command;

    /// <summary>Completes with the message to show (an apology when the command failed or was cancelled); never faults.</summary>
    public Task<DiscordMessage> Answer { get; } = answer;

    public override string ToString() => $"follow-up for interaction {InteractionId} ({Command})";
}

/// <summary>
/// The bounded in-process queue between the interaction endpoint and <see cref="DiscordFollowupWorker"/>. Bounded so a
/// flood of slow commands degrades into apologies instead of unbounded memory.
/// </summary>
internal sealed class DiscordFollowupQueue(IOptions<DiscordOptions> options)
{
    private readonly Channel<DiscordFollowup> _channel = Channel.CreateBounded<DiscordFollowup>(
        new BoundedChannelOptions(options.Value.FollowupQueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });

    public int Capacity { get; } = options.Value.FollowupQueueCapacity;

    public ChannelReader<DiscordFollowup> Reader => _channel.Reader;

    public int Count => _channel.Reader.Count;

    /// <summary>False when the queue is full or the host is stopping.</summary>
    public bool TryEnqueue(DiscordFollowup followup) => _channel.Writer.TryWrite(followup);

    /// <summary>No more follow-ups are accepted; the worker delivers what is queued and stops.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
