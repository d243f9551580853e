using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Ptsp.Contracts;
using Ptsp.Contracts.Accounts;
using Ptsp.Contracts.Common;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Documents;
using Ptsp.Hosting.Storage;
using Ptsp.Registration.Accounts;
using Ptsp.Registration.Consumers;

namespace Ptsp.Registration.Tests;

/// <summary>The reset token's life on the fake clock: 30 minutes, stored only as a hash, used once.</summary>
public sealed class PasswordResetTokenTests : IAsyncLifetime
{
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 30, 2, 0, 0, TimeSpan.Zero));
    readonly string _directory = Directory.CreateTempSubdirectory("ptsp-registration-").FullName;
    ServiceProvider _provider = null!;
    ITestHarness _harness = null!;

    public async Task InitializeAsync()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Storage:Sqlite:Directory", _directory), new("Public:BaseUrl", "https://perizinan.purwakartakab.go.id")])
            .Build();
        _provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(_time)
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddSingleton<StorageFactory>()
            .AddSingleton<AccountStore>()
            .AddSingleton<PasswordHasher>()
            .AddSingleton<LoginThrottle>()
            .AddSingleton(AgencyOptions.Read(configuration))
            .AddSingleton<PublicSite>()
            .AddSingleton(CalendarOptions.From(configuration))
            .AddSingleton<WorkingCalendar>()
            .AddSingleton<OfficerEmails>()
            .AddMassTransitTestHarness(x =>
            {
                x.AddConsumer<RequestPasswordResetConsumer>();
                x.AddConsumer<ConfirmPasswordResetConsumer>();
            })
            .BuildServiceProvider(true);
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    [Fact]
    public async Task A_reset_token_is_stored_as_a_hash_and_expires_after_thirty_minutes()
    {
        await AccountAsync("siti@contoh.co.id");
        await RequestAsync("siti@contoh.co.id");

        var account = await StoredAsync();
        for (var i = 0; i < 100 && account.PasswordResetTokenHash is null; i++)
        {
            await Task.Delay(100);
            account = await StoredAsync();
        }

        Assert.Equal(_time.GetUtcNow() + TimeSpan.FromMinutes(30), account.PasswordResetExpiresAt);
        Assert.Matches("^[0-9a-f]{64}$", account.PasswordResetTokenHash!);

        // A token is only in the email; put a known one in its place to use it.
        const string token = "tokenYangDiketahuiUntukUjiKedaluwarsa123";
        await SetTokenAsync(token, _time.GetUtcNow() + RequestPasswordResetConsumer.Lifetime);
        _time.Advance(TimeSpan.FromMinutes(30));
        var refused = await ConfirmAsync(token, "SandiBaru2026x");
        Assert.Equal(RefusalKind.Invalid, Assert.IsType<CommandRefused>(refused).Kind);

        await SetTokenAsync(token, _time.GetUtcNow() + RequestPasswordResetConsumer.Lifetime);
        _time.Advance(TimeSpan.FromMinutes(29));
        Assert.IsType<CommandAccepted>(await ConfirmAsync(token, "SandiBaru2026x"));
        Assert.IsType<CommandRefused>(await ConfirmAsync(token, "SandiLain2026x"));

        var changed = await StoredAsync();
        Assert.True(_provider.GetRequiredService<PasswordHasher>().Verify(changed.PasswordHash, "SandiBaru2026x"));
        Assert.Null(changed.PasswordResetTokenHash);
        Assert.NotNull(changed.SecurityStamp);
    }

    [Fact]
    public async Task No_token_is_made_for_an_unknown_or_rejected_address()
    {
        await AccountAsync("ada@contoh.co.id", AccountStatus.Rejected);
        await RequestAsync("ada@contoh.co.id");
        await RequestAsync("tidakada@contoh.co.id");
        Assert.Null((await StoredAsync()).PasswordResetTokenHash);
    }

    static readonly Guid AccountId = Guid.Parse("6f1d2c3b-0000-4000-8000-000000000001");

    async Task AccountAsync(string email, AccountStatus status = AccountStatus.Active)
    {
        var accounts = await _provider.GetRequiredService<AccountStore>().AccountsAsync();
        await accounts.InsertAsync(AccountId.ToString(), new Account
        {
            Id = AccountId, Status = status, FullName = "Siti Rahmawati", Email = email, Username = "siti.rahmawati",
            PasswordHash = _provider.GetRequiredService<PasswordHasher>().Hash("SandiLama2026"), Roles = [Roles.Applicant],
        });
    }

    async Task RequestAsync(string email)
    {
        var response = await _harness.GetRequestClient<RequestPasswordReset>()
            .GetResponse<CommandAccepted, CommandRefused>(new RequestPasswordReset(email));
        Assert.True(response.Is(out Response<CommandAccepted>? _));
        // The consumer answers before it looks the address up; wait until it has finished.
        await _harness.InactivityTask;
    }

    async Task<object> ConfirmAsync(string token, string password)
    {
        var response = await _harness.GetRequestClient<ConfirmPasswordReset>()
            .GetResponse<CommandAccepted, CommandRefused>(new ConfirmPasswordReset(token, password));
        return response.Message;
    }

    async Task<Account> StoredAsync() =>
        (await (await _provider.GetRequiredService<AccountStore>().AccountsAsync()).FindAsync(AccountId.ToString()))!.Document;

    async Task SetTokenAsync(string token, DateTimeOffset expires)
    {
        var accounts = await _provider.GetRequiredService<AccountStore>().AccountsAsync();
        var stored = (await accounts.FindAsync(AccountId.ToString()))!;
        stored.Document.PasswordResetTokenHash = RequestPasswordResetConsumer.Hash(token);
        stored.Document.PasswordResetExpiresAt = expires;
        await accounts.ReplaceAsync(stored.Id, stored.Document, stored.Version);
    }

    public async Task DisposeAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
