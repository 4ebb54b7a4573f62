using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SocialPlanner.Tests.Calendar;
using SocialPlanner.Tests.Infrastructure;
using SocialPlanner.Tests.Publishing;

namespace SocialPlanner.Tests.Localisation;

/// <summary>Issue #18 §1, the last English corner: why a post failed is written by the Worker, which has no reader, yet
/// it reads in each reader's language — in publish now's error, the post, the posts list and the failure email — while
/// what the platform itself said stays as it said it.</summary>
public sealed class FailureReasonLanguageTests(AppFixture app) : PlatformTest(app)
{
    private AppFixture App { get; } = app;

    [Fact]
    public async Task A_refusal_reads_in_French_for_a_French_reader_and_in_English_for_an_English_one()
    {
        var user = await App.RegisterAsync(acceptLanguage: "fr-CH");
        (await user.Http.PatchAsJsonAsync("/api/auth/me", new { language = "fr" }, Ct)).EnsureSuccessStatusCode();
        var account = await ConnectLinkedInUserAsync(user.Id);
        var said = Unique("ERROR :: /commentary :: the content is not allowed");
        var body = new JsonObject { ["status"] = 422, ["message"] = said }.ToJsonString();
        await ArmFaultAsync(new { endpoint = "linkedin.posts", times = 1, status = 422, body, user = account.MemberId });
        var postId = await CalendarApiTests.CreatePostAsync(user, Unique("Refusée par LinkedIn"));

        var response = await user.Http.PostAsJsonAsync("/api/social/linkedin/publish", new { post_id = postId }, Ct);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var french = $"LinkedIn a refusé la publication : {said}";
        Assert.Equal(french, (await response.ReadErrorAsync())["detail"]!.GetValue<string>());

        var post = (await user.Http.GetFromJsonAsync<JsonNode>($"/api/content/posts/{postId}", Ct))!["data"]!;
        Assert.Equal($"LinkedIn : {french}", post["error_message"]!.GetValue<string>());
        Assert.Equal(french, post["publications"]![0]!["error_message"]!.GetValue<string>());
        var failed = (await user.Http.GetFromJsonAsync<JsonNode>("/api/content/posts?status=failed", Ct))!["data"]!.AsArray();
        Assert.Equal($"LinkedIn : {french}", Assert.Single(failed)!["error_message"]!.GetValue<string>());

        // The same user from an English browser reads English; the English column keeps English for logs and exports.
        var english = App.CreateApiClient("en-GB");
        english.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", user.AccessToken);
        var inEnglish = (await english.GetFromJsonAsync<JsonNode>($"/api/content/posts/{postId}", Ct))!["data"]!;
        Assert.Equal($"LinkedIn: LinkedIn refused the post: {said}", inEnglish["error_message"]!.GetValue<string>());
        Assert.Equal($"LinkedIn refused the post: {said}",
            await OwnerScalarAsync<string>("SELECT error_message FROM post_publications WHERE post_id = $1", Guid.Parse(postId)));

        // The failure email follows the user's stored language.
        const string subject = "Votre publication LinkedIn n’a pas été publiée";
        await WaitUntilAsync(async () => (await MailSubjectsAsync(user.Email)).Contains(subject));
        Assert.Contains($"Motif : {french}", await MailTextAsync(user.Email, subject), StringComparison.Ordinal);
    }
}
