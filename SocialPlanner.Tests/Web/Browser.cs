using Microsoft.Playwright;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Web;

/// <summary>
/// Debian's Chromium driven by Playwright against the Web started by <see cref="AppFixture"/>; never a downloaded
/// browser. One browser per test class, one context (cookie jar) per user.
/// </summary>
public sealed class Browser : IAsyncDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Under the test output, next to the TestResults of the run, for people to review.</summary>
    public static readonly string ScreenshotDirectory = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        _browser = browser;
    }

    public static async Task<Browser> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
        });
        return new Browser(playwright, browser);
    }

    /// <summary>A page in a new context; <paramref name="timeZone"/> and <paramref name="locale"/> are what the browser
    /// reports (the machine's zone and en-GB unless given).</summary>
    public async Task<IPage> NewPageAsync(Uri web, int width = 1366, int height = 900, string? timeZone = null, string locale = "en-GB")
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = web.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = locale,
            TimezoneId = timeZone,
        });
        // Blazor Server round-trips through a circuit; a slow shared machine needs more than the 5 s default.
        context.SetDefaultTimeout(30_000);
        Assertions.SetDefaultExpectTimeout(30_000);
        await context.AddInitScriptAsync(FileInputWatch);
        return await context.NewPageAsync();
    }

    /// <summary>Remembers which file inputs have a <c>change</c> listener, so a test can wait until an upload
    /// component really listens (Radzen registers the component and attaches its listener in two separate
    /// round trips; a file chosen between them is ignored). Page behaviour is unchanged.</summary>
    private const string FileInputWatch = """
        (() => {
          const listening = new WeakSet();
          const add = EventTarget.prototype.addEventListener;
          EventTarget.prototype.addEventListener = function (type, listener, options) {
            if (type === 'change' && this instanceof HTMLInputElement && this.type === 'file') listening.add(this);
            return add.call(this, type, listener, options);
          };
          window.spFileInputListens = input => listening.has(input);
        })();
        """;

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        // Stylesheets, fonts and thumbnails finish loading before the picture is taken (the circuit's WebSocket does not count).
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotDirectory, name + ".png"), FullPage = true });
    }

    /// <summary>A failed browser test keeps the services' recent logs next to its screenshots: the page alone rarely says why.</summary>
    public static void SaveLogs(AppFixture app, string testName)
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "TestResults", "logs");
        Directory.CreateDirectory(directory);
        var file = string.Concat(testName.Split(Path.GetInvalidFileNameChars())) + ".log";
        File.WriteAllText(Path.Combine(directory, file), app.RecentLogs(2000));
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
