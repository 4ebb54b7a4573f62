using SocialPlanner.Sandbox.Insights;

namespace SocialPlanner.Sandbox.LinkedIn;

/// <summary>The Member Post Analytics API (docs/insights.md; the answer's exact shape is unconfirmed):
/// <c>GET /rest/memberCreatorPostAnalytics?q=entity&amp;entity=(share:{urn})&amp;queryType=…&amp;aggregation=TOTAL</c>,
/// one metric per call, for a member's own post and a token granted <c>r_member_postAnalytics</c>.</summary>
public static class LinkedInAnalyticsEndpoints
{
    public const string Permission = "r_member_postAnalytics";

    private static readonly string[] QueryTypes = ["IMPRESSION", "MEMBERS_REACHED", "REACTION", "COMMENT", "RESHARE"];

    public static RouteGroupBuilder MapLinkedInPostAnalytics(this RouteGroupBuilder rest)
    {
        rest.MapGet("/memberCreatorPostAnalytics", Read).LinkedIn("analytics").WithName("LinkedInMemberPostAnalytics");
        return rest;
    }

    private static async Task<IResult> Read(
        string? q, string? entity, string? queryType, string? aggregation, HttpRequest request, LinkedInTokens tokens, LinkedInContent content, TimeProvider clock)
    {
        var (token, problem) = await LinkedInCaller.AuthenticateAsync(request, tokens);
        if (token is null)
        {
            return problem!;
        }
        if (!token.HasScope(Permission))
        {
            return LinkedInWire.AccessDenied("memberCreatorPostAnalytics.FINDER-entity");
        }
        if (q != "entity" || entity is null || queryType is null || !QueryTypes.Contains(queryType))
        {
            return LinkedInWire.Error(400, "Finder q=entity with entity and a queryType of " + string.Join(", ", QueryTypes) + " is required", "ILLEGAL_ARGUMENT");
        }
        var entityKeyAndUrn = entity.Trim('(', ')');
        var urn = Uri.UnescapeDataString(entityKeyAndUrn[(entityKeyAndUrn.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        if (content.Find(urn) is not { } post || post.Author != LinkedInTokens.PersonUrn(token.Subject))
        {
            return LinkedInWire.Error(404, $"Post {urn} not found for this member", "NOT_FOUND");
        }

        var figures = EngagementModel.At(urn, post.CreatedAt, clock.GetUtcNow());
        var count = queryType switch
        {
            "IMPRESSION" => figures.Impressions,
            "MEMBERS_REACHED" => figures.Reach,
            "REACTION" => figures.Likes,
            "COMMENT" => figures.Comments,
            _ => figures.Shares,
        };
        return LinkedInWire.Json(new
        {
            paging = new { start = 0, count = 10, links = Array.Empty<object>() },
            elements = new[] { new { count, metricType = queryType, targetEntity = new { share = urn } } },
        });
    }
}
