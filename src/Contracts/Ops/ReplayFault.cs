namespace Ptsp.Contracts.Ops;

/// <summary>Puts a fault's message back on its queue (same message id), or delivers an outbox entry once more. Replies <see cref="FaultView"/> or <c>CommandRefused</c>.</summary>
public sealed record ReplayFault(string Id, string RequestedBy);
