namespace Ptsp.Registration.Accounts;

/// <summary>
/// The password hashes' cost (<c>Accounts__PasswordIterations</c>): PBKDF2 iterations for new hashes, OWASP's 600,000 unless set.
/// Each stored hash names its own count, so a hash made under another setting still verifies. A lower count is for machines
/// that only run tests; it is refused below 10,000. Validated when Registration starts.
/// </summary>
public sealed class PasswordOptions
{
    public const string Section = "Accounts";

    public const int Minimum = 10_000;

    public const string IterationsProblem = "Accounts:PasswordIterations must be a whole number of at least 10000 (the default is 600000).";

    public int PasswordIterations { get; set; } = PasswordHasher.DefaultIterations;

    public static void Add(IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PasswordOptions>()
            .Bind(builder.Configuration.GetSection(Section))
            .Validate(o => o.PasswordIterations >= Minimum, IterationsProblem)
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new PasswordHasher(sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<PasswordOptions>>().Value.PasswordIterations));
    }
}
