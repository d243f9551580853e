namespace Ptsp.Hosting.Storage;

/// <summary>The document changed (or vanished) since it was read. Retry with a fresh read.</summary>
public sealed class ConcurrencyConflictException(string collection, string id)
    : Exception($"Document '{id}' in '{collection}' was changed by someone else.")
{
    public string Collection { get; } = collection;

    public string Id { get; } = id;
}
