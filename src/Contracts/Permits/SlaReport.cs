namespace Ptsp.Contracts.Permits;

public sealed record SlaReport(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SlaRow> Rows);
