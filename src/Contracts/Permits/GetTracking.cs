namespace Ptsp.Contracts.Permits;

/// <summary>
/// Public tracking by receipt number (anyone): where the file is, in dates and steps only — no names, no documents,
/// no notes. Replies <see cref="TrackingStatus"/> or CommandRefused (NotFound).
/// </summary>
public sealed record GetTracking(string ReceiptNumber);
