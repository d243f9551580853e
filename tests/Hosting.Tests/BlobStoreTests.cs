using System.Security.Cryptography;
using MongoDB.Bson;
using MongoDB.Driver.GridFS;
using Ptsp.Hosting.Storage;

namespace Ptsp.Hosting.Tests;

/// <summary>The GridFS store's parts that need no server: the stream it hands the driver, and which revisions a writer removes.</summary>
public class BlobStoreTests
{
    /// <summary>A request body that must be read asynchronously: its synchronous read throws, as a blocked thread would be the cost.</summary>
    sealed class AsyncOnlyStream(byte[] content, bool waitForever = false) : Stream
    {
        int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => throw new InvalidOperationException("synchronous read of a request body");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (waitForever)
                await Task.Delay(Timeout.Infinite, cancellationToken);
            await Task.Yield();
            var n = Math.Min(buffer.Length, content.Length - _position);
            content.AsMemory(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        public override void Flush() => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task The_upload_stream_reads_the_body_asynchronously_through_the_overload_GridFS_calls()
    {
        var content = RandomNumberGenerator.GetBytes(600_000);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var hashing = new HashingStream(new AsyncOnlyStream(content), hash);

        // GridFS reads chunk by chunk (255 KiB) with ReadAsync(byte[], int, int, CancellationToken).
        var chunk = new byte[255 * 1024];
        int read;
        while ((read = await hashing.ReadAsync(chunk, 0, chunk.Length, CancellationToken.None)) > 0)
        {
        }

        Assert.Equal(SHA256.HashData(content), hash.GetHashAndReset());
        Assert.Equal(content.Length, hashing.Length);
    }

    [Fact]
    public async Task Cancelling_an_upload_stops_a_read_that_waits_for_the_body()
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var hashing = new HashingStream(new AsyncOnlyStream([], waitForever: true), hash);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            _ = await hashing.ReadAsync(new byte[16], 0, 16, cancel.Token).WaitAsync(TimeSpan.FromSeconds(10)));
    }

    static GridFSFileInfo Revision(ObjectId id, DateTime uploaded) =>
        new(new BsonDocument { { "_id", id }, { "filename", "receipts/a.pdf" }, { "length", 1L }, { "chunkSize", 261120 }, { "uploadDate", uploaded } });

    [Fact]
    public void Of_two_writers_of_one_key_neither_removes_the_newest_revision()
    {
        var at = new DateTime(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc);
        var older = Revision(ObjectId.GenerateNewId(), at.AddSeconds(-5));
        var first = Revision(ObjectId.GenerateNewId(), at);
        var second = Revision(ObjectId.GenerateNewId(), at.AddMilliseconds(1));
        // Same upload time: the id breaks the tie, the same way for every writer.
        var tied = Revision(new ObjectId("ffffffffffffffffffffffff"), at.AddMilliseconds(1));
        GridFSFileInfo[] seen = [older, first, second, tied];

        // Both uploads finished before either looked: each sees every revision.
        var removed = GridFsBlobStore.Superseded(seen, first.Id).Concat(GridFsBlobStore.Superseded(seen, tied.Id)).Select(f => f.Id).ToHashSet();

        Assert.DoesNotContain(tied.Id, removed);
        Assert.Equal(new[] { older.Id, first.Id, second.Id }.ToHashSet(), removed);
        Assert.Equal([older.Id], GridFsBlobStore.Superseded(seen, first.Id).Select(f => f.Id));
    }
}
