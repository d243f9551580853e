using System.Globalization;

namespace Ptsp.Hosting.Storage;

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

    public Query Take(int limit) => limit >= 0
        ? this with { Limit = limit }
        : throw new ArgumentOutOfRangeException(nameof(limit), limit, "A query takes zero or more documents.");

    /// <summary>
    /// The value as the stores compare it, in the form the stored JSON has: times as sortable UTC text, dates as
    /// ISO text, whole numbers as long, a float as the shortest double that prints like it (as it is written),
    /// decimals kept for each store to map. Anything else is refused, by both stores alike.
    /// </summary>
    internal static object? Normalize(object? value) => value switch
    {
        null or string or bool or long or double or decimal => value,
        DateTimeOffset t => StorageJson.FormatTime(t),
        DateTime t => StorageJson.FormatTime(new DateTimeOffset(t.ToUniversalTime(), TimeSpan.Zero)),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Guid g => g.ToString(),
        Enum e => e.ToString(),
        int or short or sbyte or byte or ushort or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        ulong u => u <= long.MaxValue ? (long)u : (decimal)u,
        float f => double.Parse(f.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"A query cannot compare with a {value.GetType().Name}."),
    };

    /// <summary>The values of an <c>In</c> condition, normalised; a single value (a string is one) is refused.</summary>
    internal static IReadOnlyList<object?> InValues(Condition condition) =>
        condition.Value is System.Collections.IEnumerable values and not string
            ? values.Cast<object?>().Select(Normalize).ToList()
            : throw new ArgumentException($"In on '{condition.Field}' needs a list of values.");

    /// <summary>Only equality can compare with null (absent or null); both stores refuse an order against it.</summary>
    internal static object? ComparedValue(Condition condition)
    {
        var value = Normalize(condition.Value);
        if (value is null && condition.Operator is not (Operator.Equal or Operator.NotEqual))
            throw new ArgumentException($"Operator {condition.Operator} cannot compare with null.");
        return value;
    }
}
