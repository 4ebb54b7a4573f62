using SocialPlanner.Sandbox.Insights;

namespace SocialPlanner.Sandbox.Instagram;

/// <summary><c>GET /{ig-media-id}/insights?metric=…</c>: a published media's lifetime metrics (docs/insights.md), for
/// tokens granted <c>instagram_business_manage_insights</c>; the retired <c>impressions</c> is refused as Graph
/// refuses it for media published since July 2024.</summary>
public static class InstagramInsightsEndpoints
{
    public const string Permission = "instagram_business_manage_insights";

    private static readonly string[] Supported = ["reach", "likes", "comments", "saved", "shares", "total_interactions", "views"];

    public static RouteGroupBuilder MapInstagramInsights(this RouteGroupBuilder graph, string nameSuffix)
    {
        graph.MapGet(@"/{mediaId:regex(^\d+$)}/insights", Read).Instagram("insights").WithName("InstagramMediaInsights" + nameSuffix);
        return graph;
    }

    private static async Task<IResult> Read(string mediaId, string? metric, HttpRequest request, InstagramTokens tokens, InstagramMedia media, TimeProvider clock)
    {
        var (token, problem) = await GraphWire.AuthenticateAsync(request, tokens);
        if (token is null)
        {
            return problem!;
        }
        if (media.FindMedia(mediaId) is not { } found || found.IgUserId != token.Subject)
        {
            return GraphWire.NoSuchObject(mediaId);
        }
        if (!token.HasScope(Permission))
        {
            return GraphWire.Error(new GraphError(10, null, "(#10) Application does not have permission for this action", Status: 403));
        }
        var wanted = (metric ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (wanted.Length == 0)
        {
            return GraphWire.MissingParameter("metric");
        }
        if (wanted.FirstOrDefault(m => !Supported.Contains(m)) is { } unknown)
        {
            return GraphWire.Error(new GraphError(100, null,
                $"(#100) metric[{Array.IndexOf(wanted, unknown)}] must be one of the following values: {string.Join(", ", Supported)}"));
        }

        var figures = EngagementModel.At(mediaId, found.PublishedAt, clock.GetUtcNow());
        long Value(string name) => name switch
        {
            "reach" => figures.Reach,
            "likes" => figures.Likes,
            "comments" => figures.Comments,
            "saved" => figures.Saves,
            "shares" => figures.Shares,
            "views" => figures.Impressions,
            _ => figures.Likes + figures.Comments + figures.Saves + figures.Shares,
        };
        return TypedResults.Json(new
        {
            data = wanted.Select(name => new
            {
                name,
                period = "lifetime",
                values = new[] { new { value = Value(name) } },
                title = name,
                description = $"Lifetime {name} of the media",
                id = $"{mediaId}/insights/{name}/lifetime",
            }),
        });
    }
}
