namespace Ptsp.Contracts.Permits;

public enum ReviewKind
{
    Meeting,
    Inspection,
    Both,
}
