namespace Ptsp.Hosting.Calendar;

/// <summary>
/// The agency's working time (sop.md, "How we read it"): each weekday's working windows (breaks are not working
/// time) in the agency's time zone, other windows between the dates of an override (Ramadan), minus holidays and
/// cuti bersama. Every SLA target is an amount of working time, or a number of working days, added with this class.
/// The administrator's holidays and overrides replace the configured ones at run time (<see cref="Apply"/>).
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>Guards against a calendar without any working time ahead (e.g. an override closing every day for a year).</summary>
    const int SearchDays = 3 * 366;

    volatile Snapshot _current;

    public WorkingCalendar(CalendarOptions options)
    {
        if (options.Week.Values.All(w => w.Count == 0))
            throw new ArgumentException("Calendar:Week must give at least one day working hours.");
        _current = new Snapshot(options, 0);
    }

    public CalendarOptions Options => _current.Options;

    /// <summary>The revision of the administrator's calendar in force (0: the configured one).</summary>
    public long Revision => _current.Revision;

    public TimeZoneInfo TimeZone => Options.TimeZone;

    /// <summary>
    /// Puts the administrator's holidays and overrides in force (the weekly pattern and zone stay as configured).
    /// An older revision than the one in force changes nothing, so a late or repeated event cannot undo a newer change.
    /// </summary>
    public bool Apply(long revision, IReadOnlyList<Holiday> holidays, IReadOnlyList<CalendarOverride> overrides)
    {
        lock (this)
        {
            if (revision <= _current.Revision)
                return false;
            _current = new Snapshot(_current.Options with { Holidays = holidays, Overrides = overrides }, revision);
            return true;
        }
    }

    /// <summary>The working windows of a date in the agency's zone: none on a holiday; an override's on its dates; else the week's.</summary>
    public IReadOnlyList<WorkingWindow> Windows(DateOnly date) => _current.Windows(date);

    /// <summary>The holiday on a date, if any.</summary>
    public Holiday? HolidayOn(DateOnly date) => _current.HolidayOn(date);

    /// <summary>One working day's working time on that date (zero on a day off).</summary>
    public TimeSpan WorkingDayLength(DateOnly date) => Windows(date).Aggregate(TimeSpan.Zero, (sum, w) => sum + w.Length);

    public bool IsWorkingDay(DateTime localDate) => Windows(DateOnly.FromDateTime(localDate)).Count > 0;

    /// <summary>The instant at which <paramref name="workingTime"/> of working time has passed after <paramref name="start"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan workingTime)
    {
        if (workingTime < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(workingTime), "Working time cannot be negative.");
        var snapshot = _current;
        if (snapshot.Options.AlwaysOpen)
            return start + workingTime;

        var local = ToLocal(start);
        var remaining = workingTime;
        var date = DateOnly.FromDateTime(local);
        for (var i = 0; i < SearchDays; i++, date = date.AddDays(1))
        {
            foreach (var window in snapshot.Windows(date))
            {
                var (open, close) = Bounds(date, window);
                if (local >= close)
                    continue;
                var from = local > open ? local : open;
                var available = close - from;
                // A target that ends exactly at the end of a window is due then, not when the next one opens.
                if (remaining <= available)
                    return ToInstant(from + remaining);
                remaining -= available;
                local = close;
            }
        }

        throw new InvalidOperationException("The working calendar has no working time in the next three years.");
    }

    /// <summary>
    /// The due time of a target of <paramref name="days"/> working days (step 6's NSPK days, step 10's day, the statutory
    /// days): the same working-time position <paramref name="days"/> working days later. Work that starts after 2 hours of a
    /// day's working time is due after 2 hours of working time on the Nth working day after it, or at that day's close if it
    /// is shorter (a Ramadan day); work that arrives before a day opens (or on a day off) is due at the close of the Nth
    /// working day counting the day it is first worked on. So each day counted is that day's own working time.
    /// </summary>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(days);
        var snapshot = _current;
        if (snapshot.Options.AlwaysOpen)
            return start + TimeSpan.FromDays(days);

        var local = ToLocal(start);
        var date = DateOnly.FromDateTime(local);
        // The working day the work runs in, and how far into its working time it starts.
        var position = TimeSpan.Zero;
        var windows = snapshot.Windows(date);
        if (windows.Count > 0 && local < Bounds(date, windows[^1]).Close)
        {
            foreach (var window in windows)
            {
                var (open, close) = Bounds(date, window);
                if (local > open)
                    position += (local < close ? local : close) - open;
            }
        }
        else
        {
            date = NextWorkingDay(snapshot, date);
        }

        // Position zero: the whole first day counts, so the Nth working day's close; else the position on the Nth day after.
        var remainingDays = position == TimeSpan.Zero ? days - 1 : days;
        for (var i = 0; i < remainingDays; i++)
            date = NextWorkingDay(snapshot, date);
        var target = snapshot.Windows(date);
        if (position == TimeSpan.Zero)
            return ToInstant(Bounds(date, target[^1]).Close);
        foreach (var window in target)
        {
            if (position <= window.Length)
                return ToInstant(Bounds(date, window).Open + position);
            position -= window.Length;
        }

        return ToInstant(Bounds(date, target[^1]).Close);
    }

    /// <summary>How much working time lies between two instants (zero if <paramref name="to"/> is not later).</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
            return TimeSpan.Zero;
        var snapshot = _current;
        if (snapshot.Options.AlwaysOpen)
            return to - from;

        var start = ToLocal(from);
        var end = ToLocal(to);
        var total = TimeSpan.Zero;
        for (var date = DateOnly.FromDateTime(start); date <= DateOnly.FromDateTime(end); date = date.AddDays(1))
        {
            foreach (var window in snapshot.Windows(date))
            {
                var (open, close) = Bounds(date, window);
                var a = start > open ? start : open;
                var b = end < close ? end : close;
                if (b > a)
                    total += b - a;
            }
        }

        return total;
    }

    /// <summary>The instant as the agency's wall clock shows it (e.g. +07:00 for WIB, +08:00 for WITA), for people and API answers.</summary>
    public DateTimeOffset ToAgencyTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    DateOnly NextWorkingDay(Snapshot snapshot, DateOnly after)
    {
        for (var (date, i) = (after.AddDays(1), 0); i < SearchDays; date = date.AddDays(1), i++)
        {
            if (snapshot.Windows(date).Count > 0)
                return date;
        }

        throw new InvalidOperationException("The working calendar has no working day in the next three years.");
    }

    static (DateTime Open, DateTime Close) Bounds(DateOnly date, WorkingWindow window) =>
        (date.ToDateTime(window.Start), date.ToDateTime(window.End));

    DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    DateTimeOffset ToInstant(DateTime local) => new(local, TimeZone.GetUtcOffset(local));

    sealed class Snapshot(CalendarOptions options, long revision)
    {
        readonly Dictionary<DateOnly, Holiday> _holidays = options.Holidays.GroupBy(h => h.Date).ToDictionary(g => g.Key, g => g.First());

        public CalendarOptions Options { get; } = options;

        public long Revision { get; } = revision;

        public Holiday? HolidayOn(DateOnly date) => _holidays.GetValueOrDefault(date);

        public IReadOnlyList<WorkingWindow> Windows(DateOnly date)
        {
            if (_holidays.ContainsKey(date))
                return [];
            foreach (var o in Options.Overrides)
            {
                if (o.Covers(date) && o.Week.TryGetValue(date.DayOfWeek, out var windows))
                    return windows;
            }

            return Options.Week.TryGetValue(date.DayOfWeek, out var week) ? week : [];
        }
    }
}
