using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SocialPlanner.Tests.Infrastructure;
using SocialPlanner.Tests.Web;
using static Microsoft.Playwright.Assertions;

namespace SocialPlanner.Tests.Hosting;

/// <summary>
/// Issue #13's proof that telemetry reaches Aspire's dashboard: against the app <c>./run.sh</c> started (development
/// ports), a person schedules a LinkedIn post in the web app; once the sandbox has received it, the dashboard shows
/// the post's one trace, its structured logs and the publishing meter, and each page is saved to <c>docs/images</c>.
/// Explicit, because it needs the developer's running app: <c>scripts/dashboard-screenshots.sh</c> runs it.
/// </summary>
public sealed class DashboardScreenshots
{
    private static readonly Uri Web = new("http://localhost:5000/");
    private static readonly Uri Sandbox = new("http://localhost:5070/");
    private static readonly Uri Dashboard = new("http://localhost:18888/");

    private static string ImageDirectory =>
        Environment.GetEnvironmentVariable("SOCIALPLANNER_SCREENSHOTS") ?? Path.Combine(BuiltProcess.RepositoryRoot, "docs", "images");

    [Fact(Explicit = true)]
    public async Task A_post_scheduled_in_the_web_app_shows_its_trace_logs_and_metrics_in_the_dashboard()
    {
        await using var chromium = await Browser.LaunchAsync();
        var page = await chromium.NewPageAsync(Web, 1600, 1000);
        await WebUser.SignUpAsync(page, $"dashboard-{Guid.NewGuid():N}@example.test", ApiClient.Password);
        await WebUser.ConnectAsync(page, "Linkedin");

        var marker = $"Trois conseils de trésorerie pour les artisans vaudois ({Guid.NewGuid():N})";
        await page.GotoAsync("posts/new");
        await WebUser.WaitForPageAsync(page, "New post");
        await page.Locator(".rz-selectbar").GetByText("LinkedIn", new() { Exact = true }).ClickAsync();
        await page.GetByLabel("Text", new() { Exact = true }).FillAsync(marker);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await WebUser.WaitForPageAsync(page, "Edit post");

        // A new account's zone is UTC: one minute ahead, typed as a person would.
        var at = DateTime.UtcNow.AddMinutes(1).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var picker = page.Locator("input[name='scheduled-at']");
        await picker.FillAsync(at);
        await picker.PressAsync("Tab");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Reschedule" })).ToBeVisibleAsync();

        using var sandbox = new HttpClient { BaseAddress = Sandbox };
        var published = await WebUser.EventuallyAsync(async ct =>
        {
            var items = await sandbox.GetFromJsonAsync<JsonArray>("/api/published?platform=linkedin", ct);
            return items!.FirstOrDefault(i => i!["text"]!.GetValue<string>().Contains(marker, StringComparison.Ordinal));
        }, TimeSpan.FromMinutes(3), "the post on the sandbox's LinkedIn");
        var traceId = published!["trace_id"]!.GetValue<string>();
        Assert.Matches("^[0-9a-f]{32}$", traceId);

        var dashboard = await chromium.NewPageAsync(Dashboard, 1600, 1300);
        // The trace: the Web's call to the Api's schedule endpoint, the Worker's dispatch linked to it, the LinkedIn call.
        await dashboard.GotoAsync($"traces/detail/{traceId}");
        await Expect(dashboard.GetByText("/schedule").First).ToBeVisibleAsync();
        await Expect(dashboard.GetByText("worker").First).ToBeVisibleAsync();
        await Expect(dashboard.GetByText("sandbox").First).ToBeVisibleAsync();
        await SaveAsync(dashboard, "dashboard-trace");

        // The post's structured logs, across services, found by its trace.
        await dashboard.GotoAsync($"structuredlogs?filters=log.traceid:equals:{traceId}");
        await Expect(dashboard.GetByRole(AriaRole.Gridcell, new() { Name = "worker" }).First).ToBeVisibleAsync();
        await SaveAsync(dashboard, "dashboard-logs");

        // The publishing meter of the Worker.
        await dashboard.GotoAsync("metrics/resource/worker?meter=SocialPlanner.Publishing&instrument=socialplanner.publishing.outcomes&duration=5");
        await Expect(dashboard.GetByText("socialplanner.publishing.outcomes").First).ToBeVisibleAsync();
        await SaveAsync(dashboard, "dashboard-metrics");

        await dashboard.GotoAsync("");
        await Expect(dashboard.Locator("text=Running >> visible=true").First).ToBeVisibleAsync();
        await SaveAsync(dashboard, "dashboard-resources");
    }

    private static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ImageDirectory);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // The dashboard's notices (plain HTTP, no development certificate) are true, and covered in docs/aspire.md; hidden
        // here as a developer would dismiss them.
        await page.AddStyleTagAsync(new() { Content = ".dashboard-message-bar { display: none !important; }" });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ImageDirectory, name + ".png") });
    }
}
