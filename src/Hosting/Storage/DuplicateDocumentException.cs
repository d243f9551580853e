namespace Ptsp.Hosting.Storage;

/// <summary>The id, or a unique index, already holds that value.</summary>
public sealed class DuplicateDocumentException(string collection, string index, Exception? inner = null)
    : Exception($"A document in '{collection}' already has that {index}.", inner)
{
    public string Collection { get; } = collection;

    /// <summary>"id" for the document id, otherwise the indexed field.</summary>
    public string Index { get; } = index;
}
