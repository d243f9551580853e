using MassTransit;
using MassTransit.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Ptsp.Contracts.Common;
using Ptsp.Contracts.Ops;
using Ptsp.Hosting.Outbox;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Faults;

/// <summary>A recorded fault, in the keeper's own store (collection <c>faults</c>).</summary>
public sealed class FaultDocument
{
    public const string Open = "Open";
    public const string Replayed = "Replayed";
    public const string Discarded = "Discarded";
    public const string ConsumeSource = "consume";
    public const string OutboxSource = "outbox";

    public string Source { get; set; } = ConsumeSource;
    public string Queue { get; set; } = "";
    public Guid? MessageId { get; set; }
    public string MessageType { get; set; } = "";
    public string? ApplicationId { get; set; }
    public string ExceptionType { get; set; } = "";
    public string ExceptionMessage { get; set; } = "";
    public string? StackTrace { get; set; }
    public int Attempts { get; set; }

    /// <summary>The message envelope as received (consume), or the outbox entry's body (outbox).</summary>
    public string Body { get; set; } = "";

    /// <summary>The undelivered outbox entry itself (outbox faults), delivered again as it was on replay.</summary>
    public OutboxMessage? Outbox { get; set; }

    public DateTimeOffset OccurredAt { get; set; }
    public string Status { get; set; } = Open;
    public string? ResolvedBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}
