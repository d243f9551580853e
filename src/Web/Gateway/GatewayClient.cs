using System.Net.Http.Headers;
using System.Text.Json;
using Ptsp.Web.Session;

namespace Ptsp.Web.Gateway;

/// <summary>
/// The Gateway's API v1 as the pages use it. Sends the signed-in user's access token (kept in the encrypted session
/// cookie, never in the browser's script) and turns problem details into <see cref="GatewayProblem"/>.
/// </summary>
public sealed class GatewayClient(HttpClient http, IHttpContextAccessor accessor)
{
    static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Accounts (SOP steps 1–3)
    public Task<RegistrationCreated> RegisterAsync(RegistrationForm form, CancellationToken ct) =>
        SendAsync<RegistrationCreated>(HttpMethod.Post, "/api/v1/registrations", JsonContent.Create(form, options: Json), ct);

    public Task<LoginAnswer> LoginAsync(string username, string password, CancellationToken ct) =>
        SendAsync<LoginAnswer>(HttpMethod.Post, "/api/v1/auth/login", JsonContent.Create(new { username, password }, options: Json), ct);

    public Task ChangePasswordAsync(string currentPassword, string newPassword, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "/api/v1/auth/password", JsonContent.Create(new { currentPassword, newPassword }, options: Json), ct);

    public Task<PasswordResetRequested> RequestPasswordResetAsync(string email, CancellationToken ct) =>
        SendAsync<PasswordResetRequested>(HttpMethod.Post, "/api/v1/auth/password-reset", JsonContent.Create(new { email }, options: Json), ct);

    public Task ConfirmPasswordResetAsync(string token, string newPassword, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, "/api/v1/auth/password-reset/confirm", JsonContent.Create(new { token, newPassword }, options: Json), ct);

    public Task<List<Officer>> OfficersAsync(CancellationToken ct) => SendAsync<List<Officer>>(HttpMethod.Get, "/api/v1/officers", null, ct);

    public Task<Officer> OfficerAsync(Guid id, CancellationToken ct) => SendAsync<Officer>(HttpMethod.Get, $"/api/v1/officers/{id}", null, ct);

    public Task<OfficerCreated> CreateOfficerAsync(OfficerForm form, CancellationToken ct) =>
        SendAsync<OfficerCreated>(HttpMethod.Post, "/api/v1/officers", JsonContent.Create(form, options: Json), ct);

    public Task UpdateOfficerAsync(Guid id, OfficerForm form, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, $"/api/v1/officers/{id}", JsonContent.Create(form, options: Json), ct);

    /// <summary>"deactivation", "reactivation" or "password-reset".</summary>
    public Task OfficerActionAsync(Guid id, string action, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/api/v1/officers/{id}/{action}", null, ct);

    // Catalogue
    public Task<List<PermitType>> PermitTypesAsync(CancellationToken ct) => SendAsync<List<PermitType>>(HttpMethod.Get, "/api/v1/permit-types", null, ct);

    // Applications (SOP steps 3–10)
    public Task<List<ApplicationSummary>> ApplicationsAsync(CancellationToken ct) =>
        SendAsync<List<ApplicationSummary>>(HttpMethod.Get, "/api/v1/applications", null, ct);

    public Task<ApplicationDetail> ApplicationAsync(Guid id, CancellationToken ct) =>
        SendAsync<ApplicationDetail>(HttpMethod.Get, $"/api/v1/applications/{id}", null, ct);

    /// <summary>
    /// The application as soon as the API can show it: a new draft is readable once Workflow has taken its creation in
    /// (normally milliseconds), so a page that follows the creation waits that moment instead of answering 404.
    /// </summary>
    public async Task<ApplicationDetail> ApplicationWhenReadableAsync(Guid id, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplicationAsync(id, ct);
            }
            catch (GatewayProblem problem) when (problem.Status == StatusCodes.Status404NotFound && attempt < 50)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
            }
        }
    }

    public Task<ApplicationCreatedView> CreateApplicationAsync(NewApplication application, CancellationToken ct) =>
        SendAsync<ApplicationCreatedView>(HttpMethod.Post, "/api/v1/applications", JsonContent.Create(application, options: Json), ct);

    public Task<UploadedDocument> UploadDocumentAsync(Guid id, string requirementCode, Stream content, string contentType, CancellationToken ct)
    {
        var body = new StreamContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return SendAsync<UploadedDocument>(HttpMethod.Put, $"/api/v1/applications/{id}/documents/{Uri.EscapeDataString(requirementCode)}", body, ct);
    }

    /// <summary>Whether the applicant has uploaded the document (reads only the answer's headers).</summary>
    public async Task<bool> HasDocumentAsync(Guid id, string requirementCode, CancellationToken ct)
    {
        using var response = await OpenAsync(HttpMethod.Get, $"/api/v1/applications/{id}/documents/{Uri.EscapeDataString(requirementCode)}", null, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            return false;
        await EnsureSuccessAsync(response, ct);
        return true;
    }

    public Task SubmitAsync(Guid id, CancellationToken ct) => SendAsync(HttpMethod.Post, $"/api/v1/applications/{id}/submit", null, ct);

    public Task ResubmitAsync(Guid id, CancellationToken ct) => SendAsync(HttpMethod.Post, $"/api/v1/applications/{id}/resubmit", null, ct);

    /// <summary>Edits the business data while the application is a draft or returned.</summary>
    public Task UpdateApplicationAsync(Guid id, string businessName, string businessAddress, string description, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, $"/api/v1/applications/{id}", JsonContent.Create(new { businessName, businessAddress, description }, options: Json), ct);

    public Task<BusinessDataView> BusinessDataAsync(Guid id, CancellationToken ct) =>
        SendAsync<BusinessDataView>(HttpMethod.Get, $"/api/v1/applications/{id}/business-data", null, ct);

    public Task WithdrawAsync(Guid id, string? reason, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/api/v1/applications/{id}/withdrawal", JsonContent.Create(new { reason }, options: Json), ct);

    public Task<List<UploadedDocumentView>> DocumentsAsync(Guid id, CancellationToken ct) =>
        SendAsync<List<UploadedDocumentView>>(HttpMethod.Get, $"/api/v1/applications/{id}/documents", null, ct);

    /// <summary>The technical file, for the officers whose steps judge on it; null before step 5 opened it.</summary>
    public async Task<TechnicalFileView?> TechnicalFileAsync(Guid id, CancellationToken ct)
    {
        try
        {
            return await SendAsync<TechnicalFileView>(HttpMethod.Get, $"/api/v1/applications/{id}/technical-data", null, ct);
        }
        catch (GatewayProblem problem) when (problem.Status == StatusCodes.Status404NotFound)
        {
            return null;
        }
    }

    /// <summary>A PDF of the application (receipt, decision) to stream on to the browser; the caller disposes it.</summary>
    public Task<HttpResponseMessage> DownloadAsync(Guid id, string what, CancellationToken ct) =>
        GetFileAsync($"/api/v1/applications/{id}/{what}", ct);

    // Supervisors: the SLA report over [from, to) (ISO dates, the agency's midnight), as JSON or as the Gateway's CSV.
    public Task<SlaReportView> SlaReportAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        SendAsync<SlaReportView>(HttpMethod.Get, $"/api/v1/reports/sla?{SlaQuery(from, to)}&format=json", null, ct);

    /// <summary>The report's CSV to stream on to the browser; the caller disposes it.</summary>
    public Task<HttpResponseMessage> SlaReportCsvAsync(DateOnly from, DateOnly to, CancellationToken ct) =>
        GetFileAsync($"/api/v1/reports/sla?{SlaQuery(from, to)}&format=csv", ct);

    static string SlaQuery(DateOnly from, DateOnly to) =>
        $"from={from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}&to={to.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}";

    // Officers
    public Task<List<WorkItem>> TasksAsync(CancellationToken ct) => SendAsync<List<WorkItem>>(HttpMethod.Get, "/api/v1/tasks", null, ct);

    public Task<List<PendingRegistration>> PendingRegistrationsAsync(CancellationToken ct) =>
        SendAsync<List<PendingRegistration>>(HttpMethod.Get, "/api/v1/registrations?status=Pending", null, ct);

    public Task ApproveRegistrationAsync(Guid id, CancellationToken ct) => SendAsync(HttpMethod.Post, $"/api/v1/registrations/{id}/approve", null, ct);

    public Task RejectRegistrationAsync(Guid id, string reason, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/api/v1/registrations/{id}/reject", JsonContent.Create(new { reason }, options: Json), ct);

    public Task<CalendarAnswer> CalendarAsync(int year, CancellationToken ct) =>
        SendAsync<CalendarAnswer>(HttpMethod.Get, $"/api/v1/calendar?year={year}", null, ct);

    /// <summary>The administrator replaces the year's holidays and special working hours.</summary>
    public Task SaveCalendarAsync(int year, CalendarYear calendar, CancellationToken ct) =>
        SendAsync(HttpMethod.Put, $"/api/v1/calendar/{year}", JsonContent.Create(calendar, options: Json), ct);

    /// <summary>An officer's action on a file (completeness, technical-data, technical-recommendation, draft, verification, signature).</summary>
    public Task ActAsync(Guid id, string action, object body, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/api/v1/applications/{id}/{action}", JsonContent.Create(body, options: Json), ct);

    public Task UploadInspectionReportAsync(Guid id, Stream pdf, CancellationToken ct)
    {
        var body = new StreamContent(pdf);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return SendAsync(HttpMethod.Put, $"/api/v1/applications/{id}/inspection-report", body, ct);
    }

    // Public verification
    public async Task<VerificationAnswer?> VerifyNumberAsync(string documentNumber, CancellationToken ct)
    {
        using var response = await OpenAsync(HttpMethod.Get, $"/api/v1/verify/{Uri.EscapeDataString(documentNumber)}", null, ct);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            return null;
        await EnsureSuccessAsync(response, ct);
        return await response.Content.ReadFromJsonAsync<VerificationAnswer>(Json, ct);
    }

    public Task<VerificationVerdictView> VerifyFileAsync(Stream pdf, CancellationToken ct)
    {
        var body = new StreamContent(pdf);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return SendAsync<VerificationVerdictView>(HttpMethod.Post, "/api/v1/verify", body, ct);
    }

    // Public tracking
    /// <summary>
    /// The public status of a receipt number; null when unknown. The Gateway limits lookups per client address: the page passes
    /// its visitor's address on (X-Forwarded-For), which the Gateway believes from a loopback caller only.
    /// </summary>
    public async Task<TrackingAnswer?> TrackAsync(string receiptNumber, string? clientAddress, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/track/{Uri.EscapeDataString(receiptNumber)}");
        if (clientAddress is not null)
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", clientAddress);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException e)
        {
            throw GatewayProblem.Unavailable(e);
        }

        using (response)
        {
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
                return null;
            await EnsureSuccessAsync(response, ct);
            return await response.Content.ReadFromJsonAsync<TrackingAnswer>(Json, ct);
        }
    }

    // The audit log (issue 14 point 5); the query string is built by the page from its filters.
    public Task<AuditPage> AuditAsync(string query, CancellationToken ct) => SendAsync<AuditPage>(HttpMethod.Get, $"/api/v1/audit?{query}", null, ct);

    public Task<AuditVerification> VerifyAuditAsync(CancellationToken ct) =>
        SendAsync<AuditVerification>(HttpMethod.Get, "/api/v1/audit/verify", null, ct);

    public Task<HttpResponseMessage> AuditCsvAsync(string query, CancellationToken ct) =>
        GetFileAsync($"/api/v1/audit?{query}&format=csv", ct);

    // The satisfaction survey (SKM)
    public Task<SurveyInvitationView> SurveyInvitationAsync(Guid id, CancellationToken ct) =>
        SendAsync<SurveyInvitationView>(HttpMethod.Get, $"/api/v1/applications/{id}/survey", null, ct);

    public Task SubmitSurveyAsync(Guid id, IReadOnlyList<int> answers, CancellationToken ct) =>
        SendAsync(HttpMethod.Post, $"/api/v1/applications/{id}/survey", JsonContent.Create(new { answers }, options: Json), ct);

    async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var response = await OpenAsync(method, path, content, ct);
        await EnsureSuccessAsync(response, ct);
        try
        {
            return await response.Content.ReadFromJsonAsync<T>(Json, ct) ?? throw GatewayProblem.Unavailable();
        }
        catch (JsonException e)
        {
            throw GatewayProblem.Unavailable(e);
        }
    }

    async Task SendAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var response = await OpenAsync(method, path, content, ct);
        await EnsureSuccessAsync(response, ct);
    }

    /// <summary>A file (PDF, CSV) to stream on to the browser: the Gateway's answer when it succeeded; the caller disposes it.</summary>
    async Task<HttpResponseMessage> GetFileAsync(string path, CancellationToken ct)
    {
        var response = await OpenAsync(HttpMethod.Get, path, null, ct);
        try
        {
            await EnsureSuccessAsync(response, ct);
            return response;
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    async Task<HttpResponseMessage> OpenAsync(HttpMethod method, string path, HttpContent? content, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (WebSession.AccessToken(accessor.HttpContext?.User) is { } token)
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        // The visitor's address, for the Gateway's per-address limits and its audit log (believed from loopback only).
        if (accessor.HttpContext?.Connection.RemoteIpAddress is { } visitor)
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", visitor.ToString());
        try
        {
            return await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
        }
        catch (HttpRequestException e)
        {
            throw GatewayProblem.Unavailable(e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw GatewayProblem.Unavailable(e);
        }
    }

    static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.IsSuccessStatusCode)
            return;
        var status = (int)response.StatusCode;
        ProblemBody? problem = null;
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                problem = await response.Content.ReadFromJsonAsync<ProblemBody>(Json, ct);
            }
            catch (JsonException)
            {
            }
        }

        if (status >= 500)
            throw GatewayProblem.Unavailable();
        throw new GatewayProblem(status, problem?.Title ?? DefaultTitle(status), problem?.Detail, problem?.Errors);
    }

    static string DefaultTitle(int status) => status switch
    {
        401 => "Sesi Anda telah berakhir. Silakan masuk kembali.",
        403 => "Anda tidak berwenang melakukan tindakan ini.",
        404 => "Data tidak ditemukan.",
        413 => "Berkas melebihi batas 10 MB.",
        415 => "Jenis berkas tidak didukung.",
        429 => "Terlalu banyak percobaan. Silakan coba lagi nanti.",
        _ => "Permintaan tidak dapat diproses.",
    };

    sealed record ProblemBody(string? Title, string? Detail, Dictionary<string, string[]>? Errors);
}
