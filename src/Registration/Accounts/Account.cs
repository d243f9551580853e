namespace Ptsp.Registration.Accounts;

public enum AccountStatus
{
    /// <summary>Registered (step 1), waiting for FrontOffice (step 2).</summary>
    Pending,
    Active,
    Rejected,
}

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

    // Unique keys: a NIK or email may be claimed by one pending or active account at a time;
    // a rejected applicant may register again.
    public string? NikClaim => Status == AccountStatus.Rejected ? null : Nik;

    public string? EmailClaim => Status == AccountStatus.Rejected ? null : Email?.ToLowerInvariant();

    public string? UsernameKey => Username?.ToLowerInvariant();
}
