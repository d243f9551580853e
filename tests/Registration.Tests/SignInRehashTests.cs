using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Ptsp.Contracts;
using Ptsp.Contracts.Accounts;
using Ptsp.Contracts.Common;
using Ptsp.Hosting.Auth;
using Ptsp.Hosting.Storage;
using Ptsp.Registration.Accounts;
using Ptsp.Registration.Consumers;

namespace Ptsp.Registration.Tests;

/// <summary>
/// A raised <c>Accounts__PasswordIterations</c> reaches the accounts as they sign in: a password stored at the old cost is
/// stored again at the new one by the sign-in that proved it, and still signs in; a refused sign-in changes nothing.
/// </summary>
public sealed class SignInRehashTests : IAsyncLifetime
{
    const string Password = "SandiLama2026";
    static readonly Guid AccountId = Guid.Parse("5d1c2b3a-0000-4000-8000-000000000001");
    readonly string _directory = Directory.CreateTempSubdirectory("ptsp-rehash-").FullName;
    ServiceProvider _provider = null!;
    ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Storage:Sqlite:Directory", _directory), new("Auth:SigningKey", "kunci-penandatangan-token-uji-2026-cukup-panjang")])
            .Build();
        _provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddSingleton<StorageFactory>()
            .AddSingleton<AccountStore>()
            // The agency raised the cost from 10,000 to 20,000 iterations.
            .AddSingleton(new PasswordHasher(20_000))
            .AddSingleton<LoginThrottle>()
            .AddSingleton<JwtSigningKey>()
            .AddSingleton<TokenIssuer>()
            .AddMassTransitTestHarness(x => x.AddConsumer<AuthenticateUserConsumer>())
            .BuildServiceProvider(true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
        var accounts = await _provider.GetRequiredService<AccountStore>().AccountsAsync();
        await accounts.InsertAsync(AccountId.ToString(), new Account
        {
            Id = AccountId, Status = AccountStatus.Active, FullName = "Siti Rahmawati", Email = "siti@contoh.co.id", Username = "siti.rahmawati",
            PasswordHash = new PasswordHasher(10_000).Hash(Password), Roles = [Roles.Applicant],
        });
    }

    [Fact]
    public async Task A_password_stored_at_the_old_cost_is_stored_again_at_the_new_one_when_it_signs_in()
    {
        var before = await StoredHashAsync();

        Assert.False(await SignInAsync("SandiSalah2026"));
        Assert.Equal(before, await StoredHashAsync());

        Assert.True(await SignInAsync(Password));
        var after = await StoredHashAsync();
        Assert.StartsWith("pbkdf2-sha256$20000$", after);
        Assert.True(_provider.GetRequiredService<PasswordHasher>().Verify(after, Password));

        // Once at the new cost, a sign-in leaves it as it is.
        Assert.True(await SignInAsync(Password));
        Assert.Equal(after, await StoredHashAsync());
    }

    async Task<bool> SignInAsync(string password)
    {
        var response = await _harness.GetRequestClient<AuthenticateUser>()
            .GetResponse<UserAuthenticated, CommandRefused>(new AuthenticateUser("siti.rahmawati", password));
        return response.Is(out Response<UserAuthenticated>? _);
    }

    async Task<string?> StoredHashAsync() =>
        (await (await _provider.GetRequiredService<AccountStore>().AccountsAsync()).FindAsync(AccountId.ToString()))!.Document.PasswordHash;

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
