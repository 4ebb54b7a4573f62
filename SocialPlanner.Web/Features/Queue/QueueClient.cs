using System.Globalization;
using SocialPlanner.Localisation;
using SocialPlanner.Web.Features.Api;
using SocialPlanner.Web.Features.Posts;
using SocialPlanner.Web.Features.Shared;

namespace SocialPlanner.Web.Features.Queue;

/// <summary>A network a slot is for ("linkedin"/"instagram"), as the Api writes it.</summary>
public enum SlotPlatform { Linkedin, Instagram }

/// <summary>One time of the weekly schedule: weekday "monday"…"sunday", time "HH:mm" in the user's zone.</summary>
public sealed record QueueSlot(Guid Id, SlotPlatform Platform, string Weekday, string Time);

public sealed record SlotInput(SlotPlatform Platform, string Weekday, string Time);

public sealed record ReplaceSlots(IReadOnlyList<SlotInput> Slots);

/// <summary>The schedule, and the suggestion the Api offers while it is empty.</summary>
public sealed record QueueSchedule(IReadOnlyList<QueueSlot> Slots, IReadOnlyList<SlotInput>? Suggested);

public sealed record QueuedPost(Guid Id, PostPlatform Platform, string ContentPreview, PostStatus Status);

/// <summary>One upcoming slot and the post in it (null: empty).</summary>
public sealed record QueueEntry(SlotPlatform Platform, DateTimeOffset At, string LocalDate, string LocalTime, QueuedPost? Post)
{
    public DateOnly Date => DateOnly.ParseExact(LocalDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

public sealed record PauseState(bool Paused, DateTimeOffset? PausedAt, int OverduePosts);

public sealed record ResumeRequest(string Overdue);

/// <summary>Where the queue put a post: the instant and the user's wall-clock time.</summary>
public sealed record Queued(Post Post, DateTimeOffset ScheduledAt);

/// <summary>The Api's <c>/api/queue</c> endpoints and "add to queue".</summary>
public sealed class QueueClient(ApiHttp http)
{
    public const string PublishNow = "publish_now";
    public const string NextSlots = "next_slots";

    public async Task<QueueSchedule> ScheduleAsync(CancellationToken ct = default)
    {
        var answer = await http.GetAsync<List<QueueSlot>>("/api/queue/slots", ct);
        return new QueueSchedule(answer.Data, answer.MetaValue<List<SlotInput>>("suggested"));
    }

    public async Task<IReadOnlyList<QueueSlot>> ReplaceAsync(IReadOnlyList<SlotInput> slots, CancellationToken ct = default) =>
        (await http.PutAsync<List<QueueSlot>>("/api/queue/slots", new ReplaceSlots(slots), ct)).Data;

    public async Task<IReadOnlyList<QueueSlot>> AdoptSuggestedAsync(CancellationToken ct = default) =>
        (await http.PostAsync<List<QueueSlot>>("/api/queue/slots/suggested", null, ct)).Data;

    public async Task<QueueSlot> AddAsync(SlotInput slot, CancellationToken ct = default) =>
        (await http.PostAsync<QueueSlot>("/api/queue/slots", slot, ct)).Data;

    public Task RemoveAsync(Guid id, CancellationToken ct = default) => http.DeleteAsync($"/api/queue/slots/{id}", ct);

    /// <summary>The slots of the local days <paramref name="from"/> to <paramref name="to"/>, empty ones included.</summary>
    public async Task<IReadOnlyList<QueueEntry>> EntriesAsync(DateOnly from, DateOnly to, CancellationToken ct = default) =>
        (await http.GetAsync<List<QueueEntry>>(
            $"/api/queue?from={from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}&to={to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}", ct)).Data;

    public async Task<Queued> QueueAsync(Guid postId, CancellationToken ct = default)
    {
        var answer = await http.PostAsync<Post>($"/api/content/posts/{postId}/queue", null, ct);
        return new Queued(answer.Data, answer.MetaValue<DateTimeOffset>("scheduled_at"));
    }

    public async Task<PauseState> PauseStateAsync(CancellationToken ct = default) => (await http.GetAsync<PauseState>("/api/queue/pause", ct)).Data;

    public async Task<PauseState> PauseAsync(CancellationToken ct = default) => (await http.PostAsync<PauseState>("/api/queue/pause", null, ct)).Data;

    public async Task<PauseState> ResumeAsync(string overdue, CancellationToken ct = default) =>
        (await http.PostAsync<PauseState>("/api/queue/resume", new ResumeRequest(overdue), ct)).Data;
}

/// <summary>The circuit's view of the pause, shared by the app-wide banner and the Queue page, so pausing or resuming on
/// one updates the other at once.</summary>
public sealed class PublishingPause(QueueClient queue)
{
    public PauseState? State { get; private set; }

    public event Action? Changed;

    public async Task RefreshAsync(CancellationToken ct = default) => Set(await queue.PauseStateAsync(ct));

    public async Task PauseAsync() => Set(await queue.PauseAsync());

    public async Task ResumeAsync(string overdue) => Set(await queue.ResumeAsync(overdue));

    private void Set(PauseState state)
    {
        State = state;
        Changed?.Invoke();
    }
}

/// <summary>Words and orders for weekdays, Monday first as the week is read here; the names are the page's culture's
/// ("Monday", "Lundi"), the values the Api's ("monday").</summary>
public static class Weekdays
{
    public static readonly IReadOnlyList<string> MondayFirst = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    public static string Name(string weekday) => Capitalised(CultureInfo.CurrentCulture.DateTimeFormat.GetDayName(DayOf(weekday)));

    /// <summary>"Mon", "lun.": the culture's abbreviation.</summary>
    public static string ShortName(string weekday) => Capitalised(CultureInfo.CurrentCulture.DateTimeFormat.GetAbbreviatedDayName(DayOf(weekday)));

    /// <summary>French writes day names in lower case inside a sentence; standing alone, as a label, they start with a capital.</summary>
    private static string Capitalised(string name) =>
        name.Length == 0 ? name : char.ToUpper(name[0], CultureInfo.CurrentCulture) + name[1..];

    private static DayOfWeek DayOf(string weekday) => Enum.Parse<DayOfWeek>(weekday, ignoreCase: true);

    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    public static string Network(SlotPlatform platform) => ResourceTexts<SharedStrings>.Get($"Network.{platform}");
}
