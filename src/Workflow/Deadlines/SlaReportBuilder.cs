using Ptsp.Contracts;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;
using Ptsp.Workflow.Permits;
using Ptsp.Workflow.Registrations;

namespace Ptsp.Workflow.Deadlines;

/// <summary>
/// The SLA report: the steps that ended in [from, to), grouped by step, by role and by permit type — count,
/// within target, overdue, and the median and 90th percentile (nearest rank) of working time in minutes.
/// </summary>
public static class SlaReportBuilder
{
    /// <summary>Account requests (step 2) are reported under this permit type key.</summary>
    public const string AccountRequests = "PENDAFTARAN_AKUN";

    public static IReadOnlyList<SlaRow> Build(IEnumerable<StepRecord> steps, DateTimeOffset from, DateTimeOffset to)
    {
        var inRange = steps.Where(s => s.EndedAt >= from && s.EndedAt < to).ToList();
        return
        [
            .. Rows("step", inRange.GroupBy(s => s.Step.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(g => int.Parse(g.Key, System.Globalization.CultureInfo.InvariantCulture))),
            .. Rows("role", inRange.GroupBy(s => s.Role).OrderBy(g => g.Key, StringComparer.Ordinal)),
            .. Rows("permitType", inRange.GroupBy(s => s.PermitTypeCode).OrderBy(g => g.Key, StringComparer.Ordinal)),
        ];
    }

    static IEnumerable<SlaRow> Rows(string dimension, IEnumerable<IGrouping<string, StepRecord>> groups) =>
        groups.Select(g =>
        {
            var minutes = g.Select(s => s.WorkingTime.TotalMinutes).Order().ToList();
            var overdue = g.Count(s => s.Overdue);
            return new SlaRow(dimension, g.Key, minutes.Count, minutes.Count - overdue, overdue, Percentile(minutes, 0.5), Percentile(minutes, 0.9));
        });

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(p * sorted.Count) - 1)], 1);

    public static StepRecord? FromRegistration(RegistrationState r, WorkingCalendar calendar) =>
        r.DecidedAt is { } decided
            ? new StepRecord(2, Roles.FrontOffice, AccountRequests, r.SubmittedAt, decided, calendar.Between(r.SubmittedAt, decided), r.StepTarget,
                decided > r.DueAt)
            : null;
}
