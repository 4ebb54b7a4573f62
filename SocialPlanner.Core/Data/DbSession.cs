namespace SocialPlanner.Core.Data;

/// <summary>Which Postgres role a unit of work runs as. Each maps to a non-owner role whose row-level-security
/// policies grant exactly what that kind of work needs.</summary>
public enum DbRole
{
    /// <summary><c>socialplanner_app</c>: a signed-in user's requests; sees only rows of <see cref="IDbSession.UserId"/>.</summary>
    App,
    /// <summary><c>socialplanner_auth</c>: sign-up, sign-in, refresh, password reset; may look users up by email.</summary>
    Auth,
    /// <summary><c>socialplanner_worker</c>: cross-user background jobs (publishing, token refresh, sweeps).</summary>
    Worker,
}

/// <summary>The identity a unit of work presents to Postgres; read when a connection is opened.</summary>
public interface IDbSession
{
    Guid? UserId { get; }
    DbRole Role { get; }
}

/// <summary>Scoped, set by the host (the Api from the bearer token, the Worker per job) before the first query.</summary>
public sealed class DbSession : IDbSession
{
    /// <summary>No user, the least privileged role: the policies show no rows. Immutable: every context returned to the
    /// pool falls back to it, so nothing may change it.</summary>
    public static readonly IDbSession Nobody = new NoIdentity();

    private sealed class NoIdentity : IDbSession
    {
        public Guid? UserId => null;
        public DbRole Role => DbRole.App;
    }

    public Guid? UserId { get; set; }
    public DbRole Role { get; set; } = DbRole.App;
}
