namespace Ptsp.Hosting.Storage;

public enum UploadOutcome
{
    Stored,
    Empty,
    TooLarge,
    NotAllowed,
    ContentMismatch,

    /// <summary>Active content or a polyglot (<see cref="FileInspection"/>); <see cref="UploadResult.Reason"/> says which.</summary>
    Unsafe,
}
