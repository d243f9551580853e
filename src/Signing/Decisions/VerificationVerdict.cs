using System.Security.Cryptography.Pkcs;
using System.Text;
using System.Text.RegularExpressions;
using Ptsp.Hosting.Storage;

namespace Ptsp.Signing.Decisions;

/// <summary>
/// Whether a PDF someone holds is one of ours, exactly as issued — and if not, why not. <paramref name="Valid"/>: authentic and
/// not revoked; a revoked permit names when and why.
/// </summary>
public sealed record VerificationVerdict(bool Authentic, string Reason, string? DocumentNumber, string Sha256, bool? SignatureIntact,
    bool Valid = false, DateTimeOffset? RevokedAt = null, string? RevocationReason = null);
