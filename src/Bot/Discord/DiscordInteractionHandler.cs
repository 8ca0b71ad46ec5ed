using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Bot.Commands;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Bot.Discord;

/// <summary>What to answer a verified, parsed interaction with.</summary>
internal abstract record DiscordOutcome
{
    public sealed record Respond(DiscordInteractionResponse Response) : DiscordOutcome;

    public sealed record Autocomplete(DiscordAutocompleteResponse Response) : DiscordOutcome;

    /// <summary>The payload is signed but not something we understand: 400.</summary>
    public sealed record Refuse(string Reason) : DiscordOutcome;
}

/// <summary>
/// The map → dispatch → render part of the adapter, after the endpoint has verified and parsed the request:
/// slash commands and buttons become <see cref="CommandRequest"/>s for <see cref="ICommandDispatcher"/>, autocomplete
/// is answered from the fact base. Answers ready within the inline budget go back in the HTTP response (type 4 or 7);
/// slower ones are deferred (type 5 or 6) and delivered by <see cref="DiscordFollowupWorker"/>.
/// </summary>
internal sealed class DiscordInteractionHandler(
    ICommandDispatcher dispatcher,
    DiscordAutocomplete autocomplete,
    DiscordFollowupQueue queue,
    IOptions<DiscordOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    DiscordLog log)
{
    /// <summary>A deferred answer must arrive before the interaction token expires (15 minutes).</summary>
    private static readonly TimeSpan s_answerTimeout = TimeSpan.FromMinutes(14);

    /// <summary>Longest option value passed on; Discord enforces the manifest's max_length, this guards the rest.</summary>
    private const int MaxOptionLength = 1000;

    private const int MaxTokenLength = 1000;

    public async Task<DiscordOutcome> HandleAsync(DiscordInteraction interaction, CancellationToken requestAborted)
    {
        if (interaction.Type == InteractionType.Ping)
        {
            return new DiscordOutcome.Respond(DiscordInteractionResponse.Pong);
        }

        if (interaction.Type is not (InteractionType.ApplicationCommand or InteractionType.MessageComponent or InteractionType.ApplicationCommandAutocomplete))
        {
            return new DiscordOutcome.Refuse($"unsupported interaction type {interaction.Type}");
        }

        if (!IsSnowflake(interaction.Id) || !IsSnowflake(interaction.ApplicationId) || !IsToken(interaction.Token) || interaction.Data is null
            || (interaction.GuildId is not null && !IsSnowflake(interaction.GuildId))
            || (interaction.ChannelId is not null && !IsSnowflake(interaction.ChannelId)))
        {
            return new DiscordOutcome.Refuse("interaction without a valid id, application_id, token or data");
        }

        var context = ContextOf(interaction);
        return interaction.Type switch
        {
            InteractionType.ApplicationCommand => await CommandAsync(interaction, context, requestAborted),
            InteractionType.ApplicationCommandAutocomplete => Complete(interaction),
            _ => await ComponentAsync(interaction, context, requestAborted),
        };
    }

    /// <summary>
    /// Guild, channel, user, Manage Channels (or Administrator) from <c>member.permissions</c>, and whether the bot can
    /// post update messages here (View Channel, Send Messages and Embed Links in <c>app_permissions</c>).
    /// </summary>
    internal static CommandContext ContextOf(DiscordInteraction interaction)
    {
        var userId = interaction.Member?.User?.Id ?? interaction.User?.Id;
        return new CommandContext(
            Platform.Discord,
            interaction.GuildId,
            interaction.ChannelId,
            IsSnowflake(userId) ? userId : null,
            CanManageChannel(interaction.Member?.Permissions))
        {
            BotCanPost = BotCanPost(interaction.AppPermissions),
        };
    }

    internal static bool CanManageChannel(string? permissions) =>
        Bits(permissions) is { } bits && ((bits & DiscordBits.ManageChannels) != 0 || (bits & DiscordBits.Administrator) != 0);

    /// <summary>Null when Discord did not say (the platform then tells us at the first post).</summary>
    internal static bool? BotCanPost(string? appPermissions)
    {
        const ulong needed = DiscordBits.ViewChannel | DiscordBits.SendMessages | DiscordBits.EmbedLinks;
        return Bits(appPermissions) is { } bits
            ? (bits & DiscordBits.Administrator) != 0 || (bits & needed) == needed
            : null;
    }

    private static BigInteger? Bits(string? permissions) =>
        permissions is { Length: > 0 and <= 40 } && BigInteger.TryParse(permissions, NumberStyles.None, CultureInfo.InvariantCulture, out var bits)
            ? bits
            : null;

    private async Task<DiscordOutcome> CommandAsync(DiscordInteraction interaction, CommandContext context, CancellationToken requestAborted)
    {
        var data = interaction.Data!;
        if (!string.Equals(data.Name, DiscordCommandManifest.CommandName, StringComparison.Ordinal))
        {
            return Message(DiscordRenderer.Notice("Unknown command", $"This bot only knows /{DiscordCommandManifest.CommandName}. Its command list may be out of date."));
        }

        if (!TryMapCommand(data, context, out var request, out var problem))
        {
            return Message(DiscordRenderer.Notice("Invalid input", problem));
        }

        log.Received(interaction.Id, interaction.Type, request.Name);
        return await RunAsync(interaction, request, page: 0, update: false, ephemeral: true, requestAborted);
    }

    /// <summary>
    /// <c>/talks sub option:value …</c> → <see cref="CommandRequest"/>. No subcommand means help. Values keep their
    /// text (integers and booleans in invariant form).
    /// </summary>
    internal static bool TryMapCommand(InteractionData data, CommandContext context, out CommandRequest request, out string problem)
    {
        request = CommandRequest.Create(CommandNames.Help, context);
        problem = "";
        var sub = data.Options?.FirstOrDefault(o => o.Type == OptionType.SubCommand);
        if (sub?.Name is null)
        {
            return true;
        }

        var values = new List<(string Key, string? Value)>();
        foreach (var option in sub.Options ?? [])
        {
            if (option.Name is null || !TryValueText(option.Value, out var text))
            {
                problem = $"The option {option.Name} has a value I cannot read.";
                return false;
            }

            if (text.Length > MaxOptionLength)
            {
                problem = $"The option {option.Name} is too long (at most {MaxOptionLength} characters).";
                return false;
            }

            values.Add((option.Name, text));
        }

        request = CommandRequest.Create(sub.Name, context, [.. values]);
        return true;
    }

    private static bool TryValueText(JsonElement? value, out string text)
    {
        text = "";
        switch (value?.ValueKind)
        {
            case JsonValueKind.String:
                text = value.Value.GetString() ?? "";
                return true;
            case JsonValueKind.Number:
                text = value.Value.GetRawText();
                return true;
            case JsonValueKind.True:
                text = "true";
                return true;
            case JsonValueKind.False:
                text = "false";
                return true;
            default:
                return false;
        }
    }

    private DiscordOutcome.Autocomplete Complete(DiscordInteraction interaction)
    {
        var sub = interaction.Data!.Options?.FirstOrDefault(o => o.Type == OptionType.SubCommand);
        var focused = sub?.Options?.FirstOrDefault(o => o.Focused == true);
        IReadOnlyList<DiscordChoice> choices = [];
        if (string.Equals(interaction.Data.Name, DiscordCommandManifest.CommandName, StringComparison.Ordinal)
            && sub?.Name is { } command && focused?.Name is { } option)
        {
            var typed = TryValueText(focused.Value, out var text) ? text : "";
            choices = autocomplete.Complete(command, option, typed.Length > MaxOptionLength ? typed[..MaxOptionLength] : typed);
        }

        log.Received(interaction.Id, interaction.Type, sub?.Name ?? "?");
        return new DiscordOutcome.Autocomplete(new DiscordAutocompleteResponse(CallbackType.AutocompleteResult, new DiscordAutocompleteData(choices)));
    }

    private async Task<DiscordOutcome> ComponentAsync(DiscordInteraction interaction, CommandContext context, CancellationToken requestAborted)
    {
        var data = interaction.Data!;
        if (data.ComponentType != ComponentType.Button || !DiscordCustomId.TryParse(data.CustomId, out var button))
        {
            log.InvalidCustomId(interaction.Id);
            return Message(DiscordRenderer.Notice("This button no longer works", $"Run /{DiscordCommandManifest.CommandName} again."));
        }

        log.Received(interaction.Id, interaction.Type, button.GetType().Name);
        var ephemeral = ((interaction.Message?.Flags ?? DiscordBits.Ephemeral) & DiscordBits.Ephemeral) != 0;
        switch (button)
        {
            case DiscordButton.Page page:
                var request = new CommandRequest(page.Command, page.Options, context);
                return await RunAsync(interaction, request, page.Target, update: true, ephemeral, requestAborted);

            case DiscordButton.Suggestion suggestion:
                return await RunAsync(interaction, SuggestionRequest(suggestion, context with { ChoiceFor = suggestion.ChoiceFor }), page: 0, update: false, ephemeral: true, requestAborted);

            default:
                if (interaction.Message?.Embeds is not { Count: > 0 } embeds)
                {
                    return Message(DiscordRenderer.Notice("Nothing to share", "This message has no answer to share."));
                }

                var shared = DiscordRenderer.Share(embeds, context.UserId);
                return shared.Embeds is { Count: > 0 }
                    ? Message(shared)
                    : Message(DiscordRenderer.Notice("Nothing to share", "This message has no answer to share."));
        }
    }

    /// <summary>
    /// A suggestion names a command ("help"), or is a value for the command that offered it (a person's name for
    /// <c>who</c>), or a question for <c>ask</c>; a "Why?" button's is the question to explain.
    /// </summary>
    internal static CommandRequest SuggestionRequest(DiscordButton.Suggestion suggestion, CommandContext context)
    {
        var text = suggestion.Text.Trim();
        var lowered = text.ToLowerInvariant();
        if (suggestion.Command == CommandNames.Explain)
        {
            return CommandRequest.Create(CommandNames.Explain, context, (OptionNames.Question, text));
        }

        if (DiscordCustomId.IsReadOnly(lowered) && lowered is not (CommandNames.Ask or CommandNames.Explain))
        {
            return CommandRequest.Create(lowered, context);
        }

        return suggestion.Command switch
        {
            CommandNames.Who => CommandRequest.Create(CommandNames.Who, context, (OptionNames.Name, text)),
            CommandNames.Figures => CommandRequest.Create(CommandNames.Figures, context, (OptionNames.Name, text)),
            CommandNames.Purchases => CommandRequest.Create(CommandNames.Purchases, context, (OptionNames.Item, text)),
            CommandNames.Round when int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _) =>
                CommandRequest.Create(CommandNames.Round, context, (OptionNames.Number, text)),
            _ => CommandRequest.Create(CommandNames.Ask, context, (OptionNames.Question, text)),
        };
    }

    /// <summary>
    /// Dispatches and renders; answers inline when done within the budget (type 4, or 7 for a page button), else
    /// defers (type 5 keeping the ephemeral flag, or 6) and queues the delivery.
    /// </summary>
    private async Task<DiscordOutcome> RunAsync(DiscordInteraction interaction, CommandRequest request, int page, bool update, bool ephemeral, CancellationToken requestAborted)
    {
        var answer = AnswerAsync(interaction.Id, request, page, ephemeral);
        if (await CompletesWithinBudgetAsync(answer, requestAborted))
        {
            var message = await answer;
            return new DiscordOutcome.Respond(new DiscordInteractionResponse(
                update ? CallbackType.UpdateMessage : CallbackType.ChannelMessageWithSource,
                update ? message with { Flags = null } : message));
        }

        // The caller hung up while we waited: nobody will read a defer, so queue no follow-up for it.
        requestAborted.ThrowIfCancellationRequested();

        var budget = options.Value.InlineBudgetMilliseconds;
        if (!queue.TryEnqueue(new DiscordFollowup(interaction.Id, interaction.ApplicationId!, interaction.Token!, request.Name, answer)))
        {
            // The answer task still completes on its own (it never faults and has a timeout); only its result is dropped.
            log.QueueFull(queue.Capacity, interaction.Id);
            return Message(DiscordRenderer.Notice("Busy", "Too many questions at once; please try again in a minute."));
        }

        log.Deferred(interaction.Id, request.Name, budget);
        return new DiscordOutcome.Respond(update
            ? new DiscordInteractionResponse(CallbackType.DeferredUpdateMessage)
            : new DiscordInteractionResponse(CallbackType.DeferredChannelMessageWithSource, new DiscordMessage { Flags = ephemeral ? DiscordBits.Ephemeral : null }));
    }

    /// <summary>The rendered answer, or an apology: never throws, so a deferred delivery always has something to send.</summary>
    private async Task<DiscordMessage> AnswerAsync(string? interactionId, CommandRequest request, int page, bool ephemeral)
    {
        // Continue on the thread pool, so that a handler doing slow synchronous work cannot hold the request past
        // the budget: the caller gets this task back at once and can defer.
        await Task.Yield();
        using var timeout = new CancellationTokenSource(s_answerTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, lifetime.ApplicationStopping);
        try
        {
            var reply = await dispatcher.DispatchAsync(request, linked.Token);
            // A follow-up's page buttons ask the whole question it was read as.
            var origin = reply.AskedAs is { } whole ? CommandRequest.Create(CommandNames.Ask, request.Context, (OptionNames.Question, whole)) : request;
            return DiscordRenderer.Render(reply, origin, page, ephemeral);
        }
        catch (OperationCanceledException) when (linked.IsCancellationRequested)
        {
            return DiscordRenderer.Notice("No answer", "That took too long, or the bot is restarting. Please try again.");
        }
#pragma warning disable CA1031 // The adapter boundary: anything unexpected is logged and answered with an apology.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            log.CommandFailed(ex, interactionId, request.Name);
            return DiscordRenderer.Notice("Something went wrong", "Sorry, I could not answer that. The error has been logged.");
        }
    }

    private async Task<bool> CompletesWithinBudgetAsync(Task answer, CancellationToken requestAborted)
    {
        if (answer.IsCompleted)
        {
            return true;
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        var budget = Task.Delay(TimeSpan.FromMilliseconds(options.Value.InlineBudgetMilliseconds), time, cancel.Token);
        var first = await Task.WhenAny(answer, budget);
        await cancel.CancelAsync();
        return first == answer;
    }

    private static DiscordOutcome.Respond Message(DiscordMessage message) =>
        new(new DiscordInteractionResponse(CallbackType.ChannelMessageWithSource, message));

    internal static bool IsSnowflake(string? id) => id is { Length: > 0 and <= 20 } && id.All(char.IsAsciiDigit);

    private static bool IsToken(string? token) =>
        token is { Length: > 0 and <= MaxTokenLength } && token.All(c => c is > ' ' and < '\u007f' and not ('/' or '?' or '#' or '%' or '\\'));
}
