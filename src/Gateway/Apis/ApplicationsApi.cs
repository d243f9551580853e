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
    const string Officers = nameof(Officers);

    public static IEndpointRouteBuilder MapApplicationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/permit-types", PermitTypes).AllowAnonymous().WithTags("Catalogue");
        app.MapGet("/api/v1/tasks", Tasks).RequireAuthorization(Officers).WithTags("Applications");

        var applications = app.MapGroup("/api/v1/applications").WithTags("Applications");
        applications.MapPost("/", Create).RequireAuthorization(Roles.Applicant);
        applications.MapGet("/", List).RequireAuthorization();
        applications.MapGet("/{id:guid}", Get).RequireAuthorization();
        applications.MapPut("/{id:guid}/documents/{requirementCode}", UploadDocument).RequireAuthorization(Roles.Applicant)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute());
        applications.MapGet("/{id:guid}/documents/{requirementCode}", DownloadDocument).RequireAuthorization();
        applications.MapPost("/{id:guid}/submit", Submit).RequireAuthorization(Roles.Applicant);
        applications.MapPost("/{id:guid}/resubmit", Resubmit).RequireAuthorization(Roles.Applicant);
        applications.MapPost("/{id:guid}/completeness", Completeness).RequireAuthorization(Roles.FrontOffice);
        applications.MapPost("/{id:guid}/technical-data", TechnicalData).RequireAuthorization(Roles.BackOffice);
        applications.MapPost("/{id:guid}/technical-recommendation", TechnicalRecommendation).RequireAuthorization(Roles.TechnicalTeam);
        applications.MapPut("/{id:guid}/inspection-report", UploadInspectionReport).RequireAuthorization(Roles.TechnicalTeam)
            .WithMetadata(new Microsoft.AspNetCore.Mvc.DisableRequestSizeLimitAttribute());
        applications.MapPost("/{id:guid}/draft", Draft).RequireAuthorization(Roles.BackOffice);
        applications.MapPost("/{id:guid}/verification", Verification).RequireAuthorization(Extensions.Verifiers);
        applications.MapPost("/{id:guid}/signature", Signature).RequireAuthorization(Roles.AgencyHead);
        applications.MapGet("/{id:guid}/receipt", (Guid id, InternalServices services) =>
            InternalServices.Forward(services, InternalServices.Intake, $"/internal/intake/applications/{id}/receipt")).RequireAuthorization();
        applications.MapGet("/{id:guid}/decision", (Guid id, InternalServices services) =>
            InternalServices.Forward(services, InternalServices.Signing, $"/internal/signing/applications/{id}/decision")).RequireAuthorization();
        applications.MapGet("/{id:guid}/draft", (Guid id, InternalServices services) =>
            InternalServices.Forward(services, InternalServices.Signing, $"/internal/signing/applications/{id}/draft")).RequireAuthorization(Officers);
        return app;
    }

    public sealed record NewApplication(string? PermitTypeCode, string? BusinessName, string? BusinessAddress, string? Description);

    public sealed record ApplicationCreatedResponse(Guid ApplicationId);

    public sealed record CompletenessRequest(bool? Complete, List<string>? MissingRequirements, string? Note);

    public sealed record ReviewRequest(ReviewKind? Kind, DateTimeOffset? ScheduledAt, string? Location);

    public sealed record TechnicalDataRequest(Dictionary<string, string>? Data, ReviewRequest? Review);

    public sealed record RecommendationRequest(Recommendation? Recommendation, string? Notes);

    public sealed record DraftRequest(DecisionKind? Kind, string? Body);

    public sealed record DecisionRequest(bool? Approve, string? Note);

    public sealed record ApplicationSummary(Guid ApplicationId, string PermitTypeCode, string Status, int? CurrentStep, DateTimeOffset? DueAt);

    public sealed record Decision(DecisionKind Kind, string DocumentNumber);

    public sealed record History(int Step, string Action, string Actor, string Role, DateTimeOffset At, string? Note, bool Overdue);

    public sealed record ApplicationDetail(Guid ApplicationId, string ApplicantUsername, string PermitTypeCode, string BusinessName, string Status,
        int? CurrentStep, string? AssignedRole, DateTimeOffset? DueAt, bool Overdue, string? ReceiptNumber, Decision? Decision, IReadOnlyList<History> History,
        Clock Clock);

    /// <summary>Working minutes with the agency and with the applicant; the pauses of the agency's clock; the statutory deadline.</summary>
    public sealed record Clock(double AgencyWorkingMinutes, double ApplicantWorkingMinutes, IReadOnlyList<Pause> Pauses, DateTimeOffset? StatutoryDueAt,
        bool StatutoryDeadlinePassed);

    public sealed record Pause(DateTimeOffset From, DateTimeOffset? To, string Reason, string CausedBy);

    public sealed record WorkItem(Guid ApplicationId, int Step, DateTimeOffset? DueAt, bool Overdue);

    static async Task<IResult> PermitTypes(IRequestClient<GetPermitTypes> client, CancellationToken cancellationToken) =>
        TypedResults.Ok((await client.GetResponse<PermitTypeList>(new GetPermitTypes(), cancellationToken)).Message.Items);

    static async Task<IResult> Create(NewApplication body, ClaimsPrincipal user, IRequestClient<CreateApplication> client, HttpContext http)
    {
        // The registered email from the token: Intake keeps it with the application and tells the applicant of each step.
        var command = new CreateApplication(NewId.NextGuid(), user.Identity!.Name!, user.FindFirstValue("name") ?? user.Identity.Name!,
            body.PermitTypeCode ?? "", body.BusinessName ?? "", body.BusinessAddress ?? "", body.Description ?? "", user.FindFirstValue("email"));
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

    static async Task<IResult> Get(Guid id, ClaimsPrincipal user, IRequestClient<GetApplicationStatus> client, WorkingCalendar calendar, HttpContext http)
    {
        var (status, refusal) = await StatusFor(id, user, client, http);
        if (refusal is not null)
            return refusal;

        var s = status!;
        return TypedResults.Ok(new ApplicationDetail(s.ApplicationId, s.ApplicantUsername, s.PermitTypeCode, s.BusinessName, s.Status, s.CurrentStep,
            s.AssignedRole, Local(calendar, s.DueAt), s.Overdue, s.ReceiptNumber,
            s.DocumentNumber is null ? null : new Decision(s.DecisionKind!.Value, s.DocumentNumber),
            s.History.Select(h => new History(h.Step, h.Action, h.Actor, h.Role, calendar.ToAgencyTime(h.At), h.Note, h.Overdue)).ToList(),
            new Clock(Math.Round(s.Clock.AgencyWorkingTime.TotalMinutes, 1), Math.Round(s.Clock.ApplicantWorkingTime.TotalMinutes, 1),
                s.Clock.Pauses.Select(p => new Pause(calendar.ToAgencyTime(p.From), Local(calendar, p.To), p.Reason, p.CausedBy)).ToList(),
                Local(calendar, s.Clock.StatutoryDueAt), s.Clock.StatutoryDeadlinePassed)));
    }

    static async Task<IResult> Tasks(ClaimsPrincipal user, IRequestClient<GetTasks> client, WorkingCalendar calendar, HttpContext http)
    {
        var items = new List<TaskItem>();
        foreach (var role in Roles.Officers.Where(user.IsInRole))
            items.AddRange((await client.GetResponse<TaskList>(new GetTasks(role, role == Roles.SectionHead ? CallerSectors(user) : null),
                http.RequestAborted)).Message.Items);
        return TypedResults.Ok(items.OrderBy(t => t.DueAt ?? DateTimeOffset.MaxValue)
            .Select(t => new WorkItem(t.ApplicationId, t.Step, Local(calendar, t.DueAt), t.Overdue)).ToList());
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
        Problems.CommandAsync(client, new RecordCompletenessCheck(id, user.Identity!.Name!, body.Complete, body.MissingRequirements ?? [], body.Note), http);

    /// <summary>Step 5.</summary>
    static Task<IResult> TechnicalData(Guid id, TechnicalDataRequest body, ClaimsPrincipal user, IRequestClient<RecordTechnicalData> client,
        HttpContext http) =>
        Problems.CommandAsync(client, new RecordTechnicalData(id, user.Identity!.Name!, body.Data, body.Review?.Kind, body.Review?.ScheduledAt,
            body.Review?.Location), http);

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
        Problems.CommandAsync(client, new DraftDecision(id, user.Identity!.Name!, body.Kind, body.Body), http);

    /// <summary>Steps 8 (SectionHead) and 9 (DivisionHead).</summary>
    static Task<IResult> Verification(Guid id, DecisionRequest body, ClaimsPrincipal user, IRequestClient<VerifyDecision> client, HttpContext http) =>
        Problems.CommandAsync(client, new VerifyDecision(id, user.Identity!.Name!, user.IsInRole(Roles.SectionHead) ? Roles.SectionHead : Roles.DivisionHead,
            body.Approve, body.Note, user.IsInRole(Roles.SectionHead) ? CallerSectors(user) : null), http);

    /// <summary>The sectors a section head covers, as Registration put them in the token.</summary>
    static List<string> CallerSectors(ClaimsPrincipal user) => user.FindAll(Sectors.Claim).Select(c => c.Value).ToList();

    /// <summary>Step 10.</summary>
    static Task<IResult> Signature(Guid id, DecisionRequest body, ClaimsPrincipal user, IRequestClient<SignDecision> client, HttpContext http) =>
        Problems.CommandAsync(client, new SignDecision(id, user.Identity!.Name!, user.FindFirstValue("name") ?? user.Identity.Name!, body.Approve, body.Note),
            http);

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
}
