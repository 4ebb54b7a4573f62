using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Web;

/// <summary>A fresh Chromium per test against the shared app; when a test fails, the services' recent logs are saved
/// next to its screenshots.</summary>
[Collection(AppCollection.Name)]
public abstract class BrowserTest(AppFixture app) : IAsyncLifetime
{
    protected AppFixture App { get; } = app;

    protected Browser Chromium { get; private set; } = default!;

    protected Uri Web => App.GetEndpoint("web");

    public async ValueTask InitializeAsync() => Chromium = await Browser.LaunchAsync();

    /// <summary>A new page signed in as <paramref name="user"/> at <paramref name="path"/>, once its heading shows
    /// (the circuit is live and clicks will be handled).</summary>
    protected async Task<Microsoft.Playwright.IPage> OpenAsync(TestUser user, string path, string heading, int width = 1366, int height = 900)
    {
        var page = await Chromium.NewPageAsync(Web, width, height);
        await WebUser.SignInAsync(page, user.Email, user.Password, path);
        await WebUser.WaitForPageAsync(page, heading);
        return page;
    }

    public async ValueTask DisposeAsync()
    {
        await Chromium.DisposeAsync();
        if (TestContext.Current.TestState?.Result == TestResult.Failed)
        {
            Browser.SaveLogs(App, TestContext.Current.Test?.TestDisplayName ?? "failed-test");
        }
        GC.SuppressFinalize(this);
    }
}
