using MassTransit;
using Ptsp.Contracts.Common;
using Ptsp.Contracts.Permits;
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

    /// <summary>
    /// The API's status (<see cref="PermitStatus"/>) of each of the machine's states: the one place the two vocabularies meet.
    /// The states keep their names because stored saga documents hold them by name, and several states share one status.
    /// </summary>
    public static string Status(string state) => state switch
    {
        nameof(PermitStateMachine.Draft) => PermitStatus.Draft,
        nameof(PermitStateMachine.AwaitingCompletenessCheck) => PermitStatus.Submitted,
        nameof(PermitStateMachine.ReturnedToApplicant) => PermitStatus.ReturnedToApplicant,
        nameof(PermitStateMachine.OpeningTechnicalReview) or nameof(PermitStateMachine.AwaitingTechnicalData)
            or nameof(PermitStateMachine.InTechnicalReview) => PermitStatus.InTechnicalReview,
        nameof(PermitStateMachine.OpeningDrafting) or nameof(PermitStateMachine.InDrafting) => PermitStatus.InDrafting,
        nameof(PermitStateMachine.SectionHeadVerification) or nameof(PermitStateMachine.DivisionHeadVerification) => PermitStatus.InVerification,
        nameof(PermitStateMachine.AwaitingSignature) => PermitStatus.AwaitingSignature,
        nameof(PermitStateMachine.Issued) => PermitStatus.Issued,
        nameof(PermitStateMachine.Rejected) => PermitStatus.Rejected,
        nameof(PermitStateMachine.Withdrawn) => PermitStatus.Withdrawn,
        nameof(PermitStateMachine.Revoked) => PermitStatus.Revoked,
        _ => state,
    };

    public static bool IsOverdue(PermitState saga, DateTimeOffset now) => saga.DueAt is { } due && now > due;
}
