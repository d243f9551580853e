namespace Ptsp.Contracts.Permits;

/// <summary>Each element's average (unit-level NRR) and the IKM with its quality category (null without answers).</summary>
public sealed record SkmReport(DateTimeOffset From, DateTimeOffset To, int Respondents, IReadOnlyList<SkmElement> Elements, decimal? Ikm, string? Category);
