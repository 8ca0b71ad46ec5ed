namespace Bot.Answering;

/// <summary>
/// How the fused score weighs its evidence: the lexical share (the semantic share is the rest) and the bonuses for
/// entities and question types. The defaults were chosen on the dev split of the gold set (<c>bot eval --tune</c>).
/// </summary>
internal sealed record RankingWeights
{
    public static readonly RankingWeights Default = new();

    public double Lexical { get; init; } = 0.45;
    public double RoundMatch { get; init; } = 0.175;
    public double RoundMismatch { get; init; } = 0.2;
    public double PersonAsked { get; init; } = 0.25;
    public double PersonNamedInWho { get; init; } = 0.1;
    public double PersonInvolved { get; init; } = 0.025;
    public double DayMatch { get; init; } = 0.35;
    public double MonthMatch { get; init; } = 0.05;
    public double DayMismatch { get; init; } = 0.1;
    public double WhoPerson { get; init; } = 0.125;
    public double WhenDated { get; init; } = 0.05;
    public double WherePlace { get; init; } = 0.05;
    public double AmountFigure { get; init; } = 0.15;
    public double NumberStated { get; init; } = 0.1;
    public double CuratedMatch { get; init; } = 0.075;
    public double PeopleNamedTogether { get; init; } = 0.25;
    public double RoleTime { get; init; } = 0.2;
    public double EndedNow { get; init; } = 0.15;
    public double SideAsked { get; init; } = 0.1;
    public double WhoPersonNoun { get; init; } = 0.1;
    public double Adjacent { get; init; } = 0.3;
    public double OtherPerson { get; init; } = 0.1;
    public double Latest { get; init; } = 0.2;

    public static readonly string[] Names =
    [
        nameof(Lexical), nameof(RoundMatch), nameof(RoundMismatch), nameof(PersonAsked), nameof(PersonNamedInWho), nameof(PersonInvolved),
        nameof(DayMatch), nameof(MonthMatch), nameof(DayMismatch), nameof(WhoPerson), nameof(WhenDated), nameof(WherePlace), nameof(AmountFigure),
        nameof(NumberStated), nameof(CuratedMatch), nameof(PeopleNamedTogether), nameof(RoleTime), nameof(EndedNow), nameof(SideAsked), nameof(WhoPersonNoun), nameof(Adjacent), nameof(OtherPerson), nameof(Latest),
    ];

    public double Get(string name) => (double)typeof(RankingWeights).GetProperty(name)!.GetValue(this)!;

    public RankingWeights With(string name, double value)
    {
        var copy = this with { };
        typeof(RankingWeights).GetProperty(name)!.SetValue(copy, value);
        return copy;
    }

    public override string ToString() => string.Join(", ", Names.Select(n => FormattableString.Invariant($"{n} = {Get(n):0.###}")));
}
