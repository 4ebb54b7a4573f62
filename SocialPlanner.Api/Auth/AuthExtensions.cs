using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using SocialPlanner.Api.Calendar;
using SocialPlanner.Core.Auth;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Hosting;

namespace SocialPlanner.Api.Auth;

public static class AuthExtensions
{
    public static IHostApplicationBuilder AddAuth(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>()
            .Bind(builder.Configuration.GetSection("Auth"))
            .Validate(o => Encoding.UTF8.GetByteCount(o.SigningKey) >= 32, "Auth:SigningKey must be configured (at least 32 bytes)")
            .ValidateOnStart();

        services.AddIdentityCore<AppUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 8;
                o.Password.RequireUppercase = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<LocalisedIdentityErrors>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AuthOptions>>((identity, auth) =>
        {
            identity.Lockout.MaxFailedAccessAttempts = auth.Value.MaxFailedSignIns;
            identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(auth.Value.SignInLockoutMinutes);
        });
        services.AddOptions<DataProtectionTokenProviderOptions>().Configure<IOptions<AuthOptions>>((tokens, auth) =>
            tokens.TokenLifespan = TimeSpan.FromMinutes(auth.Value.ResetTokenMinutes));

        // Shared with the other replicas and the Worker, which decrypt what this process protects.
        services.AddSharedDataProtection();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((jwt, auth) =>
            {
                jwt.MapInboundClaims = false;
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = AuthOptions.Issuer,
                    ValidAudience = AuthOptions.Audience,
                    IssuerSigningKey = SessionService.SigningKey(auth.Value),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ClockSkew = TimeSpan.Zero,
                    NameClaimType = JwtRegisteredClaimNames.Sub,
                };
                jwt.Events = new JwtBearerEvents { OnTokenValidated = RejectLoggedOutTokens };
            });
        services.AddAuthorization();

        services.AddScoped<SessionService>();
        services.AddSingleton<AccessTokenDenyList>();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<PasswordResetMail>();
        return builder;
    }

    /// <summary>Refuses logged-out tokens; the same Redis read gives the user's calendar version, which the calendar
    /// cache then needs no round trip of its own for (docs/performance.md).</summary>
    private static async Task RejectLoggedOutTokens(TokenValidatedContext context)
    {
        var denyList = context.HttpContext.RequestServices.GetRequiredService<AccessTokenDenyList>();
        if (context.Principal?.FindFirst(JwtRegisteredClaimNames.Jti)?.Value is not { } jti)
        {
            context.Fail("The access token has been revoked");
            return;
        }
        if (!Guid.TryParse(context.Principal.FindFirst(JwtRegisteredClaimNames.Sub)?.Value, out var userId))
        {
            context.Fail("The access token names no user");
            return;
        }
        var (denied, calendarVersion) = await denyList.CheckAsync(jti, userId);
        if (denied)
        {
            context.Fail("The access token has been revoked");
            return;
        }
        // Null when Redis was unreachable: the calendar then knows without asking Redis a second time.
        context.HttpContext.Features.Set(new CalendarVersionRead(calendarVersion));
    }
}
