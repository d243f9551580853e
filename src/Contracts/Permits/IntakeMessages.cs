using MassTransit;

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

public sealed record SubmitApplication(Guid ApplicationId, string ApplicantUsername);

public sealed record ResubmitApplication(Guid ApplicationId, string ApplicantUsername);

/// <summary>The applicant edits the business data while the file is with them (a draft, or returned at step 4).</summary>
public sealed record UpdateApplication(Guid ApplicationId, string ApplicantUsername, string? BusinessName, string? BusinessAddress, string? Description);

/// <summary>Step 4: FrontOffice finds the file complete (a receipt is issued) or returns it with what is missing.</summary>
public sealed record RecordCompletenessCheck(
    Guid ApplicationId,
    string Officer,
    bool? Complete,
    IReadOnlyList<string> MissingRequirements,
    string? Note,
    OfficerIdentity? OfficerIdentity = null);

// Events published by Intake.

/// <summary>Step 3: a draft. <paramref name="ApplicantEmail"/> (added in v1, null before) lets later steps' services email the applicant.</summary>
[EntityName("ptsp.application-created.v1")]
[MessageUrn("ptsp:application-created:v1")]
public sealed record ApplicationCreated(
    Guid ApplicationId,
    string ApplicantUsername,
    string ApplicantName,
    string PermitTypeCode,
    string PermitTypeName,
    string BusinessName,
    DateTimeOffset CreatedAt,
    string? ApplicantEmail = null,
    string? Sector = null);

/// <summary>Step 3 (or a return): the applicant changed the business data of the file.</summary>
[EntityName("ptsp.application-updated.v1")]
[MessageUrn("ptsp:application-updated:v1")]
public sealed record ApplicationUpdated(Guid ApplicationId, string ApplicantUsername, string BusinessName, string BusinessAddress, DateTimeOffset UpdatedAt);

/// <summary>Step 3 done: the file waits for the completeness check (step 4).</summary>
[EntityName("ptsp.application-submitted.v1")]
[MessageUrn("ptsp:application-submitted:v1")]
public sealed record ApplicationSubmitted(
    Guid ApplicationId,
    string ApplicantUsername,
    string PermitTypeCode,
    int Round,
    DateTimeOffset SubmittedAt);

/// <summary>Step 4: incomplete; the file is back with the applicant.</summary>
[EntityName("ptsp.application-returned.v1")]
[MessageUrn("ptsp:application-returned:v1")]
public sealed record ApplicationReturned(
    Guid ApplicationId,
    string Officer,
    IReadOnlyList<string> MissingRequirements,
    string Note,
    int Round,
    DateTimeOffset ReturnedAt);

/// <summary>Step 4: complete; a receipt (tanda terima) is issued and the file goes to back office.</summary>
[EntityName("ptsp.application-accepted.v1")]
[MessageUrn("ptsp:application-accepted:v1")]
public sealed record ApplicationAccepted(
    Guid ApplicationId,
    string Officer,
    string ReceiptNumber,
    string PermitTypeCode,
    TechnicalReviewInfo TechnicalReview,
    int? StatutoryWorkingDays,
    DateTimeOffset AcceptedAt);

/// <summary>The documents uploaded to an application, for its owner and officers. Replies <see cref="ApplicationDocuments"/> or CommandRefused (NotFound).</summary>
public sealed record GetApplicationDocuments(Guid ApplicationId, string Username, bool Officer);

public sealed record ApplicationDocuments(Guid ApplicationId, IReadOnlyList<UploadedDocumentInfo> Items);

/// <summary>One requirement document as uploaded: <paramref name="Name"/> is the requirement's name in the catalogue.</summary>
public sealed record UploadedDocumentInfo(string RequirementCode, string Name, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt);

/// <summary>The application's business data as Intake keeps it, for its owner and officers. Replies <see cref="BusinessData"/> or CommandRefused (NotFound).</summary>
public sealed record GetBusinessData(Guid ApplicationId, string Username, bool Officer);

public sealed record BusinessData(Guid ApplicationId, string BusinessName, string BusinessAddress, string Description);
