namespace Ptsp.Contracts.Permits;

/// <summary>
/// The API's status of an application (api.md): what <see cref="ApplicationStatus"/>, the lists and tracking carry, with the
/// words people read for each (ui.md). Workflow's saga states are finer (opening, awaiting data, one verifier or the other);
/// <c>PermitSagas.Status</c> in Workflow names the status of each state, and nothing else translates them.
/// </summary>
public static class PermitStatus
{
    public const string Draft = nameof(Draft);
    public const string Submitted = nameof(Submitted);
    public const string ReturnedToApplicant = nameof(ReturnedToApplicant);
    public const string InTechnicalReview = nameof(InTechnicalReview);
    public const string InDrafting = nameof(InDrafting);
    public const string InVerification = nameof(InVerification);
    public const string AwaitingSignature = nameof(AwaitingSignature);
    public const string Issued = nameof(Issued);
    public const string Rejected = nameof(Rejected);
    public const string Withdrawn = nameof(Withdrawn);
    public const string Revoked = nameof(Revoked);

    /// <summary>Each status in the words of ui.md.</summary>
    public static readonly IReadOnlyDictionary<string, string> Words = new Dictionary<string, string>
    {
        [Draft] = "Draf",
        [Submitted] = "Diajukan — pemeriksaan kelengkapan",
        [ReturnedToApplicant] = "Dikembalikan — perlu dilengkapi",
        [InTechnicalReview] = "Kajian teknis",
        [InDrafting] = "Penyusunan draf keputusan",
        [InVerification] = "Verifikasi",
        [AwaitingSignature] = "Menunggu tanda tangan",
        [Issued] = "Izin terbit",
        [Rejected] = "Ditolak",
        [Withdrawn] = "Dibatalkan oleh pemohon",
        [Revoked] = "Izin dicabut",
    };

    /// <summary>The status in words; an unknown one as it is.</summary>
    public static string Text(string status) => Words.TryGetValue(status, out var text) ? text : status;
}
