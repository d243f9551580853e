using MassTransit;

namespace Ptsp.Contracts.Calendar;

/// <summary>
/// The agency's calendar changed (audited: who, when, what). It carries every holiday and override now in force, so each
/// service that counts working time takes it over without a restart; Workflow then recomputes the due times of open steps.
/// </summary>
[EntityName("ptsp.calendar-changed.v1")]
[MessageUrn("ptsp:calendar-changed:v1")]
public sealed record CalendarChanged(
    long Revision,
    int Year,
    string ChangedBy,
    DateTimeOffset ChangedAt,
    string Summary,
    IReadOnlyList<HolidayEntry> Holidays,
    IReadOnlyList<WorkingHoursOverride> Overrides);
