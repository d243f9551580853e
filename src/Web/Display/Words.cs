using System.Globalization;
using Ptsp.Contracts;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;

namespace Ptsp.Web.Display;

/// <summary>The words and formats of ui.md: status words, roles in Indonesian, dates in id-ID in the agency's zone.</summary>
public sealed class Words(CalendarOptions calendar)
{
    static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string Status(string status) => PermitStatus.Text(status);

    public static string Role(string? role) => string.IsNullOrEmpty(role) ? "—" : Roles.Name(role);

    /// <summary>Who acted, for a timeline: the role in words and the account; the service clock's own entries as the system.</summary>
    public static string Who(string? role, string actor) => role == "System" ? "Sistem (otomatis)" : $"{Role(role)} ({actor})";

    /// <summary>The SOP's steps (sop.md) in words an applicant reads without knowing the numbers.</summary>
    public static string Step(int? step) => step switch
    {
        1 => "Pendaftaran akun",
        2 => "Persetujuan akun",
        3 => "Pengajuan permohonan",
        4 => "Pemeriksaan kelengkapan berkas",
        5 => "Data teknis dan penjadwalan kajian",
        6 => "Rapat kajian teknis / peninjauan lapangan",
        7 => "Penyusunan draf keputusan",
        8 => "Verifikasi dan validasi Kepala Seksi",
        9 => "Verifikasi dan validasi Kepala Bidang",
        10 => "Tanda tangan elektronik (TTE) Kepala DPMPTSP",
        null => "Selesai",
        _ => $"Langkah {step}",
    };

    public static string ReviewKind(string kind) => kind switch
    {
        "Meeting" => "Rapat kajian teknis",
        "Inspection" => "Peninjauan lapangan",
        "Both" => "Rapat kajian teknis dan peninjauan lapangan",
        _ => kind,
    };

    public static string DecisionKind(string kind) => kind == "Permit" ? "Izin" : "Surat penolakan";

    /// <summary>"Senin, 30 November 2026 pukul 14.05 WIB".</summary>
    public string Long(DateTimeOffset at)
    {
        var local = Local(at);
        return $"{local.ToString("dddd, d MMMM yyyy", Indonesian)} pukul {local:HH.mm} {Zone(local)}";
    }

    public string Long(DateTimeOffset? at) => at is { } value ? Long(value) : "—";

    /// <summary>"30/11/2026 14.05", for tables.</summary>
    public string Short(DateTimeOffset? at) => at is { } value ? Local(value).ToString("dd/MM/yyyy HH.mm", Indonesian) : "—";

    /// <summary>The machine-readable form for a <c>time</c> element.</summary>
    public static string Iso(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mmzzz", CultureInfo.InvariantCulture);

    /// <summary>"1 jam 15 menit kerja".</summary>
    /// <summary>
    /// The working time left on a step, or how late it is, as the API counted it (ui.md: "Sisa waktu kerja"): "Sisa waktu kerja
    /// 0 jam 25 menit", "Terlambat 1 jam 10 menit (waktu kerja)"; null without a due time.
    /// </summary>
    public static string? TimeLeft(bool overdue, int? minutesLeft, int? minutesOverdue) =>
        overdue && minutesOverdue is { } late ? $"Terlambat {HoursAndMinutes(late)} (waktu kerja)"
        : minutesLeft is { } left ? $"Sisa waktu kerja {HoursAndMinutes(left)}"
        : null;

    static string HoursAndMinutes(int minutes) => $"{minutes / 60} jam {minutes % 60} menit";

    public static string WorkingTime(double minutes)
    {
        var total = (int)Math.Round(minutes);
        var (hours, rest) = (total / 60, total % 60);
        return (hours, rest) switch
        {
            (0, var m) => $"{m} menit kerja",
            (var h, 0) => $"{h} jam kerja",
            var (h, m) => $"{h} jam {m} menit kerja",
        };
    }

    DateTimeOffset Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, calendar.TimeZone);

    static string Zone(DateTimeOffset local) => local.Offset.TotalHours switch
    {
        7 => "WIB",
        8 => "WITA",
        9 => "WIT",
        var h => $"UTC{h:+0;-0}",
    };
}
