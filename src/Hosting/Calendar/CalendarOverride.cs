using Microsoft.Extensions.Configuration;

namespace Ptsp.Hosting.Calendar;

/// <summary>Other working hours between two dates (inclusive), e.g. Ramadan; a weekday it does not name keeps the ordinary week's hours.</summary>
public sealed record CalendarOverride(string Name, DateOnly From, DateOnly To, IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingWindow>> Week)
{
    public bool Covers(DateOnly date) => date >= From && date <= To;
}
