using MassTransit;

namespace Ptsp.Contracts.Calendar;

/// <summary>
/// Workflow's calendar consumer → one permit or registration saga (an internal command, never published): the calendar is
/// now at <paramref name="CalendarRevision"/>; count the open deadlines again and say in the history why they moved. The
/// saga acts on it in its own write. Its MessageId is a name-based id of the instance and the revision, so a repeated
/// calendar event is one message to the saga's inbox.
/// </summary>
[MessageUrn("ptsp:recount-due-times:v1")]
public sealed record RecountDueTimes(Guid CorrelationId, long CalendarRevision, string Summary, string ChangedBy, DateTimeOffset ChangedAt);
