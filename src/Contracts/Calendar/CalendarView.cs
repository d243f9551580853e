namespace Ptsp.Contracts.Calendar;

/// <summary>
/// A year's calendar: the ordinary week and zone (configuration), and the year's holidays and overrides (the administrator's).
/// <paramref name="Revision"/> 0 means no administrator has changed the configured calendar yet.
/// </summary>
public sealed record CalendarView(
    int Year,
    long Revision,
    string TimeZone,
    IReadOnlyDictionary<string, string> Week,
    IReadOnlyList<HolidayEntry> Holidays,
    IReadOnlyList<WorkingHoursOverride> Overrides,
    string? ChangedBy,
    DateTimeOffset? ChangedAt);
