namespace Ptsp.Contracts.Calendar;

/// <summary>The calendar as Workflow keeps it, for one year. Replies <see cref="CalendarView"/>.</summary>
public sealed record GetCalendar(int Year);
