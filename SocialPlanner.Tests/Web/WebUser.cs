using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using SocialPlanner.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace SocialPlanner.Tests.Web;

/// <summary>What a person does in the Web, step by step, so the browser tests read like the user's story.</summary>
public static class WebUser
{
    public static async Task SignUpAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("register");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Home", Level = 1 })).ToBeVisibleAsync();
    }

    public static async Task SignInAsync(IPage page, string email, string password, string returnPath = "")
    {
        await page.GotoAsync("login" + (returnPath.Length > 0 ? $"?returnUrl={Uri.EscapeDataString(returnPath)}" : ""));
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>Pages are not prerendered, so their heading appears only once the circuit is live and clicks will be handled.</summary>
    public static Task WaitForPageAsync(IPage page, string heading) =>
        Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync();

    /// <summary>Connects a network through its consent page (the sandbox's in development), as a person would.</summary>
    public static async Task ConnectAsync(IPage page, string network)
    {
        await page.GotoAsync("connections");
        await WaitForPageAsync(page, "Connections");
        var card = page.Locator($"[data-platform={network}]");
        await card.GetByRole(AriaRole.Button, new() { Name = "Connect" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Allow" }).ClickAsync();
        await WaitForPageAsync(page, "Connections");
        await Expect(page.Locator($"[data-platform={network}]")).ToContainTextAsync("Connected");
    }

    /// <summary>Drops an image on the media library and gives it alt text.</summary>
    public static async Task UploadImageAsync(IPage page, string fileName, string altText, byte[] image)
    {
        await page.GotoAsync("media");
        await WaitForPageAsync(page, "Media library");
        await WaitForUploadReadyAsync(page);
        await page.Locator(".sp-drop-zone input[type=file]").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = "image/jpeg", Buffer = image });
        var thumbnail = page.GetByRole(AriaRole.Button, new() { Name = $"Edit {fileName}" });
        await thumbnail.ClickAsync();
        await page.GetByLabel("Alt text (read aloud to people who cannot see it)").FillAsync(altText);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(page.GetByAltText(altText).First).ToBeVisibleAsync();
    }

    /// <summary>The upload component registers itself with Radzen's script after its first render, then attaches its
    /// <c>change</c> listener in a second round trip; a file chosen before both would be ignored, as it would for a
    /// person clicking in that instant. <see cref="Browser"/> records which file inputs listen.</summary>
    public static Task WaitForUploadReadyAsync(IPage page) =>
        page.WaitForFunctionAsync("""
            () => {
              const input = document.querySelector('.sp-drop-zone input[type=file]');
              return !!input && !!window.Radzen?.uploadComponents?.[input.id] && window.spFileInputListens(input);
            }
            """);

    /// <summary>Asks until <paramref name="probe"/> answers, for work done in the background (mail, the Worker).</summary>
    public static async Task<T> EventuallyAsync<T>(Func<CancellationToken, Task<T?>> probe, TimeSpan within, string what) where T : class
    {
        // Once a second: the Api's per-user rate limit (100/min) must stay available to the page under test.
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(within);
        try
        {
            do
            {
                if (await probe(timeout.Token) is { } found)
                {
                    return found;
                }
            }
            while (await timer.WaitForNextTickAsync(timeout.Token));
        }
        catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
        {
        }
        throw new TimeoutException($"Not within {within}: {what}");
    }

    /// <summary>The link the Api mailed, read from the sandbox's SMTP catcher as soon as it arrives.</summary>
    public static Task<string> ResetLinkFromMailAsync(AppFixture app, string email)
    {
        var sandbox = app.CreateHttpClient("sandbox");
        return EventuallyAsync(async ct =>
        {
            var mails = await sandbox.GetFromJsonAsync<JsonArray>($"/api/mail?to={Uri.EscapeDataString(email)}", ct);
            return mails!.Select(m => m!["text_body"]?.GetValue<string>() ?? "")
                .SelectMany(text => text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
                .FirstOrDefault(word => word.Contains("/reset-password?", StringComparison.Ordinal));
        }, TimeSpan.FromSeconds(30), $"a reset mail for {email}");
    }
}
