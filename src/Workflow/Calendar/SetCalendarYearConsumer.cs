using MassTransit;
using Ptsp.Contracts.Calendar;
using Ptsp.Contracts.Common;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Storage;

namespace Ptsp.Workflow.Calendar;

/// <summary>
/// The administrator replaces one year's holidays and overrides. Workflow is the one authority on the calendar (ADR 0008):
/// it validates, stores the change with its audit line and the <see cref="CalendarChanged"/> event in one write, and answers
/// the year as it now is.
/// </summary>
public sealed class SetCalendarYearConsumer(AgencyCalendar agency, TimeProvider time) : IConsumer<SetCalendarYear>
{
    public async Task Consume(ConsumeContext<SetCalendarYear> context)
    {
        var m = context.Message;
        var errors = new Dictionary<string, string[]>();
        if (m.Year is < 2000 or > 2100)
            errors["year"] = ["Isi tahun antara 2000 dan 2100."];
        var holidays = (m.Holidays ?? []).Select(CalendarContract.FromEntry).ToList();
        for (var i = 0; i < holidays.Count; i++)
        {
            if (holidays[i].Date.Year != m.Year)
                errors[$"holidays[{i}].date"] = [$"Tanggal {holidays[i].Date:yyyy-MM-dd} tidak berada di tahun {m.Year}."];
        }

        var overrides = new List<CalendarOverride>();
        var requested = m.Overrides ?? [];
        for (var i = 0; i < requested.Count; i++)
        {
            if (CalendarContract.FromEntry(requested[i], $"overrides[{i}]", errors) is not { } o)
                continue;
            if (o.From.Year != m.Year)
                errors[$"overrides[{i}].from"] = [$"Tanggal mulai {o.From:yyyy-MM-dd} tidak berada di tahun {m.Year}."];
            if (o.Week.Count == 0)
                errors[$"overrides[{i}].week"] = ["Sebutkan jam kerja paling sedikit satu hari (mis. Mon: 08:00-12:00,12:30-15:00)."];
            overrides.Add(o);
        }

        var (document, version) = await agency.ReadAsync(context.CancellationToken);
        var otherOverrides = document.Overrides.Where(o => o.From.Year != m.Year).Select(o => CalendarContract.FromEntry(o, "")!).ToList();
        foreach (var (field, message) in CalendarRules.Check(holidays, [.. overrides, .. otherOverrides]))
            errors.TryAdd(field, [message]);
        if (errors.Count > 0)
        {
            await context.RespondAsync(new CommandRefused(RefusalKind.Invalid, "Kalender kerja tidak valid; tidak ada yang diubah.", errors));
            return;
        }

        var newHolidays = holidays.Select(CalendarContract.ToEntry).ToList();
        var newOverrides = overrides.Select(CalendarContract.ToEntry).ToList();
        var summary = Summary(m.Year, document.Holidays.Where(h => h.Date.Year == m.Year).ToList(), newHolidays,
            document.Overrides.Where(o => o.From.Year == m.Year).ToList(), newOverrides);
        if (summary is null)
        {
            // Nothing changed: no revision, no event, no audit line.
            await context.RespondAsync(agency.View(document, m.Year));
            return;
        }

        var now = time.GetUtcNow();
        document.Holidays = [.. document.Holidays.Where(h => h.Date.Year != m.Year), .. newHolidays];
        document.Holidays.Sort((a, b) => a.Date.CompareTo(b.Date));
        document.Overrides = [.. document.Overrides.Where(o => o.From.Year != m.Year), .. newOverrides];
        document.Overrides.Sort((a, b) => a.From.CompareTo(b.From));
        document.Revision++;
        document.ChangedBy = m.ChangedBy;
        document.ChangedAt = now;
        document.Changes.Add(new CalendarChangeRecord(document.Revision, m.Year, m.ChangedBy, now, summary));
        var changed = new CalendarChanged(document.Revision, m.Year, m.ChangedBy, now, summary, document.Holidays, document.Overrides);

        var collection = await agency.CollectionAsync(context.CancellationToken);
        // A concurrent change makes this write fail; the endpoint's retry reads the newer calendar and judges again.
        if (version is { } v)
            await collection.ReplaceAsync(AgencyCalendar.DocumentId, document, v, [OutboxMessage.Publish(changed, now)], context.CancellationToken);
        else
            await collection.InsertAsync(AgencyCalendar.DocumentId, document, [OutboxMessage.Publish(changed, now)], context.CancellationToken);
        await context.RespondAsync(agency.View(document, m.Year));
    }

    /// <summary>What changed, in words that follow "Batas waktu bergeser karena …"; null when nothing did.</summary>
    static string? Summary(int year, List<HolidayEntry> oldHolidays, List<HolidayEntry> newHolidays, List<WorkingHoursOverride> oldOverrides,
        List<WorkingHoursOverride> newOverrides)
    {
        var parts = new List<string>();
        var added = newHolidays.Where(h => !oldHolidays.Any(o => o.Date == h.Date)).ToList();
        var removed = oldHolidays.Where(h => !newHolidays.Any(n => n.Date == h.Date)).ToList();
        var renamed = newHolidays.Where(h => oldHolidays.Any(o => o.Date == h.Date && o.Name != h.Name)).ToList();
        if (added.Count > 0)
            parts.Add("hari libur: " + string.Join(", ", added.Select(h => $"{h.Name} ({h.Date:dd-MM-yyyy})")));
        if (removed.Count > 0)
            parts.Add("hari libur dibatalkan: " + string.Join(", ", removed.Select(h => $"{h.Name} ({h.Date:dd-MM-yyyy})")));
        if (renamed.Count > 0)
            parts.Add("nama hari libur diubah: " + string.Join(", ", renamed.Select(h => $"{h.Name} ({h.Date:dd-MM-yyyy})")));
        var key = (WorkingHoursOverride o) => $"{o.Name}|{o.From}|{o.To}|{string.Join(";", o.Week.OrderBy(d => d.Key).Select(d => $"{d.Key}={d.Value}"))}";
        var oldKeys = oldOverrides.Select(key).ToHashSet();
        var newKeys = newOverrides.Select(key).ToHashSet();
        var set = newOverrides.Where(o => !oldKeys.Contains(key(o))).ToList();
        var dropped = oldOverrides.Where(o => !newKeys.Contains(key(o)) && !set.Any(s => s.Name == o.Name)).ToList();
        if (set.Count > 0)
            parts.Add("jam kerja khusus: " + string.Join(", ", set.Select(o => $"{o.Name} ({o.From:dd-MM-yyyy} s.d. {o.To:dd-MM-yyyy})")));
        if (dropped.Count > 0)
            parts.Add("jam kerja khusus dibatalkan: " + string.Join(", ", dropped.Select(o => o.Name)));
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
