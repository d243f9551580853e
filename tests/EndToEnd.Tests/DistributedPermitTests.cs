using Ptsp.EndToEnd.Tests.Infrastructure;

namespace Ptsp.EndToEnd.Tests;

/// <summary>The permit SOP across separate processes over RabbitMQ, with two replicas of Intake and of Technical.</summary>
public sealed partial class DistributedPermitTests(DistributedFixture ptsp) : IClassFixture<DistributedFixture>
{
    [Fact]
    public Task A_permit_is_issued_and_another_rejected_with_two_replicas_acting_once() =>
        ptsp.WithLogsOnFailure(async () =>
        {
            var cast = await Cast.AssembleAsync(ptsp.Client, ptsp.Mail, DistributedFixture.OfficerPassword);
            await using var pushed = await EventStream.OpenAsync(ptsp["Gateway"].BaseAddress, cast.ApplicantToken);
            // The exact history in the flows shows each action took effect once, though two replicas listen.
            var ids = await Task.WhenAll(PermitFlow.IssueAsync(ptsp.Client, cast), PermitFlow.RejectAsync(ptsp.Client, cast));

            // The Gateway's own queue on the broker heard every move of both files, each once.
            foreach (var (id, status) in ids.Zip(["Issued", "Rejected"]))
            {
                await pushed.WaitForAsync(e => e.Data?.Get<Guid>("applicationId") == id && e.Data["status"]?.GetValue<string>() == status, status);
                var moves = pushed.About(id);
                Assert.Equal(moves.Count, moves.Select(m => m.Get<int>("version")).Distinct().Count());
            }

            // Two replicas of Intake and of Technical deliver their outboxes, yet the applicant hears of each stage once.
            await ApplicantMails.AssertIssuedAsync(ptsp.Mail, cast, ids[0]);
            await ApplicantMails.AssertRejectedAsync(ptsp.Mail, cast, ids[1]);
        });

    [Fact]
    public Task Restarting_services_in_the_middle_of_the_process_loses_nothing_and_doubles_no_email() =>
        ptsp.WithLogsOnFailure(async () =>
        {
            var cast = await Cast.AssembleAsync(ptsp.Client, ptsp.Mail, DistributedFixture.OfficerPassword, "Hendra Gunawan");
            // Each email's sender is killed right after the action that wrote it (returned: Intake; scheduled: Technical; signed: Signing).
            var restarts = new Dictionary<string, string>
            {
                ["submitted"] = "Workflow",
                ["returned"] = "Intake",
                ["accepted"] = "Technical",
                ["recommended"] = "Signing",
                ["drafted"] = "Intake-2",
                ["signed"] = "Signing",
            };
            var id = await PermitFlow.IssueAsync(ptsp.Client, cast, checkpoint => ptsp.RestartAsync(restarts[checkpoint]));
            await ApplicantMails.AssertIssuedAsync(ptsp.Mail, cast, id);
        });
}
