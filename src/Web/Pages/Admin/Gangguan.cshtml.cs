using Microsoft.AspNetCore.Mvc;
using Ptsp.Web.Gateway;

namespace Ptsp.Web.Pages.Admin;

/// <summary>
/// The administrator's faults view (issue 9, ADR 0014): messages a service could not process after its retries and outbox entries it
/// could not deliver, from every service through GET /api/v1/ops/faults; each can be sent again (replay) or set aside (discard) after a
/// confirmation. The keeper of a fault judges whether it can still be acted on; the page says its answer.
/// </summary>
public sealed class GangguanModel(GatewayClient gateway) : FormPage
{
    public const string Replay = "kirim-ulang";
    public const string Discard = "buang";

    /// <summary>Where errors and the list are anchored.</summary>
    public const string ListAnchor = "daftar-gangguan";

    /// <summary>Also the faults already dealt with.</summary>
    [BindProperty(SupportsGet = true)] public bool Semua { get; set; }

    /// <summary><see cref="Replay"/> or <see cref="Discard"/>: asked to confirm (GET) or confirmed (POST).</summary>
    [BindProperty(SupportsGet = true)] public string? Tindakan { get; set; }

    /// <summary>The fault's id ("{keeper}.{id}").</summary>
    [BindProperty(SupportsGet = true)] public string? Gangguan { get; set; }

    /// <summary>Set by the redirect after an action: <see cref="Replay"/> or <see cref="Discard"/>.</summary>
    [BindProperty(SupportsGet = true)] public string? Selesai { get; set; }

    public FaultsView List { get; private set; } = new([], []);

    /// <summary>The fault the administrator is asked to confirm an action on.</summary>
    public FaultItem? Confirming { get; private set; }

    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        List = await gateway.FaultsAsync(Semua, ct);
        Done = (Selesai, Gangguan) switch
        {
            (Replay, { } id) => $"Gangguan {id} sudah dikirim ulang ke antrean asalnya. Bila penyebabnya sudah diperbaiki, pesan diproses dan " +
                                "berkas berlanjut; bila belum, gangguan baru akan muncul lagi di daftar ini.",
            (Discard, { } id) => $"Gangguan {id} sudah dibuang: pesannya tidak dikirim lagi dan gangguan tercatat sebagai sudah ditangani.",
            _ => null,
        };
        if (Done is not null || Tindakan is null)
            return;
        if (Tindakan is not (Replay or Discard))
        {
            AddError(ListAnchor, "Tindakan tidak dikenal. Pilih \"Kirim ulang\" atau \"Buang\" pada gangguan di daftar.");
            return;
        }

        Confirming = List.Faults.FirstOrDefault(f => f.Id == Gangguan && f.Status == "Open");
        if (Confirming is null)
            AddError(ListAnchor, "Gangguan itu tidak ada lagi di daftar gangguan terbuka: mungkin sudah ditangani. Periksa daftar di bawah.");
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Tindakan is not (Replay or Discard) || string.IsNullOrWhiteSpace(Gangguan))
        {
            AddError(ListAnchor, "Pilih gangguan dan tindakannya (\"Kirim ulang\" atau \"Buang\") pada daftar di bawah.");
            List = await gateway.FaultsAsync(Semua, ct);
            return Page();
        }

        try
        {
            await gateway.FaultActionAsync(Gangguan.Trim(), Tindakan == Replay ? "replay" : "discard", ct);
        }
        catch (GatewayProblem problem) when (problem.Status is StatusCodes.Status404NotFound or StatusCodes.Status409Conflict)
        {
            AddError(ListAnchor, problem.Status == StatusCodes.Status404NotFound
                ? "Gangguan tidak ditemukan. Muat ulang daftar dan pilih lagi."
                : problem.Title); // the keeper's words: already dealt with (by whom), or why the message could not be sent again
            List = await gateway.FaultsAsync(Semua, ct);
            return Page();
        }

        return Redirect($"/admin/gangguan?selesai={Tindakan}&gangguan={Uri.EscapeDataString(Gangguan.Trim())}#hasil");
    }
}
