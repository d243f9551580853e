using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Tests;

/// <summary>A document with free-text keys (as technical data has) and the number and date types services may query.</summary>
public sealed class Reading
{
    public string Name { get; set; } = "";

    public decimal Price { get; set; }

    public double Ratio { get; set; }

    public float Weight { get; set; }

    public short Rank { get; set; }

    public DateOnly Day { get; set; }

    public string? Claim { get; set; }

    public Dictionary<string, string>? Details { get; set; }

    public Dictionary<string, Dictionary<string, string>>? Nested { get; set; }
}

public abstract partial class DocumentStoreContractTests
{
    protected static readonly CollectionDefinition<Reading> Readings = new("readings");

    /// <summary>Keys a user may type that MongoDB's extended JSON, or its field-name rules, would otherwise take for something else.</summary>
    public static readonly Dictionary<string, string> OddKeys = new()
    {
        ["$date"] = "2026-11-23",
        ["$oid"] = "507f1f77bcf86cd799439011",
        ["$numberLong"] = "5",
        ["a.b"] = "titik",
        ["x\0y"] = "nul",
        ["50%"] = "persen",
        ["%24date"] = "sudah seperti escape",
        ["luas"] = "120 m²",
    };

    [SkippableFact]
    public async Task Free_text_keys_that_look_like_operators_paths_or_escapes_round_trip()
    {
        var readings = await Store().OpenAsync(Readings);
        var nested = new Dictionary<string, Dictionary<string, string>> { ["$date"] = new() { ["$numberLong"] = "1" } };
        await readings.InsertAsync("r1", new Reading { Details = OddKeys, Nested = nested });

        var stored = (await readings.FindAsync("r1"))!;
        Assert.Equal(OddKeys.OrderBy(k => k.Key, StringComparer.Ordinal), stored.Document.Details!.OrderBy(k => k.Key, StringComparer.Ordinal));
        Assert.Equal("1", stored.Document.Nested!["$date"]["$numberLong"]);

        // A replace writes the body by another path than an insert.
        stored.Document.Details!["$oid"] = "diganti";
        await readings.ReplaceAsync("r1", stored.Document, stored.Version);
        Assert.Equal("diganti", (await readings.FindAsync("r1"))!.Document.Details!["$oid"]);
    }

    [SkippableFact]
    public async Task Decimal_float_short_and_date_values_compare_as_the_stored_document_holds_them()
    {
        var readings = await Store().OpenAsync(Readings);
        await readings.InsertAsync("r1", new Reading { Price = 12.30m, Ratio = 0.1, Weight = 0.1f, Rank = 3, Day = new DateOnly(2026, 11, 23) });
        await readings.InsertAsync("r2", new Reading { Price = 7.5m, Ratio = 2.5, Weight = 1.5f, Rank = 7, Day = new DateOnly(2026, 12, 1) });
        await readings.InsertAsync("r3", new Reading { Price = 79228162514264337593543950335m, Rank = -1, Day = new DateOnly(2025, 1, 31) });

        async Task<string[]> Ids(Query query) => (await readings.QueryAsync(query.Sort("rank"))).Select(r => r.Id).ToArray();

        Assert.Equal(["r1"], await Ids(Query.By("price", 12.3m)));
        Assert.Equal(["r3", "r1"], await Ids(Query.All.And("price", Operator.GreaterThan, 7.5m)));
        Assert.Equal(["r1"], await Ids(Query.By("weight", 0.1f)));
        Assert.Equal(["r1"], await Ids(Query.By("ratio", 0.1)));
        Assert.Equal(["r2"], await Ids(Query.By("rank", (short)7)));
        Assert.Equal(["r3", "r1"], await Ids(Query.All.And("rank", Operator.LessThan, (byte)7)));
        Assert.Equal(["r1"], await Ids(Query.By("day", new DateOnly(2026, 11, 23))));
        Assert.Equal(["r3", "r1"], await Ids(Query.All.And("day", Operator.LessThan, new DateOnly(2026, 12, 1))));
        Assert.Equal(79228162514264337593543950335m, (await readings.FindAsync("r3"))!.Document.Price);
        Assert.Equal(12.30m, (await readings.FindAsync("r1"))!.Document.Price);
    }

    [SkippableFact]
    public async Task In_with_null_also_matches_documents_without_the_field()
    {
        var readings = await Store().OpenAsync(Readings);
        await readings.InsertAsync("r1", new Reading { Claim = "a", Rank = 1 });
        await readings.InsertAsync("r2", new Reading { Claim = "b", Rank = 2 });
        await readings.InsertAsync("r3", new Reading { Claim = null, Rank = 3 });

        var found = await readings.QueryAsync(Query.All.And("claim", Operator.In, new[] { "a", null }).Sort("rank"));

        Assert.Equal(["r1", "r3"], found.Select(r => r.Id));
        Assert.Empty(await readings.QueryAsync(Query.All.And("claim", Operator.In, Array.Empty<string>())));
    }

    [SkippableFact]
    public async Task Take_zero_returns_nothing_and_what_a_store_cannot_compare_is_refused_by_both()
    {
        var readings = await Store().OpenAsync(Readings);
        await readings.InsertAsync("r1", new Reading());

        Assert.Empty(await readings.QueryAsync(Query.All.Take(0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Query.All.Take(-1));
        await Assert.ThrowsAsync<ArgumentException>(() => readings.QueryAsync(Query.All.Sort("rank; drop")));
        await Assert.ThrowsAsync<ArgumentException>(() => readings.QueryAsync(Query.All.Sort("$where")));
        await Assert.ThrowsAsync<ArgumentException>(() => readings.QueryAsync(Query.All.And("rank", Operator.LessThan, null)));
        await Assert.ThrowsAsync<ArgumentException>(() => readings.QueryAsync(Query.By("rank", TimeSpan.FromHours(1))));
        await Assert.ThrowsAsync<ArgumentException>(() => readings.QueryAsync(Query.All.And("name", Operator.In, "not a list")));
    }
}
