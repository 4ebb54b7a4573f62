using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SocialPlanner.Api.Infrastructure;
using SocialPlanner.Core.Data;
using SocialPlanner.Core.Insights;
using SocialPlanner.Core.Media;
using SocialPlanner.Core.Posts;

namespace SocialPlanner.Api.Posts;

/// <summary>Loading a user's post with what its response shows, and applying a client's changes to it.</summary>
internal static class PostStore
{
    public static Task<Post?> FindAsync(AppDbContext db, Guid userId, Guid id, bool tracked, CancellationToken ct)
    {
        var posts = tracked ? db.Posts : db.Posts.AsNoTracking();
        return posts.Where(p => p.Id == id && p.UserId == userId)
            .Include(p => p.Template)
            .Include(p => p.Media).ThenInclude(m => m.Media)
            .AsSplitQuery()
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>Applies the fields present in <paramref name="input"/>; answers the problem instead when a referenced
    /// media or template isn't the user's (400) or the result breaks a platform rule (422).</summary>
    public static async Task<ApiProblem?> ApplyAsync(AppDbContext db, Post post, PostInput input, DateTimeOffset now, CancellationToken ct)
    {
        if (input.TemplateId is { IsSet: true, Value: { } templateId }
            && !await db.Templates.AnyAsync(t => t.Id == templateId && t.UserId == post.UserId, ct))
        {
            return ApiProblem.Validation("template_id", "Posts.UnknownTemplate");
        }

        var media = await MediaFactsAsync(db, post, input, ct);
        if (media is null)
        {
            return ApiProblem.Validation("media_ids", "Posts.UnknownMedia");
        }

        var platform = input.Platform.IsSet ? input.Platform.Value : post.Platform;
        var content = input.Content.IsSet ? input.Content.Value : post.Content;
        var hashtags = input.Hashtags.IsSet ? input.Hashtags.Value : post.Hashtags;
        var comments = new FirstComments(
            input.FirstComment.IsSet ? input.FirstComment.Value : post.FirstComment,
            input.FirstCommentLinkedin.IsSet ? input.FirstCommentLinkedin.Value : post.FirstCommentLinkedin,
            input.FirstCommentInstagram.IsSet ? input.FirstCommentInstagram.Value : post.FirstCommentInstagram);
        // A save is refused for the media problems it makes, not for those the stored post already had: a draft made
        // from an Instagram template has no image yet, and its text stays editable until one is added. Scheduling and
        // publishing still check every rule.
        var mediaAsStored = db.Entry(post).State is not (EntityState.Detached or EntityState.Added) && platform == post.Platform
            && (!input.MediaIds.IsSet || input.MediaIds.Value.SequenceEqual(post.Media.OrderBy(m => m.Order).Select(m => m.MediaId)));
        var violations = mediaAsStored
            ? PlatformRules.TextViolations(platform, content, hashtags)
            : PlatformRules.Violations(platform, content, hashtags, media);
        var commentViolations = comments.Violations(platform, content, hashtags);
        if (violations.Count + commentViolations.Count > 0)
        {
            // The Core's messages are already in the reader's language: verbatim, each an error of its field.
            return ApiProblem.BusinessRule(ApiText.Verbatim(string.Join("; ", violations.Concat(commentViolations))),
                [.. violations.Select(v => FieldProblem.Verbatim("content", v)), .. commentViolations.Select(v => FieldProblem.Verbatim("first_comment", v))]);
        }

        post.Platform = platform;
        post.Content = content;
        post.Hashtags = hashtags;
        (post.FirstComment, post.FirstCommentLinkedin, post.FirstCommentInstagram) = (comments.Both, comments.Linkedin, comments.Instagram);
        if (input.IdeaSource.IsSet) post.IdeaSource = input.IdeaSource.Value;
        if (input.AiGenerated.IsSet) post.AiGenerated = input.AiGenerated.Value;
        if (input.Rating.IsSet) post.Rating = input.Rating.Value;
        if (input.TemplateId.IsSet) post.TemplateId = input.TemplateId.Value;
        if (input.Metadata.IsSet) post.Metadata = PostAnalytics.KeepAnalytics(post.Metadata.RootElement, input.Metadata.Value);
        if (input.MediaIds.IsSet) ReplaceMedia(post, input.MediaIds.Value, now);
        return null;
    }

    /// <summary>The media in the post's new order, or null when an id is not one of the user's media.</summary>
    private static async Task<List<MediaFacts>?> MediaFactsAsync(AppDbContext db, Post post, PostInput input, CancellationToken ct)
    {
        if (!input.MediaIds.IsSet)
        {
            return post.Media.OrderBy(m => m.Order).Where(m => m.Media is not null).Select(m => MediaFacts.Of(m.Media!)).ToList();
        }
        var ids = input.MediaIds.Value;
        var owned = await db.Media.AsNoTracking().Where(m => ids.Contains(m.Id) && m.UserId == post.UserId)
            .ToDictionaryAsync(m => m.Id, MediaFacts.Of, ct);
        return ids.All(owned.ContainsKey) ? ids.Select(id => owned[id]).ToList() : null;
    }

    /// <summary>Keeps the rows of media that stay (re-adding a row with the same key would clash in EF's tracker).</summary>
    private static void ReplaceMedia(Post post, List<Guid> mediaIds, DateTimeOffset now)
    {
        post.Media.RemoveAll(m => !mediaIds.Contains(m.MediaId));
        for (var order = 0; order < mediaIds.Count; order++)
        {
            var link = post.Media.Find(m => m.MediaId == mediaIds[order]);
            if (link is null)
            {
                post.Media.Add(new PostMedia { PostId = post.Id, MediaId = mediaIds[order], Order = order, CreatedAt = now });
            }
            else
            {
                link.Order = order;
            }
        }
    }
}
