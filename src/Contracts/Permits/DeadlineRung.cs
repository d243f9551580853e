namespace Ptsp.Contracts.Permits;

/// <summary>Which alert of a deadline came due: a step's two warnings and its breach, or the permit type's statutory deadline.</summary>
public enum DeadlineRung
{
    FirstWarning,
    SecondWarning,
    Breach,
    Statutory,
}
