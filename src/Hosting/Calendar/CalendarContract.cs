using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Ptsp.Contracts.Calendar;

namespace Ptsp.Hosting.Calendar;

/// <summary>The calendar's contract shapes to and from the calendar's own types.</summary>
public static class CalendarContract
{
    public static HolidayEntry ToEntry(Holiday h) => new(h.Date, h.Name);

    public static Holiday FromEntry(HolidayEntry h) => new(h.Date, h.Name?.Trim() ?? "");

    public static WorkingHoursOverride ToEntry(CalendarOverride o) =>
        new(o.Name, o.From, o.To, o.Week.OrderBy(d => ((int)d.Key + 6) % 7).ToDictionary(d => CalendarOptions.DayKey(d.Key), d => WorkingWindow.Format(d.Value)));

    public static IReadOnlyDictionary<string, string> Week(CalendarOptions options) =>
        options.Week.OrderBy(d => ((int)d.Key + 6) % 7).ToDictionary(d => CalendarOptions.DayKey(d.Key), d => WorkingWindow.Format(d.Value));

    /// <summary>An override from the contract; <paramref name="errors"/> gets a Bahasa Indonesia message per bad day (then null).</summary>
    public static CalendarOverride? FromEntry(WorkingHoursOverride o, string field, IDictionary<string, string[]>? errors = null)
    {
        var week = new Dictionary<DayOfWeek, IReadOnlyList<WorkingWindow>>();
        var ok = true;
        foreach (var (key, value) in o.Week ?? new Dictionary<string, string>())
        {
            if (CalendarOptions.ParseDay(key) is not { } day)
            {
                errors?[$"{field}.week.{key}"] = [$"'{key}' bukan nama hari (Mon, Tue, Wed, Thu, Fri, Sat, Sun)."];
                ok = false;
            }
            else if (WorkingWindow.TryParseDay(value) is { } windows)
            {
                week[day] = windows;
            }
            else
            {
                errors?[$"{field}.week.{key}"] = [$"'{value}' bukan jam kerja yang valid; tulis seperti 08:00-12:00,12:30-15:00 (berurutan, tidak bertumpang tindih)."];
                ok = false;
            }
        }

        return ok ? new CalendarOverride(o.Name?.Trim() ?? "", o.From, o.To, week) : null;
    }

    /// <summary>Puts the change's holidays and overrides in force unless a newer revision already is.</summary>
    public static bool Apply(this WorkingCalendar calendar, CalendarChanged change) =>
        calendar.Apply(change.Revision, change.Holidays, change.Overrides);

    /// <summary>Puts a revision's holidays and overrides, as the contracts carry them, in force unless a newer one already is.</summary>
    public static bool Apply(this WorkingCalendar calendar, long revision, IEnumerable<HolidayEntry> holidays, IEnumerable<WorkingHoursOverride> overrides) =>
        calendar.Apply(revision, holidays.Select(FromEntry).ToList(), overrides.Select(o => FromEntry(o, "")!).ToList());
}
