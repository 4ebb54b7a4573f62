namespace SocialPlanner.Core.Media;

/// <summary>A stored file's facts, for conditional and ranged downloads and for the janitor.</summary>
public sealed record StoredFile(string Path, long Length, DateTimeOffset LastModified);

/// <summary>Where media bytes live (Supabase Storage in the spec). Paths are relative, '/'-separated, as built by
/// <see cref="MediaPaths"/>. Writers stage a file first and commit it in one atomic step, so a reader never sees
/// half a file.</summary>
public interface IMediaStore
{
    /// <summary>A new local file path to write an upload to before it is validated; commit it or delete it.</summary>
    string NewStagingFile();

    /// <summary>Makes a staged file visible at <paramref name="path"/> in one step, replacing what was there.</summary>
    Task CommitAsync(string stagingFile, string path, CancellationToken ct);

    /// <summary>Null when there is no such file.</summary>
    Task<StoredFile?> StatAsync(string path, CancellationToken ct);

    /// <summary>A seekable stream (range requests need one), or null when there is no such file.</summary>
    Task<Stream?> OpenReadAsync(string path, CancellationToken ct);

    /// <summary>Removes the file if it exists.</summary>
    Task DeleteAsync(string path, CancellationToken ct);

    /// <summary>Every committed file.</summary>
    IAsyncEnumerable<StoredFile> ListAsync(CancellationToken ct);

    /// <summary>Staging files older than <paramref name="before"/>: uploads that crashed before commit or clean-up.</summary>
    int RemoveStagingFilesOlderThan(DateTimeOffset before);
}
