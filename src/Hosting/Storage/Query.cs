namespace Ptsp.Hosting.Storage;

public enum Operator
{
    Equal,
    NotEqual,
    LessThan,
    LessThanOrEqual,
    GreaterThan,
    GreaterThanOrEqual,
    In,
}

/// <summary>One condition on a document field. Values are strings, whole numbers, booleans, times or null; <c>In</c> takes an array.</summary>
public sealed record Condition(string Field, Operator Operator, object? Value);

/// <summary>A conjunction of conditions, an optional order and a limit: all that services ask of a store.</summary>
public sealed record Query
{
    public IReadOnlyList<Condition> Where { get; init; } = [];

    public string? OrderBy { get; init; }

    public bool Descending { get; init; }

    public int? Limit { get; init; }

    public static Query All => new();

    public static Query By(string field, object? value) => new() { Where = [new Condition(field, Operator.Equal, value)] };

    public Query And(string field, Operator op, object? value) => this with { Where = [.. Where, new Condition(field, op, value)] };

    public Query Sort(string field, bool descending = false) => this with { OrderBy = field, Descending = descending };

    public Query Take(int limit) => this with { Limit = limit };

    /// <summary>The value as the store compares it: times become the same sortable UTC text that documents hold.</summary>
    internal static object? Normalize(object? value) => value switch
    {
        DateTimeOffset t => StorageJson.FormatTime(t),
        DateTime t => StorageJson.FormatTime(new DateTimeOffset(t.ToUniversalTime(), TimeSpan.Zero)),
        Guid g => g.ToString(),
        Enum e => e.ToString(),
        int i => (long)i,
        _ => value,
    };
}
