using System.Net;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social;
using SocialPlanner.Core.Social.Instagram;
using SocialPlanner.Core.Social.LinkedIn;

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
        var retry = FirstCommentRules.Decide(new CommentOutcome.NotPosted("busy"), SocialPlatform.Linkedin, 1, Now, Options);
        var last = FirstCommentRules.Decide(new CommentOutcome.NotPosted("busy"), SocialPlatform.Linkedin, Options.MaxAttempts, Now, Options);

        Assert.Equal(new CommentChange(CommentStatus.Pending, null, "busy", Now + Options.RetryBaseDelay), retry);
        Assert.Equal(CommentStatus.Failed, last.Status);
        Assert.Contains("given up after 3 attempts", last.Error);
    }

    [Fact]
    public void An_unknown_outcome_is_looked_up_on_Instagram_but_never_sent_again_on_LinkedIn()
    {
        var instagram = FirstCommentRules.Decide(new CommentOutcome.Unknown("500"), SocialPlatform.Instagram, 1, Now, Options);
        var linkedIn = FirstCommentRules.Decide(new CommentOutcome.Unknown("500"), SocialPlatform.Linkedin, 1, Now, Options);

        Assert.Equal(new CommentChange(CommentStatus.Sending, null, "500", Now + Options.ReconcileDelay), instagram);
        Assert.Equal(CommentStatus.Failed, linkedIn.Status);
        Assert.Contains("not sent again", linkedIn.Error);
    }

    [Fact]
    public void Platform_answers_read_as_refused_retryable_or_unknown()
    {
        Assert.IsType<CommentOutcome.Unknown>(FirstCommentRules.Classify(new GraphApiException(HttpStatusCode.InternalServerError, 2, null, true, "x"), SocialPlatform.Instagram));
        Assert.IsType<CommentOutcome.NotPosted>(FirstCommentRules.Classify(new GraphApiException(HttpStatusCode.BadRequest, 4, null, false, "x"), SocialPlatform.Instagram));
        Assert.Equal(new CommentOutcome.Refused("Instagram refused the comment: off"),
            FirstCommentRules.Classify(new GraphApiException(HttpStatusCode.BadRequest, 100, null, false, "off"), SocialPlatform.Instagram));
        Assert.Equal(new CommentOutcome.NotPosted("LinkedIn is throttling this account.", TimeSpan.FromSeconds(3)),
            FirstCommentRules.Classify(new LinkedInApiException(HttpStatusCode.TooManyRequests, null, "slow", TimeSpan.FromSeconds(3)), SocialPlatform.Linkedin));
        Assert.IsType<CommentOutcome.Unknown>(FirstCommentRules.Classify(new TimeoutException(), SocialPlatform.Linkedin));
    }

    [Fact]
    public void Our_comment_is_found_among_the_posts_comments_by_its_text()
    {
        Assert.Equal("2", FirstCommentRules.FindOwn([new InstagramComment("1", "Nice!"), new InstagramComment("2", "Link in bio ")], "Link in bio"));
        Assert.Null(FirstCommentRules.FindOwn([new InstagramComment("1", "Nice!")], "Link in bio"));
    }
}
