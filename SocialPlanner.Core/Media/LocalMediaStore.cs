using System.Runtime.CompilerServices;

namespace SocialPlanner.Core.Media;

/// <summary>The default store: a directory on local disk. Staging files live in the same directory tree so that a
/// commit is a rename, which is atomic within one file system.</summary>
public sealed class LocalMediaStore : IMediaStore
{
    private const string StagingDirectory = ".staging";

    private readonly string _root;
    private readonly string _staging;

    public LocalMediaStore(string root)
    {
        _root = Path.GetFullPath(root);
        _staging = Path.Combine(_root, StagingDirectory);
        Directory.CreateDirectory(_staging);
    }

    public string Root => _root;

    public string NewStagingFile() => Path.Combine(_staging, $"{Guid.NewGuid():N}.part");

    public Task CommitAsync(string stagingFile, string path, CancellationToken ct)
    {
        var target = FullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(stagingFile, target, overwrite: true);
        return Task.CompletedTask;
    }

    public Task<StoredFile?> StatAsync(string path, CancellationToken ct)
    {
        var file = new FileInfo(FullPath(path));
        return Task.FromResult(file.Exists ? ToStoredFile(path, file) : null);
    }

    public Task<Stream?> OpenReadAsync(string path, CancellationToken ct)
    {
        try
        {
            // FileShare.Delete: a deletion or replacement while someone downloads must not fail either side.
            Stream stream = new FileStream(FullPath(path), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                bufferSize: 64 * 1024, useAsync: true);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string path, CancellationToken ct)
    {
        try
        {
            File.Delete(FullPath(path));
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing of that user was ever stored: the file is as gone as it can be.
        }
        return Task.CompletedTask;
    }

    public async IAsyncEnumerable<StoredFile> ListAsync([EnumeratorCancellation] CancellationToken ct)
    {
        var users = Path.Combine(_root, "users");
        if (!Directory.Exists(users))
        {
            yield break;
        }
        foreach (var file in new DirectoryInfo(users).EnumerateFiles("*", SearchOption.AllDirectories))
        {
            ct.ThrowIfCancellationRequested();
            yield return ToStoredFile(Path.GetRelativePath(_root, file.FullName).Replace('\\', '/'), file);
        }
        await Task.CompletedTask;
    }

    public int RemoveStagingFilesOlderThan(DateTimeOffset before)
    {
        var removed = 0;
        foreach (var file in new DirectoryInfo(_staging).EnumerateFiles())
        {
            if (file.LastWriteTimeUtc < before.UtcDateTime)
            {
                file.Delete();
                removed++;
            }
        }
        return removed;
    }

    /// <summary>Paths come from our own code, but the file endpoint takes one from a URL: whatever it says, it must
    /// stay inside the root.</summary>
    private string FullPath(string path)
    {
        if (path.Length == 0 || path.StartsWith('/') || path.Contains('\\') || path.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw new ArgumentException($"'{path}' is not a media path.", nameof(path));
        }
        var full = Path.GetFullPath(Path.Combine(_root, path));
        return full.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? full
            : throw new ArgumentException($"'{path}' is not a media path.", nameof(path));
    }

    private static StoredFile ToStoredFile(string path, FileInfo file) =>
        new(path, file.Length, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
}
