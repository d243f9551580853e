using System.Security.Claims;
using MassTransit;
using Ptsp.Contracts;
using Ptsp.Contracts.Common;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Calendar;
using Ptsp.Hosting.Storage;

namespace Ptsp.Gateway.Apis;

/// <summary>API v1, the permit process (SOP steps 3–10) and the catalogue.</summary>
public static class ApplicationsApi
{
    /// <summary>The roles whose steps need the technical data and the BAP (5–10): not the counter (step 4).</summary>
    public const string TechnicalReaders = nameof(TechnicalReaders);

    /// <summary>The roles that may move a scheduled meeting or inspection: back office, who scheduled it, and the technical team, who holds it.</summary>
    public const string Schedulers = nameof(Schedulers);

    /// <summary>The officers' warning when the statutory service time ran out without a decision (issue 10, point 6).</summary>
    public const string StatutoryWarning = "batas waktu layanan terlampaui";

    public static IEndpointRouteBuilder MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/permit-types", PermitTypes).AllowAnonymous().WithTags("Catalogue")
            .WithSummary("The permit types, their required documents and technical review")
            .Produces<IReadOnlyList<PermitTypeInfo>>();
        app.MapGet("/api/v1/tasks", Tasks).RequireAuthorization(Roles.OfficersPolicy).WithTags("Applications")
            .WithSummary("The caller's roles' worklist, oldest due first")
            .Produces<List<WorkItem>>();

        var applications = app.MapGroup("/api/v1/applications").WithTags("Applications");
        applications.MapPost("/", Create).RequireAuthorization(Roles.Applicant)
            .WithDescription("Creates a draft (step 3). Send an Idempotency-Key header (1–200 visible ASCII characters, e.g. a UUID) to make a retry " +
                             "safe: a repeat with the same key by the same applicant answers 201 with the same applicationId and creates nothing; " +
                             "another applicant's same key is theirs alone; the key reused for another permit type answers 409.")
            .WithSummary("Step 3: creates a draft application")
            .Produces<ApplicationCreatedResponse>(StatusCodes.Status201Created).ProducesProblems(400, 409);
        applications.MapGet("/", List).RequireAuthorization()
            .WithSummary("The applicant's own applications; officers see all (filter ?step=1..10)")
            .Produces<List<ApplicationSummary>>().ProducesProblems(400);
        applications.MapGet("/{id:guid}", Get).RequireAuthorization()
            .Produces<ApplicationDetail>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The application: officers see every note; the applicant sees each step's public wording and no internal note");
        applications.MapPut("/{id:guid}", Update).RequireAuthorization(Roles.Applicant)
            .Produces(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Edits the business data while the application is a draft or returned (409 with currentStep otherwise)");
        applications.MapGet("/{id:guid}/business-data", BusinessDataOf).RequireAuthorization()
            .Produces<BusinessDataView>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The business data (name, address, description) as Intake keeps it, for the owner and officers");
        applications.MapPost("/{id:guid}/withdrawal", Withdraw).RequireAuthorization(Roles.Applicant).Accepts<WithdrawalRequest>(isOptional: true, "application/json")
            .Produces(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Withdraws the application before the decision (optional reason); status Withdrawn, the clock stops");
        applications.MapGet("/{id:guid}/documents", Documents).RequireAuthorization()
            .Produces<List<UploadedDocument>>().ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The uploaded requirement documents (name, type, size, sha256, uploaded at), for the owner and officers");
        applications.MapGet("/{id:guid}/technical-data", TechnicalFileOf).RequireAuthorization(TechnicalReaders)
            .Produces<TechnicalFileView>().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("What step 5 entered (technical data, review kind, schedule) and step 6 produced, for back office, technical team, verifiers and the head");
        applications.MapGet("/{id:guid}/inspection-report", (Guid id, InternalServices services) =>
                InternalServices.Forward(services, InternalServices.Technical, $"/internal/technical/applications/{id}/inspection-report"))
            .RequireAuthorization(TechnicalReaders)
            .Produces<System.IO.Stream>(StatusCodes.Status200OK, "application/pdf").ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithSummary("The inspection report (BAP) PDF, for back office, technical team, verifiers and the head");
        applications.MapPost("/{id:guid}/review-schedule", Reschedule).RequireAuthorization(Schedulers)
            .Produces(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict)
            .WithSummary("Step 6: moves the meeting or the inspection, with a reason, inside the NSPK window");
        applications.MapPut("/{id:guid}/documents/{requirementCode}", UploadDocument).RequireAuthorization(Roles.Applicant)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute())
            .WithSummary("Step 3: uploads a required document (the file as the body: PDF, JPEG or PNG, content checked, at most 10 MB)")
            .Accepts<byte[]>("application/pdf", "image/jpeg", "image/png")
            .Produces<StoredFile>(StatusCodes.Status201Created).ProducesProblems(400, 404, 409, 413, 415);
        applications.MapGet("/{id:guid}/documents/{requirementCode}", DownloadDocument).RequireAuthorization()
            .WithSummary("An uploaded document, for the owner and officers")
            .Produces<System.IO.Stream>(StatusCodes.Status200OK, "application/pdf", "image/jpeg", "image/png").ProducesProblems(404);
        applications.MapPost("/{id:guid}/submit", Submit).RequireAuthorization(Roles.Applicant)
            .WithSummary("Step 3: submits the draft; 400 while a required document is missing")
            .Produces(StatusCodes.Status202Accepted).ProducesProblems(400, 404, 409);
        applications.MapPost("/{id:guid}/resubmit", Resubmit).RequireAuthorization(Roles.Applicant)
            .WithSummary("Step 4 loop: resubmits a returned application after its documents were replaced")
            .Produces(StatusCodes.Status202Accepted).ProducesProblems(400, 404, 409);
        applications.MapPost("/{id:guid}/completeness", Completeness).RequireAuthorization(Roles.FrontOffice)
            .WithSummary("Step 4: the completeness check (complete, or the missing requirements and a note)")
            .Produces(StatusCodes.Status202Accepted).ProducesProblems(400, 404, 409);
        applications.MapPost("/{id:guid}/technical-data", TechnicalData).RequireAuthorization(Roles.BackOffice)
            .WithSummary("Step 5: the technical data and the review's schedule")
            .Produces(StatusCodes.Status202Accepted).ProducesProblems(400, 409);
        applications.MapPost("/{id:guid}/technical-recommendation", TechnicalRecommendation).RequireAuthorization(Roles.TechnicalTeam)
            .WithSummary("Step 6: the technical team's recommendation (Approve or Reject) with notes")
            .Produces(StatusCodes.Status202Accepted).ProducesProblems(400, 409);
        applications.MapPut("/{id:guid}/inspection-report", UploadInspectionReport).RequireAuthorization(Roles.TechnicalTeam)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute())
            .WithSummary("Step 6: uploads the inspection report (BAP) PDF, at most 10 MB")
            .Accepts<byte[]>("application/pdf")
            .Produces<StoredFile>(StatusCodes.Status201Created).ProducesProblems(400, 409, 413, 415);
        applications.MapPost("/{id:guid}/draft", Draft).RequireAuthorization(Roles.BackOffice)
            .WithSummary("Step 7: drafts the decision (Permit or Rejection) and its variable parts")
            .Produces(StatusCodes.Status202Accepted).ProducesProblems(400, 409);
        applications.MapPost("/{id:guid}/verification", Verification).RequireAuthorization(Extensions.Verifiers)
            .WithSummary("Steps 8 and 9: the section head's and the division head's verification (approve, or a note back to step 7)")
            .Produces(StatusCodes.Status202Accepted).ProducesProblems(400, 409);
        applications.MapPost("/{id:guid}/signature", Signature).RequireAuthorization(Roles.AgencyHead)
            .WithSummary("Step 10: the agency head signs (approve) or sends back with a note")
            .Produces(StatusCodes.Status202Accepted).ProducesProblems(400, 409);
        applications.MapPost("/{id:guid}/revocation", Revocation).RequireAuthorization(Roles.AgencyHead)
            .WithSummary("The agency head revokes a signed permit, with a reason")
            .WithDescription("Body {reason}. Signing refuses with 409 unless the decision is a signed permit not yet revoked, 400 without a reason. " +
                             "Verification then answers valid: false with revokedAt and revocationReason; ptsp.permit-revoked.v1 is published.")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        applications.MapGet("/{id:guid}/receipt", (Guid id, InternalServices services) =>
                InternalServices.Forward(services, InternalServices.Intake, $"/internal/intake/applications/{id}/receipt")).RequireAuthorization()
            .WithSummary("The receipt PDF (tanda terima), for the owner and officers, once the file was found complete")
            .Produces<System.IO.Stream>(StatusCodes.Status200OK, "application/pdf").ProducesProblems(404, 409);
        applications.MapGet("/{id:guid}/decision", (Guid id, InternalServices services) =>
                InternalServices.Forward(services, InternalServices.Signing, $"/internal/signing/applications/{id}/decision")).RequireAuthorization()
            .WithSummary("The signed decision PDF, for the owner and officers")
            .Produces<System.IO.Stream>(StatusCodes.Status200OK, "application/pdf").ProducesProblems(404, 409);
        applications.MapGet("/{id:guid}/draft", (Guid id, InternalServices services) =>
                InternalServices.Forward(services, InternalServices.Signing, $"/internal/signing/applications/{id}/draft")).RequireAuthorization(Roles.OfficersPolicy)
            .WithSummary("A preview PDF of the latest draft decision, for officers")
            .Produces<System.IO.Stream>(StatusCodes.Status200OK, "application/pdf").ProducesProblems(404);
        return app;
    }

    public sealed record NewApplication(string? PermitTypeCode, string? BusinessName, string? BusinessAddress, string? Description);

    public sealed record ApplicationCreatedResponse(Guid ApplicationId);

    /// <summary>An uploaded file as the owning service stored it.</summary>
    public sealed record StoredFile(Guid DocumentId, string Sha256);

    public sealed record CompletenessRequest(bool? Complete, List<string>? MissingRequirements, string? Note);

    /// <summary>Step 5's schedule: <c>scheduledAt</c>/<c>location</c> are the meeting's (or the inspection's, when only an inspection is held); "Both" adds the inspection's own.</summary>
    public sealed record ReviewRequest(ReviewKind? Kind, DateTimeOffset? ScheduledAt, string? Location, SessionRequest? Inspection = null);

    public sealed record SessionRequest(DateTimeOffset? ScheduledAt, string? Location);

    /// <summary>Step 6: <c>session</c> is Meeting or Inspection.</summary>
    public sealed record RescheduleRequest(ReviewKind? Session, DateTimeOffset? ScheduledAt, string? Location, string? Reason);

    public sealed record UpdateRequest(string? BusinessName, string? BusinessAddress, string? Description);

    public sealed record WithdrawalRequest(string? Reason);

    public sealed record BusinessDataView(string BusinessName, string BusinessAddress, string Description);

    public sealed record UploadedDocument(string RequirementCode, string Name, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt);

    public sealed record Session(ReviewKind Kind, DateTimeOffset ScheduledAt, string Location, int Changes);

    public sealed record InspectionReportView(string Sha256, long Size, string UploadedBy, DateTimeOffset UploadedAt);

    public sealed record TechnicalFileView(Guid ApplicationId, IReadOnlyDictionary<string, string> Data, ReviewKind DefaultKind, int WorkingDays,
        ReviewKind? Kind, IReadOnlyList<Session> Sessions, DateTimeOffset? ReviewDueAt, string? ScheduledBy, InspectionReportView? InspectionReport,
        Recommendation? Recommendation, string? Notes, string? RecommendedBy, DateTimeOffset? RecommendedAt);

    public sealed record TechnicalDataRequest(Dictionary<string, string>? Data, ReviewRequest? Review);

    public sealed record RecommendationRequest(Recommendation? Recommendation, string? Notes);

    /// <summary>Step 7's variable parts: see <see cref="DraftDecision"/>.</summary>
    public sealed record DraftRequest(DecisionKind? Kind, string? Body, string? Validity = null, List<string>? Obligations = null,
        List<string>? Reasons = null);

    public sealed record DecisionRequest(bool? Approve, string? Note);

    public sealed record RevocationRequest(string? Reason);

    public sealed record ApplicationSummary(Guid ApplicationId, string PermitTypeCode, string Status, int? CurrentStep, DateTimeOffset? DueAt);

    public sealed record Decision(DecisionKind Kind, string DocumentNumber);

    public sealed record History(int Step, string Action, string Actor, string Role, DateTimeOffset At, string? Note, bool Overdue);

    /// <summary><c>statutoryWarning</c> ("batas waktu layanan terlampaui") is for officers only, while no decision is signed.</summary>
    public sealed record ApplicationDetail(Guid ApplicationId, string ApplicantUsername, string PermitTypeCode, string BusinessName, string Status,
        int? CurrentStep, string? AssignedRole, DateTimeOffset? DueAt, bool Overdue, string? ReceiptNumber, Decision? Decision, IReadOnlyList<History> History,
        Clock Clock, int? WorkingMinutesLeft, int? WorkingMinutesOverdue, string? StatutoryWarning = null);

    /// <summary>Working minutes with the agency and with the applicant; the pauses of the agency's clock; the statutory deadline.</summary>
    public sealed record Clock(double AgencyWorkingMinutes, double ApplicantWorkingMinutes, IReadOnlyList<Pause> Pauses, DateTimeOffset? StatutoryDueAt,
        bool StatutoryDeadlinePassed);

    public sealed record Pause(DateTimeOffset From, DateTimeOffset? To, string Reason, string CausedBy);

    /// <summary>
    /// <c>workingMinutesLeft</c>: working time until the due time (0 once it passed); <c>workingMinutesOverdue</c>: working time since
    /// it passed (0 before). Both counted with the agency's calendar (breaks, nights, weekends and holidays do not count); null without a due time.
    /// The permit type and the business name name the file, so a worklist needs no read per file.
    /// </summary>
    public sealed record WorkItem(Guid ApplicationId, int Step, string PermitTypeCode, string PermitTypeName, string BusinessName, DateTimeOffset? DueAt,
        bool Overdue, int? WorkingMinutesLeft, int? WorkingMinutesOverdue, string? StatutoryWarning = null);

    static async Task<IResult> PermitTypes(IRequestClient<GetPermitTypes> client, CancellationToken cancellationToken) =>
        TypedResults.Ok((await client.GetResponse<PermitTypeList>(new GetPermitTypes(), cancellationToken)).Message.Items);

    static async Task<IResult> Create(NewApplication body, ClaimsPrincipal user, IRequestClient<CreateApplication> client, HttpContext http,
        [Microsoft.AspNetCore.Mvc.FromHeader(Name = "Idempotency-Key")] string? idempotencyKey = null)
    {
        // The registered email from the token: Intake keeps it with the application and tells the applicant of each step.
        // Intake owns the Idempotency-Key (ADR 0013): a repeat finds its draft on any Gateway replica, also after a restart.
        var command = new CreateApplication(NewId.NextGuid(), user.Identity!.Name!, user.FindFirstValue("name") ?? user.Identity.Name!,
            body.PermitTypeCode ?? "", body.BusinessName ?? "", body.BusinessAddress ?? "", body.Description ?? "", user.FindFirstValue("email"),
            idempotencyKey);
        var response = await client.GetResponse<CommandAccepted, CommandRefused>(command, http.RequestAborted);
        return Problems.Reply(response, http, ok => TypedResults.Created($"/api/v1/applications/{ok.Id}", new ApplicationCreatedResponse(ok.Id)));
    }

    static async Task<IResult> List(int? step, ClaimsPrincipal user, IRequestClient<GetApplications> client, WorkingCalendar calendar, HttpContext http)
    {
        var officer = IsOfficer(user);
        if (!officer && !user.IsInRole(Roles.Applicant))
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden);
        if (step is < 1 or > 10)
            return Problems.Validation("step", "Langkah SOP adalah 1 sampai 10.");

        var response = await client.GetResponse<ApplicationList>(new GetApplications(officer ? null : user.Identity!.Name, step), http.RequestAborted);
        return TypedResults.Ok(response.Message.Items.Select(a =>
            new ApplicationSummary(a.ApplicationId, a.PermitTypeCode, a.Status, a.CurrentStep, Local(calendar, a.DueAt))).ToList());
    }

    static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IRequestClient<GetApplicationStatus> client, WorkingCalendar calendar, TimeProvider time,
        HttpContext http)
    {
        var (status, refusal) = await StatusFor(id, user, client, http);
        if (refusal is not null)
            return refusal;

        var s = status!;
        // Officers read every entry as recorded; the applicant reads Workflow's public wording and no internal note.
        var officer = IsOfficer(user);
        var history = officer
            ? s.History.Select(h => new History(h.Step, h.Action, h.Actor, h.Role, calendar.ToAgencyTime(h.At), h.Note, h.Overdue))
            : s.History.Where(h => !h.OfficersOnly)
                .Select(h => new History(h.Step, h.PublicAction ?? h.Action, h.Actor, h.Role, calendar.ToAgencyTime(h.At), h.PublicNote, h.Overdue));
        return TypedResults.Ok(new ApplicationDetail(s.ApplicationId, s.ApplicantUsername, s.PermitTypeCode, s.BusinessName, s.Status, s.CurrentStep,
            s.AssignedRole, Local(calendar, s.DueAt), s.Overdue, s.ReceiptNumber,
            s.DocumentNumber is null ? null : new Decision(s.DecisionKind!.Value, s.DocumentNumber),
            history.ToList(),
            new Clock(Math.Round(s.Clock.AgencyWorkingTime.TotalMinutes, 1), Math.Round(s.Clock.ApplicantWorkingTime.TotalMinutes, 1),
                s.Clock.Pauses.Select(p => new Pause(calendar.ToAgencyTime(p.From), Local(calendar, p.To), p.Reason, p.CausedBy)).ToList(),
                Local(calendar, s.Clock.StatutoryDueAt), s.Clock.StatutoryDeadlinePassed),
            MinutesLeft(calendar, s.DueAt, time.GetUtcNow()), MinutesOverdue(calendar, s.DueAt, time.GetUtcNow()),
            officer && s.Clock.StatutoryDeadlinePassed && s.DocumentNumber is null && s.Status != "Withdrawn" ? StatutoryWarning : null));
    }

    static Task<IResult> Update(Guid id, UpdateRequest body, ClaimsPrincipal user, IRequestClient<UpdateApplication> client, HttpContext http) =>
        Problems.CommandAsync(client, new UpdateApplication(id, user.Identity!.Name!, body.BusinessName, body.BusinessAddress, body.Description), http);

    /// <summary>Workflow decides: it alone knows whether a decision was signed. The body (a reason) is optional.</summary>
    static async Task<IResult> Withdraw(Guid id, ClaimsPrincipal user, IRequestClient<WithdrawApplication> client, HttpContext http)
    {
        string? reason = null;
        if (http.Request.ContentLength is > 0 || http.Request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                reason = (await http.Request.ReadFromJsonAsync<WithdrawalRequest>(http.RequestAborted))?.Reason;
            }
            catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
            {
                return Problems.Validation("reason", "Isi permintaan harus JSON {\"reason\": \"...\"} atau kosong.");
            }
        }

        return await Problems.CommandAsync(client, new WithdrawApplication(id, user.Identity!.Name!, reason), http);
    }

    static async Task<IResult> Documents(Guid id, ClaimsPrincipal user, IRequestClient<GetApplicationDocuments> client, WorkingCalendar calendar,
        HttpContext http)
    {
        var response = await client.GetResponse<ApplicationDocuments, CommandRefused>(new GetApplicationDocuments(id, user.Identity!.Name!, IsOfficer(user)),
            http.RequestAborted);
        return Problems.Reply(response, http, ok => TypedResults.Ok(ok.Items
            .Select(d => new UploadedDocument(d.RequirementCode, d.Name, d.ContentType, d.Size, d.Sha256, calendar.ToAgencyTime(d.UploadedAt))).ToList()));
    }

    static async Task<IResult> BusinessDataOf(Guid id, ClaimsPrincipal user, IRequestClient<GetBusinessData> client, HttpContext http)
    {
        var response = await client.GetResponse<BusinessData, CommandRefused>(new GetBusinessData(id, user.Identity!.Name!, IsOfficer(user)), http.RequestAborted);
        return Problems.Reply(response, http, b => TypedResults.Ok(new BusinessDataView(b.BusinessName, b.BusinessAddress, b.Description)));
    }

    static async Task<IResult> TechnicalFileOf(Guid id, IRequestClient<GetTechnicalFile> client, WorkingCalendar calendar, HttpContext http)
    {
        var response = await client.GetResponse<TechnicalFile, CommandRefused>(new GetTechnicalFile(id), http.RequestAborted);
        return Problems.Reply(response, http, t => TypedResults.Ok(new TechnicalFileView(t.ApplicationId, t.Data, t.DefaultKind, t.WorkingDays, t.Kind,
            t.Sessions.Select(x => new Session(x.Kind, calendar.ToAgencyTime(x.ScheduledAt), x.Location, x.Changes)).ToList(), Local(calendar, t.ReviewDueAt),
            t.ScheduledBy, t.InspectionReport is { } r ? new InspectionReportView(r.Sha256, r.Size, r.UploadedBy, calendar.ToAgencyTime(r.UploadedAt)) : null,
            t.Recommendation, t.Notes, t.RecommendedBy, Local(calendar, t.RecommendedAt))));
    }

    /// <summary>Step 6: Technical checks the step, the session and that the new time stays inside the NSPK window.</summary>
    static Task<IResult> Reschedule(Guid id, RescheduleRequest body, ClaimsPrincipal user, IRequestClient<RescheduleTechnicalReview> client,
        HttpContext http) =>
        Problems.CommandAsync(client, new RescheduleTechnicalReview(id, user.Identity!.Name!,
            user.IsInRole(Roles.BackOffice) ? Roles.BackOffice : Roles.TechnicalTeam, body.Session, body.ScheduledAt, body.Location, body.Reason), http);

    static async Task<IResult> Tasks(ClaimsPrincipal user, IRequestClient<GetTasks> client, WorkingCalendar calendar, TimeProvider time, HttpContext http)
    {
        var now = time.GetUtcNow();
        var items = new List<TaskItem>();
        foreach (var role in Roles.Officers.Where(user.IsInRole))
            items.AddRange((await client.GetResponse<TaskList>(new GetTasks(role, role == Roles.SectionHead ? CallerSectors(user) : null),
                http.RequestAborted)).Message.Items);
        return TypedResults.Ok(items.OrderBy(t => t.DueAt ?? DateTimeOffset.MaxValue)
            .Select(t => new WorkItem(t.ApplicationId, t.Step, t.PermitTypeCode, t.PermitTypeName, t.BusinessName, Local(calendar, t.DueAt), t.Overdue, MinutesLeft(calendar, t.DueAt, now),
                MinutesOverdue(calendar, t.DueAt, now),
                t.StatutoryDeadlinePassed ? StatutoryWarning : null)).ToList());
    }

    static IResult UploadDocument(Guid id, string requirementCode, HttpContext http, InternalServices services) =>
        http.Request.ContentLength > Uploads.TenMegabytes
            ? TypedResults.Problem(title: "Berkas melebihi batas 10 MB.", statusCode: StatusCodes.Status413PayloadTooLarge)
            : InternalServices.Forward(services, InternalServices.Intake, $"/internal/intake/applications/{id}/documents/{Uri.EscapeDataString(requirementCode)}");

    static IResult DownloadDocument(Guid id, string requirementCode, InternalServices services) =>
        InternalServices.Forward(services, InternalServices.Intake, $"/internal/intake/applications/{id}/documents/{Uri.EscapeDataString(requirementCode)}");

    static Task<IResult> Submit(Guid id, ClaimsPrincipal user, IRequestClient<SubmitApplication> client, HttpContext http) =>
        Problems.CommandAsync(client, new SubmitApplication(id, user.Identity!.Name!), http);

    static Task<IResult> Resubmit(Guid id, ClaimsPrincipal user, IRequestClient<ResubmitApplication> client, HttpContext http) =>
        Problems.CommandAsync(client, new ResubmitApplication(id, user.Identity!.Name!), http);

    // Officer actions: the Gateway checks who the caller is and their role; the owning service alone decides whether the
    // application is at that step and whether the input is valid (its refusal names the current step).

    /// <summary>Step 4.</summary>
    static Task<IResult> Completeness(Guid id, CompletenessRequest body, ClaimsPrincipal user, IRequestClient<RecordCompletenessCheck> client,
        HttpContext http) =>
        Problems.CommandAsync(client, new RecordCompletenessCheck(id, user.Identity!.Name!, body.Complete, body.MissingRequirements ?? [], body.Note,
            Identity(user)), http);

    /// <summary>Step 5.</summary>
    static Task<IResult> TechnicalData(Guid id, TechnicalDataRequest body, ClaimsPrincipal user, IRequestClient<RecordTechnicalData> client,
        HttpContext http) =>
        Problems.CommandAsync(client, new RecordTechnicalData(id, user.Identity!.Name!, body.Data, body.Review?.Kind, body.Review?.ScheduledAt,
            body.Review?.Location, body.Review?.Inspection?.ScheduledAt, body.Review?.Inspection?.Location), http);

    /// <summary>Step 6.</summary>
    static Task<IResult> TechnicalRecommendation(Guid id, RecommendationRequest body, ClaimsPrincipal user,
        IRequestClient<RecordTechnicalRecommendation> client, HttpContext http) =>
        Problems.CommandAsync(client, new RecordTechnicalRecommendation(id, user.Identity!.Name!, body.Recommendation, body.Notes), http);

    /// <summary>Step 6: the BAP goes straight to Technical, which checks the step.</summary>
    static IResult UploadInspectionReport(Guid id, InternalServices services, HttpContext http) =>
        http.Request.ContentLength > Uploads.TenMegabytes
            ? TypedResults.Problem(title: "Berkas melebihi batas 10 MB.", statusCode: StatusCodes.Status413PayloadTooLarge)
            : InternalServices.Forward(services, InternalServices.Technical, $"/internal/technical/applications/{id}/inspection-report");

    /// <summary>Step 7.</summary>
    static Task<IResult> Draft(Guid id, DraftRequest body, ClaimsPrincipal user, IRequestClient<DraftDecision> client, HttpContext http) =>
        Problems.CommandAsync(client, new DraftDecision(id, user.Identity!.Name!, body.Kind, body.Body, Identity(user), body.Validity, body.Obligations,
            body.Reasons), http);

    /// <summary>Steps 8 (SectionHead) and 9 (DivisionHead).</summary>
    static Task<IResult> Verification(Guid id, DecisionRequest body, ClaimsPrincipal user, IRequestClient<VerifyDecision> client, HttpContext http) =>
        Problems.CommandAsync(client, new VerifyDecision(id, user.Identity!.Name!, user.IsInRole(Roles.SectionHead) ? Roles.SectionHead : Roles.DivisionHead,
            body.Approve, body.Note, user.IsInRole(Roles.SectionHead) ? CallerSectors(user) : null), http);

    /// <summary>The sectors a section head covers, as Registration put them in the token.</summary>
    static List<string> CallerSectors(ClaimsPrincipal user) => user.FindAll(Sectors.Claim).Select(c => c.Value).ToList();

    /// <summary>Step 10.</summary>
    static Task<IResult> Signature(Guid id, DecisionRequest body, ClaimsPrincipal user, IRequestClient<SignDecision> client, HttpContext http) =>
        Problems.CommandAsync(client, new SignDecision(id, user.Identity!.Name!, user.FindFirstValue("name") ?? user.Identity.Name!, body.Approve, body.Note,
            Identity(user)), http);

    /// <summary>The caller as the document will print them: name, and NIP and position where the account has them.</summary>
    static OfficerIdentity Identity(ClaimsPrincipal user) =>
        new(user.FindFirstValue("name") ?? user.Identity!.Name!, NonEmpty(user.FindFirstValue("nip")), NonEmpty(user.FindFirstValue("position")));

    static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>After step 10: Signing decides whether the decision is a signed permit in force and the reason is valid.</summary>
    static Task<IResult> Revocation(Guid id, RevocationRequest? body, ClaimsPrincipal user, IRequestClient<RevokePermit> client, HttpContext http) =>
        Problems.CommandAsync(client, new RevokePermit(id, user.Identity!.Name!, user.FindFirstValue("name") ?? user.Identity.Name!, body?.Reason), http);

    /// <summary>The application as the caller may see it: the owner and officers; anyone else is told it does not exist.</summary>
    static async Task<(ApplicationStatus? Status, IResult? Refusal)> StatusFor(Guid id, ClaimsPrincipal user, IRequestClient<GetApplicationStatus> client,
        HttpContext http)
    {
        if (!IsOfficer(user) && !user.IsInRole(Roles.Applicant))
            return (null, TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden));
        var response = await client.GetResponse<ApplicationStatus, CommandRefused>(new GetApplicationStatus(id), http.RequestAborted);
        if (!response.Is(out Response<ApplicationStatus>? found) || (!IsOfficer(user) && found!.Message.ApplicantUsername != user.Identity?.Name))
            return (null, TypedResults.Problem(title: "Permohonan tidak ditemukan.", statusCode: StatusCodes.Status404NotFound));
        return (found.Message, null);
    }

    static bool IsOfficer(ClaimsPrincipal user) => Roles.Officers.Any(user.IsInRole);

    static DateTimeOffset? Local(WorkingCalendar calendar, DateTimeOffset? at) => at is { } t ? calendar.ToAgencyTime(t) : null;

    // Working time in whole minutes, counted with the agency's calendar as it is now (issue 15): people read "sisa waktu kerja".
    static int? MinutesLeft(WorkingCalendar calendar, DateTimeOffset? due, DateTimeOffset now) =>
        due is { } d ? (int)calendar.Between(now, d).TotalMinutes : null;

    static int? MinutesOverdue(WorkingCalendar calendar, DateTimeOffset? due, DateTimeOffset now) =>
        due is { } d ? (int)calendar.Between(d, now).TotalMinutes : null;
}
