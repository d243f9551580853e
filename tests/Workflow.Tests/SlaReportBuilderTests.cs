using Ptsp.Workflow.Deadlines;
using Ptsp.Workflow.Permits;

namespace Ptsp.Workflow.Tests;

public class SlaReportBuilderTests
{
    static readonly DateTimeOffset Day = new(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(7));

    static StepRecord Step(int step, string role, string type, int minutes, bool overdue, int dayOffset = 0) =>
        new(step, role, type, Day.AddDays(dayOffset), Day.AddDays(dayOffset).AddMinutes(minutes), TimeSpan.FromMinutes(minutes), TimeSpan.FromHours(1), overdue);

    [Fact]
    public void The_figures_match_a_hand_computed_set()
    {
        var steps = new[]
        {
            // Step 4 (FrontOffice): 10, 20, 30, 50, 90 minutes; one over the hour.
            Step(4, "FrontOffice", "REKLAME", 30, false),
            Step(4, "FrontOffice", "REKLAME", 10, false),
            Step(4, "FrontOffice", "APOTEK", 90, true),
            Step(4, "FrontOffice", "APOTEK", 50, false),
            Step(4, "FrontOffice", "REKLAME", 20, false),
            // Step 8 (SectionHead): 45 and 75 minutes.
            Step(8, "SectionHead", "REKLAME", 75, true),
            Step(8, "SectionHead", "APOTEK", 45, false),
            // Outside the period: ignored.
            Step(4, "FrontOffice", "REKLAME", 999, true, dayOffset: 30),
        };

        var rows = SlaReportBuilder.Build(steps, Day.AddDays(-1), Day.AddDays(7));

        var step4 = rows.Single(r => r.Dimension == "step" && r.Key == "4");
        Assert.Equal((5, 4, 1), (step4.Count, step4.WithinTarget, step4.Overdue));
        Assert.Equal(30, step4.MedianMinutes);  // nearest rank: ceil(0.5 × 5) = 3rd of 10, 20, 30, 50, 90
        Assert.Equal(90, step4.P90Minutes);     // ceil(0.9 × 5) = 5th
        var step8 = rows.Single(r => r.Dimension == "step" && r.Key == "8");
        Assert.Equal((2, 1, 1, 45.0, 75.0), (step8.Count, step8.WithinTarget, step8.Overdue, step8.MedianMinutes, step8.P90Minutes));

        var reklame = rows.Single(r => r.Dimension == "permitType" && r.Key == "REKLAME");
        Assert.Equal((4, 3, 1), (reklame.Count, reklame.WithinTarget, reklame.Overdue)); // 30, 10, 20, 75
        Assert.Equal(20, reklame.MedianMinutes);
        Assert.Equal(75, reklame.P90Minutes);
        var apotek = rows.Single(r => r.Dimension == "permitType" && r.Key == "APOTEK");
        Assert.Equal((3, 2, 1, 50.0, 90.0), (apotek.Count, apotek.WithinTarget, apotek.Overdue, apotek.MedianMinutes, apotek.P90Minutes));

        // Time used against target: REKLAME's steps took (30 + 10 + 20 + 75) / 4 = 33.75 minutes on average against 60.
        Assert.Equal((33.8, 60.0), (reklame.MeanMinutes, reklame.MeanTargetMinutes));
        Assert.Equal((61.7, 60.0), (apotek.MeanMinutes, apotek.MeanTargetMinutes)); // (90 + 50 + 45) / 3
        Assert.Equal(["FrontOffice", "SectionHead"], rows.Where(r => r.Dimension == "role").Select(r => r.Key));
        Assert.Equal(["4", "8"], rows.Where(r => r.Dimension == "step").Select(r => r.Key));
    }

    [Fact]
    public void Time_against_target_counts_only_the_steps_that_had_a_target()
    {
        var withTarget = Step(4, "FrontOffice", "REKLAME", 30, false) with { Target = TimeSpan.FromMinutes(120) };
        var without = Step(4, "FrontOffice", "REKLAME", 500, false) with { Target = null };
        var rows = SlaReportBuilder.Build([withTarget, without], Day.AddDays(-1), Day.AddDays(7));
        var reklame = rows.Single(r => r.Dimension == "permitType");
        Assert.Equal((2, 30.0, 120.0), (reklame.Count, reklame.MeanMinutes, reklame.MeanTargetMinutes));

        var none = SlaReportBuilder.Build([without], Day.AddDays(-1), Day.AddDays(7)).Single(r => r.Dimension == "permitType");
        Assert.Equal((null, null), (none.MeanMinutes, none.MeanTargetMinutes));
    }

    [Fact]
    public void A_decided_account_request_keeps_its_target_after_the_deadline_was_disarmed()
    {
        var calendar = new Ptsp.Hosting.Calendar.WorkingCalendar(new Ptsp.Hosting.Calendar.CalendarOptions());
        var request = new Ptsp.Workflow.Registrations.RegistrationState
        {
            SubmittedAt = Day, DueAt = Day.AddHours(1), DecidedAt = Day.AddMinutes(30), StepTarget = null,
        };
        var step = SlaReportBuilder.FromRegistration(request, calendar)!;
        Assert.Equal((TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), false), (step.WorkingTime, step.Target, step.Overdue));
    }

    [Fact]
    public void An_empty_period_has_no_rows()
    {
        Assert.Empty(SlaReportBuilder.Build([Step(4, "FrontOffice", "REKLAME", 10, false)], Day.AddDays(1), Day.AddDays(2)));
    }
}
