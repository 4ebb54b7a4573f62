using System.Text.Json;
using SocialPlanner.Core.Posts;
using SocialPlanner.Core.Templates;

namespace SocialPlanner.Api.Templates;

public sealed record TemplateDto(
    Guid Id, string Name, string? Description, TemplateCategory Category, PostPlatform Platform, string Content,
    IReadOnlyList<string> Hashtags, JsonElement Variables, int UsageCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>The fields creating and changing a template share, and share the rules of.</summary>
public interface ITemplateFields
{
    string? Name { get; }
    string? Category { get; }
    string? Platform { get; }
    string? Content { get; }
    JsonElement? Variables { get; }
}

/// <summary>POST /api/templates: from a post (<c>post_id</c>, taking its platform, content and hashtags) or from scratch.</summary>
public sealed record CreateTemplateRequest(
    Guid? PostId, string? Name, string? Description, string? Category, string? Platform, string? Content, List<string>? Hashtags,
    JsonElement? Variables) : ITemplateFields;

/// <summary>PATCH /api/templates/{id}: absent fields stay; <c>updated_at</c> rejects the change if someone saved first.</summary>
public sealed record UpdateTemplateRequest(
    string? Name, string? Description, string? Category, string? Platform, string? Content, List<string>? Hashtags,
    JsonElement? Variables, DateTimeOffset? UpdatedAt) : ITemplateFields;

public sealed record UseTemplateRequest(JsonElement? Variables);

/// <summary>The filters of GET /api/templates, gathered so one validator checks them.</summary>
public sealed record ListTemplatesQuery(string? Category, string? Platform);

public static class TemplateMapping
{
    public static TemplateDto ToDto(this Template t) => new(
        t.Id, t.Name, t.Description, t.Category, t.Platform, t.Content, t.Hashtags, t.Variables.RootElement, t.UsageCount,
        t.CreatedAt, t.UpdatedAt);
}
