namespace Ptsp.Web.Gateway;

/// <summary><see cref="MeanMinutes"/> against <see cref="MeanTargetMinutes"/>: the working time its steps used on average and their average target.</summary>
public sealed record SlaRowView(string Dimension, string Key, int Count, int WithinTarget, int Overdue, double MedianMinutes, double P90Minutes,
    double? MeanMinutes = null, double? MeanTargetMinutes = null);
