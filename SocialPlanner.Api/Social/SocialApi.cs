using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialPlanner.Api.Calendar;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Social.Instagram;
using SocialPlanner.Core.Social.LinkedIn;

namespace SocialPlanner.Api.Social;

public static class SocialApi
{
    public static IEndpointRouteBuilder MapSocialApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/social").WithTags("Social");
        var user = api.MapGroup("/").RequireAuthorization();

        user.MapGet("/connections", ListConnections).WithName("ListSocialConnections")
            .WithSummary("The user's connected accounts (never their tokens)");
        user.MapPost("/{platform}/auth", StartAuthorization).WithName("StartSocialAuthorization")
            .WithSummary("The platform's consent URL, with a single-use state bound to the user (10 minutes)");
        user.MapMethods("/{platform}/callback", ["GET", "POST"], CompleteAuthorization).WithName("CompleteSocialAuthorization")
            .WithSummary("Called by the Web's /connections/callback/{platform} page with the code and state the platform sent back");
        user.MapDelete("/{platform}", Disconnect).WithName("DisconnectSocialAccount")
            .WithSummary("Disconnect the account; its pending publications fail at their time, asking for a reconnect");
        user.MapPost("/{platform}/publish", PublishNow.HandleAsync).WithName("PublishNow").InvalidatesCalendar()
            .WithSummary("Publish a post now and wait briefly for the outcome (202 while it is still under way)");
        api.MapPost("/cron/publish-scheduled", CronSweep.HandleAsync).WithName("CronPublishScheduled").AllowAnonymous()
            .WithSummary("For an external scheduler holding Publishing:CronSecret: sweep the publication queue now");
        return app;
    }

    public static async Task<Ok<Envelope<List<ConnectionDto>>>> ListConnections(ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        var userId = user.UserId();
        var connections = await db.SocialConnections.AsNoTracking()
            .Where(c => c.UserId == userId && c.IsActive)
            .OrderBy(c => c.Platform)
            .Select(c => new ConnectionDto(c.Platform, c.ProfileId, c.ProfileName, c.ExpiresAt, c.Scopes, c.IsActive, c.ReconnectNeeded, c.LastUsedAt, c.ProfilePictureUrl))
            .ToListAsync(ct);
        return TypedResults.Ok(Envelope.Of(connections));
    }

    public static async Task<Results<Ok<Envelope<AuthorizationDto>>, ApiProblem>> StartAuthorization(
        string platform, ClaimsPrincipal user, OAuthStates states, SocialConnector connector)
    {
        if (SocialRoutes.Parse(platform) is not { } target)
        {
            return UnknownPlatform();
        }
        var state = await states.IssueAsync(user.UserId(), target);
        return TypedResults.Ok(Envelope.Of(new AuthorizationDto(connector.AuthorizeUrl(target, state))));
    }

    public static async Task<Results<Ok<Envelope<ConnectedDto>>, ApiProblem>> CompleteAuthorization(
        string platform, string? code, string? state, string? error, ClaimsPrincipal user, OAuthStates states, SocialConnector connector,
        TokenProtector protector, AppDbContext db, TimeProvider clock, CancellationToken ct)
    {
        if (SocialRoutes.Parse(platform) is not { } target)
        {
            return UnknownPlatform();
        }
        if (string.IsNullOrEmpty(state))
        {
            return ApiProblem.Validation("state", RequestValidation.Required);
        }
        var userId = user.UserId();
        var entry = await states.RedeemAsync(state);
        if (entry is null || !entry.Admits(userId, target, clock.GetUtcNow()))
        {
            return ApiProblem.Validation("state", "Social.StateInvalid");
        }
        if (error is not null || string.IsNullOrEmpty(code))
        {
            return error is null ? ApiProblem.Validation("code", RequestValidation.Required) : ApiProblem.Validation("code", "Social.PlatformAnswered", error);
        }

        OAuthTokens tokens;
        PlatformProfile profile;
        try
        {
            (tokens, profile) = await connector.ExchangeAsync(target, code, ct);
        }
        catch (OAuthException e)
        {
            return ApiProblem.Validation("code", "Social.CodeRefused", e.Message);
        }
        catch (Exception e) when (e is HttpRequestException or LinkedInApiException or GraphApiException or Polly.Timeout.TimeoutRejectedException)
        {
            return ApiProblem.BadGateway(ApiText.Of("Social.Unreachable", e.Message));
        }

        var connection = await db.SocialConnections.SingleOrDefaultAsync(c => c.UserId == userId && c.Platform == target && c.IsActive, ct);
        if (connection is null)
        {
            connection = new SocialConnection { Id = Guid.CreateVersion7(), UserId = userId, Platform = target };
            db.SocialConnections.Add(connection);
        }
        ConnectionRules.Connect(connection, tokens, profile, protector.Protect);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Envelope.Of(new ConnectedDto(true, new ProfileDto(profile.Id, profile.Name))));
    }

    public static async Task<Results<NoContent, ApiProblem>> Disconnect(string platform, ClaimsPrincipal user, AppDbContext db, CancellationToken ct)
    {
        if (SocialRoutes.Parse(platform) is not { } target)
        {
            return UnknownPlatform();
        }
        var userId = user.UserId();
        var connection = await db.SocialConnections.SingleOrDefaultAsync(c => c.UserId == userId && c.Platform == target && c.IsActive, ct);
        if (connection is not null)
        {
            ConnectionRules.Disconnect(connection);
            await db.SaveChangesAsync(ct);
        }
        return TypedResults.NoContent();
    }

    internal static ApiProblem UnknownPlatform() =>
        ApiProblem.NotFound("Platform");
}
