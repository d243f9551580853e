using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Ptsp.Contracts.Audit;
using Ptsp.Hosting.Storage;

namespace Ptsp.Registration.Audit;

/// <summary>One stored link of the audit chain (ADR 0015). The document's id is its sequence number.</summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }

    public string EntryId { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string? Username { get; set; }

    /// <summary>The username in lower case, for the filter.</summary>
    public string? UsernameKey { get; set; }

    public string? Role { get; set; }

    public string Action { get; set; } = "";

    public Guid? ApplicationId { get; set; }

    public string? Target { get; set; }

    public string? ClientAddress { get; set; }

    public int Status { get; set; }

    public string PreviousHash { get; set; } = "";

    public string Hash { get; set; } = "";
}
