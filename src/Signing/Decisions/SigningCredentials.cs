using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Ptsp.Signing.Decisions;

/// <summary>
/// The agency head's signing key and certificate (with its issuing chain): from a PKCS#12 file
/// (<c>Signing__CertificatePath</c>, <c>Signing__CertificatePassword</c>), or — in the embedded default — a
/// local CA and a signer certificate created on first run and kept in the data folder. The key never
/// leaves this service.
/// </summary>
public sealed class SigningCredentials
{
    public SigningCredentials(IConfiguration configuration, TimeProvider time, ILogger<SigningCredentials> logger)
    {
        var path = configuration["Signing:CertificatePath"];
        if (!string.IsNullOrWhiteSpace(path))
        {
            var collection = X509CertificateLoader.LoadPkcs12CollectionFromFile(path, configuration["Signing:CertificatePassword"],
                X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);
            Certificate = collection.FirstOrDefault(c => c.HasPrivateKey)
                          ?? throw new InvalidOperationException($"Signing:CertificatePath '{path}' holds no certificate with a private key.");
            Chain = [.. collection.Where(c => !c.HasPrivateKey)];
            logger.LogInformation("Signing with {Subject} from {Path}", Certificate.Subject, path);
            return;
        }

        var directory = Path.Combine(configuration["Storage:Sqlite:Directory"] ?? "./data", "signing");
        (Certificate, Chain) = LoadOrCreateLocal(directory, configuration["Signing:SignerName"] ?? "Kepala DPMPTSP Kabupaten Purwakarta", time, logger);
    }

    public X509Certificate2 Certificate { get; }

    /// <summary>The issuing certificates, embedded in each signature so readers can build the chain.</summary>
    public IReadOnlyList<X509Certificate2> Chain { get; }

    public string SignerName => Certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false);

    static (X509Certificate2, IReadOnlyList<X509Certificate2>) LoadOrCreateLocal(string directory, string signerName, TimeProvider time, ILogger logger)
    {
        Directory.CreateDirectory(directory);
        var p12 = Path.Combine(directory, "signer.p12");
        var passwordFile = Path.Combine(directory, "signer.password");
        if (!File.Exists(p12))
        {
            var now = time.GetUtcNow();
            using var caKey = RSA.Create(3072);
            var caRequest = new CertificateRequest("CN=DPMPTSP Kabupaten Purwakarta Local CA, O=Pemerintah Kabupaten Purwakarta, C=ID", caKey,
                HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
            caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
            caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
            using var ca = caRequest.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(10));

            using var signerKey = RSA.Create(3072);
            var request = new CertificateRequest($"CN={signerName}, O=Pemerintah Kabupaten Purwakarta, C=ID", signerKey, HashAlgorithmName.SHA256,
                RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
                [new Oid("1.3.6.1.5.5.7.3.4"), new Oid("1.3.6.1.4.1.311.10.3.12")], false)); // email protection, document signing
            request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
            request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
            using var issued = request.Create(ca, now.AddMinutes(-5), now.AddYears(3), RandomNumberGenerator.GetBytes(16));
            using var signer = issued.CopyWithPrivateKey(signerKey);

            var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24));
            var collection = new X509Certificate2Collection { signer, X509CertificateLoader.LoadCertificate(ca.RawData) };
            WriteSecret(passwordFile, password);
            WriteSecret(p12, collection.Export(X509ContentType.Pkcs12, password)!);
            File.WriteAllText(Path.Combine(directory, "ca.crt"), ca.ExportCertificatePem());
            logger.LogInformation("Created a local CA and a signer certificate for {Signer} in {Directory}", signerName, directory);
        }

        var loaded = X509CertificateLoader.LoadPkcs12CollectionFromFile(p12, File.ReadAllText(passwordFile).Trim(),
            X509KeyStorageFlags.Exportable | X509KeyStorageFlags.EphemeralKeySet);
        return (loaded.First(c => c.HasPrivateKey), [.. loaded.Where(c => !c.HasPrivateKey)]);
    }

    static void WriteSecret(string path, object content)
    {
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        if (content is byte[] bytes)
            File.WriteAllBytes(temp, bytes);
        else
            File.WriteAllText(temp, (string)content);
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, path, overwrite: false);
    }
}
