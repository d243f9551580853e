namespace Ptsp.Web.Gateway;

/// <summary>The SLA report (GET /api/v1/reports/sla): rows by "step", "role" and "permitType"; times in working minutes.</summary>
public sealed record SlaReportView(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<SlaRowView> Rows);
