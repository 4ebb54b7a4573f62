using System.Net;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Social.Instagram;
using SocialPlanner.Core.Social.LinkedIn;
using SocialPlanner.Core.Localisation;

namespace SocialPlanner.Tests.Publishing;

/// <summary>Issue #17 §3's pure rules: which comment each platform gets, the limits checked before scheduling, and what
/// follows each answer to a comment call.</summary>
public sealed class FirstCommentRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly PublishingOptions Options = new();

    [Fact]
    public void A_platforms_own_comment_replaces_the_shared_one_and_blank_means_none()
    {
        var comments = new FirstComments("Shared", "  ", "Instagram's");

        Assert.Equal("Shared", comments.For(SocialPlatform.Linkedin));
        Assert.Equal("Instagram's", comments.For(SocialPlatform.Instagram));
        Assert.Null(new FirstComments(" ", null, null).For(SocialPlatform.Instagram));
    }

    [Fact]
    public void Instagram_counts_hashtags_across_caption_and_comment_and_each_platform_its_own_length()
    {
        var caption = string.Join(' ', Enumerable.Range(1, 25).Select(i => $"#a{i}"));
        var comments = new FirstComments(string.Join(' ', Enumerable.Range(1, 6).Select(i => $"#b{i}")) + " #a1", new string('x', 1_251), null);

        var violations = comments.Violations(PostPlatform.Both, caption, []);

        Assert.Equal(
            ["LinkedIn comments are limited to 1,250 characters (the first comment has 1,251)",
             "Instagram allows 30 hashtags across the caption and the first comment (these have 31)"],
            violations);
        Assert.Empty(comments.Violations(PostPlatform.Instagram, "No tags", []));
    }

    [Fact]
    public void A_comment_not_posted_for_a_passing_reason_is_retried_with_back_off_then_given_up()
    {
        var retry = FirstCommentRules.Decide(new CommentOutcome.NotPosted(Sentence.Verbatim("busy")), SocialPlatform.Linkedin, 1, Now, Options);
        var last = FirstCommentRules.Decide(new CommentOutcome.NotPosted(Sentence.Verbatim("busy")), SocialPlatform.Linkedin, Options.MaxAttempts, Now, Options);

        Assert.Equal((CommentStatus.Pending, null, "busy", Now + Options.RetryBaseDelay), (retry.Status, retry.ExternalId, retry.ErrorMessage, retry.DueAt));
        Assert.Equal(CommentStatus.Failed, last.Status);
        Assert.Contains("given up after 3 attempts", last.ErrorMessage);
    }

    [Fact]
    public void An_unknown_outcome_is_looked_up_on_Instagram_but_never_sent_again_on_LinkedIn()
    {
        var instagram = FirstCommentRules.Decide(new CommentOutcome.Unknown(Sentence.Verbatim("500")), SocialPlatform.Instagram, 1, Now, Options);
        var linkedIn = FirstCommentRules.Decide(new CommentOutcome.Unknown(Sentence.Verbatim("500")), SocialPlatform.Linkedin, 1, Now, Options);

        Assert.Equal((CommentStatus.Sending, null, "500", Now + Options.ReconcileDelay), (instagram.Status, instagram.ExternalId, instagram.ErrorMessage, instagram.DueAt));
        Assert.Equal(CommentStatus.Failed, linkedIn.Status);
        Assert.Contains("not sent again", linkedIn.ErrorMessage);
    }

    [Fact]
    public void Platform_answers_read_as_refused_retryable_or_unknown()
    {
        Assert.IsType<CommentOutcome.Unknown>(FirstCommentRules.Classify(new GraphApiException(HttpStatusCode.InternalServerError, 2, null, true, "x"), SocialPlatform.Instagram));
        Assert.IsType<CommentOutcome.NotPosted>(FirstCommentRules.Classify(new GraphApiException(HttpStatusCode.BadRequest, 4, null, false, "x"), SocialPlatform.Instagram));
        var refused = Assert.IsType<CommentOutcome.Refused>(
            FirstCommentRules.Classify(new GraphApiException(HttpStatusCode.BadRequest, 100, null, false, "off"), SocialPlatform.Instagram));
        Assert.Equal("Instagram refused the comment: off", refused.Reason.InEnglish());
        Assert.Equal("Instagram a refusé le commentaire : off", refused.Reason.In("fr"));
        var throttled = Assert.IsType<CommentOutcome.NotPosted>(
            FirstCommentRules.Classify(new LinkedInApiException(HttpStatusCode.TooManyRequests, null, "slow", TimeSpan.FromSeconds(3)), SocialPlatform.Linkedin));
        Assert.Equal(("LinkedIn is throttling this account.", TimeSpan.FromSeconds(3)), (throttled.Reason.InEnglish(), throttled.RetryAfter));
        Assert.IsType<CommentOutcome.Unknown>(FirstCommentRules.Classify(new TimeoutException(), SocialPlatform.Linkedin));
    }

    [Fact]
    public void Our_comment_is_found_among_the_posts_comments_by_its_text()
    {
        Assert.Equal("2", FirstCommentRules.FindOwn([new InstagramComment("1", "Nice!"), new InstagramComment("2", "Link in bio ")], "Link in bio"));
        Assert.Null(FirstCommentRules.FindOwn([new InstagramComment("1", "Nice!")], "Link in bio"));
    }
}
