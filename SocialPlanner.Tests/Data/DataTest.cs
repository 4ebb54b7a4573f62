using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SocialPlanner.Core.Auth;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Hosting;
using SocialPlanner.Core.Media;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Social;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Data;

/// <summary>Talks to the database the way Api and Worker do: a context per scope, the scope's
/// <see cref="DbSession"/> choosing the role and user. Every test creates its own users, so tests share the
/// database but never each other's rows.</summary>
[Collection(AppCollection.Name)]
public abstract class DataTest(AppFixture app) : IAsyncLifetime
{
    private readonly List<AsyncServiceScope> _scopes = [];
    private ServiceProvider? _services;

    /// <summary>Owner connections: they bypass row-level security, so tests use them to check what really happened.</summary>
    protected NpgsqlDataSource Owner { get; private set; } = null!;

    protected string ConnectionString { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await app.GetConnectionStringAsync(AppDatabase.ConnectionName);
        Owner = BuildDataSource(ConnectionString);
        _services = HostLikeServices(Owner);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var scope in _scopes)
        {
            await scope.DisposeAsync();
        }

        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await Owner.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected static NpgsqlDataSource BuildDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        AppDatabase.ConfigureDataSource(builder);
        return builder.Build();
    }

    /// <summary>The hosts' context registration (pooled, leased with the scope's session), minus health checks and tracing,
    /// plus the hosts' Data Protection (keys shared through the database) so tests can store tokens the Worker reads.</summary>
    protected static ServiceProvider HostLikeServices(NpgsqlDataSource dataSource)
    {
        var services = new ServiceCollection()
            .AddSingleton(dataSource)
            .AddAppDbContext()
            .AddSingleton<TokenProtector>();
        services.AddSharedDataProtection();
        return services.BuildServiceProvider();
    }

    protected TokenProtector Tokens => _services!.GetRequiredService<TokenProtector>();

    protected AppDbContext As(DbRole role, Guid? userId = null) => As(_services!, role, userId);

    protected AppDbContext As(ServiceProvider provider, DbRole role, Guid? userId)
    {
        var scope = provider.CreateAsyncScope();
        _scopes.Add(scope);
        var session = scope.ServiceProvider.GetRequiredService<DbSession>();
        session.Role = role;
        session.UserId = userId;
        return scope.ServiceProvider.GetRequiredService<AppDbContext>();
    }

    protected AppDbContext AsUser(Guid userId) => As(DbRole.App, userId);

    /// <summary>Signs a user up the way the Api does: through the auth role.</summary>
    protected async Task<Guid> CreateUserAsync()
    {
        var email = $"{Guid.NewGuid():N}@example.test";
        var user = new AppUser
        {
            Email = email, NormalizedEmail = email.ToUpperInvariant(),
            UserName = email, NormalizedUserName = email.ToUpperInvariant(),
        };
        var db = As(DbRole.Auth);
        db.Users.Add(user);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return user.Id;
    }

    protected async Task<Post> CreatePostAsync(Guid userId, string content = "Un conseil pour votre réseau")
    {
        var post = new Post { UserId = userId, Platform = PostPlatform.Linkedin, Content = content };
        var db = AsUser(userId);
        db.Posts.Add(post);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return post;
    }

    protected async Task<MediaItem> CreateMediaAsync(Guid userId)
    {
        var path = $"{userId:N}/{Guid.NewGuid():N}.jpg";
        var media = new MediaItem
        {
            UserId = userId, Type = MediaType.Image, Filename = "photo.jpg", StoragePath = path,
            Url = "/media/" + path, MimeType = "image/jpeg", SizeBytes = 1024,
        };
        var db = AsUser(userId);
        db.Media.Add(media);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return media;
    }

    /// <summary>Runs SQL on the owner connection and returns its single value.</summary>
    protected async Task<T> OwnerScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = Owner.CreateCommand(sql);
        foreach (var value in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>The Postgres error behind a refused write, whether EF wrapped it (SaveChanges) or not (raw SQL).</summary>
    protected static async Task<PostgresException> RefusedAsync(Func<Task> write)
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(write);
        return error as PostgresException
            ?? error.InnerException as PostgresException
            ?? throw new Xunit.Sdk.XunitException($"Expected a Postgres error, got {error}");
    }
}
