using System.Text.Json;
using SocialPlanner.Core.Posts;

namespace SocialPlanner.Core.Templates;

public enum TemplateCategory { Conseil, Actualite, Temoignage, EtudeCas, Promo, Autre }

public class Template
{
    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public TemplateCategory Category { get; set; } = TemplateCategory.Autre;
    public PostPlatform Platform { get; set; }
    public string Content { get; set; } = "";
    public List<string> Hashtags { get; set; } = [];
    public JsonDocument Variables { get; set; } = JsonDocument.Parse("{}");
    public int UsageCount { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
