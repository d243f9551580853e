namespace Ptsp.Contracts.Permits;

// Commands to Intake (SOP steps 3–4). Each replies CommandAccepted or CommandRefused. Fields the caller may
// leave out are nullable: the owning service validates them, so no one else has to.

/// <summary>
/// Step 3. <paramref name="ApplicantEmail"/> is the registered address from the access token: where the applicant hears of each step.
/// <paramref name="IdempotencyKey"/> is the client's <c>Idempotency-Key</c> header: Intake answers a repeat of it by the same applicant
/// with the draft the first request made (ADR 0013).
/// </summary>
public sealed record CreateApplication(
    Guid ApplicationId,
    string ApplicantUsername,
    string ApplicantName,
    string PermitTypeCode,
    string BusinessName,
    string BusinessAddress,
    string Description,
    string? ApplicantEmail = null,
    string? IdempotencyKey = null);
