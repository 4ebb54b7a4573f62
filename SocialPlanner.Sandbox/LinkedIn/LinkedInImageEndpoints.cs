using System.Text.Json.Nodes;

using Microsoft.Extensions.Options;

using SocialPlanner.Sandbox.Hosting;

namespace SocialPlanner.Sandbox.LinkedIn;

/// <summary>The Images API (platform-apis.md §1.8): initialize, PUT the bytes to the upload URL, poll, reference in a post.</summary>
public static class LinkedInImageEndpoints
{
    public static RouteGroupBuilder MapLinkedInImages(this RouteGroupBuilder rest)
    {
        rest.MapPost("/images", InitializeUpload).LinkedIn("images").WithName("LinkedInInitializeImageUpload");
        rest.MapGet("/images/{imageUrn}", GetImage).LinkedIn("images.get").WithName("LinkedInGetImage");
        return rest;
    }

    /// <summary>The upload and download URLs the Images API hands out; they point back at the sandbox.</summary>
    public static IEndpointRouteBuilder MapLinkedInMediaHost(this IEndpointRouteBuilder app)
    {
        app.MapPut("/sandbox/linkedin/uploads/{imageId}", Upload).LinkedIn("images.upload").WithName("LinkedInUploadImage");
        app.MapGet("/sandbox/linkedin/images/{imageId}", Download).WithName("LinkedInDownloadImage").WithTags("linkedin");
        return app;
    }

    private static async Task<IResult> InitializeUpload(
        HttpRequest request, string? action, LinkedInTokens tokens, LinkedInContent content, SandboxUrls urls, TimeProvider clock)
    {
        var (token, problem) = await LinkedInCaller.AuthenticateAsync(request, tokens);
        if (token is null)
        {
            return problem!;
        }

        if (action != "initializeUpload")
        {
            return LinkedInWire.Error(400, "action=initializeUpload is required as a query parameter", "ILLEGAL_ARGUMENT");
        }

        var body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        var owner = body?["initializeUploadRequest"]?["owner"]?.GetValue<string>();
        if (owner != LinkedInTokens.PersonUrn(token.Subject))
        {
            return LinkedInWire.AccessDenied($"images.initializeUpload (owner {owner} is not the token's member)");
        }

        var image = content.NewImage(owner, clock.GetUtcNow().AddDays(1));
        return LinkedInWire.Json(new
        {
            value = new
            {
                uploadUrlExpiresAt = image.UploadUrlExpiresAt.ToUnixTimeMilliseconds(),
                uploadUrl = $"{urls.BaseUrl(request)}/sandbox/linkedin/uploads/{image.Id}",
                image = image.Urn,
            },
        });
    }

    private static async Task<IResult> Upload(string imageId, HttpRequest request, LinkedInTokens tokens, LinkedInContent content, IOptions<SandboxOptions> options)
    {
        var (token, problem) = await LinkedInCaller.AuthenticateAsync(request, tokens);
        if (token is null)
        {
            return problem!;
        }

        using var bytes = new MemoryStream();
        await request.Body.CopyToAsync(bytes, request.HttpContext.RequestAborted);
        return content.Upload(imageId, bytes.ToArray(), options.Value.LinkedIn.ImageProcessingPolls) is null
            ? LinkedInWire.Error(404, $"No upload is expected for image {imageId}")
            : TypedResults.StatusCode(StatusCodes.Status201Created);
    }

    private static async Task<IResult> GetImage(string imageUrn, HttpRequest request, LinkedInTokens tokens, LinkedInContent content, SandboxUrls urls, TimeProvider clock)
    {
        var (token, problem) = await LinkedInCaller.AuthenticateAsync(request, tokens);
        if (token is null)
        {
            return problem!;
        }

        if (content.Poll(imageUrn) is not { } image)
        {
            return LinkedInWire.Error(404, $"Image {imageUrn} does not exist");
        }

        return LinkedInWire.Json(new
        {
            owner = image.Owner,
            id = image.Urn,
            status = image.Status,
            downloadUrl = image.Bytes is null ? null : $"{urls.BaseUrl(request)}/sandbox/linkedin/images/{image.Id}",
            downloadUrlExpiresAt = clock.GetUtcNow().AddHours(1).ToUnixTimeMilliseconds(),
            aspectRatioWidth = image.Facts?.Width,
            aspectRatioHeight = image.Facts?.Height,
        });
    }

    private static IResult Download(string imageId, LinkedInContent content) =>
        content.Poll(imageId) is { Bytes: { } bytes, Facts: var facts }
            ? TypedResults.File(bytes, facts is null ? "application/octet-stream" : $"image/{facts.Format}")
            : TypedResults.NotFound();
}
