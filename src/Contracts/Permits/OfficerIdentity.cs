namespace Ptsp.Contracts.Permits;

/// <summary>
/// The officer as printed on a document the command produces (receipt, draft, signed decision): from the caller's
/// token (<c>name</c>, <c>nip</c>, <c>position</c> claims). Nip and Position are null where the account has none; the
/// service then prints the title configured for the role.
/// </summary>
public sealed record OfficerIdentity(string Name, string? Nip, string? Position);
