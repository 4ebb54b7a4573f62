using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using Npgsql;
using SocialPlanner.Api.Calendar;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Media;

namespace SocialPlanner.Api.Media;

public static class MediaApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapMediaApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/media").WithTags("Media").RequireAuthorization().InvalidatesCalendar();
        api.MapPost("/upload", Upload).WithName("UploadMedia")
            .WithSummary("Upload an image (PNG, JPEG, WebP ≤ 10 MB) or a video (MP4, MOV ≤ 100 MB) as multipart/form-data")
            .WithMetadata(new RequestSizeLimitAttribute(MediaUploads.MaxRequestBytes))
            .DisableAntiforgery();
        api.MapGet("/", ListMedia).WithName("ListMedia").WithSummary("The user's media, newest first, filtered by type and tags");
        api.MapGet("/{id:guid}", GetMedia).WithName("GetMedia").WithSummary("One media item with fresh signed links");
        api.MapPatch("/{id:guid}", UpdateMedia).WithName("UpdateMedia").WithSummary("Change tags or alt text")
            .Accepts<JsonElement>("application/json");
        api.MapDelete("/{id:guid}", DeleteMedia).WithName("DeleteMedia").WithSummary("Delete a media item no post uses");

        // Authorised by its signature, not by a bearer token: Instagram's servers and <img> tags have none.
        app.MapMethods($"/{MediaUrlSigner.RoutePrefix}/{{**path}}", [HttpMethods.Get, HttpMethods.Head], ServeFile)
            .WithTags("Media").WithName("MediaFile").WithSummary("A stored file behind a signed, expiring link (ranges supported)");
        return app;
    }

    public static async Task<Results<Created<Envelope<MediaDto>>, ApiProblem>> Upload(
        HttpRequest request, ClaimsPrincipal user, MediaUploads uploads, SignedMediaLinks links, CancellationToken ct)
    {
        var item = await uploads.UploadAsync(request, user.UserId(), ct);
        return TypedResults.Created($"/api/media/{item.Id}", Envelope.Of(item.ToDto(links)));
    }

    public static async Task<Results<Ok<Envelope<List<MediaDto>>>, ApiProblem>> ListMedia(
        ClaimsPrincipal user, AppDbContext db, SignedMediaLinks links, string? type, string? tags, Guid? cursor, int? limit,
        IValidator<ListMediaQuery> validator, CancellationToken ct)
    {
        if (await validator.ValidateAsync(new ListMediaQuery(type, limit), ct) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }
        var userId = user.UserId();
        var typeFilter = ListMediaQuery.TypeOf(type);
        var pageSize = limit ?? DefaultPageSize;

        var media = db.Media.AsNoTracking().Where(m => m.UserId == userId);
        if (typeFilter is { } t)
        {
            media = media.Where(m => m.Type == t);
        }
        var required = (tags ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        if (required.Count > 0)
        {
            media = media.Where(m => required.All(tag => m.Tags.Contains(tag)));
        }
        var total = await media.CountAsync(ct);
        if (cursor is { } after)
        {
            var anchor = await db.Media.AsNoTracking().Where(m => m.Id == after && m.UserId == userId)
                .Select(m => new { m.CreatedAt, m.Id }).SingleOrDefaultAsync(ct);
            if (anchor is null)
            {
                return ApiProblem.Validation("cursor", "Validation.UnknownCursor");
            }
            media = media.Where(m => EF.Functions.LessThan(ValueTuple.Create(m.CreatedAt, m.Id), ValueTuple.Create(anchor.CreatedAt, anchor.Id)));
        }
        var page = await media.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(pageSize + 1).ToListAsync(ct);
        var hasMore = page.Count > pageSize;
        var items = page.Take(pageSize).Select(m => m.ToDto(links)).ToList();
        return TypedResults.Ok(Envelope.Of(items, new MediaListMeta(total, hasMore, hasMore ? items[^1].Id : null)));
    }

    public static async Task<Results<Ok<Envelope<MediaDto>>, ApiProblem>> GetMedia(
        ClaimsPrincipal user, Guid id, AppDbContext db, SignedMediaLinks links, CancellationToken ct)
    {
        var userId = user.UserId();
        var item = await db.Media.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id && m.UserId == userId, ct);
        return item is null ? ApiProblem.NotFound("Media") : TypedResults.Ok(Envelope.Of(item.ToDto(links)));
    }

    public static async Task<Results<Ok<Envelope<MediaDto>>, ApiProblem>> UpdateMedia(
        ClaimsPrincipal user, Guid id, JsonElement body, AppDbContext db, SignedMediaLinks links, CancellationToken ct)
    {
        var userId = user.UserId();
        var item = await db.Media.SingleOrDefaultAsync(m => m.Id == id && m.UserId == userId, ct);
        if (item is null)
        {
            return ApiProblem.NotFound("Media");
        }
        if (body.ValueKind != JsonValueKind.Object)
        {
            return ApiProblem.Validation("body", "Validation.JsonObject");
        }
        if (body.TryGetProperty("tags", out var tags))
        {
            if (tags.ValueKind != JsonValueKind.Array || tags.EnumerateArray().Any(t => t.ValueKind != JsonValueKind.String))
            {
                return ApiProblem.Validation("tags", "Media.TagsArray");
            }
            item.Tags = MediaUploads.CheckTags(tags.EnumerateArray().Select(t => t.GetString()!.Trim()).Where(t => t.Length > 0));
        }
        if (body.TryGetProperty("alt_text", out var altText))
        {
            if (altText.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return ApiProblem.Validation("alt_text", "Media.AltTextShape");
            }
            item.AltText = MediaUploads.CheckAltText(altText.GetString());
        }
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(Envelope.Of(item.ToDto(links)));
    }

    /// <summary>The row goes first (posts_media RESTRICT guards it even against a post attaching it meanwhile); the
    /// files after the commit, so a failed commit never loses them. A file left behind by a crash here is the
    /// janitor's.</summary>
    public static async Task<Results<NoContent, ApiProblem>> DeleteMedia(
        ClaimsPrincipal user, Guid id, AppDbContext db, IMediaStore store, ILogger<MediaUploads> logger, CancellationToken ct)
    {
        var userId = user.UserId();
        var item = await db.Media.SingleOrDefaultAsync(m => m.Id == id && m.UserId == userId, ct);
        if (item is null)
        {
            return ApiProblem.NotFound("Media");
        }
        if (await UsedByAsync(db, id, ct) is { Count: > 0 } posts)
        {
            return InUse(posts);
        }
        db.Media.Remove(item);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.ForeignKeyViolation })
        {
            return InUse(await UsedByAsync(db, id, ct));
        }
        foreach (var path in MediaPaths.AllFiles(item))
        {
            try
            {
                await store.DeleteAsync(path, CancellationToken.None);
            }
            catch (IOException e)
            {
                logger.LogWarning(e, "Could not delete {Path}; the media janitor will", path);
            }
        }
        return TypedResults.NoContent();
    }

    private static Task<List<Guid>> UsedByAsync(AppDbContext db, Guid mediaId, CancellationToken ct) =>
        db.PostsMedia.AsNoTracking().Where(pm => pm.MediaId == mediaId).Select(pm => pm.PostId).Distinct().ToListAsync(ct);

    private static ApiProblem InUse(List<Guid> posts) => ApiProblem.BusinessRule(
        ApiText.Of(posts.Count == 1 ? "Media.InUseOne" : "Media.InUseMany", string.Join(", ", posts)),
        [.. posts.Select(p => FieldProblem.Verbatim("post_id", p.ToString()))]);

    /// <summary>Files never change under a path (a media id is never reused), so a link may be cached for as long as
    /// it is valid.</summary>
    public static async Task<IResult> ServeFile(
        string path, string? exp, string? sig, HttpContext context, MediaUrlSigner signer, IMediaStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (signer.Check(path, exp, sig, now) is { } refusal)
        {
            return ApiProblem.Forbidden(ApiText.Verbatim(refusal));
        }
        var file = await store.StatAsync(path, ct);
        var stream = file is null ? null : await store.OpenReadAsync(path, ct);
        if (file is null || stream is null)
        {
            return ApiProblem.NotFound("MediaFile");
        }
        var remaining = Math.Max(0, long.Parse(exp!, CultureInfo.InvariantCulture) - now.ToUnixTimeSeconds());
        context.Response.Headers.CacheControl = $"public, max-age={remaining}, immutable";
        context.Response.Headers.XContentTypeOptions = "nosniff";
        var etag = new EntityTagHeaderValue($"\"{file.Length:x}-{file.LastModified.ToUnixTimeMilliseconds():x}\"");
        return Results.File(stream, ContentTypeOf(path), lastModified: file.LastModified, entityTag: etag, enableRangeProcessing: true);
    }

    private static string ContentTypeOf(string path)
    {
        var extension = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        return MediaFormats.All.FirstOrDefault(f => f.Extensions.Contains(extension))?.MimeType ?? "application/octet-stream";
    }
}
