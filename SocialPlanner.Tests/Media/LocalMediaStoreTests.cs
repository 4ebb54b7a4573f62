using SocialPlanner.Core.Media;

namespace SocialPlanner.Tests.Media;

public sealed class LocalMediaStoreTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("media-store-").FullName;
    private readonly LocalMediaStore _store;
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public LocalMediaStoreTests() => _store = new LocalMediaStore(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private async Task PutAsync(string path, byte[] bytes)
    {
        var staging = _store.NewStagingFile();
        await File.WriteAllBytesAsync(staging, bytes, _ct);
        await _store.CommitAsync(staging, path, _ct);
    }

    [Fact]
    public async Task A_committed_file_is_listed_readable_and_its_staging_file_gone()
    {
        await PutAsync("users/u/posts/a.png", [1, 2, 3]);

        var listed = Assert.Single(await _store.ListAsync(_ct).ToListAsync(_ct));
        Assert.Equal(("users/u/posts/a.png", 3L), (listed.Path, listed.Length));
        await using var stream = await _store.OpenReadAsync("users/u/posts/a.png", _ct);
        Assert.True(stream!.CanSeek);
        Assert.Empty(Directory.GetFiles(Path.Combine(_root, ".staging")));
    }

    [Fact]
    public async Task Missing_files_read_as_null_and_delete_quietly()
    {
        Assert.Null(await _store.OpenReadAsync("users/u/posts/missing.png", _ct));
        Assert.Null(await _store.StatAsync("users/u/posts/missing.png", _ct));
        await _store.DeleteAsync("users/u/posts/missing.png", _ct);
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("users/../../outside.txt")]
    [InlineData("/etc/passwd")]
    [InlineData("users//x")]
    [InlineData("users\\x")]
    public async Task Paths_cannot_leave_the_root(string path) =>
        await Assert.ThrowsAsync<ArgumentException>(() => _store.OpenReadAsync(path, _ct));

    [Fact]
    public void Only_old_staging_files_are_removed()
    {
        var old = _store.NewStagingFile();
        File.WriteAllBytes(old, [1]);
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddHours(-2));
        var fresh = _store.NewStagingFile();
        File.WriteAllBytes(fresh, [1]);

        Assert.Equal(1, _store.RemoveStagingFilesOlderThan(DateTimeOffset.UtcNow.AddHours(-1)));
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(fresh));
    }

    [Fact]
    public void Derived_files_belong_to_their_media_id()
    {
        var item = new MediaItem { Id = Guid.NewGuid(), UserId = Guid.NewGuid(), Type = MediaType.Image };
        item.StoragePath = MediaPaths.Original(item.UserId, item.Id, MediaFormats.WebP);

        Assert.Equal($"users/{item.UserId}/posts/{item.Id}.webp", item.StoragePath);
        Assert.All(MediaPaths.AllFiles(item), path => Assert.Equal(item.Id, MediaPaths.MediaIdOf(path)));
        Assert.Null(MediaPaths.MediaIdOf("users/x/posts/readme.txt"));
    }
}
