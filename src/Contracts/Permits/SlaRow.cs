namespace Ptsp.Contracts.Permits;

/// <summary>One line of the report: by "step", "role" or "permitType"; times are working minutes.</summary>
public sealed record SlaRow(string Dimension, string Key, int Count, int WithinTarget, int Overdue, double MedianMinutes, double P90Minutes);
