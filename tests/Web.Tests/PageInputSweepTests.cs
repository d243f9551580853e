using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Ptsp.EndToEnd.Tests.Infrastructure;
using Ptsp.Web.Tests.Infrastructure;

namespace Ptsp.Web.Tests;

/// <summary>
/// No page or form answers 500 for any input (issue 9). Each kind of user — a visitor, an applicant, the front office, a
/// section head, the administrator — opens the pages they reach, with hostile values in the route and in every query
/// parameter the pages read; then every form on those pages is sent as the browser would, with each field in turn replaced
/// by hostile values or left out, and once with a forged antiforgery token. Every answer (after its redirects) must be
/// below 500 and show no stack trace. A form that names an id of something this test does not own (another applicant's
/// registration, another officer) is left alone, so the sweep cannot change what other tests use.
/// </summary>
[Collection(WebCollection.Name)]
public sealed class PageInputSweepTests(WebFixture web)
{
    static readonly string[] Hostile =
    [
        "", new string('x', 5000), "<script>alert(1)</script>'\"--", "-1", "99999999999999999999", "2026-02-30", "\0\u202e",
        "00000000-0000-0000-0000-000000000000", "../../etc/passwd", "%", "٣",
    ];

    // Every query parameter a page binds (grep SupportsGet and the OnGet handlers' parameters), tried on every page.
    static readonly string[] QueryNames =
    [
        "jenis", "diubah", "ditarik", "selesai", "dari", "sampai", "pengguna", "tindakan", "permohonan", "sebelum", "semua", "gangguan",
        "tahun", "ReturnUrl", "nomor", "token", "langkah", "terlambat", "halaman", "bap", "jadwal", "lihat", "terkirim", "diunggah", "handler",
    ];

    static readonly Regex GuidPattern = new("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    readonly List<string> _failures = [];
    readonly HashSet<string> _own = new(StringComparer.OrdinalIgnoreCase) { Guid.Empty.ToString() };
    int _requests;
    int _posts;

    [Fact]
    public async Task No_page_or_form_answers_500_for_hostile_route_query_or_form_values()
    {
        var (username, password) = await web.ApplicantAsync();
        var submitted = await web.SubmittedApplicationAsync(username, password, "CV Uji Masukan");
        var draft = await web.Api.CreateApplicationAsync(await web.Api.TokenAsync(username, password), "REKLAME", "CV Uji Draf");
        var officer = await ThrowawayOfficerAsync();
        _own.UnionWith([submitted.ToString(), draft.ToString(), officer.ToString()]);
        var stranger = Guid.NewGuid().ToString();
        _own.Add(stranger);
        await web.Api.WaitForAsync(submitted, await web.Api.TokenAsync("frontoffice", WebFixture.OfficerPassword), "Submitted", 4);

        string[] routes = ["<script>", "%2e%2e%2f", "x", new string('9', 400), stranger];
        var visitor = await web.NewPageAsync();
        await SweepAsync(visitor, ["/", "/daftar", "/daftar/terkirim", "/masuk", "/lupa-kata-sandi", "/atur-ulang-kata-sandi", "/lacak",
            "/verifikasi", "/tidak-berwenang", "/izin/REKLAME", "/galat/404", "/galat/-1", "/galat/99999999999",
            .. routes.Select(r => $"/izin/{Uri.EscapeDataString(r)}"), .. routes.Select(r => $"/verify/{Uri.EscapeDataString(r)}")]);

        var front = await SignedInAsync("frontoffice", WebFixture.OfficerPassword);
        await SweepAsync(front, ["/tugas", "/tugas/pendaftaran", $"/tugas/{submitted}", $"/tugas/{stranger}",
            $"/tugas/{submitted}/unduh/dokumen/KTP", .. routes.Select(r => $"/tugas/{submitted}/unduh/{Uri.EscapeDataString(r)}/KTP"),
            .. routes.Select(r => $"/tugas/{submitted}/unduh/dokumen/{Uri.EscapeDataString(r)}")]);

        var kasi = await SignedInAsync("kasi", WebFixture.OfficerPassword);
        await SweepAsync(kasi, ["/laporan/sla", "/laporan/sla/csv", "/laporan/sla/x"]);

        var admin = await SignedInAsync("admin", WebFixture.OfficerPassword);
        await SweepAsync(admin, ["/admin/petugas", "/admin/petugas/baru", $"/admin/petugas/{officer}", $"/admin/petugas/{stranger}", "/admin/audit",
            "/admin/gangguan", "/admin/kalender"]);

        // The applicant last: a hostile but valid reason withdraws the test's own application, and that is allowed.
        var applicant = await SignedInAsync(username, password);
        await SweepAsync(applicant, ["/permohonan", "/permohonan/baru", "/permohonan/baru/data-usaha", "/ganti-kata-sandi",
            $"/permohonan/{draft}/dokumen", $"/permohonan/{draft}/dokumen/KTP", $"/permohonan/{draft}/ubah", $"/permohonan/{draft}/periksa",
            $"/permohonan/{submitted}", $"/permohonan/{submitted}/terkirim", $"/permohonan/{submitted}/survei", $"/permohonan/{submitted}/unduh/tanda-terima",
            $"/permohonan/{stranger}", $"/permohonan/{stranger}/dokumen", $"/permohonan/{stranger}/tarik",
            .. routes.Select(r => $"/permohonan/{draft}/dokumen/{Uri.EscapeDataString(r)}"),
            .. routes.Select(r => $"/permohonan/{submitted}/unduh/{Uri.EscapeDataString(r)}"), $"/permohonan/{submitted}/tarik"]);

        Assert.True(_failures.Count == 0, $"{_failures.Count} of {_requests} requests failed:\n" + string.Join("\n", _failures.Take(40)));
        // The sweep reached the pages and their forms (a page that stopped rendering its forms would lower these).
        Assert.True(_requests > 5000 && _posts > 500, $"only {_requests} requests were sent, {_posts} of them forms");
    }

    async Task SweepAsync(IPage page, IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            var html = await ExpectAsync(page, "GET", path, () => page.Context.APIRequest.GetAsync(path));
            // Every query parameter at once with each hostile value, then each alone with the three that break most parsers.
            var urls = Hostile.Select(value => path + "?" + string.Join('&', QueryNames.Select(n => $"{n}={Uri.EscapeDataString(value)}")))
                .Concat(QueryNames.SelectMany(n => Hostile[1..4].Select(value => $"{path}?{n}={Uri.EscapeDataString(value)}")));
            foreach (var url in urls)
                await ExpectAsync(page, "GET", url.Length > 200 ? url[..200] + "…" : url, () => page.Context.APIRequest.GetAsync(url));

            if (!html)
                continue; // a download, or an answer that is not a page: nothing to fill in
            var response = await page.GotoAsync(path);
            if (response is null || response.Status != 200)
                continue;
            foreach (var form in await FormsAsync(page))
                await SweepFormAsync(page, path, form);
        }
    }

    async Task SweepFormAsync(IPage page, string path, Form form)
    {
        if (form.Method != "post" || form.Action.Contains("/keluar", StringComparison.Ordinal))
            return;
        var named = form.Fields.Where(f => f.Name != "__RequestVerificationToken").Select(f => f.Name).Distinct().ToList();
        if (GuidPattern.Matches(form.Action + " " + string.Join(" ", form.Fields.Select(f => f.Value))).Any(m => !_own.Contains(m.Value)))
            return; // it acts on something this test does not own

        foreach (var name in named)
        {
            foreach (var value in Hostile.Append(null))
                await ExpectAsync(page, "POST", $"{form.Action} [{path}] {name}={Shown(value)}", () => SendAsync(page, form, name, value));
        }

        if (form.Files.Count > 0)
        {
            foreach (var file in HostileFiles())
                await ExpectAsync(page, "POST", $"{form.Action} [{path}] file {file.Name}", () => SendAsync(page, form, null, null, file));
        }

        await ExpectAsync(page, "POST", $"{form.Action} [{path}] forged antiforgery token",
            () => SendAsync(page, form, "__RequestVerificationToken", "CfDJ8-forged"));
    }

    /// <summary>The form as the browser sends it, with <paramref name="name"/> set to <paramref name="value"/> (null: left out).</summary>
    static Task<IAPIResponse> SendAsync(IPage page, Form form, string? name, string? value, FilePayload? file = null)
    {
        var data = page.Context.APIRequest.CreateFormData();
        foreach (var field in form.Fields.Where(f => f.Name != name))
            data.Append(field.Name, field.Value);
        if (name is not null && value is not null)
            data.Append(name, value);
        if (form.Files.Count == 0)
            return page.Context.APIRequest.PostAsync(form.Action, new() { Form = data });
        foreach (var input in form.Files)
            data.Append(input, file ?? new FilePayload { Name = "dokumen.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf("Uji") });
        return page.Context.APIRequest.PostAsync(form.Action, new() { Multipart = data });
    }

    static IEnumerable<FilePayload> HostileFiles() =>
    [
        new() { Name = "../../etc/passwd.pdf", MimeType = "application/pdf", Buffer = "%PDF-1.4 tidak lengkap"u8.ToArray() },
        new() { Name = "kosong.pdf", MimeType = "application/pdf", Buffer = [] },
        new() { Name = "program.exe", MimeType = "application/octet-stream", Buffer = [0x4D, 0x5A, 0x90, 0x00, 0x03] },
        new() { Name = new string('a', 300) + ".png", MimeType = "image/png", Buffer = SampleFiles.Png[..20] },
        new() { Name = "\u202egnp.exe", MimeType = "image/png", Buffer = SampleFiles.Png },
    ];

    /// <summary>Sends, records a failure (5xx or a stack trace), and says whether the answer was an HTML page.</summary>
    async Task<bool> ExpectAsync(IPage page, string method, string what, Func<Task<IAPIResponse>> send)
    {
        _requests++;
        if (method == "POST")
            _posts++;
        IAPIResponse response;
        try
        {
            response = await send();
        }
        catch (PlaywrightException e)
        {
            _failures.Add($"{method} {what}: no answer ({e.Message.Split('\n')[0]})");
            return false;
        }

        var html = response.Headers.TryGetValue("content-type", out var type) && type.StartsWith("text/html", StringComparison.Ordinal);
        var body = html ? await response.TextAsync() : "";
        if (response.Status >= 500 || body.Contains("Exception", StringComparison.Ordinal) || body.Contains("   at ", StringComparison.Ordinal))
            _failures.Add($"{method} {what} ({page.Url}): {response.Status} {response.Url}");
        await response.DisposeAsync();
        return html && response.Status == 200;
    }

    static string Shown(string? value) => value is null ? "(left out)" : value.Length > 40 ? $"{value[..10]}…({value.Length})" : JsonSerializer.Serialize(value);

    /// <summary>Every form on the page as the browser would send it: its fields' names and current values (checked boxes only).</summary>
    static async Task<IReadOnlyList<Form>> FormsAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string>("""
            () => JSON.stringify([...document.forms].map(f => ({
              action: new URL(f.getAttribute('action') || location.href, location.href).pathname + new URL(f.getAttribute('action') || location.href, location.href).search,
              method: (f.getAttribute('method') || 'get').toLowerCase(),
              files: [...f.elements].filter(e => e.type === 'file' && e.name).map(e => e.name),
              fields: [...f.elements].filter(e => e.name && e.type !== 'file' && e.type !== 'submit' && e.type !== 'button'
                                                 && !((e.type === 'checkbox' || e.type === 'radio') && !e.checked))
                                     .map(e => ({ name: e.name, value: e.value ?? '' }))
                        .concat([...f.elements].filter(e => e.type === 'submit' && e.name).slice(0, 1).map(e => ({ name: e.name, value: e.value ?? '' })))
            })))
            """);
        return JsonSerializer.Deserialize<List<Form>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    async Task<IPage> SignedInAsync(string username, string password)
    {
        var page = await web.NewPageAsync();
        await WebFixture.SignInAsync(page, username, password);
        await Assertions.Expect(page.Locator("h1")).Not.ToHaveTextAsync("Masuk");
        return page;
    }

    async Task<Guid> ThrowawayOfficerAsync()
    {
        var admin = await web.Api.TokenAsync("admin", WebFixture.OfficerPassword);
        var username = $"uji.{Guid.NewGuid():N}"[..16];
        var created = await web.Api.PostAsync("/api/v1/officers", new
        {
            username, fullName = "Petugas Uji Masukan", nip = "198809212014022001", email = $"{username}@purwakartakab.go.id", roles = new[] { "FrontOffice" },
        }, admin);
        await PtspClient.Expect(created, HttpStatusCode.Accepted);
        var id = (await PtspClient.Json(created))["officerId"]!.GetValue<Guid>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await web.Api.GetAsync($"/api/v1/officers/{id}", admin)).StatusCode != HttpStatusCode.OK)
        {
            Assert.True(DateTime.UtcNow < deadline, "the throwaway officer was not created within 30 s");
            await Task.Delay(100);
        }

        return id;
    }

    sealed record Form(string Action, string Method, List<string> Files, List<Field> Fields);

    sealed record Field(string Name, string Value);
}
