namespace Ptsp.Contracts.Permits;

/// <summary>
/// One line of the history. <paramref name="Note"/> may be internal (a technical note, a verifier's or the head's return note,
/// an escalation): officers read the entry as it is; the applicant reads <paramref name="PublicAction"/> and
/// <paramref name="PublicNote"/> instead, and not at all when <paramref name="OfficersOnly"/> (Workflow decides the wording).
/// </summary>
public sealed record HistoryEntry(int Step, string Action, string Actor, string Role, DateTimeOffset At, string? Note, bool Overdue,
    string? PublicAction = null, string? PublicNote = null, bool OfficersOnly = false);
