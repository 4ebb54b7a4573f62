using System.Net;
using System.Net.Http.Headers;
using System.Net.ServerSentEvents;
using SocialPlanner.Tests.Infrastructure;
using static SocialPlanner.Tests.Infrastructure.ApiClient;

namespace SocialPlanner.Tests.Calendar;

/// <summary>Issue #16 §6, live updates: <c>GET /api/calendar/changes</c> streams the user's calendar version at once
/// and again after each change of their posts — and only of theirs.</summary>
[Collection(AppCollection.Name)]
public sealed class CalendarChangesTests(AppFixture app)
{
    [Fact]
    public async Task The_stream_sends_the_current_version_then_a_new_one_when_the_users_post_is_scheduled()
    {
        var user = await app.RegisterAsync();
        var other = await app.RegisterAsync();
        var postId = await CalendarApiTests.CreatePostAsync(user);
        var othersPost = await CalendarApiTests.CreatePostAsync(other);
        // The other user's version runs well ahead, so an announcement of theirs could not pass for the user's.
        for (var day = 1; day <= 3; day++)
        {
            (await CalendarApiTests.ScheduleAsync(other, othersPost, DateTimeOffset.UtcNow.AddDays(day))).EnsureSuccessStatusCode();
        }
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/calendar/changes");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var response = await user.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var body = await response.Content.ReadAsStreamAsync(Ct);
        await using var events = SseParser.Create(body).EnumerateAsync(Ct).GetAsyncEnumerator(Ct);

        Assert.True(await events.MoveNextAsync());
        Assert.Equal("changed", events.Current.EventType);
        var first = long.Parse(events.Current.Data, System.Globalization.CultureInfo.InvariantCulture);

        // Another user's change is not announced here; the user's own is, with a higher version.
        (await CalendarApiTests.ScheduleAsync(other, othersPost, DateTimeOffset.UtcNow.AddDays(4))).EnsureSuccessStatusCode();
        (await CalendarApiTests.ScheduleAsync(user, postId, DateTimeOffset.UtcNow.AddDays(2))).EnsureSuccessStatusCode();

        Assert.True(await events.MoveNextAsync());
        Assert.Equal("changed", events.Current.EventType);
        Assert.Equal(first + 1, long.Parse(events.Current.Data, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Without_a_session_the_stream_is_refused_in_the_error_format()
    {
        using var anonymous = app.CreateHttpClient("api");

        using var response = await anonymous.GetAsync("/api/calendar/changes", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("unauthorized", (await response.ReadErrorAsync())["type"]!.GetValue<string>());
    }
}
