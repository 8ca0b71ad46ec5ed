using System.Globalization;

namespace Bot.Facts;

/// <summary>
/// A calendar date that may be known only to the month or the year ("2019-10", "2025"),
/// as sources often give them. Orders by its first possible day.
/// </summary>
public readonly record struct PartialDate(int Year, int? Month, int? Day) : IComparable<PartialDate>
{
    public DateOnly Start => new(Year, Month ?? 1, Day ?? 1);

    public DateOnly End => Day is not null
        ? Start
        : Month is not null ? new DateOnly(Year, Month.Value, 1).AddMonths(1).AddDays(-1) : new DateOnly(Year, 12, 31);

    public static PartialDate FromDate(DateOnly date) => new(date.Year, date.Month, date.Day);

    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split('-');
        if (parts.Length is < 1 or > 3 || parts[0].Length != 4 || parts.Skip(1).Any(p => p.Length != 2))
        {
            return false;
        }

        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year < 1900)
        {
            return false;
        }

        int? month = null, day = null;
        if (parts.Length >= 2)
        {
            if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m is < 1 or > 12)
            {
                return false;
            }

            month = m;
        }

        if (parts.Length == 3)
        {
            if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var d)
                || d < 1 || d > DateTime.DaysInMonth(year, month!.Value))
            {
                return false;
            }

            day = d;
        }

        date = new PartialDate(year, month, day);
        return true;
    }

    public int CompareTo(PartialDate other) => Start.CompareTo(other.Start) is var c && c != 0
        ? c
        : End.CompareTo(other.End);

    /// <summary>ISO form as written in the fact base: "2025", "2025-05" or "2025-05-30".</summary>
    public override string ToString() => Day is not null
        ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}")
        : Month is not null ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}") : Year.ToString("D4", CultureInfo.InvariantCulture);

    /// <summary>Readable form for replies: "May 30, 2025", "October 2019", "2018".</summary>
    public string ToDisplay() => Day is not null
        ? Start.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)
        : Month is not null ? Start.ToString("MMMM yyyy", CultureInfo.InvariantCulture) : Year.ToString(CultureInfo.InvariantCulture);

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;
    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;
    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;
    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;
}
