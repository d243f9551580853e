using Ptsp.EndToEnd.Tests.Infrastructure;

namespace Ptsp.EndToEnd.Tests;

public sealed class EmbeddedPermitTests(EmbeddedFixture ptsp) : IClassFixture<EmbeddedFixture>
{
    [Fact]
    public async Task A_permit_travels_the_whole_SOP_to_Issued_with_the_return_loops()
    {
        var cast = await Cast.AssembleAsync(ptsp.Client, ptsp.Mail, EmbeddedFixture.OfficerPassword);
        await PermitFlow.IssueAsync(ptsp.Client, cast);
    }

    [Fact]
    public async Task A_rejected_recommendation_ends_in_a_signed_rejection_letter()
    {
        var cast = await Cast.AssembleAsync(ptsp.Client, ptsp.Mail, EmbeddedFixture.OfficerPassword, "Lina Marlina");
        await PermitFlow.RejectAsync(ptsp.Client, cast);
    }
}
