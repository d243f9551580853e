namespace Ptsp.Contracts.Permits;

/// <summary>The application's business data as Intake keeps it, for its owner and officers. Replies <see cref="BusinessData"/> or CommandRefused (NotFound).</summary>
public sealed record GetBusinessData(Guid ApplicationId, string Username, bool Officer);
