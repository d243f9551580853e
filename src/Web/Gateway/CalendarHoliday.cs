namespace Ptsp.Web.Gateway;

public sealed record CalendarHoliday(DateOnly Date, string Name);
