using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Ptsp.Registration.Accounts;

/// <summary>
/// Salted PBKDF2-HMAC-SHA256 (OWASP's 600,000 iterations unless <see cref="PasswordOptions"/> says otherwise), stored as
/// <c>pbkdf2-sha256$iterations$salt$hash</c> so the cost can change without breaking old hashes.
/// </summary>
public sealed class PasswordHasher
{
    public const int DefaultIterations = 600_000;
    const string Scheme = "pbkdf2-sha256";
    const int SaltBytes = 16;
    const int HashBytes = 32;

    readonly int _iterations;

    // Verifying against this when the user does not exist costs the same time as a real check.
    readonly string _decoy;

    public PasswordHasher(int iterations = DefaultIterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, PasswordOptions.Minimum);
        _iterations = iterations;
        _decoy = HashWith(iterations, RandomNumberGenerator.GetBytes(SaltBytes), "decoy");
    }

    public string Hash(string password) => HashWith(_iterations, RandomNumberGenerator.GetBytes(SaltBytes), password);

    public bool Verify(string? storedHash, string password)
    {
        var parts = (storedHash ?? _decoy).Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations))
            return false;
        var salt = Convert.FromBase64String(parts[2]);
        var expected = Convert.FromBase64String(parts[3]);
        var actual = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected) && storedHash is not null;
    }

    /// <summary>
    /// True when a stored hash was made with fewer iterations than this hasher makes now. Sign-in then stores the password
    /// again at the current cost, so a raised <c>Accounts__PasswordIterations</c> reaches every account that signs in; a
    /// lowered one never weakens a stored hash.
    /// </summary>
    public bool NeedsRehash(string? storedHash) =>
        storedHash?.Split('$') is [Scheme, var count, _, _]
        && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
        && iterations < _iterations;

    /// <summary>A one-time password for the credential email: 12 characters without look-alikes (0/O, 1/l/I).</summary>
    public static string GenerateOneTimePassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
        return RandomNumberGenerator.GetString(alphabet, 12);
    }

    static string HashWith(int iterations, byte[] salt, string password)
    {
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, HashBytes);
        return string.Join('$', Scheme, iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }
}
