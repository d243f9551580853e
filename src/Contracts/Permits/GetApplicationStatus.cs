namespace Ptsp.Contracts.Permits;

/// <summary>One application's SOP state. Replies <see cref="ApplicationStatus"/> or CommandRefused (NotFound).</summary>
public sealed record GetApplicationStatus(Guid ApplicationId);
