namespace Bot.Facts;

/// <summary>The kind of a fact; one YAML file per kind under <c>data/facts/</c>.</summary>
public enum FactKind
{
    Person,
    Round,
    Event,
    Figure,
    Purchase,
}

/// <summary>Which side of the talks a person or a claim belongs to.</summary>
public enum Side
{
    Japan,
    UnitedStates,
    Other,
}

/// <summary>A source as cited: publisher, title, address and publication date.</summary>
public sealed record Source(string Id, string Publisher, string Title, Uri Url, PartialDate Date, string? Note);

/// <summary>One side of a disputed fact: who says what, and where it was said.</summary>
public sealed record Claim(string By, string Text, IReadOnlyList<string> SourceIds);

/// <summary>A title a person held, with the dates it applies (open-ended when <see cref="To"/> is null).</summary>
public sealed record Role(string Title, PartialDate? From, PartialDate? To, IReadOnlyList<string> SourceIds);

/// <summary>Something a person said, dated and sourced.</summary>
public sealed record Statement(PartialDate Date, string Text, IReadOnlyList<string> SourceIds);

/// <summary>An amount as the source wrote it, with an optional conversion the source itself gives.</summary>
public sealed record Amount(decimal? Value, string Unit, string Display, string? Converted);

/// <summary>
/// One curated statement about the talks. Every fact has at least one source and an as-of date,
/// the questions people ask for it (phrasings) and other names for it (aliases).
/// Kind-specific details live in the optional members; <see cref="Claims"/> is non-empty for disputed facts.
/// </summary>
public sealed record Fact
{
    public required string Id { get; init; }
    public required FactKind Kind { get; init; }

    /// <summary>Short name: a person's name, "Round 4", a figure's name.</summary>
    public required string Title { get; init; }

    /// <summary>The fact in one or two sentences, in our own words.</summary>
    public required string Text { get; init; }

    /// <summary>The date the fact refers to (an event's day, a round's first day), if any.</summary>
    public PartialDate? Date { get; init; }

    /// <summary>The last day of a multi-day round or event.</summary>
    public PartialDate? EndDate { get; init; }

    public required PartialDate AsOf { get; init; }
    public required IReadOnlyList<string> SourceIds { get; init; }
    public required IReadOnlyList<string> Phrasings { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<Claim> Claims { get; init; } = [];

    /// <summary>People this fact involves (person ids).</summary>
    public IReadOnlyList<string> People { get; init; } = [];

    // Person
    public Side? Side { get; init; }
    public IReadOnlyList<Role> Roles { get; init; } = [];
    public IReadOnlyList<Statement> Statements { get; init; } = [];

    // Round
    public int? Number { get; init; }
    public string? Place { get; init; }
    public IReadOnlyList<string> JapanAttendees { get; init; } = [];
    public IReadOnlyList<string> UsAttendees { get; init; } = [];
    public string? Duration { get; init; }
    public IReadOnlyList<string> Topics { get; init; } = [];
    public string? Outcome { get; init; }

    // Figure and purchase
    public Amount? Amount { get; init; }
    public string? Status { get; init; }

    /// <summary>The facts that together give the whole of this one ("what's the deal": its terms), listed after it when a
    /// question asks for the whole of it.</summary>
    public Overview? Overview { get; init; }

    /// <summary>For a tariff rate: the Japanese goods it was charged on and when, so "car tariff now" or "steel tariff in
    /// may" is answered with the one rate in force then.</summary>
    public InForce? InForce { get; init; }

    /// <summary>Where the fact was defined, for error messages and diffs.</summary>
    public required FactLocation Location { get; init; }

    public bool IsDisputed => Claims.Count > 0;

    /// <summary>Every source this fact cites, its own and its claims', roles' and statements'.</summary>
    public IEnumerable<string> AllSourceIds =>
        SourceIds
            .Concat(Claims.SelectMany(c => c.SourceIds))
            .Concat(Roles.SelectMany(r => r.SourceIds))
            .Concat(Statements.SelectMany(s => s.SourceIds))
            .Distinct(StringComparer.Ordinal);
}

/// <summary>What a question may call the whole of a fact ("the deal", "the agreement"), and the ids of the facts that
/// together give it, in the order an answer lists them.</summary>
public sealed record Overview(IReadOnlyList<string> Names, IReadOnlyList<string> Parts);

/// <summary>The Japanese goods a US tariff rate was charged on (<see cref="InForce.MostGoods"/> for the rate most goods
/// pay) and the days it was: from <see cref="From"/> (open when null: since before the fact base begins) through
/// <see cref="To"/> (open when null: still in force as far as the fact base knows).</summary>
public sealed record InForce(IReadOnlyList<string> On, PartialDate? From, PartialDate? To)
{
    /// <summary>The name in <see cref="On"/> of the rate most goods pay, which a question naming no goods asks for.</summary>
    public const string MostGoods = "goods";
}

/// <summary>A file and 1-based line.</summary>
public sealed record FactLocation(string File, int Line)
{
    public override string ToString() => $"{File}:{Line}";
}
