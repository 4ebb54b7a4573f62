using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Data;

public sealed class RowLevelSecurityTests(AppFixture app) : DataTest(app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_a_user_the_app_role_sees_no_rows_at_all()
    {
        await CreatePostAsync(await CreateUserAsync());

        var anonymous = As(DbRole.App);

        Assert.Equal(0, await anonymous.Posts.CountAsync(Ct));
        Assert.Equal(0, await anonymous.Users.CountAsync(Ct));
    }

    [Fact]
    public async Task A_pooled_context_forgets_its_user_when_it_goes_back_to_the_pool()
    {
        var owner = await CreateUserAsync();
        var post = await CreatePostAsync(owner);
        await using var provider = HostLikeServices(Owner);

        AppDbContext leased;
        await using (var scope = provider.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<DbSession>().UserId = owner;
            leased = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.NotNull(await leased.Posts.FindAsync([post.Id], Ct));
        }

        // Taken back from the pool by a path that sets no session: the same instance, and it sees nothing.
        await using var reused = provider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        Assert.Same(leased, reused);
        Assert.Equal(0, await reused.Posts.CountAsync(Ct));
    }

    [Fact]
    public async Task A_user_never_sees_another_users_posts_even_through_raw_sql()
    {
        var a = await CreateUserAsync();
        var b = await CreateUserAsync();
        var postOfA = await CreatePostAsync(a);
        var postOfB = await CreatePostAsync(b);

        var visibleToB = await AsUser(b).Database
            .SqlQueryRaw<Guid>("SELECT id AS \"Value\" FROM posts").ToListAsync(Ct);

        Assert.Equal([postOfB.Id], visibleToB);
        Assert.DoesNotContain(postOfA.Id, visibleToB);
        Assert.Null(await AsUser(b).Posts.FindAsync([postOfA.Id], Ct));
    }

    [Fact]
    public async Task A_user_cannot_update_or_delete_another_users_post()
    {
        var a = await CreateUserAsync();
        var b = await CreateUserAsync();
        var postOfA = await CreatePostAsync(a, "original");

        var updated = await AsUser(b).Database.ExecuteSqlAsync($"UPDATE posts SET content = 'hijacked' WHERE id = {postOfA.Id}", Ct);
        var deleted = await AsUser(b).Database.ExecuteSqlAsync($"DELETE FROM posts WHERE id = {postOfA.Id}", Ct);

        Assert.Equal(0, updated);
        Assert.Equal(0, deleted);
        Assert.Equal("original", await OwnerScalarAsync<string>("SELECT content FROM posts WHERE id = $1", postOfA.Id));
    }

    [Fact]
    public async Task A_user_cannot_insert_a_post_for_another_user()
    {
        var a = await CreateUserAsync();
        var b = await CreateUserAsync();
        var db = AsUser(b);
        db.Posts.Add(new Post { UserId = a, Platform = PostPlatform.Linkedin, Content = "in A's name" });

        var error = await RefusedAsync(() => db.SaveChangesAsync(Ct));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task A_user_cannot_attach_another_users_media_to_their_post()
    {
        var a = await CreateUserAsync();
        var b = await CreateUserAsync();
        var mediaOfA = await CreateMediaAsync(a);
        var postOfB = await CreatePostAsync(b);
        var db = AsUser(b);
        db.PostsMedia.Add(new PostMedia { PostId = postOfB.Id, MediaId = mediaOfA.Id });

        var error = await RefusedAsync(() => db.SaveChangesAsync(Ct));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task The_auth_role_finds_users_by_email_but_cannot_read_posts()
    {
        var a = await CreateUserAsync();
        await CreatePostAsync(a);
        var auth = As(DbRole.Auth);
        var email = await OwnerScalarAsync<string>("SELECT normalized_email FROM users WHERE id = $1", a);

        var found = await auth.Users.SingleAsync(u => u.NormalizedEmail == email, Ct);
        var error = await RefusedAsync(() => auth.Posts.CountAsync(Ct));

        Assert.Equal(a, found.Id);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task The_worker_role_reads_every_users_posts_but_cannot_delete_them()
    {
        var postOfA = await CreatePostAsync(await CreateUserAsync());
        var postOfB = await CreatePostAsync(await CreateUserAsync());
        var worker = As(DbRole.Worker);

        var seen = await worker.Posts.Where(p => p.Id == postOfA.Id || p.Id == postOfB.Id).CountAsync(Ct);
        var error = await RefusedAsync(() => worker.Database.ExecuteSqlAsync($"DELETE FROM posts WHERE id = {postOfA.Id}", Ct));

        Assert.Equal(2, seen);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task The_worker_role_queues_and_records_a_publication_for_any_user()
    {
        var post = await CreatePostAsync(await CreateUserAsync());
        var worker = As(DbRole.Worker);
        var publication = new PostPublication
        {
            PostId = post.Id, UserId = post.UserId, Platform = SocialPlatform.Linkedin,
            DueAt = DateTimeOffset.UtcNow, ScheduledAt = DateTimeOffset.UtcNow,
        };
        worker.PostPublications.Add(publication);
        await worker.SaveChangesAsync(Ct);

        publication.Status = PublicationStatus.Published;
        publication.PublishedAt = DateTimeOffset.UtcNow;
        publication.ExternalId = "urn:li:share:1";
        await worker.SaveChangesAsync(Ct);

        Assert.Equal("published",
            await OwnerScalarAsync<string>("SELECT status::text FROM post_publications WHERE id = $1", publication.Id));
    }

    [Fact]
    public async Task The_worker_role_reads_a_users_email_and_time_zone_but_not_their_password_hash()
    {
        var a = await CreateUserAsync();
        var worker = As(DbRole.Worker);

        var contact = await worker.Users.Where(u => u.Id == a).Select(u => new { u.Email, u.TimeZone }).SingleAsync(Ct);
        var error = await RefusedAsync(() => worker.Users.Where(u => u.Id == a).Select(u => u.PasswordHash).ToListAsync(Ct));

        Assert.Equal("UTC", contact.TimeZone);
        Assert.EndsWith("@example.test", contact.Email);
        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task The_worker_role_cannot_read_templates()
    {
        var error = await RefusedAsync(() => As(DbRole.Worker).Templates.CountAsync(Ct));

        Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, error.SqlState);
    }

    [Fact]
    public async Task A_pooled_connection_never_carries_the_previous_users_identity()
    {
        var a = await CreateUserAsync();
        var b = await CreateUserAsync();
        // One physical connection, so every open below reuses the one the previous user had.
        await using var pool = BuildDataSource(ConnectionString + ";Maximum Pool Size=1");
        await using var services = HostLikeServices(pool);
        const string identity = """
            SELECT format('%s|%s|%s', pg_backend_pid(), current_user, coalesce(current_setting('app.user_id', true), ''))
              AS "Value"
            """;

        var asA = await As(services, DbRole.App, a).Database.SqlQueryRaw<string>(identity).SingleAsync(Ct);
        await using var bare = await pool.OpenConnectionAsync(Ct);
        await using var read = new NpgsqlCommand(identity, bare);
        var afterA = (string)(await read.ExecuteScalarAsync(Ct))!;
        await bare.CloseAsync();
        var asB = await As(services, DbRole.App, b).Database.SqlQueryRaw<string>(identity).SingleAsync(Ct);

        var pid = asA.Split('|')[0];
        Assert.Equal($"{pid}|{DbRoles.App}|{a}", asA);
        Assert.Equal($"{pid}|{new NpgsqlConnectionStringBuilder(ConnectionString).Username}|", afterA);
        Assert.Equal($"{pid}|{DbRoles.App}|{b}", asB);
    }
}
