using System.Security.Cryptography;
using MongoDB.Driver;

namespace Ptsp.Hosting.Storage;

public sealed class FileBlobStore(string directory) : IBlobStore
{
    public async Task<(string Sha256, long Length)> PutAsync(string key, Stream content, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long length = 0;
        try
        {
            await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            var buffer = new byte[81920];
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                hash.AppendData(buffer, 0, read);
                await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                length += read;
            }

            await file.FlushAsync(cancellationToken);
        }
        catch
        {
            // Whole or not at all: a failed or refused upload leaves nothing behind.
            File.Delete(temp);
            throw;
        }

        File.Move(temp, path, overwrite: true);
        return (Convert.ToHexStringLower(hash.GetHashAndReset()), length);
    }

    public Task<Stream?> OpenAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        return Task.FromResult<Stream?>(File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        File.Delete(PathOf(key));
        return Task.CompletedTask;
    }

    string PathOf(string key)
    {
        if (key.Split('/').Any(part => part.Length == 0 || part is "." or ".." || part.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0))
            throw new ArgumentException($"'{key}' is not a valid file key.", nameof(key));
        return Path.Combine(directory, key.Replace('/', Path.DirectorySeparatorChar));
    }
}
