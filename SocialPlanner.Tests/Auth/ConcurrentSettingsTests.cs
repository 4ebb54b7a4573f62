using System.Net;
using System.Net.Http.Json;
using SocialPlanner.Tests.Infrastructure;
using static SocialPlanner.Tests.Infrastructure.ApiClient;

namespace SocialPlanner.Tests.Auth;

/// <summary>Two tabs (or the Settings page and a language switch) saving different settings at once: each save that
/// answers 200 must be kept. Identity refuses the second of two concurrent writes of a user (its concurrency stamp);
/// the Api used to ignore that refusal and answer 200 with the change unsaved (seen as a flaky Settings browser test,
/// 2026-12-07).</summary>
[Collection(AppCollection.Name)]
public sealed class ConcurrentSettingsTests(AppFixture app)
{
    [Fact]
    public async Task Settings_saved_at_the_same_time_are_all_kept()
    {
        var user = await app.RegisterAsync();
        string[] zones = ["Europe/Zurich", "Pacific/Auckland"];
        string[] languages = ["fr", "en"];
        for (var round = 0; round < 8; round++)
        {
            var zone = zones[round % 2];
            var language = languages[round % 2];
            var notify = round % 2 == 0;

            var answers = await Task.WhenAll(
                user.Http.PatchAsJsonAsync("/api/auth/me", new { time_zone = zone }, Ct),
                user.Http.PatchAsJsonAsync("/api/auth/me", new { language }, Ct),
                user.Http.PutAsJsonAsync("/api/auth/me/notifications", new { publication_failed = notify, reconnect_needed = !notify }, Ct));

            Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
            var me = (await (await user.Http.GetAsync("/api/auth/me", Ct)).ReadJsonAsync())["data"]!;
            Assert.Equal(zone, me["time_zone"]!.GetValue<string>());
            Assert.Equal(language, me["language"]!.GetValue<string>());
            Assert.Equal(notify, me["notifications"]!["publication_failed"]!.GetValue<bool>());
            Assert.Equal(!notify, me["notifications"]!["reconnect_needed"]!.GetValue<bool>());
        }
    }
}
