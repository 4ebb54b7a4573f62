using System.Text.Json;
using SocialPlanner.Core.Auth;
using SocialPlanner.Core.Publishing;
using SocialPlanner.Core.Templates;

namespace SocialPlanner.Core.Posts;

public class Post
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public PostPlatform Platform { get; set; }
    public string Content { get; set; } = "";
    public List<string> Hashtags { get; set; } = [];
    /// <summary>Published as a comment on the new post right after it is live (issue #17 §3), on every platform of the
    /// post unless <see cref="FirstCommentLinkedin"/> or <see cref="FirstCommentInstagram"/> says otherwise.</summary>
    public string? FirstComment { get; set; }
    public string? FirstCommentLinkedin { get; set; }
    public string? FirstCommentInstagram { get; set; }
    public PostStatus Status { get; set; } = PostStatus.Draft;
    public string? IdeaSource { get; set; }
    public bool AiGenerated { get; set; }
    public int? Rating { get; set; }
    public DateTimeOffset? ScheduledAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? ErrorMessage { get; set; }
    /// <summary><see cref="ErrorMessage"/> in every language the app speaks (<c>jsonb</c>, <see cref="Localisation.Translations"/>).</summary>
    public string? ErrorTexts { get; set; }
    public Guid? TemplateId { get; set; }
    public JsonDocument Metadata { get; set; } = JsonDocument.Parse("{}");
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public AppUser? User { get; set; }
    public Template? Template { get; set; }
    public List<PostMedia> Media { get; set; } = [];
    public List<PostPublication> Publications { get; set; } = [];
}
