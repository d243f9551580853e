namespace Ptsp.Contracts.Permits;

/// <summary>The permit type catalogue, answered by Intake.</summary>
public sealed record GetPermitTypes;
