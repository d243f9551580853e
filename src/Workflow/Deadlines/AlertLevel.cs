namespace Ptsp.Workflow.Deadlines;

public enum AlertLevel
{
    /// <summary>The first warning (default at 50 % of the step's target).</summary>
    FirstWarning,

    /// <summary>The second warning (default at 80 %).</summary>
    SecondWarning,

    /// <summary>The target passed: the step is overdue and the supervisor is alerted.</summary>
    Breach,
}
