namespace Ptsp.Contracts.Permits;

/// <summary>The public record of a signed decision. Replies <see cref="DecisionVerification"/> or CommandRefused (NotFound).</summary>
public sealed record GetDecisionVerification(string DocumentNumber);
