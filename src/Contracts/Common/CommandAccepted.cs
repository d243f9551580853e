namespace Ptsp.Contracts.Common;

/// <summary>The owning service accepted a command; <paramref name="Id"/> names what it created or changed.</summary>
public sealed record CommandAccepted(Guid Id);
