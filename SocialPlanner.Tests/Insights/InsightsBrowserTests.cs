using Microsoft.Playwright;
using SocialPlanner.Tests.Infrastructure;
using SocialPlanner.Tests.Publishing;
using SocialPlanner.Tests.Web;
using static Microsoft.Playwright.Assertions;

namespace SocialPlanner.Tests.Insights;

/// <summary>The Insights page and the published post's figures (issue #18, "done when"): after the Worker collected
/// the sandbox's metrics, the user sees the charts, the table and the best-time heatmap.</summary>
[Collection(InsightsCollection.Name)]
public sealed class InsightsBrowserTests(InsightsFixture app) : PlatformTest(app), IAsyncDisposable
{
    private const string AnalyticsScopes = "openid profile email w_member_social r_member_postAnalytics";
    private readonly InsightsFixture _app = app;
    private Browser? _chromium;

    [Fact]
    public async Task After_the_metrics_are_collected_the_Insights_page_shows_charts_a_sortable_table_and_the_heatmap()
    {
        var user = await _app.RegisterAsync();
        await ConnectLinkedInUserAsync(user.Id, AnalyticsScopes);
        var texts = new[] { Unique("First insights post"), Unique("Second insights post") };
        var posts = new List<Guid>();
        foreach (var text in texts)
        {
            var post = await ScheduleAsync(user.Id, text, DateTimeOffset.UtcNow);
            posts.Add(post.Id);
            await WaitUntilAsync(() => OwnerScalarAsync<bool>(
                "SELECT metadata #> '{analytics,linkedin,latest}' IS NOT NULL FROM posts WHERE id = $1", post.Id));
        }

        _chromium = await Browser.LaunchAsync();
        var page = await _chromium.NewPageAsync(_app.GetEndpoint("web"));
        await WebUser.SignInAsync(page, user.Email, user.Password, "/insights");
        await WebUser.WaitForPageAsync(page, "Insights");

        await Expect(page.Locator("#total-posts")).ToHaveTextAsync("2");
        await Expect(page.Locator(".sp-insights-weekly svg").First).ToBeVisibleAsync();
        await Expect(page.Locator(".sp-insights-rate svg").First).ToBeVisibleAsync();
        var grid = page.Locator(".sp-insights-posts");
        await Expect(grid.GetByRole(AriaRole.Link, new() { Name = texts[0] })).ToBeVisibleAsync();
        await Expect(grid.GetByRole(AriaRole.Link, new() { Name = texts[1] })).ToBeVisibleAsync();

        // Sorting by reach, both ways, puts the rows in the order of their figures.
        var reaches = await ReachColumnAsync(grid);
        var firstReach = grid.Locator("tbody tr").First.Locator("td").Nth(3);
        await grid.GetByRole(AriaRole.Columnheader, new() { Name = "Reach" }).ClickAsync();
        await Expect(firstReach).ToHaveTextAsync(reaches.Min().ToString("N0", EnglishNumbers));
        await grid.GetByRole(AriaRole.Columnheader, new() { Name = "Reach" }).ClickAsync();
        await Expect(firstReach).ToHaveTextAsync(reaches.Max().ToString("N0", EnglishNumbers));

        var heatmap = page.GetByRole(AriaRole.Table, new() { Name = "Engagement rate by weekday and hour, in your time zone" });
        await Expect(heatmap.Locator("[role=cell]")).ToHaveCountAsync(7 * 24);
        await Expect(heatmap.Locator("[role=cell][aria-label$='engagement']")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator(".sp-best-time-reason")).ToContainTextAsync("Not enough history yet: 2 posts");
        await Expect(page.Locator(".sp-suggested-slots li")).ToHaveCountAsync(3);
        await Browser.ScreenshotAsync(page, "insights");

        await grid.GetByRole(AriaRole.Link, new() { Name = texts[0] }).ClickAsync();
        await Expect(page.Locator(".sp-published-figures")).ToContainTextAsync("LinkedIn: reach");
    }

    /// <summary>The app's English culture: figures are grouped as the reader's culture groups them.</summary>
    private static readonly System.Globalization.CultureInfo EnglishNumbers = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    private static async Task<List<long>> ReachColumnAsync(ILocator grid)
    {
        var rows = grid.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        var values = new List<long>();
        for (var i = 0; i < 2; i++)
        {
            var text = await rows.Nth(i).Locator("td").Nth(3).InnerTextAsync();
            values.Add(long.Parse(text.Replace(",", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal).Trim(), System.Globalization.CultureInfo.InvariantCulture));
        }
        return values;
    }

    public new async ValueTask DisposeAsync()
    {
        if (_chromium is not null)
        {
            await _chromium.DisposeAsync();
        }
        await base.DisposeAsync();
    }
}
