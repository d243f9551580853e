using Ptsp.Contracts.Permits;

namespace Ptsp.Signing.Survey;

/// <summary>
/// The nine elements of the Survei Kepuasan Masyarakat (PermenPANRB 14/2017), each answered on the scale 1–4, and the
/// index: each element's average (NRR) × 0.111 (the weight, 1/9 rounded), summed, × 25 → IKM 25–100, and its category.
/// </summary>
public static class SkmElements
{
    public const string QueueName = "record-survey-response";

    public static readonly Uri Queue = new($"queue:{QueueName}");

    public const decimal Weight = 0.111m;

    public const decimal Conversion = 25m;

    public static readonly IReadOnlyList<(string Code, string Name)> All =
    [
        ("U1", "Persyaratan"),
        ("U2", "Sistem, mekanisme dan prosedur"),
        ("U3", "Waktu penyelesaian"),
        ("U4", "Biaya/tarif"),
        ("U5", "Produk spesifikasi jenis pelayanan"),
        ("U6", "Kompetensi pelaksana"),
        ("U7", "Perilaku pelaksana"),
        ("U8", "Penanganan pengaduan, saran dan masukan"),
        ("U9", "Sarana dan prasarana"),
    ];

    /// <summary>Errors by field ("answers", or "U1".."U9"); none when there are nine answers of 1 to 4.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(IReadOnlyList<int>? answers)
    {
        if (answers is null || answers.Count != All.Count)
            return new Dictionary<string, string[]> { ["answers"] = ["Jawab kesembilan unsur survei (U1 sampai U9)."] };
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < answers.Count; i++)
        {
            if (answers[i] is < 1 or > 4)
                errors[All[i].Code] = [$"Pilih nilai 1 sampai 4 untuk unsur {All[i].Code} ({All[i].Name})."];
        }

        return errors;
    }

    /// <summary>The quality category of an IKM (rounded to two decimals): A 88.31–100, B 76.61–88.30, C 65.00–76.60, D 25.00–64.99.</summary>
    public static string Category(decimal ikm) => ikm switch
    {
        >= 88.31m => "A",
        >= 76.61m => "B",
        >= 65.00m => "C",
        _ => "D",
    };

    public static SkmReport Report(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<IReadOnlyList<int>> responses)
    {
        if (responses.Count == 0)
            return new SkmReport(from, to, 0, All.Select(e => new SkmElement(e.Code, e.Name, null)).ToList(), null, null);

        var averages = All.Select((_, i) => responses.Average(r => (decimal)r[i])).ToList();
        var ikm = Math.Round(averages.Sum(a => a * Weight) * Conversion, 2, MidpointRounding.AwayFromZero);
        return new SkmReport(from, to, responses.Count,
            All.Select((e, i) => new SkmElement(e.Code, e.Name, Math.Round(averages[i], 2, MidpointRounding.AwayFromZero))).ToList(), ikm, Category(ikm));
    }
}
