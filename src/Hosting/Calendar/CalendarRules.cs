using Microsoft.Extensions.Configuration;

namespace Ptsp.Hosting.Calendar;

/// <summary>The checks every source of holidays and overrides passes (configuration at start-up, the administrator's change).</summary>
public static class CalendarRules
{
    /// <summary>Field → Bahasa Indonesia message, for each problem found (none: the entries are usable).</summary>
    public static IEnumerable<KeyValuePair<string, string>> Check(IReadOnlyList<Holiday> holidays, IReadOnlyList<CalendarOverride> overrides)
    {
        for (var i = 0; i < holidays.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(holidays[i].Name) || holidays[i].Name.Length > 200)
                yield return new($"holidays[{i}].name", "Nama hari libur wajib diisi (paling banyak 200 karakter).");
            if (holidays.Take(i).Any(h => h.Date == holidays[i].Date))
                yield return new($"holidays[{i}].date", $"Tanggal {holidays[i].Date:yyyy-MM-dd} tercantum lebih dari sekali.");
        }

        for (var i = 0; i < overrides.Count; i++)
        {
            var o = overrides[i];
            if (string.IsNullOrWhiteSpace(o.Name) || o.Name.Length > 200)
                yield return new($"overrides[{i}].name", "Nama jam kerja khusus wajib diisi (paling banyak 200 karakter).");
            if (o.To < o.From)
                yield return new($"overrides[{i}].to", "Tanggal akhir tidak boleh sebelum tanggal mulai.");
            else if (o.To.DayNumber - o.From.DayNumber > 366)
                yield return new($"overrides[{i}].to", "Jam kerja khusus paling lama satu tahun.");
            if (overrides.Take(i).Any(p => p.From <= o.To && o.From <= p.To))
                yield return new($"overrides[{i}].from", $"Jam kerja khusus '{o.Name}' bertumpang tindih dengan yang lain.");
        }
    }
}
