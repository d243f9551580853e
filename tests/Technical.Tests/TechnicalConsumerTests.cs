using MassTransit;
using Microsoft.Extensions.Time.Testing;
using Ptsp.Contracts.Common;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Storage;
using Ptsp.ServiceTests;
using Ptsp.Technical.Consumers;
using Ptsp.Technical.Reviews;

namespace Ptsp.Technical.Tests;

/// <summary>
/// SOP steps 5–6 at Technical's own door: opening the file, the technical data and schedule, the recommendation; refusals by step
/// (naming the current step) and by field; repeats that neither write nor announce twice.
/// </summary>
public sealed class TechnicalConsumerTests : IAsyncLifetime
{
    static readonly TimeSpan Wib = TimeSpan.FromHours(7);
    readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, Wib)); // a Monday
    ServiceTestHost _host = null!;

    public async Task InitializeAsync() => _host = await ServiceTestHost.StartAsync(b => b.AddTechnicalService(), _time);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    Task<IDocumentCollection<TechnicalCase>> Cases() => _host.Get<TechnicalStore>().CasesAsync();

    async Task<Stored<TechnicalCase>?> FindAsync(Guid id) => await (await Cases()).FindAsync(id.ToString());

    /// <summary>Workflow's command after the receipt, sent to Technical's queue as the saga's outbox sends it; waits until consumed.</summary>
    async Task OpenAsync(Guid id, ReviewKind kind = ReviewKind.Meeting, int workingDays = 2)
    {
        var messageId = NewId.NextGuid();
        var endpoint = await _host.Harness.Bus.GetSendEndpoint(Queues.Address(Queues.OpenTechnicalReview));
        await endpoint.Send(new OpenTechnicalReview(id, "PENELITIAN", "CV Maju Bersama", new TechnicalReviewInfo(kind, workingDays), "Budi Santoso",
            "budi@contoh.co.id", "Surat Izin Penelitian", "503/0001/TT-PNL/DPMPTSP/XI/2026"), c => c.MessageId = messageId);
        Assert.True(await _host.Harness.GetConsumerHarness<OpenTechnicalReviewConsumer>().Consumed
            .Any<OpenTechnicalReview>(m => m.Context.MessageId == messageId), "OpenTechnicalReview was not consumed.");
    }

    RecordTechnicalData Data(Guid id, DateTimeOffset? scheduledAt = null) =>
        new(id, "backoffice", new Dictionary<string, string> { ["lokasiPenelitian"] = "Desa Cibening" }, ReviewKind.Meeting,
            scheduledAt ?? _time.GetUtcNow().AddHours(2), "Aula DPMPTSP");

    [Fact]
    public async Task The_file_opened_twice_is_one_file_announced_once()
    {
        var id = NewId.NextGuid();
        await OpenAsync(id);
        var opened = (await FindAsync(id))!;
        await OpenAsync(id);

        Assert.Equal(opened.Version, (await FindAsync(id))!.Version);
        Assert.Equal(TechnicalState.AwaitingTechnicalData, opened.Document.State);
        await _host.DeliverOutboxAsync();
        Assert.True(await _host.Harness.Published.Any<TechnicalReviewOpened>(m => m.Context.Message.ApplicationId == id));
        Assert.Equal(1, _host.PublishedCount<TechnicalReviewOpened>(m => m.ApplicationId == id));
    }

    [Fact]
    public async Task Technical_data_for_a_file_that_is_not_open_is_a_conflict_and_stores_nothing()
    {
        var id = NewId.NextGuid();
        var (_, refused) = await _host.SendAsync(Data(id));

        Assert.Equal(RefusalKind.Conflict, refused!.Kind);
        Assert.Null(refused.CurrentStep);
        Assert.Null(await FindAsync(id));
    }

    [Fact]
    public async Task Invalid_technical_data_is_refused_by_field_and_the_file_stays_at_step_5()
    {
        var id = NewId.NextGuid();
        await OpenAsync(id);
        var before = (await FindAsync(id))!;

        var (_, empty) = await _host.SendAsync(new RecordTechnicalData(id, "backoffice", new Dictionary<string, string>(), null, _time.GetUtcNow().AddHours(-1), " "));
        Assert.Equal(RefusalKind.Invalid, empty!.Kind);
        Assert.Equal(["data", "review.kind", "review.location", "review.scheduledAt"], empty.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("masa mendatang", empty.Errors["review.scheduledAt"][0]);

        // The meeting must fall inside the permit type's NSPK window (2 working days from now: Wednesday 09:00).
        var (_, late) = await _host.SendAsync(Data(id, new DateTimeOffset(2026, 11, 25, 10, 0, 0, Wib)));
        Assert.Equal(["review.scheduledAt"], late!.Errors!.Keys);
        Assert.Contains("2 hari kerja", late.Errors["review.scheduledAt"][0]);

        var after = (await FindAsync(id))!;
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(5, after.Document.Step);
    }

    [Fact]
    public async Task Technical_data_moves_the_file_to_step_6_once_and_a_repeat_is_refused_with_step_6()
    {
        var id = NewId.NextGuid();
        await OpenAsync(id);

        Assert.NotNull((await _host.SendAsync(Data(id))).Accepted);
        var scheduled = (await FindAsync(id))!;
        Assert.Equal(6, scheduled.Document.Step);
        Assert.Equal("Aula DPMPTSP", scheduled.Document.Location);

        var (_, repeat) = await _host.SendAsync(Data(id));
        Assert.Equal(RefusalKind.Conflict, repeat!.Kind);
        Assert.Equal(6, repeat.CurrentStep);
        Assert.Equal(scheduled.Version, (await FindAsync(id))!.Version);

        await _host.DeliverOutboxAsync();
        Assert.True(await _host.Harness.Published.Any<TechnicalReviewScheduled>(m => m.Context.Message.ApplicationId == id));
        var published = Assert.Single(_host.Harness.Published.Select<TechnicalReviewScheduled>()).Context.Message;
        Assert.Equal((ReviewKind.Meeting, "backoffice", new DateTimeOffset(2026, 11, 25, 9, 0, 0, Wib)),
            (published.ReviewKind, published.Officer, published.ReviewDueAt));
    }

    [Fact]
    public async Task A_recommendation_at_step_5_is_refused_with_step_5_and_an_invalid_one_by_field()
    {
        var id = NewId.NextGuid();
        await OpenAsync(id);
        var (_, early) = await _host.SendAsync(new RecordTechnicalRecommendation(id, "teknis", Recommendation.Approve, "Sesuai."));
        Assert.Equal(RefusalKind.Conflict, early!.Kind);
        Assert.Equal(5, early.CurrentStep);

        Assert.NotNull((await _host.SendAsync(Data(id))).Accepted);
        var before = (await FindAsync(id))!;
        Assert.Equal(["recommendation"], (await _host.SendAsync(new RecordTechnicalRecommendation(id, "teknis", null, "Sesuai."))).Refused!.Errors!.Keys);
        Assert.Equal(["notes"], (await _host.SendAsync(new RecordTechnicalRecommendation(id, "teknis", Recommendation.Approve, ""))).Refused!.Errors!.Keys);
        Assert.Equal(before.Version, (await FindAsync(id))!.Version);
    }

    [Fact]
    public async Task An_inspection_needs_its_report_before_the_recommendation()
    {
        var id = NewId.NextGuid();
        await OpenAsync(id, ReviewKind.Inspection, 3);
        Assert.NotNull((await _host.SendAsync(Data(id) with { ReviewKind = ReviewKind.Inspection, Location = "Lokasi usaha" })).Accepted);
        var before = (await FindAsync(id))!;

        var (_, refused) = await _host.SendAsync(new RecordTechnicalRecommendation(id, "teknis", Recommendation.Approve, "Sesuai."));

        Assert.Equal(RefusalKind.Conflict, refused!.Kind);
        Assert.Contains("BAP", refused.Message);
        Assert.Equal(before.Version, (await FindAsync(id))!.Version);
    }

    [Fact]
    public async Task The_recommendation_is_recorded_once_and_a_repeat_is_refused_without_a_second_event()
    {
        var id = NewId.NextGuid();
        await OpenAsync(id);
        Assert.NotNull((await _host.SendAsync(Data(id))).Accepted);

        Assert.NotNull((await _host.SendAsync(new RecordTechnicalRecommendation(id, "teknis", Recommendation.Reject, "Lokasi tidak sesuai tata ruang."))).Accepted);
        var recommended = (await FindAsync(id))!;
        var (_, repeat) = await _host.SendAsync(new RecordTechnicalRecommendation(id, "teknis", Recommendation.Approve, "Berubah pikiran."));

        Assert.Equal(RefusalKind.Conflict, repeat!.Kind);
        Assert.Null(repeat.CurrentStep); // recommended: the file is Signing's now
        var after = (await FindAsync(id))!;
        Assert.Equal(recommended.Version, after.Version);
        Assert.Equal(Recommendation.Reject, after.Document.Recommendation);

        await _host.DeliverOutboxAsync();
        Assert.True(await _host.Harness.Published.Any<TechnicalRecommendationIssued>(m => m.Context.Message.ApplicationId == id));
        var issued = Assert.Single(_host.Harness.Published.Select<TechnicalRecommendationIssued>()).Context.Message;
        Assert.Equal(Recommendation.Reject, issued.Recommendation);
        Assert.Equal(0, await ServiceTestHost.PendingAsync(await Cases()));
    }
}
