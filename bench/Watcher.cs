using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Ptsp.Contracts;
using Ptsp.Contracts.Permits;
using Ptsp.Hosting.Storage;
using Ptsp.Hosting.Storage.Sqlite;
using Ptsp.Workflow.Deadlines;
using Ptsp.Workflow.Permits;

namespace Ptsp.Bench;

/// <summary>
/// The watcher bench (issue 12, <c>--watcher</c>): a million open permits' saga documents written straight into Workflow's
/// SQLite file, then Workflow started on them as its own process on RabbitMQ. Probes written while it runs come due a second
/// apart; a probe's lateness is from its due time to the moment the bench sees its alert stored by the saga (polled every
/// 10 ms). Then the idle cost: Workflow's CPU over a quiet minute with a million open files and nothing due.
/// </summary>
static class WatcherBench
{
    // Where open files wait (sop.md): the step, the machine's state, the desk.
    static readonly (int Step, string State, string Role)[] OpenSteps =
    [
        (2, "AwaitingCompletenessCheck", Roles.FrontOffice),
        (5, "AwaitingTechnicalData", Roles.BackOffice),
        (6, "InTechnicalReview", Roles.TechnicalTeam),
        (7, "InDrafting", Roles.BackOffice),
        (8, "SectionHeadVerification", Roles.SectionHead),
        (9, "DivisionHeadVerification", Roles.DivisionHead),
        (10, "AwaitingSignature", Roles.AgencyHead),
    ];

    static readonly (string Code, string Sector, string Name)[] PermitTypes =
    [
        ("REKLAME", "PEKERJAAN_UMUM", "Izin Penyelenggaraan Reklame"),
        ("APOTEK", "KESEHATAN", "Izin Apotek"),
        ("TOKO_SWALAYAN", "PERDAGANGAN", "Izin Usaha Toko Swalayan (Toko Modern)"),
        ("OPERASIONAL_SEKOLAH", "PENDIDIKAN", "Izin Operasional Satuan Pendidikan"),
    ];

    const string Table = "\"permit-sagas\"";

    public static async Task<int> RunAsync(string root, string[] args, BenchOptions options)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        var count = Int("--sagas", 1_000_000);
        var probes = Int("--probes", 20);
        var idleSeconds = Int("--idle-seconds", 60);

        var folder = Directory.CreateTempSubdirectory("ptsp-watcher-").FullName;
        var data = Path.Combine(folder, "data");
        var file = Path.Combine(data, Ptsp.Workflow.Extensions.Store + ".db");
        Console.WriteLine($"Watcher bench: {count:N0} open permits written straight into {file}, {probes} probes, {idleSeconds} s idle");

        var clock = Stopwatch.StartNew();
        await WriteOpenPermitsAsync(data, file, count);
        var loadSeconds = clock.Elapsed.TotalSeconds;
        var megabytes = new FileInfo(file).Length / 1048576.0;
        Console.WriteLine($"Written in {loadSeconds:F1} s ({count / loadSeconds:N0} documents/s); the file is {megabytes:N0} MB");
        var sweepMs = await TimeSweepQueryAsync(data);
        Console.WriteLine($"The watcher's due query (nextAlertAt <= now, sorted, 200 at most) over them: p50 {sweepMs:F2} ms");

        clock.Restart();
        await using var cluster = await Cluster.StartAsync(root, options, new ClusterShape(Services: ["Workflow"], Folder: folder));
        var startSeconds = clock.Elapsed.TotalSeconds;
        var workflow = cluster.Members.Single();
        Console.WriteLine($"Workflow ready on them in {startSeconds:F1} s");

        // Probes: open files like the others, each armed a second after the previous one.
        var first = DateTimeOffset.UtcNow.AddSeconds(3);
        var due = Enumerable.Range(0, probes).ToDictionary(_ => Guid.NewGuid(), _ => DateTimeOffset.MinValue);
        var k = 0;
        foreach (var id in due.Keys.ToList())
            due[id] = first.AddSeconds(k++);
        await using (var connection = Open(file))
        {
            var random = new Random(7);
            foreach (var (id, at) in due)
            {
                var probe = OpenPermit(id, random, DateTimeOffset.UtcNow);
                probe.NextAlertAt = at;
                probe.NextAlert = AlertLevel.FirstWarning;
                await using var insert = connection.CreateCommand();
                insert.CommandText = $"INSERT INTO {Table} (id, version, body) VALUES ($id, 1, $body)";
                insert.Parameters.AddWithValue("$id", id.ToString());
                insert.Parameters.AddWithValue("$body", JsonSerializer.Serialize(probe, StorageJson.Options));
                await insert.ExecuteNonQueryAsync();
            }
        }

        var lateness = await WatchProbesAsync(file, due);
        lateness.Sort();
        double L(double p) => lateness.Count == 0 ? double.NaN : lateness[Math.Max(0, (int)Math.Ceiling(p * lateness.Count) - 1)];
        var missing = probes - lateness.Count;
        Console.WriteLine($"Lateness of a due deadline (due → alert stored): p50 {L(0.5):F0} ms, max {L(1):F0} ms; {missing} probes never alerted");

        // The idle cost: nothing due now (the next background alert is an hour away).
        await Task.Delay(TimeSpan.FromSeconds(5));
        var cpu0 = cluster.CpuSeconds()[workflow.Name];
        var idleClock = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
        var idleShare = (cluster.CpuSeconds()[workflow.Name] - cpu0) / idleClock.Elapsed.TotalSeconds;
        var rss = Cluster.PeakRssMegabytes(workflow.Process.Id);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Idle Workflow with {count:N0} open permits: {100 * idleShare:F2} % of a core over {idleSeconds} s; peak RSS {rss:F0} MB"));

        var result = new
        {
            at = DateTimeOffset.UtcNow,
            machine = $"{Environment.ProcessorCount} cores",
            mode = "watcher",
            sagas = count,
            loadSeconds = Math.Round(loadSeconds, 1),
            fileMb = Math.Round(megabytes),
            dueQueryP50Ms = Math.Round(sweepMs, 2),
            startSeconds = Math.Round(startSeconds, 1),
            probes,
            missing,
            latenessMs = new { p50 = Math.Round(L(0.5)), max = Math.Round(L(1)) },
            idleCorePercent = Math.Round(100 * idleShare, 2),
            peakRssMb = Math.Round(rss),
        };
        var results = Path.Combine(root, "bench", "results");
        Directory.CreateDirectory(results);
        var output = Path.Combine(results, $"watcher-{DateTime.UtcNow:yyyyMMdd-HHmmss}.json");
        await File.WriteAllTextAsync(output, JsonSerializer.Serialize(result, new JsonSerializerOptions { WriteIndented = true }));
        Console.WriteLine($"Figures written to {Path.GetRelativePath(root, output)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"SUMMARY mode=watcher sagas={count} missing={missing} lateness-p50={L(0.5):F0}ms lateness-max={L(1):F0}ms idle-cpu={100 * idleShare:F2}% " +
            $"start={startSeconds:F1}s due-query={sweepMs:F2}ms rss={rss:F0}MB"));
        return missing == 0 ? 0 : 1;
    }

    /// <summary>The table and its indexes as Workflow makes them (the store itself), then the documents in large transactions.</summary>
    static async Task WriteOpenPermitsAsync(string data, string file, int count)
    {
        await using (var store = new SqliteDocumentStore(Ptsp.Workflow.Extensions.Store, data))
            await store.OpenAsync(PermitSagas.Definition);

        await using var connection = Open(file);
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous = OFF;";
            await pragma.ExecuteNonQueryAsync();
        }

        var random = new Random(12);
        var now = DateTimeOffset.UtcNow;
        const int batch = 20_000;
        for (var written = 0; written < count; written += batch)
        {
            await using var transaction = connection.BeginTransaction();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO {Table} (id, version, body) VALUES ($id, 1, $body)";
            var id = insert.Parameters.Add("$id", SqliteType.Text);
            var body = insert.Parameters.Add("$body", SqliteType.Text);
            insert.Prepare();
            for (var i = written; i < Math.Min(count, written + batch); i++)
            {
                var permit = OpenPermit(NewGuid(random), random, now);
                id.Value = permit.CorrelationId.ToString();
                body.Value = JsonSerializer.Serialize(permit, StorageJson.Options);
                await insert.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
        }

        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;";
        await checkpoint.ExecuteNonQueryAsync();
    }

    static Guid NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes);
    }

    /// <summary>
    /// An open permit as the saga stores it: a desk, the step's clock, the next rung an hour to a month away (nothing due while
    /// the bench runs), the statutory deadline from step 4 on, and the history so far.
    /// </summary>
    static PermitState OpenPermit(Guid id, Random random, DateTimeOffset now)
    {
        var (step, state, role) = OpenSteps[random.Next(OpenSteps.Length)];
        var (code, sector, name) = PermitTypes[random.Next(PermitTypes.Length)];
        var created = now.AddMinutes(-random.Next(60, 60 * 24 * 20));
        var started = now.AddMinutes(-random.Next(1, 60 * 8));
        var applicant = $"pemohon{random.Next(100_000)}";
        var permit = new PermitState
        {
            CorrelationId = id,
            Version = step,
            CurrentState = state,
            ApplicantUsername = applicant,
            ApplicantName = "Pemohon " + applicant[7..],
            ApplicantEmail = applicant + "@contoh.id",
            PermitTypeCode = code,
            Sector = sector,
            PermitTypeName = name,
            BusinessName = $"CV Usaha {random.Next(1_000_000)}",
            CreatedAt = created,
            CurrentStep = step,
            AssignedRole = role,
            AnnouncedRole = role,
            StepStartedAt = started,
            StepTarget = TimeSpan.FromHours(random.Next(1, 8)),
            DueAt = now.AddHours(random.Next(2, 24 * 30)),
            NextAlertAt = now.AddMinutes(random.Next(60, 60 * 24 * 30)),
            NextAlert = (AlertLevel)random.Next(3),
            DeadlineToken = NewGuid(random),
            ReceiptNumber = step > 2 ? $"{random.Next(1_000_000):D6}/DPMPTSP/{code}/2026" : null,
            StatutoryWorkingDays = step > 2 ? 14 : null,
            StatutoryFrom = step > 2 ? created : null,
            StatutoryDueAt = step > 2 ? now.AddDays(random.Next(2, 40)) : null,
            History =
            [
                new HistoryEntry(1, "Permohonan diajukan", applicant, Roles.Applicant, created, null, false),
                new HistoryEntry(2, "Berkas diterima di front office", "fo", Roles.FrontOffice, created.AddMinutes(30), null, false),
            ],
        };
        permit.StatutoryCheckAt = permit.StatutoryDueAt;
        return permit;
    }

    /// <summary>The watcher's own queries (step alerts and statutory), run here against the loaded file: the p50 of 50 sweeps.</summary>
    static async Task<double> TimeSweepQueryAsync(string data)
    {
        await using var store = new SqliteDocumentStore(Ptsp.Workflow.Extensions.Store, data);
        var collection = await store.OpenAsync(PermitSagas.Definition);
        var times = new List<double>();
        for (var i = 0; i < 50; i++)
        {
            var clock = Stopwatch.StartNew();
            await collection.QueryAsync(DeadlineWatcher.Due("nextAlertAt", DateTimeOffset.UtcNow));
            await collection.QueryAsync(DeadlineWatcher.Due("statutoryCheckAt", DateTimeOffset.UtcNow));
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return times[times.Count / 2];
    }

    /// <summary>Polls the probes every 10 ms; returns each one's lateness in ms once its first alert is stored (a minute at most).</summary>
    static async Task<List<double>> WatchProbesAsync(string file, Dictionary<Guid, DateTimeOffset> due)
    {
        var lateness = new List<double>();
        var waiting = due.Keys.Select(k => k.ToString()).ToHashSet();
        var giveUp = due.Values.Max().AddMinutes(1);
        await using var connection = Open(file);
        while (waiting.Count > 0 && DateTimeOffset.UtcNow < giveUp)
        {
            await using var query = connection.CreateCommand();
            query.CommandText = $"SELECT id FROM {Table} WHERE id IN ({string.Join(',', waiting.Select((_, i) => "$p" + i))}) " +
                                "AND json_array_length(body, '$.alerts') > 0";
            var i = 0;
            foreach (var id in waiting)
                query.Parameters.AddWithValue("$p" + i++, id);
            var seenAt = DateTimeOffset.UtcNow;
            await using (var reader = await query.ExecuteReaderAsync())
            {
                while (await reader.ReadAsync())
                {
                    var id = reader.GetString(0);
                    waiting.Remove(id);
                    lateness.Add((seenAt - due[Guid.Parse(id)]).TotalMilliseconds);
                }
            }

            await Task.Delay(10);
        }

        return lateness;
    }

    static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30 }.ToString());
        connection.Open();
        using var busy = connection.CreateCommand();
        busy.CommandText = "PRAGMA busy_timeout = 30000;";
        busy.ExecuteNonQuery();
        return connection;
    }
}
