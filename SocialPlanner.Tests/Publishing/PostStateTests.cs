using SocialPlanner.Core.Localisation;
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
    public void Two_failed_platforms_are_described_in_each_language_from_their_stored_translations()
    {
        var linkedIn = Row(SocialPlatform.Linkedin, PublicationStatus.Failed, error: "refused") with
        {
            ErrorTexts = Translations.Serialize(new Dictionary<string, string> { ["en"] = "refused", ["fr"] = "refusé" }),
        };
        // Written before translations were stored: its English reason stands in every language.
        var instagram = Row(SocialPlatform.Instagram, PublicationStatus.Failed, error: "no image");

        var state = PostState.Combine([instagram, linkedIn]);

        Assert.Equal("LinkedIn: refused Instagram: no image", state.ErrorMessage);
        Assert.Equal("LinkedIn : refusé Instagram : no image", Translations.Pick(state.ErrorTexts, state.ErrorMessage, "fr"));
        Assert.Equal(state.ErrorMessage, Translations.Pick(state.ErrorTexts, state.ErrorMessage, "en"));
        Assert.Null(PostState.Combine([instagram]).ErrorTexts);
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
