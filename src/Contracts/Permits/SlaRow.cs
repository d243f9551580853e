namespace Ptsp.Contracts.Permits;

/// <summary>
/// One line of the report: by "step", "role" or "permitType"; times are working minutes. <paramref name="MeanMinutes"/> and
/// <paramref name="MeanTargetMinutes"/>: the mean working time used and the mean target of the line's steps that had a target (time used
/// against target); null when none had one.
/// </summary>
public sealed record SlaRow(string Dimension, string Key, int Count, int WithinTarget, int Overdue, double MedianMinutes, double P90Minutes,
    double? MeanMinutes = null, double? MeanTargetMinutes = null);
