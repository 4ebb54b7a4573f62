using SocialPlanner.Web.Features.Posts;

namespace SocialPlanner.Web.Features.Home;

/// <summary>One step of a new user's start, with where to go to do it.</summary>
public sealed record FirstStep(string Text, string Action, string Path, string Icon, bool Done);

/// <summary>What Home asks of a new user until it is done: connect a network, upload an image, write a first post,
/// schedule it.</summary>
public static class FirstSteps
{
    public static IReadOnlyList<FirstStep> For(bool connected, int media, IReadOnlyList<PostSummary> posts) =>
    [
        new("Connect your LinkedIn or Instagram account", "Connect", "connections", "link", connected),
        new("Upload an image to your media library", "Upload", "media", "add_photo_alternate", media > 0),
        new("Write your first post", "Write", "posts/new", "edit_note", posts.Count > 0),
        new("Schedule it on the calendar", "Schedule", "calendar", "event",
            posts.Any(p => p.Status is PostStatus.Scheduled or PostStatus.Published || p.ScheduledAt is not null)),
    ];
}
