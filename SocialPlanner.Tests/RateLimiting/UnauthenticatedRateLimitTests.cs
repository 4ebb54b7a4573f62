using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using SocialPlanner.Tests.Infrastructure;

namespace SocialPlanner.Tests.RateLimiting;

/// <summary>Spec "Rate Limiting": the global and per-address limits protect the Api from floods, so a request the Api
/// refuses for want of a valid token counts against them (and says so in its headers) like any other; before, the 401
/// was answered before the limiter ran, and a flood of bad tokens went uncounted.</summary>
[Collection(AppCollection.Name)]
public sealed class UnauthenticatedRateLimitTests(AppFixture app)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task A_request_refused_for_its_token_is_counted_per_address_with_the_rate_limit_headers(string? token)
    {
        using var client = app.CreateApiClient(null);
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        var response = await client.GetAsync(new Uri("/api/content/posts", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // The fixture raises the global and per-address limits to a million (AppFixture): the headers name that limit
        // and what is left of it, so the request was counted.
        Assert.Equal("1000000", response.Headers.GetValues("X-RateLimit-Limit").Single());
        Assert.InRange(long.Parse(response.Headers.GetValues("X-RateLimit-Remaining").Single(), CultureInfo.InvariantCulture), 0, 999_999);
    }
}
