namespace SocialPlanner.Core.Social.Instagram;

/// <summary>The <c>Instagram</c> configuration section (Instagram API with Instagram Login). Unset endpoints and
/// credentials fall back to the sandbox when one is discovered.</summary>
public sealed class InstagramOptions
{
    public const string Section = "Instagram";

    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public Uri? AuthorizeUrl { get; set; }
    /// <summary>The code exchange (<c>api.instagram.com/oauth/access_token</c>).</summary>
    public Uri? TokenUrl { get; set; }
    /// <summary>Root of the Graph API (<c>graph.instagram.com</c>), also serving the long-lived token calls.</summary>
    public Uri? GraphBaseUrl { get; set; }
    public string GraphVersion { get; set; } = "v25.0";
    public string Scopes { get; set; } = "instagram_business_basic,instagram_business_content_publish,instagram_business_manage_insights";
    /// <summary>Image containers are usually ready at once; these bound the wait when they are not.</summary>
    public TimeSpan ContainerPollInterval { get; set; } = TimeSpan.FromSeconds(1);
    public int ContainerPollLimit { get; set; } = 30;
    /// <summary>How far around the send time a listed media item's timestamp may lie to count as ours.</summary>
    public TimeSpan ReconcileWindow { get; set; } = TimeSpan.FromMinutes(10);
}
