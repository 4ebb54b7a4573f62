using Microsoft.EntityFrameworkCore;
using Npgsql;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Social;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Data;

public sealed class ConstraintTests(AppFixture app) : DataTest(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_scheduled_post_without_a_date_is_rejected()
    {
        var error = await RefusedToSaveAsync(new Post { Status = PostStatus.Scheduled });

        Assert.Equal(PostgresErrorCodes.CheckViolation, error.SqlState);
        Assert.Equal("scheduled_posts_have_date", error.ConstraintName);
    }

    [Fact]
    public async Task A_published_post_without_published_at_is_rejected()
    {
        var error = await RefusedToSaveAsync(new Post { Status = PostStatus.Published });

        Assert.Equal("published_posts_have_date", error.ConstraintName);
    }

    [Fact]
    public async Task A_failed_post_without_an_error_message_is_rejected()
    {
        var error = await RefusedToSaveAsync(new Post { Status = PostStatus.Failed });

        Assert.Equal("failed_posts_have_error", error.ConstraintName);
    }

    [Fact]
    public async Task A_rating_of_6_is_rejected()
    {
        var error = await RefusedToSaveAsync(new Post { Rating = 6 });

        Assert.Equal("rating_between_1_and_5", error.ConstraintName);
    }

    [Fact]
    public async Task Media_used_by_a_post_cannot_be_deleted()
    {
        var user = await CreateUserAsync();
        var (_, media) = await CreatePostWithMediaAsync(user);

        var error = await RefusedAsync(() =>
            AsUser(user).Database.ExecuteSqlAsync($"DELETE FROM media WHERE id = {media.Id}", Ct));

        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, error.SqlState);
    }

    [Fact]
    public async Task Deleting_a_post_removes_its_media_links_and_keeps_the_media()
    {
        var user = await CreateUserAsync();
        var (post, media) = await CreatePostWithMediaAsync(user);

        await AsUser(user).Posts.Where(p => p.Id == post.Id).ExecuteDeleteAsync(Ct);

        Assert.Equal(0L, await OwnerScalarAsync<long>("SELECT count(*) FROM posts_media WHERE post_id = $1", post.Id));
        Assert.Equal(1L, await OwnerScalarAsync<long>("SELECT count(*) FROM media WHERE id = $1", media.Id));
    }

    [Fact]
    public async Task A_user_has_at_most_one_active_connection_per_platform()
    {
        var user = await CreateUserAsync();
        var db = AsUser(user);
        db.SocialConnections.Add(Connection(user, isActive: false));
        db.SocialConnections.Add(Connection(user, isActive: true));
        await db.SaveChangesAsync(Ct);

        var second = AsUser(user);
        second.SocialConnections.Add(Connection(user, isActive: true));
        var error = await RefusedAsync(() => second.SaveChangesAsync(Ct));

        Assert.Equal(PostgresErrorCodes.UniqueViolation, error.SqlState);
        Assert.Equal("idx_social_conn_user_platform", error.ConstraintName);
    }

    [Fact]
    public async Task Updated_at_moves_forward_on_every_update()
    {
        var user = await CreateUserAsync();
        var post = await CreatePostAsync(user);

        await AsUser(user).Posts.Where(p => p.Id == post.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Content, "edited"), Ct);

        var after = await OwnerScalarAsync<DateTime>("SELECT updated_at FROM posts WHERE id = $1", post.Id);
        Assert.True(after > post.UpdatedAt.UtcDateTime, $"updated_at stayed at {post.UpdatedAt:O}");
    }

    [Fact]
    public async Task Saving_a_post_reads_back_its_new_updated_at_and_a_stale_edit_conflicts()
    {
        var user = await CreateUserAsync();
        var post = await CreatePostAsync(user);
        var first = AsUser(user);
        var second = AsUser(user);
        var mine = await first.Posts.SingleAsync(p => p.Id == post.Id, Ct);
        var stale = await second.Posts.SingleAsync(p => p.Id == post.Id, Ct);

        mine.Content = "mine";
        await first.SaveChangesAsync(Ct);
        stale.Content = "stale";

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));
        Assert.True(mine.UpdatedAt > post.UpdatedAt);
    }

    [Theory]
    [InlineData("post_platform", "linkedin,instagram,both")]
    [InlineData("post_status", "draft,scheduled,published,failed")]
    [InlineData("template_category", "conseil,actualite,temoignage,etude_cas,promo,autre")]
    [InlineData("media_type", "image,video")]
    [InlineData("generation_type", "ideas,post_linkedin,post_instagram,variants")]
    [InlineData("social_platform", "linkedin,instagram")]
    [InlineData("publication_status", "pending,claimed,sending,published,failed,cancelled")]
    public async Task Enum_labels_are_the_specs_in_the_specs_order(string type, string labels)
    {
        var actual = await OwnerScalarAsync<string>(
            "SELECT string_agg(enumlabel, ',' ORDER BY enumsortorder) FROM pg_enum WHERE enumtypid = $1::regtype", type);

        Assert.Equal(labels, actual);
    }

    /// <summary>Saves <paramref name="post"/> for a fresh user, as that user, expecting the database to refuse it.</summary>
    private async Task<PostgresException> RefusedToSaveAsync(Post post)
    {
        post.UserId = await CreateUserAsync();
        post.Content = "content";
        var db = AsUser(post.UserId);
        db.Posts.Add(post);
        return await RefusedAsync(() => db.SaveChangesAsync(Ct));
    }

    private async Task<(Post Post, Core.Media.MediaItem Media)> CreatePostWithMediaAsync(Guid user)
    {
        var post = await CreatePostAsync(user);
        var media = await CreateMediaAsync(user);
        var db = AsUser(user);
        db.PostsMedia.Add(new PostMedia { PostId = post.Id, MediaId = media.Id });
        await db.SaveChangesAsync(Ct);
        return (post, media);
    }

    private static SocialConnection Connection(Guid user, bool isActive) => new()
    {
        UserId = user, Platform = SocialPlatform.Linkedin, AccessToken = "protected", ProfileId = "urn:li:person:1",
        ExpiresAt = DateTimeOffset.UtcNow.AddDays(60), IsActive = isActive,
    };
}
