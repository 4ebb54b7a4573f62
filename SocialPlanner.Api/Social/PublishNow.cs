using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialPlanner.Api.Calendar;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Api.Posts;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Localisation;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Api.Social;

/// <summary>"Publish now" is a schedule due now: the post's publications are armed through the scheduler (which
/// wakes the dispatchers), and the Worker publishes it exactly as it would at a planned time, with the same
/// exactly-once guarantees. A post for both platforms goes out on both; the answer reports the requested one.</summary>
public static class PublishNow
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public static async Task<Results<Ok<Envelope<object>>, Accepted<Envelope<PublicationStateDto>>, ApiProblem>> HandleAsync(
        string platform, PublishNowRequest request, ClaimsPrincipal user, AppDbContext db, PublicationScheduler scheduler,
        TimeProvider clock, IOptions<SocialOptions> options, CancellationToken ct)
    {
        if (SocialRoutes.Parse(platform) is not { } target)
        {
            return SocialApi.UnknownPlatform();
        }
        if (request.PostId is not { } postId)
        {
            return ApiProblem.Validation("post_id", RequestValidation.Required);
        }
        var userId = user.UserId();
        var post = await PostStore.FindAsync(db, userId, postId, tracked: true, ct);
        if (post is null)
        {
            return ApiProblem.NotFound("Post");
        }
        if (!PublicationScheduler.TargetsOf(post.Platform).Contains(target))
        {
            return ApiProblem.BusinessRule("Social.NotMeantFor", PostState.PlatformName(target));
        }
        var existing = await PublicationAsync(db, postId, target, ct);
        if (existing is { Status: PublicationStatus.Published })
        {
            return Published(target, existing);
        }
        var connection = await db.SocialConnections.AsNoTracking()
            .SingleOrDefaultAsync(c => c.UserId == userId && c.Platform == target && c.IsActive, ct);
        if (connection is null || connection.ReconnectNeeded)
        {
            return ApiProblem.Unauthorized(connection is null ? "Social.ConnectFirst" : "Social.ReconnectFirst",
                PostState.PlatformName(target));
        }
        if (await db.Users.AnyAsync(u => u.Id == userId && u.PublishingPausedAt != null, ct))
        {
            return ApiProblem.BusinessRule("Social.Paused");
        }
        var violations = PlatformRules.For(post);
        if (violations.Count > 0)
        {
            return ApiProblem.RulesBroken(violations);
        }

        if (await Conflicts.SaveAsync(() => scheduler.ScheduleAsync(post, clock.GetDbNow(), ct), ConflictSubject.Post) is { } failed)
        {
            return failed;
        }

        var publication = await AwaitOutcomeAsync(db, postId, target, clock, options.Value.PublishNowWait, ct);
        return publication switch
        {
            { Status: PublicationStatus.Published } => Published(target, publication),
            { Status: PublicationStatus.Failed } => await FailureAsync(db, userId, target, publication, ct),
            { Status: PublicationStatus.Pending, Attempts: > 0 } => ApiProblem.ServiceUnavailable(
                ApiText.Of("Social.NotAccepting", PostState.PlatformName(target), Reason(publication)),
                publication.DueAt - clock.GetUtcNow()),
            _ => TypedResults.Accepted($"/api/content/posts/{postId}", Envelope.Of(new PublicationStateDto(
                postId, target, publication.Status, publication.Attempts, publication.DueAt, Reason(publication)))),
        };
    }

    /// <summary>Polls the publication until it is settled (published, failed, or retrying after a failure) or the
    /// wait is over; the Worker writes no notification of outcomes, and a few cheap reads cost less than one.</summary>
    private static async Task<PostPublication> AwaitOutcomeAsync(
        AppDbContext db, Guid postId, SocialPlatform target, TimeProvider clock, TimeSpan wait, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + wait;
        while (true)
        {
            var publication = await PublicationAsync(db, postId, target, ct)
                ?? throw new InvalidOperationException("The scheduler armed no publication for the requested platform.");
            var settled = publication.Status is PublicationStatus.Published or PublicationStatus.Failed or PublicationStatus.Cancelled
                || publication is { Status: PublicationStatus.Pending, Attempts: > 0 };
            if (settled || clock.GetUtcNow() >= deadline)
            {
                return publication;
            }
            await Task.Delay(PollInterval, clock, ct);
        }
    }

    private static Task<PostPublication?> PublicationAsync(AppDbContext db, Guid postId, SocialPlatform target, CancellationToken ct) =>
        db.PostPublications.AsNoTracking().SingleOrDefaultAsync(p => p.PostId == postId && p.Platform == target, ct);

    private static Ok<Envelope<object>> Published(SocialPlatform target, PostPublication publication) =>
        TypedResults.Ok(Envelope.Of<object>(target == SocialPlatform.Linkedin
            ? new LinkedInPublishedDto(true, publication.ExternalId, publication.PublishedAt)
            : new InstagramPublishedDto(true, publication.ExternalId, publication.PublishedAt)));

    /// <summary>Why the publication is not out, in the request's language (the Worker stores it in every language).</summary>
    private static string? Reason(PostPublication publication) => Translations.Pick(publication.ErrorTexts, publication.ErrorMessage);

    /// <summary>The spec's error classes: a dead authorization is 401 (reconnect), an unconfirmed send is 502 (the
    /// user must look at their account), anything else the platform refused about the post is 422.</summary>
    private static async Task<ApiProblem> FailureAsync(
        AppDbContext db, Guid userId, SocialPlatform target, PostPublication publication, CancellationToken ct)
    {
        // The stored reason is the Worker's record of what the platform said, in the reader's language.
        var message = Reason(publication) is { } stored ? ApiText.Verbatim(stored) : ApiText.Of("Social.Refused");
        var usable = await db.SocialConnections.AnyAsync(c => c.UserId == userId && c.Platform == target && c.IsActive && !c.ReconnectNeeded, ct);
        if (!usable)
        {
            return ApiProblem.Unauthorized(message);
        }
        return publication.ErrorMessage == PublicationRules.UnconfirmedMessage
            ? ApiProblem.BadGateway(message)
            : ApiProblem.BusinessRule(message);
    }
}
