using SocialPlanner.Localisation;
using SocialPlanner.Web.Features.Posts;
using SocialPlanner.Web.Features.Shared;

namespace SocialPlanner.Web.Features.Home;

/// <summary>One step of a new user's start, with where to go to do it.</summary>
public sealed record FirstStep(string Text, string Action, string Path, string Icon, bool Done);

/// <summary>What Home asks of a new user until it is done: connect a network, upload an image, write a first post,
/// schedule it.</summary>
public static class FirstSteps
{
    public static IReadOnlyList<FirstStep> For(bool connected, int media, IReadOnlyList<PostSummary> posts) =>
    [
        new(Text("Step.Connect"), Text("Step.ConnectAction"), "connections", "link", connected),
        new(Text("Step.Upload"), Text("Step.UploadAction"), "media", "add_photo_alternate", media > 0),
        new(Text("Step.Write"), Text("Step.WriteAction"), "posts/new", "edit_note", posts.Count > 0),
        new(Text("Step.Schedule"), Text("Step.ScheduleAction"), "calendar", "event",
            posts.Any(p => p.Status is PostStatus.Scheduled or PostStatus.Published || p.ScheduledAt is not null)),
    ];

    private static string Text(string key) => ResourceTexts<HomeStrings>.Get(key);
}
