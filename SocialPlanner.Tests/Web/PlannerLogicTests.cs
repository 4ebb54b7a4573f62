using SocialPlanner.Web.Features.Calendar;
using SocialPlanner.Web.Features.Home;
using SocialPlanner.Web.Features.Posts;

namespace SocialPlanner.Tests.Web;

public sealed class PlannerLogicTests
{
    [Fact]
    public async Task Jumping_to_page_three_walks_the_keyset_cursors_once_and_reuses_them()
    {
        var ids = Enumerable.Range(0, 7).Select(_ => Guid.NewGuid()).ToList();
        var calls = new List<Guid?>();
        var pages = new KeysetPages((cursor, size) =>
        {
            calls.Add(cursor);
            var start = cursor is { } c ? ids.IndexOf(c) + 1 : 0;
            var items = ids.Skip(start).Take(size).Select(Summary).ToList();
            var more = start + size < ids.Count;
            return Task.FromResult(new PostPage(items, new PostListMeta(ids.Count, more, more ? items[^1].Id : null)));
        });

        var third = await pages.PageAsync(2, 3);
        var secondAgain = await pages.PageAsync(1, 3);

        Assert.Equal([ids[6]], third.Items.Select(p => p.Id));
        Assert.Equal([ids[3], ids[4], ids[5]], secondAgain.Items.Select(p => p.Id));
        Assert.Equal([null, ids[2], ids[5], ids[2]], calls);
    }

    [Fact]
    public void Posts_are_counted_per_week_and_status_in_the_users_zone()
    {
        var today = new DateTime(2026, 1, 14); // a Wednesday
        var posts = new[]
        {
            Summary(Guid.NewGuid()) with { Status = PostStatus.Published, ScheduledAt = new DateTimeOffset(2026, 1, 12, 9, 0, 0, TimeSpan.Zero) },
            Summary(Guid.NewGuid()) with { Status = PostStatus.Published, ScheduledAt = new DateTimeOffset(2026, 1, 18, 23, 30, 0, TimeSpan.Zero) },
            Summary(Guid.NewGuid()) with { Status = PostStatus.Scheduled, ScheduledAt = new DateTimeOffset(2026, 1, 20, 9, 0, 0, TimeSpan.Zero), Platform = PostPlatform.Instagram },
        };
        // Zurich is UTC+1 in January: Sunday 23:30 UTC is already Monday there.
        static DateTime ToZurich(DateTimeOffset instant) => instant.ToOffset(TimeSpan.FromHours(1)).DateTime;

        var series = WeeklyActivity.Build(posts, ToZurich, today, platform: null);

        var published = series.Single(s => s.Status == PostStatus.Published).Weeks;
        Assert.Equal(1, published.Single(w => w.Week == "12 Jan").Count);
        Assert.Equal(1, published.Single(w => w.Week == "19 Jan").Count);
        Assert.Equal(1, series.Single(s => s.Status == PostStatus.Scheduled).Weeks.Single(w => w.Week == "19 Jan").Count);
        Assert.All(WeeklyActivity.Build(posts, ToZurich, today, PostPlatform.Linkedin).Single(s => s.Status == PostStatus.Scheduled).Weeks,
            w => Assert.Equal(0, w.Count));
    }

    [Fact]
    public void The_editor_sends_its_loaded_version_unless_the_user_overwrites()
    {
        var version = new DateTimeOffset(2026, 1, 10, 11, 0, 0, TimeSpan.Zero);
        var state = new PostEditorState();
        state.Load(new Post(Guid.NewGuid(), PostPlatform.Linkedin, "Hi", ["a"], PostStatus.Draft, null, false, null, null, null, null, null,
            version, version, [], null));

        state.SetContent("Hello");

        Assert.True(state.IsDirty);
        Assert.Equal(version, state.ToUpdate(overwrite: false).UpdatedAt);
        Assert.Null(state.ToUpdate(overwrite: true).UpdatedAt);
    }

    [Fact]
    public void Media_order_changes_move_the_cover()
    {
        var first = new PostMedia(Guid.NewGuid(), "a", MediaType.Image);
        var second = new PostMedia(Guid.NewGuid(), "b", MediaType.Image);
        var state = new PostEditorState();
        state.SetMedia([first, second]);

        state.MoveMedia(1, -1);
        state.MoveMedia(0, -1);

        Assert.Equal([second.Id, first.Id], state.ToCreate().MediaIds);
    }

    [Fact]
    public void A_post_dropped_on_a_month_cell_keeps_its_time_of_day_to_the_second()
    {
        var start = new DateTime(2026, 1, 15, 14, 30, 45);

        Assert.Equal(new DateTime(2026, 1, 12, 14, 30, 45), CalendarMoves.Target(start, new DateTime(2026, 1, 12)));
    }

    [Fact]
    public void A_post_dropped_on_a_week_slot_takes_the_slots_time()
    {
        var start = new DateTime(2026, 1, 15, 14, 30, 45);

        Assert.Equal(new DateTime(2026, 1, 13, 9, 30, 0), CalendarMoves.Target(start, new DateTime(2026, 1, 13, 9, 30, 0)));
    }

    private static PostSummary Summary(Guid id) =>
        new(id, PostPlatform.Linkedin, "text", PostStatus.Draft, false, null, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, []);
}
