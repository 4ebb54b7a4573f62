namespace SocialPlanner.Sandbox.Hosting;

/// <summary>Everything under the <c>Sandbox</c> configuration section; defaults let a fresh clone run with no settings.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    public int SmtpPort { get; set; } = 2525;

    public LinkedInOptions LinkedIn { get; set; } = new();

    public InstagramOptions Instagram { get; set; } = new();

    public OpenAiOptions OpenAi { get; set; } = new();
}

public sealed class LinkedInOptions
{
    public string ClientId { get; set; } = "sandbox-linkedin-client";

    public string ClientSecret { get; set; } = "sandbox-linkedin-secret";

    /// <summary>Scopes this app may request; anything else is refused like an unapproved product.</summary>
    public string AvailableScopes { get; set; } = "openid profile email w_member_social r_member_social r_member_postAnalytics";

    public bool IssueRefreshTokens { get; set; } = true;

    public int CodeLifetimeSeconds { get; set; } = 1800;

    public int AccessTokenLifetimeSeconds { get; set; } = 5_184_000;

    public int RefreshTokenLifetimeSeconds { get; set; } = 31_536_000;

    public int DuplicateWindowSeconds { get; set; } = 86_400;

    /// <summary>Oldest <c>LinkedIn-Version</c> still served; the newest is the current month.</summary>
    public string OldestActiveVersion { get; set; } = "202511";

    public int ImageProcessingPolls { get; set; }
}

public sealed class InstagramOptions
{
    public string ClientId { get; set; } = "sandbox-instagram-client";

    public string ClientSecret { get; set; } = "sandbox-instagram-secret";

    public int CodeLifetimeSeconds { get; set; } = 3600;

    public int ShortLivedTokenLifetimeSeconds { get; set; } = 3600;

    public int LongLivedTokenLifetimeSeconds { get; set; } = 5_184_000;

    /// <summary>Real Instagram refuses to refresh tokens younger than 24 h; 0 lets tests refresh at once.</summary>
    public int RefreshMinimumAgeSeconds { get; set; }

    /// <summary>How many status polls a new container answers <c>IN_PROGRESS</c> before <c>FINISHED</c>.</summary>
    public int ContainerInProgressPolls { get; set; }

    public int QuotaTotal { get; set; } = 50;

    public int QuotaDurationSeconds { get; set; } = 86_400;

    public int ImageFetchTimeoutSeconds { get; set; } = 10;
}

public sealed class OpenAiOptions
{
    /// <summary>When set, only this bearer key is accepted; otherwise any non-empty key is.</summary>
    public string? RequiredKey { get; set; }
}
