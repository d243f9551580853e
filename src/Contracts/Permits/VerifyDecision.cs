namespace Ptsp.Contracts.Permits;

/// <summary>
/// Steps 8 (SectionHead) and 9 (DivisionHead): validate the draft or send it back to drafting with a note. A section head's
/// <paramref name="Sectors"/> (from the token) must cover the permit's sector ("Kasi terkait"); Signing decides.
/// </summary>
public sealed record VerifyDecision(Guid ApplicationId, string Officer, string Role, bool? Approve, string? Note,
    IReadOnlyList<string>? Sectors = null);
