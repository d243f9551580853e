using MassTransit;

namespace Ptsp.Contracts.Accounts;

/// <summary>
/// An officer account was created or changed. Workflow keeps the officers' addresses from it (escalation emails).
/// </summary>
[EntityName("ptsp.officer-changed.v1")]
[MessageUrn("ptsp:officer-changed:v1")]
public sealed record OfficerChanged(
    Guid OfficerId,
    string Username,
    string FullName,
    string? Email,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Sectors,
    bool Active,
    DateTimeOffset ChangedAt);
