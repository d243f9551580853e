namespace Ptsp.Bench;

public sealed record BenchOptions(int Permits, int Concurrency, int Applicants, Uri? Gateway, string VirtualHost, string RabbitHost, string OfficerPassword,
    string? MailDirectory, int Replicas = 1)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => Value(name) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;
        return new BenchOptions(
            Int("--permits", 200),
            Int("--concurrency", 16),
            Int("--applicants", 8),
            Value("--gateway") is { } g ? new Uri(g) : null,
            Value("--vhost") ?? "/",
            Value("--rabbit") ?? "127.0.0.1",
            Value("--officer-password") ?? Environment.GetEnvironmentVariable("Seed__OfficerPassword") ?? "Ptsp-Bench-2026",
            Value("--mail"),
            Int("--replicas", 1));
    }
}

static class Repository
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Ptsp.slnx")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Run the bench from inside the repository (Ptsp.slnx not found).");
    }
}
