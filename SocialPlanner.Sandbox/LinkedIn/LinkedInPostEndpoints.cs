using System.Text.Json;
using System.Text.Json.Nodes;

using Microsoft.Extensions.Options;

using SocialPlanner.Sandbox.Hosting;
using SocialPlanner.Sandbox.Published;

namespace SocialPlanner.Sandbox.LinkedIn;

/// <summary>The Posts API (platform-apis.md §1.6, §1.9–1.11).</summary>
public static class LinkedInPostEndpoints
{
    private const int MaxCommentaryLength = 3000;

    /// <summary>UNCONFIRMED: the limit LinkedIn's comment box enforces; the API reference names none (docs/media.md).</summary>
    private const int MaxCommentLength = 1250;

    /// <summary>"minimum of 2 images and maximum of 20 images" (Microsoft Learn, MultiImage API).</summary>
    private const int MinMultiImages = 2;
    private const int MaxMultiImages = 20;
    private static readonly string[] RequiredFields = ["visibility", "distribution", "lifecycleState"];

    public static RouteGroupBuilder MapLinkedInPosts(this RouteGroupBuilder rest)
    {
        rest.MapPost("/posts", CreatePost).LinkedIn("posts").WithName("LinkedInCreatePost");
        rest.MapPost("/socialActions/{target}/comments", CreateComment).LinkedIn("comments").WithName("LinkedInCreateComment");
        rest.MapGet("/posts", FindPostsByAuthor).LinkedIn("posts.finder").WithName("LinkedInFindPosts");
        return rest;
    }

    private static async Task<IResult> CreatePost(
        HttpRequest request, LinkedInTokens tokens, LinkedInContent content, PublishedLedger ledger, IOptions<SandboxOptions> options, TimeProvider clock)
    {
        var (token, problem) = await LinkedInCaller.AuthenticateAsync(request, tokens);
        if (token is null)
        {
            return problem!;
        }

        if (!token.HasScope("w_member_social"))
        {
            return LinkedInWire.AccessDenied("partnerApiPostsExternal.CREATE");
        }

        JsonObject body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject
                ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            return LinkedInWire.Error(400, "Invalid JSON body");
        }

        var author = body["author"]?.GetValue<string>();
        if (author != LinkedInTokens.PersonUrn(token.Subject))
        {
            return LinkedInWire.AccessDenied($"partnerApiPostsExternal.CREATE (author {author} is not the token's member)");
        }

        if (RequiredFields.FirstOrDefault(f => body[f] is null) is { } missing)
        {
            return LinkedInWire.Unprocessable($"ERROR :: /{missing} :: field is required but not found and has no default value");
        }

        var sent = body["commentary"]?.GetValue<string>() ?? "";
        if (sent.Length > MaxCommentaryLength)
        {
            return LinkedInWire.Unprocessable($"ERROR :: /commentary :: length of {sent.Length} exceeds the maximum allowed length {MaxCommentaryLength}");
        }

        var mediaId = body["content"]?["media"]?["id"]?.GetValue<string>();
        var image = mediaId is null ? null : content.Image(mediaId);
        if (mediaId is not null && (image is null || image.Owner != author || image.Status != "AVAILABLE"))
        {
            return LinkedInWire.Unprocessable($"ERROR :: /content/media/id :: {mediaId} is not an available image of {author}");
        }

        var (multiImage, multiImageProblem) = MultiImage(body["content"]?["multiImage"], content, author);
        if (multiImageProblem is not null)
        {
            return multiImageProblem;
        }

        var now = clock.GetUtcNow();
        var text = LittleText.Render(sent);
        var (post, duplicate) = content.Create(
            urn => new LinkedInPost(urn, author, sent, text.Kept, text.Visible, body["visibility"]!.ToString(), body["lifecycleState"]!.ToString(),
                mediaId ?? multiImage?[0].Id, body["content"]?["media"]?["altText"]?.GetValue<string>() ?? multiImage?[0].AltText, now, multiImage),
            author,
            sent,
            now.AddSeconds(-options.Value.LinkedIn.DuplicateWindowSeconds));
        if (duplicate)
        {
            ledger.CountRepeat(post.Urn);
            return DuplicatePost(post.Urn);
        }

        var images = multiImage?.Select(i => new PublishedImage(i.Id, content.Image(i.Id)?.Facts?.ToString())).ToList()
            ?? (mediaId is null ? null : [new PublishedImage(mediaId, image?.Facts?.ToString())]);
        ledger.Record(new PublishedItem("linkedin", author, post.Urn, post.VisibleText, post.MediaId, images?[0].Info, now, RequestCount: 1,
            PublishedItem.TraceIdOf(request), images));
        request.HttpContext.Response.Headers["x-restli-id"] = post.Urn;
        request.HttpContext.Response.Headers.Location = $"/rest/posts/{Uri.EscapeDataString(post.Urn)}";
        return TypedResults.StatusCode(StatusCodes.Status201Created);
    }

    /// <summary>The Comments API's create (<c>POST /rest/socialActions/{post urn}/comments</c>): the member comments on a
    /// post; 201 with the comment, its URN in <c>x-restli-id</c>.</summary>
    private static async Task<IResult> CreateComment(
        string target, HttpRequest request, LinkedInTokens tokens, LinkedInContent content, PublishedLedger ledger, TimeProvider clock)
    {
        var (token, problem) = await LinkedInCaller.AuthenticateAsync(request, tokens);
        if (token is null)
        {
            return problem!;
        }

        if (!token.HasScope("w_member_social"))
        {
            return LinkedInWire.AccessDenied("partnerApiSocialActions.CREATE");
        }

        JsonObject body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject
                ?? throw new JsonException("not an object");
        }
        catch (JsonException)
        {
            return LinkedInWire.Error(400, "Invalid JSON body");
        }

        var actor = body["actor"]?.GetValue<string>();
        if (actor != LinkedInTokens.PersonUrn(token.Subject))
        {
            return LinkedInWire.AccessDenied($"partnerApiSocialActions.CREATE (actor {actor} is not the token's member)");
        }

        if (content.Find(target) is null || body["object"]?.GetValue<string>() is { } other && other != target)
        {
            return LinkedInWire.Error(404, $"Not found: {target}");
        }

        var text = body["message"]?["text"]?.GetValue<string>();
        if (string.IsNullOrEmpty(text))
        {
            return LinkedInWire.Unprocessable("ERROR :: /message/text :: field is required but not found and has no default value");
        }

        if (text.Length > MaxCommentLength)
        {
            return LinkedInWire.Unprocessable($"ERROR :: /message/text :: length of {text.Length} exceeds the maximum allowed length {MaxCommentLength}");
        }

        var number = content.NextCommentNumber();
        var urn = $"urn:li:comment:({target},{number})";
        var now = clock.GetUtcNow();
        ledger.AddComment(target, new PublishedComment(urn, text, now));
        request.HttpContext.Response.Headers["x-restli-id"] = urn;
        return LinkedInWire.Json(new Dictionary<string, object>
        {
            ["id"] = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["$URN"] = urn,
            ["actor"] = actor,
            ["object"] = target,
            ["message"] = new { text },
            ["created"] = new { actor, time = now.ToUnixTimeMilliseconds() },
        }, StatusCodes.Status201Created);
    }

    private static async Task<IResult> FindPostsByAuthor(HttpRequest request, LinkedInTokens tokens, LinkedInContent content, string? q, string? author, int? start, int? count)
    {
        var (token, problem) = await LinkedInCaller.AuthenticateAsync(request, tokens);
        if (token is null)
        {
            return problem!;
        }

        if (!token.HasScope("r_member_social"))
        {
            return LinkedInWire.AccessDenied("partnerApiPostsExternal.FINDER-author");
        }

        if (q != "author" || author is null)
        {
            return LinkedInWire.Error(400, "Finder q=author with an author parameter is required", "ILLEGAL_ARGUMENT");
        }

        var all = content.ByAuthor(author);
        var page = all.Skip(start ?? 0).Take(count ?? 10).Select(p => new
        {
            id = p.Urn,
            author = p.Author,
            commentary = p.Commentary,
            visibility = p.Visibility,
            lifecycleState = p.LifecycleState,
            createdAt = p.CreatedAt.ToUnixTimeMilliseconds(),
            publishedAt = p.CreatedAt.ToUnixTimeMilliseconds(),
            lastModifiedAt = p.CreatedAt.ToUnixTimeMilliseconds(),
            distribution = new { feedDistribution = "MAIN_FEED", targetEntities = Array.Empty<object>(), thirdPartyDistributionChannels = Array.Empty<object>() },
            content = p.MultiImage is { } multi ? (object)new { multiImage = new { images = multi.Select(i => new { id = i.Id, altText = i.AltText }) } }
                : p.MediaId is null ? null : new { media = new { id = p.MediaId, altText = p.AltText } },
            isReshareDisabledByAuthor = false,
        }).ToList();
        return LinkedInWire.Json(new
        {
            paging = new { start = start ?? 0, count = count ?? 10, links = Array.Empty<object>(), total = all.Count },
            elements = page,
        });
    }

    /// <summary>The images of a <c>content.multiImage</c>, in order, each an available image of the author; or the 422 LinkedIn answers.</summary>
    private static (IReadOnlyList<LinkedInPostImage>? Images, IResult? Problem) MultiImage(JsonNode? multiImage, LinkedInContent content, string author)
    {
        if (multiImage is null)
        {
            return (null, null);
        }

        if (multiImage["images"] is not JsonArray array || array.Count is < MinMultiImages or > MaxMultiImages)
        {
            return (null, LinkedInWire.Unprocessable(
                $"ERROR :: /content/multiImage/images :: a multiImage post needs between {MinMultiImages} and {MaxMultiImages} images"));
        }

        var images = new List<LinkedInPostImage>();
        for (var i = 0; i < array.Count; i++)
        {
            var id = array[i]?["id"]?.GetValue<string>();
            var image = id is null ? null : content.Image(id);
            if (image is null || image.Owner != author || image.Status != "AVAILABLE")
            {
                return (null, LinkedInWire.Unprocessable($"ERROR :: /content/multiImage/images/{i}/id :: {id} is not an available image of {author}"));
            }
            images.Add(new LinkedInPostImage(id!, array[i]?["altText"]?.GetValue<string>()));
        }

        return (images, null);
    }

    /// <summary>Byte-for-byte the body observed in the wild (platform-apis.md §1.11); clients parse the URN out of the message.</summary>
    private static IResult DuplicatePost(string existingUrn) => LinkedInWire.Json(new
    {
        status = 422,
        errorDetailType = "com.linkedin.common.error.BadRequest",
        message = $"com.linkedin.content.common.exception.BadRequestResponseException: Content is a duplicate of {existingUrn}",
        errorDetails = new { inputErrors = new[] { new { code = "DUPLICATE_POST", description = "Duplicate post is detected", input = new { } } } },
    }, StatusCodes.Status422UnprocessableEntity);
}
