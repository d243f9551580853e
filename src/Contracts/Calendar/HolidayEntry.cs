namespace Ptsp.Contracts.Calendar;

/// <summary>A holiday or cuti bersama on the agency's calendar.</summary>
public sealed record HolidayEntry(DateOnly Date, string Name);
