namespace Ptsp.Contracts.Permits;

/// <summary>The SLA report over steps that ended in [From, To). Replies <see cref="SlaReport"/>.</summary>
public sealed record GetSlaReport(DateTimeOffset From, DateTimeOffset To);
