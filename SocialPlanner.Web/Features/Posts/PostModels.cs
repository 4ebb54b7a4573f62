using System.Text.Json;

namespace SocialPlanner.Web.Features.Posts;

public enum PostPlatform { Linkedin, Instagram, Both }

public enum PostStatus { Draft, Scheduled, Published, Failed }

public enum MediaType { Image, Video }

public sealed record PostMedia(Guid Id, string Url, MediaType Type, string? ThumbnailUrl = null, string? AltText = null);

public sealed record TemplateRef(Guid Id, string Name);

/// <summary>A post as the list endpoint returns it.</summary>
public sealed record PostSummary(
    Guid Id, PostPlatform Platform, string Content, PostStatus Status, bool AiGenerated, int? Rating,
    DateTimeOffset? ScheduledAt, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<PostMedia> Media,
    DateTimeOffset? PublishedAt = null, string? ErrorMessage = null);

/// <summary>The full post object.</summary>
public sealed record Post(
    Guid Id, PostPlatform Platform, string Content, IReadOnlyList<string> Hashtags, PostStatus Status,
    string? IdeaSource, bool AiGenerated, int? Rating, DateTimeOffset? ScheduledAt, DateTimeOffset? PublishedAt,
    Guid? TemplateId, JsonElement? Metadata, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<PostMedia> Media, TemplateRef? Template, string? ErrorMessage = null,
    IReadOnlyList<PostPublication>? Publications = null,
    string? FirstComment = null, string? FirstCommentLinkedin = null, string? FirstCommentInstagram = null);

/// <summary>Where the post went out on one network ("linkedin"/"instagram", "published"/…), with its link there, and
/// its first comment's state ("none", "pending", "sending", "published", "failed") and why that comment failed.</summary>
public sealed record PostPublication(string Platform, string Status, string? ExternalUrl, DateTimeOffset? PublishedAt, string? ErrorMessage,
    string CommentStatus = "none", string? CommentError = null);

public sealed record PostListMeta(int Total, bool HasMore, Guid? NextCursor);

public sealed record PostPage(IReadOnlyList<PostSummary> Items, PostListMeta Meta);

public sealed record PublishNowRequest(Guid PostId);

/// <summary>Who a network's preview shows as the author: the connected account.</summary>
public sealed record ConnectedAccount(string Name, string? PictureUrl);

public sealed record PublishOutcome(bool Published);

public sealed record PostQuery(PostStatus? Status = null, PostPlatform? Platform = null, string? Search = null, Guid? Cursor = null, int Limit = 20);

public sealed record CreatePostRequest(
    PostPlatform Platform, string Content, IReadOnlyList<string>? Hashtags = null, string? IdeaSource = null,
    bool? AiGenerated = null, IReadOnlyList<Guid>? MediaIds = null, Guid? TemplateId = null,
    string? FirstComment = null, string? FirstCommentLinkedin = null, string? FirstCommentInstagram = null);

/// <summary>A save from the editor: every editable field, plus the version it was edited from (optimistic locking).</summary>
public sealed record UpdatePostRequest(
    PostPlatform Platform, string Content, IReadOnlyList<string> Hashtags, IReadOnlyList<Guid> MediaIds,
    DateTimeOffset? UpdatedAt, string? FirstComment = null, string? FirstCommentLinkedin = null, string? FirstCommentInstagram = null);

public sealed record RateRequest(int Rating);

public static class PostText
{
    public static string Describe(PostPlatform platform) => platform switch
    {
        PostPlatform.Linkedin => "LinkedIn",
        PostPlatform.Instagram => "Instagram",
        _ => "LinkedIn + Instagram",
    };

    public static string Describe(PostStatus status) => status switch
    {
        PostStatus.Draft => "Draft",
        PostStatus.Scheduled => "Scheduled",
        PostStatus.Published => "Published",
        _ => "Failed",
    };

    public static string Preview(string content, int length = 80)
    {
        var line = content.ReplaceLineEndings(" ").Trim();
        return line.Length <= length ? line : line[..length].TrimEnd() + "…";
    }
}
