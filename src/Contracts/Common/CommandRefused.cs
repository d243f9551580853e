namespace Ptsp.Contracts.Common;

/// <summary>
/// The owning service refused a command and changed nothing. <paramref name="Message"/> is for people
/// (Bahasa Indonesia); <paramref name="Errors"/> maps request fields to messages for validation failures.
/// A refusal because the application is at another step names that step (<paramref name="CurrentStep"/>) as far
/// as the owning service knows it: the owning service is the one authority on whether an action may happen now.
/// </summary>
public sealed record CommandRefused(
    RefusalKind Kind,
    string Message,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    TimeSpan? RetryAfter = null,
    int? CurrentStep = null);
