namespace Ptsp.Contracts.Audit;

/// <summary>The queue the keeper reads <see cref="RecordAuditEntry"/> from.</summary>
public static class AuditQueues
{
    public const string Record = "record-audit-entry";

    public static Uri RecordAddress => new($"queue:{Record}");
}
