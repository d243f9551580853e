namespace Ptsp.Registration.Accounts;

public enum AccountStatus
{
    /// <summary>Registered (step 1), waiting for FrontOffice (step 2).</summary>
    Pending,
    Active,
    Rejected,

    /// <summary>An officer the administrator deactivated: cannot log in, older tokens are refused.</summary>
    Deactivated,
}
