using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.Ai;

/// <summary>Issue 4 §1 through the running Api and the real OpenAI client: the spec's answer to each provider error,
/// and an ai_generations row for every call, successful or not.</summary>
[Collection(SandboxProviderCollection.Name)]
public sealed partial class ProviderErrorsOverHttpTests(SandboxProviderFixture app)
{
    private static readonly object Post = new
    {
        idea = new { title = "Pricing your design work", description = "Why hourly rates hurt freelancers." },
        platform = "linkedin",
        length = "short",
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_post_is_written_by_the_configured_provider_and_audited_with_its_model()
    {
        var user = await app.RegisterAsync();

        var response = await user.Http.PostAsJsonAsync("/api/ai/generate-post", Post, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.ReadJsonAsync())["data"]!;
        Assert.True(data["tokens_used"]!.GetValue<int>() > 0);
        Assert.Equal($"{SandboxProviderFixture.PrimaryModel}|true|post_linkedin", await AuditAsync(Guid.Parse(data["generation_id"]!.GetValue<string>())));
    }

    [Fact]
    public async Task Provider_unavailable_is_our_503_with_Retry_After_30_and_a_failed_audit_row()
    {
        var user = await app.RegisterAsync();
        await app.ArmPrimaryFaultAsync(times: 1, status: 503);

        var response = await user.Http.PostAsJsonAsync("/api/ai/generate-post", Post, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter!.Delta);
        var error = await response.ReadErrorAsync();
        Assert.Equal("service_unavailable", error["type"]!.GetValue<string>());
        Assert.Equal($"{SandboxProviderFixture.PrimaryModel}|false|post_linkedin", await AuditAsync(GenerationIn(error)));
    }

    [Fact]
    public async Task Malformed_output_twice_is_502_bad_gateway_and_a_failed_audit_row_keeps_the_answer()
    {
        var user = await app.RegisterAsync();
        await app.ArmPrimaryFaultAsync(times: 2, malformedJson: true);

        var response = await user.Http.PostAsJsonAsync("/api/ai/generate-post", Post, Ct);

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal("bad_gateway", error["type"]!.GetValue<string>());
        var generation = GenerationIn(error);
        // The model is the one the unusable answer names (the sandbox's malformed answers say "sandbox").
        Assert.Matches("^sandbox.*[|]false[|]post_linkedin$", await AuditAsync(generation));
        Assert.Contains("Unfinished", await app.OwnerScalarAsync<string>("SELECT response FROM ai_generations WHERE id = $1", generation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_provider_server_error_is_answered_by_the_fallback_model()
    {
        var user = await app.RegisterAsync();
        await app.ArmPrimaryFaultAsync(times: 1, status: 500);

        var response = await user.Http.PostAsJsonAsync("/api/ai/generate-post", Post, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var generation = Guid.Parse((await response.ReadJsonAsync())["data"]!["generation_id"]!.GetValue<string>());
        Assert.Equal($"{SandboxProviderFixture.FallbackModel}|true|post_linkedin", await AuditAsync(generation));
    }

    private Task<string> AuditAsync(Guid generation) => app.OwnerScalarAsync<string>(
        "SELECT model || '|' || success || '|' || type FROM ai_generations WHERE id = $1 AND prompt <> '' AND duration_ms >= 0", generation);

    /// <summary>A failure names its audit row in the detail.</summary>
    private static Guid GenerationIn(System.Text.Json.Nodes.JsonNode error) =>
        Guid.Parse(GenerationPattern().Match(error["detail"]!.GetValue<string>()).Groups[1].Value);

    [GeneratedRegex(@"generation ([0-9a-f-]{36})")]
    private static partial Regex GenerationPattern();
}
