using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Ptsp.Contracts;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Gateway.Tests.Infrastructure;

namespace Ptsp.Gateway.Tests;

/// <summary>
/// The authorization matrix, endpoint × caller × step, in process: every operation of the OpenAPI document has a row; every caller (the
/// seven officer roles, the applicant who owns the file, another applicant, anonymous, a forged token) calls it on files standing at each step that
/// matters, and the answer must be the one the row names. The Gateway answers who may ask (401, 403); the owning service answers where
/// the file is (404 for someone else's file, 409 at the wrong step) and whether the input is valid (400, 415).
/// Actions are sent with input the owning service refuses (an empty or oversized field, a file that is not what it claims), so a 400
/// or 415 in a cell means "this caller passed every guard at this step" and no call changes a file; the accepting answers (201/202) are
/// those of the walk that brings the files to their steps (<see cref="Files"/>, each action asserted 202 by its role at its step).
/// Afterwards every file's status, step, history, receipt and decision are as they were.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Files files) : IClassFixture<AuthorizationMatrixTests.Files>
{
    const string Anonymous = "anonymous";
    const string Owner = "owner";
    const string Other = "another applicant";

    /// <summary>A token no one issued: answered as anonymous everywhere.</summary>
    const string Forged = "a forged token";
    const string FrontOffice = Roles.FrontOffice, BackOffice = Roles.BackOffice, TechnicalTeam = Roles.TechnicalTeam, SectionHead = Roles.SectionHead,
        DivisionHead = Roles.DivisionHead, AgencyHead = Roles.AgencyHead, Administrator = Roles.Administrator;

    static readonly string[] OfficerRoles = [FrontOffice, BackOffice, TechnicalTeam, SectionHead, DivisionHead, AgencyHead];
    static readonly string[] Callers = [Anonymous, Forged, Owner, Other, .. OfficerRoles, Administrator];
    static readonly string[] TechnicalReaders = [BackOffice, TechnicalTeam, SectionHead, DivisionHead, AgencyHead];
    static readonly Guid Unknown = Guid.Parse("0b7e4a52-9d51-4c57-8a55-3b1f7b0c2d11");

    /// <summary>A file standing at one step of the SOP.</summary>
    public sealed record Stage(string Name, string Status, int? Step)
    {
        public Guid Id { get; set; }

        public string? ReceiptNumber { get; set; }

        public string? DocumentNumber { get; set; }

        public bool Is(params string[] names) => names.Contains(Name);

        public bool Accepted => Step is >= 5 || Name == "Issued";

        /// <summary>Signing holds the decision (step 7 on).</summary>
        public bool AtSigning => Step is >= 7 || Name == "Issued";

        public override string ToString() => Name;
    }

    /// <summary>The in-process host, the callers' tokens and one file at each step, walked there once for the whole class.</summary>
    public sealed class Files : IAsyncLifetime
    {
        public InProcessPtsp Ptsp { get; } = new();

        public Dictionary<string, string?> Tokens { get; } = new() { [Anonymous] = null, [Forged] = "not.a.token" };

        public IReadOnlyList<Stage> Stages { get; } =
        [
            new("Draft", "Draft", 3),
            new("Returned", "ReturnedToApplicant", 3),
            new("Submitted", "Submitted", 4),
            new("Step5", "InTechnicalReview", 5),
            new("Step6", "InTechnicalReview", 6),
            new("Step7", "InDrafting", 7),
            new("Step8", "InVerification", 8),
            new("Step9", "InVerification", 9),
            new("Step10", "AwaitingSignature", 10),
            new("Issued", "Issued", null),
        ];

        public async Task InitializeAsync()
        {
            await ((IAsyncLifetime)Ptsp).InitializeAsync();
            var api = Ptsp.Api;
            foreach (var (role, token) in await QuickPermit.OfficersAsync(api, InProcessPtsp.OfficerPassword))
                Tokens[role] = token;
            Tokens[Owner] = (await QuickPermit.ApplicantAsync(api, Ptsp.Mail, Tokens[FrontOffice]!, "Dewi Lestari")).Token;
            Tokens[Other] = (await QuickPermit.ApplicantAsync(api, Ptsp.Mail, Tokens[FrontOffice]!, "Agus Salim")).Token;
            await Task.WhenAll(Stages.Select(WalkAsync));
        }

        /// <summary>From a new draft to the stage's step, each action by its role (asserted 202).</summary>
        async Task WalkAsync(Stage stage)
        {
            var (api, owner) = (Ptsp.Api, Tokens[Owner]!);
            var officers = Tokens.Where(t => t.Key is not (Anonymous or Forged or Owner or Other)).ToDictionary(t => t.Key, t => t.Value!);
            stage.Id = await api.CreateApplicationAsync(owner, QuickPermit.PermitType, $"CV Matriks {stage.Name}");
            await api.WaitForAsync(stage.Id, owner, "Draft", 3);
            if (stage.Is("Draft"))
                return;
            await api.UploadAllDocumentsAsync(stage.Id, QuickPermit.PermitType, owner);
            await api.ActAsync(stage.Id, "submit", new { }, owner);
            await api.WaitForAsync(stage.Id, officers[FrontOffice], "Submitted", 4);
            if (stage.Is("Submitted"))
                return;
            if (stage.Is("Returned"))
            {
                await api.ActAsync(stage.Id, "completeness", new { complete = false, missingRequirements = new[] { "KTP" }, note = "KTP tidak terbaca." },
                    officers[FrontOffice]);
                await api.WaitForAsync(stage.Id, owner, stage.Status, stage.Step);
                return;
            }

            var steps = new (string Action, object Body, string Role, string Status, int? Step)[]
            {
                ("completeness", new { complete = true }, FrontOffice, "InTechnicalReview", 5),
                ("technical-data", new
                {
                    data = new Dictionary<string, string> { ["lokasiPenelitian"] = "Desa Cibening" },
                    review = new { kind = "Meeting", scheduledAt = DateTimeOffset.UtcNow.AddHours(1), location = "Aula DPMPTSP" },
                }, BackOffice, "InTechnicalReview", 6),
                ("technical-recommendation", new { recommendation = "Approve", notes = "Sesuai ketentuan." }, TechnicalTeam, "InDrafting", 7),
                ("draft", new { kind = "Permit", body = "Memberikan izin penelitian." }, BackOffice, "InVerification", 8),
                ("verification", new { approve = true }, SectionHead, "InVerification", 9),
                ("verification", new { approve = true }, DivisionHead, "AwaitingSignature", 10),
                ("signature", new { approve = true }, AgencyHead, "Issued", null),
            };
            foreach (var (action, body, role, status, step) in steps)
            {
                await api.ActAsync(stage.Id, action, body, officers[role]);
                var now = await api.WaitForAsync(stage.Id, officers[FrontOffice], status, step);
                stage.ReceiptNumber = now["receiptNumber"]?.GetValue<string>();
                stage.DocumentNumber = now["decision"]?["documentNumber"]?.GetValue<string>();
                if (status == stage.Status && step == stage.Step)
                    return;
            }
        }

        public async Task DisposeAsync() => await ((IAsyncLifetime)Ptsp).DisposeAsync();
    }

    /// <summary>One operation: its request (for a file, or once when <paramref name="PerFile"/> is false) and each caller's answer at each stage.</summary>
    /// <remarks><paramref name="OneAtATime"/>: the callers ask one after the other (a password check is slow on purpose).</remarks>
    sealed record Row(string Operation, bool PerFile, Func<Stage, HttpRequestMessage> Request, Func<string, Stage, int> Expected, bool OneAtATime = false);

    static HttpRequestMessage Get(string path) => new(HttpMethod.Get, path);

    static HttpRequestMessage Send(HttpMethod method, string path, object body) => new(method, path) { Content = JsonContent.Create(body) };

    static HttpRequestMessage Post(string path, object body) => Send(HttpMethod.Post, path, body);

    static HttpRequestMessage PostEmpty(string path) => new(HttpMethod.Post, path);

    static HttpRequestMessage Upload(string path, byte[] bytes, string contentType)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new HttpRequestMessage(HttpMethod.Put, path) { Content = content };
    }

    /// <summary>The applicant's own actions: another applicant is told the file does not exist; officers are not applicants.</summary>
    static int OwnerAction(string caller, int answer) => caller switch
    {
        Anonymous => 401,
        Owner => answer,
        Other => 404,
        _ => 403,
    };

    /// <summary>An action of some roles only: anyone else is refused by the Gateway before any service is asked.</summary>
    static int RoleAction(string caller, IEnumerable<string> roles, int answer) => caller == Anonymous ? 401 : roles.Contains(caller) ? answer : 403;

    /// <summary>What the owner and every officer may read; another applicant is told it does not exist.</summary>
    static int Read(string caller, int answer, int administrator = 403) => caller switch
    {
        Anonymous => 401,
        Other => 404,
        Administrator => administrator,
        _ => answer,
    };

    static int Everyone(string _, int answer) => answer;

    static Row[] Rows()
    {
        const string A = "/api/v1/applications/";
        var longReason = new string('x', 1001);
        return
        [
            // The file and what belongs to it.
            new("GET /api/v1/applications/{id}", true, s => Get($"{A}{s.Id}"), (c, _) => Read(c, 200)),
            new("GET /api/v1/applications/{id}/business-data", true, s => Get($"{A}{s.Id}/business-data"), (c, _) => Read(c, 200, 404)),
            new("GET /api/v1/applications/{id}/documents", true, s => Get($"{A}{s.Id}/documents"), (c, _) => Read(c, 200, 404)),
            new("GET /api/v1/applications/{id}/documents/{requirementCode}", true, s => Get($"{A}{s.Id}/documents/KTP"),
                (c, s) => s.Is("Draft") ? Read(c, 404, 404) : Read(c, 200, 404)),
            new("GET /api/v1/applications/{id}/receipt", true, s => Get($"{A}{s.Id}/receipt"), (c, s) => Read(c, s.Accepted ? 200 : 409, 404)),
            new("GET /api/v1/applications/{id}/technical-data", true, s => Get($"{A}{s.Id}/technical-data"),
                (c, s) => RoleAction(c, TechnicalReaders, s.Accepted ? 200 : 404)),
            new("GET /api/v1/applications/{id}/inspection-report", true, s => Get($"{A}{s.Id}/inspection-report"), (c, _) => RoleAction(c, TechnicalReaders, 404)),
            new("GET /api/v1/applications/{id}/draft", true, s => Get($"{A}{s.Id}/draft"),
                (c, s) => RoleAction(c, OfficerRoles, s.Is("Step8", "Step9", "Step10", "Issued") ? 200 : 404)),
            // Signing holds a decision from step 7: before, it cannot tell "not yet" from "no such file" (404); from step 7 until signed, 409.
            new("GET /api/v1/applications/{id}/decision", true, s => Get($"{A}{s.Id}/decision"),
                (c, s) => Read(c, s.Is("Issued") ? 200 : s.AtSigning ? 409 : 404, 404)),
            // The invitation says open: false for any file without a decision at Signing yet (the same as for no file at all, so another
            // applicant learns nothing); from step 7 Signing knows the owner and tells anyone else it does not exist.
            new("GET /api/v1/applications/{id}/survey", true, s => Get($"{A}{s.Id}/survey"),
                (c, s) => c == Other && !s.AtSigning ? 200 : OwnerAction(c, 200)),

            // The applicant's actions.
            new("PUT /api/v1/applications/{id}", true, s => Send(HttpMethod.Put, $"{A}{s.Id}", new { businessName = "", businessAddress = "Jl. Veteran 1", description = "x" }),
                (c, s) => OwnerAction(c, s.Is("Draft", "Returned") ? 400 : 409)),
            new("PUT /api/v1/applications/{id}/documents/{requirementCode}", true, s => Upload($"{A}{s.Id}/documents/KTP", SampleFiles.Executable, "application/pdf"),
                (c, s) => OwnerAction(c, s.Is("Draft", "Returned") ? 415 : 409)),
            new("POST /api/v1/applications/{id}/submit", true, s => PostEmpty($"{A}{s.Id}/submit"), (c, s) => OwnerAction(c, s.Is("Draft") ? 400 : 409)),
            new("POST /api/v1/applications/{id}/resubmit", true, s => PostEmpty($"{A}{s.Id}/resubmit"), (c, s) => OwnerAction(c, s.Is("Returned") ? 400 : 409)),
            new("POST /api/v1/applications/{id}/withdrawal", true, s => Post($"{A}{s.Id}/withdrawal", new { reason = longReason }),
                (c, s) => OwnerAction(c, s.Is("Issued") ? 409 : 400)),
            new("POST /api/v1/applications/{id}/survey", true, s => Post($"{A}{s.Id}/survey", new { }),
                (c, s) => c == Other && !s.AtSigning ? 409 : OwnerAction(c, s.Is("Issued") ? 400 : 409)),

            // The officers' actions, each at its step.
            new("POST /api/v1/applications/{id}/completeness", true, s => Post($"{A}{s.Id}/completeness", new { }),
                (c, s) => RoleAction(c, [FrontOffice], s.Is("Submitted") ? 400 : 409)),
            new("POST /api/v1/applications/{id}/technical-data", true, s => Post($"{A}{s.Id}/technical-data", new { }),
                (c, s) => RoleAction(c, [BackOffice], s.Is("Step5") ? 400 : 409)),
            new("POST /api/v1/applications/{id}/review-schedule", true, s => Post($"{A}{s.Id}/review-schedule", new { }),
                (c, s) => RoleAction(c, [BackOffice, TechnicalTeam], s.Is("Step6") ? 400 : 409)),
            new("PUT /api/v1/applications/{id}/inspection-report", true, s => Upload($"{A}{s.Id}/inspection-report", SampleFiles.Executable, "application/pdf"),
                (c, s) => RoleAction(c, [TechnicalTeam], s.Is("Step6") ? 415 : 409)),
            new("POST /api/v1/applications/{id}/technical-recommendation", true, s => Post($"{A}{s.Id}/technical-recommendation", new { }),
                (c, s) => RoleAction(c, [TechnicalTeam], s.Is("Step6") ? 400 : 409)),
            new("POST /api/v1/applications/{id}/draft", true, s => Post($"{A}{s.Id}/draft", new { }), (c, s) => RoleAction(c, [BackOffice], s.Is("Step7") ? 400 : 409)),
            new("POST /api/v1/applications/{id}/verification", true, s => Post($"{A}{s.Id}/verification", new { }),
                (c, s) => RoleAction(c, [SectionHead, DivisionHead], (c == SectionHead && s.Is("Step8")) || (c == DivisionHead && s.Is("Step9")) ? 400 : 409)),
            new("POST /api/v1/applications/{id}/signature", true, s => Post($"{A}{s.Id}/signature", new { }), (c, s) => RoleAction(c, [AgencyHead], s.Is("Step10") ? 400 : 409)),
            new("POST /api/v1/applications/{id}/revocation", true, s => Post($"{A}{s.Id}/revocation", new { }), (c, s) => RoleAction(c, [AgencyHead], s.Is("Issued") ? 400 : 409)),

            // Lists and worklists.
            new("GET /api/v1/applications", false, _ => Get("/api/v1/applications"), (c, _) => c switch { Anonymous => 401, Administrator => 403, _ => 200 }),
            new("POST /api/v1/applications", false, _ => Post("/api/v1/applications", new { permitTypeCode = "TIDAK-ADA" }),
                (c, _) => RoleAction(c, [Owner, Other], 400)),
            new("GET /api/v1/tasks", false, _ => Get("/api/v1/tasks"), (c, _) => RoleAction(c, OfficerRoles, 200)),
            new("GET /api/v1/stream", false, _ => Get("/api/v1/stream"), (c, _) => c == Anonymous ? 401 : 200),
            new("GET /api/v1/permit-types", false, _ => Get("/api/v1/permit-types"), (c, _) => Everyone(c, 200)),

            // Accounts.
            new("POST /api/v1/registrations", false, _ => Post("/api/v1/registrations", new { }), (c, _) => Everyone(c, 400)),
            new("GET /api/v1/registrations", false, _ => Get("/api/v1/registrations?status=Pending"), (c, _) => RoleAction(c, [FrontOffice], 200)),
            new("POST /api/v1/registrations/{id}/approve", false, _ => PostEmpty($"/api/v1/registrations/{Unknown}/approve"), (c, _) => RoleAction(c, [FrontOffice], 404)),
            new("POST /api/v1/registrations/{id}/reject", false, _ => Post($"/api/v1/registrations/{Unknown}/reject", new { reason = "Data tidak sesuai." }),
                (c, _) => RoleAction(c, [FrontOffice], 404)),
            // The same answer whether the account exists or not, and for an empty form.
            new("POST /api/v1/auth/login", false, _ => Post("/api/v1/auth/login", new { }), (c, _) => Everyone(c, 401)),
            new("POST /api/v1/auth/password", false, _ => Post("/api/v1/auth/password", new { }), (c, _) => c == Anonymous ? 401 : 400, OneAtATime: true),
            new("POST /api/v1/auth/password-reset", false, _ => Post("/api/v1/auth/password-reset", new { }), (c, _) => Everyone(c, 400)),
            new("POST /api/v1/auth/password-reset/confirm", false, _ => Post("/api/v1/auth/password-reset/confirm", new { }), (c, _) => Everyone(c, 400)),

            // Administration.
            new("GET /api/v1/officers", false, _ => Get("/api/v1/officers"), (c, _) => RoleAction(c, [Administrator], 200)),
            new("GET /api/v1/officers/{id}", false, _ => Get($"/api/v1/officers/{Unknown}"), (c, _) => RoleAction(c, [Administrator], 404)),
            new("POST /api/v1/officers", false, _ => Post("/api/v1/officers", new { }), (c, _) => RoleAction(c, [Administrator], 400)),
            new("PUT /api/v1/officers/{id}", false, _ => Send(HttpMethod.Put, $"/api/v1/officers/{Unknown}", new { }), (c, _) => RoleAction(c, [Administrator], 400)),
            new("POST /api/v1/officers/{id}/deactivation", false, _ => PostEmpty($"/api/v1/officers/{Unknown}/deactivation"),
                (c, _) => RoleAction(c, [Administrator], 404)),
            new("POST /api/v1/officers/{id}/reactivation", false, _ => PostEmpty($"/api/v1/officers/{Unknown}/reactivation"),
                (c, _) => RoleAction(c, [Administrator], 404)),
            new("POST /api/v1/officers/{id}/password-reset", false, _ => PostEmpty($"/api/v1/officers/{Unknown}/password-reset"),
                (c, _) => RoleAction(c, [Administrator], 404)),
            new("GET /api/v1/calendar", false, _ => Get("/api/v1/calendar"), (c, _) => RoleAction(c, [.. OfficerRoles, Administrator], 200)),
            new("PUT /api/v1/calendar/{year}", false, _ => Send(HttpMethod.Put, "/api/v1/calendar/2027", new { holidays = new[] { new { date = "2026-12-25", name = "Natal" } } }), (c, _) => RoleAction(c, [Administrator], 400)),
            new("GET /api/v1/audit", false, _ => Get("/api/v1/audit"), (c, _) => RoleAction(c, [Administrator], 200)),
            new("GET /api/v1/audit/verify", false, _ => Get("/api/v1/audit/verify"), (c, _) => RoleAction(c, [Administrator], 200)),
            new("GET /api/v1/ops/faults", false, _ => Get("/api/v1/ops/faults"), (c, _) => RoleAction(c, [Administrator], 200)),
            new("POST /api/v1/ops/faults/{id}/replay", false, _ => PostEmpty($"/api/v1/ops/faults/{Unknown}/replay"), (c, _) => RoleAction(c, [Administrator], 404)),
            new("POST /api/v1/ops/faults/{id}/discard", false, _ => PostEmpty($"/api/v1/ops/faults/{Unknown}/discard"), (c, _) => RoleAction(c, [Administrator], 404)),

            // Reports.
            new("GET /api/v1/reports/sla", false, _ => Get("/api/v1/reports/sla?from=2026-11-01&to=2026-11-30"),
                (c, _) => RoleAction(c, [SectionHead, DivisionHead, AgencyHead], 200)),
            new("GET /api/v1/reports/skm", false, _ => Get("/api/v1/reports/skm?from=2026-11-01&to=2026-11-30"),
                (c, _) => RoleAction(c, [SectionHead, DivisionHead, AgencyHead, Administrator], 200)),

            // The public.
            new("GET /api/v1/track/{receiptNumber}", true, s => Get($"/api/v1/track/{s.ReceiptNumber ?? "503/9999/TT-PNL/DPMPTSP/XI/2026"}"),
                (c, s) => Everyone(c, s.Accepted ? 200 : 404)),
            new("GET /api/v1/verify/{documentNumber}", true, s => Get($"/api/v1/verify/{s.DocumentNumber ?? "503/9999/IZN-PNL/DPMPTSP/XI/2026"}"),
                (c, s) => Everyone(c, s.Is("Issued") ? 200 : 404)),
            new("POST /api/v1/verify", false, _ => new HttpRequestMessage(HttpMethod.Post, "/api/v1/verify") { Content = PdfContent() }, (c, _) => Everyone(c, 200)),
        ];
    }

    static ByteArrayContent PdfContent()
    {
        var content = new ByteArrayContent(SampleFiles.Pdf());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return content;
    }

    [Fact]
    public async Task Every_operation_of_the_openapi_document_has_a_row_in_the_matrix()
    {
        var documented = OpenApiSnapshotTests.Operations(await OpenApiSnapshotTests.DocumentAsync(files.Ptsp)).Select(o => $"{o.Method} {o.Path}").ToHashSet();
        var rows = Rows().Select(r => r.Operation).ToList();

        Assert.Equal(rows.Count, rows.Distinct().Count());
        var withoutRow = documented.Except(rows).Order().ToList();
        var stale = rows.Except(documented).Order().ToList();
        Assert.True(withoutRow.Count == 0 && stale.Count == 0,
            $"Operations without a row: {string.Join(", ", withoutRow)}. Rows for operations the document does not have: {string.Join(", ", stale)}.");
    }

    [Fact]
    public async Task Every_caller_gets_the_answer_of_the_matrix_at_every_step_and_no_refusal_changes_a_file()
    {
        var before = await SnapshotAsync();
        using var http = new HttpClient { BaseAddress = files.Ptsp.ClientOptions.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        var mismatches = new System.Collections.Concurrent.ConcurrentBag<string>();
        var calls = 0;

        foreach (var row in Rows())
        {
            foreach (var stage in row.PerFile ? files.Stages : files.Stages.Take(1))
            {
                // Refusals change nothing, so the callers may ask at once.
                using var turns = new SemaphoreSlim(row.OneAtATime ? 1 : Callers.Length);
                await Task.WhenAll(Callers.Select(async caller =>
                {
                    await turns.WaitAsync();
                    try
                    {
                        await AskAsync(caller);
                    }
                    finally
                    {
                        turns.Release();
                    }
                }));

                async Task AskAsync(string caller)
                {
                    using var request = row.Request(stage);
                    if (files.Tokens[caller] is { } token)
                        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                    Interlocked.Increment(ref calls);
                    var expected = row.Expected(caller == Forged ? Anonymous : caller, stage);
                    var where = row.PerFile ? $" at {stage}" : "";
                    if ((int)response.StatusCode != expected)
                        mismatches.Add($"{row.Operation}{where} by {caller}: {(int)response.StatusCode}, expected {expected} " +
                                       (response.Content.Headers.ContentType?.MediaType == "text/event-stream" ? "" : await response.Content.ReadAsStringAsync()));
                    else if (expected >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                        mismatches.Add($"{row.Operation}{where} by {caller}: {expected} without problem details");
                }
            }
        }

        Assert.True(mismatches.IsEmpty, $"{mismatches.Count} of {calls} answers differ from the matrix:\n" + string.Join('\n', mismatches.Order(StringComparer.Ordinal)));
        var after = await SnapshotAsync();
        foreach (var stage in files.Stages)
            Assert.Equal(before[stage.Name], after[stage.Name]);
    }

    /// <summary>What a refused action must not change: each file's status, step, history, receipt and decision (as an officer reads them).</summary>
    async Task<Dictionary<string, string>> SnapshotAsync()
    {
        var snapshot = new Dictionary<string, string>();
        foreach (var stage in files.Stages)
        {
            var file = await files.Ptsp.Api.GetApplicationAsync(stage.Id, files.Tokens[FrontOffice]!);
            Assert.Equal((stage.Status, stage.Step), (file.Get<string>("status"), file["currentStep"]?.GetValue<int>()));
            snapshot[stage.Name] = new JsonObject
            {
                ["status"] = file["status"]?.DeepClone(),
                ["currentStep"] = file["currentStep"]?.DeepClone(),
                ["history"] = file["history"]?.DeepClone(),
                ["receiptNumber"] = file["receiptNumber"]?.DeepClone(),
                ["decision"] = file["decision"]?.DeepClone(),
            }.ToJsonString();
        }

        return snapshot;
    }
}
