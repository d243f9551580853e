using Ptsp.Hosting.Bus;
using MassTransit;
using Ptsp.Contracts.Common;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Storage;

namespace Ptsp.Workflow.Permits;

public sealed class PermitSagas(StorageFactory storage)
{
    public static readonly CollectionDefinition<PermitState> Definition = new CollectionDefinition<PermitState>("permit-sagas")
        .Index("applicantUsername")
        .Index("assignedRole")
        .Index("currentStep")
        .Index("createdAt")
        .Index("dueAt")
        .Index("nextAlertAt")
        .Index("statutoryCheckAt")
        .Index("receiptNumber");

    public Task<IDocumentCollection<PermitState>> CollectionAsync(CancellationToken cancellationToken = default) =>
        storage.OpenCollectionAsync(Extensions.Store, Definition, cancellationToken);

    /// <summary>The API's status names for the machine's states.</summary>
    public static string Status(string state) => state switch
    {
        nameof(PermitStateMachine.Draft) => "Draft",
        nameof(PermitStateMachine.AwaitingCompletenessCheck) => "Submitted",
        nameof(PermitStateMachine.ReturnedToApplicant) => "ReturnedToApplicant",
        nameof(PermitStateMachine.OpeningTechnicalReview) or nameof(PermitStateMachine.AwaitingTechnicalData)
            or nameof(PermitStateMachine.InTechnicalReview) => "InTechnicalReview",
        nameof(PermitStateMachine.OpeningDrafting) or nameof(PermitStateMachine.InDrafting) => "InDrafting",
        nameof(PermitStateMachine.SectionHeadVerification) or nameof(PermitStateMachine.DivisionHeadVerification) => "InVerification",
        nameof(PermitStateMachine.AwaitingSignature) => "AwaitingSignature",
        nameof(PermitStateMachine.Issued) => "Issued",
        nameof(PermitStateMachine.Rejected) => "Rejected",
        nameof(PermitStateMachine.Withdrawn) => "Withdrawn",
        nameof(PermitStateMachine.Revoked) => "Revoked",
        _ => state,
    };

    public static bool IsOverdue(PermitState saga, DateTimeOffset now) => saga.DueAt is { } due && now > due;
}
