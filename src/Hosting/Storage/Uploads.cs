namespace Ptsp.Hosting.Storage;

/// <summary>
/// Stores an uploaded file only if its content is one of the allowed types (recognised by its bytes, and
/// matching the declared Content-Type) and it is within the size limit; otherwise nothing is kept.
/// </summary>
public static class Uploads
{
    public const long TenMegabytes = 10 * 1024 * 1024;

    public static async Task<UploadResult> StoreAsync(IBlobStore blobs, string key, Stream body, string? declaredType, long? declaredLength,
        long maxBytes, IReadOnlyCollection<string> allowedTypes, CancellationToken cancellationToken)
    {
        if (declaredLength > maxBytes)
            return new UploadResult(UploadOutcome.TooLarge);
        var declared = declaredType?.Split(';')[0].Trim().ToLowerInvariant();
        if (declared is not null && !allowedTypes.Contains(declared))
            return new UploadResult(UploadOutcome.NotAllowed);

        var header = new byte[FileTypes.HeaderLength];
        var read = await body.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        if (read == 0)
            return new UploadResult(UploadOutcome.Empty);
        var detected = FileTypes.Detect(header.AsSpan(0, read));
        if (detected is null || !allowedTypes.Contains(detected))
            return new UploadResult(UploadOutcome.NotAllowed);
        if (declared is not null && declared != detected)
            return new UploadResult(UploadOutcome.ContentMismatch, detected);

        // Read whole (at most the limit) so the content can be inspected before anything is kept.
        var content = new LimitedStream(new PrefixedStream(header.AsMemory(0, read), body), maxBytes);
        using var buffer = new MemoryStream();
        try
        {
            await content.CopyToAsync(buffer, cancellationToken);
        }
        catch (FileTooLargeException)
        {
            return new UploadResult(UploadOutcome.TooLarge);
        }

        if (FileInspection.Refusal(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), detected) is { } reason)
            return new UploadResult(UploadOutcome.Unsafe, detected, Reason: reason);
        buffer.Position = 0;
        var (sha256, length) = await blobs.PutAsync(key, buffer, cancellationToken);
        return new UploadResult(UploadOutcome.Stored, detected, sha256, length);
    }

    sealed class FileTooLargeException : Exception;

    sealed class PrefixedStream(ReadOnlyMemory<byte> prefix, Stream rest) : ReadOnlyStream
    {
        ReadOnlyMemory<byte> _prefix = prefix;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_prefix.Length == 0)
                return await rest.ReadAsync(buffer, cancellationToken);
            var n = Math.Min(buffer.Length, _prefix.Length);
            _prefix[..n].CopyTo(buffer);
            _prefix = _prefix[n..];
            return n;
        }
    }

    sealed class LimitedStream(Stream inner, long max) : ReadOnlyStream
    {
        long _total;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await inner.ReadAsync(buffer, cancellationToken);
            _total += n;
            return _total > max ? throw new FileTooLargeException() : n;
        }
    }

    abstract class ReadOnlyStream : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
