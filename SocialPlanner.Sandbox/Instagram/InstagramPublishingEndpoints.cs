using Microsoft.Extensions.Options;

using SocialPlanner.Sandbox.Hosting;
using SocialPlanner.Sandbox.OAuth;
using SocialPlanner.Sandbox.Published;

namespace SocialPlanner.Sandbox.Instagram;

/// <summary>Content publishing: container → status → publish, the publishing limit, and media reads (platform-apis.md §2.4–2.8).</summary>
public static class InstagramPublishingEndpoints
{
    private const string NumericId = @"regex(^\d+$)";

    public static RouteGroupBuilder MapInstagramPublishing(this RouteGroupBuilder graph, string nameSuffix)
    {
        graph.MapPost($"/{{igUserId:{NumericId}}}/media", CreateContainer).Instagram("media").WithName("InstagramCreateContainer" + nameSuffix).DisableAntiforgery();
        graph.MapPost($"/{{igUserId:{NumericId}}}/media_publish", Publish).Instagram("publish").WithName("InstagramPublish" + nameSuffix).DisableAntiforgery();
        graph.MapGet($"/{{igUserId:{NumericId}}}/content_publishing_limit", PublishingLimit).Instagram("limit").WithName("InstagramPublishingLimit" + nameSuffix);
        graph.MapGet($"/{{igUserId:{NumericId}}}/media", ListMedia).Instagram("list").WithName("InstagramListMedia" + nameSuffix);
        graph.MapPost($"/{{mediaId:{NumericId}}}/comments", CreateComment).Instagram("comments").WithName("InstagramCreateComment" + nameSuffix).DisableAntiforgery();
        graph.MapGet($"/{{mediaId:{NumericId}}}/comments", ListComments).Instagram("comments.list").WithName("InstagramListComments" + nameSuffix);
        graph.MapGet($"/{{id:{NumericId}}}", ReadNode).Instagram("container").WithName("InstagramReadNode" + nameSuffix);
        return graph;
    }

    private static async Task<IResult> CreateContainer(
        string igUserId, HttpRequest request, InstagramTokens tokens, InstagramMedia media, ImageFetcher fetcher, IOptions<SandboxOptions> options)
    {
        var (token, problem) = await OwnerAsync(request, tokens, igUserId);
        if (token is null)
        {
            return problem!;
        }

        var parameters = await GraphWire.ParametersAsync(request);
        var caption = parameters.GetValueOrDefault("caption");
        if (MediaRules.CheckCaption(caption) is { } captionError)
        {
            return GraphWire.Error(captionError);
        }

        var polls = options.Value.Instagram.ContainerInProgressPolls;
        if (parameters.GetValueOrDefault("media_type") == "CAROUSEL")
        {
            if (parameters.GetValueOrDefault("children") is not { Length: > 0 } children)
            {
                return GraphWire.MissingParameter("children");
            }

            var (carousel, carouselProblem) = media.CreateCarousel(igUserId, caption, children.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), polls);
            return carousel is null ? GraphWire.Error(new GraphError(100, null, carouselProblem!.Message)) : TypedResults.Json(new { id = carousel.Id });
        }

        if (parameters.GetValueOrDefault("image_url") is not { Length: > 0 } imageUrl)
        {
            return GraphWire.MissingParameter("image_url");
        }

        var (facts, _, imageError) = await fetcher.FetchAsync(imageUrl, request.HttpContext.RequestAborted);
        if (imageError is not null)
        {
            return GraphWire.Error(imageError);
        }

        var isCarouselItem = parameters.GetValueOrDefault("is_carousel_item") == "true";
        var container = media.CreateContainer(igUserId, isCarouselItem ? null : caption, parameters.GetValueOrDefault("alt_text"), imageUrl, facts!, polls, isCarouselItem);
        return TypedResults.Json(new { id = container.Id });
    }

    private static async Task<IResult> Publish(
        string igUserId, HttpRequest request, InstagramTokens tokens, InstagramMedia media, PublishedLedger ledger, SandboxUrls urls, IOptions<SandboxOptions> options)
    {
        var (token, problem) = await OwnerAsync(request, tokens, igUserId);
        if (token is null)
        {
            return problem!;
        }

        if ((await GraphWire.ParametersAsync(request)).GetValueOrDefault("creation_id") is not { Length: > 0 } creationId)
        {
            return GraphWire.MissingParameter("creation_id");
        }

        var instagram = options.Value.Instagram;
        var (outcome, container, published) = media.Publish(igUserId, creationId, instagram.QuotaTotal, TimeSpan.FromSeconds(instagram.QuotaDurationSeconds));
        switch (outcome)
        {
            case PublishOutcome.Published:
                ledger.Record(new PublishedItem("instagram", igUserId, published!.Id, published.Caption ?? "", container!.ImageUrl, container.Facts.ToString(), published.PublishedAt, RequestCount: 1, PublishedItem.TraceIdOf(request),
                    [.. container.Images.Select(i => new PublishedImage(i.ImageUrl, i.Facts.ToString()))]));
                return TypedResults.Json(new { id = published.Id });
            case PublishOutcome.AlreadyPublished:
                ledger.CountRepeat(container!.MediaId!);
                return GraphWire.Error(new GraphError(100, null, $"The media container {creationId} has already been published as {container.MediaId}."));
            case PublishOutcome.NotReady:
                return GraphWire.Error(new GraphError(9007, 2207027, "Media ID is not available", "Media not ready", "The media is not ready for publishing, please wait for a moment.", Transient: true));
            case PublishOutcome.CarouselItem:
                return GraphWire.Error(new GraphError(100, null, $"The media container {creationId} is a carousel item; publish the carousel container that holds it."));
            case PublishOutcome.Expired:
                return GraphWire.Error(new GraphError(-2, 2207020, "The media has expired", "Media expired", "The media container has expired; create a new one."));
            case PublishOutcome.OverQuota:
                return GraphWire.Error(new GraphError(9, 2207042, "Application request limit reached", "Cannot publish post", "You reached the maximum number of posts that can be published in 24 hours."));
            default:
                return GraphWire.NoSuchObject(creationId);
        }
    }

    /// <summary><c>POST /{ig-media-id}/comments?message=…</c> as the media's owner: <c>{"id": …}</c>.</summary>
    private static async Task<IResult> CreateComment(string mediaId, HttpRequest request, InstagramTokens tokens, InstagramMedia media, PublishedLedger ledger, TimeProvider clock)
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

        if ((await GraphWire.ParametersAsync(request)).GetValueOrDefault("message") is not { Length: > 0 } message)
        {
            return GraphWire.MissingParameter("message");
        }

        if (MediaRules.CheckComment(message) is { } commentError)
        {
            return GraphWire.Error(commentError);
        }

        var comment = new PublishedComment(media.NextCommentId(), message, clock.GetUtcNow());
        ledger.AddComment(mediaId, comment);
        return TypedResults.Json(new { id = comment.Id });
    }

    /// <summary><c>GET /{ig-media-id}/comments</c>: the comments on the media, oldest first.</summary>
    private static async Task<IResult> ListComments(string mediaId, string? fields, HttpRequest request, InstagramTokens tokens, InstagramMedia media, PublishedLedger ledger)
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

        var wanted = GraphWire.Fields(fields, "id");
        return TypedResults.Json(new
        {
            data = ledger.CommentsOf(mediaId).Select(c => new Dictionary<string, object?>
            {
                ["id"] = c.Id,
                ["text"] = c.Text,
                ["timestamp"] = GraphWire.Timestamp(c.At),
            }.Where(p => wanted.Contains(p.Key)).ToDictionary()),
        });
    }

    private static async Task<IResult> PublishingLimit(string igUserId, string? fields, HttpRequest request, InstagramTokens tokens, InstagramMedia media, IOptions<SandboxOptions> options, TimeProvider clock)
    {
        var (token, problem) = await OwnerAsync(request, tokens, igUserId);
        if (token is null)
        {
            return problem!;
        }

        var instagram = options.Value.Instagram;
        var usage = new Dictionary<string, object>
        {
            ["quota_usage"] = media.QuotaUsage(igUserId, clock.GetUtcNow().AddSeconds(-instagram.QuotaDurationSeconds)),
        };
        if (GraphWire.Fields(fields).Contains("config"))
        {
            usage["config"] = new { quota_total = instagram.QuotaTotal, quota_duration = instagram.QuotaDurationSeconds };
        }

        return TypedResults.Json(new { data = new[] { usage } });
    }

    private static async Task<IResult> ListMedia(string igUserId, string? fields, int? limit, string? after, HttpRequest request, InstagramTokens tokens, InstagramMedia media, SandboxUrls urls)
    {
        var (token, problem) = await OwnerAsync(request, tokens, igUserId);
        if (token is null)
        {
            return problem!;
        }

        var all = media.MediaOf(igUserId);
        var start = int.TryParse(after, out var cursor) ? cursor : 0;
        var page = all.Skip(start).Take(limit ?? 25).ToList();
        var wanted = GraphWire.Fields(fields, "id");
        var paging = new Dictionary<string, object>
        {
            ["cursors"] = new { before = start.ToString(System.Globalization.CultureInfo.InvariantCulture), after = (start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        if (start + page.Count < all.Count)
        {
            paging["next"] = $"{urls.BaseUrl(request)}/{igUserId}/media?fields={Uri.EscapeDataString(fields ?? "id")}&limit={limit ?? 25}&after={start + page.Count}";
        }

        return TypedResults.Json(new { data = page.Select(m => MediaFields(m, wanted, urls.BaseUrl(request))), paging });
    }

    private static async Task<IResult> ReadNode(string id, string? fields, HttpRequest request, InstagramTokens tokens, InstagramMedia media, SandboxUrls urls, TimeProvider clock)
    {
        var (token, problem) = await GraphWire.AuthenticateAsync(request, tokens);
        if (token is null)
        {
            return problem!;
        }

        var wanted = GraphWire.Fields(fields, "id");
        if (media.PollContainer(id) is { } container && container.IgUserId == token.Subject)
        {
            var status = container.StatusCode(clock.GetUtcNow());
            var node = new Dictionary<string, object>
            {
                ["status_code"] = status,
                ["status"] = status switch
                {
                    "FINISHED" => "Finished: Media has been uploaded and it is ready to be published.",
                    "IN_PROGRESS" => "In Progress: Media is still being processed.",
                    "PUBLISHED" => "Published: Media has been published.",
                    _ => "Expired: Media was not published within 24 hours.",
                },
                ["id"] = container.Id,
            };
            return TypedResults.Json(node.Where(p => wanted.Contains(p.Key)).ToDictionary());
        }

        return media.FindMedia(id) is { } found && found.IgUserId == token.Subject
            ? TypedResults.Json(MediaFields(found, wanted, urls.BaseUrl(request)))
            : GraphWire.NoSuchObject(id);
    }

    private static Dictionary<string, object?> MediaFields(IgMedia media, HashSet<string> wanted, string baseUrl) => new Dictionary<string, object?>
    {
        ["id"] = media.Id,
        ["caption"] = media.Caption,
        ["media_type"] = media.IsCarousel ? "CAROUSEL_ALBUM" : "IMAGE",
        ["media_product_type"] = "FEED",
        ["timestamp"] = GraphWire.Timestamp(media.PublishedAt),
        ["permalink"] = $"{baseUrl}/published#{media.Shortcode}",
        ["shortcode"] = media.Shortcode,
    }.Where(p => wanted.Contains(p.Key)).ToDictionary();

    /// <summary>Only the account's own token may act on its edges.</summary>
    private static async Task<(IssuedToken? Token, IResult? Problem)> OwnerAsync(HttpRequest request, InstagramTokens tokens, string igUserId)
    {
        var (token, problem) = await GraphWire.AuthenticateAsync(request, tokens);
        return token is null ? (null, problem) : token.Subject == igUserId ? (token, null) : (null, GraphWire.NoSuchObject(igUserId));
    }
}
