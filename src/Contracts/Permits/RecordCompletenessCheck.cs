namespace Ptsp.Contracts.Permits;

/// <summary>Step 4: FrontOffice finds the file complete (a receipt is issued) or returns it with what is missing.</summary>
public sealed record RecordCompletenessCheck(
    Guid ApplicationId,
    string Officer,
    bool? Complete,
    IReadOnlyList<string> MissingRequirements,
    string? Note,
    OfficerIdentity? OfficerIdentity = null);
