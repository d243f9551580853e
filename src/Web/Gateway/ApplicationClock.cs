namespace Ptsp.Web.Gateway;

public sealed record ApplicationClock(double AgencyWorkingMinutes, double ApplicantWorkingMinutes, IReadOnlyList<ClockPauseView> Pauses,
    DateTimeOffset? StatutoryDueAt, bool StatutoryDeadlinePassed);
