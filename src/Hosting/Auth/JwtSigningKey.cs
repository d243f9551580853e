using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace Ptsp.Hosting.Auth;

/// <summary>
/// The key that signs access tokens (Registration) and checks them (Gateway): <c>Auth__SigningKey</c>
/// (at least 32 bytes), or in the embedded default a random key kept in the data folder.
/// </summary>
public sealed class JwtSigningKey
{
    public const string Issuer = "ptsp";
    public const string Audience = "ptsp-api";

    public JwtSigningKey(IConfiguration configuration)
    {
        var configured = configuration["Auth:SigningKey"];
        byte[] key;
        if (!string.IsNullOrEmpty(configured))
        {
            key = Encoding.UTF8.GetBytes(configured);
            if (key.Length < 32)
                throw new InvalidOperationException("Auth:SigningKey must be at least 32 bytes.");
        }
        else
        {
            var directory = configuration["Storage:Sqlite:Directory"] ?? "./data";
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, "jwt-signing.key");
            key = LoadOrCreate(path);
        }

        Key = new SymmetricSecurityKey(key) { KeyId = Convert.ToHexString(SHA256.HashData(key))[..16] };
    }

    public SymmetricSecurityKey Key { get; }

    public SigningCredentials Credentials => new(Key, SecurityAlgorithms.HmacSha256);

    static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
            return Convert.FromBase64String(File.ReadAllText(path).Trim());

        var key = RandomNumberGenerator.GetBytes(64);
        var temp = path + ".tmp";
        File.WriteAllText(temp, Convert.ToBase64String(key));
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        try
        {
            File.Move(temp, path, overwrite: false);
        }
        catch (IOException)
        {
            // Another process of the same host wrote it first: use theirs.
            File.Delete(temp);
        }

        return Convert.FromBase64String(File.ReadAllText(path).Trim());
    }
}
