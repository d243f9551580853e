namespace Ptsp.Contracts.Calendar;

/// <summary>The whole calendar in force (every year), as the newest change carried it. Replies <see cref="CalendarChanged"/> (revision 0: none yet).</summary>
public sealed record GetCalendarInForce;
