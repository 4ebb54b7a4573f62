namespace SocialPlanner.Core.Data;

/// <summary>The Postgres role behind each <see cref="DbRole"/>. The migrations create and grant these very names,
/// and the connection interceptor switches to them, so they are spelled only here.</summary>
public static class DbRoles
{
    public const string App = "socialplanner_app";
    public const string Auth = "socialplanner_auth";
    public const string Worker = "socialplanner_worker";

    public static string NameOf(DbRole role) => role switch
    {
        DbRole.App => App,
        DbRole.Auth => Auth,
        DbRole.Worker => Worker,
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown database role."),
    };
}
