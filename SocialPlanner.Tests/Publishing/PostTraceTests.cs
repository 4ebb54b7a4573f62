using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using SocialPlanner.Tests.Calendar;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Publishing;

/// <summary>DESIGN §6: a scheduled post is one trace, from the Api's schedule request to the platform call. The test
/// starts the trace itself (a <c>traceparent</c> header on the schedule request), and the sandbox records the trace
/// id the Worker's LinkedIn call carried.</summary>
public sealed class PostTraceTests(AppFixture app) : PlatformTest(app)
{
    private readonly AppFixture _fixture = app;

    [Fact]
    public async Task A_post_is_one_trace_from_the_schedule_request_to_the_platform_call()
    {
        var user = await _fixture.RegisterAsync();
        await ConnectLinkedInUserAsync(user.Id);
        var marker = Unique("Traced from the calendar");
        var postId = await CalendarApiTests.CreatePostAsync(user, marker);
        var trace = ActivityTraceId.CreateRandom();

        using var schedule = new HttpRequestMessage(HttpMethod.Patch, $"/api/calendar/posts/{postId}/schedule")
        {
            Content = JsonContent.Create(new { scheduled_at = DateTimeOffset.UtcNow.AddSeconds(2) }),
        };
        schedule.Headers.Add("traceparent", $"00-{trace.ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01");
        Assert.Equal(HttpStatusCode.OK, (await user.Http.SendAsync(schedule, Ct)).StatusCode);

        var stored = await OwnerScalarAsync<string>("SELECT trace_parent FROM post_publications WHERE post_id = $1", Guid.Parse(postId));
        Assert.StartsWith($"00-{trace.ToHexString()}-", stored);
        await PublicationWhenAsync(Guid.Parse(postId), "published");
        var received = Assert.Single(await PublishedAsync(marker));
        Assert.Equal(trace.ToHexString(), received.GetProperty("trace_id").GetString());
    }
}
