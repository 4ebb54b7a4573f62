namespace SocialPlanner.Api.Social;

/// <summary>The <c>Social</c> configuration section.</summary>
public sealed class SocialOptions
{
    public const string Section = "Social";

    /// <summary>The Web's public base URL. The platforms send the browser back to
    /// <c>{RedirectBaseUrl}/connections/callback/{platform}</c>, a Web page that forwards <c>code</c> and <c>state</c>
    /// to the Api's callback with the signed-in user's token. Unset, it is the discovered Web (<c>services:web:http:0</c>).</summary>
    public Uri? RedirectBaseUrl { get; set; }

    /// <summary>How long "publish now" waits for the Worker's outcome before answering 202.</summary>
    public TimeSpan PublishNowWait { get; set; } = TimeSpan.FromSeconds(15);

    public Uri RedirectUri(string platform) =>
        new(new Uri((RedirectBaseUrl ?? throw new InvalidOperationException("Social:RedirectBaseUrl is not configured.")).ToString().TrimEnd('/') + "/"),
            $"connections/callback/{platform}");
}

/// <summary><c>Publishing:CronSecret</c>: what an external scheduler presents to trigger a sweep.</summary>
public sealed class CronOptions
{
    public string? CronSecret { get; set; }
}
