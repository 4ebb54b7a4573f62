using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SocialPlanner.Tests.Ai;
using SocialPlanner.Tests.Infrastructure;
using SocialPlanner.Tests.Web;

namespace SocialPlanner.Tests.Localisation;

/// <summary>Issue #18 §1, the Api's side: errors speak the request's language (<c>Accept-Language</c>), English when
/// none is sent; emails, the calendar feed and the AI speak the user's stored language, whoever asks.</summary>
[Collection(AppCollection.Name)]
public sealed class ApiLanguageTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly CultureInfo SwissFrench = CultureInfo.GetCultureInfo("fr-CH");

    private HttpClient Client(string? language = "fr-CH") => app.CreateApiClient(language);

    /// <summary>A user who signed up from a French browser, calling with it.</summary>
    private Task<TestUser> RegisterFrenchAsync() => app.RegisterAsync(acceptLanguage: "fr-CH");

    private static string[] Messages(JsonNode error) =>
        [.. error["errors"]!.AsArray().Select(e => $"{e!["field"]!.GetValue<string>()}: {e["message"]!.GetValue<string>()}")];

    [Fact]
    public async Task A_validation_error_is_in_French_for_a_French_caller_password_policy_included()
    {
        var response = await Client().PostAsJsonAsync("/api/auth/register", new { email = "not-an-email", password = "short" }, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal("validation_error", error["type"]!.GetValue<string>());
        Assert.Equal("Validation échouée", error["title"]!.GetValue<string>());
        Assert.Equal("Un ou plusieurs champs sont invalides", error["detail"]!.GetValue<string>());
        Assert.Equal(
            [
                "email: Doit être une adresse e-mail valide",
                "password: Le mot de passe doit compter au moins 8 caractères.",
                "password: Le mot de passe doit contenir au moins un chiffre (0 à 9).",
                "password: Le mot de passe doit contenir au moins une majuscule (A à Z).",
            ],
            Messages(error));
    }

    [Fact]
    public async Task Without_Accept_Language_errors_stay_English()
    {
        var response = await Client(language: null).PostAsJsonAsync("/api/auth/register", new { }, Ct);

        var error = await response.ReadErrorAsync();
        Assert.Equal("Validation Failed", error["title"]!.GetValue<string>());
        Assert.Equal("One or more fields are invalid", error["detail"]!.GetValue<string>());
        Assert.Equal(["email: Required", "password: Required"], Messages(error));
        var notFound = await (await Client(language: null).GetAsync("/api/no-such-route", Ct)).ReadErrorAsync();
        Assert.Equal("No such resource", notFound["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Not_found_answers_are_in_French_for_an_unknown_route_and_an_unknown_post()
    {
        var route = await Client().GetAsync("/api/no-such-route", Ct);
        Assert.Equal(HttpStatusCode.NotFound, route.StatusCode);
        var routeError = await route.ReadErrorAsync();
        Assert.Equal("not_found", routeError["type"]!.GetValue<string>());
        Assert.Equal("Introuvable", routeError["title"]!.GetValue<string>());
        Assert.Equal("Cette ressource n’existe pas", routeError["detail"]!.GetValue<string>());

        var user = await RegisterFrenchAsync();
        var post = await user.Http.GetAsync($"/api/content/posts/{Guid.NewGuid()}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal("Publication introuvable", (await post.ReadErrorAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_unauthenticated_call_is_refused_in_French()
    {
        var response = await Client().GetAsync("/api/auth/me", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal("unauthorized", error["type"]!.GetValue<string>());
        Assert.Equal("Non authentifié", error["title"]!.GetValue<string>());
        Assert.Equal("Vous devez être connecté", error["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task Business_rules_are_in_French_the_Api_s_and_the_platforms_with_French_numbers()
    {
        var user = await RegisterFrenchAsync();
        var created = await user.Http.PostAsJsonAsync("/api/content/posts", new { platform = "linkedin", content = "Bonjour" }, Ct);
        var postId = (await created.ReadJsonAsync())["data"]!["id"]!.GetValue<string>();

        var past = await user.Http.PatchAsJsonAsync($"/api/calendar/posts/{postId}/schedule",
            new { scheduled_at = DateTimeOffset.UtcNow.AddDays(-1) }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, past.StatusCode);
        var pastError = await past.ReadErrorAsync();
        Assert.Equal("business_rule_violation", pastError["type"]!.GetValue<string>());
        Assert.Equal("Règle métier non respectée", pastError["title"]!.GetValue<string>());
        Assert.Equal("scheduled_at doit être dans le futur", pastError["detail"]!.GetValue<string>());
        Assert.Equal(["scheduled_at: Doit être dans le futur"], Messages(pastError));

        var tooLong = await user.Http.PostAsJsonAsync("/api/content/posts", new { platform = "linkedin", content = new string('a', 3_001) }, Ct);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Equal(
            $"Les publications LinkedIn sont limitées à {3_000.ToString("N0", SwissFrench)} caractères (celle-ci en compte {3_001.ToString("N0", SwissFrench)})",
            (await tooLong.ReadErrorAsync())["detail"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_sign_in_throttle_and_the_AI_quota_answer_in_French()
    {
        var user = await RegisterFrenchAsync();
        HttpResponseMessage response;
        var attempts = 0;
        do
        {
            response = await Client().PostAsJsonAsync("/api/auth/login", new { email = user.Email, password = "Wrong12345" }, Ct);
            attempts++;
        }
        while (response.StatusCode == HttpStatusCode.Unauthorized && attempts < 20);
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var throttled = await response.ReadErrorAsync();
        Assert.Equal("Trop de requêtes", throttled["title"]!.GetValue<string>());
        Assert.Equal("Trop de tentatives de connexion échouées ; réessayez plus tard", throttled["detail"]!.GetValue<string>());

        await AiApiTests.UseUpIdeaQuotaAsync(app, user.Id);
        var quota = await user.Http.PostAsJsonAsync("/api/ai/generate-ideas", new { context = "boulangerie", themes = new[] { "pain" }, count = 10 }, Ct);
        Assert.Equal(HttpStatusCode.TooManyRequests, quota.StatusCode);
        var quotaError = await quota.ReadErrorAsync();
        Assert.Equal("quota_exceeded", quotaError["type"]!.GetValue<string>());
        Assert.StartsWith("Le quota mensuel de 100 générations d’idées est épuisé", quotaError["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Signing_up_from_a_French_browser_stores_French_and_only_known_languages_are_accepted()
    {
        var user = await RegisterFrenchAsync();

        var me = (await (await user.Http.GetAsync("/api/auth/me", Ct)).ReadJsonAsync())["data"]!;
        Assert.Equal("fr", me["language"]!.GetValue<string>());

        var german = await user.Http.PatchAsJsonAsync("/api/auth/me", new { language = "de" }, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, german.StatusCode);
        Assert.Equal(["language: Doit être l’une des valeurs : en, fr"], Messages(await german.ReadErrorAsync()));
        var english = await user.Http.PatchAsJsonAsync("/api/auth/me", new { language = "en" }, Ct);
        Assert.Equal("en", (await english.ReadJsonAsync())["data"]!["language"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_password_reset_mail_is_in_the_accounts_language_not_the_requests()
    {
        var user = await RegisterFrenchAsync();

        // Asked from an English browser: the mail still speaks the account's French.
        var asked = await Client("en-GB").PostAsJsonAsync("/api/auth/reset-password", new { email = user.Email }, Ct);
        Assert.Equal("Password reset email sent", (await asked.ReadJsonAsync())["data"]!["message"]!.GetValue<string>());

        var sandbox = app.CreateHttpClient("sandbox");
        var mail = await WebUser.EventuallyAsync(async ct =>
            (await sandbox.GetFromJsonAsync<JsonArray>($"/api/mail?to={Uri.EscapeDataString(user.Email)}", ct))!.FirstOrDefault(),
            TimeSpan.FromSeconds(30), $"a reset mail for {user.Email}");
        Assert.Equal("Réinitialisez votre mot de passe SocialPlanner", mail["subject"]!.GetValue<string>());
        var text = mail["text_body"]!.GetValue<string>();
        Assert.Contains("Quelqu’un a demandé à réinitialiser le mot de passe de votre compte SocialPlanner.", text, StringComparison.Ordinal);
        Assert.Contains("/reset-password?", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_AI_is_told_to_write_in_the_users_language_unless_the_idea_is_in_another()
    {
        var user = await RegisterFrenchAsync();

        var response = await user.Http.PostAsJsonAsync("/api/ai/generate-post",
            new { idea = new { title = "Three habits of calm founders" }, platform = "linkedin" }, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = Guid.Parse((await response.ReadJsonAsync())["data"]!["generation_id"]!.GetValue<string>());
        var prompt = await app.OwnerScalarAsync<string>("SELECT prompt FROM ai_generations WHERE id = $1", id);
        Assert.Contains("Write in French unless the user's text in the input", prompt, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_calendar_feed_speaks_its_owners_language()
    {
        var user = await RegisterFrenchAsync();
        var created = await user.Http.PostAsJsonAsync("/api/content/posts", new { platform = "linkedin", content = "Rentrée des classes" }, Ct);
        var postId = (await created.ReadJsonAsync())["data"]!["id"]!.GetValue<string>();
        Assert.Equal(HttpStatusCode.OK, (await user.Http.PatchAsJsonAsync($"/api/calendar/posts/{postId}/schedule",
            new { scheduled_at = DateTimeOffset.UtcNow.AddDays(3) }, Ct)).StatusCode);
        var url = (await (await user.Http.PostAsync("/api/calendar/feed", null, Ct)).ReadJsonAsync())["data"]!["url"]!.GetValue<string>();

        // A calendar application sends no language of its own.
        using var calendarApp = new HttpClient();
        var feed = Ical.Net.Calendar.Load(await calendarApp.GetStringAsync(url, Ct))!;

        var post = Assert.Single(feed.Events);
        Assert.Equal("LinkedIn : Rentrée des classes", post.Summary);
        Assert.Contains("Ouvrir dans SocialPlanner :", post.Description, StringComparison.Ordinal);
    }
}
