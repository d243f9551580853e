namespace Ptsp.Contracts.Calendar;

/// <summary>
/// The administrator replaces one year's holidays (dated in that year) and overrides (starting in that year). Workflow
/// validates and keeps it; replies <see cref="CalendarView"/> or <c>CommandRefused</c>.
/// </summary>
public sealed record SetCalendarYear(int Year, IReadOnlyList<HolidayEntry> Holidays, IReadOnlyList<WorkingHoursOverride> Overrides, string ChangedBy);
