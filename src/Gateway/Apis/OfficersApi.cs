using System.Security.Claims;
using MassTransit;
using Ptsp.Contracts;
using Ptsp.Contracts.Accounts;
using Ptsp.Contracts.Common;
using Ptsp.Hosting.Calendar;

namespace Ptsp.Gateway.Apis;

/// <summary>
/// API v1, officer accounts (issue 10): the administrator lists, creates, changes, deactivates, reactivates officers and
/// resets their passwords. The Gateway checks the role; Registration validates and decides (ADR 0006).
/// </summary>
public static class OfficersApi
{
    public static IEndpointRouteBuilder MapOfficersApi(this IEndpointRouteBuilder app)
    {
        var officers = app.MapGroup("/api/v1/officers").WithTags("Officers").RequireAuthorization(Roles.Administrator)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);
        officers.MapGet("/", List)
            .WithSummary("The officer accounts (name, NIP, email, roles, sectors, acting appointments, active)")
            .Produces<List<OfficerView>>();
        officers.MapGet("/{id:guid}", Get)
            .WithSummary("One officer account")
            .Produces<OfficerView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        officers.MapPost("/", Create)
            .WithSummary("Creates an officer account; a one-time password is emailed to the officer")
            .Produces<OfficerCreated>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        officers.MapPut("/{id:guid}", Update)
            .WithSummary("Changes an officer's name, NIP, email, position, roles, sectors and acting appointments; a change of roles, sectors or appointments ends the officer's sessions")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        officers.MapPost("/{id:guid}/deactivation", Deactivate)
            .WithSummary("Deactivates an officer: no more logins, and every token issued before is refused")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        officers.MapPost("/{id:guid}/reactivation", Reactivate)
            .WithSummary("Reactivates a deactivated officer")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        officers.MapPost("/{id:guid}/password-reset", ResetPassword)
            .WithSummary("Emails the officer a new one-time password and ends their sessions")
            .Produces(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return app;
    }

    public sealed record OfficerRequest(string? Username, string? FullName, string? Nip, string? Email, string? Position,
        List<string>? Roles, List<string>? Sectors, List<ActingAppointment>? ActingAppointments);

    public sealed record OfficerCreated(Guid OfficerId);

    public sealed record OfficerView(Guid OfficerId, string Username, string FullName, string? Nip, string? Email, string? Position,
        IReadOnlyList<string> Roles, IReadOnlyList<string> Sectors, IReadOnlyList<ActingAppointment> ActingAppointments, bool Active,
        bool MustChangePassword);

    static async Task<IResult> List(IRequestClient<GetOfficers> client, WorkingCalendar calendar, HttpContext http)
    {
        var response = await client.GetResponse<OfficerList>(new GetOfficers(), http.RequestAborted);
        return TypedResults.Ok(response.Message.Items.Select(o => View(o, calendar)).ToList());
    }

    static async Task<IResult> Get(Guid id, IRequestClient<GetOfficers> client, WorkingCalendar calendar, HttpContext http)
    {
        var response = await client.GetResponse<OfficerList>(new GetOfficers(), http.RequestAborted);
        return response.Message.Items.FirstOrDefault(o => o.OfficerId == id) is { } officer
            ? TypedResults.Ok(View(officer, calendar))
            : TypedResults.Problem(title: "Petugas tidak ditemukan.", statusCode: StatusCodes.Status404NotFound);
    }

    static async Task<IResult> Create(OfficerRequest body, IRequestClient<CreateOfficer> client, ClaimsPrincipal user, HttpContext http)
    {
        var command = new CreateOfficer(NewId.NextGuid(), user.Identity!.Name!, body.Username, body.FullName, body.Nip, body.Email, body.Position,
            body.Roles, body.Sectors, body.ActingAppointments);
        var response = await client.GetResponse<CommandAccepted, CommandRefused>(command, http.RequestAborted);
        return Problems.Reply(response, http, accepted => TypedResults.Accepted($"/api/v1/officers/{accepted.Id}", new OfficerCreated(accepted.Id)));
    }

    static Task<IResult> Update(Guid id, OfficerRequest body, IRequestClient<UpdateOfficer> client, ClaimsPrincipal user, HttpContext http) =>
        Problems.CommandAsync(client, new UpdateOfficer(id, user.Identity!.Name!, body.FullName, body.Nip, body.Email, body.Position, body.Roles,
            body.Sectors, body.ActingAppointments), http);

    static Task<IResult> Deactivate(Guid id, IRequestClient<DeactivateOfficer> client, ClaimsPrincipal user, HttpContext http) =>
        Problems.CommandAsync(client, new DeactivateOfficer(id, user.Identity!.Name!), http);

    static Task<IResult> Reactivate(Guid id, IRequestClient<ReactivateOfficer> client, ClaimsPrincipal user, HttpContext http) =>
        Problems.CommandAsync(client, new ReactivateOfficer(id, user.Identity!.Name!), http);

    static Task<IResult> ResetPassword(Guid id, IRequestClient<ResetOfficerPassword> client, ClaimsPrincipal user, HttpContext http) =>
        Problems.CommandAsync(client, new ResetOfficerPassword(id, user.Identity!.Name!), http);

    static OfficerView View(OfficerInfo o, WorkingCalendar calendar) => new(o.OfficerId, o.Username, o.FullName, o.Nip, o.Email, o.Position,
        o.Roles, o.Sectors,
        o.ActingAppointments.Select(a => a with { From = calendar.ToAgencyTime(a.From), Until = calendar.ToAgencyTime(a.Until) }).ToList(),
        o.Active, o.MustChangePassword);
}
