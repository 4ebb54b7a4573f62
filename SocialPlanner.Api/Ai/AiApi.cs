using System.Globalization;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Ai;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Posts;
using SocialPlanner.Localisation;

namespace SocialPlanner.Api.Ai;

/// <summary>The spec's AI generation endpoints. Every call, successful or not, leaves an ai_generations row whose
/// id is the answer's <c>generation_id</c> (and is named in the detail of a failure).</summary>
public static partial class AiApi
{
    /// <summary>The spec: "503 - API OpenAI indisponible (retry after 30s)".</summary>
    public static readonly TimeSpan ProviderRetryAfter = TimeSpan.FromSeconds(30);

    public static IHostApplicationBuilder AddAiServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAiGeneration(builder.Configuration);
        return builder;
    }

    public static IEndpointRouteBuilder MapAiApi(this IEndpointRouteBuilder app)
    {
        var ai = app.MapGroup("/api/ai").WithTags("AI").RequireAuthorization();
        ai.MapGet("/quota", GetQuota).WithName("GetAiQuota").WithSummary("This month's idea generation allowance, without spending any");
        ai.MapPost("/generate-ideas", GenerateIdeas).WithName("GenerateIdeas")
            .WithSummary("Generate 10-15 content ideas (monthly quota)");
        ai.MapPost("/generate-post", GeneratePost).WithName("GeneratePost")
            .WithSummary("Write a LinkedIn or Instagram post from an idea");
        ai.MapPost("/generate-post/stream", StreamPost).WithName("StreamPost")
            .WithSummary("Write a post as server-sent events: 'delta' events with content, then 'done' with the result");
        ai.MapPost("/generate-variants", GenerateVariants).WithName("GenerateVariants")
            .WithSummary("Rewrite one of your posts into variants");
        return app;
    }

    public static async Task<Ok<Envelope<QuotaMeta>>> GetQuota(
        HttpContext http, [FromServices] IdeaQuota quota, CancellationToken cancellationToken)
    {
        var status = await quota.StatusAsync(http.User.UserId(), cancellationToken);
        return TypedResults.Ok(Envelope.Of(new QuotaMeta(status.Used, status.Remaining, Iso(status.ResetsAt))));
    }

    public static async Task<Results<Ok<Envelope<IdeasResponse>>, ApiProblem>> GenerateIdeas(
        GenerateIdeasRequest request, HttpContext http, [FromServices] IValidator<GenerateIdeasRequest> validator, [FromServices] IdeaQuota quota, [FromServices] AiGenerator generator,
        [FromServices] AiAudit audit, [FromServices] AiMetrics metrics, [FromServices] TimeProvider time, [FromServices] AppDbContext db,
        CancellationToken cancellationToken)
    {
        if (await validator.ValidateAsync(request, cancellationToken) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }
        var brief = request.ToBrief(await UserLanguageAsync(db, http, cancellationToken));
        var reservation = await quota.ReserveAsync(http.User.UserId(), cancellationToken);
        if (reservation.Row is not { } row)
        {
            metrics.QuotaDenied();
            var status = reservation.Status;
            return ApiProblem.TooManyRequests(ApiText.Of("Ai.QuotaUsedUp", status.Limit, Iso(status.ResetsAt)),
                status.ResetsAt - time.GetUtcNow(), ErrorTypes.QuotaExceeded);
        }
        var result = await Audited(http, audit, row, ct => generator.IdeasAsync(brief, ct), cancellationToken);
        var ideas = result.Answer.Ideas
            .Select((idea, i) => new IdeaResponse($"temp-{i + 1}", idea.Title, idea.Description, idea.TargetPlatform, idea.EstimatedEngagement))
            .ToList();
        var quotaStatus = reservation.Status;
        return TypedResults.Ok(Envelope.Of(new IdeasResponse(ideas, row.Id, result.TokensUsed, result.DurationMs),
            new QuotaMeta(quotaStatus.Used, quotaStatus.Remaining, Iso(quotaStatus.ResetsAt))));
    }

    public static async Task<Results<Ok<Envelope<PostResponse>>, ApiProblem>> GeneratePost(
        GeneratePostRequest request, HttpContext http, [FromServices] IValidator<GeneratePostRequest> validator,
        [FromServices] AiGenerator generator, [FromServices] AiAudit audit, [FromServices] AppDbContext db, CancellationToken cancellationToken)
    {
        if (await validator.ValidateAsync(request, cancellationToken) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }
        var brief = request.ToBrief(await UserLanguageAsync(db, http, cancellationToken));
        var row = audit.Begin(http.User.UserId(), AiPrompts.Post(brief).Type);
        var result = await Audited(http, audit, row, ct => generator.PostAsync(brief, ct), cancellationToken);
        return TypedResults.Ok(Envelope.Of(ToResponse(result, row.Id)));
    }

    public static async Task<Results<Ok<Envelope<VariantsResponse>>, ApiProblem>> GenerateVariants(
        GenerateVariantsRequest request, HttpContext http, [FromServices] IValidator<GenerateVariantsRequest> validator,
        [FromServices] AppDbContext db, [FromServices] AiGenerator generator,
        [FromServices] AiAudit audit, CancellationToken cancellationToken)
    {
        if (await validator.ValidateAsync(request, cancellationToken) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }
        var variations = AiRequests.VariationsOf(request);
        var userId = http.User.UserId();
        // Row-level security already hides other users' posts; the filter says so in the query too.
        var post = await db.Posts.AsNoTracking()
            .Where(p => p.Id == request.PostId && p.UserId == userId)
            .Select(p => new { p.Content, p.Hashtags, p.Platform })
            .FirstOrDefaultAsync(cancellationToken);
        if (post is null)
        {
            return ApiProblem.NotFound("Post");
        }
        // A post for both platforms must fit the stricter one.
        var platform = post.Platform == PostPlatform.Linkedin ? AiPlatform.Linkedin : AiPlatform.Instagram;
        var brief = new VariantsBrief(post.Content, post.Hashtags, platform, variations, await UserLanguageAsync(db, http, cancellationToken));
        var row = audit.Begin(userId, GenerationType.Variants);
        var result = await Audited(http, audit, row, ct => generator.VariantsAsync(brief, ct), cancellationToken);
        var variants = result.Answer.Variants
            .Select((v, i) => new VariantResponse($"variant-{i + 1}", v.Content, v.VariationType))
            .ToList();
        return TypedResults.Ok(Envelope.Of(new VariantsResponse(variants, row.Id)));
    }

    /// <summary>Errors found before the first content (validation, provider down) are ordinary error responses;
    /// once the stream has begun, a failure is an <c>error</c> event carrying the same error object.</summary>
    public static async Task<IResult> StreamPost(
        GeneratePostRequest request, HttpContext http, [FromServices] IValidator<GeneratePostRequest> validator,
        [FromServices] AiGenerator generator, [FromServices] AiAudit audit, [FromServices] IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, [FromServices] ILogger<AiGenerator> logger, [FromServices] AppDbContext db, CancellationToken cancellationToken)
    {
        if (await validator.ValidateAsync(request, cancellationToken) is { IsValid: false } invalid)
        {
            return invalid.ToProblem();
        }
        var brief = request.ToBrief(await UserLanguageAsync(db, http, cancellationToken));
        var row = audit.Begin(http.User.UserId(), AiPrompts.Post(brief).Type);
        var options = json.Value.SerializerOptions;
        var events = generator.StreamPostAsync(brief, cancellationToken).GetAsyncEnumerator(cancellationToken);
        try
        {
            while (await NextAsync(events, audit, row, http, logger))
            {
                if (!http.Response.HasStarted)
                {
                    http.Response.ContentType = "text/event-stream";
                    http.Response.Headers.CacheControl = "no-cache";
                }
                switch (events.Current)
                {
                    case PostDelta delta:
                        await SendAsync(http, "delta", new StreamDelta(delta.Text), options, cancellationToken);
                        break;
                    case PostRestart restart:
                        await SendAsync(http, "restart", new StreamRestart(restart.Reason), options, cancellationToken);
                        break;
                    case PostCompleted completed:
                        await audit.SucceededAsync(row, completed.Result);
                        await SendAsync(http, "done", ToResponse(completed.Result, row.Id), options, cancellationToken);
                        break;
                }
            }
        }
        catch (ApiProblemException e) when (http.Response.HasStarted)
        {
            await SendAsync(http, "error", new ErrorEnvelope(e.Problem.ToError(http)), options, CancellationToken.None);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await audit.CancelledAsync(row);
        }
        finally
        {
            await events.DisposeAsync();
        }
        return TypedResults.Empty;
    }

    private static async Task<bool> NextAsync(IAsyncEnumerator<PostStreamEvent> events, AiAudit audit, Core.Ai.AiGeneration row,
        HttpContext http, ILogger logger)
    {
        try
        {
            return await events.MoveNextAsync();
        }
        catch (AiGenerationException e)
        {
            await audit.FailedAsync(row, e);
            throw new ApiProblemException(ProblemFor(e, row.Id, http, logger));
        }
    }

    private static async Task<AiResult<T>> Audited<T>(HttpContext http, AiAudit audit, Core.Ai.AiGeneration row,
        Func<CancellationToken, Task<AiResult<T>>> generate, CancellationToken cancellationToken)
    {
        try
        {
            return await audit.RunAsync(row, generate, cancellationToken);
        }
        catch (AiGenerationException e)
        {
            var logger = http.RequestServices.GetRequiredService<ILogger<AiGenerator>>();
            throw new ApiProblemException(ProblemFor(e, row.Id, http, logger));
        }
    }

    /// <summary>The AI writes in the user's stored language (Settings), not the request's.</summary>
    private static async Task<string> UserLanguageAsync(AppDbContext db, HttpContext http, CancellationToken ct)
    {
        var userId = http.User.UserId();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.Language).SingleOrDefaultAsync(ct) ?? Languages.Default;
    }

    private static ApiProblem ProblemFor(AiGenerationException e, Guid generationId, HttpContext http, ILogger logger)
    {
        LogFailed(logger, generationId, e.Failure, http.Request.Path, e.Message);
        return e.Failure == AiFailure.BadOutput
            ? ApiProblem.BadGateway(ApiText.Of("Ai.UnusableAnswer", generationId))
            : ApiProblem.ServiceUnavailable(ApiText.Of("Ai.ProviderUnavailable", (int)ProviderRetryAfter.TotalSeconds, generationId),
                ProviderRetryAfter);
    }

    private static PostResponse ToResponse(AiResult<PostAnswer> result, Guid generationId) =>
        new(result.Answer.Content, result.Answer.Hashtags, AiLimits.CharacterCount(result.Answer.Content), generationId,
            result.TokensUsed, result.DurationMs);

    private static async Task SendAsync<T>(HttpContext http, string name, T data, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        await http.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, options)}\n\n", cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }

    private static string Iso(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "AI generation {GenerationId} failed ({Failure}) on {Path}: {Reason}")]
    private static partial void LogFailed(ILogger logger, Guid generationId, AiFailure failure, string path, string reason);
}
