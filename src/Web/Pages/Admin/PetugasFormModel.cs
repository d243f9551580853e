using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Ptsp.Hosting.Calendar;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Admin;

/// <summary>
/// Creating (<c>/admin/petugas/baru</c>) and changing (<c>/admin/petugas/{id}</c>) an officer account: name, NIP, email,
/// position, roles, a section head's sectors, one acting appointment (Plt/Plh) for a period; on the change page also
/// deactivation, reactivation and a password reset. Registration validates; its messages appear next to the fields.
/// </summary>
public sealed class PetugasFormModel(GatewayClient gateway, CalendarOptions calendar) : FormPage
{
    const string LocalFormat = "yyyy-MM-dd'T'HH:mm";

    static readonly Dictionary<string, string> Fields = new()
    {
        ["username"] = "username", ["fullName"] = "fullName", ["nip"] = "nip", ["email"] = "email", ["position"] = "position",
        ["roles"] = "peran-FrontOffice", ["sectors"] = "sektor-KESEHATAN", ["actingAppointments[0].role"] = "actingRole",
        ["actingAppointments[0].kind"] = "actingKind", ["actingAppointments[0].until"] = "actingUntil",
    };

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public string? Username { get; set; }
    [BindProperty] public string? FullName { get; set; }
    [BindProperty] public string? Nip { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Position { get; set; }
    [BindProperty] public List<string> Roles { get; set; } = [];
    [BindProperty] public List<string> Sectors { get; set; } = [];
    [BindProperty] public string? ActingRole { get; set; }
    [BindProperty] public string? ActingKind { get; set; }
    [BindProperty] public string? ActingFrom { get; set; }
    [BindProperty] public string? ActingUntil { get; set; }

    public Officer? Existing { get; private set; }

    public string? Done { get; private set; }

    public async Task OnGetAsync(string? selesai, CancellationToken ct)
    {
        Done = selesai switch
        {
            "simpan" => "Perubahan disimpan. Bila peran, sektor atau penunjukan berubah, sesi petugas diakhiri dan ia perlu masuk kembali.",
            "nonaktif" => "Akun dinonaktifkan. Petugas tidak dapat masuk dan sesinya yang terbuka telah diakhiri.",
            "aktif" => "Akun diaktifkan kembali.",
            "sandi" => "Kata sandi sementara yang baru dikirim ke email petugas; sesinya yang terbuka telah diakhiri.",
            _ => null,
        };
        if (Id is not { } id)
            return;
        Existing = await gateway.OfficerAsync(id, ct);
        (Username, FullName, Nip, Email, Position, Roles, Sectors) =
            (Existing.Username, Existing.FullName, Existing.Nip, Existing.Email, Existing.Position, Existing.Roles, Existing.Sectors);
        if (Existing.ActingAppointments.FirstOrDefault() is { } acting)
            (ActingRole, ActingKind, ActingFrom, ActingUntil) = (acting.Role, acting.Kind, Local(acting.From), Local(acting.Until));
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var acting = new List<ActingAppointmentView>();
        if (!string.IsNullOrEmpty(ActingRole))
        {
            var from = Instant(ActingFrom);
            var until = Instant(ActingUntil);
            if (from is null)
                AddError("actingFrom", "Isi awal masa penunjukan (tanggal dan jam).");
            if (until is null)
                AddError("actingUntil", "Isi akhir masa penunjukan (tanggal dan jam).");
            if (from is { } f && until is { } u)
                acting.Add(new ActingAppointmentView(ActingRole, ActingKind ?? "Plt", f, u));
        }

        if (Errors.Count == 0)
        {
            var form = new OfficerForm(Id is null ? Username?.Trim() : null, FullName, Nip, Email?.Trim(), Position, Roles, Sectors, acting);
            try
            {
                if (Id is { } id)
                {
                    await gateway.UpdateOfficerAsync(id, form, ct);
                    return Redirect($"/admin/petugas/{id}?selesai=simpan");
                }

                await gateway.CreateOfficerAsync(form, ct);
                return Redirect("/admin/petugas?selesai=baru");
            }
            catch (GatewayProblem problem) when (problem.Status is 400 or 409)
            {
                AddErrors(problem, Fields, "fullName");
            }
        }

        if (Id is { } existing)
            Existing = await gateway.OfficerAsync(existing, ct);
        return Page();
    }

    public Task<IActionResult> OnPostNonaktifkanAsync(CancellationToken ct) => ActAsync("deactivation", "nonaktif", ct);

    public Task<IActionResult> OnPostAktifkanAsync(CancellationToken ct) => ActAsync("reactivation", "aktif", ct);

    public Task<IActionResult> OnPostAturUlangAsync(CancellationToken ct) => ActAsync("password-reset", "sandi", ct);

    async Task<IActionResult> ActAsync(string action, string done, CancellationToken ct)
    {
        await gateway.OfficerActionAsync(Id!.Value, action, ct);
        return Redirect($"/admin/petugas/{Id}?selesai={done}");
    }

    string Local(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, calendar.TimeZone).ToString(LocalFormat, CultureInfo.InvariantCulture);

    /// <summary>A <c>datetime-local</c> value, read as the agency's wall clock.</summary>
    DateTimeOffset? Instant(string? local) =>
        DateTime.TryParseExact(local, LocalFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? new DateTimeOffset(value, calendar.TimeZone.GetUtcOffset(value))
            : null;
}
