using System.Security.Cryptography;
using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.GridFS;

namespace Ptsp.Hosting.Storage;

public sealed class GridFsBlobStore(IMongoDatabase database) : IBlobStore
{
    readonly GridFSBucket _bucket = new(database, new GridFSBucketOptions { BucketName = "files" });

    /// <summary>
    /// Uploads a new revision, then removes the revisions older than it. Two writers of one key (a receipt
    /// re-rendered for a redelivered message) each remove only what is older than their own, so the newest
    /// survives whichever finishes first.
    /// </summary>
    public async Task<(string Sha256, long Length)> PutAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var hashing = new HashingStream(content, hash);
        var id = await _bucket.UploadFromStreamAsync(key, hashing, cancellationToken: cancellationToken);
        foreach (var file in Superseded(await RevisionsAsync(key, cancellationToken), id))
            await DeleteRevisionAsync(file.Id, cancellationToken);
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), hashing.Length);
    }

    /// <summary>The newest revision, by the same order that decides which revisions a writer removes.</summary>
    public async Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken = default)
    {
        // The newest may be removed between finding and opening it, but only by a writer with a newer one: look again.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var newest = (await RevisionsAsync(key, cancellationToken)).OrderByDescending(f => f, Newest).FirstOrDefault();
            if (newest is null)
                return null;
            try
            {
                return await _bucket.OpenDownloadStreamAsync(newest.Id, cancellationToken: cancellationToken);
            }
            catch (GridFSFileNotFoundException)
            {
            }
        }

        return null;
    }

    public async Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        foreach (var file in await RevisionsAsync(key, cancellationToken))
            await DeleteRevisionAsync(file.Id, cancellationToken);
    }

    async Task<List<GridFSFileInfo>> RevisionsAsync(string key, CancellationToken cancellationToken) =>
        await (await _bucket.FindAsync(Builders<GridFSFileInfo>.Filter.Eq(f => f.Filename, key), cancellationToken: cancellationToken))
            .ToListAsync(cancellationToken);

    // Another writer or a delete may have removed it already; gone is what was wanted.
    async Task DeleteRevisionAsync(ObjectId id, CancellationToken cancellationToken)
    {
        try
        {
            await _bucket.DeleteAsync(id, cancellationToken);
        }
        catch (GridFSFileNotFoundException)
        {
        }
    }

    /// <summary>Orders revisions oldest to newest: by upload time, ties by id, the same for every writer.</summary>
    static readonly Comparer<GridFSFileInfo> Newest = Comparer<GridFSFileInfo>.Create((a, b) =>
        a.UploadDateTime != b.UploadDateTime ? a.UploadDateTime.CompareTo(b.UploadDateTime) : a.Id.CompareTo(b.Id));

    /// <summary>The revisions of one name that a writer whose upload got <paramref name="mine"/> removes: those older than it.</summary>
    internal static IEnumerable<GridFSFileInfo> Superseded(IEnumerable<GridFSFileInfo> revisions, ObjectId mine)
    {
        var all = revisions.ToList();
        // Mine already gone means a newer writer or a delete got there first: nothing is mine to remove.
        var own = all.FirstOrDefault(f => f.Id == mine);
        return own is null ? [] : all.Where(f => Newest.Compare(f, own) < 0);
    }
}

/// <summary>Passes a stream through while hashing and counting what was read.</summary>
sealed class HashingStream(Stream inner, IncrementalHash hash) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _read;

    public override long Position { get => _read; set => throw new NotSupportedException(); }

    long _read;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = inner.Read(buffer, offset, count);
        hash.AppendData(buffer, offset, n);
        _read += n;
        return n;
    }

    // GridFS reads through this overload; Stream's own would run the synchronous Read on a pool thread,
    // blocking it on the request body and ignoring the token.
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override IAsyncResult BeginRead(byte[] buffer, int offset, int count, AsyncCallback? callback, object? state) =>
        TaskToAsyncResult.Begin(ReadAsync(buffer, offset, count, CancellationToken.None), callback, state);

    public override int EndRead(IAsyncResult asyncResult) => TaskToAsyncResult.End<int>(asyncResult);

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken);
        hash.AppendData(buffer.Span[..n]);
        _read += n;
        return n;
    }

    public override void Flush() => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
