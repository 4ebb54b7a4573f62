using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Tests.Publishing;

public sealed class PostStateTests
{
    private static readonly DateTimeOffset T1 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static PublicationSnapshot Row(SocialPlatform platform, PublicationStatus status, DateTimeOffset? at = null, string? error = null) =>
        new(platform, status, at, error);

    [Fact]
    public void A_post_for_both_platforms_is_published_only_when_both_are()
    {
        var half = PostState.Combine([Row(SocialPlatform.Linkedin, PublicationStatus.Published, T1), Row(SocialPlatform.Instagram, PublicationStatus.Sending)]);
        var all = PostState.Combine([Row(SocialPlatform.Linkedin, PublicationStatus.Published, T1), Row(SocialPlatform.Instagram, PublicationStatus.Published, T1.AddSeconds(3))]);

        Assert.Equal(PostStatus.Scheduled, half.Status);
        Assert.Equal(new PostState(PostStatus.Published, T1.AddSeconds(3), null), all);
    }

    [Fact]
    public void A_post_fails_as_soon_as_one_platform_failed_for_good_naming_it()
    {
        var state = PostState.Combine([Row(SocialPlatform.Linkedin, PublicationStatus.Published, T1), Row(SocialPlatform.Instagram, PublicationStatus.Failed, error: "no image")]);

        Assert.Equal(PostStatus.Failed, state.Status);
        Assert.Equal("Instagram: no image", state.ErrorMessage);
        Assert.Equal(T1, state.PublishedAt);
    }

    [Fact]
    public void Cancelled_publications_do_not_count()
    {
        var state = PostState.Combine([Row(SocialPlatform.Linkedin, PublicationStatus.Published, T1), Row(SocialPlatform.Instagram, PublicationStatus.Cancelled)]);

        Assert.Equal(PostStatus.Published, state.Status);
        Assert.Equal(PostStatus.Draft, PostState.Combine([Row(SocialPlatform.Linkedin, PublicationStatus.Cancelled)]).Status);
    }

    [Fact]
    public void Both_targets_two_platforms() =>
        Assert.Equal([SocialPlatform.Linkedin, SocialPlatform.Instagram], PublicationScheduler.TargetsOf(PostPlatform.Both));
}
