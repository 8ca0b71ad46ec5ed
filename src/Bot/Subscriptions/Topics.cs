using Bot.Facts;

namespace Bot.Subscriptions;

/// <summary>What a subscription wants to hear about; one topic per fact kind (DESIGN §6).</summary>
[Flags]
internal enum Topics
{
    None = 0,
    Rounds = 1,
    People = 2,
    Figures = 4,
    Purchases = 8,
    Events = 16,
    All = Rounds | People | Figures | Purchases | Events,
}

/// <summary>Topic names as users type them, and the mapping from fact kinds.</summary>
internal static class TopicNames
{
    public static IReadOnlyList<(Topics Topic, string Name)> Each { get; } =
    [
        (Topics.Rounds, "rounds"),
        (Topics.People, "people"),
        (Topics.Figures, "figures"),
        (Topics.Purchases, "purchases"),
        (Topics.Events, "events"),
    ];

    public static string ValidList => string.Join(", ", Each.Select(t => t.Name));

    public static Topics Of(FactKind kind) => kind switch
    {
        FactKind.Round => Topics.Rounds,
        FactKind.Person => Topics.People,
        FactKind.Figure => Topics.Figures,
        FactKind.Purchase => Topics.Purchases,
        FactKind.Event => Topics.Events,
        _ => Topics.None,
    };

    public static string NameOf(Topics topic) => Each.FirstOrDefault(t => t.Topic == topic).Name ?? topic.ToString().ToLowerInvariant();

    /// <summary>"rounds, figures", or "all topics" when every topic is set.</summary>
    public static string Describe(Topics topics) => topics == Topics.All
        ? "all topics"
        : string.Join(", ", Each.Where(t => topics.HasFlag(t.Topic)).Select(t => t.Name));

    /// <summary>
    /// Parses "rounds,figures", "rounds figures", "all" or nothing (= all). Singular forms are accepted.
    /// The words "digest" and "daily" among the topics ask for the daily digest (Slack users type them inline).
    /// </summary>
    public static bool TryParse(string? text, out Topics topics, out bool digest, out string error)
    {
        topics = Topics.None;
        digest = false;
        error = "";
        var words = (text ?? "").Split([',', ' ', ';', '+', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var raw in words)
        {
            var word = raw.ToLowerInvariant();
            switch (word)
            {
                case "all":
                    topics = Topics.All;
                    continue;
                case "digest" or "daily":
                    digest = true;
                    continue;
            }

            var match = Each.FirstOrDefault(t => t.Name == word || t.Name == word + "s" || (t.Topic == Topics.People && word == "person"));
            if (match.Name is null)
            {
                error = $"Unknown topic \"{raw}\". Topics: {ValidList} (default: all).";
                return false;
            }

            topics |= match.Topic;
        }

        if (topics == Topics.None)
        {
            topics = Topics.All;
        }

        return true;
    }
}
