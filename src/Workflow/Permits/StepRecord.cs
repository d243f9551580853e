using MassTransit;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Sagas;
using Ptsp.Hosting.Storage;
using Ptsp.Workflow.Deadlines;

namespace Ptsp.Workflow.Permits;

public sealed record StepRecord(int Step, string Role, string PermitTypeCode, DateTimeOffset StartedAt, DateTimeOffset EndedAt, TimeSpan WorkingTime,
    TimeSpan? Target, bool Overdue);
