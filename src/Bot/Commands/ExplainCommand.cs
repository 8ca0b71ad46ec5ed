using System.Globalization;
using Bot.Answering;
using Bot.Facts;

namespace Bot.Commands;

/// <summary>
/// Why <c>ask</c> answered a question as it did, or abstained: what the question was read as (spelling corrections,
/// the Japanese reading), the people, round, date and government it named, words no fact uses, the fact ranked first
/// with its confidence against the threshold, that fact's curated question closest to the question, the words they
/// share and do not, and the facts ranked next. Reached from an answer's "Why?" button and <c>bot ask --explain</c>.
/// </summary>
internal sealed class ExplainCommand(IAnswerEngine engine) : ICommandHandler
{
    public string Name => CommandNames.Explain;

    public async Task<Reply> HandleAsync(CommandRequest request, CancellationToken ct)
    {
        if (request.Option(OptionNames.Question) is not { } question)
        {
            return Reply.Rejected("Nothing to explain", "Give the question whose answer you want explained.");
        }

        return AskCommand.TooLong(question) ?? Compose(await engine.ExplainAsync(question, ct));
    }

    internal static Reply Compose(AnswerExplanation explanation)
    {
        var result = explanation.Result;
        var fields = new List<ReplyField> { new("Read as", ReadAs(explanation)) };
        if (explanation.Unread.Count > 0)
        {
            fields.Add(new ReplyField("Not read (not in the glossary)", string.Join("、", explanation.Unread)));
        }

        fields.Add(new ReplyField("Question type", QuestionKind(result.Type), Inline: true));
        fields.Add(new ReplyField("Recognised", explanation.Recognised.Count > 0 ? string.Join("\n", explanation.Recognised) : "no person, round, date or government"));
        if (explanation.UnknownWords.Count > 0)
        {
            fields.Add(new ReplyField("Words no fact uses", string.Join(", ", explanation.UnknownWords)));
        }

        var top = result.Ranked.Count > 0 ? result.Ranked[0].Fact : null;
        if (top is not null)
        {
            if (explanation.Against.Count > 0)
            {
                fields.Add(new ReplyField("Counted against it", string.Join("\n", explanation.Against)));
            }

            if (explanation.Curated)
            {
                fields.Add(new ReplyField("Closest curated question", "the question itself, word for word, but for words such as \"what is\" and \"the\", or in words of the same meaning (\"deal\" for \"agreement\")"));
            }
            else if (explanation.Closest is { } closest)
            {
                fields.Add(new ReplyField(closest.Kind switch
                {
                    ClosestKind.CuratedQuestion => "Closest curated question",
                    ClosestKind.Statement => "Closest statement of the fact",
                    _ => "Closest text of the fact",
                }, string.Create(CultureInfo.InvariantCulture,
                    $"\"{FactReplies.Shorten(closest.Text, 300)}\" (closeness in meaning {closest.Similarity:0.00} of 1; one signal among several)")));
            }

            fields.Add(new ReplyField("Words this fact uses", (explanation.SharedWords.Count > 0 ? string.Join(", ", explanation.SharedWords) : "none")
                + (explanation.MissingWords.Count > 0 ? $"; not in its wording: {string.Join(", ", explanation.MissingWords)} (it may say it differently)" : "")));
            if (explanation.RunnersUp.Count > 0)
            {
                fields.Add(new ReplyField("Ranked next (gap in ranking score, not confidence)", string.Join('\n', explanation.RunnersUp.Select(r =>
                    $"{r.Fact.Title} [{r.Fact.Id}]: {Gap(r.Gap, explanation.Curated)}"))));
            }
        }

        return new Reply
        {
            // Usage-like: for the asker, not an answer to share (Slack's Share would run the question again, as ask).
            Kind = ReplyKind.Usage,
            Title = FactReplies.Shorten($"Why: \"{result.Question.ReplaceLineEndings(" ").Trim()}\"", 200),
            Body = (result.ReadAs is null ? "" : VerdictInJapanese(explanation, top) + "\n") + Verdict(explanation, top),
            Fields = fields,
            AsOf = result.Facts.AsOf,
            FactIds = top is null ? [] : [top.Id],

            // A way forward, as the answer itself offers it: its "did you mean" questions, or its related questions.
            Related = [.. (result.Abstained ? result.Suggestions : result.Related).Select(AnswerComposer.Suggestion)],
        };
    }

    /// <summary>What the bot did and how sure it was. The confidence is the model's estimate that the fact it ranked first
    /// is the one asked for, not how certain the fact itself is; shown as a whole percentage, rounded down, so a
    /// confidence just under the threshold never reads as equal to it.</summary>
    private static string Verdict(AnswerExplanation explanation, Fact? top)
    {
        var result = explanation.Result;
        var threshold = Reply.Percent(explanation.Threshold);
        if (top is null)
        {
            return "No answer: once common words (what, is, the…) are set aside, the question has no word or name the fact base uses.";
        }

        if (!result.Abstained && explanation.Curated)
        {
            return $"Answered with {top.Title} [{top.Id}]: your question is, word for word, but for words such as \"what is\" and \"the\", or in words of the same meaning, one a curator wrote for this fact, so the bot answers it "
                + $"whatever the score (the model alone put the chance that it picked the right fact at {Reply.Percent(explanation.ModelConfidence)}).";
        }

        if (RuleDecided(explanation) == RecordAnswer.RoundPlaced && result.Placement is { } placement)
        {
            var (which, way) = placement.After ? ("first", "after") : ("last", "before");
            var what = placement.Trip ? "trip" : "round";
            return $"Answered with {top.Title} [{top.Id}]: your question asks which {what} came {which} {way} "
                + (placement.Occasion is { } occasion
                    ? $"an occasion, read as {occasion.Title} [{occasion.Id}] ({placement.When}) with {Reply.Percent(placement.Sure ?? 0)} confidence, "
                    : $"{placement.When}, ")
                + $"and this is the {which} {what} the fact base dates {way} it, so the bot answers it at least as surely as it read "
                + (placement.Occasion is null ? "the date" : "the occasion")
                + $" (the model alone put the chance that it picked the right fact at {Reply.Percent(explanation.ModelConfidence)}).";
        }

        if (RuleDecided(explanation) == RecordAnswer.OccasionsInOrder && result.Order is { } order)
        {
            return $"Answered with {top.Title} [{top.Id}]: your question asks in which order two occasions came, read as "
                + $"{order.First.Title} [{order.First.Id}] and {order.Second.Title} [{order.Second.Id}], the less sure of the two with "
                + $"{Reply.Percent(order.Sure)} confidence, and the fact base dates both, so the bot answers it at least as surely as it read them "
                + $"(the model alone put the chance that it picked the right fact at {Reply.Percent(explanation.ModelConfidence)}).";
        }

        if (RuleDecided(explanation) != RecordAnswer.None)
        {
            return $"Answered with {top.Title} [{top.Id}]: your question asks only "
                + (result.Record switch
                {
                    RecordAnswer.OnlyOccasionOfTheTime => "what happened at one time (a day, a month, part of one, a season), and this is the one event or round the fact base dates then",
                    RecordAnswer.OnlyOccasionTellingOfTheDay => "what happened on one day, the fact base dates no event or round that day, and this is the one whose record tells of it",
                    RecordAnswer.OccasionsOfTheTime => "what happened at one time (a day, a month, part of one, a season), and the answer lists every event and round the fact base dates then, this one among them",
                    RecordAnswer.RoundsAttended => "which rounds this person was at, and the rounds' records say which",
                    RecordAnswer.NumberedMeeting => "for one meeting of the people named by its number (the first, the second, the last) or how many they had, and this is that one (for how many, the latest), in date order, of the rounds and meetings whose records list them all",
                    RecordAnswer.Negotiators => "who negotiated, and the answer lists who the rounds' records put at them for the side or sides asked, this person at the most rounds",
                    RecordAnswer.Latest => "what is new, and the answer lists the latest events and rounds the fact base dates, this one the newest",
                    RecordAnswer.Disputes => "what the sources disagree on, and the answer lists every fact whose accounts differ, this one among them",
                    RecordAnswer.FigureNamed => "what a figure it gives is, and this is the one figure whose amount gives it (no other fact's amount or title does)",
                    RecordAnswer.Overview => "for the whole of this fact, by a name its overview gives, and the answer lists the facts the overview names",
                    RecordAnswer.Purchases => "what is bought under a whole (with none named, the deal), and the answer lists the purchases among the facts this fact's overview names",
                    RecordAnswer.WhatHappenedAtTheRound => "what happened at this round, and its record says what did",
                    RecordAnswer.PostHolder => "who held a post at a time, and the dates of everyone's posts of that name make this person the one who held it then",
                    RecordAnswer.Succession => "who came right before or after the person named in a post, and the dates of their posts make this person the one",
                    RecordAnswer.AmountOfTheWhole => "how much of something there is, by a name this fact's overview gives, and this fact gives its amount",
                    RecordAnswer.DayOfTheWhole => "when something happened, by a name this event's overview gives, and the fact base dates this event",
                    RecordAnswer.RatesOverTime => "for the tariff rate on some goods over a time in which it changed, or how it went, and the answer lists every rate the fact base has on them then, this one in force at its end",
                    RecordAnswer.RateInForce => "for the tariff rate on some goods at a time, and the dates the fact base gives its rates make this the one in force on them all through that time",
                    RecordAnswer.RateChanged => "when the tariff rate on some goods began, changed or ended, and the dates the fact base gives its rates make this the fact about that day",
                    _ => "who took part in this round, and its record lists who did",
                })
                + $", so the bot answers it whatever the score (the model alone put the chance that it picked the right fact at {Reply.Percent(explanation.ModelConfidence)}).";
        }

        if (result.Abstained && result.RuledOut != RuledOut.None)
        {
            return $"No answer. The closest fact, {top.Title} [{top.Id}], "
                + (result.RuledOut.LeavesOutTheDetail() ? "may be what you meant but does not give what was asked: " : "cannot be the one you meant: ")
                + (result.RuledOut switch
                {
                    RuledOut.IsThePersonNamed => "the question asks who came before or after this person, or who else besides them, which is someone else",
                    RuledOut.OtherSide => "the question asks for one side's holder of a post, and this person is of the other side",
                    RuledOut.AfterTheFactBase => "the question asks about a time after the fact base's last, and this fact is not dated then: it does not mention that time, or it mentions only what was planned for it and the question asks what came of it",
                    RuledOut.RateNotInForceThen => "the question asks for the tariff rate on some goods at a time, and by the dates the fact base gives its rates, this one was not the rate on them then",
                    RuledOut.OtherOccurrence => "the question asks about one occurrence by its number (\"the 3rd meeting\"), and this fact's title or name numbers another",
                    RuledOut.TopicsNotStated => "the question asks what an occasion took up, and this event or round says nothing of what was discussed",
                    RuledOut.TimeOfDayNotStated => "the question asks for a time of day, and this fact states none for what is asked",
                    RuledOut.DayNotStated => "the question asks for the day, and this fact is dated only to the month or year (or not at all) and gives no day",
                    RuledOut.NameNotGiven => "the question asks who said something or someone's full name, and this fact names no one for it",
                    RuledOut.YearNotCovered => "the question asks for a figure in a year, and this figure is neither dated then nor mentions that year",
                    RuledOut.NoOneElseNamed => "the question asks who else took part besides the people it names, and this fact names no one else",
                    RuledOut.PlaceNotStated => "the question asks where something happened, and this fact says it happened at no place but those the question gives",
                    RuledOut.PostNotKnown => "the question asks about someone by a post that no one in the fact base holds, and this fact does not name that post",
                    RuledOut.PostTimeNotStated => "the question asks when the person it names took or left a post, and this profile gives that post no date at that end",
                    _ => "the question asks who held a post at a time, and by the dates the fact base has, this person did not hold a post of that name then",
                })
                + $" (the model alone put the chance that it picked the right fact at {Reply.Percent(explanation.ModelConfidence)}).";
        }

        return result.Abstained
            ? $"No answer. The closest fact, {top.Title} [{top.Id}], had a {Reply.Percent(result.Confidence)} chance of being the one you meant; "
                + $"the bot answers only from {threshold}."
            : $"Answered with {top.Title} [{top.Id}]: the bot put the chance that it picked the right fact at {Reply.Percent(result.Confidence)} "
                + $"(it answers from {threshold}). This is about the match, not about how certain the fact is: see its sources.";
    }

    /// <summary>The record rule that answered (<see cref="RecordAnswer"/>), when it decided: the model alone would not
    /// have answered, or the answer lists a day's or month's occasions, the disputed facts, the latest occasions, the
    /// negotiators, the rates over a time or an overview's parts, opens with the rounds a person was at, places a round by
    /// an occasion or a day, or puts two occasions in order, as only the rule does; None otherwise.</summary>
    private static RecordAnswer RuleDecided(AnswerExplanation explanation) =>
        !explanation.Result.Abstained && (explanation.ModelConfidence < explanation.Threshold
            || explanation.Result.Record is RecordAnswer.OccasionsOfTheTime or RecordAnswer.Disputes or RecordAnswer.Latest or RecordAnswer.Negotiators or RecordAnswer.RoundsAttended or RecordAnswer.RatesOverTime or RecordAnswer.Overview or RecordAnswer.Purchases or RecordAnswer.RoundPlaced or RecordAnswer.OccasionsInOrder)
            ? explanation.Result.Record
            : RecordAnswer.None;

    /// <summary>The verdict, in Japanese, for a question asked in Japanese script; the details that follow are English,
    /// as the facts and readings they show are, and the line says so.</summary>
    private static string VerdictInJapanese(AnswerExplanation explanation, Fact? top)
    {
        var result = explanation.Result;
        var (p, threshold) = (Reply.Percent(result.Confidence), Reply.Percent(explanation.Threshold));
        return (top is null
            ? "回答なし：質問から、収録データにある語や名前を読み取れませんでした。"
            : RuleDecided(explanation) == RecordAnswer.OnlyOccasionOfTheTime
                ? $"回答：質問はその日（またはその月）に何があったかだけを尋ねており、収録データでその時期の日付を持つ出来事・交渉回はこの項目（{top.Title}）だけなので、確率に関わらず回答しました（モデル単独の見積もりは{Reply.Percent(explanation.ModelConfidence)}）。"
            : RuleDecided(explanation) == RecordAnswer.OnlyOccasionTellingOfTheDay
                ? $"回答：質問はその日に何があったかだけを尋ねており、収録データにはその日の日付を持つ出来事・交渉回がなく、その日に触れている記録はこの項目（{top.Title}）だけなので、確率に関わらず回答しました（モデル単独の見積もりは{Reply.Percent(explanation.ModelConfidence)}）。"
            : RuleDecided(explanation) == RecordAnswer.OccasionsOfTheTime
                ? $"回答：質問はその日（またはその月）に何があったかだけを尋ねているため、収録データでその時期の日付を持つ出来事・交渉回をすべて挙げました（この項目（{top.Title}）もその一つです）。確率に関わらず回答しています（モデル単独の見積もりは{Reply.Percent(explanation.ModelConfidence)}）。"
            : RuleDecided(explanation) == RecordAnswer.FigureNamed
                ? $"回答：質問は挙げた数値が何かだけを尋ねており、その数値を金額・比率として持つ項目はこの項目（{top.Title}）だけなので、確率に関わらず回答しました（モデル単独の見積もりは{Reply.Percent(explanation.ModelConfidence)}）。"
            : RuleDecided(explanation) == RecordAnswer.WhatHappenedAtTheRound
                ? $"回答：質問はこの交渉回（{top.Title}）で何があったかだけを尋ねており、その記録に内容が載っているため、確率に関わらず回答しました（モデル単独の見積もりは{Reply.Percent(explanation.ModelConfidence)}）。"
            : RuleDecided(explanation) == RecordAnswer.PostHolder
                ? $"回答：質問はある時点で役職に就いていた人物だけを尋ねており、各人物の役職の日付からその時点の在任者はこの人物（{top.Title}）だけなので、確率に関わらず回答しました（モデル単独の見積もりは{Reply.Percent(explanation.ModelConfidence)}）。"
            : RuleDecided(explanation) == RecordAnswer.Succession
                ? $"回答：質問は挙げた人物の前任者（または後任者）だけを尋ねており、役職の日付からそれはこの人物（{top.Title}）なので、確率に関わらず回答しました（モデル単独の見積もりは{Reply.Percent(explanation.ModelConfidence)}）。"
            : RuleDecided(explanation) == RecordAnswer.Negotiators
                ? $"回答：質問は交渉担当者が誰かだけを尋ねており、交渉回の記録にある出席者を尋ねられた側（または両国）について出席回数の多い順に挙げました（この人物（{top.Title}）が最も多く出席しています）。確率に関わらず回答しています（モデル単独の見積もりは{Reply.Percent(explanation.ModelConfidence)}）。"
            : RuleDecided(explanation) == RecordAnswer.Latest
                ? $"回答：質問は新しい動きだけを尋ねており、収録データで日付を持つ出来事・交渉回のうち最新のものを新しい順に挙げました（この項目（{top.Title}）が最新です）。確率に関わらず回答しています（モデル単独の見積もりは{Reply.Percent(explanation.ModelConfidence)}）。"
            : RuleDecided(explanation) == RecordAnswer.Disputes
                ? $"回答：質問は情報源の説明が異なる点だけを尋ねており、説明が分かれている項目をすべて挙げました（この項目（{top.Title}）もその一つです）。確率に関わらず回答しています（モデル単独の見積もりは{Reply.Percent(explanation.ModelConfidence)}）。"
            : RuleDecided(explanation) == RecordAnswer.RoundsAttended
                ? $"回答：質問はこの人物（{top.Title}）がどの交渉回に出席したかだけを尋ねており、交渉回の記録に出席者が載っているため、確率に関わらず回答しました（モデル単独の見積もりは{Reply.Percent(explanation.ModelConfidence)}）。"
            : RuleDecided(explanation) == RecordAnswer.NumberedMeeting
                ? $"回答：質問は名前の挙がった人物の何回目（または最後）の会談か、何回会ったかだけを尋ねており、記録に全員が出席者として載っている交渉回・会談を日付順に数えるとその回（何回会ったかについては最新の回）がこの項目（{top.Title}）なので、確率に関わらず回答しました（モデル単独の見積もりは{Reply.Percent(explanation.ModelConfidence)}）。"
            : RuleDecided(explanation) == RecordAnswer.AmountOfTheWhole
                ? $"回答：質問は概要の名前で呼ばれるものの規模（金額など）だけを尋ねており、この項目（{top.Title}）がその数値を持つため、確率に関わらず回答しました（モデル単独の見積もりは{Reply.Percent(explanation.ModelConfidence)}）。"
            : RuleDecided(explanation) == RecordAnswer.DayOfTheWhole
                ? $"回答：質問は概要の名前で呼ばれる出来事がいつだったかだけを尋ねており、この出来事（{top.Title}）の日付が収録データにあるため、確率に関わらず回答しました（モデル単独の見積もりは{Reply.Percent(explanation.ModelConfidence)}）。"
            : RuleDecided(explanation) == RecordAnswer.RateInForce
                ? $"回答：質問はある時点で品目にかかっていた関税率だけを尋ねており、収録データの税率の適用期間から、その期間を通して適用されていた税率はこの項目（{top.Title}）だけなので、確率に関わらず回答しました（モデル単独の見積もりは{Reply.Percent(explanation.ModelConfidence)}）。"
            : RuleDecided(explanation) == RecordAnswer.RatesOverTime
                ? $"回答：質問はある期間に品目にかかっていた関税率（またはその推移）を尋ねており、収録データにあるその期間の税率をすべて発効順に挙げました（この項目（{top.Title}）は期間の終わりに適用されていた税率です）。確率に関わらず回答しています（モデル単独の見積もりは{Reply.Percent(explanation.ModelConfidence)}）。"
            : RuleDecided(explanation) == RecordAnswer.RateChanged
                ? $"回答：質問は品目にかかる関税率がいつ始まった（変わった・終わった）かだけを尋ねており、収録データの税率の適用期間から、その日についての項目はこの項目（{top.Title}）なので、確率に関わらず回答しました（モデル単独の見積もりは{Reply.Percent(explanation.ModelConfidence)}）。"
            : RuleDecided(explanation) == RecordAnswer.WhoTookPartInTheRound
                ? $"回答：質問はこの交渉回（{top.Title}）に誰が出席したかだけを尋ねており、その記録に出席者が載っているため、確率に関わらず回答しました（モデル単独の見積もりは{Reply.Percent(explanation.ModelConfidence)}）。"
            : result.Abstained && RuledOutInJapanese(result.RuledOut, top.Title) is { } ruledOutWhy
                ? $"回答なし：{ruledOutWhy}ため、回答しませんでした（モデル単独の見積もりは{Reply.Percent(explanation.ModelConfidence)}）。"
            : result.Abstained
                ? $"回答なし：最も近い項目（{top.Title}）でも、質問が求める項目である確率は{p}にとどまり、回答の基準（{threshold}以上）に届きませんでした。"
                : $"回答：回答した項目（{top.Title}）が質問の求める項目である確率を{p}と見積もりました（{threshold}以上で回答）。これは質問との一致の度合いであり、事実そのものの確からしさではありません。")
            + "以下の詳細は英語です。";
    }

    /// <summary>Why the closest fact was ruled out, in Japanese, up to "ため" (because); null when nothing ruled it out.</summary>
    private static string? RuledOutInJapanese(RuledOut ruledOut, string title) => ruledOut switch
    {
        RuledOut.IsThePersonNamed => $"質問はこの人物（{title}）の前任者や後任者、またはほかの人物を尋ねており、本人は答えになりえない",
        RuledOut.AfterTheFactBase => $"質問は収録データの最終時点より後の時期について尋ねていますが、この項目（{title}）はその時期の日付を持たず、言及があっても予定にとどまり、その結果は載っていない",
        RuledOut.OtherSide => $"質問は一方の側（日本または米国）の役職者を尋ねていますが、この人物（{title}）は相手側の人物の",
        RuledOut.RateNotInForceThen => $"質問はある時点で品目にかかっていた関税率を尋ねていますが、収録データの適用期間ではこの税率（{title}）はその時点の税率ではない",
        RuledOut.OtherOccurrence => $"質問は何回目かを示して特定の回（例：「3回目の会合」）を尋ねていますが、この項目（{title}）の題名または別名は別の回を指している",
        RuledOut.TopicsNotStated => $"質問は会談などで何が話し合われたかを尋ねていますが、この項目（{title}）には議題や話し合われた内容が載っていない",
        RuledOut.TimeOfDayNotStated => $"質問は時刻を尋ねていますが、この項目（{title}）には時刻の記載がない",
        RuledOut.DayNotStated => $"質問は日付（何日か）を尋ねていますが、この項目（{title}）の日付は月または年までで、日の記載もない",
        RuledOut.NameNotGiven => $"質問は発言者や人物の氏名を尋ねていますが、この項目（{title}）はその名前を記載していない",
        RuledOut.YearNotCovered => $"質問はある年の数値を尋ねていますが、この数値（{title}）はその年のものではなく、その年への言及もない",
        RuledOut.NoOneElseNamed => $"質問は名前の挙がった人物以外の参加者を尋ねていますが、この項目（{title}）はほかの人物の名前を記載していない",
        RuledOut.PlaceNotStated => $"質問はどこで起きたかを尋ねていますが、この項目（{title}）には質問に出てくる場所のほかに場所の記載がない",
        RuledOut.PostNotKnown => $"質問は収録データに在任者のいない役職の人物について尋ねていますが、この項目（{title}）もその役職を挙げていない",
        RuledOut.PostTimeNotStated => $"質問は役職に就いた（または離れた）時期を尋ねていますが、この人物（{title}）のその役職には該当する日付の記載がない",
        RuledOut.PostNotHeldThen => $"質問はある時点で役職に就いていた人物を尋ねていますが、収録データの日付ではこの人物（{title}）はその時点でその役職に就いていなかった",
        _ => null,
    };

    internal static string Gap(double gap, bool curated) => Math.Round(gap, 2) switch
    {
        0 => "tied",
        > 0 and var g => string.Create(CultureInfo.InvariantCulture, $"{g:0.00} lower"),
        var g => string.Create(CultureInfo.InvariantCulture, $"scored {-g:0.00} higher")
            + (curated ? ", but your question is one a curator wrote for the answer" : ""),
    };

    private static string ReadAs(AnswerExplanation explanation)
    {
        var result = explanation.Result;
        if (result.ReadAs is { } reading && string.IsNullOrWhiteSpace(reading))
        {
            return "nothing: none of its Japanese words is in the bot's glossary";
        }

        var read = $"\"{result.Interpreted}\"";
        if (result.ReadAs is not null)
        {
            read += " (the Japanese read through the glossary)";
        }

        return explanation.Corrections.Count > 0 ? read + $"; spelling: {string.Join(", ", explanation.Corrections)}" : read;
    }

    private static string QuestionKind(QuestionType type) => type switch
    {
        QuestionType.Who => "who",
        QuestionType.When => "when",
        QuestionType.Where => "where",
        QuestionType.HowMuch => "how much",
        QuestionType.HowMany => "how many",
        QuestionType.Why => "why",
        QuestionType.YesNo => "yes or no",
        QuestionType.What => "what",
        _ => "for a fact",
    };
}
