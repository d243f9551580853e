using Ptsp.Hosting.Calendar;

namespace Ptsp.Workflow.Deadlines;

/// <summary>
/// The escalation ladder of one step: a warning at each configured fraction of the target (in working
/// time), then the breach at the target itself. Arming computes the next alert time from the step's start;
/// firing moves to the next rung. Both are pure over the saga's fields, so the clock is data, not a timer.
/// </summary>
public sealed class Escalation(WorkingCalendar calendar, EscalationOptions options)
{
    public EscalationOptions Options => options;

    /// <summary>
    /// Arms the first alert of the step that just started (none when no agency clock runs); its due time is set. A target in
    /// working days is kept as the working time it spans, so the warnings fall at their fraction of it.
    /// </summary>
    public void Arm(IDeadline saga, SlaTarget? sla)
    {
        Arm(saga, sla is { } s && saga.StepStartedAt is { } start && saga.DueAt is { } due
            ? s.InDays ? calendar.Between(start, due) : s.WorkingTime
            : null);
    }

    /// <summary>After the calendar changed: the step's target spans other working time, and the rung it waits for falls elsewhere.</summary>
    public void Rearm(IDeadline saga, SlaTarget sla)
    {
        if (saga.StepStartedAt is not { } start || saga.DueAt is not { } due)
            return;
        saga.StepTarget = sla.InDays ? calendar.Between(start, due) : sla.WorkingTime;
        var before = saga.NextAlertAt;
        saga.NextAlertAt = saga.NextAlert is { } next ? AlertTime(saga, next) : null;
        // Armed anew: a deadline message sent for the old time is stale, and the one for the new time gets an id of its own
        // (the saga's inbox would otherwise drop it as the message it already ignored).
        if (saga.NextAlertAt != before && saga.NextAlertAt is not null)
            saga.DeadlineToken = MassTransit.NewId.NextGuid();
    }

    void Arm(IDeadline saga, TimeSpan? target)
    {
        saga.StepTarget = target;
        if (target is null || saga.StepStartedAt is null)
        {
            saga.NextAlert = null;
            saga.NextAlertAt = null;
            saga.DeadlineToken = null;
            return;
        }

        // A new step visit: a deadline message armed for an earlier one is stale from now on.
        saga.DeadlineToken = MassTransit.NewId.NextGuid();
        saga.NextAlert = AlertLevel.FirstWarning;
        saga.NextAlertAt = AlertTime(saga, AlertLevel.FirstWarning);
    }

    public void Disarm(IDeadline saga) => Arm(saga, (TimeSpan?)null);

    /// <summary>Moves past the alert that just fired, to the next rung (none after the breach).</summary>
    public void Advance(IDeadline saga)
    {
        saga.NextAlert = saga.NextAlert switch
        {
            AlertLevel.FirstWarning => AlertLevel.SecondWarning,
            AlertLevel.SecondWarning => AlertLevel.Breach,
            _ => null,
        };
        saga.NextAlertAt = saga.NextAlert is { } next ? AlertTime(saga, next) : null;
    }

    DateTimeOffset AlertTime(IDeadline saga, AlertLevel level)
    {
        var target = saga.StepTarget!.Value;
        var fraction = level switch
        {
            AlertLevel.FirstWarning => options.FirstWarning,
            AlertLevel.SecondWarning => options.SecondWarning,
            _ => 1.0,
        };
        return level == AlertLevel.Breach && saga.DueAt is { } due
            ? due
            : calendar.Add(saga.StepStartedAt!.Value, TimeSpan.FromTicks((long)(target.Ticks * fraction)));
    }
}
