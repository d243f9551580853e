using Ptsp.Hosting.Storage;

namespace Ptsp.Registration.Accounts;

/// <summary>The Registration service's collections.</summary>
public sealed class AccountStore(StorageFactory storage)
{
    public static readonly CollectionDefinition<Account> AccountsDefinition = new CollectionDefinition<Account>("accounts")
        .Index("nikClaim", unique: true)
        .Index("emailClaim", unique: true)
        .Index("usernameKey", unique: true)
        .Index("status")
        .Index("isOfficer")
        .Index("passwordResetTokenHash");

    public static readonly CollectionDefinition<LoginAttempts> LoginAttemptsDefinition = new("login-attempts");

    public Task<IDocumentCollection<Account>> AccountsAsync(CancellationToken cancellationToken = default) =>
        storage.OpenCollectionAsync(Extensions.Store, AccountsDefinition, cancellationToken);

    public Task<IDocumentCollection<LoginAttempts>> LoginAttemptsAsync(CancellationToken cancellationToken = default) =>
        storage.OpenCollectionAsync(Extensions.Store, LoginAttemptsDefinition, cancellationToken);

    public async Task<Stored<Account>?> FindByUsernameAsync(string username, CancellationToken cancellationToken = default)
    {
        var accounts = await AccountsAsync(cancellationToken);
        var found = await accounts.QueryAsync(Query.By("usernameKey", username.Trim().ToLowerInvariant()).Take(1), cancellationToken);
        return found.Count == 0 ? null : found[0];
    }
}
