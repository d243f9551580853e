using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Ptsp.Hosting.Calendar;
using Ptsp.Web.Display;
using Ptsp.Web.Gateway;
using Ptsp.Web.Session;

namespace Ptsp.Web.Pages.Petugas;

/// <summary>
/// The supervisors' SLA report for a period (GET /api/v1/reports/sla): tables by step, role and permit type, two charts
/// drawn here as SVG, and the Gateway's CSV. The period is inclusive of both dates; the API's end is exclusive.
/// </summary>
[Authorize(AuthenticationSchemes = WebSession.Scheme, Roles = Supervisors)]
public sealed class LaporanModel(GatewayClient gateway, CalendarOptions calendar, TimeProvider time) : FormPage
{
    /// <summary>Whom the Gateway's "Supervisors" policy lets read the report.</summary>
    public const string Supervisors = "SectionHead,DivisionHead,AgencyHead";

    /// <summary>One line of a table or bar of a chart, with the words it is shown under.</summary>
    public sealed record Line(string Label, SlaRowView Row)
    {
        public double Share => Row.Count == 0 ? 0 : (double)Row.WithinTarget / Row.Count;

        public string Percent => Share.ToString("P0", CultureInfo.GetCultureInfo("id-ID"));

        /// <summary>The working time used as a share of the target (1 = all of it); null without a target.</summary>
        public double? UsedOfTarget => Row.MeanMinutes is { } used && Row.MeanTargetMinutes is { } target && target > 0 ? used / target : null;

        /// <summary>"45 menit kerja dari target 1 jam kerja (75%)"; "tanpa target waktu".</summary>
        public string UsedAgainstTarget => UsedOfTarget is { } share
            ? $"{Words.WorkingTime(Row.MeanMinutes!.Value)} dari target {Words.WorkingTime(Row.MeanTargetMinutes!.Value)} ({share.ToString("P0", CultureInfo.GetCultureInfo("id-ID"))})"
            : "tanpa target waktu";
    }

    /// <summary>The time-against-target chart shows up to this share of the target; a longer bar is cut there and says its figure.</summary>
    public const double ChartCeiling = 1.5;

    [BindProperty(SupportsGet = true)] public string? Dari { get; set; }
    [BindProperty(SupportsGet = true)] public string? Sampai { get; set; }

    public SlaReportView? Report { get; private set; }

    /// <summary>"1 November 2026 s.d. 30 November 2026".</summary>
    public string PeriodText { get; private set; } = "";
    public IReadOnlyList<Line> Steps { get; private set; } = [];
    public IReadOnlyList<Line> Roles { get; private set; } = [];
    public IReadOnlyList<Line> Types { get; private set; } = [];

    public static bool CanRead(System.Security.Claims.ClaimsPrincipal user) => Supervisors.Split(',').Any(user.IsInRole);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Period() is not { } period)
            return Page();
        var (from, to) = period;
        var indonesian = CultureInfo.GetCultureInfo("id-ID");
        PeriodText = $"{from.ToString("d MMMM yyyy", indonesian)} s.d. {to.ToString("d MMMM yyyy", indonesian)}";
        try
        {
            Report = await gateway.SlaReportAsync(from, to.AddDays(1), ct);
        }
        catch (GatewayProblem problem) when (problem.Status == StatusCodes.Status400BadRequest)
        {
            AddErrors(problem, new Dictionary<string, string> { ["from"] = "dari", ["to"] = "sampai" }, "dari");
            return Page();
        }

        var names = (await gateway.PermitTypesAsync(ct)).ToDictionary(t => t.Code, t => t.Name);
        names[AccountRequests] = "Pendaftaran akun pemohon";
        Steps = Lines("step", key => int.TryParse(key, CultureInfo.InvariantCulture, out var step) ? $"{step}. {Words.Step(step)}" : key);
        Roles = Lines("role", Words.Role);
        Types = Lines("permitType", key => names.GetValueOrDefault(key, key));
        return Page();
    }

    /// <summary>The same period as the Gateway's CSV (<c>dimension,key,count,…</c>), relayed as it streams in.</summary>
    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        if (Period() is not { } period)
            return Page();
        var (from, to) = period;
        try
        {
            var response = await gateway.SlaReportCsvAsync(from, to.AddDays(1), ct);
            HttpContext.Response.RegisterForDispose(response);
            return new FileStreamResult(await response.Content.ReadAsStreamAsync(ct), "text/csv; charset=utf-8")
            {
                FileDownloadName = $"laporan-sla-{from:yyyyMMdd}-{to:yyyyMMdd}.csv",
            };
        }
        catch (GatewayProblem problem) when (problem.Status == StatusCodes.Status400BadRequest)
        {
            AddErrors(problem, new Dictionary<string, string> { ["from"] = "dari", ["to"] = "sampai" }, "dari");
            return Page();
        }
    }

    /// <summary>The Workflow's key for step 2 (account requests) among the permit types.</summary>
    public const string AccountRequests = "PENDAFTARAN_AKUN";

    /// <summary>The period from the form, by default the last 30 days up to today in the agency's zone; null with its errors shown.</summary>
    (DateOnly From, DateOnly To)? Period()
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), calendar.TimeZone).DateTime);
        Sampai = string.IsNullOrWhiteSpace(Sampai) ? today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Sampai.Trim();
        Dari = string.IsNullOrWhiteSpace(Dari) ? today.AddDays(-29).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : Dari.Trim();
        var from = Date(Dari, "dari", "Isi tanggal awal periode dengan format TTTT-BB-HH, mis. 2026-11-01.");
        var to = Date(Sampai, "sampai", "Isi tanggal akhir periode dengan format TTTT-BB-HH, mis. 2026-11-30.");
        if (from is { } f && to is { } t && t < f)
            AddError("sampai", "Tanggal akhir periode tidak boleh sebelum tanggal awal.");
        return Errors.Count == 0 ? (from!.Value, to!.Value) : null;
    }

    DateOnly? Date(string value, string field, string message)
    {
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        AddError(field, message);
        return null;
    }

    IReadOnlyList<Line> Lines(string dimension, Func<string, string> label) =>
        Report!.Rows.Where(r => r.Dimension == dimension).Select(r => new Line(label(r.Key), r)).ToList();
}
