using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.GridFS;

namespace Ptsp.Hosting.Storage;

/// <summary>
/// Files a service owns (uploaded documents, reports, PDFs): on disk in the embedded mode, in GridFS with
/// MongoDB. Files are written whole or not at all, and never travel inside messages.
/// </summary>
public interface IBlobStore
{
    /// <summary>Stores the stream under <paramref name="key"/> (replacing any earlier file) and returns its SHA-256 (hex) and length.</summary>
    Task<(string Sha256, long Length)> PutAsync(string key, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The file, or null when there is none.</summary>
    Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken = default);

    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}
