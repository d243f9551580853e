using MassTransit;

namespace Ptsp.Contracts.Accounts;

/// <summary>
/// Every access token of <paramref name="Username"/> that does not carry <paramref name="SecurityStamp"/> is void from
/// <paramref name="ChangedAt"/> on (deactivation, password reset, role change). Each Gateway keeps the latest per user.
/// </summary>
[EntityName("ptsp.sessions-ended.v1")]
[MessageUrn("ptsp:sessions-ended:v1")]
public sealed record SessionsEnded(string Username, string SecurityStamp, DateTimeOffset ChangedAt);
