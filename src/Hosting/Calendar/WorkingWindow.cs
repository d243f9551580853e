using System.Globalization;

namespace Ptsp.Hosting.Calendar;

/// <summary>A span of working time within one day, e.g. 07:30–12:00 (the break before 13:00 is not in any window).</summary>
public readonly record struct WorkingWindow(TimeOnly Start, TimeOnly End)
{
    public TimeSpan Length => End - Start;

    public override string ToString() => $"{Start:HH\\:mm}-{End:HH\\:mm}";

    /// <summary>Parses <c>07:30-12:00</c>; null when it is not one window with its end after its start.</summary>
    public static WorkingWindow? TryParse(string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var end)
            || end <= start)
            return null;
        return new WorkingWindow(start, end);
    }

    /// <summary>Parses <c>07:30-12:00,13:00-16:00</c> (empty: no working time that day); windows must rise without overlapping.</summary>
    public static IReadOnlyList<WorkingWindow>? TryParseDay(string? text)
    {
        var windows = new List<WorkingWindow>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TryParse(part) is not { } window || (windows.Count > 0 && window.Start < windows[^1].End))
                return null;
            windows.Add(window);
        }

        return windows;
    }

    public static string Format(IEnumerable<WorkingWindow> windows) => string.Join(",", windows);
}
