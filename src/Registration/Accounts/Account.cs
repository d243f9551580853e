namespace Ptsp.Registration.Accounts;

/// <summary>
/// One person's account: an applicant's registration and, once approved, their credentials — one document,
/// so approving, creating the login and queuing the credential email happen in one atomic write.
/// Officer accounts are the same document without registration data.
/// </summary>
public sealed class Account
{
    public Guid Id { get; set; }

    public AccountStatus Status { get; set; }

    public string FullName { get; set; } = "";

    public string? Nik { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Address { get; set; }

    public string? Npwp { get; set; }

    public DateTimeOffset SubmittedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? RejectionReason { get; set; }

    public string? Username { get; set; }

    public string? PasswordHash { get; set; }

    public DateTimeOffset? PasswordChangedAt { get; set; }

    public bool MustChangePassword { get; set; }

    public List<string> Roles { get; set; } = [];

    /// <summary>An officer's NIP (18 digits), printed on the documents they sign.</summary>
    public string? Nip { get; set; }

    /// <summary>An officer's title as printed on documents, e.g. "Kepala Seksi Perizinan Kesehatan".</summary>
    public string? Position { get; set; }

    /// <summary>A section head's sectors (<see cref="Ptsp.Contracts.Sectors"/>).</summary>
    public List<string> Sectors { get; set; } = [];

    public List<Ptsp.Contracts.Accounts.ActingAppointment> ActingAppointments { get; set; } = [];

    /// <summary>True for accounts the administrator manages (seeded or created through /api/v1/officers).</summary>
    public bool IsOfficer { get; set; }

    /// <summary>
    /// Changes whenever older sessions must end (deactivation, password reset, role change); tokens carry it and the
    /// Gateway refuses a token with another (ADR 0010). Null until the first change.
    /// </summary>
    public string? SecurityStamp { get; set; }

    public DateTimeOffset? SecurityStampChangedAt { get; set; }

    /// <summary>SHA-256 (hex) of the pending "lupa kata sandi" token; the token itself is only in the email.</summary>
    public string? PasswordResetTokenHash { get; set; }

    public DateTimeOffset? PasswordResetExpiresAt { get; set; }

    // Unique keys: a NIK or email may be claimed by one pending or active account at a time;
    // a rejected applicant may register again.
    public string? NikClaim => Status == AccountStatus.Rejected ? null : Nik;

    public string? EmailClaim => Status == AccountStatus.Rejected ? null : Email?.ToLowerInvariant();

    public string? UsernameKey => Username?.ToLowerInvariant();
}
