using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using SocialPlanner.Core.Ai;
using SocialPlanner.Core.Auth;
using SocialPlanner.Core.Media;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Templates;

namespace SocialPlanner.Core.Data;

public class AppDbContext(DbContextOptions<AppDbContext> options)
    : IdentityUserContext<AppUser, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<PostMedia> PostsMedia => Set<PostMedia>();
    public DbSet<Template> Templates => Set<Template>();
    public DbSet<MediaItem> Media => Set<MediaItem>();
    public DbSet<AiGeneration> AiGenerations => Set<AiGeneration>();
    public DbSet<SocialConnection> SocialConnections => Set<SocialConnection>();
    public DbSet<PostPublication> PostPublications => Set<PostPublication>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        AppDatabase.DeclareEnums(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
