namespace Ptsp.Web.Gateway;

/// <summary>The agency's working calendar for a year (issue 15): the week's windows, holidays, special working hours.</summary>
public sealed record CalendarAnswer(int Year, long Revision, string TimeZone, IReadOnlyDictionary<string, string> Week, IReadOnlyList<CalendarHoliday> Holidays,
    IReadOnlyList<WorkingHoursPeriod> Overrides, string? ChangedBy, DateTimeOffset? ChangedAt);
