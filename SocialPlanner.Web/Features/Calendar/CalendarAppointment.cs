using SocialPlanner.Web.Features.Posts;

namespace SocialPlanner.Web.Features.Calendar;

/// <summary>A post placed on the scheduler, its times already in the user's zone.</summary>
public sealed class CalendarAppointment
{
    /// <summary>Posts have a moment, not a duration; a short block keeps them readable and draggable in the week view.</summary>
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(30);

    public required CalendarPost Post { get; init; }
    public required DateTime Start { get; init; }
    /// <summary>Never past the post's own day: a post at 23:45 would otherwise also show on the next day's cell.</summary>
    public DateTime End => Start + Length < Start.Date.AddDays(1) ? Start + Length : Start.Date.AddDays(1).AddTicks(-1);
    /// <summary>The networks are drawn beside it as icons (<c>NetworkIcon</c>).</summary>
    public string Text => Post.ContentPreview;

    /// <summary>The status is the fill, the platform the left edge: both readable at a glance, as in Later's calendar.</summary>
    public string Style => $"background: {StatusColour}; border-left: 5px solid {PlatformColour}; color: #fff";

    private string StatusColour => Post.Status switch
    {
        PostStatus.Draft => "#757575",
        PostStatus.Scheduled => "#1976d2",
        PostStatus.Published => "#2e7d32",
        _ => "#c62828",
    };

    private string PlatformColour => Post.Platform switch
    {
        PostPlatform.Linkedin => "#0a3d75",
        PostPlatform.Instagram => "#e1306c",
        _ => "#f9a825",
    };

    public bool CanMove => Post.Status is PostStatus.Draft or PostStatus.Scheduled or PostStatus.Failed;
}
