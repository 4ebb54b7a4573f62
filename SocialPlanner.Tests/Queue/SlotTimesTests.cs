using SocialPlanner.Core.Queue;
using SocialPlanner.Core.Social;

namespace SocialPlanner.Tests.Queue;

/// <summary>Issue #17: slots keep their wall-clock time across daylight-saving changes; a time in the spring-forward gap
/// moves to the first valid minute after it, a time in the fall-back overlap takes the earlier occurrence.</summary>
public class SlotTimesTests
{
    private static readonly TimeZoneInfo Zurich = TimeZoneInfo.FindSystemTimeZoneById("Europe/Zurich");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static DateTimeOffset Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);

    [Theory]
    // Zurich: CET (+1) until 2027-03-28 02:00, CEST (+2) until 2027-10-31 03:00.
    [InlineData("Europe/Zurich", "2027-03-27", "08:30", "2027-03-27T07:30Z")]
    [InlineData("Europe/Zurich", "2027-03-28", "08:30", "2027-03-28T06:30Z")]
    [InlineData("Europe/Zurich", "2027-10-30", "08:30", "2027-10-30T06:30Z")]
    [InlineData("Europe/Zurich", "2027-10-31", "08:30", "2027-10-31T07:30Z")]
    // New York: EST (-5) until 2027-03-14 02:00, EDT (-4) until 2027-11-07 02:00.
    [InlineData("America/New_York", "2027-03-13", "08:30", "2027-03-13T13:30Z")]
    [InlineData("America/New_York", "2027-03-14", "08:30", "2027-03-14T12:30Z")]
    [InlineData("America/New_York", "2027-11-06", "08:30", "2027-11-06T12:30Z")]
    [InlineData("America/New_York", "2027-11-07", "08:30", "2027-11-07T13:30Z")]
    public void A_slot_keeps_its_wall_clock_time_on_both_sides_of_a_change(string zone, string date, string time, string expected)
    {
        var at = SlotTimes.Instant(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture),
            TimeOnly.Parse(time, System.Globalization.CultureInfo.InvariantCulture), TimeZoneInfo.FindSystemTimeZoneById(zone));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), at);
    }

    [Fact]
    public void A_slot_in_the_spring_forward_gap_moves_to_the_first_valid_minute_after_it()
    {
        // 02:30 does not exist on those days: clocks go from 02:00 straight to 03:00.
        Assert.Equal(Utc(2027, 3, 28, 1, 0), SlotTimes.Instant(new DateOnly(2027, 3, 28), new TimeOnly(2, 30), Zurich));
        Assert.Equal(Utc(2027, 3, 14, 7, 0), SlotTimes.Instant(new DateOnly(2027, 3, 14), new TimeOnly(2, 30), NewYork));
        Assert.Equal(Utc(2027, 3, 28, 1, 0), SlotTimes.Instant(new DateOnly(2027, 3, 28), new TimeOnly(2, 0), Zurich));
        // The gap's last minute lands on the same first valid minute.
        Assert.Equal(Utc(2027, 3, 14, 7, 0), SlotTimes.Instant(new DateOnly(2027, 3, 14), new TimeOnly(2, 59), NewYork));
    }

    [Fact]
    public void A_slot_in_the_fall_back_overlap_takes_the_earlier_occurrence()
    {
        // 02:30 happens twice in Zurich (CEST then CET) and 01:30 twice in New York (EDT then EST).
        Assert.Equal(Utc(2027, 10, 31, 0, 30), SlotTimes.Instant(new DateOnly(2027, 10, 31), new TimeOnly(2, 30), Zurich));
        Assert.Equal(Utc(2027, 11, 7, 5, 30), SlotTimes.Instant(new DateOnly(2027, 11, 7), new TimeOnly(1, 30), NewYork));
    }

    [Fact]
    public void The_weeks_around_a_change_list_each_slot_once_at_its_local_time()
    {
        WeeklyTime[] slots =
        [
            new(SocialPlatform.Linkedin, DayOfWeek.Monday, new TimeOnly(8, 30)),
            new(SocialPlatform.Linkedin, DayOfWeek.Sunday, new TimeOnly(8, 30)),
            new(SocialPlatform.Instagram, DayOfWeek.Sunday, new TimeOnly(2, 30)),
        ];
        var occurrences = SlotTimes.Between(slots, Zurich, Utc(2027, 3, 21, 0, 0), Utc(2027, 4, 4, 0, 0));

        Assert.Equal(
        [
            (new DateOnly(2027, 3, 21), SocialPlatform.Instagram, Utc(2027, 3, 21, 1, 30)),
            (new DateOnly(2027, 3, 21), SocialPlatform.Linkedin, Utc(2027, 3, 21, 7, 30)),
            (new DateOnly(2027, 3, 22), SocialPlatform.Linkedin, Utc(2027, 3, 22, 7, 30)),
            (new DateOnly(2027, 3, 28), SocialPlatform.Instagram, Utc(2027, 3, 28, 1, 0)),
            (new DateOnly(2027, 3, 28), SocialPlatform.Linkedin, Utc(2027, 3, 28, 6, 30)),
            (new DateOnly(2027, 3, 29), SocialPlatform.Linkedin, Utc(2027, 3, 29, 6, 30)),
        ], occurrences.Select(o => (o.LocalDate, o.Platform, o.At)));
        Assert.All(occurrences.Where(o => o.Platform == SocialPlatform.Linkedin),
            o => Assert.Equal(new TimeOnly(8, 30), TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(o.At, Zurich).DateTime)));
    }

    [Fact]
    public void The_next_free_slot_skips_taken_ones_and_for_two_platforms_needs_a_time_free_on_both()
    {
        WeeklyTime[] slots =
        [
            new(SocialPlatform.Linkedin, DayOfWeek.Monday, new TimeOnly(8, 30)),
            new(SocialPlatform.Linkedin, DayOfWeek.Wednesday, new TimeOnly(8, 30)),
            new(SocialPlatform.Instagram, DayOfWeek.Wednesday, new TimeOnly(8, 30)),
            new(SocialPlatform.Instagram, DayOfWeek.Friday, new TimeOnly(12, 0)),
        ];
        var sunday = Utc(2027, 10, 31, 12, 0);
        var monday = Utc(2027, 11, 1, 7, 30);
        var wednesday = Utc(2027, 11, 3, 7, 30);
        var horizon = TimeSpan.FromDays(30);

        Assert.Equal(monday, SlotTimes.NextFree(slots, Zurich, [SocialPlatform.Linkedin], sunday, horizon, (_, _) => false));
        Assert.Equal(wednesday, SlotTimes.NextFree(slots, Zurich, [SocialPlatform.Linkedin], sunday, horizon, (_, at) => at == monday));
        Assert.Equal(wednesday, SlotTimes.NextFree(slots, Zurich, [SocialPlatform.Linkedin, SocialPlatform.Instagram], sunday, horizon, (_, _) => false));
        // Instagram's Wednesday taken: the next shared time is a week later.
        Assert.Equal(wednesday.AddDays(7), SlotTimes.NextFree(slots, Zurich, [SocialPlatform.Linkedin, SocialPlatform.Instagram], sunday, horizon,
            (p, at) => p == SocialPlatform.Instagram && at == wednesday));
        // A slot at the very moment asked about is not "next".
        Assert.Equal(wednesday, SlotTimes.NextFree(slots, Zurich, [SocialPlatform.Linkedin], monday, horizon, (_, _) => false));
        Assert.Null(SlotTimes.NextFree(slots, Zurich, [SocialPlatform.Linkedin], sunday, horizon, (_, _) => true));
    }
}
