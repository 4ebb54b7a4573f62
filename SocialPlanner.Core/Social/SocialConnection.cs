namespace SocialPlanner.Core.Social;

public enum SocialPlatform { Linkedin, Instagram }

public class SocialConnection
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public SocialPlatform Platform { get; set; }
    /// <summary>Encrypted with Data Protection before it reaches the database.</summary>
    public string AccessToken { get; set; } = "";
    /// <summary>Encrypted with Data Protection before it reaches the database.</summary>
    public string? RefreshToken { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? RefreshTokenExpiresAt { get; set; }
    public string ProfileId { get; set; } = "";
    public string? ProfileName { get; set; }
    /// <summary>The account's picture as the platform gave it at connection time (shown in previews and on Connections).</summary>
    public string? ProfilePictureUrl { get; set; }
    public List<string> Scopes { get; set; } = [];
    public bool IsActive { get; set; } = true;
    /// <summary>Set when the platform refused our tokens for good; the user must reconnect.</summary>
    public bool ReconnectNeeded { get; set; }
    /// <summary>Set with <see cref="ReconnectNeeded"/>, cleared once the reconnect email went out; overdue
    /// ones are queued again by the sweeper.</summary>
    public DateTimeOffset? NoticeDueAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }
    /// <summary>Why the platform will not give this connection's post metrics (e.g. a scope it was not granted);
    /// set once, so the Worker stops asking, and cleared by a reconnect.</summary>
    public string? InsightsUnavailable { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
