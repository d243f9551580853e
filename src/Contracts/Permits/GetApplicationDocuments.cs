namespace Ptsp.Contracts.Permits;

/// <summary>The documents uploaded to an application, for its owner and officers. Replies <see cref="ApplicationDocuments"/> or CommandRefused (NotFound).</summary>
public sealed record GetApplicationDocuments(Guid ApplicationId, string Username, bool Officer);
