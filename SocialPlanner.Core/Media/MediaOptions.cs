namespace SocialPlanner.Core.Media;

/// <summary>Configuration section <c>Media</c> (docs/media.md).</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>The local store's directory, relative to the content root unless absolute. The Api and the Worker
    /// must point at the same directory: the Worker reads the files the Api stored.</summary>
    public string Root { get; set; } = ".data/media";

    /// <summary>The secret behind signed URLs; required outside Development. Every process that signs or checks
    /// URLs (Api, Worker) needs the same one.</summary>
    public string? SigningKey { get; set; }

    public int UrlLifetimeDays { get; set; } = 7;

    /// <summary>The Api's address as the outside world (browsers, Instagram's servers) reaches it.</summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>5 GB per user (spec).</summary>
    public long QuotaBytesPerUser { get; set; } = 5L * 1024 * 1024 * 1024;

    public TimeSpan UrlLifetime => TimeSpan.FromDays(UrlLifetimeDays);
}
