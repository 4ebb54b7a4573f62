using System.Security.Claims;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using SocialPlanner.Api.Calendar;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Api.Posts;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Media;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Templates;

namespace SocialPlanner.Api.Templates;

public static class TemplatesApi
{
    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/templates").WithTags("Templates").RequireAuthorization();
        api.MapGet("/", ListTemplates).WithName("ListTemplates").WithSummary("The user's templates, filtered by category and platform");
        api.MapPost("/", CreateTemplate).WithName("CreateTemplate").WithSummary("Create a template from a post (post_id) or from scratch");
        api.MapGet("/{id:guid}", GetTemplate).WithName("GetTemplate").WithSummary("One template");
        api.MapPatch("/{id:guid}", UpdateTemplate).WithName("UpdateTemplate")
            .WithSummary("Change some fields; send updated_at to reject the change if someone saved first");
        api.MapDelete("/{id:guid}", DeleteTemplate).WithName("DeleteTemplate").WithSummary("Delete a template (its posts keep their text)");
        api.MapPost("/{id:guid}/use", UseTemplate).InvalidatesCalendar().WithName("UseTemplate")
            .WithSummary("Create a draft post from the template with its {{variables}} filled in");
        return app;
    }

    public static async Task<Results<Ok<Envelope<List<TemplateDto>>>, ApiProblem>> ListTemplates(
        ClaimsPrincipal user, AppDbContext db, string? category, string? platform, IValidator<ListTemplatesQuery> validator, CancellationToken ct)
    {
        if (await validator.ValidateAsync(new ListTemplatesQuery(category, platform), ct) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }
        var userId = user.UserId();
        var categoryFilter = WireEnum.Parse<TemplateCategory>(category);
        var platformFilter = WireEnum.Parse<PostPlatform>(platform);
        var templates = db.Templates.AsNoTracking().Where(t => t.UserId == userId);
        if (categoryFilter is { } c)
        {
            templates = templates.Where(t => t.Category == c);
        }
        if (platformFilter is { } p)
        {
            templates = templates.Where(t => t.Platform == p);
        }
        var list = await templates.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToListAsync(ct);
        return TypedResults.Ok(Envelope.Of(list.Select(t => t.ToDto()).ToList()));
    }

    public static async Task<Results<Ok<Envelope<TemplateDto>>, ApiProblem>> GetTemplate(
        ClaimsPrincipal user, Guid id, AppDbContext db, CancellationToken ct)
    {
        var userId = user.UserId();
        var template = await db.Templates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId, ct);
        return template is null ? ApiProblem.NotFound("Template") : TypedResults.Ok(Envelope.Of(template.ToDto()));
    }

    public static async Task<Results<Created<Envelope<TemplateDto>>, ApiProblem>> CreateTemplate(
        ClaimsPrincipal user, CreateTemplateRequest request, IValidator<CreateTemplateRequest> validator, AppDbContext db, TimeProvider clock,
        CancellationToken ct)
    {
        var userId = user.UserId();
        var validation = await validator.ValidateAsync(request, ct);
        // A post_id that names none of the user's posts answers 404 before any field error.
        Post? source = null;
        if (request.PostId is { } postId)
        {
            source = await db.Posts.AsNoTracking().SingleOrDefaultAsync(p => p.Id == postId && p.UserId == userId, ct);
            if (source is null)
            {
                return ApiProblem.NotFound("Post");
            }
        }
        if (!validation.IsValid)
        {
            return validation.ToProblem();
        }

        var finalContent = request.Content ?? source!.Content;
        var hashtags = TemplateInput.Hashtags(request.Hashtags ?? source?.Hashtags ?? []);
        var template = new Template
        {
            UserId = userId, Name = request.Name!.Trim(),
            Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
            Category = WireEnum.Parse<TemplateCategory>(request.Category)!.Value,
            Platform = WireEnum.Parse<PostPlatform>(request.Platform) ?? source!.Platform, Content = finalContent, Hashtags = hashtags,
            Variables = TemplateInput.Declared(TemplateInput.Variables(request.Variables), finalContent, hashtags), CreatedAt = clock.GetUtcNow(),
        };
        db.Templates.Add(template);
        await db.SaveChangesAsync(ct);
        return TypedResults.Created($"/api/templates/{template.Id}", Envelope.Of(template.ToDto()));
    }

    public static async Task<Results<Ok<Envelope<TemplateDto>>, ApiProblem>> UpdateTemplate(
        ClaimsPrincipal user, Guid id, UpdateTemplateRequest request, IValidator<UpdateTemplateRequest> validator, AppDbContext db,
        CancellationToken ct)
    {
        var userId = user.UserId();
        var template = await db.Templates.SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId, ct);
        if (template is null)
        {
            return ApiProblem.NotFound("Template");
        }
        if (Conflicts.StaleCopy(db, template, request.UpdatedAt, ConflictSubject.Template) is { } stale)
        {
            return stale;
        }
        if (await validator.ValidateAsync(request, ct) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }

        var content = request.Content;
        var variables = TemplateInput.Variables(request.Variables);
        template.Name = request.Name?.Trim() ?? template.Name;
        template.Category = WireEnum.Parse<TemplateCategory>(request.Category) ?? template.Category;
        template.Platform = WireEnum.Parse<PostPlatform>(request.Platform) ?? template.Platform;
        template.Content = content ?? template.Content;
        template.Hashtags = request.Hashtags is null ? template.Hashtags : TemplateInput.Hashtags(request.Hashtags);
        if (request.Description is not null)
        {
            template.Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        }
        if (variables is not null || content is not null || request.Hashtags is not null)
        {
            template.Variables = TemplateInput.Declared(variables ?? TemplateInput.Defaults(template.Variables), template.Content, template.Hashtags);
        }
        if (await Conflicts.SaveAsync(() => db.SaveChangesAsync(ct), ConflictSubject.Template) is { } failed)
        {
            return failed;
        }
        return TypedResults.Ok(Envelope.Of(template.ToDto()));
    }

    public static async Task<Results<NoContent, ApiProblem>> DeleteTemplate(ClaimsPrincipal user, Guid id, AppDbContext db, CancellationToken ct)
    {
        var userId = user.UserId();
        var deleted = await db.Templates.Where(t => t.Id == id && t.UserId == userId).ExecuteDeleteAsync(ct);
        return deleted == 0 ? ApiProblem.NotFound("Template") : TypedResults.NoContent();
    }

    /// <summary>The draft, the template's link and its usage count commit together: a count never drifts from the
    /// posts made, and concurrent uses each add one (the increment is done by the database, not read-modify-write).</summary>
    public static async Task<Results<Created<Envelope<PostDto>>, ApiProblem>> UseTemplate(
        ClaimsPrincipal user, Guid id, UseTemplateRequest? request, IValidator<UseTemplateRequest> validator, AppDbContext db,
        TimeProvider clock, SignedMediaLinks links, CancellationToken ct)
    {
        var userId = user.UserId();
        var template = await db.Templates.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id && t.UserId == userId, ct);
        if (template is null)
        {
            return ApiProblem.NotFound("Template");
        }
        request ??= new UseTemplateRequest(null);
        if (await validator.ValidateAsync(request, ct) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }
        var supplied = TemplateInput.Variables(request.Variables) ?? [];
        var rendering = TemplateRenderer.Render(template.Content, template.Hashtags, TemplateInput.Defaults(template.Variables), supplied);
        if (!rendering.Succeeded)
        {
            return ApiProblem.Validation(
                [
                    .. rendering.Missing.Select(n => FieldProblem.Of($"variables.{n}", RequestValidation.Required)),
                    .. rendering.Unknown.Select(n => FieldProblem.Of($"variables.{n}", "Templates.NotAVariable")),
                ],
                (rendering.Missing.Count, rendering.Unknown.Count) switch
                {
                    (> 0, > 0) => ApiText.Of("Templates.MissingAndUnknown", string.Join(", ", rendering.Missing), string.Join(", ", rendering.Unknown)),
                    (> 0, _) => ApiText.Of("Templates.Missing", string.Join(", ", rendering.Missing)),
                    _ => ApiText.Of("Templates.Unknown", string.Join(", ", rendering.Unknown)),
                });
        }
        var violations = PlatformRules.TextViolations(template.Platform, rendering.Content, rendering.Hashtags);
        if (violations.Count > 0)
        {
            return ApiProblem.RulesBroken(violations);
        }

        var post = new Post
        {
            UserId = userId, Platform = template.Platform, Content = rendering.Content, Hashtags = [.. rendering.Hashtags],
            Status = PostStatus.Draft, TemplateId = template.Id, CreatedAt = clock.GetUtcNow(),
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var counted = await db.Templates.Where(t => t.Id == template.Id && t.UserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.UsageCount, t => t.UsageCount + 1), ct);
            if (counted == 0)
            {
                return ApiProblem.NotFound("Template");
            }
            db.Posts.Add(post);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        var created = await PostStore.FindAsync(db, userId, post.Id, tracked: false, ct);
        return TypedResults.Created($"/api/content/posts/{post.Id}", Envelope.Of(created!.ToDto(links)));
    }
}
