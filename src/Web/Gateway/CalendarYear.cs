namespace Ptsp.Web.Gateway;

public sealed record CalendarYear(IReadOnlyList<CalendarHoliday> Holidays, IReadOnlyList<WorkingHoursPeriod> Overrides);
