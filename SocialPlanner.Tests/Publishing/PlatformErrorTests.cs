using System.Net;
using SocialPlanner.Core.Publishing.Platforms;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social.Instagram;
using SocialPlanner.Core.Social.LinkedIn;

namespace SocialPlanner.Tests.Publishing;

public sealed class PlatformErrorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_LinkedIn_duplicate_answer_to_a_reconciling_send_counts_as_published_with_the_urn_it_names()
    {
        const string body = """
            { "status": 422, "message": "com.linkedin.content.common.exception.BadRequestResponseException: Content is a duplicate of urn:li:share:7400000000000000001",
              "errorDetails": { "inputErrors": [ { "code": "DUPLICATE_POST", "description": "Duplicate post is detected", "input": {} } ] } }
            """;
        var (code, message) = LinkedInErrorBody.Parse(body);

        var failure = new LinkedInApiException(HttpStatusCode.UnprocessableEntity, code, message, null);

        Assert.Equal(LinkedInErrors.DuplicatePost, code);
        Assert.Equal("urn:li:share:7400000000000000001",
            Assert.IsType<PublishOutcome.Published>(LinkedInErrors.ClassifyPostFailure(failure, maybeOut: true)).ExternalId);
        // On a first send the duplicate is an earlier post with the same text: this one was refused, for good.
        var refused = Assert.IsType<PublishOutcome.NotSent>(LinkedInErrors.ClassifyPostFailure(failure, maybeOut: false));
        Assert.False(refused.Transient);
        Assert.Contains("https://www.linkedin.com/feed/update/urn:li:share:7400000000000000001/", refused.Reason.InEnglish());
        // On a later send too, when the post it names is known to be another one.
        var another = Assert.IsType<PublishOutcome.NotSent>(LinkedInErrors.ClassifyPostFailure(failure, maybeOut: true,
            couldBeThisPost: urn => urn != "urn:li:share:7400000000000000001"));
        Assert.False(another.Transient);
    }

    [Fact]
    public void A_LinkedIn_5xx_after_sending_is_ambiguous_and_a_429_is_retryable()
    {
        Assert.IsType<PublishOutcome.Ambiguous>(LinkedInErrors.ClassifyPostFailure(new LinkedInApiException(HttpStatusCode.InternalServerError, null, "boom", null), false));
        var throttled = Assert.IsType<PublishOutcome.NotSent>(LinkedInErrors.ClassifyPostFailure(
            new LinkedInApiException(HttpStatusCode.TooManyRequests, null, "slow down", TimeSpan.FromSeconds(30)), false));
        Assert.True(throttled.Transient);
        Assert.Equal(TimeSpan.FromSeconds(30), throttled.RetryAfter);
    }

    [Fact]
    public void A_timeout_after_sending_is_ambiguous_but_a_refused_connection_is_not()
    {
        Assert.IsType<PublishOutcome.Ambiguous>(LinkedInErrors.ClassifyPostFailure(new TaskCanceledException("timeout"), false));
        var refused = LinkedInErrors.ClassifyPostFailure(new HttpRequestException(HttpRequestError.ConnectionError, "refused"), false);
        Assert.True(Assert.IsType<PublishOutcome.NotSent>(refused).Transient);
    }

    [Fact]
    public void A_LinkedIn_401_asks_for_a_token_refresh() =>
        Assert.IsType<PublishOutcome.TokenRejected>(LinkedInErrors.ClassifyPostFailure(new LinkedInApiException(HttpStatusCode.Unauthorized, null, "Invalid access token", null), false));

    [Fact]
    public void Instagram_over_its_publishing_limit_is_deferred_not_failed()
    {
        var limit = GraphApiException.From(HttpStatusCode.BadRequest, """{"error":{"message":"limit","code":9,"error_subcode":2207042}}""");

        var outcome = InstagramErrors.ClassifyPublish(limit, Now, TimeSpan.FromHours(1));

        Assert.Equal(Now.AddHours(1), Assert.IsType<PublishOutcome.QuotaExhausted>(outcome).RetryAt);
    }

    [Fact]
    public void Instagram_5xx_on_media_publish_is_ambiguous_but_on_container_creation_is_retryable()
    {
        var failure = GraphApiException.From(HttpStatusCode.InternalServerError, "oops");

        Assert.IsType<PublishOutcome.Ambiguous>(InstagramErrors.ClassifyPublish(failure, Now, TimeSpan.FromHours(1)));
        Assert.True(Assert.IsType<PublishOutcome.NotSent>(InstagramErrors.ClassifyPreparation(failure, Now, TimeSpan.FromHours(1))).Transient);
    }

    [Fact]
    public void Instagram_expired_token_asks_for_a_refresh_and_action_blocked_is_final()
    {
        var expired = GraphApiException.From(HttpStatusCode.BadRequest, """{"error":{"message":"expired","code":190,"error_subcode":463}}""");
        var blocked = GraphApiException.From(HttpStatusCode.BadRequest, """{"error":{"message":"blocked","code":4,"error_subcode":2207051}}""");

        Assert.IsType<PublishOutcome.TokenRejected>(InstagramErrors.ClassifyPublish(expired, Now, TimeSpan.FromHours(1)));
        Assert.IsType<PublishOutcome.NotSent>(InstagramErrors.ClassifyPublish(blocked, Now, TimeSpan.FromHours(1)));
    }
}
