using Ptsp.EndToEnd.Tests.Infrastructure;

namespace Ptsp.EndToEnd.Tests;

/// <summary>The Gateway's push channel: who is told about a move of a file, once, and what a reconnecting client gets.</summary>
public sealed class PushChannelTests(EmbeddedFixture ptsp) : IClassFixture<EmbeddedFixture>
{
    Uri Gateway => ptsp.Host.BaseAddress;

    [Fact]
    public async Task A_move_is_told_once_to_its_applicant_and_to_the_officers_of_both_desks_and_to_no_one_else()
    {
        var cast = await Cast.AssembleAsync(ptsp.Client, ptsp.Mail, EmbeddedFixture.OfficerPassword, "Dewi Lestari");
        var (_, otherToken, _) = await Cast.ActiveApplicantAsync(ptsp.Client, ptsp.Mail, cast["FrontOffice"], "Agus Salim");
        await using var owner = await EventStream.OpenAsync(Gateway, cast.ApplicantToken);
        await using var other = await EventStream.OpenAsync(Gateway, otherToken);
        await using var frontOffice = await EventStream.OpenAsync(Gateway, cast["FrontOffice"]);
        await using var backOffice = await EventStream.OpenAsync(Gateway, cast["BackOffice"]);
        await using var signing = await EventStream.OpenAsync(Gateway, cast["AgencyHead"]);

        var id = await PermitFlow.ApplyAsync(ptsp.Client, cast, "REKLAME");
        await frontOffice.WaitForStepAsync(id, 4, "FrontOffice");
        await ptsp.Client.ActAsync(id, "completeness", new { complete = true }, cast["FrontOffice"]);
        await backOffice.WaitForStepAsync(id, 5, "BackOffice");
        await owner.WaitForStepAsync(id, 5, "BackOffice");

        // The applicant follows every move of their file, each once and in order.
        Assert.Equal([(3, "Applicant"), (4, "FrontOffice"), (4, null), (5, "BackOffice")],
            owner.About(id).Select(e => (e["currentStep"]?.GetValue<int>(), e["assignedRole"]?.GetValue<string>())).ToList<(int?, string?)>());
        Assert.Equal("InTechnicalReview", owner.About(id)[^1].Get<string>("status"));
        // Front office: the file came to its desk and left it; back office: it came.
        Assert.Equal([(4, "FrontOffice"), (4, null)],
            frontOffice.About(id).Select(e => (e["currentStep"]?.GetValue<int>(), e["assignedRole"]?.GetValue<string>())).ToList<(int?, string?)>());
        Assert.Equal("FrontOffice", frontOffice.About(id)[^1].Get<string>("previousRole"));
        Assert.Single(backOffice.About(id));
        // Neither another applicant nor a desk the file never reached hears of it.
        Assert.Empty(other.About(id));
        Assert.Empty(signing.About(id));
        Assert.Equal(owner.Events.Where(e => e.Id is not null).Select(e => e.Id).Distinct().Count(), owner.Events.Count(e => e.Id is not null));
    }

    [Fact]
    public async Task A_client_that_reconnects_with_its_last_event_id_gets_what_it_missed_and_nothing_twice()
    {
        var cast = await Cast.AssembleAsync(ptsp.Client, ptsp.Mail, EmbeddedFixture.OfficerPassword, "Yusuf Hidayat");
        string lastSeen;
        Guid id;
        await using (var first = await EventStream.OpenAsync(Gateway, cast.ApplicantToken))
        {
            id = await PermitFlow.ApplyAsync(ptsp.Client, cast, "REKLAME");
            lastSeen = (await first.WaitForStepAsync(id, 4, "FrontOffice")).Id!;
        }

        // While the applicant is away, the front office accepts the file.
        await using (var backOffice = await EventStream.OpenAsync(Gateway, cast["BackOffice"]))
        {
            await ptsp.Client.ActAsync(id, "completeness", new { complete = true }, cast["FrontOffice"]);
            await backOffice.WaitForStepAsync(id, 5, "BackOffice");
        }

        await using var resumed = await EventStream.OpenAsync(Gateway, cast.ApplicantToken, lastSeen);
        await resumed.WaitForStepAsync(id, 5, "BackOffice");
        Assert.Equal([(4, null), (5, "BackOffice")],
            resumed.About(id).Select(e => (e["currentStep"]?.GetValue<int>(), e["assignedRole"]?.GetValue<string>())).ToList<(int?, string?)>());
        Assert.DoesNotContain(resumed.Events, e => e.Type == "reset");

        // An id the Gateway cannot place: the client is told to reload instead of silently missing changes.
        await using var lost = await EventStream.OpenAsync(Gateway, cast.ApplicantToken, "not-an-event-id");
        await lost.WaitForAsync(e => e.Type == "reset", "reset");
    }

    [Fact]
    public async Task The_stream_needs_a_signed_in_user()
    {
        var response = await ptsp.Client.GetAsync("/api/v1/stream");
        await PtspClient.ExpectProblem(response, System.Net.HttpStatusCode.Unauthorized);
    }
}
