using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Ptsp.Hosting.Calendar;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Admin;

/// <summary>
/// The administrator keeps the year's holidays, cuti bersama and special working hours (Ramadan) (issue 15). Each change
/// replaces the year through the API; Workflow judges it, and open due times follow.
/// </summary>
[Microsoft.AspNetCore.Authorization.Authorize(AuthenticationSchemes = Session.WebSession.Scheme, Roles = "Administrator")]
public sealed class KalenderModel(GatewayClient gateway, CalendarOptions calendar, TimeProvider time) : FormPage
{
    [BindProperty(SupportsGet = true)] public int? Tahun { get; set; }

    [BindProperty] public string? Tanggal { get; set; }
    [BindProperty] public string? Nama { get; set; }
    [BindProperty] public string? NamaKhusus { get; set; }
    [BindProperty] public string? Mulai { get; set; }
    [BindProperty] public string? Sampai { get; set; }
    [BindProperty] public string? JamSeninKamis { get; set; }
    [BindProperty] public string? JamJumat { get; set; }
    [BindProperty] public string? Hapus { get; set; }

    public CalendarAnswer Calendar { get; private set; } = null!;

    public string? Done { get; private set; }

    public int Year => Tahun ?? TimeZoneInfo.ConvertTime(time.GetUtcNow(), calendar.TimeZone).Year;

    public async Task OnGetAsync(string? selesai, CancellationToken ct)
    {
        Done = selesai switch
        {
            "libur" => "Hari libur disimpan. Batas waktu berkas yang terdampak dihitung ulang.",
            "khusus" => "Jam kerja khusus disimpan. Batas waktu berkas yang terdampak dihitung ulang.",
            "hapus" => "Entri dihapus. Batas waktu berkas yang terdampak dihitung ulang.",
            _ => null,
        };
        Calendar = await gateway.CalendarAsync(Year, ct);
    }

    public async Task<IActionResult> OnPostLiburAsync(CancellationToken ct)
    {
        Calendar = await gateway.CalendarAsync(Year, ct);
        if (!DateOnly.TryParseExact(Tanggal, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            AddError("tanggal", "Isi tanggal hari libur.");
        if (string.IsNullOrWhiteSpace(Nama))
            AddError("nama", "Isi nama hari libur, mis. Cuti bersama Idulfitri.");
        if (Errors.Count > 0)
            return Page();
        var holidays = Calendar.Holidays.Where(h => h.Date != date).Append(new CalendarHoliday(date, Nama!.Trim())).OrderBy(h => h.Date).ToList();
        return await SaveAsync(holidays, Calendar.Overrides, "libur", new Dictionary<string, string> { [$"holidays[{holidays.FindIndex(h => h.Date == date)}].date"] = "tanggal",
            [$"holidays[{holidays.FindIndex(h => h.Date == date)}].name"] = "nama" }, "tanggal", ct);
    }

    public async Task<IActionResult> OnPostKhususAsync(CancellationToken ct)
    {
        Calendar = await gateway.CalendarAsync(Year, ct);
        var from = DateOnly.TryParseExact(Mulai, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var f) ? f : (DateOnly?)null;
        var to = DateOnly.TryParseExact(Sampai, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : (DateOnly?)null;
        if (string.IsNullOrWhiteSpace(NamaKhusus))
            AddError("nama-khusus", "Isi nama jam kerja khusus, mis. Ramadan 1448 H.");
        if (from is null)
            AddError("mulai", "Isi tanggal mulai.");
        if (to is null)
            AddError("sampai", "Isi tanggal akhir.");
        if (string.IsNullOrWhiteSpace(JamSeninKamis) && string.IsNullOrWhiteSpace(JamJumat))
            AddError("jam-senin-kamis", "Isi jam kerja Senin–Kamis atau Jumat, mis. 08:00-12:00,12:30-15:00.");
        if (Errors.Count > 0)
            return Page();

        var week = new Dictionary<string, string>();
        if (!string.IsNullOrWhiteSpace(JamSeninKamis))
            foreach (var day in new[] { "Mon", "Tue", "Wed", "Thu" })
                week[day] = JamSeninKamis.Trim();
        if (!string.IsNullOrWhiteSpace(JamJumat))
            week["Fri"] = JamJumat.Trim();
        var overrides = Calendar.Overrides.Where(o => o.From.Year == Year).Append(new WorkingHoursPeriod(NamaKhusus!.Trim(), from!.Value, to!.Value, week)).ToList();
        var index = overrides.Count - 1;
        return await SaveAsync(Calendar.Holidays, overrides, "khusus", new Dictionary<string, string>
        {
            [$"overrides[{index}].name"] = "nama-khusus",
            [$"overrides[{index}].from"] = "mulai",
            [$"overrides[{index}].to"] = "sampai",
            [$"overrides[{index}].week.Mon"] = "jam-senin-kamis",
            [$"overrides[{index}].week.Fri"] = "jam-jumat",
        }, "nama-khusus", ct);
    }

    public async Task<IActionResult> OnPostHapusAsync(CancellationToken ct)
    {
        Calendar = await gateway.CalendarAsync(Year, ct);
        var holidays = Calendar.Holidays.Where(h => $"libur:{h.Date:yyyy-MM-dd}" != Hapus).ToList();
        var overrides = Calendar.Overrides.Where(o => o.From.Year == Year && $"khusus:{o.From:yyyy-MM-dd}" != Hapus).ToList();
        return await SaveAsync(holidays, overrides, "hapus", new Dictionary<string, string>(), "daftar-libur", ct);
    }

    async Task<IActionResult> SaveAsync(IReadOnlyList<CalendarHoliday> holidays, IEnumerable<WorkingHoursPeriod> overrides, string done,
        IReadOnlyDictionary<string, string> fields, string fallbackField, CancellationToken ct)
    {
        try
        {
            await gateway.SaveCalendarAsync(Year, new CalendarYear(holidays, overrides.Where(o => o.From.Year == Year).ToList()), ct);
        }
        catch (GatewayProblem problem) when (problem.Status == 400)
        {
            AddErrors(problem, fields, fallbackField);
            return Page();
        }

        return Redirect($"/admin/kalender?tahun={Year}&selesai={done}");
    }
}
