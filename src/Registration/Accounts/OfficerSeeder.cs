using System.Security.Cryptography;
using System.Text;
using Ptsp.Contracts;
using Ptsp.Hosting.Storage;

namespace Ptsp.Registration.Accounts;

/// <summary>
/// With <c>Seed__OfficerPassword</c> set, creates one officer account per role if missing (demo and first
/// installation). Ids derive from the username, so two replicas seeding at once create each account once.
/// </summary>
public sealed class OfficerSeeder(IConfiguration configuration, AccountStore store, PasswordHasher hasher, TimeProvider time,
    ILogger<OfficerSeeder> logger) : IHostedService
{
    public static readonly IReadOnlyList<(string Username, string Role, string FullName)> Officers =
    [
        ("frontoffice", Roles.FrontOffice, "Petugas Front Office"),
        ("backoffice", Roles.BackOffice, "Petugas Back Office"),
        ("teknis", Roles.TechnicalTeam, "Tim Teknis"),
        ("kasi", Roles.SectionHead, "Kepala Seksi Perizinan"),
        ("kabid", Roles.DivisionHead, "Kepala Bidang Perizinan dan Nonperizinan"),
        ("kepala", Roles.AgencyHead, "Kepala DPMPTSP"),
        ("admin", Roles.Administrator, "Administrator Sistem"),
    ];

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var password = configuration["Seed:OfficerPassword"];
        if (string.IsNullOrEmpty(password))
            return;

        var accounts = await store.AccountsAsync(cancellationToken);
        foreach (var (username, role, fullName) in Officers)
        {
            var id = new Guid(SHA256.HashData(Encoding.UTF8.GetBytes("ptsp-officer:" + username)).AsSpan(0, 16));
            if (await accounts.FindAsync(id.ToString(), cancellationToken) is not null)
                continue;
            var account = new Account
            {
                Id = id,
                Status = AccountStatus.Active,
                FullName = fullName,
                Username = username,
                PasswordHash = hasher.Hash(password),
                Roles = [role],
                IsOfficer = true,
                // The demo section head covers every sector, so every file's step 8 reaches someone.
                Sectors = role == Roles.SectionHead ? [.. Sectors.Names.Keys] : [],
                SubmittedAt = time.GetUtcNow(),
            };
            try
            {
                await accounts.InsertAsync(id.ToString(), account, cancellationToken: cancellationToken);
                logger.LogInformation("Seeded officer account {Username} ({Role})", username, role);
            }
            catch (DuplicateDocumentException)
            {
                // Another replica seeded it a moment ago.
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
