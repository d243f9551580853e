namespace Ptsp.Contracts.Common;

/// <summary>Why a service refused a command. The Gateway maps it to an HTTP status.</summary>
public enum RefusalKind
{
    Invalid,
    NotFound,
    Conflict,
    Forbidden,
    Unauthorized,
    Throttled,
}
