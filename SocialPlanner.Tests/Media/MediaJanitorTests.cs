using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Media;
using SocialPlanner.Tests.Data;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Media;

/// <summary>The Worker's hourly clean-up, against the real database under the Worker role and a real store.</summary>
public sealed class MediaJanitorTests(AppFixture app) : DataTest(app)
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    [Fact]
    public async Task Files_no_media_row_owns_are_removed_and_owned_files_and_their_thumbnails_stay()
    {
        using var root = new TemporaryDirectory();
        var store = new LocalMediaStore(root.Path);
        var user = await CreateUserAsync();
        var media = await CreateMediaAsync(user);
        var owned = $"users/{user}/posts/{media.Id}.jpg";
        var thumbnail = $"users/{user}/posts/{media.Id}.thumb.jpg";
        var orphan = $"users/{user}/posts/{Guid.NewGuid()}.png";
        foreach (var path in new[] { owned, thumbnail, orphan })
        {
            await PutAsync(store, path);
        }
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow + MediaJanitor.GracePeriod + TimeSpan.FromMinutes(5));

        var removed = await new MediaJanitor(As(DbRole.Worker), store, clock, NullLogger<MediaJanitor>.Instance).RemoveOrphansAsync(_ct);

        Assert.Equal(1, removed);
        var left = await store.ListAsync(_ct).Select(f => f.Path).ToListAsync(_ct);
        Assert.Equal(new[] { owned, thumbnail }.Order(), left.Order());
    }

    [Fact]
    public async Task Recent_files_are_left_alone_while_their_upload_may_still_be_committing()
    {
        using var root = new TemporaryDirectory();
        var store = new LocalMediaStore(root.Path);
        await PutAsync(store, $"users/{Guid.NewGuid()}/posts/{Guid.NewGuid()}.jpg");

        var removed = await new MediaJanitor(As(DbRole.Worker), store, TimeProvider.System, NullLogger<MediaJanitor>.Instance).RemoveOrphansAsync(_ct);

        Assert.Equal(0, removed);
        Assert.Single(await store.ListAsync(_ct).ToListAsync(_ct));
    }

    private async Task PutAsync(LocalMediaStore store, string path)
    {
        var staging = store.NewStagingFile();
        await File.WriteAllBytesAsync(staging, [1, 2, 3], _ct);
        await store.CommitAsync(staging, path, _ct);
    }

    private sealed class TemporaryDirectory : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("media-janitor-").FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
