using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Ptsp.Hosting.Calendar;

public sealed record CalendarOptions
{
    /// <summary>Perpres 21/2023's 37.5 hours: Mon–Thu 07:30–12:00 + 13:00–16:00, Fri 07:30–11:30 + 13:00–16:30.</summary>
    public static readonly IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingWindow>> DefaultWeek = new Dictionary<DayOfWeek, IReadOnlyList<WorkingWindow>>
    {
        [DayOfWeek.Monday] = [Window(7, 30, 12, 0), Window(13, 0, 16, 0)],
        [DayOfWeek.Tuesday] = [Window(7, 30, 12, 0), Window(13, 0, 16, 0)],
        [DayOfWeek.Wednesday] = [Window(7, 30, 12, 0), Window(13, 0, 16, 0)],
        [DayOfWeek.Thursday] = [Window(7, 30, 12, 0), Window(13, 0, 16, 0)],
        [DayOfWeek.Friday] = [Window(7, 30, 11, 30), Window(13, 0, 16, 30)],
        [DayOfWeek.Saturday] = [],
        [DayOfWeek.Sunday] = [],
    };

    static readonly string[] DayKeys = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.FindSystemTimeZoneById("Asia/Jakarta");

    /// <summary>The ordinary week: each weekday's working windows (none on a day off).</summary>
    public IReadOnlyDictionary<DayOfWeek, IReadOnlyList<WorkingWindow>> Week { get; init; } = DefaultWeek;

    public IReadOnlyList<Holiday> Holidays { get; init; } = [];

    public IReadOnlyList<CalendarOverride> Overrides { get; init; } = [];

    public bool AlwaysOpen { get; init; }

    /// <summary>
    /// Reads the <c>Calendar__*</c> keys; a bad value stops start-up with a message naming the key. The older one-window keys
    /// (<c>WorkStart</c>, <c>WorkEnd</c>, <c>WorkDays</c>) still work: when any is set they give each working day one window,
    /// and <c>Week__&lt;Day&gt;</c> keys then replace the days they name.
    /// </summary>
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

        var week = new Dictionary<DayOfWeek, IReadOnlyList<WorkingWindow>>(DefaultWeek);
        if (section["WorkStart"] is { Length: > 0 } || section["WorkEnd"] is { Length: > 0 } || section["WorkDays"] is { Length: > 0 })
        {
            var start = section["WorkStart"] is { Length: > 0 } s ? ParseTime("Calendar:WorkStart", s) : new TimeOnly(7, 30);
            var end = section["WorkEnd"] is { Length: > 0 } e ? ParseTime("Calendar:WorkEnd", e) : new TimeOnly(16, 0);
            if (end <= start)
                throw new InvalidOperationException("Calendar:WorkEnd must be later than Calendar:WorkStart.");
            var days = section["WorkDays"] is { Length: > 0 } d ? ParseDays(d) : [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
            foreach (var day in Enum.GetValues<DayOfWeek>())
                week[day] = days.Contains(day) ? [new WorkingWindow(start, end)] : [];
        }

        foreach (var (day, windows) in ReadWeek(section.GetSection("Week"), "Calendar:Week"))
            week[day] = windows;
        if (week.Values.All(w => w.Count == 0))
            throw new InvalidOperationException("Calendar:Week must give at least one day working hours.");
        options = options with { Week = week };

        var holidays = new List<Holiday>();
        foreach (var child in section.GetSection("Holidays").GetChildren())
        {
            // "2026-12-25" or "2026-12-25 Hari Raya Natal".
            var text = (child.Value ?? "").Trim();
            var space = text.IndexOf(' ');
            var datePart = space < 0 ? text : text[..space];
            if (!DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new InvalidOperationException($"Calendar:Holidays:{child.Key} '{child.Value}' is not a date (YYYY-MM-DD, optionally followed by its name).");
            holidays.Add(new Holiday(date, space < 0 ? "Hari libur" : text[(space + 1)..].Trim()));
        }

        var overrides = new List<CalendarOverride>();
        foreach (var child in section.GetSection("Overrides").GetChildren())
        {
            var key = $"Calendar:Overrides:{child.Key}";
            if (!DateOnly.TryParseExact(child["From"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
                || !DateOnly.TryParseExact(child["To"], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to) || to < from)
                throw new InvalidOperationException($"{key}:From and :To must be dates (YYYY-MM-DD), To not before From.");
            overrides.Add(new CalendarOverride(child["Name"] is { Length: > 0 } name ? name : "Jam kerja khusus", from, to,
                ReadWeek(child.GetSection("Week"), $"{key}:Week")));
        }

        options = options with { Holidays = holidays, Overrides = overrides };
        if (CalendarRules.Check(options.Holidays, options.Overrides).Select(p => p.Value).FirstOrDefault() is { } problem)
            throw new InvalidOperationException($"Calendar:Holidays/Overrides: {problem}");

        if (section["AlwaysOpen"] is { Length: > 0 } alwaysOpen)
        {
            if (!bool.TryParse(alwaysOpen, out var value))
                throw new InvalidOperationException($"Calendar:AlwaysOpen must be true or false, not '{alwaysOpen}'.");
            options = options with { AlwaysOpen = value };
        }

        return options;
    }

    /// <summary>The short key of a weekday in configuration and in the API: Mon, Tue, ...</summary>
    public static string DayKey(DayOfWeek day) => DayKeys[(int)day];

    public static DayOfWeek? ParseDay(string text)
    {
        var index = Array.FindIndex(DayKeys, k => string.Equals(k, text, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : (DayOfWeek)index;
    }

    static Dictionary<DayOfWeek, IReadOnlyList<WorkingWindow>> ReadWeek(IConfigurationSection section, string key)
    {
        var week = new Dictionary<DayOfWeek, IReadOnlyList<WorkingWindow>>();
        foreach (var child in section.GetChildren())
        {
            if (ParseDay(child.Key) is not { } day)
                throw new InvalidOperationException($"{key}:{child.Key} is not a day (Mon,Tue,...).");
            week[day] = WorkingWindow.TryParseDay(child.Value)
                        ?? throw new InvalidOperationException($"{key}:{child.Key} '{child.Value}' is not a list of windows (e.g. 07:30-12:00,13:00-16:00).");
        }

        return week;
    }

    static HashSet<DayOfWeek> ParseDays(string days)
    {
        var set = new HashSet<DayOfWeek>();
        foreach (var day in days.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = Enum.GetValues<DayOfWeek>().Where(d => d.ToString().StartsWith(day, StringComparison.OrdinalIgnoreCase) && day.Length >= 3).ToList();
            if (match.Count != 1)
                throw new InvalidOperationException($"Calendar:WorkDays has '{day}', which is not a day (Mon,Tue,...).");
            set.Add(match[0]);
        }

        if (set.Count == 0)
            throw new InvalidOperationException("Calendar:WorkDays must name at least one day.");
        return set;
    }

    static WorkingWindow Window(int h1, int m1, int h2, int m2) => new(new TimeOnly(h1, m1), new TimeOnly(h2, m2));

    static TimeOnly ParseTime(string key, string value) =>
        TimeOnly.TryParseExact(value, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new InvalidOperationException($"{key} '{value}' is not a time (HH:mm).");
}
