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

    /// <summary>The link the Api mailed, read from the sandbox's SMTP catcher as soon as it arrives.</summary>
    public static async Task<string> ResetLinkFromMailAsync(AppFixture app, string email)
    {
        var sandbox = app.CreateHttpClient("sandbox");
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(30));
        do
        {
            var mails = await sandbox.GetFromJsonAsync<JsonArray>($"/api/mail?to={Uri.EscapeDataString(email)}", timeout.Token);
            var link = mails!.Select(m => m!["text_body"]?.GetValue<string>() ?? "")
                .SelectMany(text => text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
                .FirstOrDefault(word => word.Contains("/reset-password?", StringComparison.Ordinal));
            if (link is not null)
            {
                return link;
            }
        }
        while (await timer.WaitForNextTickAsync(timeout.Token));
        throw new TimeoutException($"No reset mail for {email}");
    }
}
