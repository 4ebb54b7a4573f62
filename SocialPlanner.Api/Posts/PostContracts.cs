using System.Text.Json;
using SocialPlanner.Core.Localisation;
using SocialPlanner.Core.Media;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Api.Posts;

public sealed record PostMediaDto(Guid Id, string Url, MediaType Type);

public sealed record TemplateRefDto(Guid Id, string Name);

/// <summary>A post in a list. <c>error_message</c> says why a failed post did not go out, so lists can show it, in the
/// reader's language (<see cref="Translations"/>; English for rows older than the translations).</summary>
public sealed record PostSummaryDto(
    Guid Id, PostPlatform Platform, string Content, PostStatus Status, bool AiGenerated, int? Rating,
    DateTimeOffset? ScheduledAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<PostMediaDto> Media,
    DateTimeOffset? PublishedAt, string? ErrorMessage);

/// <summary>The full post object of the spec, plus the entity's <c>error_message</c> (why publishing failed) and the
/// first comments (issue #17 §3: <c>first_comment</c> for every platform of the post, the per-platform ones replacing it).</summary>
public sealed record PostDto(
    Guid Id, Guid UserId, PostPlatform Platform, string Content, IReadOnlyList<string> Hashtags, PostStatus Status,
    string? IdeaSource, bool AiGenerated, int? Rating, DateTimeOffset? ScheduledAt, DateTimeOffset? PublishedAt,
    Guid? TemplateId, JsonElement Metadata, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<PostMediaDto> Media, TemplateRefDto? Template, string? ErrorMessage, IReadOnlyList<PublicationDto> Publications,
    string? FirstComment, string? FirstCommentLinkedin, string? FirstCommentInstagram);

/// <summary>Where a post went out (or failed to) on one network: an addition to the spec's post object, so a published
/// post can link to itself on the network; with its first comment's own state (<c>none</c> when it has none) and why
/// that comment failed.</summary>
public sealed record PublicationDto(SocialPlatform Platform, PublicationStatus Status, string? ExternalUrl, DateTimeOffset? PublishedAt, string? ErrorMessage,
    CommentStatus CommentStatus, string? CommentError);

public sealed record PostListMeta(int Total, bool HasMore, Guid? NextCursor);

public sealed record RateRequest(int? Rating);

/// <summary>The columns a post list reads (a projection, not the entity), and its media in their order.</summary>
public sealed record PostSummaryRow(
    Guid Id, PostPlatform Platform, string Content, PostStatus Status, bool AiGenerated, int? Rating, DateTimeOffset? ScheduledAt,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? PublishedAt, string? ErrorMessage, string? ErrorTexts,
    List<PostMediaRow> Media);

public sealed record PostMediaRow(Guid Id, string StoragePath, MediaType Type);

/// <summary>The filters of GET /api/content/posts, gathered so one validator checks them.</summary>
public sealed record ListPostsQuery(string? Status, string? Platform, int? Limit);

public static class PostMapping
{
    public static PostSummaryDto ToSummary(this PostSummaryRow post, SignedMediaLinks links) => new(
        post.Id, post.Platform, post.Content, post.Status, post.AiGenerated, post.Rating, post.ScheduledAt,
        post.CreatedAt, post.UpdatedAt, [.. post.Media.Select(m => MediaDto(m.Id, m.StoragePath, m.Type, links))],
        post.PublishedAt, Translations.Pick(post.ErrorTexts, post.ErrorMessage));

    /// <summary>The whole post; its publications when they were loaded (a post's read loads them). Errors read in the
    /// request's language.</summary>
    public static PostDto ToDto(this Post post, SignedMediaLinks links) => new(
        post.Id, post.UserId, post.Platform, post.Content, post.Hashtags, post.Status, post.IdeaSource, post.AiGenerated,
        post.Rating, post.ScheduledAt, post.PublishedAt, post.TemplateId, post.Metadata.RootElement, post.CreatedAt,
        post.UpdatedAt, MediaOf(post, links), post.Template is { } t ? new TemplateRefDto(t.Id, t.Name) : null,
        Translations.Pick(post.ErrorTexts, post.ErrorMessage),
        [.. post.Publications.OrderBy(p => p.Platform)
            .Select(p => new PublicationDto(p.Platform, p.Status, p.ExternalUrl, p.PublishedAt, Translations.Pick(p.ErrorTexts, p.ErrorMessage),
                p.CommentStatus, Translations.Pick(p.CommentErrorTexts, p.CommentError)))],
        post.FirstComment, post.FirstCommentLinkedin, post.FirstCommentInstagram);

    /// <summary>Links are signed when the post is read (list or one post); the media row's url is not a usable link.</summary>
    private static List<PostMediaDto> MediaOf(Post post, SignedMediaLinks links) =>
        post.Media.OrderBy(m => m.Order)
            .Where(m => m.Media is not null)
            .Select(m => MediaDto(m.MediaId, m.Media!.StoragePath, m.Media.Type, links))
            .ToList();

    private static PostMediaDto MediaDto(Guid id, string storagePath, MediaType type, SignedMediaLinks links) =>
        new(id, links.Url(storagePath).AbsoluteUri, type);
}
