using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Microsoft.AspNetCore.WebUtilities;

namespace SocialPlanner.Tests.Sandbox;

[Collection(SandboxProcessGroup.Name)]
public sealed class LinkedInEmulatorTests(SandboxProcessFixture sandbox)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_code_flow_yields_a_token_with_refresh_token_and_the_code_is_single_use()
    {
        using var http = sandbox.CreateClient();
        var code = await LinkedInSession.ConsentAsync(http, "openid profile w_member_social");

        var token = await (await LinkedInSession.ExchangeAsync(http, code)).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal(5_184_000, token.GetProperty("expires_in").GetInt32(), tolerance: 5);
        Assert.Equal("Bearer", token.GetProperty("token_type").GetString());
        Assert.True(token.GetProperty("refresh_token_expires_in").GetInt32() > 31_000_000);
        Assert.Equal(3, token.GetProperty("id_token").GetString()!.Split('.').Length);

        var again = await LinkedInSession.ExchangeAsync(http, code);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Equal("invalid_grant", (await again.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("error").GetString());
    }

    [Fact]
    public async Task A_code_exchanged_with_another_redirect_uri_is_refused()
    {
        using var http = sandbox.CreateClient();
        var code = await LinkedInSession.ConsentAsync(http, "openid");

        var response = await LinkedInSession.ExchangeAsync(http, code, "http://evil.test/callback");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Cancelling_consent_redirects_with_user_cancelled_authorize_and_the_state()
    {
        using var http = sandbox.CreateClient();
        var page = await http.GetStringAsync(LinkedInSession.AuthorizeUrl("openid"), Cancel);
        Assert.Contains("Allow", page);

        var response = await http.PostAsync("/oauth/v2/authorization", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["response_type"] = "code",
            ["client_id"] = LinkedInSession.ClientId,
            ["redirect_uri"] = LinkedInSession.RedirectUri,
            ["state"] = "xyz",
            ["scope"] = "openid",
            ["decision"] = "cancel",
        }), Cancel);

        var query = QueryHelpers.ParseQuery(response.Headers.Location!.Query);
        Assert.Equal("user_cancelled_authorize", query["error"]);
        Assert.Equal("xyz", query["state"]);
    }

    [Fact]
    public async Task A_refresh_grant_issues_a_new_access_token_keeping_the_refresh_expiry()
    {
        var member = await LinkedInSession.ConnectAsync(sandbox);
        var response = await member.Http.PostAsync("/oauth/v2/accessToken", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = member.Token.GetProperty("refresh_token").GetString()!,
            ["client_id"] = LinkedInSession.ClientId,
            ["client_secret"] = LinkedInSession.ClientSecret,
        }), Cancel);

        var renewed = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.NotEqual(member.AccessToken, renewed.GetProperty("access_token").GetString());
        Assert.True(renewed.GetProperty("refresh_token_expires_in").GetInt64() <= member.Token.GetProperty("refresh_token_expires_in").GetInt64());
    }

    [Fact]
    public async Task The_token_endpoint_accepts_form_encoding_only()
    {
        using var http = sandbox.CreateClient();
        var response = await http.PostAsJsonAsync("/oauth/v2/accessToken", new { grant_type = "authorization_code" }, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_post_answers_201_with_an_empty_body_and_its_urn_in_x_restli_id()
    {
        var member = await LinkedInSession.ConnectAsync(sandbox);
        var text = LinkedInSession.UniqueText("Launch day");

        var response = await member.PostAsync(text);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync(Cancel));
        var urn = Assert.Single(response.Headers.GetValues("x-restli-id"));
        Assert.StartsWith("urn:li:share:", urn);
        var published = await PublishedAsync(urn);
        Assert.Equal(text, published.GetProperty("text").GetString());
        Assert.Equal(member.AuthorUrn, published.GetProperty("account").GetString());
    }

    [Fact]
    public async Task A_duplicate_LinkedIn_post_answers_422_naming_the_existing_urn()
    {
        var member = await LinkedInSession.ConnectAsync(sandbox);
        var text = LinkedInSession.UniqueText("Same words twice");
        var urn = (await member.PostAsync(text)).Headers.GetValues("x-restli-id").Single();

        var again = await member.PostAsync(text);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var body = await again.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.EndsWith($"Content is a duplicate of {urn}", body.GetProperty("message").GetString());
        Assert.Equal("DUPLICATE_POST", body.GetProperty("errorDetails").GetProperty("inputErrors")[0].GetProperty("code").GetString());
        Assert.Equal(2, (await PublishedAsync(urn)).GetProperty("request_count").GetInt32());
    }

    [Fact]
    public async Task An_unescaped_reserved_character_silently_truncates_the_visible_text()
    {
        var member = await LinkedInSession.ConnectAsync(sandbox);
        var suffix = Guid.NewGuid().ToString("N");

        var raw = await member.PostAsync($"Launch day (finally) {suffix}");
        var escaped = await member.PostAsync($"Launch day \\(finally\\) {{hashtag|\\#|release}} {suffix}");

        Assert.Equal(HttpStatusCode.Created, raw.StatusCode);
        Assert.Equal("Launch day ", (await PublishedAsync(raw.Headers.GetValues("x-restli-id").Single())).GetProperty("text").GetString());
        Assert.Equal($"Launch day (finally) #release {suffix}", (await PublishedAsync(escaped.Headers.GetValues("x-restli-id").Single())).GetProperty("text").GetString());
    }

    [Fact]
    public async Task An_uploaded_image_becomes_available_and_can_be_posted()
    {
        var member = await LinkedInSession.ConnectAsync(sandbox);
        var init = await member.SendRestAsync(HttpMethod.Post, "/rest/images?action=initializeUpload", new { initializeUploadRequest = new { owner = member.AuthorUrn } });
        var value = (await init.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("value");
        var imageUrn = value.GetProperty("image").GetString()!;

        var upload = await member.Http.PutAsync(value.GetProperty("uploadUrl").GetString(), new ByteArrayContent(TestImages.Jpeg(1200, 627)), Cancel);
        var status = await (await member.SendRestAsync(HttpMethod.Get, $"/rest/images/{Uri.EscapeDataString(imageUrn)}")).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        var post = await member.PostAsync(LinkedInSession.UniqueText("With a picture"), new { media = new { id = imageUrn, altText = "Dashboard" } });

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal("AVAILABLE", status.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        Assert.Equal(imageUrn, (await PublishedAsync(post.Headers.GetValues("x-restli-id").Single())).GetProperty("image_id").GetString());
    }

    [Fact]
    public async Task A_multi_image_post_keeps_its_images_in_order_and_needs_at_least_two()
    {
        var member = await LinkedInSession.ConnectAsync(sandbox);
        var first = await AvailableImageAsync(member, TestImages.Jpeg(1200, 627));
        var second = await AvailableImageAsync(member, TestImages.Jpeg(1080, 1080));

        var single = await member.PostAsync(LinkedInSession.UniqueText("One is not many"), new { multiImage = new { images = new[] { new { id = first, altText = "A" } } } });
        var post = await member.PostAsync(LinkedInSession.UniqueText("Two pictures"),
            new { multiImage = new { images = new[] { new { id = second, altText = "Square" }, new { id = first, altText = "Wide" } } } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, single.StatusCode);
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var published = await PublishedAsync(post.Headers.GetValues("x-restli-id").Single());
        Assert.Equal([second, first], published.GetProperty("images").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
        Assert.StartsWith("jpeg 1080x1080", published.GetProperty("images")[0].GetProperty("info").GetString());
    }

    private static async Task<string> AvailableImageAsync(LinkedInSession member, byte[] bytes)
    {
        var init = await member.SendRestAsync(HttpMethod.Post, "/rest/images?action=initializeUpload", new { initializeUploadRequest = new { owner = member.AuthorUrn } });
        var value = (await init.Content.ReadFromJsonAsync<JsonElement>(Cancel)).GetProperty("value");
        var imageUrn = value.GetProperty("image").GetString()!;
        Assert.Equal(HttpStatusCode.Created, (await member.Http.PutAsync(value.GetProperty("uploadUrl").GetString(), new ByteArrayContent(bytes), Cancel)).StatusCode);
        var status = await (await member.SendRestAsync(HttpMethod.Get, $"/rest/images/{Uri.EscapeDataString(imageUrn)}")).Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("AVAILABLE", status.GetProperty("status").GetString());
        return imageUrn;
    }

    [Fact]
    public async Task Listing_posts_by_author_needs_r_member_social()
    {
        var writer = await LinkedInSession.ConnectAsync(sandbox);
        var reader = await LinkedInSession.ConnectAsync(sandbox, "openid profile w_member_social r_member_social");
        await reader.PostAsync(LinkedInSession.UniqueText("Readable"));

        var denied = await writer.SendRestAsync(HttpMethod.Get, $"/rest/posts?q=author&author={Uri.EscapeDataString(writer.AuthorUrn)}");
        var allowed = await reader.SendRestAsync(HttpMethod.Get, $"/rest/posts?q=author&author={Uri.EscapeDataString(reader.AuthorUrn)}&count=10");

        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
        var page = await allowed.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Single(page.GetProperty("elements").EnumerateArray());
    }

    [Fact]
    public async Task A_rest_call_without_LinkedIn_Version_answers_426()
    {
        var member = await LinkedInSession.ConnectAsync(sandbox);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/rest/posts") { Content = JsonContent.Create(new { author = member.AuthorUrn }) };
        request.Headers.Add("X-Restli-Protocol-Version", "2.0.0");
        var missing = await member.Http.SendAsync(request, Cancel);

        using var retired = new HttpRequestMessage(HttpMethod.Post, "/rest/posts") { Content = JsonContent.Create(new { author = member.AuthorUrn }) };
        retired.Headers.Add("X-Restli-Protocol-Version", "2.0.0");
        retired.Headers.Add("LinkedIn-Version", "202409");
        var old = await member.Http.SendAsync(retired, Cancel);

        Assert.Equal((HttpStatusCode)426, missing.StatusCode);
        Assert.Equal((HttpStatusCode)426, old.StatusCode);
        var body = await old.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.Equal("NONEXISTENT_VERSION", body.GetProperty("code").GetString());
        Assert.Equal("Requested version 20240901 is not active", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Posting_as_another_member_is_forbidden()
    {
        var member = await LinkedInSession.ConnectAsync(sandbox);
        var response = await member.SendRestAsync(HttpMethod.Post, "/rest/posts", new
        {
            author = "urn:li:person:someoneElse",
            commentary = "Not mine",
            visibility = "PUBLIC",
            distribution = new { feedDistribution = "MAIN_FEED" },
            lifecycleState = "PUBLISHED",
        });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private async Task<JsonElement> PublishedAsync(string externalId)
    {
        using var http = sandbox.CreateClient();
        var all = await http.GetFromJsonAsync<JsonElement>("/api/published", Cancel);
        return all.EnumerateArray().Single(p => p.GetProperty("external_id").GetString() == externalId);
    }
}
