using System.CommandLine;
using Bot.Commands;
using Bot.Console;

namespace Bot.Subscriptions;

/// <summary>
/// The console forms of <c>subscribe</c>, <c>unsubscribe</c>, <c>subscriptions</c> and <c>changes</c>. The console has no
/// channel of its own: the subscription commands take the channel as <c>--platform --workspace --channel</c> (an
/// operator's tool; the console is trusted), and <c>subscriptions</c> without them lists every subscription.
/// They change the same storage the service uses (<c>Storage__*</c>); the running service posts the updates.
/// </summary>
internal static class SubscriptionsCli
{
    public static IEnumerable<Command> Commands()
    {
        var topics = new Argument<string[]>(OptionNames.Topics) { Description = $"Topics: {TopicNames.ValidList} (default: all)", Arity = ArgumentArity.ZeroOrMore };
        var digest = new Option<bool>("--" + OptionNames.Digest) { Description = "A daily digest at Subscriptions__DigestHourUtc instead of one post per update." };
        yield return Build(CommandNames.Subscribe, "Subscribe a Discord or Slack channel to fact-base updates.",
            parse => [(OptionNames.Topics, string.Join(' ', parse.GetValue(topics) ?? [])), (OptionNames.Digest, parse.GetValue(digest) ? "true" : null)],
            topics, digest);
        yield return Build(CommandNames.Unsubscribe, "Remove a channel's subscription and cancel its waiting updates.", _ => []);
        yield return Build(CommandNames.Subscriptions, "A channel's subscription, or every subscription when no channel is given.", _ => []);

        var since = new Argument<string?>(OptionNames.Since) { Description = "A date (YYYY-MM-DD, YYYY-MM or YYYY); default: the latest versions", Arity = ArgumentArity.ZeroOrOne };
        yield return Build(CommandNames.Changes, "What the fact base added, corrected or removed since a date.",
            parse => [(OptionNames.Since, parse.GetValue(since))], since);
    }

    private static Command Build(string name, string description, Func<ParseResult, (string, string?)[]> read, params Symbol[] inputs)
    {
        Option<string?>[] target = name == CommandNames.Changes
            ? []
            :
            [
                new Option<string?>("--" + SubscriptionTarget.PlatformOption) { Description = "discord or slack" },
                new Option<string?>("--" + SubscriptionTarget.WorkspaceOption) { Description = "Discord server (guild) id or Slack team id" },
                new Option<string?>("--" + SubscriptionTarget.ChannelOption) { Description = "Channel id" },
            ];
        return BotCli.DispatchCommand(
            name,
            description,
            parse => read(parse).Concat(target.Select(o => (o.Name.TrimStart('-'), parse.GetValue(o)))),
            [.. inputs, .. target]);
    }
}
