using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Api;

/// <summary>Issue #14: the request rules answer the same on the wire whatever implements them. Each case pins the
/// whole validation answer (status, type, detail, and every field error with its message, in order), including
/// requests that break several rules on several fields at once.</summary>
[Collection(AppCollection.Name)]
public sealed class ValidationErrorTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Several = "One or more fields are invalid";

    private static readonly string ElevenIds = "[" + string.Join(",", Enumerable.Range(0, 11).Select(_ => $"\"{Guid.NewGuid()}\"")) + "]";

    /// <summary>{post} and {template} in a path or body stand for the user's own post and template; {missing} for an
    /// id that names nothing.</summary>
    public sealed record Case(string Method, string Path, string? Body, int Status, string Detail, params string[] Errors)
    {
        public override string ToString() => $"{Method} {Path} {Body}";
    }

    private static readonly Case[] Cases =
    [
        new("POST", "/api/auth/register", """{}""", 400, "One or more fields are invalid", "email: Required", "password: Required"),
        new("POST", "/api/auth/register", """{"email":"not-an-email","password":"short"}""", 400, "One or more fields are invalid", "email: Must be a valid email address", "password: Passwords must be at least 8 characters.", "password: Passwords must have at least one digit ('0'-'9').", "password: Passwords must have at least one uppercase ('A'-'Z')."),
        new("POST", "/api/auth/register", """{"email":" ","password":""}""", 400, "One or more fields are invalid", "email: Required", "password: Required"),
        new("POST", "/api/auth/register", """{"email":"a@b.co","password":"alllowercase1"}""", 400, "Passwords must have at least one uppercase ('A'-'Z').", "password: Passwords must have at least one uppercase ('A'-'Z')."),
        new("POST", "/api/auth/register", """{"email":"zone@b.co","password":"SecurePass123!","time_zone":"Europe/Atlantis"}""", 400, "Must be an IANA time zone such as Europe/Zurich", "time_zone: Must be an IANA time zone such as Europe/Zurich"),
        new("POST", "/api/auth/login", """{}""", 400, "One or more fields are invalid", "email: Required", "password: Required"),
        new("POST", "/api/auth/login", """{"email":"  ","password":"x"}""", 400, "Required", "email: Required"),
        new("POST", "/api/auth/refresh", """{}""", 400, "Required", "refresh_token: Required"),
        new("POST", "/api/auth/refresh", """{"refresh_token":" "}""", 400, "Required", "refresh_token: Required"),
        new("POST", "/api/auth/reset-password", """{}""", 400, "Required", "email: Required"),
        new("POST", "/api/auth/reset-password", """{"email":" someone@example.com"}""", 400, "Must be a valid email address", "email: Must be a valid email address"),
        new("POST", "/api/auth/reset-password/confirm", """{}""", 400, "One or more fields are invalid", "email: Required", "token: Required", "new_password: Required"),
        new("POST", "/api/auth/reset-password/confirm", """{"email":"a@b.co","token":" "}""", 400, "One or more fields are invalid", "token: Required", "new_password: Required"),
        new("PATCH", "/api/auth/me", """{}""", 400, "Must be an IANA time zone such as Europe/Zurich", "time_zone: Must be an IANA time zone such as Europe/Zurich"),
        new("PATCH", "/api/auth/me", """{"time_zone":"W. Europe Standard Time"}""", 400, "Must be an IANA time zone such as Europe/Zurich", "time_zone: Must be an IANA time zone such as Europe/Zurich"),
        new("GET", "/api/content/posts?status=sent&platform=myspace&limit=0", null, 400, "One or more fields are invalid", "status: Must be one of draft, scheduled, published, failed", "platform: Must be one of linkedin, instagram, both", "limit: Must be between 1 and 100"),
        new("GET", "/api/content/posts?limit=101", null, 400, "Must be between 1 and 100", "limit: Must be between 1 and 100"),
        new("GET", "/api/content/posts?status=Draft", null, 400, "Must be one of draft, scheduled, published, failed", "status: Must be one of draft, scheduled, published, failed"),
        new("POST", "/api/content/posts", """[]""", 400, "One or more fields are invalid", "body: Must be a JSON object", "content: Required", "platform: Required"),
        new("POST", "/api/content/posts", """{}""", 400, "One or more fields are invalid", "content: Required", "platform: Required"),
        new("POST", "/api/content/posts", """{"platform":"myspace","hashtags":["two words"]}""", 400, "One or more fields are invalid", "platform: Must be one of linkedin, instagram, both", "hashtags: Must be a list of words without spaces", "content: Required"),
        new("POST", "/api/content/posts", """{"content":" ","platform":3,"hashtags":"x","idea_source":1,"ai_generated":"yes","rating":6,"template_id":"x","metadata":[],"updated_at":"yesterday"}""", 400, "One or more fields are invalid", "content: Required", "platform: Must be one of linkedin, instagram, both", "hashtags: Must be a list of words without spaces", "idea_source: Must be a string", "ai_generated: Must be true or false", "rating: Must be an integer from 1 to 5", "template_id: Must be an id", "metadata: Must be an object", "updated_at: Must be an ISO-8601 timestamp"),
        new("POST", "/api/content/posts", $$"""{"content":"x","platform":"linkedin","media_ids":{{ElevenIds}} }""", 400, "A post can have at most 10 media", "media_ids: A post can have at most 10 media"),
        new("POST", "/api/content/posts", """{"content":"x","platform":"linkedin","media_ids":["x"],"rating":null,"hashtags":["#ok","#not#ok"]}""", 400, "One or more fields are invalid", "media_ids: Must be a list of media ids", "hashtags: Must be a list of words without spaces"),
        new("PATCH", "/api/content/posts/{post}", """{"rating":0,"content":5}""", 400, "One or more fields are invalid", "rating: Must be an integer from 1 to 5", "content: Required"),
        new("PATCH", "/api/content/posts/{post}", "\"text\"", 400, "Must be a JSON object", "body: Must be a JSON object"),
        new("PATCH", "/api/content/posts/{missing}", """{"rating":0}""", 404, "Post not found"),
        new("POST", "/api/content/posts/{post}/rate", """{"rating":6}""", 400, "Must be an integer from 1 to 5", "rating: Must be an integer from 1 to 5"),
        new("POST", "/api/content/posts/{post}/rate", """{}""", 400, "Must be an integer from 1 to 5", "rating: Must be an integer from 1 to 5"),
        new("GET", "/api/calendar/posts", null, 400, "Required, as YYYY-MM", "month: Required, as YYYY-MM"),
        new("GET", "/api/calendar/posts?month=2024-13&tz=Mars/Olympus", null, 400, "One or more fields are invalid", "month: Required, as YYYY-MM", "tz: Must be an IANA time zone such as Europe/Zurich"),
        new("GET", "/api/calendar/posts?month=2024-1&tz=", null, 400, "One or more fields are invalid", "month: Required, as YYYY-MM", "tz: Must be an IANA time zone such as Europe/Zurich"),
        new("PATCH", "/api/calendar/posts/{post}/schedule", """{}""", 400, "Required, as an ISO-8601 timestamp", "scheduled_at: Required, as an ISO-8601 timestamp"),
        new("PATCH", "/api/calendar/posts/{missing}/schedule", """{}""", 400, "Required, as an ISO-8601 timestamp", "scheduled_at: Required, as an ISO-8601 timestamp"),
        new("GET", "/api/templates?category=tips&platform=both2", null, 400, "One or more fields are invalid", "category: Must be one of conseil, actualite, temoignage, etude_cas, promo, autre", "platform: Must be one of linkedin, instagram, both"),
        new("POST", "/api/templates", """{}""", 400, "One or more fields are invalid", "name: Required", "category: Required", "platform: Required (or give post_id)", "content: Required (or give post_id)"),
        new("POST", "/api/templates", """{"name":" ","category":"tips","platform":"x","content":" ","variables":[1]}""", 400, "One or more fields are invalid", "name: Must be 1 to 100 characters", "category: Must be one of conseil, actualite, temoignage, etude_cas, promo, autre", "platform: Must be one of linkedin, instagram, both", "content: Must not be blank", "variables: Must be an object whose values are strings"),
        new("POST", "/api/templates", """{"content":" ","variables":{"a":1}}""", 400, "One or more fields are invalid", "content: Must not be blank", "variables: Must be an object whose values are strings", "name: Required", "category: Required", "platform: Required (or give post_id)"),
        new("POST", "/api/templates", """{"post_id":"{missing}","name":" "}""", 404, "Post not found"),
        new("POST", "/api/templates", $$"""{"post_id":"{post}","name":"{{new string('n', 101)}}"}""", 400, "One or more fields are invalid", "name: Must be 1 to 100 characters", "category: Required"),
        new("PATCH", "/api/templates/{template}", """{"name":"","category":"x","platform":"x","content":"","variables":{"a":1}}""", 400, "One or more fields are invalid", "name: Must be 1 to 100 characters", "category: Must be one of conseil, actualite, temoignage, etude_cas, promo, autre", "platform: Must be one of linkedin, instagram, both", "content: Must not be blank", "variables: Must be an object whose values are strings"),
        new("PATCH", "/api/templates/{template}", """{"variables":"x"}""", 400, "Must be an object whose values are strings", "variables: Must be an object whose values are strings"),
        new("PATCH", "/api/templates/{missing}", """{"name":""}""", 404, "Template not found"),
        new("POST", "/api/templates/{template}/use", """{"variables":"x"}""", 400, "Must be an object whose values are strings", "variables: Must be an object whose values are strings"),
        new("POST", "/api/templates/{template}/use", """{"variables":{"who":1}}""", 400, "Must be an object whose values are strings", "variables: Must be an object whose values are strings"),
        new("POST", "/api/templates/{missing}/use", """{"variables":"x"}""", 404, "Template not found"),
        new("POST", "/api/ai/generate-ideas", """{}""", 400, "One or more fields are invalid", "context: Required", "themes: Between 1 and 10 themes"),
        new("POST", "/api/ai/generate-ideas", """{"context":"x","themes":[],"count":20}""", 400, "One or more fields are invalid", "themes: Between 1 and 10 themes", "count: Between 10 and 15"),
        new("POST", "/api/ai/generate-ideas", $$"""{"context":"{{new string('c', 501)}}","themes":["a",""],"count":9}""", 400, "One or more fields are invalid", "context: At most 500 characters", "themes: Each theme is a non-empty text of at most 100 characters", "count: Between 10 and 15"),
        new("POST", "/api/ai/generate-ideas", """{"context":" ","themes":["a","b","c","d","e","f","g","h","i","j","k"]}""", 400, "One or more fields are invalid", "context: Required", "themes: Between 1 and 10 themes"),
        new("POST", "/api/ai/generate-post", """{}""", 400, "One or more fields are invalid", "idea.title: Required", "platform: Required: linkedin or instagram"),
        new("POST", "/api/ai/generate-post", $$"""{"idea":{"title":"{{new string('t', 301)}}","description":"{{new string('d', 2001)}}"},"platform":"1","tone":"loud","length":"Huge"}""", 400, "One or more fields are invalid", "idea.title: At most 300 characters", "idea.description: At most 2000 characters", "platform: Must be linkedin or instagram", "tone: Must be professional, casual or inspirational", "length: Must be short, medium or long"),
        new("POST", "/api/ai/generate-post", """{"idea":{"title":" "},"platform":"both","tone":" ","length":"LONG"}""", 400, "One or more fields are invalid", "idea.title: Required", "platform: Must be linkedin or instagram"),
        new("POST", "/api/ai/generate-variants", """{}""", 400, "Required", "post_id: Required"),
        new("POST", "/api/ai/generate-variants", """{"variations":["a","a"]}""", 400, "One or more fields are invalid", "post_id: Required", "variations: Between 1 and 5 distinct variations"),
        new("POST", "/api/ai/generate-variants", """{"post_id":"{post}","variations":["shorter","nope"]}""", 400, "Unknown variation 'nope'; use shorter, longer, more_casual, more_professional, with_cta, with_question, with_emojis", "variations: Unknown variation 'nope'; use shorter, longer, more_casual, more_professional, with_cta, with_question, with_emojis"),
        new("POST", "/api/ai/generate-variants", """{"post_id":"{missing}","variations":[]}""", 400, "Between 1 and 5 distinct variations", "variations: Between 1 and 5 distinct variations"),
        new("POST", "/api/ai/generate-variants", """{"post_id":"{missing}"}""", 404, "Post not found"),
        new("GET", "/api/media?type=gif&limit=0", null, 400, "One or more fields are invalid", "type: Must be image or video", "limit: Must be between 1 and 100"),
        new("GET", "/api/media?limit=101", null, 400, "Must be between 1 and 100", "limit: Must be between 1 and 100"),
    ];

    [Fact]
    public async Task Every_request_rule_answers_with_its_status_fields_and_messages()
    {
        var user = await app.RegisterAsync();
        var post = await CreateAsync(user, "/api/content/posts", new { platform = "linkedin", content = "A post" });
        var template = await CreateAsync(user, "/api/templates", new { name = "T", category = "conseil", platform = "linkedin", content = "Hi {{who}}" });
        string Fill(string text) => text.Replace("{post}", post).Replace("{template}", template).Replace("{missing}", Guid.NewGuid().ToString());

        var failures = new List<string>();
        foreach (var c in Cases)
        {
            using var request = new HttpRequestMessage(new HttpMethod(c.Method), Fill(c.Path));
            if (c.Body is not null)
            {
                request.Content = new StringContent(Fill(c.Body), Encoding.UTF8, "application/json");
            }
            // The AI endpoints allow a user a few calls a minute: each AI case is another user's first.
            var caller = c.Path.StartsWith("/api/ai/", StringComparison.Ordinal) ? await app.RegisterAsync() : user;
            using var response = await caller.Http.SendAsync(request, Ct);
            var text = await response.Content.ReadAsStringAsync(Ct);
            var error = JsonNode.Parse(text)?["error"];
            var actual = new Case(c.Method, c.Path, c.Body, (int)response.StatusCode, error?["detail"]?.GetValue<string>() ?? text,
                error?["errors"]?.AsArray().Select(e => $"{e!["field"]!.GetValue<string>()}: {e["message"]!.GetValue<string>()}").ToArray() ?? []);
            var expectedType = c.Status == 400 ? "validation_error" : c.Status == 404 ? "not_found" : null;
            if (actual.Status != c.Status || actual.Detail != c.Detail || !actual.Errors.SequenceEqual(c.Errors)
                || (expectedType is not null && error?["type"]?.GetValue<string>() != expectedType))
            {
                failures.Add($"[{Array.IndexOf(Cases, c)}] {Describe(actual)}");
            }
        }
        Assert.True(failures.Count == 0, "Answers that differ (as they are now):" + Environment.NewLine + string.Join(Environment.NewLine, failures));
    }

    private static async Task<string> CreateAsync(TestUser user, string path, object body)
    {
        var response = await user.Http.PostAsJsonAsync(path, body, Ct);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return (await response.ReadJsonAsync())["data"]!["id"]!.GetValue<string>();
    }

    private static string Describe(Case c) =>
        $"new(\"{c.Method}\", \"{c.Path}\", {(c.Body is null ? "null" : "\"\"\"" + c.Body + "\"\"\"")}, {c.Status}, \"{c.Detail}\""
        + string.Concat(c.Errors.Select(e => $", \"{e}\"")) + "),";
}
