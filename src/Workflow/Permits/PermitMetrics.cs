using Ptsp.Hosting.Metrics;
using Ptsp.Hosting.Sagas;
using Ptsp.Workflow.Deadlines;

namespace Ptsp.Workflow.Permits;

/// <summary>
/// The permit SOP in <see cref="PtspMetrics"/>, measured from what the saga stored (ADR 0016): a step entered when the stored
/// step changed, a step completed for each new step record (the SLA report's, with its working time against its target),
/// each alert the escalation ladder recorded, and the file's end. Told after the write, so a write lost to a conflict and
/// a repeated message count nothing; the state machine carries no metrics code.
/// </summary>
public sealed class PermitMetrics : ISagaWriteObserver<PermitState>
{
    sealed record Mark(int? Step, string State, int Steps, int Alerts, bool StatutoryPassed);

    public object? Before(PermitState saga) =>
        new Mark(saga.CurrentStep, saga.CurrentState, saga.Steps.Count, saga.Alerts.Count, saga.StatutoryDeadlinePassed);

    public void Written(PermitState saga, object? before)
    {
        if (before is not Mark mark)
            return;
        var type = new KeyValuePair<string, object?>("permit_type", saga.PermitTypeCode);
        if (saga.CurrentStep is { } step && step != mark.Step)
            PtspMetrics.StepsEntered.Add(1, type, Step(step), new("role", saga.AssignedRole ?? ""));

        for (var i = mark.Steps; i < saga.Steps.Count; i++)
        {
            var record = saga.Steps[i];
            PtspMetrics.StepsCompleted.Add(1, type, Step(record.Step), new("role", record.Role), new("overdue", record.Overdue ? "true" : "false"));
            PtspMetrics.StepWorkingTime.Record(record.WorkingTime.TotalMinutes, type, Step(record.Step));
            if (record.Target is { Ticks: > 0 } target)
                PtspMetrics.StepTargetUsed.Record(record.WorkingTime / target, type, Step(record.Step));
        }

        for (var i = mark.Alerts; i < saga.Alerts.Count; i++)
            PtspMetrics.Alerts.Add(1, type, Step(saga.Alerts[i].Step), new("level", Level(saga.Alerts[i].Level)));
        if (saga.StatutoryDeadlinePassed && !mark.StatutoryPassed)
            PtspMetrics.Alerts.Add(1, type, Step(saga.CurrentStep ?? 10), new("level", "statutory"));

        if (saga.CurrentState != mark.State && Outcome(saga.CurrentState) is { } outcome)
            PtspMetrics.PermitsFinished.Add(1, type, new("outcome", outcome));
    }

    static KeyValuePair<string, object?> Step(int step) => new("step", step.ToString(System.Globalization.CultureInfo.InvariantCulture));

    static string Level(AlertLevel level) => level switch
    {
        AlertLevel.FirstWarning => "first_warning",
        AlertLevel.SecondWarning => "second_warning",
        _ => "breach",
    };

    static string? Outcome(string state) => state switch
    {
        nameof(PermitStateMachine.Issued) => "issued",
        nameof(PermitStateMachine.Rejected) => "rejected",
        nameof(PermitStateMachine.Withdrawn) => "withdrawn",
        nameof(PermitStateMachine.Revoked) => "revoked",
        _ => null,
    };
}
