namespace Ptsp.Hosting.Calendar;

/// <summary>A step's target: an amount of working time ("1 jam"), or a number of working days ("1 hari", counted by <see cref="WorkingCalendar.AddWorkingDays"/>).</summary>
public readonly record struct SlaTarget(TimeSpan WorkingTime, int WorkingDays)
{
    public static SlaTarget Time(TimeSpan workingTime) => new(workingTime, 0);

    public static SlaTarget Hours(double hours) => new(TimeSpan.FromHours(hours), 0);

    public static SlaTarget Days(int days) => new(TimeSpan.Zero, days);

    public bool InDays => WorkingDays > 0;

    /// <summary>When work started at <paramref name="start"/> is due.</summary>
    public DateTimeOffset DueFrom(WorkingCalendar calendar, DateTimeOffset start) =>
        InDays ? calendar.AddWorkingDays(start, WorkingDays) : calendar.Add(start, WorkingTime);
}
