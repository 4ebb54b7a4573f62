using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SocialPlanner.Tests.Infrastructure;
using static SocialPlanner.Tests.Infrastructure.ApiClient;

namespace SocialPlanner.Tests.Templates;

[Collection(AppCollection.Name)]
public class TemplatesApiTests(AppFixture app)
{
    private static async Task<JsonNode> CreateAsync(TestUser user, object body)
    {
        var response = await user.Http.PostAsJsonAsync("/api/templates", body, Ct);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Ct));
        return (await response.ReadJsonAsync())["data"]!;
    }

    private static object Monday => new
    {
        name = "Conseil du lundi", category = "conseil", platform = "linkedin",
        content = "🎯 Conseil du {{day_name}} : {{ topic }}\n\n{{topic}}{{suffix}}", hashtags = new[] { "{{tag}}", "Tech" },
        variables = new Dictionary<string, string> { ["day_name"] = "lundi" },
    };

    private static string Id(JsonNode node) => node["id"]!.GetValue<string>();

    [Fact]
    public async Task A_template_from_scratch_declares_every_variable_its_text_uses()
    {
        var user = await app.RegisterAsync();

        var template = await CreateAsync(user, Monday);

        Assert.Equal("conseil", template["category"]!.GetValue<string>());
        Assert.Equal(0, template["usage_count"]!.GetValue<int>());
        var variables = template["variables"]!.AsObject();
        Assert.Equal("lundi", variables["day_name"]!.GetValue<string>());
        Assert.Equal(["day_name", "topic", "suffix", "tag"], variables.Select(v => v.Key));
    }

    [Fact]
    public async Task Using_a_template_creates_a_draft_post_and_counts_the_use()
    {
        var user = await app.RegisterAsync();
        var template = await CreateAsync(user, Monday);

        var response = await user.Http.PostAsJsonAsync($"/api/templates/{Id(template)}/use",
            new { variables = new { topic = "{{productivité}}", suffix = "!", tag = "IA" } }, Ct);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var post = (await response.ReadJsonAsync())["data"]!;
        Assert.Equal("🎯 Conseil du lundi : {{productivité}}\n\n{{productivité}}!", post["content"]!.GetValue<string>());
        Assert.Equal(["IA", "Tech"], post["hashtags"]!.AsArray().Select(h => h!.GetValue<string>()));
        Assert.Equal("draft", post["status"]!.GetValue<string>());
        Assert.Equal(Id(template), post["template_id"]!.GetValue<string>());
        Assert.Equal(Id(template), post["template"]!["id"]!.GetValue<string>());
        var reread = (await user.Http.GetFromJsonAsync<JsonNode>($"/api/templates/{Id(template)}", Ct))!["data"]!;
        Assert.Equal(1, reread["usage_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Concurrent_uses_each_count()
    {
        var user = await app.RegisterAsync();
        var template = await CreateAsync(user, new { name = "Simple", category = "autre", platform = "linkedin", content = "Hello {{who}}" });

        var responses = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            user.Http.PostAsJsonAsync($"/api/templates/{Id(template)}/use", new { variables = new { who = $"#{i}" } }, Ct)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var reread = (await user.Http.GetFromJsonAsync<JsonNode>($"/api/templates/{Id(template)}", Ct))!["data"]!;
        Assert.Equal(5, reread["usage_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task Every_missing_variable_is_listed_and_unknown_ones_rejected_with_400()
    {
        var user = await app.RegisterAsync();
        var template = await CreateAsync(user, Monday);

        var missing = await user.Http.PostAsJsonAsync($"/api/templates/{Id(template)}/use", new { variables = new { topic = "x" } }, Ct);
        var unknown = await user.Http.PostAsJsonAsync($"/api/templates/{Id(template)}/use",
            new { variables = new { topic = "x", suffix = "", tag = "t", topik = "typo" } }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        var error = await missing.ReadErrorAsync();
        Assert.Equal(["variables.suffix", "variables.tag"], error["errors"]!.AsArray().Select(e => e!["field"]!.GetValue<string>()));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("topik", (await unknown.ReadErrorAsync())["detail"]!.GetValue<string>());
        var reread = (await user.Http.GetFromJsonAsync<JsonNode>($"/api/templates/{Id(template)}", Ct))!["data"]!;
        Assert.Equal(0, reread["usage_count"]!.GetValue<int>());
    }

    [Fact]
    public async Task A_filled_in_text_over_the_platform_limit_is_422()
    {
        var user = await app.RegisterAsync();
        var template = await CreateAsync(user, new { name = "Long", category = "promo", platform = "instagram", content = "{{body}}" });

        var response = await user.Http.PostAsJsonAsync($"/api/templates/{Id(template)}/use", new { variables = new { body = new string('a', 2_201) } }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("2,200", (await response.ReadErrorAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_template_can_be_made_from_a_post()
    {
        var user = await app.RegisterAsync();
        var post = await user.Http.PostAsJsonAsync("/api/content/posts",
            new { platform = "linkedin", content = "Astuce sur {{topic}}", hashtags = new[] { "Tips" } }, Ct);
        var postId = Id((await post.ReadJsonAsync())["data"]!);

        var template = await CreateAsync(user, new { post_id = postId, name = "Depuis un post", category = "etude_cas", description = "d" });

        Assert.Equal("Astuce sur {{topic}}", template["content"]!.GetValue<string>());
        Assert.Equal("linkedin", template["platform"]!.GetValue<string>());
        Assert.Equal("etude_cas", template["category"]!.GetValue<string>());
        Assert.Equal(["Tips"], template["hashtags"]!.AsArray().Select(h => h!.GetValue<string>()));
        Assert.Equal("", template["variables"]!["topic"]!.GetValue<string>());
    }

    [Fact]
    public async Task Templates_are_listed_by_category_and_platform_changed_and_deleted()
    {
        var user = await app.RegisterAsync();
        var tip = await CreateAsync(user, Monday);
        await CreateAsync(user, new { name = "Promo", category = "promo", platform = "instagram", content = "Sale" });

        var tips = (await user.Http.GetFromJsonAsync<JsonNode>("/api/templates?category=conseil&platform=linkedin", Ct))!["data"]!.AsArray();
        Assert.Equal([Id(tip)], tips.Select(t => Id(t!)));
        Assert.Equal(HttpStatusCode.BadRequest, (await user.Http.GetAsync("/api/templates?category=nope", Ct)).StatusCode);

        var patched = await user.Http.PatchAsJsonAsync($"/api/templates/{Id(tip)}", new { name = "Renamed", updated_at = tip["updated_at"] }, Ct);
        Assert.Equal("Renamed", (await patched.ReadJsonAsync())["data"]!["name"]!.GetValue<string>());
        var stale = await user.Http.PatchAsJsonAsync($"/api/templates/{Id(tip)}", new { name = "Stale", updated_at = tip["updated_at"] }, Ct);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await user.Http.DeleteAsync($"/api/templates/{Id(tip)}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await user.Http.GetAsync($"/api/templates/{Id(tip)}", Ct)).StatusCode);
    }

    [Fact]
    public async Task Another_users_template_is_404_everywhere()
    {
        var owner = await app.RegisterAsync();
        var other = await app.RegisterAsync();
        var template = await CreateAsync(owner, Monday);
        var url = $"/api/templates/{Id(template)}";

        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.GetAsync(url, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.PatchAsJsonAsync(url, new { name = "Mine" }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.PostAsJsonAsync($"{url}/use", new { variables = new { } }, Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.Http.DeleteAsync(url, Ct)).StatusCode);
        Assert.Empty((await other.Http.GetFromJsonAsync<JsonNode>("/api/templates", Ct))!["data"]!.AsArray());
    }
}
