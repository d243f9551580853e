using Ptsp.Contracts.Calendar;
using Ptsp.Hosting.Storage;

namespace Ptsp.Workflow.Calendar;

/// <summary>
/// The administrator's calendar as Workflow keeps it (ADR 0008): every holiday and override in force, its revision, and the
/// audit trail of changes. Until the first change the configured calendar (<c>Calendar__Holidays</c>, <c>__Overrides</c>) is it.
/// </summary>
public sealed class CalendarDocument
{
    public long Revision { get; set; }

    public List<HolidayEntry> Holidays { get; set; } = [];

    public List<WorkingHoursOverride> Overrides { get; set; } = [];

    public string? ChangedBy { get; set; }

    public DateTimeOffset? ChangedAt { get; set; }

    /// <summary>Who changed what, when: one line per change, never rewritten.</summary>
    public List<CalendarChangeRecord> Changes { get; set; } = [];
}
