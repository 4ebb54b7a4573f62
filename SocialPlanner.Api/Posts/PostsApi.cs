using System.Security.Claims;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialPlanner.Api.Calendar;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Media;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Api.Posts;

public static class PostsApi
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;

    public static IEndpointRouteBuilder MapPostsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/content/posts").WithTags("Posts").RequireAuthorization().InvalidatesCalendar();

        api.MapGet("/", ListPosts).WithName("ListPosts").WithSummary("The user's posts, newest first, with filters and keyset pagination");
        api.MapGet("/{id:guid}", GetPost).WithName("GetPost").WithSummary("One post with its media and template");
        api.MapPost("/", CreatePost).WithName("CreatePost").WithSummary("Create a draft post").Accepts<JsonElement>("application/json");
        api.MapPatch("/{id:guid}", UpdatePost).WithName("UpdatePost")
            .WithSummary("Change some fields of a post; send updated_at to reject the change if someone saved first")
            .Accepts<JsonElement>("application/json");
        api.MapDelete("/{id:guid}", DeletePost).WithName("DeletePost").WithSummary("Delete a post that is not published");
        api.MapPost("/{id:guid}/rate", RatePost).WithName("RatePost").WithSummary("Rate a post from 1 to 5");
        return app;
    }

    public static async Task<Results<Ok<Envelope<List<PostSummaryDto>>>, ApiProblem>> ListPosts(
        ClaimsPrincipal user, AppDbContext db, SignedMediaLinks links, string? status, string? platform, string? search, Guid? cursor, int? limit,
        IValidator<ListPostsQuery> validator, CancellationToken ct)
    {
        if (await validator.ValidateAsync(new ListPostsQuery(status, platform, limit), ct) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }
        var userId = user.UserId();
        var statusFilter = WireEnum.Parse<PostStatus>(status);
        var platformFilter = WireEnum.Parse<PostPlatform>(platform);
        var pageSize = limit ?? DefaultPageSize;

        var posts = db.Posts.AsNoTracking().Where(p => p.UserId == userId);
        if (statusFilter is { } s)
        {
            posts = posts.Where(p => p.Status == s);
        }
        if (platformFilter is { } pf)
        {
            posts = posts.Where(p => p.Platform == pf);
        }
        posts = PostSearch.Apply(posts, search);
        var matching = posts;
        // The request's statements share one connection: every open costs a round trip to present the user to Postgres.
        await db.Database.OpenConnectionAsync(ct);

        if (cursor is { } after)
        {
            var anchor = await db.Posts.AsNoTracking().Where(p => p.Id == after && p.UserId == userId)
                .Select(p => new { p.CreatedAt, p.Id }).SingleOrDefaultAsync(ct);
            if (anchor is null)
            {
                return ApiProblem.Validation("cursor", "Validation.UnknownCursor");
            }
            posts = posts.Where(p => EF.Functions.LessThan(ValueTuple.Create(p.CreatedAt, p.Id), ValueTuple.Create(anchor.CreatedAt, anchor.Id)));
        }

        // The total rides on the page's rows (an uncorrelated subquery, counted once): every statement is a round trip
        // to Postgres, and on this read the round trips are most of the Api's own CPU (docs/performance.md).
        var page = await posts.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)
            .Take(pageSize + 1)
            // Only what a summary shows: a whole entity also brings the stored search vector (three languages' lexemes,
            // larger than the text), the metadata and the hashtags, all parsed and then thrown away.
            .Select(p => new
            {
                Row = new PostSummaryRow(p.Id, p.Platform, p.Content, p.Status, p.AiGenerated, p.Rating, p.ScheduledAt,
                    p.CreatedAt, p.UpdatedAt, p.PublishedAt, p.ErrorMessage, p.ErrorTexts,
                    p.Media.Where(m => m.Media != null).OrderBy(m => m.Order)
                        .Select(m => new PostMediaRow(m.MediaId, m.Media!.StoragePath, m.Media.Type)).ToList()),
                Total = matching.Count(),
            })
            .AsSingleQuery() // one collection of at most ten media per post: a join costs less than a second round trip
            .ToListAsync(ct);
        // No row, no total: none match, or the cursor is past the last one (then the total is asked for alone).
        var total = page.Count > 0 ? page[0].Total : cursor is null ? 0 : await matching.CountAsync(ct);
        var hasMore = page.Count > pageSize;
        var items = page.Take(pageSize).Select(p => p.Row.ToSummary(links)).ToList();
        return TypedResults.Ok(Envelope.Of(items, new PostListMeta(total, hasMore, hasMore ? items[^1].Id : null)));
    }

    public static async Task<Results<Ok<Envelope<PostDto>>, ApiProblem>> GetPost(
        Guid id, ClaimsPrincipal user, AppDbContext db, SignedMediaLinks links, CancellationToken ct)
    {
        var post = await PostStore.FindAsync(db, user.UserId(), id, tracked: false, ct);
        if (post is null)
        {
            return PostNotFound();
        }
        post.Publications = await db.PostPublications.AsNoTracking().Where(p => p.PostId == id).ToListAsync(ct);
        return TypedResults.Ok(Envelope.Of(post.ToDto(links)));
    }

    public static async Task<Results<Created<Envelope<PostDto>>, ApiProblem>> CreatePost(
        JsonElement body, IValidator<PostInput> validator, ClaimsPrincipal user, AppDbContext db, TimeProvider clock, SignedMediaLinks links,
        CancellationToken ct)
    {
        var userId = user.UserId();
        var input = PostInput.Read(body);
        if (await validator.ValidateAsync(input, o => o.IncludeRulesNotInRuleSet().IncludeRuleSets(PostInputValidator.Creation), ct)
            is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var now = clock.GetDbNow();
        var post = new Post { Id = Guid.CreateVersion7(), UserId = userId };
        var problem = await PostStore.ApplyAsync(db, post, input, now, ct);
        if (problem is not null)
        {
            return problem;
        }
        db.Posts.Add(post);
        await db.SaveChangesAsync(ct);

        var created = await PostStore.FindAsync(db, userId, post.Id, tracked: false, ct);
        return TypedResults.Created($"/api/content/posts/{post.Id}", Envelope.Of(created!.ToDto(links)));
    }

    public static async Task<Results<Ok<Envelope<PostDto>>, ApiProblem>> UpdatePost(
        Guid id, JsonElement body, IValidator<PostInput> validator, ClaimsPrincipal user, AppDbContext db, PublicationScheduler scheduler,
        TimeProvider clock, SignedMediaLinks links, CancellationToken ct)
    {
        var userId = user.UserId();
        var post = await PostStore.FindAsync(db, userId, id, tracked: true, ct);
        if (post is null)
        {
            return PostNotFound();
        }
        var input = PostInput.Read(body);
        if (await validator.ValidateAsync(input, ct) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }
        const string retry = ConflictRetry.ApplyAgain;
        if (Conflicts.StaleCopy(db, post, input.UpdatedAt.IsSet ? input.UpdatedAt.Value : (DateTimeOffset?)null, ConflictSubject.Post, retry) is { } stale)
        {
            return stale;
        }
        if (post.Status == PostStatus.Published)
        {
            return ApiProblem.BusinessRule("Posts.PublishedNotEditable");
        }
        if (input.ChangesAnything)
        {
            var problem = await PostStore.ApplyAsync(db, post, input, clock.GetDbNow(), ct);
            if (problem is not null)
            {
                return problem;
            }
            // Saves, and re-arms a scheduled post's publications so the old version is never sent.
            if (await Conflicts.SaveAsync(() => scheduler.OnPostEditedAsync(post, ct), ConflictSubject.Post, retry) is { } failed)
            {
                return failed;
            }
        }
        var updated = await PostStore.FindAsync(db, userId, id, tracked: false, ct);
        return TypedResults.Ok(Envelope.Of(updated!.ToDto(links)));
    }

    /// <summary>The network a post that is not "published" as a whole is nevertheless live on (a post for both that
    /// went out on one and failed on the other), as its name; null when it is live nowhere.</summary>
    internal static async Task<string?> LiveOnAsync(AppDbContext db, Guid postId, CancellationToken ct) =>
        await db.PostPublications.AsNoTracking()
            .Where(p => p.PostId == postId && p.Status == PublicationStatus.Published)
            .OrderBy(p => p.Platform).Select(p => (SocialPlatform?)p.Platform).FirstOrDefaultAsync(ct) is { } platform
            ? PostState.PlatformName(platform)
            : null;

    public static async Task<Results<NoContent, ApiProblem>> DeletePost(
        Guid id, ClaimsPrincipal user, AppDbContext db, PublicationScheduler scheduler, CancellationToken ct)
    {
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == id && p.UserId == user.UserId(), ct);
        if (post is null)
        {
            return PostNotFound();
        }
        if (post.Status == PostStatus.Published)
        {
            return ApiProblem.BusinessRule("Posts.PublishedNotDeletable");
        }
        if (await LiveOnAsync(db, id, ct) is { } live)
        {
            return ApiProblem.BusinessRule("Posts.LiveNotDeletable", live);
        }
        // Its pending publications are cancelled first, so no dispatcher sends what is being deleted.
        if (await Conflicts.SaveAsync(() => scheduler.OnPostDeletedAsync(post, ct), ConflictSubject.Post, ConflictRetry.Delete) is { } failed)
        {
            return failed;
        }
        db.Posts.Remove(post);
        await db.SaveChangesAsync(ct);
        return TypedResults.NoContent();
    }

    public static async Task<Results<Ok<Envelope<PostDto>>, ApiProblem>> RatePost(
        Guid id, RateRequest request, IValidator<RateRequest> validator, ClaimsPrincipal user, AppDbContext db, SignedMediaLinks links,
        CancellationToken ct)
    {
        if (await validator.ValidateAsync(request, ct) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }
        var userId = user.UserId();
        var post = await db.Posts.SingleOrDefaultAsync(p => p.Id == id && p.UserId == userId, ct);
        if (post is null)
        {
            return PostNotFound();
        }
        post.Rating = request.Rating;
        await db.SaveChangesAsync(ct);
        var rated = await PostStore.FindAsync(db, userId, id, tracked: false, ct);
        return TypedResults.Ok(Envelope.Of(rated!.ToDto(links)));
    }

    /// <summary>Another user's post answers exactly like a missing one: we never reveal that it exists.</summary>
    private static ApiProblem PostNotFound() => ApiProblem.NotFound("Post");
}
