using MassTransit;

namespace Ptsp.Contracts.Calendar;

/// <summary>A holiday or cuti bersama on the agency's calendar.</summary>
public sealed record HolidayEntry(DateOnly Date, string Name);

/// <summary>
/// Other working hours between two dates (inclusive), e.g. Ramadan. <paramref name="Week"/> maps a weekday
/// ("Mon" … "Sun") to its windows ("08:00-12:00,12:30-15:00"; empty: a day off); days it leaves out keep the ordinary week.
/// </summary>
public sealed record WorkingHoursOverride(string Name, DateOnly From, DateOnly To, IReadOnlyDictionary<string, string> Week);

/// <summary>The calendar as Workflow keeps it, for one year. Replies <see cref="CalendarView"/>.</summary>
public sealed record GetCalendar(int Year);

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

/// <summary>
/// The administrator replaces one year's holidays (dated in that year) and overrides (starting in that year). Workflow
/// validates and keeps it; replies <see cref="CalendarView"/> or <c>CommandRefused</c>.
/// </summary>
public sealed record SetCalendarYear(int Year, IReadOnlyList<HolidayEntry> Holidays, IReadOnlyList<WorkingHoursOverride> Overrides, string ChangedBy);

/// <summary>
/// The agency's calendar changed (audited: who, when, what). It carries every holiday and override now in force, so each
/// service that counts working time takes it over without a restart; Workflow then recomputes the due times of open steps.
/// </summary>
[EntityName("ptsp.calendar-changed.v1")]
[MessageUrn("ptsp:calendar-changed:v1")]
public sealed record CalendarChanged(
    long Revision,
    int Year,
    string ChangedBy,
    DateTimeOffset ChangedAt,
    string Summary,
    IReadOnlyList<HolidayEntry> Holidays,
    IReadOnlyList<WorkingHoursOverride> Overrides);

/// <summary>The whole calendar in force (every year), as the newest change carried it. Replies <see cref="CalendarChanged"/> (revision 0: none yet).</summary>
public sealed record GetCalendarInForce;
