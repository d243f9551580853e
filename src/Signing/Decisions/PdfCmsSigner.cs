using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf.Signatures;

namespace Ptsp.Signing.Decisions;

/// <summary>
/// The PDF signature's CMS: detached SHA-256 PKCS#7 over the signed byte ranges, with the signing time and
/// the ESS signing-certificate-v2 attribute (which binds the signer's certificate, as PAdES baseline asks),
/// and the certificate chain so any reader can check it.
/// </summary>
public sealed class PdfCmsSigner(SigningCredentials credentials, DateTimeOffset signingTime) : IDigitalSigner
{
    const string SigningCertificateV2 = "1.2.840.113549.1.9.16.2.47";

    public string CertificateName => credentials.SignerName;

    // The reserved /Contents space: an actual signature over nothing, with room to spare.
    public async Task<int> GetSignatureSizeAsync() => (await GetSignatureAsync(new MemoryStream([0]))).Length + 2048;

    public Task<byte[]> GetSignatureAsync(Stream stream)
    {
        // PDFsharp's ranged stream (the signed byte ranges) comes positioned at its end and cannot report
        // CanSeek, so no Stream.CopyTo: rewind and read it through.
        stream.Position = 0;
        using var memory = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
            memory.Write(buffer, 0, read);
        var cms = new SignedCms(new ContentInfo(memory.ToArray()), detached: true);
        var signer = new CmsSigner(SubjectIdentifierType.IssuerAndSerialNumber, credentials.Certificate)
        {
            DigestAlgorithm = new Oid("2.16.840.1.101.3.4.2.1"), // SHA-256
            IncludeOption = X509IncludeOption.EndCertOnly,
        };
        signer.Certificates.AddRange(credentials.Chain.ToArray());
        signer.SignedAttributes.Add(new Pkcs9SigningTime(signingTime.UtcDateTime));
        signer.SignedAttributes.Add(new AsnEncodedData(SigningCertificateV2, EssSigningCertificateV2(credentials.Certificate)));
        cms.ComputeSignature(signer);
        return Task.FromResult(cms.Encode());
    }

    /// <summary>SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 { certHash (SHA-256, the default) } } (RFC 5035).</summary>
    static byte[] EssSigningCertificateV2(X509Certificate2 certificate)
    {
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        using (writer.PushSequence())
        using (writer.PushSequence())
            writer.WriteOctetString(SHA256.HashData(certificate.RawData));
        return writer.Encode();
    }
}
