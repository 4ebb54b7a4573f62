using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;
using Npgsql.NameTranslation;
using SocialPlanner.Core.Ai;
using SocialPlanner.Core.Media;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Templates;

namespace SocialPlanner.Core.Data;

/// <summary>The model's database plumbing: enum mappings and the pooled context. Hosts wire it with one call,
/// <see cref="Hosting.AppDataHosting.AddAppDatabase"/> (Aspire's Npgsql client integration underneath).</summary>
public static class AppDatabase
{
    public const string ConnectionName = "socialplanner";

    /// <summary>Postgres enum types by CLR enum. Labels are the snake_case member names ('etude_cas', 'post_linkedin').</summary>
    private static readonly (Type ClrType, string PgName)[] Enums =
    [
        (typeof(PostPlatform), "post_platform"),
        (typeof(PostStatus), "post_status"),
        (typeof(TemplateCategory), "template_category"),
        (typeof(MediaType), "media_type"),
        (typeof(GenerationType), "generation_type"),
        (typeof(SocialPlatform), "social_platform"),
        (typeof(PublicationStatus), "publication_status"),
        (typeof(CommentStatus), "comment_status"),
    ];

    /// <summary>The ADO.NET side of the enum mapping: the data source must know the types to read and write them.</summary>
    public static void ConfigureDataSource(NpgsqlDataSourceBuilder builder)
    {
        foreach (var (clrType, pgName) in Enums)
        {
            builder.MapEnum(clrType, pgName);
        }
    }

    /// <summary>The EF side of the enum mapping: properties of these CLR types are columns of the Postgres types
    /// (the types themselves are declared in the model by <see cref="DeclareEnums"/>).</summary>
    private static void ConfigureNpgsql(NpgsqlDbContextOptionsBuilder options)
    {
        foreach (var (clrType, pgName) in Enums)
        {
            options.MapEnum(clrType, pgName);
        }
    }

    /// <summary>Registers <see cref="AppDbContext"/> on the registered <see cref="NpgsqlDataSource"/> as a pooled context
    /// leased once per scope with the scope's <see cref="DbSession"/> (which the host fills in). Pooled because building a
    /// context's internal services per scope is costly on the Worker's hot path (docs/architecture.md, where the time goes).</summary>
    public static IServiceCollection AddAppDbContext(this IServiceCollection services)
    {
        services.AddPooledDbContextFactory<AppDbContext>((sp, options) =>
        {
            options.UseNpgsql(sp.GetRequiredService<NpgsqlDataSource>(), ConfigureNpgsql);
            ConfigureNaming(options);
            options.AddInterceptors(DbSessionConnectionInterceptor.Instance);
        });
        services.AddScoped(sp =>
        {
            var context = sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
            context.Session = sp.GetRequiredService<IDbSession>();
            return context;
        });
        services.AddScoped<DbSession>();
        services.AddScoped<IDbSession>(sp => sp.GetRequiredService<DbSession>());
        return services;
    }

    /// <summary>Declares the enum types in the model with their labels in declaration order: the provider would
    /// otherwise sort them alphabetically, and a Postgres enum's label order is its sort order.</summary>
    internal static void DeclareEnums(ModelBuilder model)
    {
        var translator = new NpgsqlSnakeCaseNameTranslator();
        foreach (var (clrType, pgName) in Enums)
        {
            model.HasPostgresEnum(pgName, Enum.GetNames(clrType).Select(translator.TranslateMemberName).ToArray());
        }
    }

    /// <summary>Options for owner connections (migrations, design time): same model, no role switching.</summary>
    public static DbContextOptions<AppDbContext> OwnerOptions(NpgsqlDataSource dataSource)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseNpgsql(dataSource, ConfigureNpgsql);
        ConfigureNaming(options);
        return options.Options;
    }

    /// <summary><paramref name="connectionString"/> with Npgsql's automatic preparation of up to
    /// <paramref name="statements"/> statements per connection (a statement is prepared on its second use), unchanged
    /// when 0. Prepared statements survive a pooled connection's reset (Npgsql then resets the role and the settings
    /// without DISCARD ALL), and the session interceptor presents the user again on every open.</summary>
    public static string? WithPreparedStatements(string? connectionString, int statements) =>
        connectionString is null || statements <= 0
            ? connectionString
            : new NpgsqlConnectionStringBuilder(connectionString)
            {
                MaxAutoPrepare = statements,
                AutoPrepareMinUsages = 2,
            }.ConnectionString;

    internal static NpgsqlDataSource BuildDataSource(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        ConfigureDataSource(builder);
        return builder.Build();
    }

    private static void ConfigureNaming(DbContextOptionsBuilder options) => options.UseSnakeCaseNamingConvention();
}
