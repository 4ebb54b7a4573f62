using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SocialPlanner.Core.Ai;
using SocialPlanner.Core.Auth;
using SocialPlanner.Core.Media;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Queue;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Templates;

namespace SocialPlanner.Core.Data;

/// <remarks>Contexts are pooled (<see cref="AppDatabase.AddAppDbContext"/>): each lease is given its scope's
/// <see cref="Session"/>, which every connection it opens presents to Postgres, and loses it when it goes back to the pool.</remarks>
public class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityUserContext<AppUser, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Who this lease works for. A context used outside a lease has no identity: row-level security then
    /// shows it no rows, so a context taken from the pool by any other path fails closed.</summary>
    public IDbSession Session { get; set; } = DbSession.Nobody;

    public DbSet<Post> Posts => Set<Post>();
    public DbSet<PostMedia> PostsMedia => Set<PostMedia>();
    public DbSet<Template> Templates => Set<Template>();
    public DbSet<MediaItem> Media => Set<MediaItem>();
    public DbSet<AiGeneration> AiGenerations => Set<AiGeneration>();
    public DbSet<AiCostAlert> AiCostAlerts => Set<AiCostAlert>();
    public DbSet<SocialConnection> SocialConnections => Set<SocialConnection>();
    public DbSet<PostPublication> PostPublications => Set<PostPublication>();
    public DbSet<QueueSlot> QueueSlots => Set<QueueSlot>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Back to the pool without its session, and without a connection a handler opened itself
    /// (<c>OpenConnectionAsync</c>): the pooled context keeps such a connection open, and the next lease would then run
    /// as the previous request's user, since the identity is presented only when a connection opens.</summary>
    public override void Dispose()
    {
        Session = DbSession.Nobody;
        try
        {
            Database.CloseConnection();
        }
        catch (ObjectDisposedException)
        {
            // Already back in the pool (a context resting there counts as disposed) or the pool is closing: nothing is open.
        }
        base.Dispose();
    }

    /// <inheritdoc cref="Dispose"/>
    public override async ValueTask DisposeAsync()
    {
        Session = DbSession.Nobody;
        try
        {
            await Database.CloseConnectionAsync();
        }
        catch (ObjectDisposedException)
        {
            // As in Dispose.
        }
        await base.DisposeAsync();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        AppDatabase.DeclareEnums(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
