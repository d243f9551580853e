using MassTransit;
using Microsoft.Extensions.Time.Testing;
using Ptsp.Contracts;
using Ptsp.Contracts.Common;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Storage;
using Ptsp.ServiceTests;
using Ptsp.Signing.Consumers;
using Ptsp.Signing.Decisions;

namespace Ptsp.Signing.Tests;

/// <summary>
/// SOP steps 7–10 at Signing's own door: opening for drafting, the draft, the two verifications, the signature and the revocation;
/// refusals by step (naming the current step), by role or sector, and by field; repeats that neither write nor announce twice.
/// </summary>
public sealed class SigningConsumerTests : IAsyncLifetime
{
    const string Sector = "NONPERIZINAN";
    static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, Wib));
    ServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ServiceTestHost.StartAsync(b => b.AddSigningService(), _time);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    Task<IDocumentCollection<DecisionCase>> Decisions() => _host.Get<SigningStore>().DecisionsAsync();

    async Task<Stored<DecisionCase>?> FindAsync(Guid id) => await (await Decisions()).FindAsync(id.ToString());

    /// <summary>Workflow's command after the recommendation, sent to Signing's queue as the saga's outbox sends it; waits until consumed.</summary>
    async Task OpenAsync(Guid id, Recommendation recommendation = Recommendation.Approve)
    {
        var messageId = NewId.NextGuid();
        var endpoint = await _host.Harness.Bus.GetSendEndpoint(Queues.Address(Queues.OpenDrafting));
        await endpoint.Send(new OpenDrafting(id, "budi", "Budi Santoso", "CV Maju Bersama", "PENELITIAN", "Surat Izin Penelitian", recommendation,
            "budi@contoh.co.id", "503/0001/TT-PNL/DPMPTSP/XI/2026", "Sesuai ketentuan.", Sector), c => c.MessageId = messageId);
        Assert.True(await _host.Harness.GetConsumerHarness<OpenDraftingConsumer>().Consumed.Any<OpenDrafting>(m => m.Context.MessageId == messageId),
            "OpenDrafting was not consumed.");
    }

    static DraftDecision Draft(Guid id, DecisionKind? kind = DecisionKind.Permit) => new(id, "backoffice", kind, "Memberikan izin penelitian.");

    static VerifyDecision Verify(Guid id, string role, bool? approve = true, string? note = null) =>
        new(id, role == Roles.SectionHead ? "kasi" : "kabid", role, approve, note, role == Roles.SectionHead ? [Sector] : null);

    async Task<Guid> AwaitingSignatureAsync()
    {
        var id = NewId.NextGuid();
        await OpenAsync(id);
        Assert.NotNull((await _host.SendAsync(Draft(id))).Accepted);
        Assert.NotNull((await _host.SendAsync(Verify(id, Roles.SectionHead))).Accepted);
        Assert.NotNull((await _host.SendAsync(Verify(id, Roles.DivisionHead))).Accepted);
        Assert.Equal(10, (await FindAsync(id))!.Document.Step);
        return id;
    }

    [Fact]
    public async Task Drafting_opened_twice_is_one_decision_announced_once()
    {
        var id = NewId.NextGuid();
        await OpenAsync(id);
        var opened = (await FindAsync(id))!;
        await OpenAsync(id, Recommendation.Reject);

        var after = (await FindAsync(id))!;
        Assert.Equal(opened.Version, after.Version);
        Assert.Equal(Recommendation.Approve, after.Document.Recommendation);
        await _host.DeliverOutboxAsync();
        Assert.True(await _host.Harness.Published.Any<DraftingOpened>(m => m.Context.Message.ApplicationId == id));
        Assert.Equal(1, _host.PublishedCount<DraftingOpened>(m => m.ApplicationId == id));
    }

    [Fact]
    public async Task A_draft_before_drafting_is_opened_is_a_conflict_and_a_draft_of_the_wrong_kind_is_refused_by_field()
    {
        var id = NewId.NextGuid();
        var (_, early) = await _host.SendAsync(Draft(id));
        Assert.Equal(RefusalKind.Conflict, early!.Kind);
        Assert.Null(early.CurrentStep);
        Assert.Null(await FindAsync(id));

        await OpenAsync(id);
        var before = (await FindAsync(id))!;
        var (_, wrongKind) = await _host.SendAsync(Draft(id, DecisionKind.Rejection));
        Assert.Equal(RefusalKind.Invalid, wrongKind!.Kind);
        Assert.Contains("Permit", wrongKind.Errors!["kind"][0]);
        Assert.Equal(["kind"], (await _host.SendAsync(Draft(id, null))).Refused!.Errors!.Keys);
        Assert.Equal(["reasons"], (await _host.SendAsync(Draft(id) with { Reasons = ["Tidak sesuai."] })).Refused!.Errors!.Keys);
        Assert.Equal(before.Version, (await FindAsync(id))!.Version);
    }

    [Fact]
    public async Task The_draft_goes_to_the_section_head_once_and_a_repeat_is_refused_with_step_8()
    {
        var id = NewId.NextGuid();
        await OpenAsync(id);

        Assert.NotNull((await _host.SendAsync(Draft(id))).Accepted);
        var drafted = (await FindAsync(id))!;
        var (_, repeat) = await _host.SendAsync(Draft(id));

        Assert.Equal(RefusalKind.Conflict, repeat!.Kind);
        Assert.Equal(8, repeat.CurrentStep);
        Assert.Equal(drafted.Version, (await FindAsync(id))!.Version);
        Assert.Single(drafted.Document.Drafts);
        await _host.DeliverOutboxAsync();
        Assert.True(await _host.Harness.Published.Any<DecisionDrafted>(m => m.Context.Message.ApplicationId == id));
        Assert.Equal(1, _host.PublishedCount<DecisionDrafted>(m => m.ApplicationId == id && m.Revision == 1));
    }

    [Fact]
    public async Task Verification_is_refused_at_the_other_verifiers_step_outside_the_section_heads_sector_and_without_its_fields()
    {
        var id = NewId.NextGuid();
        await OpenAsync(id);
        Assert.NotNull((await _host.SendAsync(Draft(id))).Accepted);
        var before = (await FindAsync(id))!;

        var (_, divisionTooEarly) = await _host.SendAsync(Verify(id, Roles.DivisionHead));
        Assert.Equal(RefusalKind.Conflict, divisionTooEarly!.Kind);
        Assert.Equal(8, divisionTooEarly.CurrentStep);
        var (_, otherSector) = await _host.SendAsync(Verify(id, Roles.SectionHead) with { Sectors = ["KESEHATAN"] });
        Assert.Equal(RefusalKind.Forbidden, otherSector!.Kind);
        Assert.Equal(RefusalKind.Forbidden, (await _host.SendAsync(Verify(id, Roles.BackOffice))).Refused!.Kind);
        Assert.Equal(["approve"], (await _host.SendAsync(Verify(id, Roles.SectionHead, approve: null))).Refused!.Errors!.Keys);
        Assert.Equal(["note"], (await _host.SendAsync(Verify(id, Roles.SectionHead, approve: false))).Refused!.Errors!.Keys);

        Assert.Equal(before.Version, (await FindAsync(id))!.Version);
        await _host.DeliverOutboxAsync();
        Assert.Equal(0, _host.PublishedCount<DecisionVerified>(m => m.ApplicationId == id));
    }

    [Fact]
    public async Task Each_verifier_validates_once_and_a_repeated_verification_is_refused_with_the_next_step()
    {
        var id = NewId.NextGuid();
        await OpenAsync(id);
        Assert.NotNull((await _host.SendAsync(Draft(id))).Accepted);

        Assert.NotNull((await _host.SendAsync(Verify(id, Roles.SectionHead))).Accepted);
        Assert.Equal(9, (await _host.SendAsync(Verify(id, Roles.SectionHead))).Refused!.CurrentStep);
        Assert.NotNull((await _host.SendAsync(Verify(id, Roles.DivisionHead))).Accepted);
        var verified = (await FindAsync(id))!;
        Assert.Equal(10, (await _host.SendAsync(Verify(id, Roles.DivisionHead))).Refused!.CurrentStep);

        Assert.Equal(verified.Version, (await FindAsync(id))!.Version);
        Assert.Equal(2, verified.Document.Reviews.Count);
        await _host.DeliverOutboxAsync();
        Assert.True(await _host.Harness.Published.Any<DecisionVerified>(m => m.Context.Message.Role == Roles.DivisionHead));
        Assert.Equal([Roles.DivisionHead, Roles.SectionHead],
            _host.Harness.Published.Select<DecisionVerified>().Select(m => m.Context.Message.Role).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_return_at_any_verification_sends_the_draft_back_to_step_7_with_its_note()
    {
        var id = NewId.NextGuid();
        await OpenAsync(id);
        Assert.NotNull((await _host.SendAsync(Draft(id))).Accepted);

        Assert.NotNull((await _host.SendAsync(Verify(id, Roles.SectionHead, approve: false, note: "Perbaiki dasar hukum."))).Accepted);

        Assert.Equal(7, (await FindAsync(id))!.Document.Step);
        Assert.Equal(7, (await _host.SendAsync(Verify(id, Roles.SectionHead))).Refused!.CurrentStep);
        await _host.DeliverOutboxAsync();
        Assert.True(await _host.Harness.Published.Any<DecisionReturned>(m => m.Context.Message.ApplicationId == id));
        Assert.Equal("Perbaiki dasar hukum.", Assert.Single(_host.Harness.Published.Select<DecisionReturned>()).Context.Message.Note);
    }

    [Fact]
    public async Task The_head_signs_once_a_real_signed_pdf_with_one_number_and_a_repeat_is_refused_without_a_second_permit()
    {
        var id = await AwaitingSignatureAsync();
        Assert.Equal(["approve"], (await _host.SendAsync(new SignDecision(id, "kepala", "Kepala DPMPTSP", null, null))).Refused!.Errors!.Keys);
        Assert.Equal(["note"], (await _host.SendAsync(new SignDecision(id, "kepala", "Kepala DPMPTSP", false, ""))).Refused!.Errors!.Keys);

        Assert.NotNull((await _host.SendAsync(new SignDecision(id, "kepala", "Dr. H. Kepala", true, null))).Accepted);
        var signed = (await FindAsync(id))!;
        var (_, repeat) = await _host.SendAsync(new SignDecision(id, "kepala", "Dr. H. Kepala", true, null));

        Assert.Equal(RefusalKind.Conflict, repeat!.Kind);
        Assert.Null(repeat.CurrentStep);
        var after = (await FindAsync(id))!;
        Assert.Equal(signed.Version, after.Version);
        Assert.Equal("503/0001/IZN-PNL/DPMPTSP/XI/2026", after.Document.DocumentNumber);

        await _host.DeliverOutboxAsync();
        Assert.True(await _host.Harness.Published.Any<PermitIssued>(m => m.Context.Message.ApplicationId == id));
        Assert.Equal(after.Document.DocumentNumber, Assert.Single(_host.Harness.Published.Select<PermitIssued>()).Context.Message.DocumentNumber);
        Assert.Equal(0, _host.PublishedCount<PermitRejected>(_ => true));

        byte[] pdf;
        await using (var stored = await _host.Get<SigningStore>().Files.OpenAsync(SigningStore.DecisionKey(id)))
        {
            using var bytes = new MemoryStream();
            await stored!.CopyToAsync(bytes);
            pdf = bytes.ToArray();
        }

        Assert.Equal(after.Document.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(pdf)));
        Assert.Contains("Signature is Valid", ServiceTestHost.Poppler("pdfsig", pdf));
        Assert.Contains(after.Document.DocumentNumber!, ServiceTestHost.Poppler("pdftotext", pdf));
    }

    [Fact]
    public async Task A_signed_permit_is_revoked_once_with_a_reason_and_an_unsigned_one_cannot_be()
    {
        var id = await AwaitingSignatureAsync();
        var (_, unsigned) = await _host.SendAsync(new RevokePermit(id, "kepala", "Dr. H. Kepala", "Pelanggaran."));
        Assert.Equal(RefusalKind.Conflict, unsigned!.Kind);
        Assert.Equal(10, unsigned.CurrentStep);

        Assert.NotNull((await _host.SendAsync(new SignDecision(id, "kepala", "Dr. H. Kepala", true, null))).Accepted);
        Assert.Equal(["reason"], (await _host.SendAsync(new RevokePermit(id, "kepala", "Dr. H. Kepala", " "))).Refused!.Errors!.Keys);
        Assert.NotNull((await _host.SendAsync(new RevokePermit(id, "kepala", "Dr. H. Kepala", "Usaha tidak dijalankan."))).Accepted);
        var revoked = (await FindAsync(id))!;
        Assert.Equal(RefusalKind.Conflict, (await _host.SendAsync(new RevokePermit(id, "kepala", "Dr. H. Kepala", "Lagi."))).Refused!.Kind);

        Assert.Equal(revoked.Version, (await FindAsync(id))!.Version);
        Assert.Equal("Usaha tidak dijalankan.", revoked.Document.RevocationReason);
        await _host.DeliverOutboxAsync();
        Assert.True(await _host.Harness.Published.Any<PermitRevoked>(m => m.Context.Message.ApplicationId == id));
        Assert.Equal(1, _host.PublishedCount<PermitRevoked>(m => m.ApplicationId == id));
    }
}
