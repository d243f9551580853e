namespace Ptsp.Hosting.Storage;

/// <summary>
/// One condition on a document field. Values are strings, numbers, booleans, times, dates, GUIDs, enums or null;
/// <c>In</c> takes a list of those. Both stores accept and refuse the same values.
/// </summary>
public sealed record Condition(string Field, Operator Operator, object? Value);
