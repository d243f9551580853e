namespace Ptsp.Contracts.Permits;

/// <summary>The SKM report over answers given in [From, To). Replies <see cref="SkmReport"/>.</summary>
public sealed record GetSkmReport(DateTimeOffset From, DateTimeOffset To);
