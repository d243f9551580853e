namespace Ptsp.Contracts.Accounts;

/// <summary>The FrontOffice worklist for step 2, answered by Workflow from the registration sagas.</summary>
public sealed record GetRegistrations(string Status);
