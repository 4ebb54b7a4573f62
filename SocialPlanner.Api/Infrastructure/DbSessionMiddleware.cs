using SocialPlanner.Core.Data;

namespace SocialPlanner.Api.Infrastructure;

public static class DbSessionMiddleware
{
    /// <summary>Presents the bearer's user to Postgres (row-level security) before any handler queries; endpoints
    /// that need another role (auth) switch it themselves.</summary>
    public static IApplicationBuilder UseDbSession(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var session = context.RequestServices.GetRequiredService<DbSession>();
            session.Role = DbRole.App;
            if (context.User.Identity?.IsAuthenticated == true)
            {
                session.UserId = context.User.UserId();
            }
            return next(context);
        });
}
