using System.Globalization;
using System.Text;
using Bot.Commands;
using Bot.Facts;

namespace Bot.Answering;

/// <summary>
/// Writes a <see cref="Reply"/> from an <see cref="AnswerResult"/>: the direct answer first (the number, the name, the
/// date), then one line of context; a disputed fact lists every claim with its source; figures keep the source's units
/// and its own conversion. Abstentions say so and offer up to three "did you mean" questions.
/// </summary>
internal static class AnswerComposer
{
    public const string AbstainTitle = "I don't have that";

    /// <summary>The abstention's title to a question asked in Japanese script.</summary>
    public const string AbstainTitleJapanese = "その情報はありません";

    /// <summary>For a question in Japanese script, a line with the English words it was read as, so the asker can see what
    /// was understood: last in an answer, first in an abstention.</summary>
    private static string? ReadAs(AnswerResult result) =>
        result.ReadAs is { Length: > 0 } read ? $"(Read as: \"{read}\")" : null;

    /// <summary><paramref name="body"/>, then on a line of its own what a question in Japanese script was read as.</summary>
    private static string WithReadAs(string body, AnswerResult result) => ReadAs(result) is { } readAs ? body + "\n" + readAs : body;

    /// <summary>What the fact base does not give, when the closest fact was ruled out for not giving the detail asked
    /// (<see cref="RuledOutExtensions.LeavesOutTheDetail"/>), or how far it runs, when asked about a time after its last
    /// day; null for any other abstention.</summary>
    private static string? NotStated(RuledOut ruledOut, bool japanese, PartialDate? asOf) => ruledOut switch
    {
        RuledOut.AfterTheFactBase when asOf is { } last => japanese
            ? string.Create(CultureInfo.InvariantCulture, $"収録データは{last.End.Year}年{last.End.Month}月{last.End.Day}日までの情報です。")
            : $"The fact base runs to {last.ToDisplay()}.",
        RuledOut.TimeOfDayNotStated => japanese ? "収録データには時刻の記載がありません。" : "The fact base does not give the time of day.",
        RuledOut.DayNotStated => japanese ? "収録データには日付（何日か）の記載がありません。" : "The fact base does not give the day.",
        RuledOut.TopicsNotStated => japanese ? "収録データには何が話し合われたかの記載がありません。" : "The fact base does not say what was discussed.",
        RuledOut.NameNotGiven => japanese ? "収録データにはその人物の名前の記載がありません。" : "The fact base does not give that person's name.",
        RuledOut.YearNotCovered => japanese ? "収録データにはその年の数値がありません。" : "The fact base does not give that figure for that year.",
        RuledOut.NoOneElseNamed => japanese ? "収録データにはほかの参加者の名前の記載がありません。" : "The fact base names no one else there.",
        RuledOut.PlaceNotStated => japanese ? "収録データには場所の記載がありません。" : "The fact base does not say where.",
        RuledOut.PostNotKnown => japanese ? "収録データにはその役職の人物の記載がありません。" : "The fact base has no one in that post.",
        RuledOut.PostTimeNotStated => japanese ? "収録データにはその役職の就任・退任の時期の記載がありません。" : "The fact base does not say when that post began or ended.",
        _ => null,
    };

    public static Reply Compose(AnswerResult result)
    {
        if (result.Best is not { } fact)
        {
            // Asked in Japanese script, told so in Japanese; the suggestions stay the curated English questions.
            var askedInJapanese = result.ReadAs is not null;
            return new Reply
            {
                Kind = ReplyKind.Abstained,
                Title = askedInJapanese ? AbstainTitleJapanese : AbstainTitle,
                Body = (ReadAs(result) is { } readFirst ? readFirst + "\n" : "")
                    + (NotStated(result.RuledOut, askedInJapanese, result.Facts.AsOf) is { } notStated
                        ? notStated + (result.Suggestions.Count > 0 ? askedInJapanese ? "近い質問（英語）：" : " These are close:" : "")
                    : result.Suggestions.Count > 0
                        ? askedInJapanese
                            ? "収録データで答えられるか確信が持てません。近い質問（英語）："
                            : "I'm not confident the fact base answers that. These are close:"
                        : askedInJapanese
                            ? "収録データの対象は2025年の日米関税交渉（人物、交渉回、出来事、数値、購入計画）です。/talks help をお試しください。"
                            : "The fact base covers the 2025 Japan–US tariff negotiations: people, rounds, events, figures and purchases. Try /talks help."),
                Confidence = Reply.Shown(result.Confidence),
                Suggestions = [.. result.Suggestions.Select(Suggestion)],
                AsOf = result.Facts.AsOf,
            };
        }

        if (result.Record == RecordAnswer.OccasionsOfTheTime && result.Occasions.Count > 1)
        {
            return Occasions(result);
        }

        if (result.Record == RecordAnswer.Negotiators && result.Negotiators.Count > 0)
        {
            return Negotiators(result);
        }

        if (result.Record == RecordAnswer.Latest && result.Latest.Count > 0)
        {
            return Latest(result);
        }

        if (result.Record == RecordAnswer.Purchases && result.Parts.Count > 0)
        {
            return Purchases(result, fact);
        }

        if (result.Record == RecordAnswer.Disputes && result.Disputed.Count > 0)
        {
            return Disputes(result);
        }

        if (result.Record == RecordAnswer.RatesOverTime && result.Rates.Count > 1)
        {
            return RatesOverTime(result);
        }

        if (result.Order is { } order)
        {
            return InOrder(result, order);
        }

        var facts = result.Facts;
        var quoted = Said(fact, result);

        // A question about what someone said is answered with their words as published, in English.
        if (result.Japanese is { } inJapanese && quoted.Count == 0)
        {
            return InJapanese(result, fact, inJapanese);
        }

        var body = new StringBuilder();
        if (result.Placement is { } placement)
        {
            body.AppendLine(Placed(fact, placement));
        }

        // "What happened on june 14", a day nothing is dated: the record that tells of it, saying so.
        if (TellsOfTheDay(result) is { } told)
        {
            body.AppendLine(CultureInfo.InvariantCulture, $"The fact base dates no event or round {told.English}; the record of {fact.Title} tells of that day.");
        }

        // "Which rounds did greer attend": the rounds the records put them at, before the profile.
        if (result.Attendance is { } attendance)
        {
            body.AppendLine(RoundsAttended(attendance, facts));
        }

        // "First akazawa lutnick meeting": which of their meetings this is, before the round's own lines.
        if (result.Meeting is { } meeting)
        {
            body.AppendLine(MeetingNumberedLine(meeting));
        }

        // "Is the steel tariff still 50%?": yes or no, and the rate then with its days, before the fact's own line.
        if (result.RateCheck is { } check)
        {
            body.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"{(check.Is ? "Yes" : "No")}: {check.Percent}%{(fact.InForce is { } days ? $", {InForceDays(days)}" : "")}."));
        }

        body.AppendLine(Direct(fact, result.Type, facts));
        foreach (var statement in quoted)
        {
            // "On July 24, 2025", but "In July 2025".
            body.AppendLine(CultureInfo.InvariantCulture, $"{(statement.Date.Day is null ? "In" : "On")} {statement.Date.ToDisplay()}: {statement.Text.ReplaceLineEndings(" ").Trim()}");
        }

        body.Append(Context(fact));
        AppendClaims(body, fact, [.. fact.Claims.Select(c => c.Text)], facts);

        if (result.Parts.Count > 0)
        {
            body.AppendLine().AppendLine().Append("What it comprises, one fact each (ask about any of them for its details):");
        }

        return new Reply
        {
            Kind = ReplyKind.Answer,
            Title = result.JapaneseName is { } japanese ? $"{fact.Title} ({japanese})" : fact.Title,
            Fields = [.. result.Parts.Select(Part)],
            Body = WithReadAs(body.ToString().TrimEnd(), result),
            Sources = result.Placement?.Occasion is { } occasion ? [.. Cited(fact, facts, quoted).Concat(Cited(occasion, facts)).DistinctBy(s => s.Id)]
                : result.Parts.Count > 0 ? [.. Cited(fact, facts, quoted).Concat(result.Parts.SelectMany(facts.SourcesOf)).DistinctBy(s => s.Id)]
                : Cited(fact, facts, quoted),
            AsOf = result.Parts.Count > 0 ? result.Parts.Append(fact).Max(f => f.AsOf) : fact.AsOf,
            FactIds = result.Placement?.Occasion is { } placedBy ? [fact.Id, placedBy.Id] : [fact.Id, .. result.Parts.Select(f => f.Id)],
            Confidence = Reply.Shown(result.Confidence),
            // An overview's parts are what is related.
            Related = result.Parts.Count > 0 ? [] : [.. result.Related.Select(Suggestion)],
        };
    }

    /// <summary>
    /// The answer to "what happened on july 22" or "in april 2025" when that time has several events and rounds: each, in
    /// date order, with its date, title and text (for a question asked in Japanese script, Japanese dates, and Japanese
    /// where translated, marked （英語） where not), whether its accounts differ, and all their sources, as the timeline
    /// lists them.
    /// </summary>
    private static Reply Occasions(AnswerResult result)
    {
        var (time, inJapanese) = TimeAsked(result.Entities!);
        var japanese = result.ReadAs is null ? null : InJapanese(result.Occasions, result.JapaneseOccasions);
        var (title, body) = japanese is null
            ? ($"What happened {time}", $"The fact base dates {result.Occasions.Count} events and rounds {time}:")
            : ($"{inJapanese}の出来事", $"収録データでは、{inJapanese}の出来事・交渉回は{result.Occasions.Count}件です：");
        // A disputed fact's accounts are in its own answer: the list says that they differ.
        var reply = FactReplies.ForList(result.Facts, title, WithReadAs(body, result), result.Occasions, f =>
            japanese is null ? ListEntry(f) : JapaneseListEntry(f, FactReplies.JapaneseDateRange(f), japanese));
        return reply with { Confidence = Reply.Shown(result.Confidence) };
    }

    /// <summary>The day asked about, as the answer names it, when the answer is the one record that tells of a day the
    /// fact base dates nothing on (<see cref="RecordAnswer.OnlyOccasionTellingOfTheDay"/>); null otherwise.</summary>
    private static (string English, string Japanese)? TellsOfTheDay(AnswerResult result) =>
        result.Record == RecordAnswer.OnlyOccasionTellingOfTheDay && result.Entities is { From: not null } asked ? TimeAsked(asked) : null;

    /// <summary>The time a question asked what happened in, as the answer names it: "on July 7, 2025", "in July 2025",
    /// "from July 21 to July 31, 2025" (for "late july"), "from June to August 2025" (for "summer"); and in Japanese.</summary>
    internal static (string English, string Japanese) TimeAsked(Entities entities)
    {
        var from = entities.From!.Value;
        var to = entities.To ?? from;
        var first = PartialDate.FromDate(from);
        var last = PartialDate.FromDate(to);
        if (entities.DayPrecision && from == to)
        {
            return ($"on {first.ToDisplay()}", FactReplies.JapaneseDate(first));
        }

        var wholeMonths = from.Day == 1 && to.AddDays(1).Day == 1;
        if (wholeMonths && from.Year == to.Year && from.Month == to.Month)
        {
            var month = new PartialDate(from.Year, from.Month, null);
            return ($"in {month.ToDisplay()}", FactReplies.JapaneseDate(month));
        }

        if (wholeMonths)
        {
            var start = new PartialDate(from.Year, from.Month, null);
            var end = new PartialDate(to.Year, to.Month, null);
            var english = from.Year == to.Year
                ? string.Create(CultureInfo.InvariantCulture, $"from {from:MMMM} to {end.ToDisplay()}")
                : $"from {start.ToDisplay()} to {end.ToDisplay()}";
            return (english, $"{FactReplies.JapaneseDate(start)}〜{FactReplies.JapaneseDate(end)}");
        }

        var days = from.Year == to.Year
            ? string.Create(CultureInfo.InvariantCulture, $"from {from:MMMM d} to {last.ToDisplay()}")
            : $"from {first.ToDisplay()} to {last.ToDisplay()}";
        return (days, $"{FactReplies.JapaneseDate(first)}〜{FactReplies.JapaneseDate(last)}");
    }

    /// <summary>
    /// The answer to "what's disputed" or "where do the sources disagree": every fact whose accounts differ, in date order,
    /// each with its date and title, the first sentence of its text and the one that says what differs, and who gives each
    /// account (the accounts themselves, with their sources, are in its own answer), and all their sources.
    /// </summary>
    private static Reply Disputes(AnswerResult result)
    {
        if (result.ReadAs is not null)
        {
            return DisputesInJapanese(result);
        }

        var body = $"The sources give different accounts of {result.Disputed.Count} facts. Ask about one to see each account with its sources:";
        var reply = FactReplies.ForList(result.Facts, "What the sources disagree on", body, result.Disputed, f => new ReplyField(
            f.Date is null ? f.Title : FactReplies.DatedTitle(f),
            $"{WhatDiffers(Context(f))} Accounts: {string.Join("; ", f.Claims.Select(c => c.By))}."));
        return reply with { Confidence = Reply.Shown(result.Confidence) };
    }

    /// <summary>
    /// <see cref="Disputes"/> for a question asked in Japanese script (「情報源で食い違いがあるのは？」): each fact with its
    /// Japanese date and title, the first sentence of its Japanese text and the one that says what differs, and who gives
    /// each account; a fact without a current translation in English, marked （英語）.
    /// </summary>
    private static Reply DisputesInJapanese(AnswerResult result)
    {
        var japanese = InJapanese(result.Disputed, result.JapaneseDisputed);
        var body = $"{result.Disputed.Count}件の事実で、情報源の説明が異なります。それぞれの説明と出典は、その事実について質問すると表示されます：";
        var reply = FactReplies.ForList(result.Facts, "情報源で説明が異なる事実", WithReadAs(body, result), result.Disputed, f =>
        {
            var accounts = string.Join("、", f.Claims.Select(c => c.By));
            var days = FactReplies.JapaneseDateRange(f);
            return japanese.GetValueOrDefault(f.Id) is { } inJapanese
                ? new ReplyField(days is null ? inJapanese.Title : $"{days} — {inJapanese.Title}", $"{WhatDiffersInJapanese(inJapanese.Text)}説明：{accounts}。")
                : new ReplyField($"{(days is null ? "" : days + " — ")}{f.Title}（英語）", $"{WhatDiffers(Context(f))} Accounts: {accounts}.");
        });
        return reply with { Confidence = Reply.Shown(result.Confidence) };
    }

    /// <summary>Words in a Japanese sentence that says accounts differ (「情報源によって異なる」「説明が分かれている」).</summary>
    private static readonly string[] s_differsInJapanese = ["異な", "分かれ", "食い違", "矛盾", "相違", "諸説", "一致しない"];

    /// <summary>
    /// The answer to "who negotiated for the us" or "who are the negotiators": each person of the side or sides asked, by
    /// the rounds' records, with the numbered rounds and how many later meetings they were at, and the first sentence of
    /// their profile; the sources of the rounds and the people.
    /// </summary>
    private static Reply Negotiators(AnswerResult result)
    {
        var facts = result.Facts;
        var sides = result.Negotiators.Select(n => n.Side).Distinct().ToList();
        var numbered = facts.NumberedRounds;
        var later = facts.Rounds.Count - numbered.Count;
        var japanese = result.ReadAs is not null && result.JapaneseNegotiators.Count == result.Negotiators.Count;
        string title, body;
        IEnumerable<ReplyField> fields;
        if (japanese)
        {
            var span = numbered is [{ Date: { } first }, ..] && numbered[^1].Date is { } last ? $"（{FactReplies.JapaneseDate(first)}〜{FactReplies.JapaneseDate(last)}）" : "";
            var side = sides is [var only] ? (only == Side.Japan ? "日本側" : "米国側") : "両国";
            title = $"{side}の交渉担当者";
            body = $"番号付きの{numbered.Count}回の交渉{span}" + (later > 0 ? $"とその後の{later}回の会談" : "") + $"の記録による、{side}の出席者（出席した交渉回の多い順）：";
            fields = result.Negotiators.Zip(result.JapaneseNegotiators, (n, ja) => new ReplyField(
                $"{ja.Name ?? ja.Profile?.Title ?? n.Person.Title}（{(n.Side == Side.Japan ? "日本" : "米国")}）",
                $"{AttendedInJapanese(n)}{(ja.Profile is { } profile ? FirstJapaneseSentence(profile.Text) : FirstSentence(Context(n.Person)) + "（英語）")}"));
        }
        else
        {
            var span = numbered is [{ Date: { } first }, ..] && numbered[^1].Date is { } last ? $" ({first.ToDisplay()} to {last.ToDisplay()})" : "";
            title = sides is [var one] ? $"Who negotiated for {SideName(one)}" : "Who negotiated";
            body = $"By the records of the {numbered.Count} numbered rounds{span}"
                + (later > 0 ? $" and the {later} meetings after them" : "") + ", who was at them"
                + (sides is [var only] ? $" for {SideName(only)}" : " for each side") + ", most rounds first:";
            fields = result.Negotiators.Select(n => new ReplyField($"{n.Person.Title} ({(n.Side == Side.Japan ? "Japan" : "US")})", $"{Attended(n)} {FirstSentence(Context(n.Person))}"));
        }

        return new Reply
        {
            Kind = ReplyKind.Answer,
            Title = title,
            Body = WithReadAs(body, result),
            Fields = [.. fields],
            Sources = [.. facts.Rounds.Concat(result.Negotiators.Select(n => n.Person)).SelectMany(facts.SourcesOf).DistinctBy(s => s.Id)],
            AsOf = facts.Rounds.Concat(result.Negotiators.Select(n => n.Person)).Max(f => f.AsOf),
            FactIds = [.. result.Negotiators.Select(n => n.Person.Id).Distinct(StringComparer.Ordinal)],
            Confidence = Reply.Shown(result.Confidence),
        };
    }

    private static string SideName(Side side) => side switch
    {
        Side.Japan => "Japan",
        Side.UnitedStates => "the US",
        _ => "another side",
    };

    /// <summary>The line that answers "which rounds did greer attend": the numbered rounds (and later meetings) the rounds'
    /// records put the person at, and the numbered rounds they were not at; or that the records put them at none.</summary>
    internal static string RoundsAttended(Negotiator attendance, FactBase facts)
    {
        var (numbered, missed) = Missed(attendance, facts);
        var at = Attended(attendance);
        return at.Length == 0
            ? $"The rounds' records put {attendance.Person.Title} at none of the {numbered} numbered rounds or the meetings after them."
            : $"By the rounds' records, {attendance.Person.Title} was at: {at}" + (missed is { } not ? $" Not at: {Attended(not).ToLowerInvariant()}" : "");
    }

    /// <summary>Ordinal words, "first" to "twelfth" (index 0 is "first"); the round command reads them too.</summary>
    internal static readonly string[] OrdinalWords = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth"];

    /// <summary>The line that answers "first akazawa lutnick meeting": which of the meetings the records put those
    /// people at this one is.</summary>
    internal static string MeetingNumberedLine(MeetingNumbered meeting)
    {
        var people = meeting.People.Count == 1 ? meeting.People[0].Title
            : string.Join(", ", meeting.People.Take(meeting.People.Count - 1).Select(p => p.Title)) + " and " + meeting.People[^1].Title;
        var records = meeting.WithEvents ? "rounds' and events'" : "rounds'";
        var were = meeting.People.Count switch { 1 => "was", 2 => "were both", _ => "were all" };
        if (meeting.Number == 0)
        {
            var listed = string.Join("; ", meeting.Meetings.Select(m => $"{m.Title}, {m.Date!.Value.ToDisplay()}"));
            return $"By the {records} records, {people} {were} at {meeting.Of} rounds and meetings: {listed}. The latest:";
        }

        var ordinal = meeting.Number <= OrdinalWords.Length ? OrdinalWords[meeting.Number - 1] : $"number {meeting.Number}";
        return $"By the {records} records, the {ordinal} of the {meeting.Of} rounds and meetings {people} {were} at:";
    }

    /// <summary><see cref="MeetingNumberedLine"/> in Japanese.</summary>
    internal static string MeetingNumberedInJapanese(MeetingNumbered meeting)
    {
        var records = meeting.WithEvents ? "交渉回・出来事の記録" : "交渉回の記録";
        var who = meeting.People.Count == 1 ? "" : "全員";
        return meeting.Number == 0
            ? $"{records}で、名前の挙がった人物{who}が出席した交渉回・会談は全{meeting.Of}回です。最新のものは次のとおりです。"
            : $"{records}で、名前の挙がった人物{who}が出席した交渉回・会談（全{meeting.Of}回）のうち{meeting.Number}回目です。";
    }

    /// <summary><see cref="RoundsAttended"/> in Japanese.</summary>
    internal static string RoundsAttendedInJapanese(Negotiator attendance, FactBase facts)
    {
        var (numbered, missed) = Missed(attendance, facts);
        var at = AttendedInJapanese(attendance);
        return at.Length == 0
            ? $"交渉回の記録では、番号付きの{numbered}回の交渉にもその後の会談にも出席していません。"
            : $"交渉回の記録による出席：{at}" + (missed is { } not ? $"欠席：{AttendedInJapanese(not)}" : "");
    }

    /// <summary>How many numbered rounds the fact base has, and the ones the person was not at (as a
    /// <see cref="Negotiator"/> with no later meetings), or null when they were at every one.</summary>
    private static (int Numbered, Negotiator? Missed) Missed(Negotiator attendance, FactBase facts)
    {
        var numbered = facts.NumberedRounds;
        var missed = numbered.Select(r => r.Number!.Value).Except(attendance.Rounds).ToList();
        return (numbered.Count, missed.Count > 0 ? attendance with { Rounds = missed, Later = 0 } : null);
    }

    /// <summary>"第2・3・8回、その後の会談4回。": <see cref="Attended"/> in Japanese.</summary>
    internal static string AttendedInJapanese(Negotiator negotiator)
    {
        var rounds = negotiator.Rounds.Count == 0 ? "" : $"第{string.Join("・", negotiator.Rounds)}回";
        var later = negotiator.Later == 0 ? "" : $"その後の会談{negotiator.Later}回";
        return rounds.Length + later.Length == 0 ? "" : string.Join("、", new[] { rounds, later }.Where(p => p.Length > 0)) + "。";
    }

    /// <summary>A Japanese text up to its first 「。」, or the whole text.</summary>
    internal static string FirstJapaneseSentence(string text)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        var end = flat.IndexOf('。', StringComparison.Ordinal);
        return end < 0 ? flat : flat[..(end + 1)];
    }

    /// <summary>"Rounds 2, 3 and 8, and 4 later meetings.", "Round 8.", "2 later meetings."</summary>
    internal static string Attended(Negotiator negotiator)
    {
        var numbers = negotiator.Rounds;
        var rounds = numbers.Count switch
        {
            0 => "",
            1 => $"Round {numbers[0]}",
            var n => $"Rounds {string.Join(", ", numbers.Take(n - 1))} and {numbers[^1]}",
        };
        var later = negotiator.Later switch
        {
            0 => "",
            1 => "1 later meeting",
            var n => $"{n} later meetings",
        };
        return (rounds, later) switch
        {
            ("", "") => "",
            (_, "") => rounds + ".",
            ("", _) => char.ToUpperInvariant(later[0]) + later[1..] + ".",
            _ => $"{rounds}, and {later}.",
        };
    }

    /// <summary>
    /// The answer to "what's new" or "any updates": the latest events and rounds, newest first, each with its date, title
    /// and text and whether its accounts differ, after the day the fact base runs to, and all their sources.
    /// </summary>
    private static Reply Latest(AnswerResult result)
    {
        if (result.ReadAs is not null)
        {
            // Asked in Japanese script (「最新情報は？」): Japanese dates, and Japanese where translated.
            var japanese = InJapanese(result.Latest, result.JapaneseLatest);
            var runsTo = result.Facts.AsOf is { } last ? $"収録データは{FactReplies.JapaneseDate(last)}までです。" : "";
            var inJapanese = $"{runsTo}最新の出来事・交渉回{result.Latest.Count}件（新しい順。追加・変更された内容は `changes` で確認できます）：";
            var listed = FactReplies.ForList(result.Facts, "交渉の最新情報", WithReadAs(inJapanese, result), result.Latest,
                f => JapaneseListEntry(f, FactReplies.JapaneseDateRange(f), japanese));
            return listed with { Confidence = Reply.Shown(result.Confidence) };
        }

        var asOf = result.Facts.AsOf is { } day ? $"The fact base runs to {day.ToDisplay()}. " : "";
        var body = $"{asOf}Its {result.Latest.Count} latest events and rounds, newest first (`changes` lists what was added or changed):";
        var reply = FactReplies.ForList(result.Facts, "Latest in the talks", body, result.Latest, ListEntry);
        return reply with { Confidence = Reply.Shown(result.Confidence) };
    }

    /// <summary>
    /// The answer to "what did japan agree to buy" or "what weapons is japan buying": the purchases among the parts of the
    /// whole (the deal), each with its title and first sentence and whether it is disputed, and their sources and the
    /// whole's.
    /// </summary>
    private static Reply Purchases(AnswerResult result, Fact whole)
    {
        if (result.ReadAs is not null)
        {
            return PurchasesInJapanese(result, whole);
        }

        var day = whole.Date is { } date ? $", {date.ToDisplay()}" : "";
        var name = whole.Overview is { Names.Count: > 0 } overview ? overview.Names[0] : whole.Title;
        var body = $"{result.Parts.Count} purchases are part of {name} (\"{whole.Title}\"{day}), one fact each (ask about any of them for its details and sources):";
        var reply = FactReplies.ForList(result.Facts, "Purchases", WithReadAs(body, result), result.Parts, Part);
        return OfTheWhole(reply, result, whole);
    }

    /// <summary>A list of a whole's purchases, with the whole first among its facts and its sources too.</summary>
    private static Reply OfTheWhole(Reply listed, AnswerResult result, Fact whole) => listed with
    {
        Sources = [.. result.Facts.SourcesOf(whole).Concat(listed.Sources).DistinctBy(s => s.Id)],
        FactIds = [whole.Id, .. listed.FactIds],
        Confidence = Reply.Shown(result.Confidence),
    };

    /// <summary>
    /// <see cref="Purchases"/> for a question asked in Japanese script (「日本は何を買うことに合意した？」): the whole's Japanese
    /// title and date, then each purchase's Japanese title and first sentence (a disputed one's first two, marked where they
    /// do not say that accounts differ); a fact without a current translation in English, marked （英語）.
    /// </summary>
    private static Reply PurchasesInJapanese(AnswerResult result, Fact whole)
    {
        var japanese = InJapanese(result.Parts, result.JapaneseParts);
        var title = result.Japanese?.Title ?? whole.Title;
        var day = whole.Date is { } date ? $"（{FactReplies.JapaneseDate(date)}）" : "";
        var body = $"「{title}」{day}に含まれる購入は{result.Parts.Count}件です（詳細と出典は、それぞれについて質問すると表示されます）：";
        var reply = FactReplies.ForList(result.Facts, "購入", WithReadAs(body, result), result.Parts, f =>
        {
            if (japanese.GetValueOrDefault(f.Id) is not { } inJapanese)
            {
                return Part(f) with { Name = f.Title + "（英語）" };
            }

            // A disputed fact's Japanese may open by saying only that views differ (「見解が分かれている。」): its first two
            // sentences, then, as the English gives its one.
            var text = inJapanese.Text.ReplaceLineEndings(" ").Trim();
            var lead = FirstJapaneseSentence(text);
            lead = f.IsDisputed && lead.Length < text.Length ? lead + FirstJapaneseSentence(text[lead.Length..].TrimStart()) : lead;
            var says = SaysWhatDiffers(lead, s_differsInJapanese, StringComparison.Ordinal);
            return new ReplyField(inJapanese.Title, lead + (f.IsDisputed && !says ? "（主張が分かれている）" : ""));
        });
        return OfTheWhole(reply, result, whole);
    }

    /// <summary>Words in a sentence that says accounts differ ("sources differ on the range", "the date is disputed").</summary>
    private static readonly string[] s_differs = ["differ", "disput", "conflict", "contradict", "instead"];

    /// <summary>A disputed fact's first sentence, and after it the first later one that says what differs, if the first
    /// does not.</summary>
    internal static string WhatDiffers(string text) => WhatDiffers(text, FirstSentence, s_differs, StringComparison.OrdinalIgnoreCase, " ");

    /// <summary><see cref="WhatDiffers(string)"/> for a Japanese text, whose sentences end in 。 and are written without a
    /// space between them.</summary>
    internal static string WhatDiffersInJapanese(string text) =>
        WhatDiffers(text.ReplaceLineEndings(" ").Trim(), FirstJapaneseSentence, s_differsInJapanese, StringComparison.Ordinal, "");

    /// <summary>Does <paramref name="sentence"/> say that accounts differ: does it have one of <paramref name="markers"/>?</summary>
    private static bool SaysWhatDiffers(string sentence, string[] markers, StringComparison comparison) =>
        markers.Any(w => sentence.Contains(w, comparison));

    /// <summary>The first sentence of <paramref name="text"/> (as <paramref name="firstSentence"/> ends it), and after it the
    /// first later one that has one of <paramref name="markers"/>, if the first has none.</summary>
    private static string WhatDiffers(string text, Func<string, string> firstSentence, string[] markers, StringComparison comparison, string separator)
    {
        var first = firstSentence(text);
        bool Says(string sentence) => SaysWhatDiffers(sentence, markers, comparison);
        if (Says(first))
        {
            return first;
        }

        for (var rest = text[first.Length..].TrimStart(); rest.Length > 0;)
        {
            var sentence = firstSentence(rest);
            if (Says(sentence))
            {
                return first + separator + sentence;
            }

            rest = rest[sentence.Length..].TrimStart();
        }

        return first;
    }

    /// <summary>The listed facts' Japanese, by id, where they have a current translation.</summary>
    private static Dictionary<string, JapaneseAnswer> InJapanese(IReadOnlyList<Fact> listed, IReadOnlyList<JapaneseAnswer?> japanese) =>
        listed.Zip(japanese).Where(x => x.Second is not null).ToDictionary(x => x.First.Id, x => x.Second!);

    /// <summary>A listed fact for a question asked in Japanese script: its days, then its Japanese title and text (and
    /// whether its accounts differ), or where it has no translation, its English title marked （英語） and text.</summary>
    private static ReplyField JapaneseListEntry(Fact fact, string? days, Dictionary<string, JapaneseAnswer> japanese) =>
        japanese.GetValueOrDefault(fact.Id) is { } inJapanese
            ? new ReplyField($"{days} — {inJapanese.Title}", inJapanese.Text.ReplaceLineEndings(" ").Trim() + (fact.IsDisputed ? "（主張が分かれている）" : ""))
            : new ReplyField($"{days} — {fact.Title}（英語）", Context(fact));

    /// <summary>
    /// The answer to "car tariff in 2025" or "how has the car tariff changed": each rate in force over that time, in the
    /// order they began, with the days it was in force, its title and text, and all their sources (for a question asked in
    /// Japanese script, Japanese dates, and Japanese where translated, marked （英語） where not).
    /// </summary>
    private static Reply RatesOverTime(AnswerResult result)
    {
        if (result.ReadAs is not null)
        {
            return RatesOverTimeInJapanese(result);
        }

        var goods = result.RatesOn == InForce.MostGoods ? "most Japanese goods" : $"Japanese {result.RatesOn}";
        var reply = FactReplies.ForList(result.Facts, $"US tariff on {goods}, rate by rate",
            $"The fact base has {result.Rates.Count} rates on {goods} over that time, in the order they took effect:", result.Rates,
            f => new ReplyField($"{InForceDays(f.InForce!)} — {f.Title}", Context(f) + (f.IsDisputed ? DisputedInList : "")));
        return reply with { Confidence = Reply.Shown(result.Confidence) };
    }

    /// <summary><see cref="RatesOverTime"/> for a question asked in Japanese script.</summary>
    private static Reply RatesOverTimeInJapanese(AnswerResult result)
    {
        var goods = result.RatesOn == InForce.MostGoods ? "日本からの輸入品の大半"
            : result.JapaneseRatesOn is { } named ? $"日本の{named}"
            : $"日本からの品目（{result.RatesOn}）";
        var japanese = InJapanese(result.Rates, result.JapaneseRates);
        var reply = FactReplies.ForList(result.Facts, $"{goods}への米国の関税：税率の推移",
            WithReadAs($"収録データでは、その期間の{goods}への税率は{result.Rates.Count}件です（発効順）：", result), result.Rates,
            f => JapaneseListEntry(f, JapaneseInForceDays(f.InForce!), japanese));
        return reply with { Confidence = Reply.Shown(result.Confidence) };
    }

    /// <summary><see cref="InForceDays"/> written the Japanese way: "2025年4月2日まで", "2025年4月3日〜2025年9月15日",
    /// "2025年9月16日から".</summary>
    internal static string JapaneseInForceDays(InForce inForce) => (inForce.From, inForce.To) switch
    {
        ({ } from, { } to) => from == to ? FactReplies.JapaneseDate(from) : $"{FactReplies.JapaneseDate(from)}〜{FactReplies.JapaneseDate(to)}",
        ({ } from, null) => $"{FactReplies.JapaneseDate(from)}から",
        (null, { } to) => $"{FactReplies.JapaneseDate(to)}まで",
        _ => "収録データの全期間",
    };

    /// <summary>The days a rate was in force: "until April 2, 2025", "April 3, 2025 to September 15, 2025", "since
    /// September 16, 2025".</summary>
    internal static string InForceDays(InForce inForce) => (inForce.From, inForce.To) switch
    {
        ({ } from, { } to) => from == to ? $"{from.ToDisplay()}" : $"{from.ToDisplay()} to {to.ToDisplay()}",
        ({ } from, null) => $"since {from.ToDisplay()}",
        (null, { } to) => $"until {to.ToDisplay()}",
        _ => "at all times the fact base has",
    };

    /// <summary>Said after a listed fact whose accounts differ: its own answer gives each with its sources.</summary>
    private const string DisputedInList = " (disputed: accounts differ; ask about it for each with its sources)";

    /// <summary>A part of an overview: its title, the first sentence of its text (the facts' texts say the figure or
    /// what happened first), a round's outcome, and whether its accounts differ (they are in its own answer).</summary>
    private static ReplyField Part(Fact fact)
    {
        var first = FirstSentence(Context(fact));
        var outcome = fact.Outcome is { } how ? $" Outcome: {how.ReplaceLineEndings(" ").Trim()}" : "";
        var disputed = fact.IsDisputed && !first.Contains("disputed", StringComparison.OrdinalIgnoreCase);
        return new(fact.Title, first + outcome + (disputed ? DisputedInList : ""));
    }

    /// <summary>Words that end in a full stop without ending a sentence ("Mr. Akazawa", "No. 1", "Jan. 20").</summary>
    private static readonly HashSet<string> s_abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "no", "gen", "sen", "rep", "gov", "st", "jr", "sr", "co", "corp", "inc", "ltd", "vs", "approx",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    };

    /// <summary>A text up to its first full stop that ends a sentence: one (perhaps before a closing quote) followed by a
    /// space and a capital letter, a digit, a currency sign, a quote or a bracket, and not after an abbreviation
    /// ("U.S.", "p.m.", "Mr.", "Jan."); or the whole text.</summary>
    internal static string FirstSentence(string text)
    {
        for (var i = text.IndexOf('.', StringComparison.Ordinal); i >= 0; i = text.IndexOf('.', i + 1))
        {
            var end = i + 1 < text.Length && text[i + 1] is '"' or '”' or '\'' or '’' ? i + 2 : i + 1;
            if (end + 1 >= text.Length || text[end] != ' ' || !(char.IsUpper(text[end + 1]) || char.IsDigit(text[end + 1]) || text[end + 1] is '$' or '¥' or '"' or '“' or '('))
            {
                continue;
            }

            var start = text.LastIndexOf(' ', i) + 1;
            var word = text[start..i];
            if (!word.Contains('.', StringComparison.Ordinal) && !s_abbreviations.Contains(word))
            {
                return text[..end];
            }
        }

        return text;
    }

    /// <summary>An occasion in a listed answer: its date and title, its text, and whether its accounts differ (they are in
    /// its own answer).</summary>
    private static ReplyField ListEntry(Fact fact) =>
        new(FactReplies.DatedTitle(fact), Context(fact) + (fact.IsDisputed ? DisputedInList : ""));

    /// <summary>
    /// The answer to "which came first, the tariff letter or round 7" or "did the eo come before the mou signing": which
    /// came first (for a yes-or-no question, yes or no first; when their days overlap, that neither did), with both dates,
    /// then each occasion, earlier first, with its date, title and text, and the sources of both.
    /// </summary>
    private static Reply InOrder(AnswerResult result, OccasionOrder order)
    {
        var (earlier, later) = (order.Earlier, order.Later);
        string Dated(Fact f) => $"{f.Title} ({Dates(f)})";
        var line = order.Overlap
            ? $"{Dated(order.First)} and {Dated(order.Second)} were at the same time: neither came first."
            : $"{Dated(earlier)} came before {Dated(later)}.";
        var answer = order.AskedBefore is not { } before ? line
            : order.Overlap ? $"No: {line}"
            : (ReferenceEquals(earlier, order.First) == before ? "Yes: " : "No: ") + line;
        var title = order.Overlap ? "At the same time" : $"{earlier.Title} came first";
        var reply = FactReplies.ForList(result.Facts, title, answer, [earlier, later], ListEntry);
        return reply with { Confidence = Reply.Shown(result.Confidence) };
    }

    /// <summary>
    /// The answer to a question asked in Japanese script, from the fact's Japanese: its title (a person's with the
    /// name in Latin letters too), its text (the figure, date and people it gives), its status, the people an event
    /// involves, and each claim of a disputed fact, with who makes it and its sources as they are published. No related
    /// questions: they are curated in English.
    /// </summary>
    private static Reply InJapanese(AnswerResult result, Fact fact, JapaneseAnswer japanese) => new()
    {
        Kind = ReplyKind.Answer,
        Title = JapaneseTitle(fact, japanese),
        Body = WithReadAs((TellsOfTheDay(result) is { } told ? $"収録データには{told.Japanese}の日付を持つ出来事・交渉回はありませんが、次の記録がその日に触れています。\n" : "")
            + (result.Attendance is { } attendance ? RoundsAttendedInJapanese(attendance, result.Facts) + "\n" : "")
            + (result.Meeting is { } meeting ? MeetingNumberedInJapanese(meeting) + "\n" : "")
            + JapaneseBody(fact, japanese, result.Facts), result),
        Sources = Cited(fact, result.Facts),
        AsOf = fact.AsOf,
        FactIds = [fact.Id],
        Confidence = Reply.Shown(result.Confidence),
    };

    /// <summary>The fact's title in Japanese; a person's with the name in Latin letters too.</summary>
    internal static string JapaneseTitle(Fact fact, JapaneseAnswer japanese) =>
        fact.Kind == FactKind.Person ? $"{japanese.Title} ({fact.Title})" : japanese.Title;

    /// <summary>The fact in Japanese: its text, its status, the people an event involves, and each claim of a disputed
    /// fact with who makes it and its sources as they are published.</summary>
    internal static string JapaneseBody(Fact fact, JapaneseAnswer japanese, FactBase facts)
    {
        var body = new StringBuilder(japanese.Text.ReplaceLineEndings(" ").Trim());
        if (japanese.Status is { } status)
        {
            body.AppendLine().Append(CultureInfo.InvariantCulture, $"状況: {status}");
        }

        if (japanese.People.Count > 0)
        {
            body.AppendLine().Append(CultureInfo.InvariantCulture, $"関係者: {string.Join("、", japanese.People)}");
        }

        if (fact.IsDisputed)
        {
            body.AppendLine().Append("主張が分かれている:");
        }

        AppendClaims(body, fact, japanese.Claims, facts);
        return body.ToString().TrimEnd();
    }

    /// <summary>Each claim of a disputed fact on its own line: who makes it, what it says (<paramref name="texts"/>, in
    /// the claims' order) and its sources.</summary>
    private static void AppendClaims(StringBuilder body, Fact fact, IReadOnlyList<string> texts, FactBase facts)
    {
        for (var i = 0; i < fact.Claims.Count; i++)
        {
            var claim = fact.Claims[i];
            body.AppendLine();
            body.Append(CultureInfo.InvariantCulture, $"- {claim.By}: {texts[i]}");
            var cited = claim.SourceIds.Select(facts.FindSource).OfType<Source>().Select(s => $"{s.Publisher}, {s.Date.ToDisplay()}").ToList();
            if (cited.Count > 0)
            {
                body.Append(CultureInfo.InvariantCulture, $" ({string.Join("; ", cited)})");
            }
        }
    }

    /// <summary>
    /// The sources behind what the answer shows: the fact's own, each claim's, for a person the titles its first line
    /// gives and the quoted statements', if any (not every source of every past role and statement).
    /// </summary>
    internal static IReadOnlyList<Source> Cited(Fact fact, FactBase facts, IReadOnlyList<Statement>? quoted = null) =>
    [
        .. fact.SourceIds
            .Concat(fact.Claims.SelectMany(c => c.SourceIds))
            .Concat(HeadlineRoles(fact).SelectMany(r => r.SourceIds))
            .Concat(quoted?.SelectMany(st => st.SourceIds) ?? [])
            .Distinct(StringComparer.Ordinal)
            .Select(facts.FindSource)
            .OfType<Source>(),
    ];

    /// <summary>Words that ask what someone said.</summary>
    private static readonly HashSet<string> s_sayWords =
    [
        "say", "said", "says", "saying", "statement", "statements", "remark", "remarks", "comment", "comments", "commented",
        "react", "reacted", "reaction", "respond", "responded", "response", "quote", "quoted", "stance", "view", "views",
        "think", "thought", "claim", "claimed", "warn", "warned", "told",
    ];

    /// <summary>
    /// For a person asked what they said ("what did hayashi say about defense purchases"): the statement sharing the
    /// most content words with the question, at least two. Null when the question does not ask what someone said, or
    /// no statement is about what it asks.
    /// </summary>
    internal static Statement? Quoted(Fact fact, string interpreted)
    {
        var words = QuestionNormalizer.Words(interpreted);
        if (fact.Statements.Count == 0 || !words.Any(s_sayWords.Contains))
        {
            return null;
        }

        var asked = ContentStems(words);
        var best = fact.Statements
            .Select(statement => (Statement: statement, Shared: ContentStems(QuestionNormalizer.Words(statement.Text)).Count(asked.Contains)))
            .OrderByDescending(x => x.Shared).ThenByDescending(x => x.Statement.Date).First();
        return best.Shared >= 2 ? best.Statement : null;
    }

    /// <summary>At most this many of a person's statements answer "what has hayashi said".</summary>
    private const int MaxStatements = 3;

    /// <summary>
    /// The statements an answer about a person quotes: the one <see cref="Quoted"/> finds about what the question asks;
    /// else, when it asks in English what they said and names no topic ("what has bessent said", "what did muto say in
    /// july"), their latest statements, or those of the time it names (none if none is dated then). None when it does
    /// not ask what someone said, or names a topic no statement is about ("what did hayashi say about the weather").
    /// </summary>
    internal static IReadOnlyList<Statement> Said(Fact fact, AnswerResult result)
    {
        if (Quoted(fact, result.Interpreted) is { } quoted)
        {
            return [quoted];
        }

        var words = result.Words;
        var names = result.Entities?.NamePositions ?? new HashSet<int>();
        if (fact.Statements.Count == 0 || result.ReadAs is not null || !words.Any(s_sayWords.Contains)
            || !words.Select((w, i) => (w, i)).All(x => Analyzer.StopWords.Contains(x.w) || s_sayWords.Contains(x.w) || s_whenSaid.Contains(x.w)
                || names.Contains(x.i) || EntityResolver.IsMonth(x.w) || x.w.All(char.IsDigit)))
        {
            return [];
        }

        IEnumerable<Statement> statements = fact.Statements;
        if (result.Entities is { From: { } from, To: { } to } entities)
        {
            // A day asks for statements dated that day, not ones dated only to its month.
            statements = statements.Where(st => st.Date.Start <= to && st.Date.End >= from && (!entities.DayPrecision || st.Date.Day is not null));
        }

        return [.. statements.OrderByDescending(st => st.Date).Take(MaxStatements)];
    }

    /// <summary>Words that say when, not what, something was said ("what has bessent said lately").</summary>
    private static readonly HashSet<string> s_whenSaid = ["lately", "recently", "latest", "last", "publicly", "anything", "yet"];

    private static HashSet<string> ContentStems(IEnumerable<string> words) =>
        words.Where(w => !Analyzer.StopWords.Contains(w)).Select(Analyzer.Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// The titles a person's answer starts with: the first title not known to have ended (the curators list a person's
    /// main title first), and any held title that started after it (the Commerce Secretary, then the committee he
    /// chairs since September 2025); when all have ended, the one that ended last, with its dates, so that a former
    /// prime minister does not read as the current one. A title with no dates listed after the main one is a past post
    /// the sources place only by its title ("Minister of Defense (in office in January 2024)"), and is left out; so is
    /// such a title when every dated one has ended.
    /// </summary>
    internal static IReadOnlyList<Role> HeadlineRoles(Fact fact)
    {
        var held = fact.Roles.Where(r => r.To is null).ToList();
        // Past posts placed only by their titles are not held when every dated post has ended.
        if (held.Count == 0 || (held.All(r => r.From is null) && fact.Roles.Any(r => r.To is not null)))
        {
            return [.. fact.Roles.Where(r => r.To is not null).OrderByDescending(r => r.To).Take(1)];
        }

        var main = held[0];
        return [main, .. held.Skip(1).Where(r => r.From is { } from && (main.From is null || from.Start >= main.From.Value.Start))];
    }

    /// <summary>A title with when it was held, without brackets, which titles have of their own: "Prime Minister of
    /// Japan from October 2024 to October 21, 2025", "Chair of the investment committee (under the MOU) since September
    /// 4, 2025".</summary>
    private static string WithSpan(Role role) => (role.From, role.To) switch
    {
        ({ } from, null) => $"{role.Title} since {from.ToDisplay()}",
        (null, { } to) => $"{role.Title} until {to.ToDisplay()}",
        ({ } from, { } to) => $"{role.Title} from {from.ToDisplay()} to {to.ToDisplay()}",
        _ => role.Title,
    };

    /// <summary>A "did you mean" entry: the fact's first curated question, which asks for exactly that fact.</summary>
    public static string Suggestion(Fact fact) => fact.Phrasings.Count > 0 ? fact.Phrasings[0] : fact.Title;

    /// <summary>The answer itself, first: a figure, a date, a name with the current title, a round with its delegations,
    /// topics and outcome.</summary>
    internal static string Direct(Fact fact, QuestionType type, FactBase facts)
    {
        // The claims below may be the two governments' or different sources' accounts.
        var disputed = fact.IsDisputed ? " (disputed: accounts differ, see below)" : "";
        switch (fact.Kind)
        {
            case FactKind.Person:
                var side = fact.Side switch { Side.Japan => "Japan", Side.UnitedStates => "United States", _ => null };
                var parts = HeadlineRoles(fact).Select(WithSpan).Append(side is null ? null : $"{side} side").OfType<string>().ToList();
                return (parts.Count == 0 ? $"{fact.Title}." : $"{fact.Title}: {string.Join("; ", parts)}.") + disputed;
            case FactKind.Round:
                var attendees = Names(fact.JapanAttendees, facts) is { Length: > 0 } jp ? $" Japan: {jp}." : "";
                var us = Names(fact.UsAttendees, facts) is { Length: > 0 } u ? $" US: {u}." : "";
                var head = $"{fact.Title}: {Dates(fact)}{(fact.Place is null ? "" : ", " + fact.Place)}";
                // What it was about and what came of it, on lines of their own: "what came out of round 2" is answered
                // here, not in the text.
                var topics = fact.Topics.Count > 0 ? $"\nTopics: {string.Join("; ", fact.Topics)}." : "";
                var outcome = fact.Outcome is { } result ? $"\nOutcome: {result.ReplaceLineEndings(" ").Trim()}" : "";
                return $"{head}{(head.EndsWith('.') ? "" : ".")}{disputed}{attendees}{us}{topics}{outcome}";
            case FactKind.Figure or FactKind.Purchase when fact.Amount is { } amount:
                var converted = amount.Converted is null ? "" : $" ({amount.Converted})";
                var when = fact.Date is null ? "" : $", {Dates(fact)}";
                var status = fact.Status is null ? "" : $" Status: {fact.Status}.";
                // A title that starts with the figure ("100 Boeing aircraft") says it once.
                var figure = StartsWithFigure(fact.Title, amount.Display) ? null : amount.Display;
                return type == QuestionType.When && fact.Date is not null
                    ? $"{Dates(fact)}: {fact.Title}{(figure is null ? "" : ", " + figure)}{converted}.{status}{disputed}"
                    : figure is null
                        ? $"{fact.Title}{converted}{when}.{status}{disputed}"
                        : $"{figure}{converted}: {fact.Title}{when}.{status}{disputed}";
            case FactKind.Event:
                // Where and with whom, when the fact base knows: "was vance at the february summit" is answered here.
                var place = fact.Place is null ? "" : $" ({fact.Place})";
                var people = Names(fact.People, facts) is { Length: > 0 } involved ? $" People involved: {involved}." : "";
                var headline = fact.Date is null ? $"{fact.Title}{place}" : $"{Dates(fact)}: {fact.Title}{place}";
                return headline + (headline.EndsWith('.') ? "" : ".") + disputed + people;
            default:
                return fact.Date is null
                    ? $"{fact.Title}.{disputed}"
                    : $"{Dates(fact)}: {fact.Title}.{disputed}";
        }
    }

    /// <summary>Does the title start with the figure as a whole ("100 Boeing aircraft"; not "$10 billion", "$1.5 billion"
    /// or "$1,000" for "$1")?</summary>
    private static bool StartsWithFigure(string title, string figure)
    {
        if (!title.StartsWith(figure, StringComparison.OrdinalIgnoreCase) || title.Length == figure.Length)
        {
            return title.Length == figure.Length;
        }

        var next = title[figure.Length];
        var continuesNumber = next is '.' or ',' && title.Length > figure.Length + 1 && char.IsDigit(title[figure.Length + 1]);
        return !char.IsLetterOrDigit(next) && !continuesNumber;
    }

    /// <summary>What placed a round answered for "which round came after the g7": "Round 7 was the first round after
    /// June 16, 2025 (Ishiba–Trump meeting at the G7)." or "Round 7 was the last round before July 9, 2025."</summary>
    private static string Placed(Fact round, RoundPlacement placement)
    {
        var what = placement.Trip ? "trip" : "round";
        var by = placement.Occasion is { } occasion ? $"{placement.When} ({occasion.Title})" : placement.When;
        return placement.After ? $"{round.Title} was the first {what} after {by}." : $"{round.Title} was the last {what} before {by}.";
    }

    /// <summary>One line of context: the fact's own statement.</summary>
    private static string Context(Fact fact) => fact.Text.ReplaceLineEndings(" ").Trim();

    private static string Dates(Fact fact) => fact.Date is not { } date
        ? ""
        : fact.EndDate is { } end && end != date ? $"{date.ToDisplay()} to {end.ToDisplay()}" : date.ToDisplay();

    private static string Names(IReadOnlyList<string> ids, FactBase facts) =>
        string.Join(", ", ids.Select(id => facts.Find(id)?.Title ?? id));
}
