namespace Ptsp.Contracts.Permits;

/// <summary>What step 5 entered and step 6 produced, for the officers whose step needs it. Replies <see cref="TechnicalFile"/> or CommandRefused (NotFound).</summary>
public sealed record GetTechnicalFile(Guid ApplicationId);
