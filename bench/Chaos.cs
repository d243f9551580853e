using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using MimeKit;

namespace Ptsp.Bench;

/// <summary>
/// The fault-injection run (issue 14): the distributed mode with two supervised replicas of every service on a RabbitMQ node of
/// its own; N permits (half to Issued, half to Rejected) and their applicants driven through the SOP by patient clients while
/// processes are SIGKILLed and the broker restarts; then a verdict checked from outside (API, store files, mail pickup, broker).
/// </summary>
public static partial class ChaosRun
{
    static readonly Encoding Ascii = Encoding.ASCII;
    static readonly byte[] Pdf = Ascii.GetBytes("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");

    /// <summary>The applicant's email with the decision: the permit issued, or the rejection letter.</summary>
    public static bool IsDecision(MimeMessage m) => IsDecisionSubject(m.Subject);

    static bool IsDecisionSubject(string? subject) =>
        (subject ?? "") is var s && (s.Contains(" telah terbit: ", StringComparison.Ordinal) || s.Contains(": surat penolakan ", StringComparison.Ordinal));

    public sealed record Options(int Permits, int Kills, int Concurrency, int Applicants, string? Json, bool Keep)
    {
        public static Options Parse(string[] args)
        {
            string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
            int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
            var permits = Int("--permits", 300);
            return new Options(permits, Int("--kills", 12), Int("--concurrency", 16), Int("--applicants", Math.Max(1, (permits + 3) / 4)),
                Value("--json"), args.Contains("--keep"));
        }
    }

    public static async Task<int> RunAsync(string root, string[] args, BenchOptions bench)
    {
        var options = Options.Parse(args);
        if (options.Permits < 2 || options.Kills < 1 || options.Applicants < 1 || options.Concurrency < 1)
            throw new ArgumentException("--permits must be at least 2; --kills, --applicants and --concurrency at least 1.");
        Console.WriteLine($"Chaos run: {options.Permits} permits ({options.Permits - options.Permits / 2} to Issued, {options.Permits / 2} to Rejected), " +
                          $"{options.Applicants} applicants, {options.Concurrency} at a time, >= {options.Kills} kills, 1 broker restart");
        using var broker = await ChaosBroker.StartAsync();
        Console.WriteLine($"RabbitMQ node {broker.Node} on port {broker.Port} (the run's own; restarted once)");
        var cluster = await Cluster.StartAsync(root, bench, new ClusterShape(Replicas: 2, Supervised: true, RabbitPort: broker.Port, VirtualHost: "/"));
        var passed = false;
        try
        {
            Console.WriteLine($"Two replicas of every service, supervised; Gateways {string.Join(", ", cluster.Gateways)} (clients take them in turn); " +
                              $"files in {cluster.Folder}");
            var run = new Run(cluster, broker, bench, options);
            var verdict = await run.ExecuteAsync();
            passed = verdict.Passed;
            if (options.Json is not null)
                await File.WriteAllTextAsync(options.Json, JsonSerializer.Serialize(verdict.Figures, new JsonSerializerOptions { WriteIndented = true }));
            return passed ? 0 : 1;
        }
        finally
        {
            cluster.KeepFiles = options.Keep || !passed;
            if (cluster.KeepFiles)
                Console.WriteLine($"Kept the run's data, mail and logs in {cluster.Folder}");
            await cluster.DisposeAsync();
        }
    }

    sealed record Verdict(bool Passed, Dictionary<string, object> Figures);

    sealed record Applicant(int Index, string Email, string Nik, string Name)
    {
        public Session? Session { get; set; }
    }

    sealed record Permit(int Index, string Target, Applicant Applicant)
    {
        public Guid Id { get; set; }

        public string Final { get; set; } = "";
    }

    /// <summary>A planned fault: kill these processes (or restart the broker) once the driven work has reached <see cref="At"/>.</summary>
    sealed record Fault(double At, string Service, bool Both, bool Broker);

    sealed partial class Run(Cluster cluster, ChaosBroker broker, BenchOptions bench, Options options)
    {
        readonly PatientClient _api = new(cluster.Gateways);
        readonly Dictionary<string, Session> _officers = Officers(bench.OfficerPassword);
        readonly ConcurrentQueue<string> _errors = new();
        readonly List<string> _events = [];
        int _progress;
        int _reacts;
        int _lateFaults;
        int _totalWork;

        static Dictionary<string, Session> Officers(string password) =>
            Api.Officers.Append(("admin", "Administrator")).ToDictionary(o => o.Item2, o => new Session(o.Item1, password));

        public async Task<Verdict> ExecuteAsync()
        {
            var applicants = Enumerable.Range(0, options.Applicants).Select(i =>
                    new Applicant(i, $"chaos{i}.{Guid.NewGuid():N}@contoh.co.id", $"321401550590{i + 1:D4}", $"Pemohon Uji {i}"))
                .ToList();
            var permits = Enumerable.Range(0, options.Permits)
                .Select(i => new Permit(i, i % 2 == 0 ? "Issued" : "Rejected", applicants[i % applicants.Count])).ToList();
            // One unit of work: an applicant's four steps, a permit's nine moves.
            _totalWork = applicants.Count * 4 + permits.Count * 9;
            var faults = Plan();
            var registered = applicants.ToDictionary(a => a.Index, a => new Lazy<Task>(() => RegisterAsync(a)));

            var clock = Stopwatch.StartNew();
            var drivers = DriveAsync(permits, registered);
            var monkey = MonkeyAsync(faults, drivers);
            await Task.WhenAll(drivers, monkey);
            var driven = clock.Elapsed;

            Console.WriteLine($"Driven in {driven.TotalSeconds:F1} s; waiting for the system to settle");
            var checks = await CheckAsync(permits, applicants);
            clock.Stop();

            var killsPerService = cluster.Members.GroupBy(m => m.Service).ToDictionary(g => g.Key, g => g.Sum(m => m.Kills));
            var kills = killsPerService.Values.Sum();
            // The faults themselves are part of the verdict: a run whose kills came after the driving proves nothing.
            var spared = Cluster.Services.Where(s => killsPerService.GetValueOrDefault(s) == 0).ToList();
            checks.Insert(0, new Check("faults injected while driving",
                kills >= options.Kills && spared.Count == 0 && faults.Any(f => f.Both) && broker.Restarts >= 1 && _lateFaults == 0,
                $"{kills} kills (asked {options.Kills}), not killed: {(spared.Count == 0 ? "none" : string.Join(", ", spared))}, " +
                $"both replicas of {string.Join(", ", faults.Where(f => f.Both).Select(f => f.Service))}, {broker.Restarts} broker restart(s), " +
                $"{_lateFaults} after the driving"));
            var figures = new Dictionary<string, object>
            {
                ["at"] = DateTimeOffset.UtcNow,
                ["machine"] = $"{Environment.ProcessorCount} cores",
                ["permits"] = permits.Count,
                ["issued"] = permits.Count(p => p.Final == "Issued"),
                ["rejected"] = permits.Count(p => p.Final == "Rejected"),
                ["applicants"] = applicants.Count,
                ["kills"] = kills,
                ["killsPerService"] = killsPerService,
                ["bothReplicasKilled"] = faults.Where(f => f.Both).Select(f => f.Service).ToList(),
                ["brokerRestarts"] = broker.Restarts,
                ["lateFaults"] = _lateFaults,
                ["processStarts"] = cluster.Members.Sum(m => m.Starts),
                ["clientRetries"] = _api.Retries,
                ["internalErrors"] = _api.InternalErrors,
                ["actionsRepeated"] = _reacts,
                ["drivenSeconds"] = Math.Round(driven.TotalSeconds, 1),
                ["elapsedSeconds"] = Math.Round(clock.Elapsed.TotalSeconds, 1),
                ["permitsPerSecond"] = Math.Round(permits.Count / driven.TotalSeconds, 2),
                ["checks"] = checks.ToDictionary(c => c.Name, c => (object)new { passed = c.Passed, detail = c.Detail }),
                ["events"] = _events,
            };

            Console.WriteLine();
            Console.WriteLine("Faults injected:");
            foreach (var line in _events)
                Console.WriteLine("  " + line);
            Console.WriteLine($"Kills: {kills} ({string.Join(", ", killsPerService.Select(k => $"{k.Key} {k.Value}"))}); " +
                              $"both replicas at once: {string.Join(", ", faults.Where(f => f.Both).Select(f => f.Service))}; broker restarts: {broker.Restarts}" +
                              (_lateFaults > 0 ? $"; {_lateFaults} faults came after the driving ended" : ""));
            Console.WriteLine($"Client retries: {_api.Retries} ({_api.InternalErrors} of them after a 500); actions sent again (no visible effect yet): {_reacts}; process starts: {figures["processStarts"]}");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Elapsed: {clock.Elapsed.TotalSeconds:F1} s ({driven.TotalSeconds:F1} s driving, {permits.Count / driven.TotalSeconds:F2} permits/s)"));
            Console.WriteLine();
            foreach (var check in checks)
                Console.WriteLine($"{(check.Passed ? "PASS" : "FAIL")}  {check.Name}: {check.Detail}");
            foreach (var error in _errors.Take(20))
                Console.WriteLine("  driver: " + error);
            var passed = checks.All(c => c.Passed) && _errors.IsEmpty;
            figures["passed"] = passed;
            Console.WriteLine(passed ? "VERDICT: PASS" : "VERDICT: FAIL");
            return new Verdict(passed, figures);
        }

        /// <summary>
        /// Every service and the Gateway killed once (one replica, chosen at random), both replicas of one service at the same time,
        /// more single kills up to the count asked, one broker restart; each at a random point of the driven work (5 %–80 %).
        /// </summary>
        List<Fault> Plan()
        {
            var random = Random.Shared;
            var both = Cluster.Services[random.Next(Cluster.Services.Length)];
            var faults = Cluster.Services.Select(s => new Fault(0, s, s == both, false)).ToList();
            var kills = faults.Sum(f => f.Both ? 2 : 1);
            for (; kills < options.Kills; kills++)
                faults.Add(new Fault(0, Cluster.Services[random.Next(Cluster.Services.Length)], false, false));
            faults.Add(new Fault(0, "RabbitMQ", false, true));
            var points = faults.Select(_ => 0.05 + 0.75 * random.NextDouble()).Order().ToList();
            return faults.OrderBy(_ => random.Next()).Select((f, i) => f with { At = points[i] }).ToList();
        }

        async Task MonkeyAsync(List<Fault> faults, Task drivers)
        {
            foreach (var fault in faults)
            {
                while (Volatile.Read(ref _progress) < fault.At * _totalWork && !drivers.IsCompleted)
                    await Task.Delay(100);
                if (drivers.IsCompleted)
                    _lateFaults++;
                var at = $"{100.0 * Volatile.Read(ref _progress) / _totalWork:F0}% of the work";
                if (fault.Broker)
                {
                    var clock = Stopwatch.StartNew();
                    await broker.RestartAsync(TimeSpan.FromSeconds(3));
                    Event($"RabbitMQ broker stopped and started again at {at} (down {clock.Elapsed.TotalSeconds:F1} s)");
                    continue;
                }

                var replicas = cluster.Members.Where(m => m.Service == fault.Service).ToList();
                var victims = fault.Both ? replicas : [replicas[Random.Shared.Next(replicas.Count)]];
                // A process still down from an earlier kill is waited for (its supervisor starts it within seconds), so every kill
                // hits a running process; the next fault waits for its own point of the work, not for these to be ready again.
                var pids = new List<string>();
                foreach (var victim in victims)
                {
                    int? pid;
                    var until = DateTime.UtcNow.AddMinutes(2);
                    while ((pid = cluster.Kill(victim)) is null && DateTime.UtcNow < until)
                        await Task.Delay(100);
                    pids.Add(pid is null ? $"{victim.Name} (not running: not killed)" : $"{victim.Name} (pid {pid})");
                }

                Event($"SIGKILL {string.Join(" and ", pids)} at {at}");
                await Task.Delay(Random.Shared.Next(500, 2000));
            }
        }

        void Event(string line)
        {
            lock (_events)
                _events.Add($"{DateTime.UtcNow:HH:mm:ss} {line}");
            Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}");
        }

        void Progress() => Interlocked.Increment(ref _progress);

        async Task DriveAsync(List<Permit> permits, Dictionary<int, Lazy<Task>> registered)
        {
            var gate = new SemaphoreSlim(options.Concurrency);
            await Task.WhenAll(permits.Select(async permit =>
            {
                await gate.WaitAsync();
                try
                {
                    await registered[permit.Applicant.Index].Value;
                    await PermitAsync(permit);
                }
                catch (Exception e)
                {
                    _errors.Enqueue($"permit {permit.Index} ({permit.Id}): {e.Message}");
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        // Steps 1–3 for one applicant, each step repeatable: a registration whose answer was lost is found in the pending list,
        // an approval answered 409 counts once the credential email is there, a password change counts once the new password signs in.
        async Task RegisterAsync(Applicant a)
        {
            var frontOffice = _officers["FrontOffice"];
            Guid? id = null;
            using (var response = await _api.SendAsync(() => new HttpRequestMessage(HttpMethod.Post, "/api/v1/registrations")
                   {
                       Content = JsonContent.Create(new { fullName = a.Name, nik = a.Nik, email = a.Email, phone = "081234567890", address = "Jl. Veteran 1, Purwakarta" }),
                   }))
            {
                if (response.IsSuccessStatusCode)
                    id = (await response.Content.ReadFromJsonAsync<JsonObject>())!["registrationId"]!.GetValue<Guid>();
                else if (response.StatusCode != HttpStatusCode.Conflict)
                    throw new InvalidOperationException($"registration: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }

            Progress();
            var deadline = DateTime.UtcNow.AddMinutes(5);
            (string User, string Password)? credentials;
            while ((credentials = Credentials(a.Email)) is null)
            {
                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"no credential email for {a.Email}");
                // After a lost answer (409 on the repeat) the registration is found by its email among the pending ones.
                if (id is null)
                {
                    var pending = await _api.GetJsonArrayAsync(frontOffice, "/api/v1/registrations?status=Pending");
                    id = pending.FirstOrDefault(r => r!["email"]!.GetValue<string>().Equals(a.Email, StringComparison.OrdinalIgnoreCase))?["registrationId"]!
                        .GetValue<Guid>();
                }

                if (id is not null)
                {
                    using var approved = await _api.SendAsync(frontOffice, HttpMethod.Post, $"/api/v1/registrations/{id}/approve");
                    if (approved.IsSuccessStatusCode)
                    {
                        var mailDeadline = DateTime.UtcNow.AddSeconds(60);
                        while (Credentials(a.Email) is null && DateTime.UtcNow < mailDeadline)
                            await Task.Delay(250);
                        continue;
                    }
                }

                await Task.Delay(500);
            }

            Progress();
            const string newPassword = "PemohonChaos2026";
            // A one-time password that no longer signs in was changed already (a repeat after a lost answer).
            if (await _api.LoginAsync(credentials.Value.User, credentials.Value.Password) is not null)
            {
                var first = new Session(credentials.Value.User, credentials.Value.Password);
                using var changed = await _api.SendAsync(first, HttpMethod.Post, "/api/v1/auth/password",
                    () => JsonContent.Create(new { currentPassword = credentials.Value.Password, newPassword }));
                if (!changed.IsSuccessStatusCode && await _api.LoginAsync(credentials.Value.User, newPassword) is null)
                    throw new InvalidOperationException($"password change: {(int)changed.StatusCode} {await changed.Content.ReadAsStringAsync()}");
            }

            Progress();
            var session = new Session(credentials.Value.User, newPassword);
            await session.TokenAsync(_api);
            a.Session = session;
            Progress();
        }

        (string User, string Password)? Credentials(string email)
        {
            foreach (var message in Mails().Where(m => m.To.Any(a => a.Equals(email, StringComparison.OrdinalIgnoreCase))))
            {
                var lines = message.Text.Split('\n').Select(l => l.Trim()).ToList();
                var user = lines.FirstOrDefault(l => l.StartsWith("Username: ", StringComparison.Ordinal));
                var password = lines.FirstOrDefault(l => l.StartsWith("Password: ", StringComparison.Ordinal));
                if (user is not null && password is not null)
                    return (user[10..], password[10..]);
            }

            return null;
        }

        /// <summary>
        /// What the driver reads of one mail, taken out of the parsed message once. The registering applicants read the mails
        /// side by side, and a MimeMessage is not safe to read from two threads: its address lists fill in on first access, so
        /// two first readers of <c>To.Mailboxes</c> can fail with "Collection was modified" (reproduced with MimeKit 4.18; in a
        /// clean-clone chaos run it failed three of five registrations, and their twelve permits were never created).
        /// </summary>
        sealed record Mail(IReadOnlyList<string> To, string Subject, string Text);

        readonly ConcurrentDictionary<string, Mail> _mails = new();

        /// <summary>Every mail in the pickup folder, parsed as MIME (each file read once).</summary>
        IEnumerable<Mail> Mails()
        {
            if (!Directory.Exists(cluster.MailDirectory))
                return [];
            foreach (var file in Directory.GetFiles(cluster.MailDirectory, "*.eml"))
            {
                if (_mails.ContainsKey(file))
                    continue;
                try
                {
                    using var message = MimeMessage.Load(file);
                    _mails[file] = new Mail(message.To.Mailboxes.Select(b => b.Address).ToList(), message.Subject ?? "", message.TextBody ?? "");
                }
                catch (Exception e) when (e is IOException or FormatException)
                {
                    // Being written: read on the next look.
                }
            }

            return _mails.Values;
        }

        /// <summary>One permit from draft to its driven end: read its state, do what its step asks, wait until the state moves.</summary>
        async Task PermitAsync(Permit permit)
        {
            var applicant = permit.Applicant.Session!;
            var key = Guid.NewGuid().ToString();
            using (var created = await _api.SendAsync(applicant, HttpMethod.Post, "/api/v1/applications",
                       () => JsonContent.Create(new { permitTypeCode = "PENELITIAN", businessName = $"Lembaga Kajian {permit.Index}", businessAddress = "Purwakarta", description = "Penelitian irigasi" }),
                       key))
            {
                if (!created.IsSuccessStatusCode)
                    throw new InvalidOperationException($"create: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
                permit.Id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["applicationId"]!.GetValue<Guid>();
            }

            var issue = permit.Target == "Issued";
            var deadline = DateTime.UtcNow.AddMinutes(15);
            var reader = _officers["AgencyHead"];
            string? lastState = null;
            while (true)
            {
                var application = await ApplicationAsync(reader, permit.Id);
                var status = application["status"]!.GetValue<string>();
                var step = application["currentStep"]?.GetValue<int>();
                var state = $"{status}/{step}";
                if (state != lastState)
                {
                    Progress();
                    lastState = state;
                }

                if (status is "Issued" or "Rejected")
                {
                    permit.Final = status;
                    return;
                }

                if (DateTime.UtcNow > deadline)
                    throw new TimeoutException($"still {state} after 15 min");

                HttpResponseMessage answer;
                switch (status, step)
                {
                    case ("Draft", _):
                        foreach (var code in new[] { "KTP", "SURAT_PENGANTAR", "PROPOSAL" })
                        {
                            using var put = await _api.SendAsync(applicant, HttpMethod.Put, $"/api/v1/applications/{permit.Id}/documents/{code}", () =>
                            {
                                var content = new ByteArrayContent(Pdf);
                                content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
                                return content;
                            });
                            if (!put.IsSuccessStatusCode && put.StatusCode != HttpStatusCode.Conflict)
                                throw new InvalidOperationException($"upload {code}: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync()}");
                        }

                        answer = await Act(applicant, permit, "submit", new { });
                        break;
                    case (_, 4):
                        answer = await Act(_officers["FrontOffice"], permit, "completeness", new { complete = true });
                        break;
                    case (_, 5):
                        answer = await Act(_officers["BackOffice"], permit, "technical-data", new
                        {
                            data = new Dictionary<string, string> { ["topik"] = "irigasi" },
                            review = new { kind = "Meeting", scheduledAt = DateTimeOffset.UtcNow.AddDays(1), location = "Aula" },
                        });
                        break;
                    case (_, 6):
                        answer = await Act(_officers["TechnicalTeam"], permit, "technical-recommendation",
                            new { recommendation = issue ? "Approve" : "Reject", notes = issue ? "Layak" : "Lokasi di kawasan terbatas" });
                        break;
                    case (_, 7):
                        answer = await Act(_officers["BackOffice"], permit, "draft",
                            new { kind = issue ? "Permit" : "Rejection", body = issue ? "Memberikan izin penelitian." : "Menolak permohonan izin penelitian." });
                        break;
                    case (_, 8):
                        answer = await Act(_officers["SectionHead"], permit, "verification", new { approve = true });
                        break;
                    case (_, 9):
                        answer = await Act(_officers["DivisionHead"], permit, "verification", new { approve = true });
                        break;
                    case (_, 10):
                        answer = await Act(_officers["AgencyHead"], permit, "signature", new { approve = true });
                        break;
                    default:
                        throw new InvalidOperationException($"unexpected state {state}");
                }

                using (answer)
                {
                    // 202: accepted, the state moves soon. 409: the owning service does not see that step (yet, or any more, after a
                    // lost answer): read again shortly. Anything else is a refusal the driven SOP should never meet.
                    if (!answer.IsSuccessStatusCode && answer.StatusCode != HttpStatusCode.Conflict)
                        throw new InvalidOperationException($"{state}: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
                    var patience = answer.IsSuccessStatusCode ? TimeSpan.FromSeconds(90) : TimeSpan.FromSeconds(2);
                    var until = DateTime.UtcNow + patience;
                    var moved = false;
                    while (DateTime.UtcNow < until)
                    {
                        await Task.Delay(300);
                        var now = await ApplicationAsync(reader, permit.Id);
                        if ($"{now["status"]!.GetValue<string>()}/{now["currentStep"]?.GetValue<int>()}" != state)
                        {
                            moved = true;
                            break;
                        }
                    }

                    if (!moved)
                        Interlocked.Increment(ref _reacts);
                }
            }
        }

        /// <summary>
        /// The application as officers see it. Workflow shows a new draft once it has heard of it from Intake: a 404 just after
        /// the 201 (eventually consistent, longer while a broker or Workflow is down) is waited out.
        /// </summary>
        async Task<JsonObject> ApplicationAsync(Session reader, Guid id)
        {
            var until = DateTime.UtcNow.AddMinutes(3);
            while (true)
            {
                using var response = await _api.SendAsync(reader, HttpMethod.Get, $"/api/v1/applications/{id}");
                if (response.IsSuccessStatusCode)
                    return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
                if (response.StatusCode != HttpStatusCode.NotFound || DateTime.UtcNow > until)
                    throw new InvalidOperationException($"GET /api/v1/applications/{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                await Task.Delay(300);
            }
        }

        Task<HttpResponseMessage> Act(Session actor, Permit permit, string action, object body) =>
            _api.SendAsync(actor, HttpMethod.Post, $"/api/v1/applications/{permit.Id}/{action}", () => JsonContent.Create(body));

        sealed record Check(string Name, bool Passed, string Detail);

        async Task<List<Check>> CheckAsync(List<Permit> permits, List<Applicant> applicants)
        {
            var checks = new List<Check>();
            // Settled: no outbox entry waiting in any store and no message waiting on any queue, then a little longer (the outbox
            // polls every two seconds, so a second delivery of anything would show).
            var settle = DateTime.UtcNow.AddMinutes(3);
            (int Entries, string Where) outbox;
            while (((outbox = PendingOutbox()).Entries > 0 || Waiting().Count > 0) && DateTime.UtcNow < settle)
                await Task.Delay(500);
            await Task.Delay(TimeSpan.FromSeconds(5));
            outbox = PendingOutbox();

            var wrong = permits.Where(p => p.Final != p.Target).ToList();
            var views = new Dictionary<Guid, JsonObject>();
            foreach (var permit in permits.Where(p => p.Id != Guid.Empty))
            {
                try
                {
                    views[permit.Id] = await ApplicationAsync(_officers["AgencyHead"], permit.Id);
                }
                catch (InvalidOperationException e)
                {
                    _errors.Enqueue($"permit {permit.Index}: {e.Message}");
                }
            }

            wrong.AddRange(permits.Where(p => p.Final == p.Target && (views[p.Id]["status"]!.GetValue<string>() != p.Target ||
                                                                       views[p.Id]["decision"]?["kind"]?.GetValue<string>() != (p.Target == "Issued" ? "Permit" : "Rejection"))));
            checks.Add(new Check("final states", wrong.Count == 0,
                $"{permits.Count(p => p.Final == "Issued")} Issued, {permits.Count(p => p.Final == "Rejected")} Rejected of {permits.Count} " +
                $"({permits.Count - permits.Count / 2} + {permits.Count / 2} driven)" +
                (wrong.Count == 0 ? "" : $"; not as driven: {string.Join(", ", wrong.Take(5).Select(p => $"#{p.Index} {p.Id} {p.Final}"))}")));

            checks.Add(Numbers("receipt numbers", views.Values.Select(v => v["receiptNumber"]?.GetValue<string>()).ToList(), permits.Count));
            var decisions = views.Values.Select(v => v["decision"]?["documentNumber"]?.GetValue<string>()).ToList();
            checks.Add(Numbers("permit numbers (IZN)", decisions.Where(d => d?.Contains("/IZN-") == true).ToList(), permits.Count - permits.Count / 2));
            checks.Add(Numbers("rejection numbers (TLK)", decisions.Where(d => d?.Contains("/TLK-") == true).ToList(), permits.Count / 2));

            var mails = Mails().ToList();
            var credentialCounts = applicants.Select(a => mails.Count(m => m.To.Any(b => b.Equals(a.Email, StringComparison.OrdinalIgnoreCase))
                                                                           && m.Text.Contains("Password: ", StringComparison.Ordinal))).ToList();
            checks.Add(new Check("credential emails", credentialCounts.All(c => c == 1),
                $"{credentialCounts.Count(c => c == 1)} of {applicants.Count} applicants got exactly one" +
                (credentialCounts.Any(c => c != 1) ? $"; counts {string.Join(",", credentialCounts.Where(c => c != 1))}" : "")));
            var perPermit = permits.Where(p => p.Id != Guid.Empty).Select(p =>
            {
                var about = mails.Where(m => m.Text.Contains($"/permohonan/{p.Id}", StringComparison.Ordinal)).ToList();
                var subjects = about.GroupBy(m => m.Subject).ToList();
                return (Permit: p, Decided: about.Count(m => IsDecisionSubject(m.Subject)), Doubled: subjects.Where(g => g.Count() > 1).Select(g => g.Key).ToList());
            }).ToList();
            checks.Add(new Check("decision emails", perPermit.All(p => p.Decided == 1) && perPermit.Count == permits.Count,
                $"{perPermit.Count(p => p.Decided == 1)} of {permits.Count} permits got exactly one" +
                (perPermit.Any(p => p.Decided != 1) ? $"; e.g. {string.Join(", ", perPermit.Where(p => p.Decided != 1).Take(3).Select(p => $"{p.Permit.Id}: {p.Decided}"))}" : "")));
            checks.Add(new Check("no email twice", perPermit.All(p => p.Doubled.Count == 0),
                $"{mails.Count} emails in the pickup folder, all MIME; " +
                (perPermit.All(p => p.Doubled.Count == 0) ? "no subject twice about one application"
                    : $"twice: {string.Join("; ", perPermit.Where(p => p.Doubled.Count > 0).Take(3).Select(p => $"{p.Permit.Id} '{p.Doubled[0]}'"))}")));

            var invalid = new List<string>();
            var folder = Directory.CreateTempSubdirectory("ptsp-chaos-pdf-").FullName;
            foreach (var permit in permits.Where(p => p.Id != Guid.Empty))
            {
                using var response = await _api.SendAsync(_officers["AgencyHead"], HttpMethod.Get, $"/api/v1/applications/{permit.Id}/decision");
                if (!response.IsSuccessStatusCode)
                {
                    invalid.Add($"{permit.Id}: {(int)response.StatusCode}");
                    continue;
                }

                var file = Path.Combine(folder, $"{permit.Id}.pdf");
                await File.WriteAllBytesAsync(file, await response.Content.ReadAsByteArrayAsync());
                var (code, output) = Tool("pdfsig", file);
                if (code != 0 || !output.Contains("Signature is Valid", StringComparison.Ordinal))
                    invalid.Add($"{permit.Id}: pdfsig {code}");
            }

            Directory.Delete(folder, recursive: true);
            checks.Add(new Check("decision PDFs valid by pdfsig", invalid.Count == 0 && views.Count == permits.Count,
                $"{views.Count - invalid.Count} of {permits.Count} signed and valid" + (invalid.Count == 0 ? "" : $"; {string.Join(", ", invalid.Take(3))}")));

            var doubled = views.Where(v => v.Value["history"]!.AsArray()
                    .GroupBy(h => $"{h!["step"]}|{h["action"]}|{h["role"]}|{h["actor"]}|{h["note"]}").Any(g => g.Count() > 1))
                .Select(v => v.Key).ToList();
            checks.Add(new Check("history without doubled entries", doubled.Count == 0,
                $"{views.Values.Sum(v => v["history"]!.AsArray().Count)} entries in {views.Count} histories" +
                (doubled.Count == 0 ? "" : $"; doubled in {string.Join(", ", doubled.Take(3))}")));

            var queues = broker.Queues();
            var dead = queues.Where(q => (q.Name.EndsWith("_error", StringComparison.Ordinal) || q.Name.EndsWith("_skipped", StringComparison.Ordinal)) && q.Messages > 0)
                .ToList();
            checks.Add(new Check("no message in an _error or _skipped queue", dead.Count == 0,
                $"{queues.Count(q => q.Name.EndsWith("_error", StringComparison.Ordinal) || q.Name.EndsWith("_skipped", StringComparison.Ordinal))} such queues exist" +
                (dead.Count == 0 ? ", all empty" : $"; {string.Join(", ", dead.Select(q => $"{q.Name} {q.Messages}"))}")));
            var waiting = Waiting();
            checks.Add(new Check("no message left waiting", waiting.Count == 0,
                waiting.Count == 0 ? $"{queues.Count} queues empty" : string.Join(", ", waiting.Select(q => $"{q.Name} {q.Messages}"))));

            // A service that does not answer the faults query in time is listed as unreachable: asked again, as a patient client would.
            var faults = await _api.GetJsonAsync(_officers["Administrator"], "/api/v1/ops/faults");
            for (var attempt = 0; attempt < 10 && faults["unreachable"]!.AsArray().Count > 0; attempt++)
            {
                await Task.Delay(TimeSpan.FromSeconds(3));
                faults = await _api.GetJsonAsync(_officers["Administrator"], "/api/v1/ops/faults");
            }

            var listed = faults["faults"]!.AsArray();
            var unreachable = faults["unreachable"]!.AsArray();
            checks.Add(new Check("no fault listed (GET /api/v1/ops/faults)", listed.Count == 0 && unreachable.Count == 0,
                listed.Count == 0 && unreachable.Count == 0 ? "none, every service answered"
                    : $"{listed.Count} faults{(listed.Count > 0 ? $", first: {listed[0]!["messageType"]} {listed[0]!["exceptionMessage"]}" : "")}; not answering: {unreachable.ToJsonString()}"));
            checks.Add(new Check("no outbox entry undelivered", outbox.Entries == 0,
                outbox.Entries == 0 ? $"every store's outbox empty ({Directory.GetFiles(cluster.DataDirectory, "*.db").Length} SQLite files)" : $"{outbox.Entries} left: {outbox.Where}"));

            var audit = await _api.GetJsonAsync(_officers["Administrator"], "/api/v1/audit/verify");
            checks.Add(new Check("audit log chain intact", audit["valid"]!.GetValue<bool>(),
                $"{audit["entries"]} entries" + (audit["valid"]!.GetValue<bool>() ? "" : $"; first broken {audit["firstBrokenSequence"]}: {audit["reason"]}")));
            return checks;
        }

        List<(string Name, long Messages)> Waiting() =>
            broker.Queues().Where(q => q.Messages > 0 && !q.Name.EndsWith("_error", StringComparison.Ordinal) && !q.Name.EndsWith("_skipped", StringComparison.Ordinal))
                .ToList();

        /// <summary>Distinct, and the sequence (second part, e.g. 503/0007/…) runs 1…n without a gap.</summary>
        static Check Numbers(string name, List<string?> numbers, int expected)
        {
            var present = numbers.Where(n => n is not null).Select(n => n!).ToList();
            var sequences = present.Select(n => SequencePart().Match(n) is { Success: true } m ? int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : -1)
                .Order().ToList();
            var distinct = present.Distinct().Count() == present.Count;
            var gapFree = sequences.SequenceEqual(Enumerable.Range(1, sequences.Count));
            return new Check(name, distinct && gapFree && present.Count == expected,
                $"{present.Count} of {expected}, {(distinct ? "distinct" : "DUPLICATES")}, " +
                (gapFree ? sequences.Count == 0 ? "none" : $"1…{sequences[^1]} without a gap" : $"NOT gap-free: {string.Join(",", sequences.Take(20))}"));
        }

        [GeneratedRegex(@"^[^/]+/(\d+)/")]
        private static partial Regex SequencePart();

        /// <summary>Outbox entries still held by any document of any store (the SQLite files, read beside the running services).</summary>
        (int Entries, string Where) PendingOutbox()
        {
            var total = 0;
            var where = new List<string>();
            foreach (var file in Directory.GetFiles(cluster.DataDirectory, "*.db"))
            {
                using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly }.ToString());
                connection.Open();
                var tables = new List<string>();
                using (var list = connection.CreateCommand())
                {
                    list.CommandText = "SELECT m.name FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'outbox_since'";
                    using var reader = list.ExecuteReader();
                    while (reader.Read())
                        tables.Add(reader.GetString(0));
                }

                foreach (var table in tables)
                {
                    using var count = connection.CreateCommand();
                    count.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE outbox_since IS NOT NULL";
                    var n = Convert.ToInt32(count.ExecuteScalar(), CultureInfo.InvariantCulture);
                    if (n > 0)
                        where.Add($"{Path.GetFileName(file)}:{table} {n}");
                    total += n;
                }
            }

            return (total, string.Join(", ", where));
        }

        static (int ExitCode, string Output) Tool(string tool, params string[] args)
        {
            using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output + error.Result);
        }
    }
}
