namespace SocialPlanner.Core.Posts;

/// <summary>The spec's <c>posts_media</c> join row, ordered for carousels.</summary>
public class PostMedia
{
    public Guid PostId { get; set; }
    public Guid MediaId { get; set; }
    public int Order { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public Post? Post { get; set; }
    public Media.MediaItem? Media { get; set; }
}
