using System.Net;
using System.Net.Http.Json;
using SocialPlanner.Tests.Infrastructure;
using static SocialPlanner.Tests.Infrastructure.ApiClient;

namespace SocialPlanner.Tests.Auth;

/// <summary>The account a user manages from Settings: their password, their data, their account itself.</summary>
[Collection(AppCollection.Name)]
public class AccountTests(AppFixture app)
{
    private const string NewPassword = "FreshPass789";

    private readonly HttpClient _anonymous = app.CreateHttpClient("api");

    [Fact]
    public async Task Changing_the_password_ends_the_other_sessions_and_keeps_this_one()
    {
        var user = await app.RegisterAsync();
        var elsewhere = await LoginAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
        var elsewhereRefresh = (await elsewhere.ReadJsonAsync())["data"]!["session"]!["refresh_token"]!.GetValue<string>();

        var change = await user.Http.PostAsJsonAsync("/api/auth/password",
            new { current_password = user.Password, new_password = NewPassword }, cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await user.Http.GetAsync("/api/auth/me", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(user.RefreshToken)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await RefreshAsync(elsewhereRefresh)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(user.Email, user.Password)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(user.Email, NewPassword)).StatusCode);
    }

    [Fact]
    public async Task A_weak_new_password_answers_400_with_the_sign_up_rules_and_changes_nothing()
    {
        var user = await app.RegisterAsync();

        var response = await user.Http.PostAsJsonAsync("/api/auth/password",
            new { current_password = user.Password, new_password = "short" }, cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal("validation_error", error["type"]!.GetValue<string>());
        var errors = error["errors"]!.AsArray();
        Assert.All(errors, e => Assert.Equal("new_password", e!["field"]!.GetValue<string>()));
        Assert.Contains(errors, e => e!["message"]!.GetValue<string>().Contains("at least 8", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await LoginAsync(user.Email, user.Password)).StatusCode);
    }

    [Fact]
    public async Task A_wrong_current_password_answers_400_on_its_field_and_keeps_every_session()
    {
        var user = await app.RegisterAsync();

        var response = await user.Http.PostAsJsonAsync("/api/auth/password",
            new { current_password = "NotMine123", new_password = NewPassword }, cancellationToken: Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal("current_password", Assert.Single(error["errors"]!.AsArray())!["field"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(user.Email, NewPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await RefreshAsync(user.RefreshToken)).StatusCode);
    }

    [Fact]
    public async Task Changing_the_password_requires_a_bearer_token()
    {
        var response = await _anonymous.PostAsJsonAsync("/api/auth/password",
            new { current_password = Password, new_password = NewPassword }, cancellationToken: Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private Task<HttpResponseMessage> LoginAsync(string email, string password) =>
        _anonymous.PostAsJsonAsync("/api/auth/login", new { email, password }, cancellationToken: Ct);

    private Task<HttpResponseMessage> RefreshAsync(string refreshToken) =>
        _anonymous.PostAsJsonAsync("/api/auth/refresh", new { refresh_token = refreshToken }, cancellationToken: Ct);
}
