using Bot.Answering;
using Bot.Facts;

namespace Bot.Commands;

/// <summary>
/// <c>/talks ask question:…</c>: the best fact with its source and date, or an honest abstention with suggestions. A
/// platform user's question it abstains on goes to the <see cref="IUnansweredRecorder"/> (kept only when
/// <c>Answering__RecordUnanswered</c> is on); the console's questions are a curator's own and are not kept. On Discord
/// and Slack a question may follow on from the asker's previous one in the channel (<see cref="ConversationMemory"/>):
/// "and round 5?" is read as the whole question it stands for, and the reply says so. A question about the bot itself
/// ("what are your sources", "how up to date is this", "what can you do"; <see cref="AboutQuestion"/>) gets the
/// <c>sources</c> reply, the day the fact base runs to or the <c>help</c> reply, as lookups (no confidence): no fact
/// answers it.
/// </summary>
internal sealed class AskCommand(
    IAnswerEngine engine,
    IUnansweredRecorder? unanswered = null,
    TimeProvider? time = null,
    ConversationMemory? conversations = null,
    IFactBaseProvider? facts = null) : ICommandHandler
{
    public const int MaxQuestionLength = 500;

    /// <summary>Added to an abstention whose question was kept for the curators.</summary>
    public const string NotedForCurators = "I've noted the question for the people who curate the facts (not who asked or where).";

    /// <summary><see cref="NotedForCurators"/>, to a question asked in Japanese script.</summary>
    public const string NotedForCuratorsJapanese = "この質問を、収録データの管理担当者向けに記録しました（質問者と投稿先は記録していません）。";

    public string Name => CommandNames.Ask;

    /// <summary>The refusal of a question over <see cref="MaxQuestionLength"/> characters, or null.</summary>
    internal static Reply? TooLong(string question) =>
        question.Length > MaxQuestionLength ? Reply.Rejected("Question too long", $"Please keep questions under {MaxQuestionLength} characters.") : null;

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken ct)
    {
        if (request.Option(OptionNames.Question) is not { } question)
        {
            return new Reply
            {
                Kind = ReplyKind.Usage,
                Title = "Ask a question",
                Body = "Ask anything about the 2025 Japan–US tariff talks, e.g. \"who is akazawa\", \"when was round 6\", \"what is the car tariff now\". Japanese works too, and is answered in Japanese: 「赤沢亮正は誰？」.",
            };
        }

        if (TooLong(question) is { } rejected)
        {
            return rejected;
        }

        // About the bot, not the talks: not a follow-up, nor a question to keep for the curators.
        switch (facts is null ? AboutAsked.None : AboutQuestion.Read(question))
        {
            case AboutAsked.Sources:
                return SourcesCommand.For(facts!.Current);
            case AboutAsked.Freshness:
                return SourcesCommand.Freshness(facts!.Current);
            case AboutAsked.Usage:
                return HelpCommand.Usage;
        }

        // A follow-up is read with the asker's last question, mentions ("<@U123>") made "@someone" in both, so that no
        // id becomes a word of a reading; it is remembered as read, if it fits in a question.
        var cleaned = UnansweredQuestion.Clean(question);
        var previous = conversations is null ? null : await conversations.RecallAsync(request.Context, ct);
        var (result, whole) = previous is null
            ? new FollowUpAnswer(await engine.AnswerAsync(question, ct), null)
            : await engine.AnswerAsync(cleaned, previous, ct);
        var asked = whole ?? question;
        if (conversations is not null)
        {
            var remembered = whole is null ? cleaned : UnansweredQuestion.Clean(whole);
            await conversations.RememberAsync(request.Context, new PreviousQuestion(remembered.Length <= MaxQuestionLength ? remembered : cleaned, result.Subject?.Id), ct);
        }

        // A follow-up in Japanese script is answered from its English reading as asked in Japanese: the line below says
        // what it was read as, so the composer's own "Read as" line (the same words) is left out; an empty reading still
        // answers in Japanese.
        var reply = AnswerComposer.Compose(whole is not null && result.ReadAs == whole ? result with { ReadAs = "" } : result) with { Explains = asked };
        if (whole is not null)
        {
            // Say how the follow-up was read, so a wrong reading is seen: after the answer, before an abstention's offer.
            // Buttons that ask again (Share on Slack, pages) ask the whole question, not the words that leaned on this one.
            var readAs = $"(Following on from \"{previous!.Question}\": read as \"{whole}\")";
            reply = reply with { Body = result.Abstained ? readAs + "\n" + reply.Body : reply.Body + "\n" + readAs, AskedAs = TooLong(whole) is null ? whole : null };
        }

        var now = (time ?? TimeProvider.System).GetUtcNow();
        if (result.Abstained && request.Context.Platform != Platform.Console)
        {
            // The words the user typed: a reading holds the earlier question and words the bot put in.
            var kept = cleaned;
            if (unanswered?.TryRecord(new UnansweredQuestion(
                kept, request.Context.Platform, result.Confidence, [.. result.Suggestions.Select(f => f.Id)], result.Facts.Version, now)) == true)
            {
                // Say so: a user should know the question is kept. The buttons carry its tag, to keep the pick.
                var noted = result.ReadAs is null ? NotedForCurators : NotedForCuratorsJapanese;
                reply = reply with { Body = reply.Body + "\n" + noted, SuggestionsFor = UnansweredQuestion.Tag(kept) };
            }
        }
        else if (!result.Abstained && result.Best is { } chosen && UnansweredQuestion.IsTag(request.Context.ChoiceFor))
        {
            // A suggestion picked for a kept question, and answered: the user's word on what that question asked.
            unanswered?.TryRecord(new UnansweredChoice(request.Context.ChoiceFor!, chosen.Id, now));
        }

        return reply;
    }
}
