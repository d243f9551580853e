namespace Ptsp.Contracts.Permits;

/// <summary>
/// Where the time went: working time with the agency and with the applicant, the pauses of the agency's
/// clock, and the statutory deadline of the permit type.
/// </summary>
public sealed record ServiceClock(
    TimeSpan AgencyWorkingTime,
    TimeSpan ApplicantWorkingTime,
    IReadOnlyList<ClockPauseInfo> Pauses,
    DateTimeOffset? StatutoryDueAt,
    bool StatutoryDeadlinePassed);
