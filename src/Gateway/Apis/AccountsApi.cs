using System.Security.Claims;
using MassTransit;
using Ptsp.Contracts;
using Ptsp.Contracts.Accounts;
using Ptsp.Contracts.Common;
using Ptsp.Hosting.Calendar;

namespace Ptsp.Gateway.Apis;

/// <summary>API v1, accounts (SOP steps 1–3): registration, FrontOffice approval, login, password change.</summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var registrations = app.MapGroup("/api/v1/registrations").WithTags("Accounts");
        registrations.MapPost("/", Register).AllowAnonymous().RequireRateLimiting(RateLimits.Registration)
            .WithSummary("Step 1: an applicant registers (NIK, name, email, phone, address, NPWP); 409 for a NIK or email already pending or active")
            .Produces<RegistrationCreated>(StatusCodes.Status202Accepted).ProducesProblems(400, 409, 429);
        registrations.MapGet("/", ListRegistrations).RequireAuthorization(Roles.FrontOffice)
            .WithSummary("Registrations by status (Pending by default), for the front office")
            .Produces<List<RegistrationSummary>>().ProducesProblems(400);
        registrations.MapPost("/{id:guid}/approve", Approve).RequireAuthorization(Roles.FrontOffice)
            .WithSummary("Step 2: approves a registration; the applicant is emailed a username and a one-time password")
            .Produces(StatusCodes.Status202Accepted).ProducesProblems(404, 409);
        registrations.MapPost("/{id:guid}/reject", Reject).RequireAuthorization(Roles.FrontOffice)
            .WithSummary("Step 2: rejects a registration with a reason; the applicant is emailed")
            .Produces(StatusCodes.Status202Accepted).ProducesProblems(400, 404, 409);

        var auth = app.MapGroup("/api/v1/auth").WithTags("Accounts");
        auth.MapPost("/login", Login).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn)
            .WithSummary("Signs in: an access token, its expiry and the roles; 401 alike for an unknown user and a wrong password, 429 after repeated failures")
            .Produces<UserAuthenticated>().ProducesProblems(400, 401, 429);
        auth.MapPost("/password", ChangePassword).RequireAuthorization(Extensions.SignedIn)
            .WithSummary("Replaces the signed-in user's password (required after a one-time password)")
            .Produces(StatusCodes.Status204NoContent).ProducesProblems(400);
        auth.MapPost("/password-reset", RequestPasswordReset).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Lupa kata sandi: emails a single-use reset link valid for 30 minutes; the answer is the same whether or not the address has an account")
            .Produces<PasswordResetRequested>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem();
        auth.MapPost("/password-reset/confirm", ConfirmPasswordReset).AllowAnonymous().RequireRateLimiting(RateLimits.SignIn).ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithSummary("Sets a new password with the reset link's token (once, within 30 minutes); older sessions end")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesValidationProblem();
        return app;
    }

    public sealed record RegistrationRequest(string? FullName, string? Nik, string? Email, string? Phone, string? Address, string? Npwp);

    public sealed record RegistrationCreated(Guid RegistrationId);

    public sealed record RejectionRequest(string? Reason);

    public sealed record LoginRequest(string? Username, string? Password);

    public sealed record PasswordChangeRequest(string? CurrentPassword, string? NewPassword);

    public sealed record PasswordResetRequest(string? Email);

    public sealed record PasswordResetRequested(string Message);

    public sealed record PasswordResetConfirmation(string? Token, string? NewPassword);

    public sealed record RegistrationSummary(Guid RegistrationId, string FullName, string Nik, string Email, DateTimeOffset SubmittedAt,
        DateTimeOffset DueAt, bool Overdue);

    /// <summary>Step 1. The new registration's id is chosen here so a retried request can be recognised downstream.</summary>
    static async Task<IResult> Register(RegistrationRequest body, IRequestClient<SubmitRegistration> client, HttpContext http)
    {
        var command = new SubmitRegistration(NewId.NextGuid(), body.FullName ?? "", body.Nik ?? "", body.Email ?? "", body.Phone ?? "",
            body.Address ?? "", body.Npwp);
        var response = await client.GetResponse<CommandAccepted, CommandRefused>(command, http.RequestAborted);
        return Problems.Reply(response, http, accepted =>
            TypedResults.Accepted($"/api/v1/registrations/{accepted.Id}", new RegistrationCreated(accepted.Id)));
    }

    static async Task<IResult> ListRegistrations(string? status, IRequestClient<GetRegistrations> client, WorkingCalendar calendar, HttpContext http)
    {
        status ??= "Pending";
        if (status is not ("Pending" or "Approved" or "Rejected"))
            return Problems.Validation("status", "Status harus Pending, Approved atau Rejected.");

        var response = await client.GetResponse<RegistrationList>(new GetRegistrations(status), http.RequestAborted);
        return TypedResults.Ok(response.Message.Items.Select(r => new RegistrationSummary(r.RegistrationId, r.FullName, r.Nik, r.Email,
            calendar.ToAgencyTime(r.SubmittedAt), calendar.ToAgencyTime(r.DueAt), r.Overdue)).ToList());
    }

    /// <summary>Step 2: the applicant then receives the credential email (step 3).</summary>
    static Task<IResult> Approve(Guid id, IRequestClient<ApproveRegistration> client, ClaimsPrincipal user, HttpContext http) =>
        Problems.CommandAsync(client, new ApproveRegistration(id, user.Identity!.Name!), http);

    static Task<IResult> Reject(Guid id, RejectionRequest body, IRequestClient<RejectRegistration> client, ClaimsPrincipal user, HttpContext http) =>
        Problems.CommandAsync(client, new RejectRegistration(id, user.Identity!.Name!, body.Reason ?? ""), http);

    static async Task<IResult> Login(LoginRequest body, IRequestClient<AuthenticateUser> client, WorkingCalendar calendar, HttpContext http)
    {
        // The audit log names who tried to sign in, whether or not it succeeded.
        Audit.AuditRecorder.NameSubject(http, body.Username);
        var response = await client.GetResponse<UserAuthenticated, CommandRefused>(
            new AuthenticateUser(body.Username ?? "", body.Password ?? ""), http.RequestAborted);
        if (response.Is(out Response<UserAuthenticated>? signedIn))
            Audit.AuditRecorder.NameSubject(http, signedIn.Message.Username, signedIn.Message.Roles);
        return Problems.Reply(response, http, token => TypedResults.Ok(token with { ExpiresAt = calendar.ToAgencyTime(token.ExpiresAt) }));
    }

    static async Task<IResult> ChangePassword(PasswordChangeRequest body, IRequestClient<ChangePassword> client, ClaimsPrincipal user, HttpContext http)
    {
        var response = await client.GetResponse<CommandAccepted, CommandRefused>(
            new ChangePassword(user.Identity!.Name!, body.CurrentPassword ?? "", body.NewPassword ?? ""), http.RequestAborted);
        return Problems.Reply(response, http, _ => TypedResults.NoContent());
    }

    /// <summary>Registration answers before it looks the address up, so the answer and its timing say nothing of the address.</summary>
    static async Task<IResult> RequestPasswordReset(PasswordResetRequest body, IRequestClient<RequestPasswordReset> client, HttpContext http)
    {
        var response = await client.GetResponse<CommandAccepted, CommandRefused>(new RequestPasswordReset(body.Email), http.RequestAborted);
        return Problems.Reply(response, http, _ => TypedResults.Accepted((string?)null, new PasswordResetRequested(
            "Jika alamat email tersebut terdaftar pada akun yang aktif, tautan untuk mengatur ulang kata sandi telah dikirim ke alamat itu. " +
            "Tautan berlaku 30 menit dan hanya dapat dipakai sekali.")));
    }

    static async Task<IResult> ConfirmPasswordReset(PasswordResetConfirmation body, IRequestClient<ConfirmPasswordReset> client, HttpContext http)
    {
        var response = await client.GetResponse<CommandAccepted, CommandRefused>(new ConfirmPasswordReset(body.Token, body.NewPassword),
            http.RequestAborted);
        return Problems.Reply(response, http, _ => TypedResults.NoContent());
    }
}
