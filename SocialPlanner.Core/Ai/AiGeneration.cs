namespace SocialPlanner.Core.Ai;

public enum GenerationType { Ideas, PostLinkedin, PostInstagram, Variants }

public class AiGeneration
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public GenerationType Type { get; set; }
    public string Model { get; set; } = "";
    public string Prompt { get; set; } = "";
    public string Response { get; set; } = "";
    public int TokensUsed { get; set; }
    public int DurationMs { get; set; }
    public bool Success { get; set; } = true;
    public string? ErrorMessage { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
