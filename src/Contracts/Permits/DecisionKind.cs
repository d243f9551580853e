namespace Ptsp.Contracts.Permits;

public enum DecisionKind
{
    Permit,
    Rejection,
}
