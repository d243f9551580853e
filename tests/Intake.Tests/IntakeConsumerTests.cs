using MassTransit;
using Microsoft.Extensions.Time.Testing;
using Ptsp.Contracts.Common;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Storage;
using Ptsp.Intake.Applications;
using Ptsp.Intake.Consumers;
using Ptsp.ServiceTests;

namespace Ptsp.Intake.Tests;

/// <summary>
/// SOP steps 3–4 at Intake's own door: each command's main path, its refusals (the wrong step names the current step; bad input names
/// its fields) and that a repeat neither writes nor announces anything a second time.
/// </summary>
public sealed class IntakeConsumerTests : IAsyncLifetime
{
    const string PermitType = "PENELITIAN";
    static readonly string[] Required = ["KTP", "SURAT_PENGANTAR", "PROPOSAL"];
    static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, Wib));
    ServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ServiceTestHost.StartAsync(b => b.AddIntakeService(), _time);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    Task<IDocumentCollection<Application>> Applications() => _host.Get<IntakeStore>().ApplicationsAsync();

    static CreateApplication Create(string? key = null, string applicant = "budi") =>
        new(NewId.NextGuid(), applicant, "Budi Santoso", PermitType, "CV Maju Bersama", "Jl. Veteran No. 1, Purwakarta", "Penelitian tanah sawah.",
            "budi@contoh.co.id", key);

    async Task<Guid> DraftAsync()
    {
        var (accepted, refused) = await _host.SendAsync(Create());
        Assert.Null(refused);
        return accepted!.Id;
    }

    /// <summary>The documents as the upload endpoint stores them (the upload itself is HTTP, not a message).</summary>
    async Task UploadAsync(Guid id, params string[] codes)
    {
        var applications = await Applications();
        var stored = (await applications.FindAsync(id.ToString()))!;
        foreach (var code in codes)
            stored.Document.Documents[code] = new RequirementDocument(NewId.NextGuid(), "application/pdf", new string('a', 64), 1024, _time.GetUtcNow());
        await applications.ReplaceAsync(stored.Id, stored.Document, stored.Version);
    }

    async Task<Guid> SubmittedAsync()
    {
        var id = await DraftAsync();
        await UploadAsync(id, Required);
        var (_, refused) = await _host.SendAsync(new SubmitApplication(id, "budi"));
        Assert.Null(refused);
        return id;
    }

    [Fact]
    public async Task A_draft_is_created_once_and_announced_once_even_when_the_request_is_repeated_with_its_idempotency_key()
    {
        var key = Guid.NewGuid().ToString();
        var (first, _) = await _host.SendAsync(Create(key));
        var (repeat, _) = await _host.SendAsync(Create(key));

        Assert.NotNull(first);
        Assert.Equal(first.Id, repeat!.Id);
        var consumer = _host.Harness.GetConsumerHarness<CreateApplicationConsumer>();
        Assert.True(await consumer.Consumed.Any<CreateApplication>(m => m.Context.Message.IdempotencyKey == key));
        Assert.Equal(2, consumer.Consumed.Select<CreateApplication>(m => m.Context.Message.IdempotencyKey == key).Count());

        await _host.DeliverOutboxAsync();
        Assert.True(await _host.Harness.Published.Any<ApplicationCreated>(m => m.Context.Message.ApplicationId == first.Id));
        Assert.Equal(1, _host.PublishedCount<ApplicationCreated>(m => m.ApplicationId == first.Id));
        var stored = (await (await Applications()).FindAsync(first.Id.ToString()))!;
        Assert.Equal(ApplicationState.Draft, stored.Document.State);
        Assert.Equal("budi", stored.Document.ApplicantUsername);
        Assert.Equal(0, await ServiceTestHost.PendingAsync((await Applications())));

        // The same key for another permit type is the client's mistake, not a repeat.
        var (_, reused) = await _host.SendAsync(Create(key) with { PermitTypeCode = "REKLAME" });
        Assert.Equal(RefusalKind.Conflict, reused!.Kind);
    }

    [Fact]
    public async Task A_draft_with_missing_or_unknown_fields_is_refused_field_by_field_and_nothing_is_stored()
    {
        var command = new CreateApplication(NewId.NextGuid(), "budi", "Budi", "TIDAK-ADA", " ", "", new string('x', 4001), null, "ada spasi");
        var (accepted, refused) = await _host.SendAsync(command);

        Assert.Null(accepted);
        Assert.Equal(RefusalKind.Invalid, refused!.Kind);
        Assert.Equal(["Idempotency-Key", "businessAddress", "businessName", "description", "permitTypeCode"], refused.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("wajib diisi", refused.Errors["businessName"][0]);
        Assert.Null(await (await Applications()).FindAsync(command.ApplicationId.ToString()));
        await _host.DeliverOutboxAsync();
        Assert.Equal(0, _host.PublishedCount<ApplicationCreated>(_ => true));
    }

    [Fact]
    public async Task Submitting_without_every_required_document_is_refused_naming_the_missing_ones_and_a_second_submit_is_a_conflict()
    {
        var id = await DraftAsync();
        await UploadAsync(id, "KTP");

        var (_, missing) = await _host.SendAsync(new SubmitApplication(id, "budi"));
        Assert.Equal(RefusalKind.Invalid, missing!.Kind);
        Assert.Contains("SURAT_PENGANTAR", missing.Errors!["documents"][0]);
        Assert.Contains("PROPOSAL", missing.Errors["documents"][0]);

        // Someone else's file does not exist for them.
        Assert.Equal(RefusalKind.NotFound, (await _host.SendAsync(new SubmitApplication(id, "orang-lain"))).Refused!.Kind);

        await UploadAsync(id, "SURAT_PENGANTAR", "PROPOSAL");
        Assert.NotNull((await _host.SendAsync(new SubmitApplication(id, "budi"))).Accepted);
        var (_, again) = await _host.SendAsync(new SubmitApplication(id, "budi"));
        Assert.Equal(RefusalKind.Conflict, again!.Kind);
        Assert.Equal(4, again.CurrentStep);

        await _host.DeliverOutboxAsync();
        Assert.True(await _host.Harness.Published.Any<ApplicationSubmitted>(m => m.Context.Message.ApplicationId == id));
        Assert.Equal(1, _host.PublishedCount<ApplicationSubmitted>(m => m.ApplicationId == id));
    }

    [Fact]
    public async Task The_completeness_check_of_a_draft_is_refused_with_step_3_and_changes_nothing()
    {
        var id = await DraftAsync();
        var before = (await (await Applications()).FindAsync(id.ToString()))!;

        var (_, refused) = await _host.SendAsync(new RecordCompletenessCheck(id, "frontoffice", true, [], null));

        Assert.Equal(RefusalKind.Conflict, refused!.Kind);
        Assert.Equal(3, refused.CurrentStep);
        Assert.True(await _host.Harness.GetConsumerHarness<RecordCompletenessCheckConsumer>().Consumed
            .Any<RecordCompletenessCheck>(m => m.Context.Message.ApplicationId == id));
        var after = (await (await Applications()).FindAsync(id.ToString()))!;
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(ApplicationState.Draft, after.Document.State);
        Assert.Equal(RefusalKind.NotFound, (await _host.SendAsync(new RecordCompletenessCheck(NewId.NextGuid(), "frontoffice", true, [], null))).Refused!.Kind);
    }

    [Fact]
    public async Task An_invalid_completeness_check_is_refused_by_field_and_the_file_stays_at_step_4()
    {
        var id = await SubmittedAsync();
        var before = (await (await Applications()).FindAsync(id.ToString()))!;

        foreach (var (command, field) in new[]
                 {
                     (new RecordCompletenessCheck(id, "frontoffice", null, [], null), "complete"),
                     (new RecordCompletenessCheck(id, "frontoffice", false, [], "Kurang."), "missingRequirements"),
                     (new RecordCompletenessCheck(id, "frontoffice", false, ["SIUP"], "Kurang."), "missingRequirements"),
                     (new RecordCompletenessCheck(id, "frontoffice", false, ["KTP"], " "), "note"),
                 })
        {
            var (_, refused) = await _host.SendAsync(command);
            Assert.Equal(RefusalKind.Invalid, refused!.Kind);
            Assert.Equal([field], refused.Errors!.Keys);
        }

        var after = (await (await Applications()).FindAsync(id.ToString()))!;
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(ApplicationState.Submitted, after.Document.State);
    }

    [Fact]
    public async Task A_complete_file_gets_one_receipt_and_one_acceptance_and_a_repeated_check_is_refused_without_a_second_number()
    {
        var id = await SubmittedAsync();

        Assert.NotNull((await _host.SendAsync(new RecordCompletenessCheck(id, "frontoffice", true, [], null, new OfficerIdentity("Rina", null, null)))).Accepted);
        var accepted = (await (await Applications()).FindAsync(id.ToString()))!;
        Assert.Equal(ApplicationState.Accepted, accepted.Document.State);
        Assert.Equal("503/0001/TT-PNL/DPMPTSP/XI/2026", accepted.Document.ReceiptNumber);

        foreach (var repeat in new[]
                 {
                     new RecordCompletenessCheck(id, "frontoffice", true, [], null),
                     new RecordCompletenessCheck(id, "frontoffice", false, ["KTP"], "Kurang."),
                 })
        {
            var (_, refused) = await _host.SendAsync(repeat);
            Assert.Equal(RefusalKind.Conflict, refused!.Kind);
            Assert.Equal("Permohonan ini tidak sedang menunggu pemeriksaan kelengkapan (langkah 4).", refused.Message);
            Assert.Null(refused.CurrentStep); // after the receipt the file is Technical's; Intake does not guess its step
        }

        var after = (await (await Applications()).FindAsync(id.ToString()))!;
        Assert.Equal(accepted.Version, after.Version);
        Assert.Equal(accepted.Document.ReceiptNumber, after.Document.ReceiptNumber);

        await _host.DeliverOutboxAsync();
        Assert.True(await _host.Harness.Published.Any<ApplicationAccepted>(m => m.Context.Message.ApplicationId == id));
        var published = Assert.Single(_host.Harness.Published.Select<ApplicationAccepted>()).Context.Message;
        Assert.Equal((accepted.Document.ReceiptNumber, "frontoffice", 5), (published.ReceiptNumber, published.Officer, published.StatutoryWorkingDays));
        Assert.Equal(0, _host.PublishedCount<ApplicationReturned>(m => m.ApplicationId == id));

        // The receipt is a real PDF that names its number; the next file gets the next number (the repeat claimed none).
        await using (var receipt = await _host.Get<IntakeStore>().Files.OpenAsync(IntakeStore.ReceiptKey(id)))
        {
            using var bytes = new MemoryStream();
            await receipt!.CopyToAsync(bytes);
            Assert.Contains(accepted.Document.ReceiptNumber!, ServiceTestHost.Poppler("pdftotext", bytes.ToArray()));
        }

        var next = await SubmittedAsync();
        Assert.NotNull((await _host.SendAsync(new RecordCompletenessCheck(next, "frontoffice", true, [], null))).Accepted);
        Assert.Equal("503/0002/TT-PNL/DPMPTSP/XI/2026", (await (await Applications()).FindAsync(next.ToString()))!.Document.ReceiptNumber);
    }

    [Fact]
    public async Task An_incomplete_file_goes_back_to_the_applicant_and_is_resubmitted_only_once_the_missing_documents_are_replaced()
    {
        var id = await SubmittedAsync();
        Assert.NotNull((await _host.SendAsync(new RecordCompletenessCheck(id, "frontoffice", false, ["KTP"], "KTP tidak terbaca."))).Accepted);
        var (_, again) = await _host.SendAsync(new RecordCompletenessCheck(id, "frontoffice", false, ["KTP"], "KTP tidak terbaca."));
        Assert.Equal(3, again!.CurrentStep);

        _time.Advance(TimeSpan.FromMinutes(10));
        var (_, notReplaced) = await _host.SendAsync(new ResubmitApplication(id, "budi"));
        Assert.Equal(RefusalKind.Invalid, notReplaced!.Kind);
        Assert.Contains("KTP", notReplaced.Errors!["documents"][0]);

        await UploadAsync(id, "KTP");
        Assert.NotNull((await _host.SendAsync(new ResubmitApplication(id, "budi"))).Accepted);
        Assert.Equal(4, (await _host.SendAsync(new ResubmitApplication(id, "budi"))).Refused!.CurrentStep);

        await _host.DeliverOutboxAsync();
        Assert.True(await _host.Harness.Published.Any<ApplicationReturned>(m => m.Context.Message.ApplicationId == id));
        Assert.Equal(1, _host.PublishedCount<ApplicationReturned>(m => m.ApplicationId == id));
        Assert.Equal([1, 2], _host.Harness.Published.Select<ApplicationSubmitted>().Select(m => m.Context.Message.Round).Order());
        // The applicant was told by email, once per event that concerns them (submitted, returned, submitted again).
        Assert.Equal(3, Directory.GetFiles(_host.MailDirectory, "*.eml").Length);
    }
}
