using Ptsp.EndToEnd.Tests.Infrastructure;

namespace Ptsp.EndToEnd.Tests;

public sealed class EmbeddedPermitTests(EmbeddedFixture ptsp) : IClassFixture<EmbeddedFixture>
{
    [Fact]
    public async Task A_permit_travels_the_whole_SOP_to_Issued_with_the_return_loops_and_the_applicant_is_emailed_once_per_stage()
    {
        var cast = await Cast.AssembleAsync(ptsp.Client, ptsp.Mail, EmbeddedFixture.OfficerPassword);
        var id = await PermitFlow.IssueAsync(ptsp.Client, cast);
        await ApplicantMails.AssertIssuedAsync(ptsp.Mail, cast, id);
    }

    [Fact]
    public async Task A_rejected_recommendation_ends_in_a_signed_rejection_letter_emailed_to_the_applicant()
    {
        var cast = await Cast.AssembleAsync(ptsp.Client, ptsp.Mail, EmbeddedFixture.OfficerPassword, "Lina Marlina");
        var id = await PermitFlow.RejectAsync(ptsp.Client, cast);
        await ApplicantMails.AssertRejectedAsync(ptsp.Mail, cast, id);
    }
}
