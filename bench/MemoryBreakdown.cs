using System.Globalization;
using System.Text.RegularExpressions;

namespace Ptsp.Bench;

/// <summary>
/// Where a process's resident memory is at the end of a run: its mappings from <c>/proc/PID/smaps</c> (the assemblies'
/// files, native libraries, the JIT's code in .NET's double-mapped memfd, the rest anonymous) and, of the anonymous part,
/// what the GC has committed, from the runtime's own meter at <c>/metrics</c> (<c>System.Runtime</c>, ADR 0016).
/// </summary>
public static partial class MemoryBreakdown
{
    /// <summary>Megabytes resident now, by where they are; <see cref="GcCommitted"/> and <see cref="GcHeap"/> from the runtime (after its last collection).</summary>
    public sealed record Split(double Resident, double Peak, double Assemblies, double NativeLibraries, double JitCode, double OtherFiles, double Anonymous,
        double GcCommitted, double GcHeap, int Threads, IReadOnlyList<MappedFile> LargestFiles)
    {
        /// <summary>Anonymous memory that is not the GC's: the runtime's own structures, thread stacks, SQLite's caches, native buffers.</summary>
        public double NativeHeap => Math.Max(0, Anonymous - GcCommitted);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"{Resident,5:F0} MB now ({Peak:F0} peak): assemblies {Assemblies:F0}, native libraries {NativeLibraries:F0}, JIT code {JitCode:F0}, other files {OtherFiles:F0}, " +
            $"GC committed {GcCommitted:F0} (live heap {GcHeap:F0}), other anonymous {NativeHeap:F0}; {Threads} threads" +
            $"\n{"",17}largest files: {string.Join(", ", LargestFiles.Select(f => $"{f.File} {f.Megabytes:F1}"))}");
    }

    /// <summary>A mapped file (an assembly or a native library) and how much of it is resident.</summary>
    public sealed record MappedFile(string File, double Megabytes);

    [GeneratedRegex("""^dotnet_gc_last_collection_memory_committed_size_bytes(?:\{[^}]*\})?\s+([0-9.eE+-]+)""", RegexOptions.Multiline)]
    private static partial Regex GcCommittedSample();

    [GeneratedRegex("""^dotnet_gc_last_collection_heap_size_bytes(?:\{[^}]*\})?\s+([0-9.eE+-]+)""", RegexOptions.Multiline)]
    private static partial Regex GcHeapSample();

    public static async Task<Split> ReadAsync(int pid, Uri process, double peak)
    {
        double assemblies = 0, native = 0, jit = 0, other = 0, anonymous = 0, resident = 0;
        var category = "";
        var path = "";
        var files = new Dictionary<string, double>();
        foreach (var line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            // A mapping's header is "start-end perms offset dev inode [path]"; its fields ("Rss:   132 kB") follow it.
            var first = line.IndexOf(' ', StringComparison.Ordinal);
            if (first > 0 && line[first - 1] != ':')
            {
                path = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries) is { Length: 6 } parts ? parts[5].Trim() : "";
                category = path switch
                {
                    "" or "[heap]" or "[stack]" => "anonymous",
                    _ when path.StartsWith("[stack:", StringComparison.Ordinal) => "anonymous",
                    _ when path.Contains("doublemapper", StringComparison.Ordinal) => "jit",
                    _ when path.EndsWith(".dll", StringComparison.Ordinal) => "assemblies",
                    _ when path.Contains(".so", StringComparison.Ordinal) => "native",
                    _ => "other",
                };
                continue;
            }

            if (!line.StartsWith("Rss:", StringComparison.Ordinal))
                continue;
            var megabytes = double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            resident += megabytes;
            if (category is "assemblies" or "native")
                files[Path.GetFileName(path)] = files.GetValueOrDefault(Path.GetFileName(path)) + megabytes;
            switch (category)
            {
                case "anonymous": anonymous += megabytes; break;
                case "jit": jit += megabytes; break;
                case "assemblies": assemblies += megabytes; break;
                case "native": native += megabytes; break;
                default: other += megabytes; break;
            }
        }

        double committed = 0, heap = 0;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var text = await http.GetStringAsync(new Uri(process, "/metrics"));
            if (GcCommittedSample().Match(text) is { Success: true } c)
                committed = double.Parse(c.Groups[1].Value, CultureInfo.InvariantCulture) / (1024 * 1024);
            heap = GcHeapSample().Matches(text).Sum(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)) / (1024 * 1024);
        }
        catch (HttpRequestException)
        {
        }

        var threads = Directory.GetDirectories($"/proc/{pid}/task").Length;
        return new Split(resident, peak, assemblies, native, jit, other, anonymous, committed, heap, threads,
            files.OrderByDescending(f => f.Value).Take(8).Select(f => new MappedFile(f.Key, f.Value)).ToList());
    }
}
