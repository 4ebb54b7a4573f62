using SocialPlanner.Sandbox.Pages;

namespace SocialPlanner.Sandbox.Published;

public static class PublishedEndpoints
{
    public static IEndpointRouteBuilder MapPublished(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/published", (PublishedLedger ledger, string? platform, string? account) => TypedResults.Ok(ledger.List(platform, account)))
            .WithName("ListPublished").WithTags("Published");
        app.MapGet("/published", PublishedPage).ExcludeFromDescription();
        return app;
    }

    private static IResult PublishedPage(PublishedLedger ledger)
    {
        var rows = string.Concat(ledger.List(null, null).Select(p => $"""
            <tr><td>{p.PublishedAt:u}</td><td>{Html.Encode(p.Platform)}</td><td>{Html.Encode(p.Account)}</td><td><code>{Html.Encode(p.ExternalId)}</code></td>
            <td><pre>{Html.Encode(p.Text)}</pre>{Comments(p)}</td><td>{Images(p)}</td><td>{p.RequestCount}</td></tr>
            """));
        return Html.Page("Published", $"""
            <p>What the outside world received. A request count above 1 means the same post was sent again. A carousel or
            multi-image post lists its images in the order the audience sees them. JSON: <a href="/api/published">/api/published</a></p>
            <table><tr><th>Published</th><th>Platform</th><th>Account</th><th>External id</th><th>Text as visible</th><th>Images, in order</th><th>Requests</th></tr>{rows}</table>
            """);
    }

    private static string Comments(PublishedItem item) => item.Comments is not { Count: > 0 } comments ? ""
        : $"<ul class=\"comments\">{string.Concat(comments.Select(c => $"<li>💬 {Html.Encode(c.Text)}</li>"))}</ul>";

    private static string Images(PublishedItem item) => item.Images is not { Count: > 1 } images
        ? Html.Encode(item.ImageInfo)
        : $"<ol class=\"images\">{string.Concat(images.Select(i => $"<li title=\"{Html.Encode(i.Id)}\">{Html.Encode(i.Info)}</li>"))}</ol>";
}
