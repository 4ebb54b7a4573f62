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
