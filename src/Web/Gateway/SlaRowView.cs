namespace Ptsp.Web.Gateway;

public sealed record SlaRowView(string Dimension, string Key, int Count, int WithinTarget, int Overdue, double MedianMinutes, double P90Minutes);
