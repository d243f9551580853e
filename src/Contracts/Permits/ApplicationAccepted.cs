using MassTransit;

namespace Ptsp.Contracts.Permits;

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
