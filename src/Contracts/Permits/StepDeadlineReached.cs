using MassTransit;

namespace Ptsp.Contracts.Permits;

/// <summary>
/// Workflow's deadline watcher → the permit or registration saga (an internal command, never published): the rung
/// armed for the step visit <paramref name="Token"/> came due by <paramref name="ReachedAt"/>. The saga acts on it in its
/// own write and ignores it when the step moved on (another token) or the rung was already handled. Its MessageId is a
/// name-based id of the instance, the token and the rung, so two watchers sending it are one message to the saga's inbox.
/// </summary>
[MessageUrn("ptsp:step-deadline-reached:v1")]
public sealed record StepDeadlineReached(Guid CorrelationId, DeadlineRung Rung, Guid Token, DateTimeOffset ReachedAt);
