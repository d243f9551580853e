namespace Ptsp.Contracts.Permits;

public enum Recommendation
{
    Approve,
    Reject,
}
