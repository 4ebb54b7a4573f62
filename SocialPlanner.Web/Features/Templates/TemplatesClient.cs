using System.Text.Json;
using SocialPlanner.Web.Features.Api;
using SocialPlanner.Web.Features.Posts;

namespace SocialPlanner.Web.Features.Templates;

public enum TemplateCategory { Conseil, Actualite, Temoignage, EtudeCas, Promo, Autre }

public sealed record Template(
    Guid Id, string Name, string? Description, TemplateCategory Category, PostPlatform Platform, string Content,
    IReadOnlyList<string> Hashtags, JsonElement Variables, int UsageCount, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    /// <summary>The template's variables with their default values, in the order the template declares them.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> VariableDefaults => Variables.ValueKind == JsonValueKind.Object
        ? Variables.EnumerateObject().Select(v => KeyValuePair.Create(v.Name, v.Value.ValueKind == JsonValueKind.String ? v.Value.GetString() ?? "" : v.Value.ToString())).ToList()
        : [];
}

public sealed record CreateTemplateRequest(Guid PostId, string Name, TemplateCategory Category);

/// <summary>A template's changes; <c>UpdatedAt</c> is the version they were made on (409 if it moved on).</summary>
public sealed record UpdateTemplateRequest(
    string Name, TemplateCategory Category, PostPlatform Platform, string Content, IReadOnlyList<string> Hashtags, DateTimeOffset UpdatedAt);

public sealed record UseTemplateRequest(IReadOnlyDictionary<string, string> Variables);

/// <summary>The Api's <c>/api/templates</c> endpoints.</summary>
public sealed class TemplatesClient(ApiHttp http)
{
    public async Task<IReadOnlyList<Template>> ListAsync(CancellationToken ct = default) =>
        (await http.GetAsync<List<Template>>("/api/templates", ct)).Data;

    public async Task<Template> CreateFromPostAsync(CreateTemplateRequest request, CancellationToken ct = default) =>
        (await http.PostAsync<Template>("/api/templates", request, ct)).Data;

    /// <summary>Creates a draft from the template with the variables filled in.</summary>
    public async Task<Post> UseAsync(Guid id, IReadOnlyDictionary<string, string> variables, CancellationToken ct = default) =>
        (await http.PostAsync<Post>($"/api/templates/{id}/use", new UseTemplateRequest(variables), ct)).Data;

    public async Task<Template> UpdateAsync(Guid id, UpdateTemplateRequest request, CancellationToken ct = default) =>
        (await http.PatchAsync<Template>($"/api/templates/{id}", request, ct)).Data;

    public Task DeleteAsync(Guid id, CancellationToken ct = default) => http.DeleteAsync($"/api/templates/{id}", ct);
}
