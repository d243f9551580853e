using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Ptsp.Registration.Accounts;
using Ptsp.Registration.Consumers;

namespace Ptsp.Registration.Tests;

public class PasswordTests
{
    static readonly PasswordHasher Hasher = new();

    [Fact]
    public void A_password_is_stored_as_a_salted_slow_hash_that_verifies()
    {
        var hash = Hasher.Hash("RahasiaSekali2026");
        Assert.StartsWith("pbkdf2-sha256$600000$", hash);
        Assert.DoesNotContain("RahasiaSekali2026", hash);
        Assert.True(Hasher.Verify(hash, "RahasiaSekali2026"));
        Assert.False(Hasher.Verify(hash, "rahasiasekali2026"));
        Assert.NotEqual(hash, Hasher.Hash("RahasiaSekali2026"));
    }

    [Fact]
    public void A_hash_made_at_another_cost_still_verifies_and_the_cost_has_a_floor()
    {
        var cheap = new PasswordHasher(10_000).Hash("RahasiaSekali2026");
        Assert.StartsWith("pbkdf2-sha256$10000$", cheap);
        // The count is read from the hash: the default hasher verifies it, and the cheap one verifies a default hash.
        Assert.True(Hasher.Verify(cheap, "RahasiaSekali2026"));
        Assert.False(Hasher.Verify(cheap, "RahasiaSekali2027"));
        Assert.True(new PasswordHasher(10_000).Verify(Hasher.Hash("RahasiaSekali2026"), "RahasiaSekali2026"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PasswordHasher(9_999));
    }

    [Fact]
    public void Only_a_hash_made_at_a_lower_cost_than_the_current_one_is_made_again()
    {
        var cheap = new PasswordHasher(10_000);
        var dear = new PasswordHasher(20_000);
        Assert.True(dear.NeedsRehash(cheap.Hash("RahasiaSekali2026")));
        // Never downwards, nor at the same cost, nor for what is not a hash of this scheme.
        Assert.False(cheap.NeedsRehash(dear.Hash("RahasiaSekali2026")));
        Assert.False(dear.NeedsRehash(dear.Hash("RahasiaSekali2026")));
        Assert.False(dear.NeedsRehash(null));
        Assert.False(dear.NeedsRehash("md5$10000$c2FsdA==$aGFzaA=="));
        Assert.False(dear.NeedsRehash("pbkdf2-sha256$sepuluh$c2FsdA==$aGFzaA=="));
    }

    [Fact]
    public void The_setting_below_the_floor_stops_start_up_with_its_message()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Accounts:PasswordIterations"] = "1000";
        PasswordOptions.Add(builder);
        using var host = builder.Build();
        var refused = Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => host.Services.GetRequiredService<PasswordHasher>());
        Assert.Contains(PasswordOptions.IterationsProblem, refused.Message);

        var set = Host.CreateApplicationBuilder();
        set.Configuration["Accounts:PasswordIterations"] = "20000";
        PasswordOptions.Add(set);
        using var configured = set.Build();
        Assert.StartsWith("pbkdf2-sha256$20000$", configured.Services.GetRequiredService<PasswordHasher>().Hash("x"));
    }

    [Fact]
    public void An_unknown_user_or_damaged_hash_never_verifies()
    {
        Assert.False(Hasher.Verify(null, "decoy"));
        Assert.False(Hasher.Verify("md5$abc", "x"));
    }

    [Fact]
    public void One_time_passwords_are_twelve_unambiguous_characters_and_differ()
    {
        var passwords = Enumerable.Range(0, 50).Select(_ => PasswordHasher.GenerateOneTimePassword()).ToList();
        Assert.All(passwords, p => Assert.Matches("^[A-HJ-NP-Za-km-z2-9]{12}$", p));
        Assert.Equal(50, passwords.Distinct().Count());
    }

    [Theory]
    [InlineData("pendek1", false)]
    [InlineData("hanyahurufsaja", false)]
    [InlineData("12345678901", false)]
    [InlineData("budi.santoso2026", false)]
    [InlineData("KataSandiBaru2026", true)]
    public void New_passwords_follow_the_policy(string password, bool allowed)
    {
        var account = new Account { Username = "budi.santoso" };
        Assert.Equal(allowed, ChangePasswordConsumer.PolicyError(password, "LamaSekali123", account) is null);
    }
}
