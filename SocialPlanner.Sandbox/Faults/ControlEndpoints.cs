using Microsoft.AspNetCore.Http.HttpResults;

using SocialPlanner.Sandbox.Hosting;
using SocialPlanner.Sandbox.OAuth;

namespace SocialPlanner.Sandbox.Faults;

public sealed record ExpireTokensRequest(string Platform, string? Member, string? UserId, string? AccessToken, bool Revoke);

/// <summary>How tests steer the outside world: arm faults, expire tokens, read call counts, start over.</summary>
public static class ControlEndpoints
{
    public static IEndpointRouteBuilder MapSandboxControl(this IEndpointRouteBuilder app)
    {
        var control = app.MapGroup("/sandbox").WithTags("Sandbox control");
        control.MapPost("/faults", ArmFault).WithName("ArmFault");
        control.MapGet("/faults", (FaultBook faults) => TypedResults.Ok(faults.Armed())).WithName("ListFaults");
        control.MapDelete("/faults", (FaultBook faults) =>
        {
            faults.Reset();
            return TypedResults.NoContent();
        }).WithName("ClearFaults");
        control.MapPost("/tokens/expire", ExpireTokens).WithName("ExpireTokens");
        control.MapGet("/tokens/{platform}/{who}", TokenStates).WithName("TokenStates");
        control.MapPost("/reset", (IEnumerable<IResettable> state) =>
        {
            foreach (var store in state)
            {
                store.Reset();
            }

            return TypedResults.NoContent();
        }).WithName("ResetSandbox");
        app.MapGet("/api/stats", (CallStats stats) => TypedResults.Ok(stats.Snapshot())).WithName("CallStats").WithTags("Sandbox control");
        return app;
    }

    private static Results<Created<FaultRule>, BadRequest<string>> ArmFault(FaultRule rule, FaultBook faults)
    {
        if (string.IsNullOrWhiteSpace(rule.Endpoint))
        {
            return TypedResults.BadRequest("endpoint is required, e.g. \"linkedin.posts\"");
        }
        if (rule.Probability is < 0 or > 1)
        {
            return TypedResults.BadRequest("probability must be between 0 and 1");
        }

        faults.Arm(rule);
        return TypedResults.Created("/sandbox/faults", rule);
    }

    /// <summary>The states (valid, expired, revoked) of the tokens issued to a member or user id, oldest first.</summary>
    private static Results<Ok<TokenStates>, NotFound> TokenStates(string platform, string who, IEnumerable<TokenBook> books) =>
        books.FirstOrDefault(b => b.Platform == platform) is { } book
            ? TypedResults.Ok(new TokenStates([.. book.StatesOf(who).Select(s => s.ToString().ToLowerInvariant())]))
            : TypedResults.NotFound();

    private static Results<Ok<ExpiredTokens>, BadRequest<string>> ExpireTokens(ExpireTokensRequest request, IEnumerable<TokenBook> books)
    {
        var book = books.FirstOrDefault(b => b.Platform == request.Platform);
        var who = request.AccessToken ?? request.Member ?? request.UserId;
        if (book is null || who is null)
        {
            return TypedResults.BadRequest("platform (linkedin|instagram) and one of member, user_id, access_token are required");
        }

        return TypedResults.Ok(new ExpiredTokens(book.ExpireNow(who, request.Revoke)));
    }
}

public sealed record ExpiredTokens(int Expired);

public sealed record TokenStates(IReadOnlyList<string> States);
