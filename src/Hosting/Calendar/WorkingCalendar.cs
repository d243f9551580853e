using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Ptsp.Hosting.Calendar;

/// <summary>
/// The agency's working time (sop.md, "How we read it"): working hours on working days in the agency's
/// time zone, minus holidays. Every SLA target is an amount of working time added with this class.
/// </summary>
public sealed class WorkingCalendar
{
    public WorkingCalendar(CalendarOptions options)
    {
        if (options.WorkEnd <= options.WorkStart)
            throw new ArgumentException("Calendar:WorkEnd must be later than Calendar:WorkStart.");
        if (options.WorkDays.Count == 0)
            throw new ArgumentException("Calendar:WorkDays must name at least one day.");
        Options = options;
    }

    public CalendarOptions Options { get; }

    public TimeZoneInfo TimeZone => Options.TimeZone;

    /// <summary>"1 day" in the SOP: one working day's hours.</summary>
    public TimeSpan WorkingDay => Options.WorkEnd - Options.WorkStart;

    /// <summary>The instant at which <paramref name="workingTime"/> of working time has passed after <paramref name="start"/>.</summary>
    public DateTimeOffset Add(DateTimeOffset start, TimeSpan workingTime)
    {
        if (workingTime < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(workingTime), "Working time cannot be negative.");
        if (Options.AlwaysOpen)
            return start + workingTime;

        var local = ToLocal(start);
        var remaining = workingTime;
        while (true)
        {
            var (open, close) = Hours(local.Date);
            if (IsWorkingDay(local.Date) && local < close)
            {
                if (local < open)
                    local = open;
                var available = close - local;
                if (remaining <= available)
                {
                    // A target that ends exactly at closing time is due then, not the next morning.
                    return ToInstant(local + remaining);
                }

                remaining -= available;
            }

            local = local.Date.AddDays(1);
        }
    }

    /// <summary>How much working time lies between two instants (zero if <paramref name="to"/> is not later).</summary>
    public TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
            return TimeSpan.Zero;
        if (Options.AlwaysOpen)
            return to - from;

        var start = ToLocal(from);
        var end = ToLocal(to);
        var total = TimeSpan.Zero;
        for (var day = start.Date; day <= end.Date; day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
                continue;
            var (open, close) = Hours(day);
            var a = start > open ? start : open;
            var b = end < close ? end : close;
            if (b > a)
                total += b - a;
        }

        return total;
    }

    /// <summary>The instant as the agency's wall clock shows it (e.g. +07:00 for WIB), for people and API answers.</summary>
    public DateTimeOffset ToAgencyTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone);

    public bool IsWorkingDay(DateTime localDate) =>
        Options.WorkDays.Contains(localDate.DayOfWeek) && !Options.Holidays.Contains(DateOnly.FromDateTime(localDate));

    (DateTime Open, DateTime Close) Hours(DateTime localDate) =>
        (localDate + Options.WorkStart.ToTimeSpan(), localDate + Options.WorkEnd.ToTimeSpan());

    DateTime ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    DateTimeOffset ToInstant(DateTime local) => new(local, TimeZone.GetUtcOffset(local));
}

public sealed record CalendarOptions
{
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    public TimeOnly WorkStart { get; init; } = new(7, 30);

    public TimeOnly WorkEnd { get; init; } = new(16, 0);

    public IReadOnlySet<DayOfWeek> WorkDays { get; init; } =
        new HashSet<DayOfWeek> { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };

    public IReadOnlySet<DateOnly> Holidays { get; init; } = new HashSet<DateOnly>();

    public bool AlwaysOpen { get; init; }

    /// <summary>Reads the <c>Calendar__*</c> keys; a bad value stops start-up with a message naming the key.</summary>
    public static CalendarOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Calendar");
        var options = new CalendarOptions();

        if (section["TimeZone"] is { Length: > 0 } zone)
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone, out var timeZone))
                throw new InvalidOperationException($"Calendar:TimeZone '{zone}' is not a known time zone.");
            options = options with { TimeZone = timeZone };
        }

        if (section["WorkStart"] is { Length: > 0 } start)
            options = options with { WorkStart = ParseTime("Calendar:WorkStart", start) };
        if (section["WorkEnd"] is { Length: > 0 } end)
            options = options with { WorkEnd = ParseTime("Calendar:WorkEnd", end) };

        if (section["WorkDays"] is { Length: > 0 } days)
        {
            var set = new HashSet<DayOfWeek>();
            foreach (var day in days.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var match = Enum.GetValues<DayOfWeek>().Where(d => d.ToString().StartsWith(day, StringComparison.OrdinalIgnoreCase) && day.Length >= 3).ToList();
                if (match.Count != 1)
                    throw new InvalidOperationException($"Calendar:WorkDays has '{day}', which is not a day (Mon,Tue,...).");
                set.Add(match[0]);
            }

            options = options with { WorkDays = set };
        }

        var holidays = new HashSet<DateOnly>();
        foreach (var child in section.GetSection("Holidays").GetChildren())
        {
            if (!DateOnly.TryParseExact(child.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new InvalidOperationException($"Calendar:Holidays:{child.Key} '{child.Value}' is not a date (YYYY-MM-DD).");
            holidays.Add(date);
        }

        options = options with { Holidays = holidays };

        if (section["AlwaysOpen"] is { Length: > 0 } alwaysOpen)
        {
            if (!bool.TryParse(alwaysOpen, out var value))
                throw new InvalidOperationException($"Calendar:AlwaysOpen must be true or false, not '{alwaysOpen}'.");
            options = options with { AlwaysOpen = value };
        }

        return options;
    }

    static TimeOnly ParseTime(string key, string value) =>
        TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new InvalidOperationException($"{key} '{value}' is not a time (HH:mm).");
}
